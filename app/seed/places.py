"""Cities for generated customers: names, districts with their administrative division
codes (the 3rd-8th characters of a unified social credit code), telephone area codes
and the length of local numbers, so a company's name, address, landline and credit
code agree with each other."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    city: str            # as in a company name: 北京, 深圳
    prefix: str          # as in an address: 北京市, 广东省深圳市
    pinyin: str
    english: str
    area_code: str       # without the trunk 0
    local_digits: int    # digits of a landline after the area code
    districts: tuple[tuple[str, str, str], ...]  # (division code, name, English)
    weight: int          # how often customers sit here


def _districts(text: str) -> tuple[tuple[str, str, str], ...]:
    out = []
    for item in text.split(";"):
        code, zh, en = item.strip().split(" ", 2)
        out.append((code, zh, en))
    return tuple(out)


REGIONS = (
    Region("北京", "北京市", "bj", "Beijing", "10", 8, _districts(
        "110101 东城区 Dongcheng; 110102 西城区 Xicheng; 110105 朝阳区 Chaoyang; 110108 海淀区 Haidian"), 14),
    Region("上海", "上海市", "sh", "Shanghai", "21", 8, _districts(
        "310101 黄浦区 Huangpu; 310104 徐汇区 Xuhui; 310105 长宁区 Changning; 310115 浦东新区 Pudong"), 14),
    Region("广州", "广东省广州市", "gz", "Guangzhou", "20", 8, _districts(
        "440103 荔湾区 Liwan; 440104 越秀区 Yuexiu; 440106 天河区 Tianhe; 440111 白云区 Baiyun"), 8),
    Region("深圳", "广东省深圳市", "sz", "Shenzhen", "755", 8, _districts(
        "440303 罗湖区 Luohu; 440304 福田区 Futian; 440305 南山区 Nanshan; 440306 宝安区 Bao'an"), 10),
    Region("杭州", "浙江省杭州市", "hz", "Hangzhou", "571", 8, _districts(
        "330102 上城区 Shangcheng; 330105 拱墅区 Gongshu; 330106 西湖区 Xihu; 330108 滨江区 Binjiang"), 6),
    Region("南京", "江苏省南京市", "nj", "Nanjing", "25", 8, _districts(
        "320102 玄武区 Xuanwu; 320104 秦淮区 Qinhuai; 320105 建邺区 Jianye; 320106 鼓楼区 Gulou"), 5),
    Region("苏州", "江苏省苏州市", "suz", "Suzhou", "512", 8, _districts(
        "320505 虎丘区 Huqiu; 320506 吴中区 Wuzhong; 320507 相城区 Xiangcheng; 320508 姑苏区 Gusu"), 6),
    Region("成都", "四川省成都市", "cd", "Chengdu", "28", 8, _districts(
        "510104 锦江区 Jinjiang; 510105 青羊区 Qingyang; 510106 金牛区 Jinniu; 510107 武侯区 Wuhou"), 5),
    Region("武汉", "湖北省武汉市", "wh", "Wuhan", "27", 8, _districts(
        "420102 江岸区 Jiang'an; 420103 江汉区 Jianghan; 420106 武昌区 Wuchang; 420111 洪山区 Hongshan"), 4),
    Region("西安", "陕西省西安市", "xa", "Xi'an", "29", 8, _districts(
        "610102 新城区 Xincheng; 610103 碑林区 Beilin; 610104 莲湖区 Lianhu; 610113 雁塔区 Yanta"), 3),
    Region("重庆", "重庆市", "cq", "Chongqing", "23", 8, _districts(
        "500103 渝中区 Yuzhong; 500105 江北区 Jiangbei; 500106 沙坪坝区 Shapingba; 500112 渝北区 Yubei"), 3),
    Region("天津", "天津市", "tj", "Tianjin", "22", 8, _districts(
        "120101 和平区 Heping; 120103 河西区 Hexi; 120104 南开区 Nankai; 120116 滨海新区 Binhai"), 3),
    Region("青岛", "山东省青岛市", "qd", "Qingdao", "532", 8, _districts(
        "370202 市南区 Shinan; 370203 市北区 Shibei; 370211 黄岛区 Huangdao; 370212 崂山区 Laoshan"), 2),
    Region("长沙", "湖南省长沙市", "cs", "Changsha", "731", 8, _districts(
        "430102 芙蓉区 Furong; 430103 天心区 Tianxin; 430104 岳麓区 Yuelu; 430105 开福区 Kaifu"), 2),
    Region("厦门", "福建省厦门市", "xm", "Xiamen", "592", 7, _districts(
        "350203 思明区 Siming; 350205 海沧区 Haicang; 350206 湖里区 Huli; 350211 集美区 Jimei"), 2),
    Region("合肥", "安徽省合肥市", "hf", "Hefei", "551", 8, _districts(
        "340102 瑶海区 Yaohai; 340103 庐阳区 Luyang; 340104 蜀山区 Shushan; 340111 包河区 Baohe"), 2),
    Region("郑州", "河南省郑州市", "zz", "Zhengzhou", "371", 8, _districts(
        "410102 中原区 Zhongyuan; 410103 二七区 Erqi; 410104 管城回族区 Guancheng; 410105 金水区 Jinshui"), 2),
    Region("宁波", "浙江省宁波市", "nb", "Ningbo", "574", 8, _districts(
        "330203 海曙区 Haishu; 330205 江北区 Jiangbei; 330206 北仑区 Beilun; 330212 鄞州区 Yinzhou"), 2),
    Region("佛山", "广东省佛山市", "fs", "Foshan", "757", 8, _districts(
        "440604 禅城区 Chancheng; 440605 南海区 Nanhai; 440606 顺德区 Shunde; 440607 三水区 Sanshui"), 2),
    Region("沈阳", "辽宁省沈阳市", "sy", "Shenyang", "24", 8, _districts(
        "210102 和平区 Heping; 210103 沈河区 Shenhe; 210106 铁西区 Tiexi; 210112 浑南区 Hunnan"), 1),
    Region("济南", "山东省济南市", "jn", "Jinan", "531", 8, _districts(
        "370102 历下区 Lixia; 370103 市中区 Shizhong; 370104 槐荫区 Huaiyin; 370112 历城区 Licheng"), 1),
    Region("福州", "福建省福州市", "fz", "Fuzhou", "591", 8, _districts(
        "350102 鼓楼区 Gulou; 350103 台江区 Taijiang; 350104 仓山区 Cangshan; 350111 晋安区 Jin'an"), 1),
    Region("无锡", "江苏省无锡市", "wx", "Wuxi", "510", 8, _districts(
        "320205 锡山区 Xishan; 320211 滨湖区 Binhu; 320213 梁溪区 Liangxi; 320214 新吴区 Xinwu"), 2),
)

# One slot per unit of weight: picking a uniform slot picks a region by weight.
REGION_SLOTS = tuple(i for i, r in enumerate(REGIONS) for _ in range(r.weight))

# Foreign companies mostly have their China office in these (indexes into REGIONS).
FOREIGN_OFFICE_SLOTS = (1, 1, 1, 1, 0, 0, 3, 3, 6, 6, 2, 4)

ROADS = (
    ("人民路", "Renmin Road"), ("中山路", "Zhongshan Road"), ("建设路", "Jianshe Road"), ("解放路", "Jiefang Road"),
    ("科技路", "Keji Road"), ("创业路", "Chuangye Road"), ("高新大道", "Gaoxin Avenue"), ("学院路", "Xueyuan Road"),
    ("滨江大道", "Binjiang Avenue"), ("世纪大道", "Century Avenue"), ("长江路", "Changjiang Road"),
    ("黄河路", "Huanghe Road"), ("和平路", "Heping Road"), ("迎宾大道", "Yingbin Avenue"), ("光明路", "Guangming Road"),
    ("东风路", "Dongfeng Road"), ("文化路", "Wenhua Road"), ("金融街", "Financial Street"), ("软件园路", "Software Park Road"),
    ("工业大道", "Industrial Avenue"), ("新华路", "Xinhua Road"), ("青年路", "Qingnian Road"), ("湖滨路", "Hubin Road"),
    ("锦绣路", "Jinxiu Road"),
)
BUILDINGS = ("大厦", "科技园", "国际中心", "广场", "产业园", "商务中心")

# Mobile prefixes every number after which is a valid mainland mobile (checked by a test
# against libphonenumber); landlines start with 2-6 after the area code.
MOBILE_PREFIXES = tuple(str(p) for p in (*range(130, 140), 150, 151, 152, 153, 155, 156, 157, 158, 159, 166,
                                          176, 177, 178, *range(180, 190), 191, 198, 199))
LANDLINE_FIRST_DIGITS = "23456"
