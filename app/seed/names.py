"""Name parts for generated companies, people, deals and activities.

Chinese parts carry their pinyin (written after each character or word) so e-mail
addresses and web domains follow from a name without a pinyin look-up per row.
"""
from __future__ import annotations


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """'华hua 瑞rui' -> (('华', 'hua'), ('瑞', 'rui')): CJK characters, then their pinyin."""
    out = []
    for item in text.split():
        cut = next(i for i, ch in enumerate(item) if ch.isascii())
        out.append((item[:cut], item[cut:]))
    return tuple(out)


# Brand syllables: two of them make a trade name (华瑞, 恒通, 中科...).
BRAND_SYLLABLES = _pairs(
    "华hua 瑞rui 恒heng 达da 信xin 通tong 联lian 创chuang 新xin 科ke 泰tai 盛sheng 鑫xin 源yuan "
    "宏hong 远yuan 嘉jia 诚cheng 博bo 安an 正zheng 和he 顺shun 锦jin 辉hui 腾teng 飞fei 龙long "
    "凯kai 富fu 力li 天tian 海hai 金jin 中zhong 美mei 永yong 昌chang 兴xing 隆long 汇hui 丰feng "
    "德de 润run 卓zhuo 越yue 致zhi 云yun 启qi 明ming 智zhi 慧hui 睿rui 思si 佳jia 宇yu 星xing "
    "晨chen 阳yang 光guang 蓝lan 青qing 东dong 南nan 森sen 林lin 峰feng 泽ze 航hang 迅xun 捷jie "
    "赛sai 维wei 特te 威wei 普pu 雅ya 优you 恩en 众zhong 万wan 亿yi 百bai 千qian 鼎ding 誉yu "
    "弘hong 晟sheng 朗lang 拓tuo 铭ming 祥xiang 骏jun 灵ling 帆fan 途tu 道dao 成cheng 立li"
)

# Industry words by dictionary code: (word, pinyin for domains), the legal form they
# usually take, and how often the code occurs (weights in percent of Chinese companies).
INDUSTRY_WORDS: dict[str, tuple[tuple[tuple[str, str], ...], int]] = {
    "technology": (_pairs("科技keji 信息技术xinxi 网络科技wangluo 智能科技zhineng 数字科技shuzi"), 16),
    "software": (_pairs("软件ruanjian 软件技术soft 信息系统xitong"), 9),
    "telecommunications": (_pairs("通信技术tongxin 通讯设备tongxun 网络通信net"), 4),
    "manufacturing": (_pairs("机械制造jixie 精密机械jingmi 电子dianzi 新材料xincai 汽车零部件qipei "
                             "装备制造zhuangbei 电气dianqi 化工huagong"), 20),
    "retail": (_pairs("商贸shangmao 百货baihuo 连锁超市chaoshi 电子商务dianshang"), 8),
    "medical": (_pairs("医疗器械yiliao 生物医药shengwu 健康科技jiankang 医药yiyao"), 7),
    "finance": (_pairs("投资touzi 融资租赁zulin 金融服务jinrong 资产管理zichan"), 5),
    "energy": (_pairs("能源nengyuan 新能源xinneng 电力工程dianli 光伏科技guangfu"), 6),
    "education": (_pairs("教育科技jiaoyu 培训peixun 教育咨询edu"), 4),
    "logistics": (_pairs("物流wuliu 供应链管理scm 国际货运代理huoyun 仓储服务cangchu"), 6),
    "real_estate": (_pairs("置业zhiye 房地产开发dichan 物业服务wuye"), 3),
    "government": (_pairs("城市建设投资chengtou 水务shuiwu 燃气ranqi 公共交通gongjiao"), 2),
    "services": (_pairs("管理咨询zixun 企业服务qifu 检测技术jiance 会展服务huizhan"), 4),
    "marketing": (_pairs("广告guanggao 营销策划yingxiao 文化传播chuanbo"), 2),
    "entertainment": (_pairs("文化传媒chuanmei 影视yingshi 娱乐yule"), 2),
    "employment": (_pairs("人力资源hr 人才服务rencai"), 1),
    "other": (_pairs("实业shiye 贸易maoyi 工贸gongmao"), 1),
}

