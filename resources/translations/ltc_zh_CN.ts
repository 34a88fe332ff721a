<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About LTC Desk</source>
        <translation>关于 LTC Desk</translation>
    </message>
    <message>
        <source>LTC Desk %1</source>
        <translation>LTC Desk %1</translation>
    </message>
    <message>
        <source>Lead to cash, offline first: leads, customers, deals, quotes, orders, invoices and payments, synced with your team&apos;s server.</source>
        <translation>从线索到现金，离线优先：线索、客户、商机、报价、订单、发票和回款，与团队服务器同步。</translation>
    </message>
    <message>
        <source>Released under the %1 licence. The bundled document font is WenQuanYi Micro Hei (Apache 2.0); Qt is used under the LGPL 3.</source>
        <translation>以 %1 许可证发布。随附的单据字体为文泉驿微米黑（Apache 2.0）；Qt 按 LGPL 3 使用。</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3 on %4</source>
        <translation>Qt %1，PySide6 %2，Python %3，运行于 %4</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>日志：%1</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>may sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Activities and tasks</source>
        <translation>活动与待办</translation>
    </message>
    <message>
        <source>Log activity</source>
        <translation>记录活动</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建待办</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit task</source>
        <translation>编辑待办</translation>
    </message>
    <message>
        <source>Log activity</source>
        <translation>记录活动</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建待办</translation>
    </message>
</context>
<context>
    <name>ActivityKind</name>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Data dictionary</source>
        <translation>数据字典</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复数据</translation>
    </message>
    <message>
        <source>Users, devices, duplicates and merges live on the server: sign in to a server to manage them. The data dictionary can be edited here; it syncs once this profile is connected.</source>
        <translation>用户、设备、重复数据和合并都在服务器上管理：请登录服务器后进行。数据字典可以在这里编辑；此配置文件连接服务器后即会同步。</translation>
    </message>
</context>
<context>
    <name>AllocationDialog</name>
    <message>
        <source>Allocate payment</source>
        <translation>核销回款</translation>
    </message>
    <message>
        <source>Already allocated</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Remove this allocation</source>
        <translation>撤销这笔核销</translation>
    </message>
    <message>
        <source>Open invoices, the oldest due first. Type the amount to allocate to each:</source>
        <translation>未结发票，最早到期的在前。输入要核销到每张发票的金额：</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>按到期先后</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 received from %2 on %3 %4</source>
        <translation>%3 收到 %2 的 %1 %4</translation>
    </message>
    <message>
        <source>Unallocated before: %1</source>
        <translation>核销前未核销：%1</translation>
    </message>
    <message>
        <source>Allocating now: %1</source>
        <translation>本次核销：%1</translation>
    </message>
    <message>
        <source>Stays unallocated: %1</source>
        <translation>仍未核销：%1</translation>
    </message>
    <message>
        <source>That is more than the payment has left to allocate.</source>
        <translation>超出了这笔回款剩余可核销的金额。</translation>
    </message>
    <message>
        <source>An invoice is given more than is open on it.</source>
        <translation>有发票的核销金额超过了其未结金额。</translation>
    </message>
    <message>
        <source>Allocation removed; the invoice is open again.</source>
        <translation>核销已撤销；发票重新变为未结。</translation>
    </message>
    <message>
        <source>Allocated %1.</source>
        <translation>已核销 %1。</translation>
    </message>
    <message>
        <source>%1 stays unallocated and shows on the customer&apos;s page.</source>
        <translation>%1 仍未核销，会显示在客户页面上。</translation>
    </message>
    <message>
        <source>Nothing was allocated: %1</source>
        <translation>未核销任何金额：%1</translation>
    </message>
</context>
<context>
    <name>AllocationModel</name>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>核销金额</translation>
    </message>
    <message>
        <source>More than is open on this invoice</source>
        <translation>超过了这张发票的未结金额</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>Allocate: %1</source>
        <translation>核销：%1</translation>
    </message>
</context>
<context>
    <name>Amounts</name>
    <message>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>must be above zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <source>must be between 0% and 100%</source>
        <translation>必须在 0% 到 100% 之间</translation>
    </message>
</context>
<context>
    <name>BillingPlanModel</name>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Invoiced: this milestone is fixed</source>
        <translation>已开票：此里程碑不可再改</translation>
    </message>
    <message>
        <source>Milestone %1</source>
        <translation>里程碑 %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>must be above 0%</source>
        <translation>必须大于 0%</translation>
    </message>
    <message>
        <source>must be an amount of zero or more</source>
        <translation>必须是零或正的金额</translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation>必须是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Decide several conflicts</source>
        <translation>批量处理冲突</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) selected. Choose one rule; conflicts it does not fit are left alone.</source>
        <translation>
            <numerusform>已选择 %n 个冲突。请选择一条规则；不适用该规则的冲突将保持不变。</numerusform>
        </translation>
    </message>
    <message>
        <source>Take the server&apos;s value</source>
        <translation>采用服务器的值</translation>
    </message>
    <message>
        <source>Take the client&apos;s value</source>
        <translation>采用客户端的值</translation>
    </message>
    <message>
        <source>Note kept with each decision</source>
        <translation>随每项决定保存的备注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>every field of the conflict</source>
        <translation>冲突的所有字段</translation>
    </message>
    <message>
        <source>Keep / restore the record</source>
        <translation>保留 / 恢复该记录</translation>
    </message>
    <message>
        <source>Confirm the delete</source>
        <translation>确认删除</translation>
    </message>
    <message>
        <source>Restore the parent</source>
        <translation>恢复上级记录</translation>
    </message>
    <message>
        <source>Discard the record</source>
        <translation>舍弃该记录</translation>
    </message>
    <message>
        <source>Keep both records</source>
        <translation>两条记录都保留</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) will be decided.</source>
        <translation>
            <numerusform>将处理 %n 个冲突。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left alone (%1).</source>
        <translation>
            <numerusform>%n 个保持不变（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deciding…</source>
        <translation>正在处理…</translation>
    </message>
    <message numerus="yes">
        <source>%n decided.</source>
        <translation>
            <numerusform>已处理 %n 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the server: %1</source>
        <translation>
            <numerusform>%n 个被服务器拒绝：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeRequestDialog</name>
    <message>
        <source>New change request</source>
        <translation>新建变更申请</translation>
    </message>
    <message>
        <source>What does the customer want changed?</source>
        <translation>客户希望变更什么？</translation>
    </message>
    <message>
        <source>e.g. 12,000.00 or -5,000.00</source>
        <translation>例如 12,000.00 或 -5,000.00</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Description *</source>
        <translation>说明 *</translation>
    </message>
    <message>
        <source>Amount change</source>
        <translation>金额变动</translation>
    </message>
    <message>
        <source>Dates move by</source>
        <translation>日期顺延</translation>
    </message>
    <message>
        <source>Raise change request</source>
        <translation>提交变更申请</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Change on %1 %2</source>
        <translation>%1 %2 的变更</translation>
    </message>
    <message>
        <source>Amount change: %1</source>
        <translation>金额变动：%1</translation>
    </message>
    <message>
        <source>Description: say what changes.</source>
        <translation>说明：请写明变更内容。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
</context>
<context>
    <name>ChangeRequestView</name>
    <message>
        <source>Change request</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Open the new quote revision</source>
        <translation>打开新的报价版本</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Change on %1 %2 · %3</source>
        <translation>%1 %2 的变更 · %3</translation>
    </message>
    <message>
        <source>%1, raised by %2 on %3</source>
        <translation>%1，由 %2 于 %3 提出</translation>
    </message>
    <message>
        <source>decided by %1</source>
        <translation>由 %1 决定</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Approve the change</source>
        <translation>批准变更</translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation>意见（可选）：</translation>
    </message>
    <message>
        <source>Reject the change</source>
        <translation>驳回变更</translation>
    </message>
    <message>
        <source>Why is it rejected?</source>
        <translation>驳回的原因是什么？</translation>
    </message>
    <message>
        <source>Decided.</source>
        <translation>已处理。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Show the figures as a table</source>
        <translation>以表格显示数据</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Chart as PNG image…</source>
        <translation>图表导出为 PNG 图片…</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>数据导出为 CSV…</translation>
    </message>
    <message>
        <source>Data as Excel workbook (XLSX)…</source>
        <translation>数据导出为 Excel 工作簿（XLSX）…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Nothing to show for this filter.</source>
        <translation>此筛选条件下没有可显示的内容。</translation>
    </message>
    <message>
        <source>The last %1 of %2 shown; the table has them all.</source>
        <translation>显示了 %2 项中的最后 %1 项；表格中有全部数据。</translation>
    </message>
    <message>
        <source>The first %1 of %2 shown; the table has them all.</source>
        <translation>显示了 %2 项中的前 %1 项；表格中有全部数据。</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Click to open the list</source>
        <translation>点击打开列表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Chart saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1</source>
        <translation>无法把图表保存到 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>thousands</source>
        <translation>千</translation>
    </message>
    <message>
        <source>millions</source>
        <translation>百万</translation>
    </message>
    <message>
        <source>billions</source>
        <translation>十亿</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>waits for a decision</source>
        <translation>待决定</translation>
    </message>
    <message>
        <source>Check and decide</source>
        <translation>检查并决定</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Rows that cannot be imported say why; questions the data raises need an answer before anything is imported.</source>
        <translation>尚未写入任何内容。无法导入的行会说明原因；数据引出的问题需要先回答，才能导入。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Apply the answers and check again</source>
        <translation>应用答案并重新检查</translation>
    </message>
    <message>
        <source>Rows of</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>Only rows with a problem</source>
        <translation>只看有问题的行</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <source>Checking was cancelled; go back, or apply the answers to check again.</source>
        <translation>检查已取消；请返回，或应用答案后重新检查。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s) — %2 to create, %3 to update, %4 unchanged, %5 rejected, %6 waiting for a decision</source>
        <translation>
            <numerusform>%1：%n 行 — 新建 %2，更新 %3，不变 %4，拒绝 %5，待决定 %6</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped: your role may not create these; names are looked up instead</source>
        <translation>已跳过：你的角色无权新建这些记录；改为按名称查找</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) need an answer before anything can be imported.</source>
        <translation>
            <numerusform>有 %n 个问题需要回答后才能导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some answers cannot be used; see below.</source>
        <translation>部分答案无法使用；请看下方。</translation>
    </message>
    <message>
        <source>Ready: go on to do a dry run or the import.</source>
        <translation>准备就绪：可以试运行或正式导入。</translation>
    </message>
    <message numerus="yes">
        <source>Questions (%n)</source>
        <translation>
            <numerusform>问题（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CollectionsView</name>
    <message>
        <source>Only my customers</source>
        <translation>只看我的客户</translation>
    </message>
    <message>
        <source>Log reminder</source>
        <translation>记录催款</translation>
    </message>
    <message>
        <source>Record that the selected invoice&apos;s customer was reminded (now).</source>
        <translation>记录已（于此刻）提醒所选发票的客户付款。</translation>
    </message>
    <message>
        <source>Open invoice</source>
        <translation>打开发票</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last reminder</source>
        <translation>上次催款</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>催款次数</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Remind now</source>
        <translation>立即催款</translation>
    </message>
    <message>
        <source>Reminded recently</source>
        <translation>近期已催款</translation>
    </message>
    <message>
        <source>%1 overdue invoice(s), %2 to remind now</source>
        <translation>%1 张逾期发票，%2 张需立即催款</translation>
    </message>
    <message>
        <source>Reminder logged for %1.</source>
        <translation>已记录对 %1 的催款。</translation>
    </message>
