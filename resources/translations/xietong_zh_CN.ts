<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminView</name>
    <message>
        <source>Changes take effect once the server has applied them (after the next sync).</source>
        <translation>修改在服务器执行后生效（下次同步之后）。</translation>
    </message>
    <message>
        <source>New role…</source>
        <translation>新建角色…</translation>
    </message>
    <message>
        <source>Grant…</source>
        <translation>授予权限…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>收回权限</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>Clearance…</source>
        <translation>密级权限…</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>角色与权限</translation>
    </message>
    <message>
        <source>%1 (clearance: %2)</source>
        <translation>%1（密级：%2）</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>新建角色</translation>
    </message>
    <message>
        <source>Name of the role:</source>
        <translation>角色名称：</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>授予权限</translation>
    </message>
    <message>
        <source>Permission for %1 (add :room, :building or :system where it applies):</source>
        <translation>授予%1的权限（适用时在后面加 :会议室编号、:楼名 或 :系统编号）：</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Login name of the person to hold %1:</source>
        <translation>担任%1的人员的登录名：</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>密级权限</translation>
    </message>
    <message>
        <source>Highest classification this person may see:</source>
        <translation>此人可知悉的最高密级：</translation>
    </message>
</context>
<context>
    <name>Audience</name>
    <message>
        <source>All units</source>
        <translation>全体单位</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book a meeting room</source>
        <translation>预订会议室</translation>
    </message>
    <message>
        <source>For example: Weekly office meeting</source>
        <translation>例如：办公室周例会</translation>
    </message>
    <message>
        <source>%1 (%2 seats, %3)</source>
        <translation>%1（%2 座，%3）</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Every other week</source>
        <translation>每两周</translation>
    </message>
    <message>
        <source>Monthly on the same weekday</source>
        <translation>每月同一周次的同一天</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>Dates to leave out, e.g. 2026-12-29, 2027-01-05</source>
        <translation>例外日期，如 2026-12-29, 2027-01-05</translation>
    </message>
    <message>
        <source>You are offline: the request is saved on this computer and shown as waiting for confirmation until the server decides.</source>
        <translation>当前离线：预订申请已保存在本机，在服务器确认前显示为“待确认”。</translation>
    </message>
    <message>
        <source>Write the dates to leave out as 2026-12-29, separated by commas.</source>
        <translation>例外日期请写成 2026-12-29 的格式，多个日期用逗号分隔。</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>会议名称(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>会议室(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>参会人数(&amp;P)</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>所需设备</translation>
    </message>
    <message>
        <source>R&amp;epeat</source>
        <translation>重复(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Invite</source>
        <translation>邀请参会(&amp;I)</translation>
    </message>
    <message>
        <source>Book (Ctrl+Enter)</source>
        <translation>预订（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BookingPanel</name>
    <message>
        <source>Choose a free time in the calendar and book it, or choose a meeting to see it.</source>
        <translation>在日程表中选择空闲时段即可预订；选择已有会议可查看详情。</translation>
    </message>
    <message>
        <source>Free instead (double-click to book):</source>
        <translation>以下时间空闲（双击即可预订）：</translation>
    </message>
    <message>
        <source>Cancel this booking</source>
        <translation>取消此次预订</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Save to calendar (.ics)…</source>
        <translation>保存到日历（.ics）…</translation>
    </message>
    <message>
        <source>Change the time…</source>
        <translation>调整时间…</translation>
    </message>
    <message>
        <source>%1, %2, booked by %3</source>
        <translation>%1，%2，预订人：%3</translation>
    </message>
    <message>
        <source>Waiting for confirmation: the server decides when it is reached.</source>
        <translation>待确认：连接服务器后由服务器确认。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Will attend: %1
Will not attend: %2</source>
        <translation>参加：%1
不参加：%2</translation>
    </message>
</context>
<context>
    <name>Bookings</name>
    <message>
        <source>Waiting for confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Waiting for the room manager&apos;s approval</source>
        <translation>待管理员审批</translation>
    </message>
    <message>
        <source>Declined: taken</source>
        <translation>未预订成功：已被占用</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <source>Export exchange bundle…</source>
        <translation>导出交换包…</translation>
    </message>
    <message>
        <source>Import exchange bundle…</source>
        <translation>导入交换包…</translation>
    </message>
    <message>
        <source>Relay an isolated unit&apos;s bundle…</source>
        <translation>代为导入隔离单位的交换包…</translation>
    </message>
    <message>
        <source>Choose the USB stick or folder to write the bundle to</source>
        <translation>选择要写入交换包的 U 盘或文件夹</translation>
    </message>
    <message>
        <source>Export exchange bundle</source>
        <translation>导出交换包</translation>
    </message>
    <message>
        <source>Choose the exchange point&apos;s answer bundle</source>
        <translation>选择交换站的回执交换包</translation>
    </message>
    <message>
        <source>Import exchange bundle</source>
        <translation>导入交换包</translation>
    </message>
    <message>
        <source>Choose the isolated unit&apos;s bundle</source>
        <translation>选择隔离单位的交换包</translation>
    </message>
    <message>
        <source>Relay exchange bundle</source>
        <translation>代为导入交换包</translation>
    </message>
    <message>
        <source>Exported %1 operations and %2 files to %3. Take the USB stick to the exchange point.</source>
        <translation>已导出 %1 个操作和 %2 个文件到 %3。请将 U 盘送到交换站。</translation>
    </message>
    <message>
        <source>Imported: %1 operations done, %2 refused, %3 changes received, %4 files.</source>
        <translation>已导入：%1 个操作已完成，%2 个被拒绝，收到 %3 条变更，%4 个文件。</translation>
    </message>
    <message>
        <source>A client update was left in %1 for IT to install.</source>
        <translation>客户端更新包已放在 %1，请由信息技术人员安装。</translation>
    </message>
    <message>
        <source>Relayed: %1 operations, %2 done, %3 changes for the unit. The answer is at %4: take it back to the isolated unit.</source>
        <translation>已代为导入：%1 个操作，完成 %2 个，该单位的变更 %3 条。回执在 %4，请带回隔离单位。</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>%1 records, %2 of %3 MB</source>
        <translation>%1 条记录，%2 / %3 MB</translation>
    </message>
    <message>
        <source>%1 records, %2 MB written</source>
        <translation>%1 条记录，已写入 %2 MB</translation>
    </message>
    <message>
        <source>The server cannot be reached or the login has expired: sign in online, then relay the bundle again.</source>
        <translation>无法连接服务器或登录已过期：请联网登录后重新代为导入交换包。</translation>
    </message>
    <message>
        <source>The bundle file could not be written or read (was the USB stick removed?): %1</source>
        <translation>交换包文件无法写入或读取（U 盘是否已拔出？）：%1</translation>
    </message>
    <message>
        <source>The exchange bundle failed: %1</source>
        <translation>交换包处理失败：%1</translation>
    </message>
</context>
<context>
    <name>Classification</name>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>秘密</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>机密</translation>
    </message>
</context>
<context>
    <name>CleanCopyDialog</name>
    <message>
        <source>Clean copy</source>
        <translation>清稿</translation>
    </message>
</context>
<context>
    <name>ClientController</name>
    <message numerus="yes">
        <source>The local data file was damaged and has been kept aside at %1. %n change(s) waiting to be sent were carried over. The rest will be downloaded again from the server at the next sync.</source>
        <translation>
            <numerusform>本机数据文件已损坏，已原样保留在 %1。%n 项待发送的更改已转入新的数据文件，其余数据将在下次同步时从服务器重新下载。</numerusform>
        </translation>
    </message>
    <message>
        <source>Local data rebuilt</source>
        <translation>本机数据已重建</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>Compare…</source>
        <translation>对比查看…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Your edit of “%1” clashed with someone else&apos;s and was saved as a conflict copy.</source>
        <translation>您对“%1”的修改与他人冲突，已另存为冲突副本。</translation>
    </message>
    <message numerus="yes">
        <source>%n more wait(s).</source>
        <translation>
            <numerusform>另有 %n 份待查看。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflict copy</source>
        <translation>冲突副本</translation>
    </message>
    <message>
        <source>When your edit of “%1” reached the server (%2), someone had already changed the same parts. Their version was kept; yours is saved here.</source>
        <translation>您对“%1”的修改送达服务器时（%2），他人已改动了相同的内容。已保留对方的版本，您的修改另存于此。</translation>
    </message>
    <message>
        <source>Now (kept)</source>
        <translation>现在的内容（已保留）</translation>
    </message>
    <message>
        <source>Your edit (conflict copy)</source>
        <translation>您的修改（冲突副本）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>发布范围</translation>
    </message>
    <message>
        <source>Send my edit again</source>
        <translation>重新提交我的修改</translation>
    </message>
    <message>
        <source>Keep theirs, dismiss</source>
        <translation>保留对方版本，不再提示</translation>
    </message>
</context>
<context>
    <name>DetailsFold</name>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>DirectoryTreeModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <source>Name, pinyin initials (e.g. wxy) or unit (Ctrl+F)</source>
        <translation>按姓名、拼音首字母（如 wxy）或单位查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>通讯录</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n people; type more to narrow the search.</source>
        <translation>
            <numerusform>仅显示前 %n 人，请输入更多文字缩小范围。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found</source>
        <translation>
            <numerusform>找到 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody matches “%1”. Try the pinyin initials or the unit&apos;s name.</source>
        <translation>没有找到与“%1”相符的人员。可以试试拼音首字母或单位名称。</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Assign a car</source>
        <translation>派车</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1（%2 座）</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1, %2 people, %3 to %4, from %5</source>
        <translation>%1，%2 人，%3 至 %4，%5 出发</translation>
    </message>
    <message>
        <source>No car or no driver is free at that time: refuse the request with the reason, or ask the requester to change the time.</source>
        <translation>该时段没有空闲的车辆或驾驶员：请写明原因退回申请，或请申请人调整时间。</translation>
    </message>
    <message>
        <source>&amp;Car</source>
        <translation>车辆(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Driver</source>
        <translation>驾驶员(&amp;D)</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>派车</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DocumentActionDialog</name>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Required: say why, so the other side knows what to do</source>
        <translation>必填：说明理由，便于对方处理</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Back to step</source>
        <translation>退回到环节</translation>
    </message>
    <message>
        <source>Added signer</source>
        <translation>加签人员</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>催办对象</translation>
    </message>
    <message>
        <source>Before me (they sign first)</source>
        <translation>在我之前（对方先签）</translation>
    </message>
    <message>
        <source>After me</source>
        <translation>在我之后</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>For example: 通政办 (the number itself comes from the server)</source>
        <translation>例如：通政办（编号由服务器分配）</translation>
    </message>
    <message>
        <source>Unit code (机关代字)</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <source>Main recipients (主送)</source>
        <translation>主送</translation>
    </message>
    <message>
        <source>Copied to (抄送)</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>The document has no text yet.</source>
        <translation>公文还没有正文。</translation>
    </message>
    <message>
        <source>Choose at least one main recipient.</source>
        <translation>请至少选择一个主送单位。</translation>
    </message>
    <message>
        <source>Please enter the unit code.</source>
        <translation>请填写机关代字。</translation>
    </message>
    <message>
        <source>Please write what to remind them of.</source>
        <translation>请填写催办内容。</translation>
    </message>
    <message>
        <source>Deadline (时限)</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Choose one person</source>
        <translation>请选择一人</translation>
    </message>
    <message>
        <source>Choose the people</source>
        <translation>请选择人员</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请填写理由。</translation>
    </message>
    <message>
        <source>There is no earlier step to send it back to.</source>
        <translation>没有可以退回的前序环节。</translation>
    </message>
    <message>
        <source>Choose exactly one person.</source>
        <translation>请只选择一人。</translation>
    </message>
    <message>
        <source>Choose at least one person.</source>
        <translation>请至少选择一人。</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Send back (退回)…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Hand over (转办)…</source>
        <translation>转办…</translation>
    </message>
    <message>
        <source>Add a signer (加签)…</source>
        <translation>加签…</translation>
    </message>
    <message>
        <source>Edit the text (修改正文)…</source>
        <translation>修改正文…</translation>
    </message>
    <message>
        <source>Cancel an added signer (撤销加签)…</source>
        <translation>撤销加签…</translation>
    </message>
    <message>
        <source>Take back (取回)</source>
        <translation>取回</translation>
    </message>
    <message>
        <source>Withdraw (撤回)…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Distribute (分发)…</source>
        <translation>分发…</translation>
    </message>
    <message>
        <source>Sign for it (签收)</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Return (退回)…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Register (登记)…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <source>Propose handling (拟办)…</source>
        <translation>拟办…</translation>
    </message>
    <message>
        <source>Instruct (批办)…</source>
        <translation>批办…</translation>
    </message>
    <message>
        <source>My part is done (承办完毕)…</source>
        <translation>承办完毕…</translation>
    </message>
    <message>
        <source>Conclude (办结)</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Archive (归档)</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Circulate (传阅)…</source>
        <translation>传阅…</translation>
    </message>
    <message>
        <source>Mark as read (已阅)</source>
        <translation>已阅</translation>
    </message>
    <message>
        <source>Remind (催办)…</source>
        <translation>催办…</translation>
    </message>
    <message>
        <source>Submit (提交)…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <source>Sign off (签发)…</source>
        <translation>签发…</translation>
    </message>
    <message>
        <source>Agree (同意)…</source>
        <translation>同意…</translation>
    </message>
</context>
<context>
    <name>DocumentListPage</name>
    <message>
        <source>All kinds</source>
        <translation>全部文种</translation>
    </message>
    <message>
        <source>All classifications</source>
        <translation>全部密级</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search titles, numbers, opinions and text (Ctrl+F)</source>
        <translation>搜索标题、文号、意见和正文（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Export as PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Seal and export PDF…</source>
        <translation>用印并导出PDF…</translation>
    </message>
    <message>
        <source>Export for verification…</source>
        <translation>导出核验文件…</translation>
    </message>
    <message>
        <source>Every body version and signed opinion in one file that anyone can check with: xietong verify FILE</source>
        <translation>正文各稿和全部签名意见存为一个文件，任何人都可用 xietong verify 文件名 核验</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>意见栏</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>流程跟踪</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>痕迹</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>No document selected</source>
        <translation>未选择公文</translation>
    </message>
    <message>
        <source>Choose a document on the left to read it, see its opinions and route, and act on it.</source>
        <translation>在左侧选择一份公文，即可阅读正文、查看意见和流程并办理。</translation>
    </message>
    <message>
        <source>With %1 now.</source>
        <translation>现由%1办理。</translation>
    </message>
    <message>
        <source>No document number yet</source>
        <translation>尚未编号</translation>
    </message>
</context>
<context>
    <name>DocumentStatus</name>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>To sign for</source>
        <translation>待签收</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Awaiting instruction</source>
        <translation>待批办</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>承办中</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
</context>
<context>
    <name>DraftDocumentDialog</name>
    <message>
        <source>Draft a document</source>
        <translation>拟稿</translation>
    </message>
    <message>
        <source>For example: 通政办发</source>
        <translation>例如：通政办发</translation>
    </message>
    <message>
        <source>The text of the document; one paragraph a line</source>
        <translation>公文正文，每段一行</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>流程跟踪</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Number prefix (机关代字)</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <source>The document has no text yet.</source>
        <translation>公文还没有正文。</translation>
    </message>
    <message>
        <source>Add at least one step after drafting (核稿, 会签 or 签发).</source>
        <translation>请至少添加一个拟稿之后的环节（核稿、会签或签发）。</translation>
    </message>
    <message>
        <source>Enter the number prefix (机关代字) the 文号 starts with.</source>
        <translation>请填写文号的机关代字。</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>无法读取该文件：%1</translation>
    </message>
    <message>
        <source>Import the text</source>
        <translation>导入正文</translation>
    </message>
    <message>
        <source>Word or text files (*.docx *.txt)</source>
        <translation>Word 或文本文件 (*.docx *.txt)</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Import from .docx or .txt…</source>
        <translation>从 .docx 或 .txt 导入…</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Save the draft (Ctrl+Enter)</source>
        <translation>保存草稿（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EditNoticeDialog</name>
    <message>
        <source>Edit the notice</source>
        <translation>修改通知</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>FileTreeModel</name>
    <message>
        <source>Unit cabinet</source>
        <translation>单位文件柜</translation>
    </message>
    <message>
        <source>Personal cabinet</source>
        <translation>个人文件柜</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>共享给我的</translation>
    </message>
    <message>
        <source> (kept offline)</source>
        <translation>（保持离线）</translation>
    </message>
    <message>
        <source> (read only)</source>
        <translation>（只读）</translation>
    </message>
</context>
<context>
    <name>FileVersionsDialog</name>
    <message>
        <source>Versions of “%1”</source>
        <translation>“%1”的历史版本</translation>
    </message>
    <message>
        <source>Version %1 — %2, %3, %4</source>
        <translation>第 %1 版 — %2，%3，%4</translation>
    </message>
    <message>
        <source>Make this version the newest</source>
        <translation>恢复为最新版本</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>保存人</translation>
    </message>
    <message>
        <source>Saved at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>本机已有</translation>
    </message>
    <message>
        <source> (waiting to upload)</source>
        <translation>（待上传）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>FilesView</name>
    <message>
        <source>Rename folder…</source>
        <translation>重命名文件夹…</translation>
    </message>
    <message>
        <source>Move folder…</source>
        <translation>移动文件夹…</translation>
    </message>
    <message>
        <source>Delete folder…</source>
        <translation>删除文件夹…</translation>
    </message>
    <message>
        <source>Search names and contents</source>
        <translation>按名称和内容搜索</translation>
    </message>
    <message>
        <source>Classification of files you upload</source>
        <translation>上传文件的密级</translation>
    </message>
    <message>
        <source>New folder…</source>
        <translation>新建文件夹…</translation>
    </message>
    <message>
        <source>Upload… (Ctrl+N)</source>
        <translation>上传…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>历史版本…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Classification…</source>
        <translation>更改密级…</translation>
    </message>
    <message>
        <source>Share folder…</source>
        <translation>共享文件夹…</translation>
    </message>
    <message>
        <source>Keep offline</source>
        <translation>保持离线</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Shared files</source>
        <translation>文件共享</translation>
    </message>
    <message>
        <source>Unit cabinets: %1 of %2 used</source>
        <translation>单位文件柜：已用 %1，上限 %2</translation>
    </message>
    <message>
        <source>Upload files</source>
        <translation>上传文件</translation>
    </message>
    <message>
        <source>This file is no longer here: it was deleted, moved out of reach, or its share was withdrawn.</source>
        <translation>该文件已不在此处：可能已被删除、移到您无权访问的位置，或共享已被收回。</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation>文件夹名称</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Classification of “%1”</source>
        <translation>“%1”的密级</translation>
    </message>
    <message>
        <source>Rename folder</source>
        <translation>重命名文件夹</translation>
    </message>
    <message>
        <source>Top of the cabinet</source>
        <translation>文件柜顶层</translation>
    </message>
    <message>
        <source>Move folder</source>
        <translation>移动文件夹</translation>
    </message>
    <message>
        <source>Move “%1” to:</source>
        <translation>把“%1”移到：</translation>
    </message>
    <message>
        <source>Delete folder</source>
        <translation>删除文件夹</translation>
    </message>
    <message>
        <source>Delete the folder “%1”? Only an empty folder can be deleted.</source>
        <translation>删除文件夹“%1”吗？只能删除空文件夹。</translation>
    </message>
    <message>
        <source>Classification: %1</source>
        <translation>密级：%1</translation>
    </message>
</context>
<context>
    <name>IncomingModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来文单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>文种</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>送达时间</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已超期）</translation>
    </message>
    <message>
        <source>%1 (due today)</source>
        <translation>%1（今日到期）</translation>
    </message>
</context>
<context>
    <name>IncomingTrackModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Opinion or note</source>
        <translation>意见或备注</translation>
    </message>
    <message>
        <source>Handling (pending)</source>
        <translation>承办（未完成）</translation>
    </message>
    <message>
        <source>To read (pending)</source>
        <translation>传阅（未读）</translation>
    </message>
    <message>
        <source>Registered a paper document</source>
        <translation>登记纸质公文</translation>
    </message>
    <message>
        <source>Signed for it</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Returned it</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Proposed handling</source>
        <translation>拟办</translation>
    </message>
    <message>
        <source>Instructed</source>
        <translation>批办</translation>
    </message>
    <message>
        <source>Finished their part</source>
        <translation>承办完毕</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Circulated</source>
        <translation>传阅</translation>
    </message>
</context>
<context>
    <name>IncomingView</name>
    <message>
        <source>Register a paper document (Ctrl+N)</source>
        <translation>登记纸质来文（Ctrl+N）</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>导出 PDF</translation>
    </message>
</context>
<context>
    <name>InvitationDialog</name>
    <message>
        <source>Meeting invitation</source>
        <translation>会议通知</translation>
    </message>
    <message>
        <source>Where: %1, %2
Booked by: %3
When:
%4</source>
        <translation>地点：%1，%2
预订人：%3
时间：
%4</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>参加</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>不参加</translation>
    </message>
    <message>
        <source>Save to calendar (.ics)…</source>
        <translation>保存到日历（.ics）…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save to calendar</source>
        <translation>保存到日历</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar 日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>This meeting has been cancelled.</source>
        <translation>该会议已取消。</translation>
    </message>
    <message>
        <source>Please answer whether you will attend.</source>
        <translation>请确认是否参加。</translation>
    </message>
    <message>
        <source>You have accepted.</source>
        <translation>您已确认参加。</translation>
    </message>
    <message>
        <source>You have declined.</source>
        <translation>您已回复不参加。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>PIN of the key</source>
        <translation>证书 PIN 码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Insert your key first.</source>
        <translation>请先插入您的 USB Key。</translation>
    </message>
    <message>
        <source>Type the PIN of your key.</source>
        <translation>请输入证书的 PIN 码。</translation>
    </message>
    <message>
        <source>This key belongs to someone else. Only the key this session was opened with can unlock it.</source>
        <translation>这是他人的证书。只有登录本会话所用的证书才能解锁。</translation>
    </message>
    <message>
        <source>The PIN is not right. Type it again.</source>
        <translation>PIN 码不正确，请重新输入。</translation>
    </message>
    <message>
        <source>This key is locked after too many wrong PINs. The IT department can unlock it.</source>
        <translation>PIN 码错误次数过多，证书已锁定，请联系信息中心解锁。</translation>
    </message>
    <message>
        <source>The key was pulled out. Insert it again.</source>
        <translation>USB Key 已拔出，请重新插入。</translation>
    </message>
    <message>
        <source>This key does not match its certificate. Ask the IT department.</source>
        <translation>证书与密钥不匹配，请联系信息中心。</translation>
    </message>
    <message>
        <source>Unlocking failed unexpectedly. The log helps the IT department.</source>
        <translation>解锁时出现意外错误，日志可帮助信息中心查明原因。</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>会话已锁定</translation>
    </message>
    <message>
        <source>Your key was pulled out, so your work is hidden. Insert the same key and type its PIN to go on.</source>
        <translation>您的 USB Key 已拔出，工作内容已隐藏。请插入同一把 USB Key 并输入 PIN 码继续。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Xietong — sign in</source>
        <translation>协同办公 — 登录</translation>
    </message>
    <message>
        <source>PIN of the key</source>
        <translation>证书 PIN 码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>This computer has no system keyring: the local data is protected by the PIN of your key.</source>
        <translation>本机没有系统密钥环，本地数据由证书口令保护。</translation>
    </message>
    <message>
        <source>Choose your key in the list first.</source>
        <translation>请先在列表中选择您的证书。</translation>
    </message>
    <message>
        <source>Type the PIN of your key.</source>
        <translation>请输入证书的 PIN 码。</translation>
    </message>
    <message>
        <source>The PIN is not right. Type it again.</source>
        <translation>PIN 码不正确，请重新输入。</translation>
    </message>
    <message>
        <source>The first sign-in on this computer needs the exchange server (%1), which cannot be reached now. Check the network or the server address, then try again.</source>
        <translation>在这台电脑上首次登录需要连接交换服务器（%1），但现在无法连接。请检查网络或服务器地址后再试。</translation>
    </message>
    <message>
        <source>This key is locked after too many wrong PINs. The IT department can unlock it.</source>
        <translation>PIN 码错误次数过多，证书已锁定，请联系信息中心解锁。</translation>
    </message>
    <message>
        <source>The key was pulled out. Insert it again and sign in.</source>
        <translation>USB Key 已拔出，请重新插入后登录。</translation>
    </message>
    <message>
        <source>The server cannot be reached and signing in offline is not possible: %1</source>
        <translation>无法连接服务器，也无法离线登录：%1</translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1</source>
        <translation>服务器拒绝了登录：%1</translation>
    </message>
    <message>
        <source>The data on this computer is encrypted and its key is not here. Sign in once with the exchange server reachable to restore the key.</source>
        <translation>本机数据已加密，需要联网登录一次以恢复密钥。请在能连接交换服务器时登录。</translation>
    </message>
    <message>
        <source>This key cannot be read. Ask the IT department for a new one.</source>
        <translation>无法读取这张证书。请联系信息中心重新办理。</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly. The details below and in the log help the IT department.</source>
        <translation>登录时发生意外错误。下方的详细信息和日志可供信息中心排查。</translation>
    </message>
    <message>
        <source>Exchange server</source>
        <translation>交换服务器</translation>
    </message>
    <message>
        <source>Address of the exchange server:</source>
        <translation>交换服务器地址：</translation>
    </message>
    <message>
        <source>A server address starts with https://.</source>
        <translation>服务器地址应以 https:// 开头。</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Xietong</source>
        <translation>协同办公</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>证书(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign in with your key and its PIN.</source>
        <translation>请选择您的证书并输入 PIN 码登录。</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>No key was found in %1. Insert your key, or ask the IT department.</source>
        <translation>在 %1 中没有找到证书。请插入证书，或联系信息中心。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Xietong — %1</source>
        <translation>协同办公 — %1</translation>
    </message>
    <message>
        <source>Incoming documents</source>
        <translation>收文</translation>
    </message>
    <message>
        <source>Outgoing documents</source>
        <translation>发文</translation>
    </message>
    <message>
        <source>Waiting for my signature</source>
        <translation>待我签署</translation>
    </message>
    <message>
        <source>Exchange bundles</source>
        <translation>交换包</translation>
    </message>
    <message>
        <source>Opened without single sign-on: %1</source>
        <translation>已打开，但未经单点登录：%1</translation>
    </message>
    <message>
        <source>Opened without single sign-on: the server cannot be reached.</source>
        <translation>已打开，但未经单点登录：无法连接服务器。</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>For example: 通政办发〔2012〕216号</source>
        <translation>例如：通政办发〔2012〕216号</translation>
    </message>
    <message>
        <source>For example: Notice on the New Year holiday</source>
        <translation>例如：关于元旦放假的通知</translation>
    </message>
    <message>
        <source>For example: 10年</source>
        <translation>例如：10年</translation>
    </message>
    <message>
        <source>Six digits, for 秘密 and 机密</source>
        <translation>六位数字，秘密、机密公文必填</translation>
    </message>
    <message>
        <source>Not urgent</source>
        <translation>不紧急</translation>
    </message>
    <message>
        <source>Required for 请示 and 报告</source>
        <translation>请示、报告必填</translation>
    </message>
    <message>
        <source>Separate units with ，</source>
        <translation>多个单位用“，”分隔</translation>
    </message>
    <message>
        <source>For example: 社会公开</source>
        <translation>例如：社会公开</translation>
    </message>
    <message>
        <source>Kind (文种)</source>
        <translation>文种</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>Issuer mark (发文机关标志)</source>
        <translation>发文机关标志</translation>
    </message>
    <message>
        <source>Issuer (发文机关署名)</source>
        <translation>发文机关署名</translation>
    </message>
    <message>
        <source>Written on (成文日期)</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Classification (密级)</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Secrecy period (保密期限)</source>
        <translation>保密期限</translation>
    </message>
    <message>
        <source>Copy number (份号)</source>
        <translation>份号</translation>
    </message>
    <message>
        <source>Urgency (紧急程度)</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Signed off by (签发人)</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Main recipients (主送机关)</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <source>Copied to (抄送机关)</source>
        <translation>抄送机关</translation>
    </message>
    <message>
        <source>Note (附注)</source>
        <translation>附注</translation>
    </message>
    <message>
        <source>Printed by (印发机关)</source>
        <translation>印发机关</translation>
    </message>
    <message>
        <source>Publication (发布层次)</source>
        <translation>发布层次</translation>
    </message>
    <message>
        <source>Document number (发文字号)</source>
        <translation>发文字号</translation>
    </message>
</context>
<context>
    <name>MoveBookingDialog</name>
    <message>
        <source>Change the time</source>
        <translation>调整时间</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Roles</source>
        <translation>角色权限</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>门户</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>收文</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>发文</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>会签</translation>
    </message>
    <message>
        <source>Meeting rooms</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>用车</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
    <message>
        <source>Shared files</source>
        <translation>文件共享</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>通讯录</translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Waiting to send: it goes out by itself when the server can be reached.</source>
        <translation>待发送：连上服务器后会自动发出。</translation>
    </message>
    <message>
        <source>No notice selected</source>
        <translation>未选择通知</translation>
    </message>
    <message>
        <source>Choose a notice on the left to read it in full.</source>
        <translation>在左侧选择一条通知即可阅读全文。</translation>
    </message>
    <message>
        <source>Published by %1 to %2 on %3</source>
        <translation>发布人：%1&#x3000;&#x3000;发布范围：%2&#x3000;&#x3000;时间：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s) have read it.</source>
        <translation>
            <numerusform>已有 %n 人阅读。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody has read it yet.</source>
        <translation>还没有人阅读。</translation>
    </message>
    <message>
        <source>Who has read it</source>
        <translation>阅读情况</translation>
    </message>
</context>
<context>
    <name>NoticesModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>发布人</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>发布范围</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
</context>
<context>
    <name>NoticesView</name>
    <message>
        <source>Search notices, also by pinyin initials (Ctrl+F)</source>
        <translation>搜索通知，可用拼音首字母（Ctrl+F）</translation>
    </message>
    <message>
        <source>Publish a notice (Ctrl+N)</source>
        <translation>发布通知（Ctrl+N）</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
</context>
<context>
    <name>OpinionsModel</name>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Body version</source>
        <translation>正文版本</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>Not verified; superseded: the step was reopened</source>
        <translation>未验证；已被取代（该环节已重新办理）</translation>
    </message>
    <message>
        <source>Holds, but superseded: the step was reopened</source>
        <translation>签名有效，但已被取代（该环节已重新办理）</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>签名有效</translation>
    </message>
    <message>
        <source>Does not hold: the opinion was changed after signing</source>
        <translation>签名无效：意见在签署后被改动</translation>
    </message>
    <message>
        <source>Does not hold: the body kept is not the one signed</source>
        <translation>签名无效：保存的正文不是所签版本</translation>
    </message>
    <message>
        <source>Does not hold: not signed with this person&apos;s key</source>
        <translation>签名无效：不是此人的密钥所签</translation>
    </message>
    <message>
        <source>Does not hold: the certificate is not trusted</source>
        <translation>签名无效：证书不受信任</translation>
    </message>
    <message>
        <source>Does not hold: the signature is unreadable</source>
        <translation>签名无效：签名无法读取</translation>
    </message>
</context>
<context>
    <name>OutgoingModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>文种</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>拟稿人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>OutgoingView</name>
    <message>
        <source>Draft a document (Ctrl+N)</source>
        <translation>拟稿（Ctrl+N）</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Seal and export PDF</source>
        <translation>用印并导出PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Sealing is not available on this page.</source>
        <translation>此页面不能用印。</translation>
    </message>
    <message>
        <source>Seal the document</source>
        <translation>用印</translation>
    </message>
    <message>
        <source>Export for verification</source>
        <translation>导出核验文件</translation>
    </message>
    <message>
        <source>Document exports (*.json)</source>
        <translation>公文导出记录 (*.json)</translation>
    </message>
    <message>
        <source>The file %1 cannot be written. Choose another folder.</source>
        <translation>无法写入文件 %1，请选择其他文件夹。</translation>
    </message>
</context>
<context>
    <name>PaperDocumentDialog</name>
    <message>
        <source>Register a paper document</source>
        <translation>登记纸质来文</translation>
    </message>
    <message>
        <source>For example: 通政办 (the number itself comes from the server)</source>
        <translation>例如：通政办（编号由服务器分配）</translation>
    </message>
    <message>
        <source>The scanned document (PDF or image)</source>
        <translation>纸质公文的扫描件（PDF 或图片）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Deadline (时限)</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Unit code (机关代字)</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <source>Register (Ctrl+Enter)</source>
        <translation>登记（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose the scan of the paper document.</source>
        <translation>请选择纸质公文的扫描件。</translation>
    </message>
    <message>
        <source>Please enter the unit code.</source>
        <translation>请填写机关代字。</translation>
    </message>
    <message>
        <source>Choose the scan</source>
        <translation>选择扫描件</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>扫描件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>PdfExport</name>
    <message>
        <source>Export as PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Laying out the document as GB/T 9704…</source>
        <translation>正在按 GB/T 9704 排版…</translation>
    </message>
    <message>
        <source>Placing the seal and signing with the unit&apos;s key…</source>
        <translation>正在加盖印章并用单位密钥签名…</translation>
    </message>
    <message>
        <source>The PIN of the seal key is wrong. Nothing was sealed or written.</source>
        <translation>印章 USB Key 的 PIN 不正确，未用印，也未写出文件。</translation>
    </message>
    <message>
        <source>The seal key is locked after too many wrong PINs. Ask IT to unblock it.</source>
        <translation>PIN 错误次数过多，印章 USB Key 已锁定，请联系信息中心解锁。</translation>
    </message>
    <message>
        <source>The seal key was pulled out while signing. Plug it in and seal again.</source>
        <translation>签名时印章 USB Key 被拔出，请插入后重新用印。</translation>
    </message>
    <message>
        <source>The seal key cannot be read. Plug it in again, or ask IT.</source>
        <translation>无法读取印章 USB Key，请重新插入，或联系信息中心。</translation>
    </message>
    <message>
        <source>A font the document needs is not installed. Ask IT to install the fonts named below.</source>
        <translation>缺少公文所需的字体。请联系信息中心安装下面列出的字体。</translation>
    </message>
    <message>
        <source>The file %1 cannot be written. Choose another folder.</source>
        <translation>无法写入文件 %1，请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>无法生成 PDF。</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>处室</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>处室</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>No one selected</source>
        <translation>未选择人员</translation>
    </message>
    <message>
        <source>Choose a person in the tree or in the search results to see how to reach them.</source>
        <translation>在左侧的组织机构或搜索结果中选择一位人员，查看联系方式。</translation>
    </message>
</context>
<context>
    <name>PinGuard</name>
    <message>
        <source>This is the last try: a wrong PIN locks the key. Try anyway.</source>
        <translation>这是最后一次机会：输错将锁定证书。仍要尝试。</translation>
    </message>
    <message>
        <source>This key is locked after too many wrong PINs. The IT department can unlock it.</source>
        <translation>PIN 码错误次数过多，证书已锁定，请联系信息中心解锁。</translation>
    </message>
    <message>
        <source>One try left.</source>
        <translation>只剩最后一次机会。</translation>
    </message>
    <message numerus="yes">
        <source>%n tries left.</source>
        <translation>
            <numerusform>还可尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>This key is locked. Ask the IT department to unlock it.</source>
        <translation>证书已锁定，请联系信息中心解锁。</translation>
    </message>
    <message>
        <source>Only one try is left. Tick the box to confirm you want to use it.</source>
        <translation>只剩最后一次机会，请先勾选确认后再试。</translation>
    </message>
</context>
<context>
    <name>PortalTodoModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message>
        <source>Search to do, also by pinyin initials (Ctrl+F)</source>
        <translation>搜索待办，可用拼音首字母（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search documents and files</source>
        <translation>搜索公文和文件</translation>
    </message>
    <message>
        <source>Documents and files found</source>
        <translation>找到的公文和文件</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>门户</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting</source>
        <translation>
            <numerusform>共 %n 项待办</numerusform>
        </translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>业务系统</translation>
    </message>
    <message>
        <source>Recent notices</source>
        <translation>最新通知</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日安排</translation>
    </message>
    <message>
        <source>No systems are open to you yet</source>
        <translation>暂无可用的业务系统</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Meeting %1–%2  %3 (%4)</source>
        <translation>会议 %1–%2  %3（%4）</translation>
    </message>
    <message>
        <source>car not yet assigned</source>
        <translation>尚未派车</translation>
    </message>
    <message>
        <source>Car %1  %2 → %3 (%4)</source>
        <translation>用车 %1  %2 → %3（%4）</translation>
    </message>
    <message>
        <source>No meetings or cars today</source>
        <translation>今天没有会议和用车</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>[%1] %2 — %3</source>
        <translation>[%1] %2 — %3</translation>
    </message>
</context>
<context>
    <name>PublishNoticeDialog</name>
    <message>
        <source>Publish a notice</source>
        <translation>发布通知</translation>
    </message>
    <message>
        <source>For example: Notice on the New Year holiday</source>
        <translation>例如：关于元旦放假的通知</translation>
    </message>
    <message>
        <source>The text of the notice</source>
        <translation>通知正文</translation>
    </message>
    <message>
        <source>You are offline: the notice is saved on this computer and sent when the server can be reached.</source>
        <translation>当前离线：通知会先保存在本机，连上服务器后自动发出。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 is empty.</source>
        <translation>文件 %1 是空的。</translation>
    </message>
    <message>
        <source>Import a notice from a text file</source>
        <translation>从文本文件导入通知</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Replace the title and text you have typed with the file&apos;s?</source>
        <translation>用文件内容替换已填写的标题和正文吗？</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Audience</source>
        <translation>发布范围(&amp;A)</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>正文(&amp;X)</translation>
    </message>
    <message>
        <source>Import from file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <source>Publish (Ctrl+Enter)</source>
        <translation>发布（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReadersModel</name>
    <message>
        <source>Reader</source>
        <translation>阅读人</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>阅读时间</translation>
    </message>
</context>
<context>
    <name>ReceiptsModel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason for returning</source>
        <translation>退回理由</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>RejectionsDialog</name>
    <message>
        <source>Changes sent back by the server</source>
        <translation>被退回的更改</translation>
    </message>
    <message>
        <source>The server did not accept these changes. They were not applied; the reason says what to do.</source>
        <translation>服务器没有接受以下更改，这些更改未生效。请按退回原因处理。</translation>
    </message>
</context>
<context>
    <name>RejectionsModel</name>
    <message>
        <source>Made at</source>
        <translation>操作时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改内容</translation>
    </message>
    <message>
        <source>Reason given by the server</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>Publish a notice</source>
        <translation>发布通知</translation>
    </message>
    <message>
        <source>Read receipt of a notice</source>
        <translation>通知已读回执</translation>
    </message>
    <message>
        <source>Book a meeting room</source>
        <translation>预订会议室</translation>
    </message>
    <message>
        <source>Cancel a room booking</source>
        <translation>取消会议室预订</translation>
    </message>
    <message>
        <source>Change the time of a room booking</source>
        <translation>调整会议室预订时间</translation>
    </message>
    <message>
        <source>Approve a room booking</source>
        <translation>审批会议室预订</translation>
    </message>
    <message>
        <source>Answer a meeting invitation</source>
        <translation>答复会议通知</translation>
    </message>
    <message>
        <source>Request a car</source>
        <translation>用车申请</translation>
    </message>
    <message>
        <source>Approve a car request</source>
        <translation>审批用车申请</translation>
    </message>
    <message>
        <source>Refuse a car request</source>
        <translation>退回用车申请</translation>
    </message>
    <message>
        <source>Assign a car</source>
        <translation>派车</translation>
    </message>
    <message>
        <source>Record the departure mileage</source>
        <translation>登记出车里程</translation>
    </message>
    <message>
        <source>Record the return mileage</source>
        <translation>登记回车里程</translation>
    </message>
</context>
<context>
    <name>RevisionView</name>
    <message>
        <source>Clean copy</source>
        <translation>清稿</translation>
    </message>
    <message>
        <source>The text with every change accepted (清稿)</source>
        <translation>接受全部修改后的正文（清稿）</translation>
    </message>
    <message>
        <source>Insertions are underlined in blue, deletions struck through in red.</source>
        <translation>插入的文字以蓝色下划线标出，删除的文字以红色删除线标出。</translation>
    </message>
    <message>
        <source>From version</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to version</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>第 %1 版</translation>
    </message>
</context>
<context>
    <name>RoomCalendarModel</name>
    <message>
        <source>%1
%2–%3, booked by %4
%5</source>
        <translation>%1
%2–%3，预订人：%4
%5</translation>
    </message>
    <message>
        <source>%1
%2 h free</source>
        <translation>%1
空闲 %2 小时</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>RoomsView</name>
    <message>
        <source>Week: one room</source>
        <translation>按周：单个会议室</translation>
    </message>
    <message>
        <source>Day: all rooms of a building</source>
        <translation>按日：一栋楼的全部会议室</translation>
    </message>
    <message>
        <source>Week: all rooms of a building</source>
        <translation>按周：一栋楼的全部会议室</translation>
    </message>
    <message>
        <source>Week: my schedule</source>
        <translation>按周：我的日程</translation>
    </message>
    <message>
        <source>&lt; Earlier</source>
        <translation>&lt; 向前</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Later &gt;</source>
        <translation>向后 &gt;</translation>
    </message>
    <message>
        <source>Book the selected time (Ctrl+N)</source>
        <translation>预订所选时段（Ctrl+N）</translation>
    </message>
    <message>
        <source>My bookings</source>
        <translation>我的预订</translation>
    </message>
    <message>
        <source>Meetings I am invited to (double-click to answer)</source>
        <translation>我参加的会议（双击答复）</translation>
    </message>
    <message>
        <source>Export my schedule (.ics)…</source>
        <translation>导出我的日程（.ics）…</translation>
    </message>
    <message>
        <source>Meeting rooms</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>A meeting moves only within its room: book the other room, then cancel this one.</source>
        <translation>会议只能在本会议室内调整时间；如需换会议室，请预订另一间后再取消本次预订。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>未答复</translation>
    </message>
    <message>
        <source>attending</source>
        <translation>参加</translation>
    </message>
    <message>
        <source>not attending</source>
        <translation>不参加</translation>
    </message>
    <message>
        <source>Refuse the booking</source>
        <translation>不同意预订</translation>
    </message>
    <message>
        <source>Reason (the organiser sees it):</source>
        <translation>原因（预订人可见）：</translation>
    </message>
    <message>
        <source>Save to calendar</source>
        <translation>保存到日历</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar 日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 (%2 seats, needs approval)</source>
        <translation>%1（%2 座，需审批）</translation>
    </message>
    <message>
        <source>%1 (%2 seats)</source>
        <translation>%1（%2 座）</translation>
    </message>
    <message>
        <source>Export my schedule</source>
        <translation>导出我的日程</translation>
    </message>
    <message>
        <source>%1 is free on %2: %3</source>
        <translation>%1 在 %2 的空闲时段：%3</translation>
    </message>
    <message>
        <source>not at all</source>
        <translation>无</translation>
    </message>
    <message>
        <source>You are free on %1: %2</source>
        <translation>您 %1 的空闲时间：%2</translation>
    </message>
</context>
<context>
    <name>RouteDesigner</name>
    <message>
        <source>Add a step…</source>
        <translation>添加环节…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>any one signs</source>
        <translation>任一人签署</translation>
    </message>
    <message>
        <source>everyone signs</source>
        <translation>全部签署</translation>
    </message>
    <message>
        <source>%1. %2 (%3): %4</source>
        <translation>%1. %2（%3）：%4</translation>
    </message>
</context>
<context>
    <name>RouteHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Opinion or reason</source>
        <translation>意见或理由</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>拟稿</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签署</translation>
    </message>
    <message>
        <source>Sent back to %1</source>
        <translation>退回至%1</translation>
    </message>
    <message>
        <source>Took back</source>
        <translation>取回</translation>
    </message>
    <message>
        <source>Added signer %1</source>
        <translation>加签%1</translation>
    </message>
    <message>
        <source>Removed an added signer</source>
        <translation>撤销加签</translation>
    </message>
    <message>
        <source>Handed over to %1</source>
        <translation>转办给%1</translation>
    </message>
    <message>
        <source>Revised the body (version %1)</source>
        <translation>修改正文（第 %1 版）</translation>
    </message>
    <message>
        <source>Revised the body (version %1); back to %2 to sign again</source>
        <translation>修改正文（第 %1 版），退回%2重新签署</translation>
    </message>
    <message>
        <source>Withdrew the document</source>
        <translation>撤回公文</translation>
    </message>
</context>
<context>
    <name>RouteStepDialog</name>
    <message>
        <source>Add a step</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <source>Everyone signs (会签)</source>
        <translation>全部签署（会签）</translation>
    </message>
    <message>
        <source>Any one of them signs (或签)</source>
        <translation>任一人签署（或签）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Choose at least one person for this step.</source>
        <translation>请为此环节至少选择一人。</translation>
    </message>
</context>
<context>
    <name>RouteStepsModel</name>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Acted at</source>
        <translation>办理时间</translation>
    </message>
    <message>
        <source>Any one (或签)</source>
        <translation>或签</translation>
    </message>
    <message>
        <source>All sign (会签)</source>
        <translation>会签</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>Not needed (another signed)</source>
        <translation>无需办理（他人已签）</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Has it now</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>SealPinDialog</name>
    <message>
        <source>Seal the document</source>
        <translation>用印</translation>
    </message>
    <message>
        <source>Seal %1 with the seal of %2 and sign it with the unit&apos;s key on %3.</source>
        <translation>为 %1 加盖%2的印章，并用 %3 上的单位密钥签名。</translation>
    </message>
    <message>
        <source>PIN of the seal key</source>
        <translation>印章 USB Key 的 PIN</translation>
    </message>
    <message>
        <source>Seal and export</source>
        <translation>用印并导出</translation>
    </message>
</context>
<context>
    <name>ShareFolderDialog</name>
    <message>
        <source>Share “%1”</source>
        <translation>共享“%1”</translation>
    </message>
    <message>
        <source>A unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>A department of my unit</source>
        <translation>本单位处室</translation>
    </message>
    <message>
        <source>A person of my unit</source>
        <translation>本单位人员</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Read and edit</source>
        <translation>可编辑</translation>
    </message>
    <message>
        <source>Withdraw the selected share</source>
        <translation>撤销所选共享</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>共享给</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Shared now with</source>
        <translation>当前已共享给</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>read and edit</source>
        <translation>可编辑</translation>
    </message>
</context>
<context>
    <name>Smoke</name>
    <message>
        <source>Offline check</source>
        <translation>离线检查</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>立即同步（F5）</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <source>Waiting to send: %n</source>
        <translation>
            <numerusform>待发送 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes saved on this computer that the server has not received yet.</source>
        <translation>已保存在本机、服务器尚未收到的更改。</translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) off the server&apos;s.</source>
        <translation>
            <numerusform>本机时钟与服务器相差 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Times you enter may be recorded wrongly. Ask the IT department to set this computer&apos;s clock.</source>
        <translation>录入的时间可能不准确。请联系信息中心校准本机时钟。</translation>
    </message>
    <message numerus="yes">
        <source>Changes sent back (%n)</source>
        <translation>
            <numerusform>被退回的更改（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Sending changes: %1 of %2</source>
        <translation>正在发送更改：%1 / %2</translation>
    </message>
    <message>
        <source>Uploading files: %1 of %2 MB</source>
        <translation>正在上传文件：%1 / %2 MB</translation>
    </message>
    <message>
        <source>Downloading files kept offline: %1 of %2 MB</source>
        <translation>正在下载保持离线的文件：%1 / %2 MB</translation>
    </message>
    <message numerus="yes">
        <source>Receiving: %n row(s)</source>
        <translation>
            <numerusform>正在接收：已收到 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Connected to the exchange server.</source>
        <translation>已连接交换服务器。</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>The server cannot be reached. Work as usual: changes are kept on this computer and sent when it is back.</source>
        <translation>暂时无法连接服务器。您可以照常工作，更改会保存在本机，连上后自动发送。</translation>
    </message>
    <message>
        <source>The technical details are in the log file %1.</source>
        <translation>技术细节已记录在日志文件 %1 中。</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>同步问题</translation>
    </message>
</context>
<context>
    <name>TodoModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Notice · %1</source>
        <translation>通知公告 · %1</translation>
    </message>
    <message>
        <source>Meeting · %1</source>
        <translation>会议 · %1</translation>
    </message>
    <message>
        <source>To sign · %1</source>
        <translation>待签 · %1</translation>
    </message>
    <message>
        <source>Incoming · %1</source>
        <translation>收文 · %1</translation>
    </message>
    <message>
        <source>Reminder · %1</source>
        <translation>催办 · %1</translation>
    </message>
</context>
<context>
    <name>TodoView</name>
    <message>
        <source>Search titles, also by pinyin initials (Ctrl+F)</source>
        <translation>搜索标题，可用拼音首字母（Ctrl+F）</translation>
    </message>
    <message>
        <source>Nothing is waiting for you</source>
        <translation>暂无待办</translation>
    </message>
    <message>
        <source>New notices appear here as they arrive; documents to sign for, approve or countersign will join them.</source>
        <translation>新的通知会出现在这里；待签收、待审批、待会签的公文以后也会列在这里。</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting</source>
        <translation>
            <numerusform>共 %n 项待办</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TripSchedule</name>
    <message>
        <source>Day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Drivers</source>
        <translation>驾驶员</translation>
    </message>
    <message>
        <source>Cars</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>&lt; Earlier</source>
        <translation>&lt; 向前</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Later &gt;</source>
        <translation>向后 &gt;</translation>
    </message>
    <message>
        <source>%1
%2, %3 seats, %4</source>
        <translation>%1
%2，%3 座，%4</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>TripScheduleModel</name>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>%1 %2 to %3 (%4)</source>
        <translation>%1 %2 前往%3（%4）</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <source>Extra urgent</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
</context>
<context>
    <name>VehicleRequestDialog</name>
    <message>
        <source>Request a car</source>
        <translation>用车申请</translation>
    </message>
    <message>
        <source>For example: inspection visit to Rugao</source>
        <translation>例如：赴如皋调研</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>用车事由(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;assengers</source>
        <translation>乘车人数(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>出发地(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>目的地(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Send the request (Ctrl+Enter)</source>
        <translation>提交申请（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VehicleRequestsModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用车事由</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Car and driver</source>
        <translation>车辆和驾驶员</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 (waiting to sync)</source>
        <translation>%1（待同步）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Vehicles</name>
    <message>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved, waiting for a car</source>
        <translation>已批准，待派车</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Car assigned</source>
        <translation>已派车</translation>
    </message>
    <message>
        <source>On the road</source>
        <translation>已出车</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已回车</translation>
    </message>
</context>
<context>
    <name>VehiclesView</name>
    <message>
        <source>Request a car (Ctrl+N)</source>
        <translation>申请用车（Ctrl+N）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Assign a car…</source>
        <translation>派车…</translation>
    </message>
    <message>
        <source>Departure mileage…</source>
        <translation>出车登记…</translation>
    </message>
    <message>
        <source>Return mileage…</source>
        <translation>回车登记…</translation>
    </message>
    <message>
        <source>Export the month&apos;s report…</source>
        <translation>导出月度报表…</translation>
    </message>
    <message>
        <source>Odometer at departure (km)</source>
        <translation>出车时里程表读数（公里）</translation>
    </message>
    <message>
        <source>Odometer on return (km)</source>
        <translation>回车时里程表读数（公里）</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>用车申请</translation>
    </message>
    <message>
        <source>Drivers&apos; schedule</source>
        <translation>司机排班</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>用车</translation>
    </message>
    <message>
        <source>Export the month&apos;s report</source>
        <translation>导出月度报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be written to %1: %2</source>
        <translation>无法将报表写入 %1：%2</translation>
    </message>
    <message>
        <source>Refuse the request</source>
        <translation>退回用车申请</translation>
    </message>
    <message>
        <source>Reason (the requester sees it):</source>
        <translation>退回原因（申请人可见）：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Free at that time: cars %1; drivers %2</source>
        <translation>该时段空闲：车辆 %1；驾驶员 %2</translation>
    </message>
</context>
<context>
    <name>_SyncWorker</name>
    <message>
        <source>The server refused the last sync: %1</source>
        <translation>服务器拒绝了上次同步：%1</translation>
    </message>
    <message>
        <source>The server no longer accepts this sign-in. Close Xietong and sign in again.</source>
        <translation>服务器不再接受当前登录，请关闭协同办公后重新登录。</translation>
    </message>
    <message>
        <source>The last sync failed unexpectedly. Your changes are kept and will be sent later.</source>
        <translation>上次同步时发生意外错误。您的更改已保留，稍后会再发送。</translation>
    </message>
</context>
</TS>
