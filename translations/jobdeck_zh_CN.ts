<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Backends</name>
    <message>
        <source>Unknown backend “%1”; JobDeck knows: %2</source>
        <translation>未知的后端“%1”；JobDeck 支持：%2</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Cannot save the draft to %1: %2</source>
        <translation>无法将草稿保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>JobDeck::Backend</name>
    <message>
        <source>%1 is not something a %2 server can do</source>
        <translation>%2 服务器不支持%1</translation>
    </message>
</context>
<context>
    <name>JobDeck::CliApp</name>
    <message>
        <source>Submit and follow big-data jobs from the terminal.</source>
        <translation>在终端中提交并跟踪大数据作业。</translation>
    </message>
    <message>
        <source>A saved connection profile.</source>
        <translation>已保存的连接配置。</translation>
    </message>
    <message>
        <source>Backend kind: %1.</source>
        <translation>后端类型：%1。</translation>
    </message>
    <message>
        <source>The server's address, as typed in a browser.</source>
        <translation>服务器地址，与在浏览器中输入的相同。</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>用户名。</translation>
    </message>
    <message>
        <source>Read the password from standard input.</source>
        <translation>从标准输入读取密码。</translation>
    </message>
    <message>
        <source>Read the token from standard input.</source>
        <translation>从标准输入读取令牌。</translation>
    </message>
    <message>
        <source>Linkis: the user to run jobs as.</source>
        <translation>Linkis：以该用户身份运行作业。</translation>
    </message>
    <message>
        <source>Linkis: the creator part of userCreator (default IDE).</source>
        <translation>Linkis：userCreator 中的 creator 部分（默认 IDE）。</translation>
    </message>
    <message>
        <source>Kylin: the project.</source>
        <translation>Kylin：项目。</translation>
    </message>
    <message>
        <source>SQLFlow: the database vendor, e.g. dbvhive.</source>
        <translation>SQLFlow：数据库类型，例如 dbvhive。</translation>
    </message>
    <message>
        <source>Dinky: the tenant id.</source>
        <translation>Dinky：租户 ID。</translation>
    </message>
    <message>
        <source>Language of messages and of what is sent to the server: cn or en.</source>
        <translation>消息语言以及发送给服务器的语言：cn 或 en。</translation>
    </message>
    <message>
        <source>Print one JSON object per line.</source>
        <translation>每行输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Seconds to wait for each answer (default 30).</source>
        <translation>每次等待应答的秒数（默认 30）。</translation>
    </message>
    <message>
        <source>Seconds between polls while following (default: the backend's).</source>
        <translation>跟踪时两次轮询之间的秒数（默认取后端的值）。</translation>
    </message>
    <message>
        <source>submit: engine type, e.g. spark, hive, shell.</source>
        <translation>submit：引擎类型，例如 spark、hive、shell。</translation>
    </message>
    <message>
        <source>submit: script type, e.g. sql, py, shell.</source>
        <translation>submit：脚本类型，例如 sql、py、shell。</translation>
    </message>
    <message>
        <source>submit: a variable ${K} of the script; may repeat.</source>
        <translation>submit：脚本中的变量 ${K}；可重复。</translation>
    </message>
    <message>
        <source>submit: a name for the job.</source>
        <translation>submit：作业名称。</translation>
    </message>
    <message>
        <source>Follow the job until it ends.</source>
        <translation>跟踪作业直到结束。</translation>
    </message>
    <message>
        <source>log: the first line to print (counting from 1).</source>
        <translation>log：开始输出的行号（从 1 开始）。</translation>
    </message>
    <message>
        <source>list: only jobs in this state (queued, running, succeeded, failed, cancelled, ...) or with this server status word.</source>
        <translation>list：只列出处于该状态（queued、running、succeeded、failed、cancelled 等）或带有该服务器状态词的作业。</translation>
    </message>
    <message>
        <source>list: jobs per page (default 20).</source>
        <translation>list：每页作业数（默认 20）。</translation>
    </message>
    <message>
        <source>list: the page (default 1).</source>
        <translation>list：页码（默认 1）。</translation>
    </message>
    <message>
        <source>list: only jobs submitted in this past time, e.g. 30m, 2h, 7d.</source>
        <translation>list：只列出在这段时间内提交的作业，例如 30m、2h、7d。</translation>
    </message>
    <message>
        <source>lineage: json, csv or graphml.</source>
        <translation>lineage：json、csv 或 graphml。</translation>
    </message>
    <message>
        <source>Write to this file instead of standard output.</source>
        <translation>写入该文件而不是标准输出。</translation>
    </message>
    <message>
        <source>submit, status, log, progress, kill, list, results, pause, resume, drop, steps, step-output, run-task, lineage</source>
        <translation>submit、status、log、progress、kill、list、results、pause、resume、drop、steps、step-output、run-task、lineage</translation>
    </message>
    <message>
        <source>unknown language '%1' (use cn or en)</source>
        <translation>未知语言“%1”（请使用 cn 或 en）</translation>
    </message>
    <message>
        <source>unknown command '%1'</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>wrong number of arguments for '%1' (see --help)</source>
        <translation>“%1”的参数个数不对（参见 --help）</translation>
    </message>
    <message>
        <source>--%1 does not apply to '%2'</source>
        <translation>--%1 不适用于“%2”</translation>
    </message>
    <message>
        <source>'%1' is not available for %2 servers</source>
        <translation>%2 服务器不支持“%1”</translation>
    </message>
    <message>
        <source>no profile named '%1'</source>
        <translation>没有名为“%1”的连接配置</translation>
    </message>
    <message>
        <source>say where to connect: --profile NAME, or --backend KIND --url BASE_URL</source>
        <translation>请指定连接目标：--profile 名称，或 --backend 类型 --url 地址</translation>
    </message>
    <message>
        <source>unknown backend '%1' (known: %2)</source>
        <translation>未知后端“%1”（支持：%2）</translation>
    </message>
    <message>
        <source>--url BASE_URL is needed for --backend %1</source>
        <translation>--backend %1 需要 --url 地址</translation>
    </message>
    <message>
        <source>'%1' is not a server address</source>
        <translation>“%1”不是服务器地址</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds</source>
        <translation>--timeout 需要秒数</translation>
    </message>
    <message>
        <source>--password-stdin and --token-stdin exclude each other</source>
        <translation>--password-stdin 与 --token-stdin 不能同时使用</translation>
    </message>
    <message>
        <source>no credentials: set JOBDECK_PASSWORD or JOBDECK_TOKEN, or use --password-stdin or --token-stdin</source>
        <translation>没有凭据：请设置 JOBDECK_PASSWORD 或 JOBDECK_TOKEN，或使用 --password-stdin 或 --token-stdin</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>--var needs K=V, got '%1'</source>
        <translation>--var 需要 K=V 形式，收到的是“%1”</translation>
    </message>
    <message>
        <source>submitted %1</source>
        <translation>已提交 %1</translation>
    </message>
    <message>
        <source>--interval needs a number of seconds</source>
        <translation>--interval 需要秒数</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>progress %1%</source>
        <translation>进度 %1%</translation>
    </message>
    <message>
        <source>warning: %1; trying again in %2 s</source>
        <translation>警告：%1；%2 秒后重试</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source> after %1</source>
        <translation>，用时 %1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Submitter</source>
        <translation>提交者</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>--from needs a line number (counting from 1)</source>
        <translation>--from 需要行号（从 1 开始）</translation>
    </message>
    <message>
        <source>no progress reported yet</source>
        <translation>尚未报告进度</translation>
    </message>
    <message>
        <source>  %1: %2 of %3 tasks done, %4 running, %5 failed</source>
        <translation>  %1：%3 个任务中已完成 %2 个，运行中 %4 个，失败 %5 个</translation>
    </message>
    <message>
        <source>--limit needs a positive number</source>
        <translation>--limit 需要正数</translation>
    </message>
    <message>
        <source>--page needs a positive number</source>
        <translation>--page 需要正数</translation>
    </message>
    <message>
        <source>--since needs a duration such as 30m, 2h or 7d</source>
        <translation>--since 需要时长，例如 30m、2h 或 7d</translation>
    </message>
    <message>
        <source>TASK      STATE       ENGINE        SUBMITTED             DURATION   JOB</source>
        <translation>任务      状态        引擎          提交时间              耗时       作业</translation>
    </message>
    <message>
        <source>page %1 of %2, %3 jobs in all</source>
        <translation>第 %1 页，共 %2 页，共 %3 个作业</translation>
    </message>
    <message>
        <source>%1 produced no result sets</source>
        <translation>%1 没有产生结果集</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>jobdeck-cli: %1</source>
        <translation>jobdeck-cli：%1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>JobDeck::HttpClient</name>
    <message>
        <source>“%1” is not an http or https address</source>
        <translation>“%1”不是 http 或 https 地址</translation>
    </message>
    <message>
        <source>The server redirected to another host, %1; not followed, so that your credentials stay with %2</source>
        <translation>服务器重定向到另一台主机 %1；为使您的凭据只留在 %2，未跟随该重定向</translation>
    </message>
    <message>
        <source>The answer is larger than %1 MB; stopped reading it</source>
        <translation>应答大于 %1 MB，已停止读取</translation>
    </message>
    <message>
        <source>No answer from the server within %1 s</source>
        <translation>服务器在 %1 秒内没有应答</translation>
    </message>
    <message>
        <source>Connection refused: nothing is listening at %1</source>
        <translation>连接被拒绝：%1 上没有服务在监听</translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation>找不到主机：%1</translation>
    </message>
    <message>
        <source>The server closed the connection without answering</source>
        <translation>服务器未应答就关闭了连接</translation>
    </message>
    <message>
        <source>Secure connection failed: %1</source>
        <translation>安全连接失败：%1</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message numerus="yes">
        <source>The connection was lost while reading the answer (%n bytes received)</source>
        <translation><numerusform>读取应答时连接中断（已收到 %n 字节）</numerusform></translation>
    </message>
    <message>
        <source>an empty body (HTTP %1)</source>
        <translation>空的应答体（HTTP %1）</translation>
    </message>
    <message>
        <source>an HTML page titled “%1” (HTTP %2)</source>
        <translation>标题为“%1”的 HTML 页面（HTTP %2）</translation>
    </message>
    <message>
        <source>an HTML page (HTTP %1)</source>
        <translation>HTML 页面（HTTP %1）</translation>
    </message>
    <message numerus="yes">
        <source>“%1” (HTTP %2, %n bytes)</source>
        <translation><numerusform>“%1”（HTTP %2，%n 字节）</numerusform></translation>
    </message>
</context>
<context>
    <name>JobDeck::JobListModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>JobDeck::Linkis</name>
    <message>
        <source>The server did not answer as a Linkis gateway: %1</source>
        <translation>服务器的应答不符合 Linkis 网关协议：%1</translation>
    </message>
    <message>
        <source>This address has no such Linkis service (HTTP 404); check the URL</source>
        <translation>该地址没有这个 Linkis 服务（HTTP 404），请检查 URL</translation>
    </message>
    <message>
        <source>The gateway could not reach the Linkis service behind it: %1</source>
        <translation>网关无法连接其后的 Linkis 服务：%1</translation>
    </message>
    <message>
        <source>a JSON answer without the envelope's status: %1</source>
        <translation>缺少 status 字段的 JSON 应答：%1</translation>
    </message>
    <message>
        <source>Not logged in, or the session has expired</source>
        <translation>未登录，或会话已过期</translation>
    </message>
    <message>
        <source>The server rejected the request as invalid</source>
        <translation>服务器认为请求无效并拒绝了它</translation>
    </message>
    <message>
        <source>No permission</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>The server reported an error without a message</source>
        <translation>服务器报告了错误，但没有说明</translation>
    </message>
</context>
<context>
    <name>JobDeck::LinkisBackend</name>
    <message>
        <source>No user name or password to log in to %1 with</source>
        <translation>没有用于登录 %1 的用户名或密码</translation>
    </message>
    <message>
        <source>Login as %1 failed: %2</source>
        <translation>以 %1 登录失败：%2</translation>
    </message>
    <message>
        <source>The server kept a session of %1 instead of logging in %2</source>
        <translation>服务器保留了 %1 的会话，而没有登录 %2</translation>
    </message>
    <message>
        <source>The job history answer has no task</source>
        <translation>作业历史应答中没有任务</translation>
    </message>
    <message>
        <source>The script is empty</source>
        <translation>脚本为空</translation>
    </message>
    <message>
        <source>The server accepted the job but sent no execID</source>
        <translation>服务器接受了作业，但没有返回 execID</translation>
    </message>
    <message>
        <source>The status answer has no status</source>
        <translation>状态应答中没有状态</translation>
    </message>
    <message>
        <source>Job %1 has no task id, so its history record cannot be found</source>
        <translation>作业 %1 没有任务 ID，无法找到其历史记录</translation>
    </message>
    <message>
        <source>Kill requested</source>
        <translation>已请求终止</translation>
    </message>
    <message>
        <source>Job %1 has no task id, so its results cannot be found</source>
        <translation>作业 %1 没有任务 ID，无法找到其结果</translation>
    </message>
</context>
<context>
    <name>JobDeck::LocalServerLauncher</name>
    <message>
        <source>jobdeck-server is not installed beside %1 nor on the PATH</source>
        <translation>在 %1 旁边和 PATH 中都找不到 jobdeck-server</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>%1 did not start within %2 s</source>
        <translation>%1 未在 %2 秒内启动</translation>
    </message>
</context>
<context>
    <name>JobDeck::MainWindow</name>
    <message>
        <source>SQL scripts (*.sql *.hql);;All files (*)</source>
        <translation>SQL 脚本 (*.sql *.hql);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Script…</source>
        <translation>打开脚本(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About JobDeck</source>
        <translation>关于 JobDeck(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <translation>还没有作业</translation>
    </message>
    <message>
        <source>Jobs you submit, and the job history of the server you connect to, are listed here.</source>
        <translation>您提交的作业以及所连接服务器上的历史作业会列在这里。</translation>
    </message>
    <message>
        <source>No job selected</source>
        <translation>未选择作业</translation>
    </message>
    <message>
        <source>Select a job in the job list to see its steps on a timeline.</source>
        <translation>在作业列表中选择一个作业，即可在时间轴上查看它的各个步骤。</translation>
    </message>
    <message>
        <source>No log to show</source>
        <translation>没有可显示的日志</translation>
    </message>
    <message>
        <source>Select a job in the job list to follow its log; new lines stream in while it runs.</source>
        <translation>在作业列表中选择一个作业即可跟踪其日志；作业运行时新的日志行会实时显示。</translation>
    </message>
    <message>
        <source>No progress to chart</source>
        <translation>没有可绘制的进度</translation>
    </message>
    <message>
        <source>Select a running job to chart its progress over time.</source>
        <translation>选择一个正在运行的作业，即可绘制其进度随时间变化的曲线。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — JobDeck</source>
        <translation>%1[*] — JobDeck</translation>
    </message>
    <message>
        <source>Ln %1, Col %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>Cannot open script</source>
        <translation>无法打开脚本</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <source>%1 is %2 MB; scripts larger than %3 MB cannot be edited here.</source>
        <translation>%1 大小为 %2 MB；超过 %3 MB 的脚本无法在此编辑。</translation>
    </message>
    <message>
        <source>Cannot save script</source>
        <translation>无法保存脚本</translation>
    </message>
    <message>
        <source>Cannot save %1:
%2</source>
        <translation>无法保存 %1：
%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open Script</source>
        <translation>打开脚本</translation>
    </message>
    <message>
        <source>Save Script As</source>
        <translation>脚本另存为</translation>
    </message>
    <message>
        <source>&lt;h3&gt;JobDeck %1&lt;/h3&gt;&lt;p&gt;A desktop console for big-data jobs.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;KSyntaxHighlighting %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;JobDeck %1&lt;/h3&gt;&lt;p&gt;大数据作业桌面控制台。&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;KSyntaxHighlighting %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About JobDeck</source>
        <translation>关于 JobDeck</translation>
    </message>
    <message>
        <source>Editor &amp;Theme</source>
        <translation>编辑器主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the Desktop</source>
        <translation>跟随桌面</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>作业(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Run Script</source>
        <translation>运行脚本(&amp;R)</translation>
    </message>
    <message>
        <source>Run the script, or the selected part of it, on %1 (Ctrl+Return)</source>
        <translation>在 %1 上运行脚本或其选中部分（Ctrl+Return）</translation>
    </message>
    <message>
        <source>the job server</source>
        <translation>作业服务器</translation>
    </message>
    <message>
        <source>&amp;Kill Job</source>
        <translation>终止作业(&amp;K)</translation>
    </message>
    <message>
        <source>Stop the selected job</source>
        <translation>停止选中的作业</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>SQL (SQLite)</source>
        <translation>SQL（SQLite）</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Cannot reach %1</source>
        <translation>无法连接 %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Write SQL in the editor and press Ctrl+Return to run it on %1. Its jobs are listed here.</source>
        <translation>在编辑器中编写 SQL，按 Ctrl+Return 即可在 %1 上运行。作业会列在这里。</translation>
    </message>
    <message>
        <source>No steps</source>
        <translation>没有步骤</translation>
    </message>
    <message>
        <source>This job's service does not report steps; Kylin jobs show theirs here.</source>
        <translation>该作业所在的服务不报告步骤；Kylin 作业的步骤会显示在这里。</translation>
    </message>
    <message>
        <source>There is nothing to run: the editor is empty</source>
        <translation>没有可运行的内容：编辑器为空</translation>
    </message>
    <message>
        <source>-- Welcome to JobDeck. Press Ctrl+Return to run this script on the local job server (SQLite).
-- What you type is kept and comes back on the next start.
CREATE TABLE IF NOT EXISTS staff (name TEXT PRIMARY KEY, dept TEXT, salary REAL, hired_on TEXT);
INSERT OR IGNORE INTO staff VALUES ('Ann', 'ops', 5200, '2024-03-01'),
    ('Bo', 'dev', 6100, '2024-05-12'), ('Cy', 'dev', 5900, '2023-11-20');
SELECT dept, COUNT(*) AS employees, AVG(salary) AS avg_salary
FROM staff
WHERE hired_on &gt;= '2024-01-01'
GROUP BY dept
ORDER BY employees DESC;
</source>
        <translation>-- 欢迎使用 JobDeck。按 Ctrl+Return 即可在本地作业服务器（SQLite）上运行此脚本。
-- 输入的内容会自动保留，下次启动时依然在。
CREATE TABLE IF NOT EXISTS staff (name TEXT PRIMARY KEY, dept TEXT, salary REAL, hired_on TEXT);
INSERT OR IGNORE INTO staff VALUES ('Ann', 'ops', 5200, '2024-03-01'),
    ('Bo', 'dev', 6100, '2024-05-12'), ('Cy', 'dev', 5900, '2023-11-20');
SELECT dept, COUNT(*) AS employees, AVG(salary) AS avg_salary
FROM staff
WHERE hired_on &gt;= '2024-01-01'
GROUP BY dept
ORDER BY employees DESC;
</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message numerus="yes">
        <source>Result %1 (%n row(s))</source>
        <translation><numerusform>结果 %1（%n 行）</numerusform></translation>
    </message>
    <message>
        <source>The first %1 rows of %2 are shown</source>
        <translation>显示了 %2 行中的前 %1 行</translation>
    </message>
</context>
<context>
    <name>JobDeck::ProgressChart</name>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
</context>
<context>
    <name>JobDeck::Session</name>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Starting the local job server…</source>
        <translation>正在启动本地作业服务器…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Job %1: %2 (trying again in %3 s)</source>
        <translation>作业 %1：%2（%3 秒后重试）</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Cannot list the jobs: %1</source>
        <translation>无法列出作业：%1</translation>
    </message>
    <message>
        <source>Not connected to %1 yet</source>
        <translation>尚未连接到 %1</translation>
    </message>
    <message>
        <source>The job was not accepted: %1</source>
        <translation>作业未被接受：%1</translation>
    </message>
    <message>
        <source>Job %1: %2</source>
        <translation>作业 %1：%2</translation>
    </message>
    <message>
        <source>Cannot kill job %1: %2</source>
        <translation>无法终止作业 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the results of %1: %2</source>
        <translation>无法读取 %1 的结果：%2</translation>
    </message>
    <message>
        <source>Cannot read %1 of %2: %3</source>
        <translation>无法读取 %2 的 %1：%3</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>已成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>LocalServer</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a jobdeck-server runtime file</source>
        <translation>%1 不是 jobdeck-server 的运行时文件</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop console for big-data jobs.</source>
        <translation>大数据作业桌面控制台。</translation>
    </message>
    <message>
        <source>Language of the interface: cn or en.</source>
        <translation>界面语言：cn 或 en。</translation>
    </message>
    <message>
        <source>A SQL script to open.</source>
        <translation>要打开的 SQL 脚本。</translation>
    </message>
</context>
</TS>