</context>
<context>
    <name>ColumnDelegate</name>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
</context>
<context>
    <name>CommentPrompt</name>
    <message>
        <source>Please say why: a comment is required here.</source>
        <translation>请说明原因：此处必须填写意见。</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare quote revisions</source>
        <translation>比较报价版本</translation>
    </message>
    <message>
        <source>Revision %1 against revision %2: %3 changed, %4 added, %5 removed, %6 the same. Total %7 → %8 (%9).</source>
        <translation>版本 %1 对比版本 %2：%3 项变化，%4 项新增，%5 项删除，%6 项相同。合计 %7 → %8（%9）。</translation>
    </message>
</context>
<context>
    <name>ConflictQueue</name>
    <message>
        <source>Any age</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Older than an hour</source>
        <translation>超过一小时</translation>
    </message>
    <message>
        <source>Older than a day</source>
        <translation>超过一天</translation>
    </message>
    <message>
        <source>Older than a week</source>
        <translation>超过一周</translation>
    </message>
    <message>
        <source>Decide selected…</source>
        <translation>处理所选…</translation>
    </message>
    <message>
        <source>Scan for duplicates</source>
        <translation>查找重复</translation>
    </message>
    <message>
        <source>Look on the server for likely duplicate customers, contacts and leads and put each new pair in this queue.</source>
        <translation>在服务器上查找可能重复的客户、联系人和线索，并把每对新发现的放入此队列。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Select a conflict to decide it.</source>
        <translation>选择一个冲突进行处理。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n 个待处理冲突</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n oldest open conflict(s); narrow the list with the filters to reach the others.</source>
        <translation>
            <numerusform>显示最早的 %n 个未决冲突；用筛选条件缩小范围以查看其余冲突。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The history shows the latest %n decision(s).</source>
        <translation>
            <numerusform>历史记录显示最近的 %n 项决定。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 “%2” looks like an existing one (same %3). Merge them, or keep both.</source>
        <translation>%1“%2”与已有记录相似（%3 相同）。请合并，或两者都保留。</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>新的：%1</translation>
    </message>
    <message>
        <source>Existing: %1</source>
        <translation>已有的：%1</translation>
    </message>
    <message>
        <source>Decided. Every client gets the outcome on its next sync.</source>
        <translation>已处理。每个客户端会在下次同步时收到结果。</translation>
    </message>
    <message>
        <source>Select the conflicts to decide first (Ctrl or Shift to select several).</source>
        <translation>请先选择要处理的冲突（按住 Ctrl 或 Shift 可多选）。</translation>
    </message>
    <message>
        <source>Scanning the server for likely duplicates…</source>
        <translation>正在服务器上查找可能的重复记录…</translation>
    </message>
    <message numerus="yes">
        <source>%n new duplicate conflict(s) from %1 likely pair(s).</source>
        <translation>
            <numerusform>从 %1 对疑似重复中新增 %n 个重复冲突。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>A change of this record waits for an administrator&apos;s decision.</source>
        <translation>此记录的一项更改正等待管理员决定。</translation>
    </message>
    <message>
        <source>A record with this id exists on the server already.</source>
        <translation>服务器上已存在相同 ID 的记录。</translation>
    </message>
    <message>
        <source>Deleted, but edited</source>
        <translation>已删除，但被修改</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Edited, but deleted</source>
        <translation>已修改，但被删除</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Parent deleted</source>
        <translation>上级已删除</translation>
    </message>
    <message>
        <source>Same field</source>
        <translation>同一字段</translation>
    </message>
    <message>
        <source>The record cannot move to that state from where it is on the server.</source>
        <translation>该记录在服务器上的当前状态无法转到这个状态。</translation>
    </message>
    <message>
        <source>The record may no longer change (for example an issued invoice).</source>
        <translation>该记录已不能再修改（例如已开具的发票）。</translation>
    </message>
    <message>
        <source>The record no longer exists on the server.</source>
        <translation>该记录在服务器上已不存在。</translation>
    </message>
    <message>
        <source>The server found a value it does not accept.</source>
        <translation>服务器发现了它不接受的值。</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>服务器拒绝了这项更改。</translation>
    </message>
    <message>
        <source>This %1 looks like one that already exists (%2). An administrator will merge the two or keep both.</source>
        <translation>这个%1与已有的一条相似（%2）。管理员会将两者合并或都保留。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>You added or moved this %1 under a %2 that was deleted on the server. An administrator will move it elsewhere, restore the %2, or discard it.</source>
        <translation>你把这个%1添加或移动到了一个已在服务器上删除的%2下。管理员会把它移到别处、恢复该%2，或将其舍弃。</translation>
    </message>
    <message>
        <source>You and someone else changed %1 of this %2 at the same time, to different values. The other value stays in force until an administrator decides which one is right.</source>
        <translation>你和其他人同时把这个%2的%1改成了不同的值。在管理员决定哪个正确之前，对方的值继续有效。</translation>
    </message>
    <message>
        <source>You changed this %1, but it had been deleted on the server meanwhile. An administrator will decide whether to bring it back with your changes or to confirm the delete.</source>
        <translation>你修改了这个%1，但它在此期间已在服务器上被删除。管理员会决定是带着你的修改恢复它，还是确认删除。</translation>
    </message>
    <message>
        <source>You deleted this %1, but someone had changed it on the server meanwhile, so it is kept until an administrator confirms the delete or keeps the record.</source>
        <translation>你删除了这个%1，但在此期间有人在服务器上修改了它，因此它会被保留，直到管理员确认删除或保留该记录。</translation>
    </message>
    <message>
        <source>Your role may not make this change.</source>
        <translation>你的角色无权进行这项更改。</translation>
    </message>
    <message>
        <source>a field</source>
        <translation>某个字段</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>another record</source>
        <translation>另一条记录</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>delete confirmed</source>
        <translation>已确认删除</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>已舍弃</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>kept both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>已移动</translation>
    </message>
    <message>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>parent restored</source>
        <translation>已恢复上级</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>My sync problems</source>
        <translation>我的同步问题</translation>
    </message>
    <message>
        <source>This profile works on its own: there is no server to have conflicts with. Sign in to a server to sync.</source>
        <translation>此配置文件独立工作：没有服务器，也就不会有冲突。登录服务器即可同步。</translation>
    </message>
    <message>
        <source>Decide what the server could not: each decision becomes a new version that every client gets on its next sync.</source>
        <translation>决定服务器无法自动决定的事项：每项决定都会成为一个新版本，每个客户端在下次同步时都会收到。</translation>
    </message>
    <message>
        <source>What an administrator still has to decide about your changes, and the changes the server refused (fix them here).</source>
        <translation>你的更改中仍需管理员决定的事项，以及被服务器拒绝的更改（在这里修正）。</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
</context>
<context>
    <name>ConvertDialog</name>
    <message>
        <source>Convert lead</source>
        <translation>转化线索</translation>
    </message>
    <message>
        <source>Convert “%1” into a customer, a contact and a deal.</source>
        <translation>把“%1”转化为客户、联系人和商机。</translation>
    </message>
    <message>
        <source>Create a new customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Attach to an existing customer:</source>
        <translation>关联到已有客户：</translation>
    </message>
    <message>
        <source>These existing customers look like the same company:</source>
        <translation>以下已有客户看起来是同一家公司：</translation>
    </message>
    <message>
        <source>new deal</source>
        <translation>新商机</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>转化</translation>
    </message>
    <message>
        <source>same</source>
        <translation>相同</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>LTC Desk: unexpected error</source>
        <translation>LTC Desk：意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that LTC Desk did not expect:
%1

Your saved data is safe. If the program misbehaves from here, close it and start it again.</source>
        <translation>LTC Desk 遇到了意料之外的问题：
%1

已保存的数据是安全的。如果程序此后运行异常，请关闭后重新启动。</translation>
    </message>
    <message>
        <source>The details are in the log file:
%1</source>
        <translation>详细信息在日志文件中：
%1</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>No log file could be written; the details are below.</source>
        <translation>无法写入日志文件；详细信息如下。</translation>
    </message>
</context>
<context>
    <name>CreditBox</name>
    <message>
        <source>Credit check</source>
        <translation>信用检查</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Open receivables</source>
        <translation>未收应收款</translation>
    </message>
    <message>
        <source>This order</source>
        <translation>本订单</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>信用敞口</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Over the limit: finance must release the order</source>
        <translation>超出额度：需财务放行订单</translation>
    </message>
</context>
<context>
    <name>CreditNoteDialog</name>
    <message>
        <source>Credit note for %1</source>
        <translation>%1 的红字发票</translation>
    </message>
    <message>
        <source>At most %1 is open on this invoice.</source>
        <translation>这张发票的未结金额最多为 %1。</translation>
    </message>
    <message>
        <source>Amount credited (incl. VAT) *</source>
        <translation>冲减金额（含增值税）*</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <source>Draft credit note</source>
        <translation>起草红字发票</translation>
    </message>
    <message>
        <source>Amount: %1</source>
        <translation>金额：%1</translation>
    </message>
    <message>
        <source>Amount: is required</source>
        <translation>金额：必填</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
</context>
<context>
    <name>Customer360</name>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Log activity</source>
        <translation>记录活动</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建待办</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Open receivables</source>
        <translation>未收应收款</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <source>Parent company</source>
        <translation>上级公司</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Mark task done</source>
        <translation>标记待办完成</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s)</source>
        <translation>
            <numerusform>%n 个进行中的商机</numerusform>
        </translation>
    </message>
    <message>
        <source>In sync with this computer&apos;s copy</source>
        <translation>与本机副本一致</translation>
    </message>