# Legal forms, by how often they occur (cumulative picks from a 20-slot table).
LEGAL_FORMS = ("有限公司",) * 12 + ("股份有限公司",) * 4 + ("有限责任公司",) * 2 + ("集团有限公司",) * 2
DOMAIN_SUFFIXES = (".com",) * 5 + (".cn",) * 3 + (".com.cn",) * 2 + (".net",)
MAIL_BOXES = ("info", "info", "sales", "contact", "service", "office", "admin", "business", "market", "hr")

# Latin company names for foreign customers: word + business + legal form.
LATIN_WORDS = tuple(
    "Northwind Bluewave Ironbridge Silverline Helix Nordlicht Apex Vantage Kestrel Meridian Alder "
    "Brightwater Cobalt Driftwood Evergreen Falcon Granite Harbor Ivory Juniper Keystone Lumen "
    "Maple Nimbus Oakridge Pinnacle Quarry Redwood Summit Tidewater Umbra Vector Westbrook Zephyr "
    "Aurora Beacon Cascade Delta Ember Fjord Glacier Horizon Insignia Jetstream Kinetic Lodestar "
    "Monarch Nova Orbit Polaris Quantum Radiant Sterling Titan Unity Vertex Wavelength Yarrow Zenith "
    "Altmann Brenner Castell Dornier Engel Falkner Greiner Hausmann Ingersoll Jansen Kessler Lindqvist".split()
)
LATIN_BUSINESSES: tuple[tuple[str, str], ...] = (
    ("Systems", "technology"), ("Technologies", "technology"), ("Digital", "technology"),
    ("Software", "software"), ("Analytics", "software"), ("Networks", "telecommunications"),
    ("Precision", "manufacturing"), ("Automation", "manufacturing"), ("Machinery", "manufacturing"),
    ("Components", "manufacturing"), ("Materials", "manufacturing"), ("Trading", "retail"),
    ("Retail", "retail"), ("Foods", "retail"), ("Medical", "medical"), ("Life Sciences", "medical"),
    ("Capital", "finance"), ("Energy", "energy"), ("Solar", "energy"), ("Learning", "education"),
    ("Logistics", "logistics"), ("Freight", "logistics"), ("Properties", "real_estate"),
    ("Consulting", "services"), ("Engineering", "services"), ("Media", "entertainment"),
    ("Marketing", "marketing"), ("Staffing", "employment"), ("Industries", "other"),
)
LATIN_FORMS = ("Co., Ltd.", "Ltd.", "GmbH", "Inc.", "S.A.", "B.V.", "Pte. Ltd.", "AG", "LLC", "Limited")

# People. Surnames roughly by frequency (earlier ones are picked more often).
SURNAMES = _pairs(
    "王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu "
    "胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng "
    "邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du "
    "叶ye 程cheng 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan "
    "陆lu 汪wang 范fan 金jin 石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng "
    "熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 闫yan 段duan 雷lei 侯hou 龙long 史shi 陶tao 黎li "
    "贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan 戴dai 莫mo 孔kong 向xiang 汤tang"
)
GIVEN_CHARS = _pairs(
    "伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan "
    "涛tao 明ming 超chao 秀xiu 霞xia 平ping 刚gang 桂gui 英ying 华hua 文wen 玲ling 建jian 国guo "
    "红hong 志zhi 斌bin 鹏peng 辉hui 俊jun 峰feng 宇yu 浩hao 晨chen 欣xin 婷ting 雪xue 琳lin "
    "颖ying 佳jia 子zi 轩xuan 梓zi 涵han 怡yi 博bo 思si 雨yu 萱xuan 嘉jia 睿rui 泽ze 晓xiao "
    "海hai 亮liang 健jian 凯kai 蕾lei 倩qian 慧hui 丹dan 阳yang 东dong 宁ning 波bo 荣rong "
    "春chun 燕yan 飞fei 莉li 彬bin 晶jing 立li 新xin 云yun 琪qi 昊hao 天tian 一yi 诗shi 瑶yao "
    "锐rui 毅yi 帆fan 岩yan 璐lu 薇wei 楠nan 彤tong 航hang 昕xin"
)
LATIN_FIRST = tuple(
    "James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Susan Richard "
    "Jessica Thomas Sarah Daniel Karen Matthew Emma Anna Lukas Sophie Felix Laura Jonas Marie Paul "
    "Julia Pierre Camille Louis Chloe Hans Eva Marco Giulia Luca Sofia Lars Ingrid Erik Astrid Kenji "
    "Yuki Hiroshi Aiko Oliver Charlotte Henry Amelia Jack Olivia Noah Mia Lucas Hannah Max Lena Tom Nina".split()
)
# (as written, as in an e-mail address)
LATIN_LAST = tuple((n, n.lower().replace("ü", "ue").replace("ö", "oe").replace("'", "")) for n in (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
    "Jackson White Harris Clark Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams "
    "Nelson Hill Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schulz Dubois "
    "Bernard Moreau Laurent Rossi Russo Ferrari Bianchi Jansen Visser Andersson Johansson Nilsson "
    "Tanaka Suzuki Sato Watanabe Murphy Kelly O'Brien Novak Kowalski Köhler".split()))