</context>
<context>
    <name>CustomerDocuments</name>
    <message>
        <source>New quote…</source>
        <translation>新建报价…</translation>
    </message>
    <message>
        <source>New invoice…</source>
        <translation>新建发票…</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记回款…</translation>
    </message>
    <message>
        <source>Quotes, orders, invoices and payments of this customer appear here as they arrive.</source>
        <translation>该客户的报价、订单、发票和回款会在产生后显示在这里。</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Nothing open: no invoice waits for payment.</source>
        <translation>没有未结款项：没有等待付款的发票。</translation>
    </message>
    <message>
        <source>Open %1 (%2)</source>
        <translation>未结 %1（%2）</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Received, not yet allocated: %1</source>
        <translation>已收到，尚未核销：%1</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>未核销</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>逾期 %1</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type to find a customer</source>
        <translation>输入以查找客户</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Good day, %1</source>
        <translation>%1，您好</translation>
    </message>
    <message>
        <source>My open deals</source>
        <translation>我进行中的商机</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>Waiting on me</source>
        <translation>待我处理</translation>
    </message>
    <message>
        <source>Open the inbox</source>
        <translation>打开待办</translation>
    </message>
    <message>
        <source>Customers owe</source>
        <translation>客户欠款</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>催收</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <source>Pipeline you can see</source>
        <translation>可见的销售漏斗</translation>
    </message>
    <message>
        <source>Open the board</source>
        <translation>打开看板</translation>
    </message>
    <message>
        <source>Tasks due</source>
        <translation>到期待办</translation>
    </message>
    <message>
        <source>My deals closing next</source>
        <translation>我即将成交的商机</translation>
    </message>
    <message>
        <source>Most overdue invoices</source>
        <translation>逾期最久的发票</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>逾期：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n late invoice(s)</source>
        <translation>
            <numerusform>%n 张逾期发票</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in all: %1</source>
        <translation>未收合计：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s)</source>
        <translation>
            <numerusform>%n 个进行中的商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 个已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due this week</source>
        <translation>
            <numerusform>%n 个本周到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealEditor</name>
    <message>
        <source>Edit deal</source>
        <translation>编辑商机</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>移到%1</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
</context>
<context>
    <name>DealPicker</name>
    <message>
        <source>New quote: which deal?</source>
        <translation>新建报价：针对哪个商机？</translation>
    </message>
    <message>
        <source>A quote prices a deal. Type part of the deal&apos;s or the customer&apos;s name:</source>
        <translation>报价是为商机定价。请输入商机或客户名称的一部分：</translation>
    </message>
</context>
<context>
    <name>DealsPage</name>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Move stage…</source>
        <translation>调整阶段…</translation>
    </message>
    <message>
        <source>Log activity</source>
        <translation>记录活动</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Pipeline board</source>
        <translation>商机看板</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>调整阶段</translation>
    </message>
    <message>
        <source>Move the deal to:</source>
        <translation>把商机移到：</translation>
    </message>
</context>
<context>
    <name>DecisionRow</name>
    <message>
        <source>— choose an answer —</source>
        <translation>— 请选择答案 —</translation>
    </message>
    <message>
        <source>(No %1)</source>
        <translation>（无%1）</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>lead source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <source>lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of %1</source>
        <translation>
            <numerusform>%1 的 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source> in column “%1”</source>
        <translation>（“%1”列）</translation>
    </message>
    <message>
        <source>Unknown %1 “%2”%3 (%4)</source>
        <translation>未知的%1“%2”%3（%4）</translation>
    </message>
    <message>
        <source>No single %1 is named “%2”%3 (%4)</source>
        <translation>名为“%2”的%1不唯一%3（%4）</translation>
    </message>
    <message>
        <source>No %1 given%3 (%4)</source>
        <translation>未填写%1%3（%4）</translation>
    </message>
    <message>
        <source>No %1 given (%4)</source>
        <translation>未填写%1（%4）</translation>
    </message>
    <message>
        <source>A new %1 “%2” looks like an existing one (%4)</source>
        <translation>新的%1“%2”与已有记录相似（%4）</translation>
    </message>
    <message>
        <source>Map it to…</source>
        <translation>映射为…</translation>
    </message>
    <message>
        <source>Leave it empty</source>
        <translation>留空</translation>
    </message>
    <message>
        <source>Reject the rows</source>
        <translation>拒绝这些行</translation>
    </message>
    <message>
        <source>Create a new %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Create a placeholder %1 named…</source>
        <translation>新建一个占位%1，名为…</translation>
    </message>
    <message>
        <source>Set it to…</source>
        <translation>设为…</translation>
    </message>
    <message>
        <source>Update the existing one</source>
        <translation>更新已有记录</translation>
    </message>
</context>
<context>
    <name>DeleteConflictView</name>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>an unnamed device</source>
        <translation>一台未命名的设备</translation>
    </message>
    <message>
        <source>%1 “%2”: edited on a device, deleted on the server</source>
        <translation>%1“%2”：在设备上被修改，在服务器上被删除</translation>
    </message>
    <message>
        <source>%1 changed it on %2 (%3) after it had been deleted on the server. Restoring brings it back with their changes; confirming keeps it deleted.</source>
        <translation>%1 在它已于服务器上删除后，于 %2（%3）修改了它。恢复会带着其修改找回该记录；确认则保持删除。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>Their change (%1)</source>
        <translation>对方的更改（%1）</translation>
    </message>
    <message>
        <source>%1 “%2”: deleted on a device, edited on the server</source>
        <translation>%1“%2”：在设备上被删除，在服务器上被修改</translation>
    </message>
    <message>
        <source>%1 deleted it on %2 (%3), but it had been changed on the server meanwhile; it is kept until you decide. These are the server&apos;s changes the delete would throw away.</source>
        <translation>%1 于 %2（%3）删除了它，但在此期间它已在服务器上被修改；在你决定之前它会被保留。以下是删除将会丢弃的服务器端更改。</translation>
    </message>
    <message>
        <source>Changed on the server to</source>
        <translation>服务器上改为</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>服务器上</translation>
    </message>
    <message>
        <source>Note for the record (why you decided so)</source>
        <translation>处理说明（你为何这样决定）</translation>
    </message>
    <message>
        <source>Restore with their changes</source>
        <translation>带着对方的修改恢复</translation>
    </message>
    <message>
        <source>Keep the record</source>
        <translation>保留该记录</translation>
    </message>
    <message>
        <source>Confirm the delete</source>
        <translation>确认删除</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>LTC Desk demo</source>
        <translation>LTC Desk 演示</translation>
    </message>
    <message>
        <source>Preparing the demo…</source>
        <translation>正在准备演示…</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>正在以 %1 登录…</translation>
    </message>
    <message>
        <source>Receiving the demo data: %1 records</source>
        <translation>正在接收演示数据：%1 条记录</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>演示无法启动：%1</translation>
    </message>
    <message>
        <source>demo as %1</source>
        <translation>以 %1 身份演示</translation>
    </message>
</context>
<context>
    <name>DevicesTab</name>
    <message>
        <source>Each client reports its name, version and queued changes with every push; its last sync is its latest push or finished pull.</source>
        <translation>每个客户端在每次推送时报告其名称、版本和待发送的更改；最近同步时间取最近一次推送或完成的拉取中较晚者。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Pending at last push</source>
        <translation>上次推送时待发送</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>待处理冲突</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n 台设备</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DictionaryEditor</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Records using it</source>
        <translation>使用它的记录</translation>
    </message>
    <message>
        <source>offered for new records</source>
        <translation>新记录可选</translation>
    </message>
    <message>
        <source>English label</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Chinese label</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存更改</translation>
    </message>
    <message>
        <source>Deactivate code</source>
        <translation>停用代码</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Lead sources</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <source>Lost reasons</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Stage probabilities (%)</source>
        <translation>阶段赢率（%）</translation>
    </message>
    <message>
        <source>Approval thresholds</source>
        <translation>审批阈值</translation>
    </message>
    <message>
        <source>Hand-off target times (hours)</source>
        <translation>交接时限（小时）</translation>
    </message>
    <message>
        <source>Payment terms (days)</source>
        <translation>账期（天）</translation>
    </message>
    <message>
        <source>Export Markdown…</source>
        <translation>导出 Markdown…</translation>
    </message>
    <message>
        <source>new code, e.g. aerospace</source>
        <translation>新代码，例如 aerospace</translation>
    </message>
    <message>
        <source>Add code</source>
        <translation>添加代码</translation>
    </message>
    <message>
        <source>Saved; every client gets it on its next sync.</source>
        <translation>已保存；每个客户端会在下次同步时收到。</translation>
    </message>
    <message numerus="yes">
        <source>Deactivated: no longer offered; %n record(s) keep it.</source>
        <translation>
            <numerusform>已停用：不再提供选择；%n 条记录保留该值。</numerusform>
        </translation>
    </message>
    <message>
        <source>Added; every client gets it on its next sync.</source>
        <translation>已添加；每个客户端会在下次同步时收到。</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the data dictionary</source>
        <translation>导出数据字典</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>DrillList</name>
    <message>
        <source>← Back to the charts</source>
        <translation>← 返回图表</translation>
    </message>
    <message>
        <source>finding the records…</source>
        <translation>正在查找记录…</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invoice(s)</source>
        <translation>
            <numerusform>%n 张发票</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <source>Scan the server for duplicates</source>
        <translation>在服务器上查找重复</translation>
    </message>
    <message>
        <source>Likely pairs (same credit code, phone or e-mail, or a near-identical name) become duplicate conflicts in the queue; a pair is never asked about twice.</source>
        <translation>疑似重复的一对记录（信用代码、电话或邮箱相同，或名称几乎相同）会作为重复冲突进入队列；同一对不会被重复询问。</translation>
    </message>
    <message>
        <source>Open the queue</source>
        <translation>打开队列</translation>
    </message>
    <message>
        <source>Merge two records</source>
        <translation>合并两条记录</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>and</source>
        <translation>和</translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Looked at %1 in %2 s: %3 likely pair(s), %4 new in the queue.</source>
        <translation>用 %2 秒检查了 %1：%3 对疑似重复，%4 对新加入队列。</translation>
    </message>
    <message>
        <source>Pick two different records from the suggestions first.</source>
        <translation>请先从建议中选择两条不同的记录。</translation>
    </message>
    <message numerus="yes">
        <source>Merged: %n record(s) re-pointed to the survivor. Every client gets it on its next sync.</source>
        <translation>
            <numerusform>已合并：%n 条记录改为指向保留的记录。每个客户端会在下次同步时收到。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)…</source>
        <translation>Excel 工作簿（XLSX）…</translation>
    </message>
    <message>
        <source>Address cards (vCard)…</source>
        <translation>名片（vCard）…</translation>
    </message>
    <message>
        <source>Calendar (iCalendar)…</source>
        <translation>日历（iCalendar）…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>vCard 文件 (*.vcf)</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>%n row(s) exported to %1</source>
        <translation>已导出 %n 行到 %1</translation>
    </message>
    <message>
        <source>%n address card(s) exported to %1</source>
        <translation>已导出 %n 张名片到 %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Customer and contacts (vCard)…</source>
        <translation>客户及联系人（vCard）…</translation>
    </message>
    <message>
        <source>Activities and tasks (iCalendar)…</source>
        <translation>活动与待办（iCalendar）…</translation>
    </message>
</context>
<context>
    <name>FieldConflictView</name>
    <message>
        <source>%1 “%2”: the same field changed on both sides</source>
        <translation>%1“%2”：两边修改了同一个字段</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>Client side: %1 on %2, %3. The server&apos;s value stays in force until you decide.</source>
        <translation>客户端：%1，于 %2，%3。在你决定之前，服务器的值继续有效。</translation>
    </message>
    <message>
        <source>an unnamed device</source>
        <translation>一台未命名的设备</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message>
        <source>type a value</source>
        <translation>输入一个值</translation>
    </message>
    <message>
        <source>Note for the record (why you decided so)</source>
        <translation>处理说明（你为何这样决定）</translation>
    </message>
    <message>
        <source>Apply decision</source>
        <translation>执行决定</translation>
    </message>
    <message>
        <source>Correct the typed values first.</source>
        <translation>请先更正输入的值。</translation>
    </message>
    <message>
        <source>changed on the client</source>
        <translation>在客户端被修改</translation>
    </message>
    <message>
        <source>changed on the server</source>
        <translation>在服务器上被修改</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>自定日期…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>A deal is stuck when its stage has not changed, and nothing was done or scheduled, for this many days</source>
        <translation>商机的阶段在这么多天内没有变化，且没有完成或安排任何活动，即视为停滞</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Stuck after</source>
        <translation>停滞判定</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>My reports</source>
        <translation>我的下属</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Main currency</source>
        <translation>主要币种</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>is not an amount</source>
        <translation>不是有效金额</translation>
    </message>
</context>
<context>
    <name>ImpactBox</name>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Current total</source>
        <translation>当前合计</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>New total</source>
        <translation>新合计</translation>
    </message>
    <message>
        <source>Already invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Plan still to invoice</source>
        <translation>计划中待开票</translation>
    </message>
    <message>
        <source>Dates move by</source>
        <translation>日期顺延</translation>
    </message>
    <message>
        <source>%1 day(s)</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>The new total would be below what is already invoiced: it cannot be approved.</source>
        <translation>新合计将低于已开票金额：无法批准。</translation>
    </message>
    <message>
        <source>due</source>
        <translation>到期</translation>
    </message>
</context>
<context>
    <name>ImportLogDialog</name>
    <message>
        <source>Import log</source>
        <translation>导入日志</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>waiting for answers</source>
        <translation>等待答复</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File or folder</source>
        <translation>文件或文件夹</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>valid rows</source>
        <translation>有效行</translation>
    </message>
    <message>
        <source>all or nothing</source>
        <translation>全部或全不</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Open the rejected rows</source>
        <translation>打开被拒绝的行</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>%1 (%2): %3 rows — %4 created, %5 updated, %6 rejected</source>
        <translation>%1（%2）：%3 行 — 新建 %4，更新 %5，拒绝 %6</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>问题与答案</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
</context>
<context>
    <name>ImportMenu</name>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;log…</source>
        <translation>导入日志(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Export this list</source>
        <translation>导出此列表(&amp;E)</translation>
    </message>
    <message>
        <source>Open a list to export it.</source>
        <translation>请先打开一个列表再导出。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>as mapped in the wizard</source>
        <translation>按向导中的映射</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
</context>
<context>
    <name>InboxDetail</name>
    <message>
        <source>Against revision %1: %2 changed, %3 added, %4 removed; total %5 → %6.</source>
        <translation>对比版本 %1：%2 项变化，%3 项新增，%4 项删除；合计 %5 → %6。</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Already invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Change request</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>Credit check</source>
        <translation>信用检查</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Credit release</source>
        <translation>信用放行</translation>
    </message>
    <message>
        <source>Current total</source>
        <translation>当前合计</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Dates move by</source>
        <translation>日期顺延</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Disc.</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>信用敞口</translation>
    </message>
    <message>
        <source>Largest discount</source>
        <translation>最大折扣</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Missing:</source>
        <translation>缺少：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>New total</source>
        <translation>新合计</translation>
    </message>
    <message>
        <source>No contact yet.</source>
        <translation>尚无联系人。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Open receivables</source>
        <translation>未收应收款</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Order %1 (%2)</source>
        <translation>订单 %1（%2）</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>超出额度</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Plan still to invoice</source>
        <translation>计划中待开票</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Quote approval</source>
        <translation>报价审批</translation>
    </message>
    <message>
        <source>Quote r%1</source>
        <translation>报价单 第%1版</translation>
    </message>
    <message>
        <source>Quote r%1 (%2)</source>
        <translation>报价单 第%1版（%2）</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>The record it is about is gone.</source>
        <translation>相关记录已不存在。</translation>
    </message>
    <message>
        <source>This order</source>
        <translation>本订单</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>a contact to talk to</source>
        <translation>一位可联系的联系人</translation>
    </message>
    <message>
        <source>an accepted quote</source>
        <translation>一份已接受的报价</translation>
    </message>
    <message>
        <source>an order with its billing plan</source>
        <translation>一个带开票计划的订单</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>of %1 h</source>
        <translation>（时限 %1 小时）</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>waiting %1 h</source>
        <translation>已等待 %1 小时</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>Hand-off</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>To issue</source>
        <translation>待开具</translation>
    </message>
    <message>
        <source>To invoice</source>
        <translation>待开票</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Returned to you</source>
        <translation>已退回给你</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>%1 到期</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Inbox</source>
        <translation>待办箱</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>接收…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Hand over again…</source>
        <translation>重新移交…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Issue now (online)</source>
        <translation>立即开具（联网）</translation>
    </message>
    <message>
        <source>Draft the invoice</source>
        <translation>起草发票</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>%1 item(s) waiting</source>
        <translation>%1 项待处理</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 项已超时</translation>
    </message>
    <message>
        <source>Release credit…</source>
        <translation>放行信用…</translation>
    </message>
    <message>
        <source>Refuse credit…</source>
        <translation>拒绝信用…</translation>
    </message>
    <message>
        <source>Accept the hand-off</source>
        <translation>接收交接</translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation>意见（可选）：</translation>
    </message>
    <message>
        <source>Accepted: the hand-off is yours now.</source>
        <translation>已接收：这项交接现在由你负责。</translation>
    </message>
    <message>
        <source>Return the hand-off</source>
        <translation>退回交接</translation>
    </message>
    <message>
        <source>What is missing? The sender sees this and hands it over again.</source>
        <translation>缺少什么？移交人会看到这条说明并重新移交。</translation>
    </message>
    <message>
        <source>Returned to the sender with your comment.</source>
        <translation>已连同你的意见退回给移交人。</translation>
    </message>
    <message>
        <source>Hand over again</source>
        <translation>重新移交</translation>
    </message>
    <message>
        <source>What was fixed? (optional)</source>
        <translation>修正了什么？（可选）</translation>
    </message>
    <message>
        <source>Handed over again.</source>
        <translation>已重新移交。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Why? (required)</source>
        <translation>原因？（必填）</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>已驳回。</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>已批准。</translation>
    </message>
    <message>
        <source>Invoice drafted; request its issue from the invoice.</source>
        <translation>发票已起草；请在发票中申请开具。</translation>
    </message>
    <message>
        <source>Issued as %1; it shows after the next sync.</source>
        <translation>已开具，编号 %1；下次同步后显示。</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <source>Nothing is waiting on you.</source>
        <translation>没有等待你处理的事项。</translation>
    </message>
</context>
<context>
    <name>InvoiceEditors</name>
    <message>
        <source>New invoice</source>
        <translation>新建发票</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>InvoiceView</name>
    <message>
        <source>Facts</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Credits invoice</source>
        <translation>冲减的发票</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>of which VAT</source>
        <translation>其中增值税</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已收款</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>已冲减</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Payments and credit notes</source>
        <translation>回款与红字发票</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>已催款</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Request issue</source>
        <translation>申请开具</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Issue now (online)</source>
        <translation>立即开具（联网）</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Credit note…</source>
        <translation>红字发票…</translation>
    </message>
    <message>
        <source>Log reminder</source>
        <translation>记录催款</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记回款…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Issue requested: finance issues it online.</source>
        <translation>已申请开具：财务将在线开具。</translation>
    </message>
    <message>
        <source>Back to draft.</source>
        <translation>已退回草稿。</translation>
    </message>
    <message>
        <source>Reminder logged on the customer&apos;s timeline.</source>
        <translation>催款已记录在客户的时间线上。</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>given by the server when issued</source>
        <translation>开具时由服务器分配</translation>
    </message>
    <message>
        <source>Payment %1</source>
        <translation>回款 %1</translation>
    </message>
    <message>
        <source>Credit note %1 (%2)</source>
        <translation>红字发票 %1（%2）</translation>
    </message>
    <message>
        <source>The server gives the number: connect to it to issue.</source>
        <translation>发票号由服务器分配：请连接服务器后开具。</translation>
    </message>
    <message>
        <source>Due on: must be a date (YYYY-MM-DD)</source>
        <translation>到期日：必须是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Asking the server to issue the invoice…</source>
        <translation>正在请求服务器开具发票…</translation>
    </message>
    <message>
        <source>Issued as %1 on %2; the number shows here after the next sync.</source>
        <translation>已于 %2 开具，编号 %1；下次同步后在此显示。</translation>
    </message>
    <message>
        <source>Void invoice</source>
        <translation>作废发票</translation>
    </message>
    <message>
        <source>Why is it voided?</source>
        <translation>作废的原因是什么？</translation>
    </message>
    <message>
        <source>Voided.</source>
        <translation>已作废。</translation>
    </message>
    <message>
        <source>Delete this draft invoice?</source>
        <translation>删除这张草稿发票？</translation>
    </message>
    <message>
        <source>draft invoice</source>
        <translation>草稿发票</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <source>(no number yet)</source>
        <translation>（尚无编号）</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>New invoice…</source>
        <translation>新建发票…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记回款…</translation>
    </message>
    <message>
        <source>Allocate…</source>
        <translation>核销…</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>催收</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Active (offered on new quotes)</source>
        <translation>启用（新报价可选）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Amount received</source>
        <translation>到账金额</translation>
    </message>
    <message>
        <source>Calls, visits and meetings</source>
        <translation>电话、拜访和会议</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Closing this week</source>
        <translation>本周预计成交</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Completed or cancelled</source>
        <translation>已完成或已取消</translation>
    </message>
    <message>
        <source>Confirmed (being billed)</source>
        <translation>已确认（开票中）</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contacts of my customers</source>
        <translation>我的客户的联系人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Credit notes</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Current revisions</source>
        <translation>当前版本</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customers with no activity in 90 days</source>
        <translation>90 天内无活动的客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>In stage since</source>
        <translation>进入本阶段</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>List price (excl. VAT)</source>
        <translation>目录价（不含增值税）</translation>
    </message>
    <message>
        <source>List price (excl. tax)</source>
        <translation>目录价（不含税）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <source>My customers&apos; invoices</source>
        <translation>我的客户的发票</translation>
    </message>
    <message>
        <source>My customers&apos; payments</source>
        <translation>我的客户的回款</translation>
    </message>
    <message>
        <source>My open deals</source>
        <translation>我进行中的商机</translation>
    </message>
    <message>
        <source>My open leads</source>
        <translation>我跟进中的线索</translation>
    </message>
    <message>
        <source>My orders</source>
        <translation>我的订单</translation>
    </message>
    <message>
        <source>My quotes</source>
        <translation>我的报价</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Net amount (excl. VAT)</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Offered on new quotes</source>
        <translation>新报价可选</translation>
    </message>
    <message>
        <source>Open (money to collect)</source>
        <translation>未结（待收款）</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <source>Open leads</source>
        <translation>跟进中的线索</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>未完成待办</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>逾期待办</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已收金额</translation>
    </message>
    <message>
        <source>Parent company</source>
        <translation>上级公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Primary contacts</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Probability (%)</source>
        <translation>赢率（%）</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Qualified, ready to convert</source>
        <translation>已确认，可转化</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送日期</translation>
    </message>
    <message>
        <source>Sent, awaiting the customer</source>
        <translation>已发送，等待客户答复</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>发票系列</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Tasks due this week</source>
        <translation>本周到期的待办</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>未核销</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>VAT rate (%)</source>
        <translation>增值税率（%）</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Waiting for credit release</source>
        <translation>待信用放行</translation>
    </message>
    <message>
        <source>Waiting to be issued</source>
        <translation>待开具</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>With money left to allocate</source>
        <translation>有待核销余额</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
</context>
<context>
    <name>LeadEditor</name>
    <message>
        <source>Edit lead</source>
        <translation>编辑线索</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation>确认有效</translation>
    </message>
    <message>
        <source>Disqualify…</source>
        <translation>判定无效…</translation>
    </message>
    <message>
        <source>Convert…</source>
        <translation>转化…</translation>
    </message>
    <message>
        <source>Disqualify</source>
        <translation>判定无效</translation>
    </message>
    <message>
        <source>Why is this lead disqualified?</source>
        <translation>为什么判定此线索无效？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LTC Desk — %1</source>
        <translation>LTC Desk — %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>待办箱</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Pipeline board</source>
        <translation>商机看板</translation>
    </message>
    <message>
        <source>Activities and tasks</source>
        <translation>活动与待办</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Invoices and payments</source>
        <translation>发票与回款</translation>
    </message>
    <message>
        <source>Products and price list</source>
        <translation>产品与价目表</translation>
    </message>
    <message>
        <source>Responsibilities (RACI)</source>
        <translation>职责分工（RACI）</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message numerus="yes">
        <source>Indexing for search: %n record(s) to go</source>
        <translation>
            <numerusform>正在建立搜索索引：还剩 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Task due</source>
        <translation>待办到期</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due now</source>
        <translation>
            <numerusform>%n 个待办现在到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>The operation failed: %1</source>
        <translation>操作失败：%1</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>When empty</source>
        <translation>为空时</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>template: %1</source>
        <translation>模板：%1</translation>
    </message>
    <message>
        <source>always “%1”</source>
        <translation>固定为“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) mapped</source>
        <translation>
            <numerusform>已映射 %n 个值</numerusform>
        </translation>
    </message>
    <message>
        <source>A name (or id) of a %1; found by name when importing</source>
        <translation>%1的名称（或 ID）；导入时按名称查找</translation>
    </message>
    <message>
        <source>A code or its label; unknown values are put to you as decisions</source>
        <translation>代码或其名称；未知的值会交给你决定</translation>
    </message>
    <message>
        <source>An amount, as a decimal number (1234.56)</source>
        <translation>金额，用小数表示（1234.56）</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns and values</source>
        <translation>列与值</translation>
    </message>
    <message>
        <source>Use a saved mapping:</source>
        <translation>使用已保存的映射：</translation>
    </message>
    <message>
        <source>Open a mapping file…</source>
        <translation>打开映射文件…</translation>
    </message>
    <message>
        <source>Map values…</source>
        <translation>映射值…</translation>
    </message>
    <message>
        <source>Say what each value of the chosen field&apos;s column becomes</source>
        <translation>说明所选字段对应列中的每个值变为什么</translation>
    </message>
    <message>
        <source>Update the existing record with the same:</source>
        <translation>以下字段相同时更新已有记录：</translation>
    </message>
    <message>
        <source>A row whose value here matches a record already in LTC Desk updates that record instead of adding a second one</source>
        <translation>此处的值与 LTC Desk 中已有记录相同的行，会更新该记录，而不是再新增一条</translation>
    </message>
    <message>
        <source>Save this mapping as:</source>
        <translation>把此映射保存为：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>The mapping set decides every column; its defects are put to you next.</source>
        <translation>映射集决定每一列；其中的问题接下来交给你处理。</translation>
    </message>
    <message>
        <source>Columns named like fields are chosen for you. Double-click a cell to change it; * marks the fields a record needs.</source>
        <translation>与字段同名的列已自动选好。双击单元格可修改；* 表示记录必需的字段。</translation>
    </message>
    <message>
        <source>(none: as chosen below)</source>
        <translation>（无：按下方选择）</translation>
    </message>
    <message>
        <source>(always add new records)</source>
        <translation>（总是新增记录）</translation>
    </message>
    <message>
        <source>That mapping is not for this kind of record.</source>
        <translation>该映射不适用于这类记录。</translation>
    </message>
    <message>
        <source>This file has no column %1 that the mapping reads.</source>
        <translation>此文件没有映射要读取的列 %1。</translation>
    </message>
    <message>
        <source>Mapping “%1” in use.</source>
        <translation>正在使用映射“%1”。</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>映射 (*.json)</translation>
    </message>
    <message>
        <source>Give the mapping a name to save it under.</source>
        <translation>请为映射起一个名称再保存。</translation>
    </message>
    <message>
        <source>Saved as “%1”; choose it next time under “Use a saved mapping”.</source>
        <translation>已保存为“%1”；下次可在“使用已保存的映射”中选择。</translation>
    </message>
    <message>
        <source>Choose a field with a list of values (an industry, a status…) that is read from a column.</source>
        <translation>请选择一个从列中读取、且有取值列表的字段（如行业、状态…）。</translation>
    </message>