TITLES_ZH = ("总经理", "副总经理", "采购经理", "采购经理", "采购主管", "IT总监", "信息中心主任", "财务总监",
             "财务经理", "技术负责人", "项目经理", "项目经理", "运营总监", "行政经理", "董事长", "工程部经理",
             "生产经理", "质量经理", "法务专员", "总经理助理")
TITLES_EN = ("General Manager", "Managing Director", "Purchasing Manager", "Purchasing Manager", "Head of IT",
             "CFO", "Finance Manager", "Project Manager", "Project Manager", "Operations Director",
             "Procurement Lead", "CTO", "General Manager (China)", "Plant Manager", "Office Manager")

# What deals are about: (Chinese, English).
DEAL_TOPICS = (
    ("ERP系统升级", "ERP upgrade"), ("CRM实施", "CRM rollout"), ("MES生产执行系统", "MES implementation"),
    ("数据中心扩容", "Data centre expansion"), ("私有云平台建设", "Private cloud platform"),
    ("年度运维服务", "Annual support contract"), ("网络安全等级保护", "Cybersecurity assessment"),
    ("办公设备采购", "Office equipment"), ("工业机器人集成", "Robot cell integration"),
    ("仓储自动化改造", "Warehouse automation"), ("视频会议系统", "Video conferencing"),
    ("软件许可续约", "Licence renewal"), ("数据治理咨询", "Data governance consulting"),
    ("供应链协同平台", "Supply chain portal"), ("智能工厂规划", "Smart factory roadmap"),
    ("安防监控改造", "Security camera upgrade"), ("企业培训服务", "Staff training programme"),
    ("营销数字化", "Marketing automation"), ("财务共享中心", "Finance shared services"),
    ("电子签章系统", "E-signature platform"), ("OA协同办公", "Intranet and workflow"),
    ("服务器采购", "Server purchase"), ("大数据分析平台", "Analytics platform"),
    ("移动应用开发", "Mobile app development"), ("质量检测设备", "Quality inspection equipment"),
    ("冷链物流方案", "Cold-chain logistics"), ("光伏电站运维", "Solar plant maintenance"),
    ("门店收银系统", "Point-of-sale rollout"), ("医院信息化", "Hospital information system"),
    ("智慧校园", "Smart campus"),
)

NOTES_ZH = ("客户关注交付周期", "决策人近期有变动", "竞争对手报价更低", "预算预计下季度批复", "客户对演示反馈积极",
            "需要补充资质文件", "付款条件需要再谈", "客户要求现场测试", "老客户，合作稳定", "采购流程较长")
NOTES_EN = ("Cares most about lead time", "New decision maker since last quarter", "Competitor quoted lower",
            "Budget expected next quarter", "Positive feedback on the demo", "Asked for certificates",
            "Payment terms still open", "Wants an on-site trial", "Long-standing customer", "Slow purchasing process")