</context>
<context>
    <name>MatchPanel</name>
    <message>
        <source>Possible matches already here:</source>
        <translation>已有的可能匹配：</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>名称相似</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same credit code</source>
        <translation>信用代码相同</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About LTC Desk</source>
        <translation>关于 LTC Desk(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>The new language takes effect when LTC Desk starts again.</source>
        <translation>新的语言将在 LTC Desk 重新启动后生效。</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <source>Record A</source>
        <translation>记录 A</translation>
    </message>
    <message>
        <source>Record B</source>
        <translation>记录 B</translation>
    </message>
    <message>
        <source>Which %1 survives, and with which values?</source>
        <translation>保留哪个%1，采用哪些值？</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>What hangs off each, and where it goes</source>
        <translation>各自的下属记录及其去向</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>归入</translation>
    </message>
    <message>
        <source>Note for the record (why you decided so)</source>
        <translation>处理说明（你为何这样决定）</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>都保留</translation>
    </message>
    <message>
        <source>A record is not in this computer&apos;s copy yet (or was merged away already); sync and try again.</source>
        <translation>有记录尚未同步到本机（或已被合并）；请同步后重试。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n record(s)</source>
        <translation>
            <numerusform>%1：%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>stay</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>move to %1</source>
        <translation>移到 %1</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>Pipeline funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Open deals by their current stage (a snapshot as of today: the period does not apply), then the deals won and lost with a close date in the period; count and amount.</source>
        <translation>进行中的商机按当前阶段统计（截至今天的快照，不受期间限制），以及成交日期在期间内的赢单和输单商机；包括数量和金额。</translation>
    </message>
    <message>
        <source>Weighted forecast by month</source>
        <translation>按月加权预测</translation>
    </message>
    <message>
        <source>Open deals by the month of their expected close, each counted at its amount times its probability (the stage&apos;s default probability when the deal has none). Deals without an expected close are shown apart. With a period, only months in the period.</source>
        <translation>进行中的商机按预计成交月份统计，每个商机按金额乘以赢率计入（商机未设赢率时取所在阶段的默认赢率）。没有预计成交日期的商机单独列出。指定期间时，只统计期间内的月份。</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Of the deals closed (won or lost) with a close date in the period: won / closed by count, and won amount / closed amount by value; overall and by month, rep, team and product.</source>
        <translation>成交日期在期间内的已结束商机（赢单或输单）中：按数量计算赢单数 / 结束数，按金额计算赢单金额 / 结束金额；分总体以及按月、销售代表、团队和产品统计。</translation>
    </message>
    <message>
        <source>Sales cycle length</source>
        <translation>销售周期</translation>
    </message>
    <message>
        <source>Deals won in the period: days from the deal&apos;s first stage event (when it was opened) to its close date, on average; and the average days those deals spent in each stage they passed through.</source>
        <translation>期间内赢单的商机：从商机的第一个阶段事件（创建时）到成交日期的平均天数；以及这些商机在经过的每个阶段平均停留的天数。</translation>
    </message>
    <message>
        <source>Stage aging</source>
        <translation>阶段停留时长</translation>
    </message>
    <message>
        <source>Open deals by how long they have been in their current stage, as of the end of the period (or today): 0-7, 8-30, 31-60, 61-90 and over 90 days.</source>
        <translation>进行中的商机按在当前阶段停留的时长统计，截至期末（或今天）：0-7、8-30、31-60、61-90 天以及 90 天以上。</translation>
    </message>
    <message>
        <source>Stuck deals</source>
        <translation>停滞商机</translation>
    </message>
    <message>
        <source>Open deals whose stage has not changed for N days (30 unless chosen) and that have no activity done, or scheduled, in those N days; as of the end of the period (or today).</source>
        <translation>阶段已 N 天（默认 30 天）未变化、且这 N 天内没有已完成或已安排活动的进行中商机；截至期末（或今天）。</translation>
    </message>
    <message>
        <source>Lead conversion rate</source>
        <translation>线索转化率</translation>
    </message>
    <message>
        <source>Leads created in the period: converted / all, and converted / decided (converted or disqualified); overall and by lead source.</source>
        <translation>期间内创建的线索：已转化 / 全部，以及已转化 / 已定论（已转化或判定无效）；分总体和按线索来源统计。</translation>
    </message>
    <message>
        <source>Pipeline coverage</source>
        <translation>商机覆盖率</translation>
    </message>
    <message>
        <source>Per rep, for the period&apos;s months (the current quarter without a period): quota, won (deals closed won in those months), open pipeline (open deals expected to close in those months), and coverage = open pipeline / (quota - won). Attainment = won / quota. Quotas are set per rep per month by managers.</source>
        <translation>按销售代表统计期间内各月（未指定期间时为本季度）：指标、赢单（这些月份内赢单的商机）、进行中商机（预计在这些月份成交的进行中商机），以及覆盖率 = 进行中商机 / （指标 − 赢单）。完成率 = 赢单 / 指标。指标由经理按销售代表按月设定。</translation>
    </message>
    <message>
        <source>Quote-to-cash time</source>
        <translation>报价到回款时长</translation>
    </message>
    <message>
        <source>Average days per leg, each over the documents that completed it in the period: quote to order (from the deal&apos;s first quote to the order), order to invoice (to the order&apos;s first issued invoice), invoice to cash (from issue to the payment that settled it), and quote to cash for orders invoiced in full and paid.</source>
        <translation>各环节的平均天数，每个环节只统计在期间内完成该环节的单据：报价到订单（从商机的第一份报价到订单）、订单到发票（到订单的第一张已开具发票）、发票到回款（从开具到结清它的回款），以及已全额开票并回款的订单的报价到回款。</translation>
    </message>
    <message>
        <source>Days sales outstanding (DSO)</source>
        <translation>应收账款周转天数（DSO）</translation>
    </message>
    <message>
        <source>Receivables at the end of the period / invoiced sales in the period x days in the period; without a period, the 90 days up to today. Credit notes reduce both.</source>
        <translation>期末应收账款 / 期间内开票销售额 × 期间天数；未指定期间时取截至今天的 90 天。红字发票同时冲减两者。</translation>
    </message>
    <message>
        <source>Receivables aging</source>
        <translation>应收账龄</translation>
    </message>
    <message>
        <source>Open invoice amounts as of the end of the period (or today), by days past their due date: not yet due, 1-30, 31-60, 61-90 and over 90 days.</source>
        <translation>截至期末（或今天）的未结发票金额，按逾期天数统计：未到期、1-30、31-60、61-90 天以及 90 天以上。</translation>
    </message>
    <message>
        <source>not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Quote to order</source>
        <translation>报价到订单</translation>
    </message>
    <message>
        <source>Order to invoice</source>
        <translation>订单到发票</translation>
    </message>
    <message>
        <source>Invoice to cash</source>
        <translation>发票到回款</translation>
    </message>
    <message>
        <source>Quote to cash</source>
        <translation>报价到回款</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无团队）</translation>
    </message>
    <message>
        <source>(no product)</source>
        <translation>（无产品）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>CNY</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
    <message>
        <source>HKD</source>
        <translation>HKD</translation>
    </message>
    <message>
        <source>JPY</source>
        <translation>JPY</translation>
    </message>
    <message>
        <source>GBP</source>
        <translation>GBP</translation>
    </message>
    <message>
        <source>TWD</source>
        <translation>TWD</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>By rep</source>
        <translation>按销售代表</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按团队</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>按产品</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <source>Lost amount</source>
        <translation>输单金额</translation>
    </message>
    <message>
        <source>Win rate (count)</source>
        <translation>赢率（按数量）</translation>
    </message>
    <message>
        <source>Win rate (value)</source>
        <translation>赢率（按金额）</translation>
    </message>
    <message>
        <source>Average days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>阶段天数</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>已判无效</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Converted / all</source>
        <translation>已转化 / 全部</translation>
    </message>
    <message>
        <source>Converted / decided</source>
        <translation>已转化 / 已定论</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>进行中的商机</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Invoiced sales</source>
        <translation>开票销售额</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>DSO</source>
        <translation>DSO</translation>
    </message>
    <message>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Open: %1 deals, %2</source>
        <translation>进行中：%1 个商机，%2</translation>
    </message>
    <message>
        <source>Weighted: %1</source>
        <translation>加权：%1</translation>
    </message>
    <message>
        <source>without an expected close: %1 deals, %2</source>
        <translation>无预计成交日期：%1 个商机，%2</translation>
    </message>
    <message>
        <source>By count</source>
        <translation>按数量</translation>
    </message>
    <message>
        <source>By value</source>
        <translation>按金额</translation>
    </message>
    <message>
        <source>%1 by count, %2 by value (%3 won of %4 closed)</source>
        <translation>按数量 %1，按金额 %2（%4 个已结束中赢单 %3 个）</translation>
    </message>
    <message>
        <source>%1 days on average from opening to winning, over %2 won deals</source>
        <translation>从创建到赢单平均 %1 天，共 %2 个赢单商机</translation>
    </message>
    <message>
        <source>No deal was won in the period</source>
        <translation>期间内没有赢单的商机</translation>
    </message>
    <message>
        <source>Average days in stage</source>
        <translation>阶段平均天数</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 open deals, as of %2</source>
        <translation>截至 %2，%1 个进行中的商机</translation>
    </message>
    <message>
        <source>%1 deals stuck for %2 days or more, %3</source>
        <translation>%1 个商机已停滞 %2 天或更久，%3</translation>
    </message>
    <message>
        <source>%1 of %2 leads converted (%3 of those decided)</source>
        <translation>%2 条线索中已转化 %1 条（占已定论的 %3）</translation>
    </message>
    <message>
        <source>Coverage %1, attainment %2 (%3 to %4)</source>
        <translation>覆盖率 %1，完成率 %2（%3 至 %4）</translation>
    </message>
    <message>
        <source>Quote to cash: %1 days on average (%2 orders)</source>
        <translation>报价到回款：平均 %1 天（%2 个订单）</translation>
    </message>
    <message>
        <source>No order went from quote to cash in the period</source>
        <translation>期间内没有订单完成从报价到回款</translation>
    </message>
    <message>
        <source>DSO %1 days (%2 to %3)</source>
        <translation>DSO %1 天（%2 至 %3）</translation>
    </message>
    <message>
        <source>Open: %1, as of %2</source>
        <translation>截至 %2，未结：%1</translation>
    </message>
    <message>
        <source>%1 without a due date</source>
        <translation>%1 无到期日</translation>
    </message>
</context>
<context>
    <name>MyProblemsView</name>
    <message>
        <source>added</source>
        <translation>已新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>My conflicts — waiting for an administrator</source>
        <translation>我的冲突 — 等待管理员处理</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Select a conflict to see what happened.</source>
        <translation>选择一个冲突查看详情。</translation>
    </message>
    <message>
        <source>My changes the server refused</source>
        <translation>被服务器拒绝的更改</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Select a refused change to fix, resend or discard it.</source>
        <translation>选择一项被拒绝的更改，进行修正、重新发送或舍弃。</translation>
    </message>
    <message>
        <source>Fix and resend</source>
        <translation>修正后重新发送</translation>
    </message>
    <message>
        <source>Resend as it is</source>
        <translation>原样重新发送</translation>
    </message>
    <message>
        <source>Discard my change</source>
        <translation>舍弃我的更改</translation>
    </message>
    <message>
        <source>Put the record back the way the server last had it.</source>
        <translation>把记录恢复为服务器上最后的样子。</translation>
    </message>
    <message>
        <source>Your change: %1</source>
        <translation>你的更改：%1</translation>
    </message>
    <message>
        <source>%1 — yours: %2 · on the server: %3 · before: %4</source>
        <translation>%1 — 你的：%2 · 服务器上：%3 · 修改前：%4</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>你的</translation>
    </message>
</context>
<context>
    <name>OrderCreateDialog</name>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>e.g. the contract number</source>
        <translation>例如合同编号</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单编号</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Billing plan (must add up to the order total):</source>
        <translation>开票计划（合计必须等于订单总额）：</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>创建订单</translation>
    </message>
    <message>
        <source>Order for %1 · quote r%2 · %3</source>
        <translation>%1 的订单 · 报价第%2版 · %3</translation>
    </message>
    <message>
        <source>Full amount</source>
        <translation>全额</translation>
    </message>
    <message>
        <source>The billing plan must add up to the order total.</source>
        <translation>开票计划的合计必须等于订单总额。</translation>
    </message>
    <message>
        <source>Signed on: must be a date (YYYY-MM-DD)</source>
        <translation>签订日期：必须是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
</context>
<context>
    <name>OrderView</name>
    <message>
        <source>Credit release</source>
        <translation>信用放行</translation>
    </message>
    <message>
        <source>Release credit…</source>
        <translation>放行信用…</translation>
    </message>
    <message>
        <source>Refuse credit…</source>
        <translation>拒绝信用…</translation>
    </message>
    <message>
        <source>Billing plan</source>
        <translation>开票计划</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <source>Draft invoice for milestone</source>
        <translation>为里程碑起草发票</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>(not issued)</source>
        <translation>（未开具）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Change requests</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>New change request…</source>
        <translation>新建变更申请…</translation>
    </message>
    <message>
        <source>Open quote</source>
        <translation>打开报价单</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The order is completed.</source>
        <translation>订单已完成。</translation>
    </message>
    <message>
        <source>Order %1 · %2 · %3</source>
        <translation>订单 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>The credit check failed when the order was made; it waits for finance to release or refuse it.</source>
        <translation>下单时信用检查未通过；订单正等待财务放行或拒绝。</translation>
    </message>
    <message>
        <source>Finance %1 this order&apos;s credit.</source>
        <translation>财务已%1此订单的信用。</translation>
    </message>
    <message>
        <source>released</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Within the credit limit: nothing to release.</source>
        <translation>在信用额度内：无需放行。</translation>
    </message>
    <message>
        <source>The billing plan must add up to the order total.</source>
        <translation>开票计划的合计必须等于订单总额。</translation>
    </message>
    <message>
        <source>Billing plan saved.</source>
        <translation>开票计划已保存。</translation>
    </message>
    <message>
        <source>Release credit</source>
        <translation>放行信用</translation>
    </message>
    <message>
        <source>Why is this order released? (optional)</source>
        <translation>放行此订单的原因？（可选）</translation>
    </message>
    <message>
        <source>Credit released: the order is confirmed.</source>
        <translation>信用已放行：订单已确认。</translation>
    </message>
    <message>
        <source>Refuse credit</source>
        <translation>拒绝信用</translation>
    </message>
    <message>
        <source>Why is the credit refused?</source>
        <translation>拒绝信用的原因是什么？</translation>
    </message>
    <message>
        <source>Credit refused: the order is cancelled.</source>
        <translation>信用被拒绝：订单已取消。</translation>
    </message>
    <message>
        <source>Invoice drafted for “%1”.</source>
        <translation>已为“%1”起草发票。</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Why is the order cancelled?</source>
        <translation>取消订单的原因是什么？</translation>
    </message>
    <message>
        <source>The order is cancelled.</source>
        <translation>订单已取消。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>信用</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>New order from an accepted quote…</source>
        <translation>由已接受的报价新建订单…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>No accepted quote is waiting for an order: a quote becomes an order once the customer accepts it.</source>
        <translation>没有等待下单的已接受报价：报价在客户接受后才能成为订单。</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Make an order from the accepted quote:</source>
        <translation>由已接受的报价生成订单：</translation>
    </message>
</context>
<context>
    <name>OrphanConflictView</name>
    <message>
        <source>%1 “%2”: its %3 was deleted</source>
        <translation>%1“%2”：其%3已被删除</translation>
    </message>
    <message>
        <source>%1 put it under the %2 “%3” on %4 (%5), but that %2 had been deleted on the server. It is kept until you decide.</source>
        <translation>%1 于 %4（%5）把它放在%2“%3”下，但该%2已在服务器上删除。在你决定之前它会被保留。</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>an unnamed device</source>
        <translation>一台未命名的设备</translation>
    </message>
    <message>
        <source>The %1&apos;s history on the server</source>
        <translation>该%1在服务器上的历史</translation>
    </message>
    <message>
        <source>Move it under:</source>
        <translation>移到以下记录下：</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Note for the record (why you decided so)</source>
        <translation>处理说明（你为何这样决定）</translation>
    </message>
    <message>
        <source>Restore the %1</source>
        <translation>恢复该%1</translation>
    </message>
    <message>
        <source>Discard the %1</source>
        <translation>舍弃该%1</translation>
    </message>
    <message>
        <source>Pick the new parent from the suggestions first.</source>
        <translation>请先从建议中选择新的上级。</translation>
    </message>
</context>
<context>
    <name>PdfExport</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>Only my deals</source>
        <translation>只看我的商机</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Add milestone</source>
        <translation>添加里程碑</translation>
    </message>
    <message>
        <source>Remove milestone</source>
        <translation>删除里程碑</translation>
    </message>
    <message>
        <source>An invoiced milestone stays on the plan.</source>
        <translation>已开票的里程碑必须保留在计划中。</translation>
    </message>
    <message>
        <source>Plan complete: %1</source>
        <translation>计划已完整：%1</translation>
    </message>
    <message>
        <source>Still to plan: %1 of %2</source>
        <translation>尚待安排：%1 / %2</translation>
    </message>
    <message>
        <source>Over the order total by %1</source>
        <translation>超出订单总额 %1</translation>
    </message>
</context>
<context>
    <name>ProductDelegate</name>
    <message>
        <source>(no product)</source>
        <translation>（无产品）</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>Edit product</source>
        <translation>编辑产品</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Products and price list</source>
        <translation>产品与价目表</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete product</source>
        <translation>删除产品</translation>
    </message>
    <message>
        <source>Delete this product? One already on quotes is kept; deactivate it instead.</source>
        <translation>删除此产品？已用于报价的产品会被保留；请改为停用。</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Recovery</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>QLabel</name>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>pick a customer from the suggestions</source>
        <translation>请从建议中选择客户</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be a date and time (YYYY-MM-DD HH:MM)</source>
        <translation>必须是日期和时间（YYYY-MM-DD HH:MM）</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <source>Contacts with an invalid phone or e-mail</source>
        <translation>电话或邮箱无效的联系人</translation>
    </message>
    <message>
        <source>Correct the phone (any common notation is fine) or the e-mail, or clear it.</source>
        <translation>更正电话（常见写法均可）或邮箱，或将其清空。</translation>
    </message>
    <message>
        <source>Customers sharing a credit code, phone or e-mail with another</source>
        <translation>与其他客户信用代码、电话或邮箱相同的客户</translation>
    </message>
    <message>
        <source>Customers with an invalid phone or e-mail</source>
        <translation>电话或邮箱无效的客户</translation>
    </message>
    <message>
        <source>Customers without an active owner</source>
        <translation>没有有效负责人的客户</translation>
    </message>
    <message>
        <source>Deals missing what their stage requires</source>
        <translation>缺少所在阶段必填信息的商机</translation>
    </message>
    <message>
        <source>Give each customer an owner; an administrator can move a whole book at once.</source>
        <translation>为每个客户指定负责人；管理员可以一次转移整个客户名下。</translation>
    </message>
    <message>
        <source>Leads with an invalid phone or e-mail</source>
        <translation>电话或邮箱无效的线索</translation>
    </message>
    <message>
        <source>Log a call or a visit, move the deal on, or close it.</source>
        <translation>记录一次电话或拜访，推进商机，或将其关闭。</translation>
    </message>
    <message>
        <source>Merge the ones that are the same company (Administration → Duplicates), or leave them.</source>
        <translation>合并属于同一公司的记录（系统管理 → 重复数据），或保留不动。</translation>
    </message>
    <message>
        <source>Open deals with no activity for %1 days</source>
        <translation>%1 天没有活动的进行中商机</translation>
    </message>
    <message>
        <source>Open each deal and fill in what is missing: amount and expected close from the proposal on, the close date once won or lost, a lost reason.</source>
        <translation>逐个打开商机补全缺失信息：自方案报价阶段起需要金额和预计成交日期，赢单或输单后需要关闭日期，输单需要原因。</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <source>Data quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <source>A deal is stale after</source>
        <translation>商机停滞判定</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>重新统计</translation>
    </message>
    <message>
        <source>Pick a check to see its records.</source>
        <translation>选择一项检查以查看相关记录。</translation>
    </message>
    <message>
        <source>Duplicate conflicts waiting in the queue</source>
        <translation>队列中待处理的重复冲突</translation>
    </message>
</context>
<context>
    <name>QuotaDialog</name>
    <message>
        <source>Sales quotas</source>
        <translation>销售指标</translation>
    </message>
    <message>
        <source>Each person&apos;s quota per month. Type an amount in a cell; clear it to remove the quota. Coverage and attainment are measured against these.</source>
        <translation>每人每月的指标。在单元格中输入金额；清空即删除该指标。覆盖率和完成率都以此衡量。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
</context>
<context>
    <name>QuoteComparison</name>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Disc.</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>相同</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Δ Total</source>
        <translation>Δ 合计</translation>
    </message>
</context>
<context>
    <name>QuoteEditor</name>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Compare with this one</source>
        <translation>与此版本比较</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Change request…</source>
        <translation>变更申请…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Request approval…</source>
        <translation>申请审批…</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>标记为已发送</translation>
    </message>
    <message>
        <source>Customer accepted</source>
        <translation>客户已接受</translation>
    </message>
    <message>
        <source>Customer rejected</source>
        <translation>客户已拒绝</translation>
    </message>
    <message>
        <source>Create order…</source>
        <translation>创建订单…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Quote r%1 · %2 · %3</source>
        <translation>报价单 第%1版 · %2 · %3</translation>
    </message>
    <message>
        <source>New (not saved yet)</source>
        <translation>新建（尚未保存）</translation>
    </message>
    <message>
        <source>Add a product from the price list…</source>
        <translation>从价目表添加产品…</translation>
    </message>
    <message>
        <source>Waiting for a manager&apos;s approval since %1: %2</source>
        <translation>自 %1 起等待经理审批：%2</translation>
    </message>
    <message>
        <source>Approved by %1 on %2</source>
        <translation>%1 于 %2 批准</translation>
    </message>
    <message>
        <source>The approval requested on %1 was voided: %2. Request approval again before sending.</source>
        <translation>于 %1 申请的审批已失效：%2。发送前请重新申请审批。</translation>
    </message>
    <message>
        <source>Approval refused by %1: %2</source>
        <translation>%1 拒绝了审批：%2</translation>
    </message>
    <message>
        <source>Needs a manager&apos;s approval before it is sent: %1</source>
        <translation>发送前需经理审批：%1</translation>
    </message>
    <message>
        <source>The order exists already.</source>
        <translation>订单已存在。</translation>
    </message>
    <message>
        <source>Saving a change of lines voids the approval; it will need approving again.</source>
        <translation>保存明细的更改会使审批失效，需要重新审批。</translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation>申请审批</translation>
    </message>
    <message>
        <source>A note for the manager (optional):</source>
        <translation>给经理的备注（可选）：</translation>
    </message>
    <message>
        <source>Record that the customer rejected this quote?</source>
        <translation>记录客户拒绝了此报价？</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Marked as sent to the customer.</source>
        <translation>已标记为已发送给客户。</translation>
    </message>
    <message>
        <source>The customer accepted this quote: create the order next.</source>
        <translation>客户已接受此报价：下一步请创建订单。</translation>
    </message>
    <message>
        <source>Marked as rejected by the customer.</source>
        <translation>已标记为客户拒绝。</translation>
    </message>
    <message>
        <source>Revision %1 created; the earlier one is superseded.</source>
        <translation>已创建第 %1 版；之前的版本已被取代。</translation>
    </message>
    <message>
        <source>Approval requested. A manager decides it in the inbox; %1</source>
        <translation>已申请审批。经理会在待办箱中处理；%1</translation>
    </message>
    <message>
        <source>Saved. The approval was voided because the lines changed: request approval again.</source>
        <translation>已保存。由于明细有变化，审批已失效：请重新申请审批。</translation>
    </message>
    <message>
        <source>it goes to the server with the next sync.</source>
        <translation>它会在下次同步时发送到服务器。</translation>
    </message>
    <message>
        <source>this computer is offline, so the request is queued and goes out when it is back online.</source>
        <translation>本机处于离线状态，申请已排队，恢复联网后发出。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save your changes before closing?</source>
        <translation>关闭前保存更改吗？</translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation>必须是日期（YYYY-MM-DD）</translation>
    </message>
</context>
<context>
    <name>QuoteLinesModel</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>is not a product of the price list</source>
        <translation>不是价目表中的产品</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>QuotesPage</name>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>New quote…</source>
        <translation>新建报价…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>RaciModel</name>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Target time</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
</context>
<context>
    <name>Receivables</name>
    <message>
        <source>1-30 days</source>
        <translation>1-30 天</translation>
    </message>
    <message>
        <source>31-60 days</source>
        <translation>31-60 天</translation>
    </message>
    <message>
        <source>61-90 days</source>
        <translation>61-90 天</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>ReceivablesView</name>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>未核销</translation>
    </message>
    <message>
        <source>Received but not yet allocated to an invoice</source>
        <translation>已收到但尚未核销到发票</translation>
    </message>
    <message>
        <source>Select a customer to see its open invoices.</source>
        <translation>选择一个客户以查看其未结发票。</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Days past due of the oldest open invoice</source>
        <translation>最早一张未结发票的逾期天数</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>账龄段</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Open %1 · overdue %2 · %3 customer(s) late</source>
        <translation>未结 %1 · 逾期 %2 · %3 个客户逾期</translation>
    </message>
    <message>
        <source>Open invoices of %1</source>
        <translation>%1 的未结发票</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Only %1 may change this.</source>
        <translation>只有 %1 可以修改此项。</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>This looks like an existing record: %1.
Create it anyway?</source>
        <translation>这看起来与已有记录相同：%1。
仍要创建吗？</translation>
    </message>
    <message>
        <source>Nothing was saved. Please correct the marked fields.</source>
        <translation>未保存任何内容。请更正标出的字段。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save your changes before closing?</source>
        <translation>关闭前保存更改吗？</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <source>Filter this list…</source>
        <translation>筛选此列表…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export the selected rows (or the whole list) to a file</source>
        <translation>把选中的行（或整个列表）导出为文件</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Type part of the name</source>
        <translation>输入名称的一部分</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The local database is damaged</source>
        <translation>本地数据库已损坏</translation>
    </message>
    <message numerus="yes">
        <source>Your %n unsent change(s) were saved to %1 and will be queued again.</source>
        <translation>
            <numerusform>你的 %n 项未发送更改已保存到 %1，并将重新排队发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>No unsent changes could be read.</source>
        <translation>无法读取任何未发送的更改。</translation>
    </message>
    <message>
        <source>LTC Desk found damage in the database of this profile (%1). Nothing more will be written to it.</source>
        <translation>LTC Desk 发现此配置文件的数据库已损坏（%1）。将不再向其写入任何内容。</translation>
    </message>
    <message>
        <source>Restore the last good backup</source>
        <translation>恢复最近一次完好的备份</translation>
    </message>
    <message>
        <source>Start fresh from the server</source>
        <translation>从服务器重新开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>This profile has no automatic backup yet.</source>
        <translation>此配置文件尚无自动备份。</translation>
    </message>
</context>
<context>
    <name>Remote</name>
    <message>
        <source>This profile is not connected to a server; sign in to a server to use this.</source>
        <translation>此配置文件未连接服务器；请登录服务器后使用此功能。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Sales quotas…</source>
        <translation>销售指标…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>%1 · as of %2 · amounts in %3 · computed in %4 ms</source>
        <translation>%1 · 截至 %2 · 金额单位 %3 · 用时 %4 毫秒</translation>
    </message>
    <message>
        <source>The report failed: %1</source>
        <translation>报表生成失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n quota(s) saved</source>
        <translation>
            <numerusform>已保存 %n 项指标</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Responsibilities</name>
    <message>
        <source>Accountable: answers for the outcome</source>
        <translation>批准（A）：对结果负责</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Consulted before the decision</source>
        <translation>咨询（C）：决策前征求意见</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Informed of the outcome</source>
        <translation>知会（I）：告知结果</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Responsible: does the work; the step&apos;s items land in this role&apos;s inbox</source>
        <translation>执行（R）：负责具体工作；该环节的事项进入此角色的待办箱</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>销售代表</translation>
    </message>
</context>
<context>
    <name>ResponsibilitiesPage</name>
    <message>
        <source>Responsibilities (RACI)</source>
        <translation>职责分工（RACI）</translation>
    </message>
    <message>
        <source>R: responsible, does the work (the step&apos;s items land in that role&apos;s inbox) · A: accountable for the outcome · C: consulted · I: informed. Each step has exactly one R and at most one A.</source>
        <translation>R：执行，负责具体工作（该环节的事项进入该角色的待办箱）· A：批准，对结果负责 · C：咨询 · I：知会。每个环节有且只有一个 R，最多一个 A。</translation>
    </message>
    <message>
        <source>Save matrix</source>
        <translation>保存矩阵</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销更改</translation>
    </message>
    <message>
        <source>Only an administrator changes the matrix.</source>
        <translation>只有管理员可以修改矩阵。</translation>
    </message>
    <message>
        <source>Saved. Inboxes follow the new matrix.</source>
        <translation>已保存。待办箱将按新矩阵分派。</translation>
    </message>
    <message>
        <source>Nothing was saved:</source>
        <translation>未保存任何内容：</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Sales rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Try it first with a dry run: it checks everything again and writes nothing.</source>
        <translation>建议先试运行：它会重新检查所有内容，但不写入任何数据。</translation>
    </message>
    <message>
        <source>All or nothing: if any row cannot be imported, nothing is</source>
        <translation>全部或全不：只要有一行无法导入，就全部不导入</translation>
    </message>
    <message>
        <source>The valid rows: the rejected ones are written to a file with the reason beside each</source>
        <translation>只导入有效行：被拒绝的行连同原因写入一个文件</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open the rejected rows</source>
        <translation>打开被拒绝的行</translation>
    </message>
    <message>
        <source>Import log…</source>
        <translation>导入日志…</translation>
    </message>
    <message>
        <source>Dry run…</source>
        <translation>试运行…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Reading the files</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>Writing the records</source>
        <translation>正在写入记录</translation>
    </message>
    <message>
        <source>Cancelled while checking: nothing was imported.</source>
        <translation>检查时已取消：未导入任何内容。</translation>
    </message>
    <message>
        <source>%1: would create %2, update %3; %4 rejected</source>
        <translation>%1：将新建 %2，更新 %3；拒绝 %4</translation>
    </message>
    <message>
        <source>%1: %2 created, %3 updated, %4 rejected</source>
        <translation>%1：新建 %2，更新 %3，拒绝 %4</translation>
    </message>
    <message>
        <source>The rejected rows, with their reasons, are in %1</source>
        <translation>被拒绝的行及原因在 %1</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <source>Not imported.</source>
        <translation>未导入。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Questions are still open; nothing was imported.</source>
        <translation>仍有未回答的问题；未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Name, phone, e-mail, credit code or pinyin initials (zs → 张三)</source>
        <translation>名称、电话、邮箱、信用代码或拼音首字母（zs → 张三）</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 个结果</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>ServerHistory</name>
    <message>
        <source>Loading the server&apos;s history…</source>
        <translation>正在加载服务器上的历史…</translation>
    </message>
    <message>
        <source>No history on the server.</source>
        <translation>服务器上没有历史记录。</translation>
    </message>
    <message>
        <source>conflict decided</source>
        <translation>冲突已处理</translation>
    </message>
    <message>
        <source>conflict flag changed</source>
        <translation>冲突标记已变更</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>merged into another</source>
        <translation>已并入另一条</translation>
    </message>
    <message>
        <source>moved to another book</source>
        <translation>已转给其他负责人</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>A new language takes effect the next time LTC Desk starts.</source>
        <translation>新的语言将在下次启动 LTC Desk 时生效。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>What to import</source>
        <translation>导入什么</translation>
    </message>
    <message>
        <source>A CSV or Excel file into one kind of record, or a folder of files with a mapping set that says which file goes where.</source>
        <translation>把一个 CSV 或 Excel 文件导入为一种记录，或导入一个文件夹，用映射集说明每个文件导入到哪里。</translation>
    </message>
    <message>
        <source>One file (CSV or Excel .xlsx)</source>
        <translation>单个文件（CSV 或 Excel .xlsx）</translation>
    </message>
    <message>
        <source>A folder of files with a mapping set (e.g. a CRM export)</source>
        <translation>带映射集的文件夹（如 CRM 导出数据）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Activities and tasks</source>
        <translation>活动与待办</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Sales quotas</source>
        <translation>销售指标</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Another mapping set file…</source>
        <translation>其他映射集文件…</translation>
    </message>
    <message>
        <source>Mapping set</source>
        <translation>映射集</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.txt *.tsv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder to import</source>
        <translation>要导入的文件夹</translation>
    </message>
    <message>
        <source>Mapping sets (*.json)</source>
        <translation>映射集 (*.json)</translation>
    </message>
    <message>
        <source>Reading the mapping set…</source>
        <translation>正在读取映射集…</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n row(s) · columns: %2</source>
        <translation>
            <numerusform>%1 · %n 行 · 列：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s) in order</source>
        <translation>
            <numerusform>%1：按顺序 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Prospecting</source>
        <translation>初步接触</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>需求确认</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>weighted</source>
        <translation>加权</translation>
    </message>
    <message numerus="yes">
        <source>showing the %n biggest</source>
        <translation>
            <numerusform>显示金额最大的 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>已判无效</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Waiting for credit release</source>
        <translation>待信用放行</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Needs release</source>
        <translation>需放行</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已放行</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Waiting to be issued</source>
        <translation>待开具</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已开具</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>部分回款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>已到期</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Sending changes: %1</source>
        <translation>正在发送更改：%1</translation>
    </message>
    <message>
        <source>Receiving: %1 records in %2 pages</source>
        <translation>正在接收：%1 条记录，%2 页</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>正在完成…</translation>
    </message>
    <message>
        <source>Synced: %1 sent, %2 received</source>
        <translation>已同步：发送 %1，接收 %2</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Offline (local only)</source>
        <translation>离线（仅本机）</translation>
    </message>
    <message>
        <source>This profile keeps its data on this computer only.</source>
        <translation>此配置文件的数据只保存在本机。</translation>
    </message>
    <message>
        <source>Connect this profile to a server to sync.</source>
        <translation>把此配置文件连接到服务器即可同步。</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <source>Send local changes and fetch the server&apos;s now.</source>
        <translation>立即发送本地更改并获取服务器上的更改。</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s)</source>
        <translation>
            <numerusform>%n 项更改待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>No pending changes</source>
        <translation>没有待发送的更改</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n 个被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>没有冲突</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Move the selected user&apos;s book (customers with everything on them, leads) to:</source>
        <translation>把所选用户名下的客户（连同其全部下属记录）和线索移交给：</translation>
    </message>
    <message>
        <source>Move book</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>new password for the selected user</source>
        <translation>所选用户的新密码</translation>
    </message>
    <message>
        <source>%1 can sign in now.</source>
        <translation>%1 现在可以登录了。</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>请先选择一个用户。</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 已保存。</translation>
    </message>
    <message>
        <source>Select a user and type the new password first.</source>
        <translation>请先选择用户并输入新密码。</translation>
    </message>
    <message>
        <source>Password set.</source>
        <translation>密码已设置。</translation>
    </message>
    <message>
        <source>Select the user whose book moves, and who takes it.</source>
        <translation>请选择移出客户的用户和接收的用户。</translation>
    </message>
    <message>
        <source>Moved %1 customer(s), %2 lead(s) and %3 deal(s); both sides see it on their next sync.</source>
        <translation>已移交 %1 个客户、%2 条线索和 %3 个商机；双方会在下次同步时看到。</translation>
    </message>
</context>
<context>
    <name>ValuesDialog</name>
    <message>
        <source>Values of %1</source>
        <translation>%1 的值</translation>
    </message>
    <message>
        <source>What each value in the file becomes. Values you leave as written are imported as they are when they are codes or labels; any other is put to you as a decision.</source>
        <translation>文件中每个值变为什么。保留原样的值如果是代码或名称，将按原样导入；其他值会交给你决定。</translation>
    </message>
    <message>
        <source>(as written)</source>
        <translation>（保持原样）</translation>
    </message>
    <message>
        <source>(leave empty)</source>
        <translation>（留空）</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to LTC Desk</source>
        <translation>欢迎使用 LTC Desk</translation>
    </message>
    <message>
        <source>LTC Desk keeps your customers, deals and tasks on this computer, so it works offline. Choose how to start; an offline profile can connect to a server later without losing anything.</source>
        <translation>LTC Desk 把你的客户、商机和待办保存在本机，因此可以离线工作。请选择开始方式；离线配置文件以后也可以连接服务器，不会丢失任何数据。</translation>
    </message>
    <message>
        <source>Work offline on this computer</source>
        <translation>在本机离线工作</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connecting to a server is not available in this version yet.</source>
        <translation>此版本尚不支持连接服务器。</translation>
    </message>
    <message>
        <source>Enter the server address, your user name and your password.</source>
        <translation>请输入服务器地址、用户名和密码。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>⚠ Conflict</source>
        <translation>⚠ 冲突</translation>
    </message>
    <message>
        <source>⛔ Rejected</source>
        <translation>⛔ 被拒绝</translation>
    </message>
    <message>
        <source>↑ Pending</source>
        <translation>↑ 待发送</translation>
    </message>
    <message>
        <source>This record has a sync conflict; open it to see the values involved.</source>
        <translation>此记录存在同步冲突；打开它可查看涉及的值。</translation>
    </message>
    <message>
        <source>The server refused a change to this record; open it to see why.</source>
        <translation>服务器拒绝了对此记录的一项更改；打开它可查看原因。</translation>
    </message>
    <message>
        <source>Changed on this computer; not yet accepted by the server.</source>
        <translation>已在本机修改；尚未被服务器接受。</translation>
    </message>
</context>
</TS>
