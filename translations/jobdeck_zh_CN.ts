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
    <name>JobDeck::Backend</name>
    <message>
        <source>%1 is not something a %2 server can do</source>
        <translation>%2 服务器不支持%1</translation>
    </message>
    <message>
        <source>Stopping a job with a savepoint</source>
        <translation>带保存点停止作业</translation>
    </message>
    <message>
        <source>Pausing a job</source>
        <translation>暂停作业</translation>
    </message>
    <message>
        <source>Resuming a job</source>
        <translation>恢复作业</translation>
    </message>
    <message>
        <source>Dropping a job</source>
        <translation>删除作业</translation>
    </message>
    <message>
        <source>Restarting a job</source>
        <translation>重启作业</translation>
    </message>
    <message>
        <source>Taking a savepoint</source>
        <translation>触发保存点</translation>
    </message>
    <message>
        <source>Reading a step&apos;s output</source>
        <translation>读取步骤输出</translation>
    </message>
    <message>
        <source>Running a saved task</source>
        <translation>运行已保存的任务</translation>
    </message>
    <message>
        <source>Exporting lineage</source>
        <translation>导出血缘</translation>
    </message>
    <message>
        <source>Listing databases</source>
        <translation>列出数据库</translation>
    </message>
    <message>
        <source>Listing tables</source>
        <translation>列出表</translation>
    </message>
    <message>
        <source>Listing columns</source>
        <translation>列出列</translation>
    </message>
    <message>
        <source>Downloading a result set</source>
        <translation>下载结果集</translation>
    </message>
    <message>
        <source>Running a query</source>
        <translation>执行查询</translation>
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
        <source>The server&apos;s address, as typed in a browser.</source>
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
        <translation>从标准输入读取 Token。</translation>
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
        <source>Seconds between polls while following (default: the backend&apos;s).</source>
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
        <source>unknown language &apos;%1&apos; (use cn or en)</source>
        <translation>未知语言“%1”（请使用 cn 或 en）</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>wrong number of arguments for &apos;%1&apos; (see --help)</source>
        <translation>“%1”的参数个数不对（参见 --help）</translation>
    </message>
    <message>
        <source>--%1 does not apply to &apos;%2&apos;</source>
        <translation>--%1 不适用于“%2”</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not available for %2 servers</source>
        <translation>%2 服务器不支持“%1”</translation>
    </message>
    <message>
        <source>Dinky, SQLFlow: the time zone of the server&apos;s clock, e.g. Asia/Shanghai or UTC+08:00 (Dinky default GMT+8).</source>
        <translation>Dinky、SQLFlow：服务器时钟所用的时区，例如 Asia/Shanghai 或 UTC+08:00（Dinky 默认 GMT+8）。</translation>
    </message>
    <message>
        <source>The server generation, when it should not be detected: Kylin 2.1, 3, 4 or 5; Dinky 0.7 or 1.</source>
        <translation>服务器版本，用于不自动检测时：Kylin 2.1、3、4 或 5；Dinky 0.7 或 1。</translation>
    </message>
    <message>
        <source>lineage: table-level relations only.</source>
        <translation>lineage：只输出表级关系。</translation>
    </message>
    <message>
        <source>lineage: the CSV field delimiter (default ,).</source>
        <translation>lineage：CSV 字段分隔符（默认 ,）。</translation>
    </message>
    <message>
        <source>submit (SQLFlow): a persistent job that later submits can extend.</source>
        <translation>submit（SQLFlow）：创建持久作业，之后的提交可以向其追加。</translation>
    </message>
    <message>
        <source>submit (SQLFlow): add to the persistent job given with --job-id.</source>
        <translation>submit（SQLFlow）：追加到 --job-id 指定的持久作业。</translation>
    </message>
    <message>
        <source>submit (SQLFlow): the persistent job to extend.</source>
        <translation>submit（SQLFlow）：要追加的持久作业。</translation>
    </message>
    <message>
        <source>kill (Dinky): take a savepoint before stopping.</source>
        <translation>kill（Dinky）：停止前先触发保存点。</translation>
    </message>
    <message>
        <source>kill (Dinky): do not force the stop if the savepoint fails.</source>
        <translation>kill（Dinky）：保存点失败时不强制停止。</translation>
    </message>
    <message>
        <source>run-task, restart (Dinky): start from this savepoint.</source>
        <translation>run-task、restart（Dinky）：从该保存点启动。</translation>
    </message>
    <message>
        <source>status: make the server re-read the job&apos;s state first (Dinky).</source>
        <translation>status：先让服务器重新读取作业状态（Dinky）。</translation>
    </message>
    <message>
        <source>submit, status, log, progress, kill, list, results, pause, resume, drop, steps, step-output, run-task, restart, savepoint, lineage</source>
        <translation>submit、status、log、progress、kill、list、results、pause、resume、drop、steps、step-output、run-task、restart、savepoint、lineage</translation>
    </message>
    <message>
        <source>--refresh is not available for %1 servers</source>
        <translation>%1 服务器不支持 --refresh</translation>
    </message>
    <message>
        <source>lineage needs --format json, csv or graphml</source>
        <translation>lineage 需要 --format json、csv 或 graphml</translation>
    </message>
    <message>
        <source>with --json, lineage needs --output FILE (standard output carries the events)</source>
        <translation>使用 --json 时，lineage 需要 --output 文件（标准输出用于输出事件）</translation>
    </message>
    <message>
        <source>--delimiter needs one character</source>
        <translation>--delimiter 需要单个字符</translation>
    </message>
    <message>
        <source>--incremental needs the persistent job&apos;s --job-id</source>
        <translation>--incremental 需要持久作业的 --job-id</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>--follow: give up after a job has stayed in the server&apos;s UNKNOWN state this long (default 300 seconds).</source>
        <translation>--follow：作业在服务器的 UNKNOWN 状态停留这么久后放弃跟踪（默认 300 秒）。</translation>
    </message>
    <message>
        <source>log: only lines of this level and above (fatal, error, warn, info, debug, trace).</source>
        <translation>log：只输出此级别及以上的行（fatal、error、warn、info、debug、trace）。</translation>
    </message>
    <message>
        <source>log: only lines that match this regular expression.</source>
        <translation>log：只输出与此正则表达式匹配的行。</translation>
    </message>
</context>
<context>
    <name>JobDeck::CliCommand</name>
    <message>
        <source>--var needs K=V, got &apos;%1&apos;</source>
        <translation>--var 需要 K=V 形式，收到的是“%1”</translation>
    </message>
</context>
<context>
    <name>JobDeck::CliCredentials</name>
    <message>
        <source>no profile named &apos;%1&apos;</source>
        <translation>没有名为“%1”的连接配置</translation>
    </message>
    <message>
        <source>say where to connect: --profile NAME, or --backend KIND --url BASE_URL</source>
        <translation>请指定连接目标：--profile 名称，或 --backend 类型 --url 地址</translation>
    </message>
    <message>
        <source>unknown backend &apos;%1&apos; (known: %2)</source>
        <translation>未知后端“%1”（支持：%2）</translation>
    </message>
    <message>
        <source>--url BASE_URL is needed for --backend %1</source>
        <translation>--backend %1 需要 --url 地址</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address</source>
        <translation>“%1”不是服务器地址</translation>
    </message>
    <message>
        <source>unknown time zone &apos;%1&apos;</source>
        <translation>未知时区“%1”</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds (at most 30 days)</source>
        <translation>--timeout 需要一个秒数（最多 30 天）</translation>
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
        <source>%1; set JOBDECK_PASSWORD or JOBDECK_TOKEN instead</source>
        <translation>%1；请改为设置 JOBDECK_PASSWORD 或 JOBDECK_TOKEN</translation>
    </message>
    <message>
        <source>the keychain holds no secret for profile &apos;%1&apos;: save one in the console&apos;s Connections dialog, or set JOBDECK_PASSWORD or JOBDECK_TOKEN</source>
        <translation>密钥环中没有连接配置“%1”的密码或 Token：请在控制台的“连接”对话框中保存，或设置 JOBDECK_PASSWORD 或 JOBDECK_TOKEN</translation>
    </message>
    <message>
        <source>note: the session could not be kept for the next run: %1</source>
        <translation>注意：会话未能保留到下次运行：%1</translation>
    </message>
</context>
<context>
    <name>JobDeck::CliOutput</name>
    <message>
        <source>jobdeck-cli: %1</source>
        <translation>jobdeck-cli：%1</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
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
    <name>JobDeck::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Saved connections:</source>
        <translation>已保存的连接(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>复制(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation>登录方式(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Pro&amp;xy user:</source>
        <translation>代理用户(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Creator:</source>
        <translation>Creator(&amp;C)：</translation>
    </message>
    <message>
        <source>Server &amp;version:</source>
        <translation>服务器版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Server time &amp;zone:</source>
        <translation>服务器时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>例如：生产环境</translation>
    </message>
    <message>
        <source>the user jobs run as; empty = the user above</source>
        <translation>运行作业的用户；留空即为上面的用户</translation>
    </message>
    <message>
        <source>empty = every project you can see</source>
        <translation>留空即为您可见的所有项目</translation>
    </message>
    <message>
        <source>empty = 1</source>
        <translation>留空即为 1</translation>
    </message>
    <message>
        <source>Which Kylin generation the server is; detected once per connection</source>
        <translation>服务器的 Kylin 版本；每次连接时检测一次</translation>
    </message>
    <message>
        <source>Which Dinky generation the server is; detected once per connection</source>
        <translation>服务器的 Dinky 版本；每次连接时检测一次</translation>
    </message>
    <message>
        <source>The zone of the times the server sends without one: an IANA name such as Asia/Shanghai, or UTC+08:00</source>
        <translation>服务器发来的时间未带时区时所用的时区：IANA 名称（如 Asia/Shanghai）或 UTC+08:00</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connect with these settings, without saving them</source>
        <translation>用这些设置连接，但不保存</translation>
    </message>
    <message>
        <source>Local (built in)</source>
        <translation>本地（内置）</translation>
    </message>
    <message>
        <source>The local job server on this computer: always there, nothing to set up</source>
        <translation>本机上的本地作业服务器：始终可用，无需设置</translation>
    </message>
    <message>
        <source>%1 (Dinky&apos;s default)</source>
        <translation>%1（Dinky 默认）</translation>
    </message>
    <message>
        <source>the server&apos;s default</source>
        <translation>服务器默认值</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>a token is stored in the system keychain; type to replace it</source>
        <translation>系统密钥环中已保存 Token；输入新值可替换</translation>
    </message>
    <message>
        <source>a password is stored in the system keychain; type to replace it</source>
        <translation>系统密钥环中已保存密码；输入新值可替换</translation>
    </message>
    <message>
        <source>kept in the system keychain on Save</source>
        <translation>保存时存入系统密钥环</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新建连接</translation>
    </message>
    <message>
        <source>Fill in the new connection, then Save.</source>
        <translation>填写新连接，然后点击“保存”。</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>A copy of “%1”: change what differs, then Save.</source>
        <translation>“%1”的副本：修改不同之处，然后点击“保存”。</translation>
    </message>
    <message>
        <source>Type the new name, then Save. The stored password moves with it.</source>
        <translation>输入新名称，然后点击“保存”。已保存的密码会随之迁移。</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Remove the connection “%1” and its stored password?</source>
        <translation>要删除连接“%1”及其已保存的密码吗？</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Removing “%1”…</source>
        <translation>正在删除“%1”…</translation>
    </message>
    <message>
        <source>Cannot remove “%1”: %2</source>
        <translation>无法删除“%1”：%2</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Type the address users open in a browser, e.g. %1.</source>
        <translation>请输入用户在浏览器中打开的地址，例如 %1。</translation>
    </message>
    <message>
        <source>A database vendor is a SQLFlow name such as dbvhive or dbvoracle.</source>
        <translation>数据库类型应为 SQLFlow 的名称，例如 dbvhive 或 dbvoracle。</translation>
    </message>
    <message>
        <source>A Dinky tenant is a number, e.g. 1.</source>
        <translation>Dinky 租户应为数字，例如 1。</translation>
    </message>
    <message>
        <source>“%1” is not a time zone JobDeck knows; use a name such as Asia/Shanghai or an offset such as UTC+08:00 or GMT+8.</source>
        <translation>JobDeck 不认识时区“%1”；请使用 Asia/Shanghai 这样的名称，或 UTC+08:00、GMT+8 这样的偏移量。</translation>
    </message>
    <message>
        <source>There is already a connection named “%1”.</source>
        <translation>已存在名为“%1”的连接。</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>%1 Its password was not copied: %2</source>
        <translation>%1密码未能复制：%2</translation>
    </message>
    <message>
        <source>Renaming “%1”…</source>
        <translation>正在重命名“%1”…</translation>
    </message>
    <message>
        <source>%1 Storing the password in the system keychain…</source>
        <translation>%1正在将密码存入系统密钥环…</translation>
    </message>
    <message>
        <source>%1 The password was not stored: %2</source>
        <translation>%1密码未能保存：%2</translation>
    </message>
    <message>
        <source>%1 The password is in the system keychain.</source>
        <translation>%1密码已存入系统密钥环。</translation>
    </message>
    <message>
        <source>Reading the password from the system keychain…</source>
        <translation>正在从系统密钥环读取密码…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected to %1: the server answers and accepts the credentials.</source>
        <translation>已连接到 %1：服务器已应答并接受了凭据。</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Rena&amp;me</source>
        <translation>重命名(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>用户(&amp;E)：</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>Token(&amp;O)：</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>项目(&amp;J)：</translation>
    </message>
    <message>
        <source>Tenant &amp;ID:</source>
        <translation>租户 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Data&amp;base vendor:</source>
        <translation>数据库类型(&amp;B)：</translation>
    </message>
    <message>
        <source>Re&amp;quest timeout:</source>
        <translation>请求超时(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>kept from the copied connection; type to replace it</source>
        <translation>沿用被复制连接的密钥；输入新值即可替换</translation>
    </message>
</context>
<context>
    <name>JobDeck::ConnectionsPanel</name>
    <message>
        <source>Manage Connections…</source>
        <translation>管理连接…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Where the editor&apos;s scripts run</source>
        <translation>编辑器中的脚本在此运行</translation>
    </message>
    <message>
        <source>Connect ▾</source>
        <translation>连接 ▾</translation>
    </message>
    <message>
        <source>Open a saved connection beside the ones already open</source>
        <translation>在已打开的连接之外再打开一个已保存的连接</translation>
    </message>
    <message>
        <source>%1: the editor&apos;s scripts run here</source>
        <translation>%1：编辑器中的脚本在此运行</translation>
    </message>
    <message>
        <source>%1: double-click to run the editor&apos;s scripts here</source>
        <translation>%1：双击后编辑器中的脚本将在此运行</translation>
    </message>
    <message>
        <source>The local job server on this computer</source>
        <translation>本机上的本地作业服务器</translation>
    </message>
    <message>
        <source>Connect to %1…</source>
        <translation>连接到 %1…</translation>
    </message>
    <message>
        <source>Run Scripts Here</source>
        <translation>在此运行脚本</translation>
    </message>
    <message>
        <source>Connect Again</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Close Connection</source>
        <translation>关闭连接</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <source>Lost; retrying</source>
        <translation>连接中断，正在重试</translation>
    </message>
</context>
<context>
    <name>JobDeck::Console</name>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>There is no connection named “%1”</source>
        <translation>没有名为“%1”的连接</translation>
    </message>
    <message>
        <source>Reading the password of %1 from the system keychain…</source>
        <translation>正在从系统密钥环读取 %1 的密码…</translation>
    </message>
    <message>
        <source>The password of %1 was not remembered: %2</source>
        <translation>未能记住 %1 的密码：%2</translation>
    </message>
    <message>
        <source>There is no open connection to run the script on</source>
        <translation>没有可用于运行脚本的已打开连接</translation>
    </message>
    <message>
        <source>The job&apos;s connection is not open</source>
        <translation>该作业所属的连接未打开</translation>
    </message>
    <message>
        <source>The server did not keep the job&apos;s script</source>
        <translation>服务器没有保留该作业的脚本</translation>
    </message>
    <message>
        <source>%1 does not run scripts sent to it</source>
        <translation>%1 不运行发送给它的脚本</translation>
    </message>
</context>
<context>
    <name>JobDeck::Dialect</name>
    <message>
        <source>SQL (SQLite)</source>
        <translation>SQL（SQLite）</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Spark SQL</source>
        <translation>Spark SQL</translation>
    </message>
    <message>
        <source>Spark Scala</source>
        <translation>Spark Scala</translation>
    </message>
    <message>
        <source>PySpark</source>
        <translation>PySpark</translation>
    </message>
    <message>
        <source>HiveQL</source>
        <translation>HiveQL</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>JDBC SQL</source>
        <translation>JDBC SQL</translation>
    </message>
    <message>
        <source>Trino SQL</source>
        <translation>Trino SQL</translation>
    </message>
    <message>
        <source>Presto SQL</source>
        <translation>Presto SQL</translation>
    </message>
    <message>
        <source>Flink SQL</source>
        <translation>Flink SQL</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>JobDeck::Dinky</name>
    <message>
        <source>The server did not answer as Dinky: %1</source>
        <translation>服务器的应答不符合 Dinky 协议：%1</translation>
    </message>
    <message>
        <source>This address has no such Dinky service (HTTP 404); check the URL</source>
        <translation>该地址没有这个 Dinky 服务（HTTP 404），请检查 URL</translation>
    </message>
    <message>
        <source>The proxy could not reach the Dinky server behind it: %1</source>
        <translation>代理无法连接其后的 Dinky 服务器：%1</translation>
    </message>
    <message>
        <source>Not logged in, or the session has expired: %1</source>
        <translation>未登录，或会话已过期：%1</translation>
    </message>
    <message>
        <source>an empty answer (HTTP 200); is the tenant id right and the user a member of it?</source>
        <translation>空的应答（HTTP 200）；请确认租户 ID 是否正确、用户是否属于该租户</translation>
    </message>
    <message>
        <source>a JSON answer without the envelope&apos;s code: %1</source>
        <translation>缺少 code 字段的 JSON 应答：%1</translation>
    </message>
    <message>
        <source>an envelope whose code is not a number: %1</source>
        <translation>code 字段不是数字的应答：%1</translation>
    </message>
    <message>
        <source>Not logged in, or the session has expired</source>
        <translation>未登录，或会话已过期</translation>
    </message>
    <message>
        <source>The server failed with an exception and no message</source>
        <translation>服务器发生异常，但没有说明</translation>
    </message>
    <message>
        <source>The server failed: %1</source>
        <translation>服务器出错：%1</translation>
    </message>
    <message>
        <source>The server rejected the request&apos;s parameters</source>
        <translation>服务器拒绝了请求参数</translation>
    </message>
    <message>
        <source>The server reported an error without a message</source>
        <translation>服务器报告了错误，但没有说明</translation>
    </message>
    <message>
        <source>The login answer names an unusable token header “%1”</source>
        <translation>登录应答给出的 Token 请求头“%1”不可用</translation>
    </message>
    <message>
        <source>The login answer holds an unusable token</source>
        <translation>登录应答中的 Token 不可用</translation>
    </message>
    <message>
        <source>The server sent a job instance without an id</source>
        <translation>服务器发来的作业实例没有 ID</translation>
    </message>
    <message>
        <source>The job list answer is not a table: %1</source>
        <translation>作业列表应答不是表格：%1</translation>
    </message>
    <message>
        <source>The console log answer holds no process record</source>
        <translation>控制台日志的应答中没有进程记录</translation>
    </message>
</context>
<context>
    <name>JobDeck::DinkyBackend</name>
    <message>
        <source>No user name or password to log in to %1 with</source>
        <translation>没有用于登录 %1 的用户名或密码</translation>
    </message>
    <message>
        <source>Login as %1 failed: %2</source>
        <translation>以 %1 登录失败：%2</translation>
    </message>
    <message>
        <source>Dinky allows one session per user: logging in as %1 here signs out %1&apos;s other sessions (a browser, another JobDeck), and logging in there signs out this one. Use a token to avoid it.</source>
        <translation>Dinky 每个用户只允许一个会话：在这里以 %1 登录会让 %1 的其他会话（浏览器、另一个 JobDeck）下线，在那些地方登录也会让这里的会话下线。使用 Token 可避免这种情况。</translation>
    </message>
    <message>
        <source>Dinky has no job instance %1</source>
        <translation>Dinky 中没有作业实例 %1</translation>
    </message>
    <message>
        <source>Task %1 has no job instance</source>
        <translation>任务 %1 没有作业实例</translation>
    </message>
    <message>
        <source>“%1” is not a Dinky job: give a job instance id (a number) or task/&lt;task id&gt;</source>
        <translation>“%1”不是 Dinky 作业：请给出作业实例 ID（数字）或 task/&lt;任务 ID&gt;</translation>
    </message>
    <message>
        <source>Submitting a script (Dinky runs saved tasks: use run-task)</source>
        <translation>提交脚本（Dinky 只运行已保存的任务：请使用 run-task）</translation>
    </message>
    <message>
        <source>Asking Dinky to re-read a job&apos;s state</source>
        <translation>请求 Dinky 重新读取作业状态</translation>
    </message>
    <message>
        <source>Dinky does not say which task job %1 belongs to</source>
        <translation>Dinky 没有说明作业 %1 属于哪个任务</translation>
    </message>
    <message>
        <source>A Dinky task id is a positive number</source>
        <translation>Dinky 任务 ID 应为正数</translation>
    </message>
    <message>
        <source>The server answered the submit without a job result</source>
        <translation>服务器对提交的应答中没有作业结果</translation>
    </message>
    <message>
        <source>Dinky did not stop the job</source>
        <translation>Dinky 没有停止该作业</translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation>已请求取消</translation>
    </message>
    <message>
        <source>The server answered the restart without a job result</source>
        <translation>服务器对重启的应答中没有作业结果</translation>
    </message>
    <message>
        <source>Savepoint triggered</source>
        <translation>已触发保存点</translation>
    </message>
    <message>
        <source>Listing Dinky&apos;s jobs</source>
        <translation>列出 Dinky 的作业</translation>
    </message>
    <message>
        <source>Reading result sets</source>
        <translation>读取结果集</translation>
    </message>
    <message>
        <source>%1 needs a Dinky login (a user and password, or a token); running a task, its status, cancel, restart and savepoint work without one</source>
        <translation>%1 需要登录 Dinky（用户名和密码，或 Token）；运行任务、查询状态、取消、重启和保存点无需登录</translation>
    </message>
    <message>
        <source>Dinky 0.7 stops a job by its Flink job id and JobManager address, which JobDeck only knows for runs it started itself; stop it with a savepoint instead, or from Dinky&apos;s web console</source>
        <translation>Dinky 0.7 需要 Flink 作业 ID 和 JobManager 地址才能停止作业，而 JobDeck 只知道它自己启动的运行的这些信息；请改为通过保存点停止，或在 Dinky 网页控制台中停止</translation>
    </message>
    <message>
        <source>The connection to %1 is closed</source>
        <translation>与 %1 的连接已关闭</translation>
    </message>
</context>
<context>
    <name>JobDeck::ExportDialog</name>
    <message>
        <source>Export To</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation>请选择要写入的文件</translation>
    </message>
    <message>
        <source>The connection of this result set is closed</source>
        <translation>此结果集的连接已关闭</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The server&apos;s export failed: %1</source>
        <translation>服务器导出失败：%1</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 bytes, the server&apos;s own CSV)</source>
        <translation>已写入 %1（%2 字节，服务器生成的 CSV）</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 rows, %3 bytes)</source>
        <translation>已写入 %1（%2 行，%3 字节）</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was left as it was</source>
        <translation>导出已取消；%1 保持原样</translation>
    </message>
    <message>
        <source>Export Result Set</source>
        <translation>导出结果集</translation>
    </message>
    <message>
        <source>Writes every row of “%1” to a file, read page by page from the server&apos;s result file; the query is not run again.</source>
        <translation>把“%1”的每一行写入文件，按页从服务器的结果文件读取；不会重新执行查询。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>TSV (tab-separated)</source>
        <translation>TSV（制表符分隔）</translation>
    </message>
    <message>
        <source>JSON (an array of objects)</source>
        <translation>JSON（对象数组）</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>分隔符(&amp;S)：</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <source>Vertical bar |</source>
        <translation>竖线 |</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>&amp;Character set:</source>
        <translation>字符集(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;NULL as:</source>
        <translation>NULL 写作(&amp;N)：</translation>
    </message>
    <message>
        <source>the text NULL</source>
        <translation>文本 NULL</translation>
    </message>
    <message>
        <source>an empty field</source>
        <translation>空字段</translation>
    </message>
    <message>
        <source>Column names in the first line</source>
        <translation>第一行写列名</translation>
    </message>
    <message>
        <source>Let the server write the CSV (Linkis resultsetToExcel)</source>
        <translation>由服务器生成 CSV（Linkis resultsetToExcel）</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
</context>
<context>
    <name>JobDeck::FindBar</name>
    <message>
        <source>Not a valid regular expression: %1</source>
        <translation>不是有效的正则表达式：%1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Continued from the other end</source>
        <translation>已从另一端继续查找</translation>
    </message>
    <message>
        <source>Matches replaced: %1</source>
        <translation>已替换的匹配项：%1</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation>正则表达式(&amp;X)</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>区分大小写(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Whole words</source>
        <translation>全词匹配(&amp;W)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Find the next match (Return)</source>
        <translation>查找下一个匹配项（回车）</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>Regular expressions may use \1 for a group</source>
        <translation>正则表达式可用 \1 引用分组</translation>
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
        <translation>
            <numerusform>读取应答时连接中断（已收到 %n 字节）</numerusform>
        </translation>
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
        <translation>
            <numerusform>“%1”（HTTP %2，%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nowhere to write the download</source>
        <translation>没有可写入下载内容的位置</translation>
    </message>
    <message>
        <source>Could not write the download: %1</source>
        <translation>无法写入下载内容：%1</translation>
    </message>
    <message>
        <source>the output was closed</source>
        <translation>输出已关闭</translation>
    </message>
    <message numerus="yes">
        <source>The answer stopped arriving within the request&apos;s time (%n bytes received)</source>
        <translation>
            <numerusform>在请求的时限内应答未能传完（已收到 %n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection broke before the server answered. The request was not sent again, so it took effect at most once: look at the job list before you submit it again</source>
        <translation>服务器应答之前连接已断开。请求没有再次发送，因此最多只生效了一次：再次提交之前，请先查看作业列表</translation>
    </message>
</context>
<context>
    <name>JobDeck::JobActionCommand</name>
    <message>
        <source>%1 dropped</source>
        <translation>%1 已删除</translation>
    </message>
</context>
<context>
    <name>JobDeck::JobCommands</name>
    <message>
        <source>Select a job in the job list first</source>
        <translation>请先在作业列表中选择一个作业</translation>
    </message>
    <message>
        <source>Job %1: %2</source>
        <translation>作业 %1：%2</translation>
    </message>
    <message>
        <source>This acts on one job at a time; select only one</source>
        <translation>此操作一次只能作用于一个作业，请只选择一个</translation>
    </message>
    <message>
        <source>The job&apos;s connection is closed</source>
        <translation>该作业所属的连接已关闭</translation>
    </message>
    <message>
        <source>The job is no longer listed</source>
        <translation>该作业已不在列表中</translation>
    </message>
    <message>
        <source>%1 is not connected</source>
        <translation>%1 未连接</translation>
    </message>
    <message>
        <source>%1 cannot stop jobs</source>
        <translation>%1 不能停止作业</translation>
    </message>
    <message>
        <source>The job is %1: only a job that has not ended can be stopped</source>
        <translation>该作业状态为%1：只能停止尚未结束的作业</translation>
    </message>
    <message>
        <source>%1 cannot pause jobs</source>
        <translation>%1 不能暂停作业</translation>
    </message>
    <message>
        <source>The job is %1: only a running job can be paused</source>
        <translation>该作业状态为%1：只能暂停正在运行的作业</translation>
    </message>
    <message>
        <source>%1 cannot resume jobs</source>
        <translation>%1 不能恢复作业</translation>
    </message>
    <message>
        <source>The job is %1: only a paused or stopped job can be resumed</source>
        <translation>该作业状态为%1：只能恢复已暂停或已停止的作业</translation>
    </message>
    <message>
        <source>%1 cannot restart jobs</source>
        <translation>%1 不能重启作业</translation>
    </message>
    <message>
        <source>The job is %1: it cannot be restarted now</source>
        <translation>该作业状态为%1：现在不能重启</translation>
    </message>
    <message>
        <source>%1 does not take savepoints</source>
        <translation>%1 不支持保存点</translation>
    </message>
    <message>
        <source>The job is %1: only a running streaming job takes savepoints</source>
        <translation>该作业状态为%1：只有正在运行的流作业才能创建保存点</translation>
    </message>
    <message>
        <source>%1 has no forced refresh; its jobs are read again on their own</source>
        <translation>%1 没有强制刷新；它的作业会自动重新读取</translation>
    </message>
    <message>
        <source>The job is %1: its state is already known</source>
        <translation>该作业状态为%1：状态已确定</translation>
    </message>
    <message>
        <source>%1 does not remove jobs from its records</source>
        <translation>%1 不会从记录中删除作业</translation>
    </message>
    <message>
        <source>The job is %1: only a finished job can be dropped</source>
        <translation>该作业状态为%1：只能删除已结束的作业</translation>
    </message>
    <message>
        <source>%1 does not compute lineage</source>
        <translation>%1 不计算血缘</translation>
    </message>
    <message>
        <source>The job is %1: its lineage is there once it has succeeded</source>
        <translation>该作业状态为%1：作业成功后才有血缘</translation>
    </message>
    <message>
        <source>%1 does not run scripts sent to it</source>
        <translation>%1 不运行发送给它的脚本</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Kill %n Jobs</source>
        <translation>
            <numerusform>终止 %n 个作业(&amp;K)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Kill Job</source>
        <translation>终止作业(&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n Job Ids</source>
        <translation>
            <numerusform>复制 %n 个作业 ID</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy Job &amp;Id</source>
        <translation>复制作业 ID(&amp;I)</translation>
    </message>
    <message>
        <source>Stop the selected job</source>
        <translation>停止选中的作业</translation>
    </message>
    <message>
        <source>Pause the selected job; Resume continues it</source>
        <translation>暂停选中的作业；用“恢复作业”可继续运行</translation>
    </message>
    <message>
        <source>Continue the selected paused job</source>
        <translation>继续运行选中的已暂停作业</translation>
    </message>
    <message>
        <source>Start the stopped job again</source>
        <translation>重新启动已停止的作业</translation>
    </message>
    <message>
        <source>Keep the job&apos;s state in a savepoint</source>
        <translation>将作业状态保存到保存点</translation>
    </message>
    <message>
        <source>Ask the server to read the job&apos;s state again at its source</source>
        <translation>请服务器从源头重新读取作业状态</translation>
    </message>
    <message>
        <source>Remove the selected finished job from the server&apos;s records</source>
        <translation>从服务器的记录中删除选中的已结束作业</translation>
    </message>
    <message>
        <source>Write the job&apos;s lineage to a JSON, CSV or GraphML file</source>
        <translation>将作业的血缘写入 JSON、CSV 或 GraphML 文件</translation>
    </message>
    <message>
        <source>Run the same script again, with the same engine and variables, on the same connection</source>
        <translation>在同一连接上，以相同的引擎和变量再次运行同一脚本</translation>
    </message>
    <message>
        <source>Open the job&apos;s script in a new editor tab</source>
        <translation>在新的编辑器标签页中打开该作业的脚本</translation>
    </message>
    <message>
        <source>Copy the ids of the selected jobs</source>
        <translation>复制所选作业的 ID</translation>
    </message>
    <message>
        <source>&amp;Pause Job</source>
        <translation>暂停作业(&amp;P)</translation>
    </message>
    <message>
        <source>Res&amp;ume Job</source>
        <translation>恢复作业(&amp;U)</translation>
    </message>
    <message>
        <source>Re&amp;start Job</source>
        <translation>重启作业(&amp;S)</translation>
    </message>
    <message>
        <source>Take a Sa&amp;vepoint</source>
        <translation>触发保存点(&amp;V)</translation>
    </message>
    <message>
        <source>Re&amp;fresh State</source>
        <translation>刷新状态(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Drop Job…</source>
        <translation>删除作业(&amp;D)…</translation>
    </message>
    <message>
        <source>Export &amp;Lineage…</source>
        <translation>导出血缘(&amp;L)…</translation>
    </message>
    <message>
        <source>Run &amp;Again</source>
        <translation>再次运行(&amp;A)</translation>
    </message>
    <message>
        <source>Open Sc&amp;ript</source>
        <translation>打开脚本(&amp;R)</translation>
    </message>
    <message>
        <source>Run Saved &amp;Task…</source>
        <translation>运行已保存的任务(&amp;T)…</translation>
    </message>
    <message>
        <source>Run a task saved on the server by its id</source>
        <translation>按 ID 运行服务器上已保存的任务</translation>
    </message>
    <message>
        <source>Remove job %1 from the records of %2? This cannot be undone.</source>
        <translation>要从 %2 的记录中删除作业 %1 吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Stop job %1 on %2? Its work so far may be lost.</source>
        <translation>要停止 %2 上的作业 %1 吗？已完成的工作可能会丢失。</translation>
    </message>
    <message numerus="yes">
        <source>Stop these %n jobs? Their work so far may be lost.</source>
        <translation>
            <numerusform>停止这 %n 个作业？它们已完成的工作可能会丢失。</numerusform>
        </translation>
    </message>
    <message>
        <source>Drop Job</source>
        <translation>删除作业</translation>
    </message>
    <message>
        <source>Kill Job</source>
        <translation>终止作业</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Run Saved Task</source>
        <translation>运行已保存的任务</translation>
    </message>
    <message>
        <source>The id of the task to run on %1:</source>
        <translation>要在 %1 上运行的任务 ID：</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>GraphML (*.graphml)</source>
        <translation>GraphML (*.graphml)</translation>
    </message>
    <message>
        <source>Export Lineage of %1</source>
        <translation>导出 %1 的血缘</translation>
    </message>
</context>
<context>
    <name>JobDeck::JobFollower</name>
    <message>
        <source>--interval needs a number of seconds (at most 30 days)</source>
        <translation>--interval 需要一个秒数（最多 30 天）</translation>
    </message>
    <message>
        <source>--unknown-timeout needs a number of seconds (at most 30 days)</source>
        <translation>--unknown-timeout 需要一个秒数（最多 30 天）</translation>
    </message>
    <message>
        <source>%1 has been in the server&apos;s %2 state for %3 s: the server lost track of it. &apos;status --refresh %1&apos; asks it to look again.</source>
        <translation>%1 在服务器上处于 %2 状态已有 %3 秒：服务器已失去对它的跟踪。运行“status --refresh %1”可让服务器重新查询。</translation>
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
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Submitter</source>
        <translation>提交者</translation>
    </message>
    <message>
        <source>%1 (the server says %2)</source>
        <translation>%1（服务器状态：%2）</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>任务：%1</translation>
    </message>
</context>
<context>
    <name>JobDeck::JobListPanel</name>
    <message>
        <source>Any Time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last Hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <source>Last 24 Hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 Days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 Days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Filter by id, name, script or submitter (%1)</source>
        <translation>按 ID、名称、脚本或提交者筛选（%1）</translation>
    </message>
    <message>
        <source>Submitted by Me</source>
        <translation>我提交的</translation>
    </message>
    <message>
        <source>Show only the jobs submitted by the user each connection logs in as</source>
        <translation>只显示各连接所登录用户提交的作业</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every job again</source>
        <translation>重新显示全部作业</translation>
    </message>
    <message>
        <source>Clear Filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Show the jobs submitted in this time</source>
        <translation>显示在此时间段内提交的作业</translation>
    </message>
    <message>
        <source>Show the jobs of these connections</source>
        <translation>显示这些连接的作业</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>state chip: the state&apos;s name, its number of jobs</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) in this state; click to stop showing only them</source>
        <translation>
            <numerusform>此状态有 %n 个作业；点击后不再只显示它们</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) in this state; click to show only them</source>
        <translation>
            <numerusform>此状态有 %n 个作业；点击后只显示它们</numerusform>
        </translation>
    </message>
    <message>
        <source>All Connections</source>
        <translation>全部连接</translation>
    </message>
    <message numerus="yes">
        <source>%n Connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n job(s))</source>
        <comment>a connection and its number of jobs</comment>
        <translation>
            <numerusform>%1（%n 个作业）</numerusform>
        </translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <translation>还没有作业</translation>
    </message>
    <message>
        <source>Jobs you submit, and the job history of the servers you connect to, are listed here.</source>
        <translation>您提交的作业以及所连接服务器的作业历史都列在这里。</translation>
    </message>
    <message>
        <source>No job matches the filter</source>
        <translation>没有符合筛选条件的作业</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) hidden by the filter.</source>
        <translation>
            <numerusform>%n 个作业被筛选条件隐藏。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDeck::JobNotifier</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
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
        <source>Job succeeded: %1</source>
        <translation>作业成功：%1</translation>
    </message>
    <message>
        <source>Job cancelled: %1</source>
        <translation>作业已取消：%1</translation>
    </message>
    <message>
        <source>Job failed: %1</source>
        <translation>作业失败：%1</translation>
    </message>
    <message>
        <source>Job ended: %1</source>
        <translation>作业已结束：%1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的作业%1</translation>
    </message>
    <message>
        <source>%1 on %2 after %3</source>
        <translation>%2 上的作业%1，用时 %3</translation>
    </message>
    <message>
        <source>Show Job</source>
        <translation>显示作业</translation>
    </message>
</context>
<context>
    <name>JobDeck::Kylin</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Kylin refused the user name or password (HTTP 401)</source>
        <translation>Kylin 拒绝了用户名或密码（HTTP 401）</translation>
    </message>
    <message>
        <source>The Kylin server reported an error without a message (HTTP %1)</source>
        <translation>Kylin 服务器报告了错误，但没有说明（HTTP %1）</translation>
    </message>
    <message>
        <source>Kylin denied access (HTTP 403): %1</source>
        <translation>Kylin 拒绝访问（HTTP 403）：%1</translation>
    </message>
    <message>
        <source>This address has no Kylin REST API (HTTP 404); check the URL</source>
        <translation>该地址没有 Kylin REST API（HTTP 404），请检查 URL</translation>
    </message>
    <message>
        <source>The gateway could not reach the Kylin server behind it: %1</source>
        <translation>网关无法连接其后的 Kylin 服务器：%1</translation>
    </message>
    <message>
        <source>The server did not answer as Kylin: %1</source>
        <translation>服务器的应答不符合 Kylin 协议：%1</translation>
    </message>
    <message>
        <source>The server did not answer with Kylin&apos;s envelope: %1</source>
        <translation>服务器的应答缺少 Kylin 的外层结构（code、data）：%1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer has no job: %1</source>
        <translation>服务器的应答中没有作业：%1</translation>
    </message>
    <message>
        <source>The job list is not a list: %1</source>
        <translation>作业列表应答不是列表：%1</translation>
    </message>
    <message>
        <source>The job detail is not a list of steps: %1</source>
        <translation>作业详情不是步骤列表：%1</translation>
    </message>
    <message>
        <source>The step output is not an object: %1</source>
        <translation>步骤输出不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>The step output&apos;s cmd_output is not text: %1</source>
        <translation>步骤输出中的 cmd_output 不是文本：%1</translation>
    </message>
    <message>
        <source>… (Kylin 5 shows only the first and the last 100 lines of a step&apos;s output: the middle is left out) …</source>
        <translation>…（Kylin 5 只显示步骤输出的前 100 行和后 100 行，中间部分已省略）…</translation>
    </message>
    <message>
        <source>The job list answer has neither a “jobs” nor a “value” field: %1</source>
        <translation>作业列表的应答既没有“jobs”也没有“value”字段：%1</translation>
    </message>
    <message>
        <source>Kylin could not run the query</source>
        <translation>Kylin 无法执行该查询</translation>
    </message>
    <message>
        <source>table list</source>
        <translation>表列表</translation>
    </message>
    <message>
        <source>The server&apos;s %1 is not a list: %2</source>
        <translation>服务器返回的%1不是列表：%2</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>度量</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
</context>
<context>
    <name>JobDeck::KylinBackend</name>
    <message>
        <source>No user name or password to log in to %1 with</source>
        <translation>没有用于登录 %1 的用户名或密码</translation>
    </message>
    <message>
        <source>Kylin did not accept %1&apos;s user name and password: %2</source>
        <translation>Kylin 不接受 %1 的用户名和密码：%2</translation>
    </message>
    <message>
        <source>No job id given</source>
        <translation>未指定作业 ID</translation>
    </message>
    <message>
        <source>Submitting a script</source>
        <translation>提交脚本</translation>
    </message>
    <message>
        <source>Kylin has no job status “%1”; it knows NEW, PENDING, RUNNING, STOPPED, FINISHED, ERROR and DISCARDED</source>
        <translation>Kylin 没有作业状态“%1”；可用的状态有 NEW、PENDING、RUNNING、STOPPED、FINISHED、ERROR 和 DISCARDED</translation>
    </message>
    <message>
        <source>The project of job %1 is unknown; name it with the profile&apos;s project</source>
        <translation>不知道作业 %1 所属的项目；请在连接配置中指定项目</translation>
    </message>
    <message>
        <source>Job %1 discarded</source>
        <translation>作业 %1 已丢弃</translation>
    </message>
    <message>
        <source>Job %1 dropped</source>
        <translation>作业 %1 已删除</translation>
    </message>
    <message numerus="yes">
        <source>Job %1 has no step %2 (it has %n steps)</source>
        <translation>
            <numerusform>作业 %1 没有步骤 %2（共有 %n 个步骤）</numerusform>
        </translation>
    </message>
    <message>
        <source>== %1. %2 (%3) ==</source>
        <translation>== %1. %2（%3）==</translation>
    </message>
    <message>
        <source>(no output: %1)</source>
        <translation>（无输出：%1）</translation>
    </message>
    <message>
        <source>Reading result sets</source>
        <translation>读取结果集</translation>
    </message>
    <message>
        <source>Name the Kylin project to query in the connection&apos;s settings</source>
        <translation>请在连接设置中填写要查询的 Kylin 项目</translation>
    </message>
    <message>
        <source>Kylin refused the query: %1</source>
        <translation>Kylin 拒绝了该查询：%1</translation>
    </message>
    <message>
        <source>Name the Kylin project in the connection&apos;s settings to see its tables</source>
        <translation>请在连接设置中填写 Kylin 项目，才能查看其表</translation>
    </message>
    <message>
        <source>model list</source>
        <translation>模型列表</translation>
    </message>
    <message>
        <source>cube list</source>
        <translation>Cube 列表</translation>
    </message>
    <message>
        <source>Cube of the model %1</source>
        <translation>模型 %1 的 Cube</translation>
    </message>
    <message>
        <source>Model on %1</source>
        <translation>基于 %1 的模型</translation>
    </message>
    <message>
        <source>cube descriptor</source>
        <translation>Cube 描述</translation>
    </message>
    <message>
        <source>The project has no table, model or cube %1.%2</source>
        <translation>该项目没有表、模型或 Cube %1.%2</translation>
    </message>
</context>
<context>
    <name>JobDeck::LineageCommand</name>
    <message>
        <source>cannot write to standard output</source>
        <translation>无法写入标准输出</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>wrote %1 (%2)</source>
        <translation>已写入 %1（%2）</translation>
    </message>
</context>
<context>
    <name>JobDeck::LineageDock</name>
    <message>
        <source>No lineage to show</source>
        <translation>没有可显示的血缘</translation>
    </message>
    <message>
        <source>Select an SQLFlow job that succeeded to see its data lineage as a graph.</source>
        <translation>选择一个已成功的 SQLFlow 作业，以图的形式查看其数据血缘。</translation>
    </message>
</context>
<context>
    <name>JobDeck::LineageGraph</name>
    <message>
        <source>The answer has no tables and no relations</source>
        <translation>答复中既没有表也没有关系</translation>
    </message>
    <message>
        <source>The lineage is not JSON: %1</source>
        <translation>血缘数据不是 JSON：%1</translation>
    </message>
    <message>
        <source>Graphviz could not start</source>
        <translation>Graphviz 无法启动</translation>
    </message>
    <message>
        <source>Graphviz could not lay out the lineage</source>
        <translation>Graphviz 无法为血缘布局</translation>
    </message>
    <message>
        <source>Graphviz placed %1 of %2 tables</source>
        <translation>Graphviz 只放置了 %2 个表中的 %1 个</translation>
    </message>
</context>
<context>
    <name>JobDeck::LineagePanel</name>
    <message>
        <source>The lineage of %1 cannot be shown: %2</source>
        <translation>无法显示 %1 的血缘：%2</translation>
    </message>
    <message>
        <source>Laying out the lineage of %1…</source>
        <translation>正在为 %1 的血缘布局…</translation>
    </message>
    <message>
        <source>The lineage of %1 has no tables</source>
        <translation>%1 的血缘中没有表</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n 个表</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n 列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data flow(s)</source>
        <translation>
            <numerusform>%n 条数据流</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1.%2: %n source(s)</source>
        <translation>
            <numerusform>%1.%2：%n 个来源</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n 个去向</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing matches “%1”</source>
        <translation>没有与“%1”匹配的内容</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to draw</source>
        <translation>没有可绘制的内容</translation>
    </message>
    <message>
        <source>the picture is too large to draw</source>
        <translation>图片太大，无法绘制</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Lineage picture written to %1</source>
        <translation>血缘图片已写入 %1</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export the Lineage Picture</source>
        <translation>导出血缘图片</translation>
    </message>
    <message>
        <source>Find a table or column (Return: next)</source>
        <translation>查找表或列（回车：下一个）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Show the whole graph (F); zoom with the wheel, pan by dragging</source>
        <translation>显示整个图（F）；滚轮缩放，拖动平移</translation>
    </message>
    <message>
        <source>Tables only</source>
        <translation>仅表</translation>
    </message>
    <message>
        <source>Table-to-table lineage: the tables and the flows between them</source>
        <translation>表级血缘：表以及表之间的数据流</translation>
    </message>
    <message>
        <source>Export Picture…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>Save the whole graph as a PNG picture or an SVG drawing</source>
        <translation>将整张图保存为 PNG 图片或 SVG 矢量图</translation>
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
        <source>a JSON answer without the envelope&apos;s status: %1</source>
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
    <name>JobDeck::ListCommand</name>
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
        <source>STATE       SUBMITTED             DURATION   JOB                                   NAME</source>
        <translation>状态        提交时间              耗时       作业                                  名称</translation>
    </message>
    <message>
        <source>TASK      STATE       ENGINE        SUBMITTED             DURATION   JOB</source>
        <translation>任务      状态        引擎          提交时间              耗时       作业</translation>
    </message>
    <message>
        <source>page %1 of %2, %3 jobs in all</source>
        <translation>第 %1 页，共 %2 页，共 %3 个作业</translation>
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
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 ended without starting (see %2)</source>
        <translation>%1 未启动就已退出（见 %2）</translation>
    </message>
    <message>
        <source>%1 did not start: %2</source>
        <translation>%1 未能启动：%2</translation>
    </message>
    <message>
        <source>%1 did not start within %2 s (see %3)</source>
        <translation>%1 未在 %2 秒内启动（见 %3）</translation>
    </message>
</context>
<context>
    <name>JobDeck::LogCommand</name>
    <message>
        <source>--from needs a line number (counting from 1)</source>
        <translation>--from 需要行号（从 1 开始）</translation>
    </message>
    <message>
        <source>--level needs one of fatal, error, warn, info, debug, trace</source>
        <translation>--level 需要 fatal、error、warn、info、debug、trace 之一</translation>
    </message>
    <message>
        <source>--grep needs a regular expression: %1</source>
        <translation>--grep 需要一个正则表达式：%1</translation>
    </message>
</context>
<context>
    <name>JobDeck::LogDock</name>
    <message>
        <source>No log to show</source>
        <translation>没有可显示的日志</translation>
    </message>
    <message>
        <source>Select a job in the job list to follow its log; new lines stream in while it runs.</source>
        <translation>在作业列表中选择一个作业即可跟踪其日志；作业运行时新的日志行会实时显示。</translation>
    </message>
    <message>
        <source>— Output of “%1” (job %2) —</source>
        <translation>— “%1”的输出（作业 %2）—</translation>
    </message>
    <message>
        <source>(the step wrote nothing)</source>
        <translation>（该步骤没有输出）</translation>
    </message>
    <message>
        <source>The output of step “%1” of job %2</source>
        <translation>作业 %2 的步骤“%1”的输出</translation>
    </message>
    <message>
        <source>“%1”: lines %2–%3 of the job&apos;s log, selected</source>
        <translation>“%1”：已选中作业日志的第 %2–%3 行</translation>
    </message>
    <message>
        <source>Show the Job&apos;s Log</source>
        <translation>显示作业日志</translation>
    </message>
    <message>
        <source>Back to the whole log of the job</source>
        <translation>返回作业的完整日志</translation>
    </message>
</context>
<context>
    <name>JobDeck::LogPanel</name>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 个匹配</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>No marks: click a line number or press Ctrl+M</source>
        <translation>没有标记：单击行号或按 Ctrl+M</translation>
    </message>
    <message>
        <source>Marks (%1)</source>
        <translation>标记 (%1)</translation>
    </message>
    <message>
        <source>There is no log to save.</source>
        <translation>没有可保存的日志。</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot save the log to %1: %2</source>
        <translation>无法将日志保存到 %1：%2</translation>
    </message>
    <message>
        <source>The job failed.</source>
        <translation>作业失败。</translation>
    </message>
    <message>
        <source>The job failed: %1</source>
        <translation>作业失败：%1</translation>
    </message>
    <message>
        <source>First error, line %1: %2</source>
        <translation>第一个错误，第 %1 行：%2</translation>
    </message>
    <message>
        <source>Jump to end</source>
        <translation>跳到末尾</translation>
    </message>
    <message>
        <source>Jump to end (1 new line)</source>
        <translation>跳到末尾（1 行新内容）</translation>
    </message>
    <message>
        <source>Jump to end (%1 new lines)</source>
        <translation>跳到末尾（%1 行新内容）</translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation>搜索日志 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Regular expression (search and filters)</source>
        <translation>正则表达式（搜索和过滤）</translation>
    </message>
    <message>
        <source>Match case (search and filters)</source>
        <translation>区分大小写（搜索和过滤）</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配 (F3)</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>所有行</translation>
    </message>
    <message>
        <source>Trace and above</source>
        <translation>TRACE 及以上</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>DEBUG 及以上</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>INFO 及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Fatal only</source>
        <translation>仅致命错误</translation>
    </message>
    <message>
        <source>Show lines of this level and above</source>
        <translation>显示此级别及以上的行</translation>
    </message>
    <message>
        <source>Only lines with…</source>
        <translation>仅显示含…的行</translation>
    </message>
    <message>
        <source>Show only the lines that match this (Enter applies)</source>
        <translation>只显示与此匹配的行（按回车应用）</translation>
    </message>
    <message>
        <source>Hide lines with…</source>
        <translation>隐藏含…的行</translation>
    </message>
    <message>
        <source>Hide the lines that match this (Enter applies)</source>
        <translation>隐藏与此匹配的行（按回车应用）</translation>
    </message>
    <message>
        <source>◀ Error</source>
        <translation>◀ 错误</translation>
    </message>
    <message>
        <source>Previous error (Shift+F8)</source>
        <translation>上一个错误 (Shift+F8)</translation>
    </message>
    <message>
        <source>Error ▶</source>
        <translation>错误 ▶</translation>
    </message>
    <message>
        <source>Next error (F8)</source>
        <translation>下一个错误 (F8)</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Mark or unmark the current line (Ctrl+M, or click its number)</source>
        <translation>标记或取消标记当前行（Ctrl+M，或单击其行号）</translation>
    </message>
    <message>
        <source>Previous mark (Shift+F2)</source>
        <translation>上一个标记 (Shift+F2)</translation>
    </message>
    <message>
        <source>Next mark (F2)</source>
        <translation>下一个标记 (F2)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected lines (Ctrl+C)</source>
        <translation>复制所选的行 (Ctrl+C)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the whole log to a file</source>
        <translation>将整个日志保存到文件</translation>
    </message>
    <message>
        <source>Go to the error</source>
        <translation>转到该错误</translation>
    </message>
</context>
<context>
    <name>JobDeck::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
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
        <source>&amp;Job</source>
        <translation>作业(&amp;J)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&amp;Notify When Jobs End</source>
        <translation>作业结束时通知(&amp;N)</translation>
    </message>
    <message>
        <source>A desktop notification when a job run or followed here ends</source>
        <translation>在此运行或跟踪的作业结束时发出桌面通知</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Ln %1, Col %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>Follow the Desktop</source>
        <translation>跟随桌面</translation>
    </message>
    <message>
        <source>%1[*] — JobDeck</source>
        <translation>%1[*] — JobDeck</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>库表结构</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>血缘</translation>
    </message>
</context>
<context>
    <name>JobDeck::PasswordDialog</name>
    <message>
        <source>Token for %1</source>
        <translation>%1 的 Token</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Connecting to %1.</source>
        <translation>正在连接 %1。</translation>
    </message>
    <message>
        <source>Connecting to %1 as %2.</source>
        <translation>正在以 %2 身份连接 %1。</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>Token(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>在系统密钥环中记住(&amp;R)</translation>
    </message>
    <message>
        <source>It cannot be remembered: %1</source>
        <translation>无法记住：%1</translation>
    </message>
</context>
<context>
    <name>JobDeck::ProfileStore</name>
    <message>
        <source>The system keychain refused access (it may be locked): %1</source>
        <translation>系统密钥环拒绝访问（可能已锁定）：%1</translation>
    </message>
    <message>
        <source>The system keychain is not available: no Secret Service answered on the D-Bus session bus (%1). JobDeck keeps passwords and tokens only in the keychain; start one (GNOME Keyring, KWallet, KeePassXC) or type the secret when asked.</source>
        <translation>系统密钥环不可用：D-Bus 会话总线上没有 Secret Service 应答（%1）。JobDeck 只在密钥环中保存密码和 Token；请启动一个密钥环服务（GNOME Keyring、KWallet、KeePassXC），或在提示时输入密码或 Token。</translation>
    </message>
    <message>
        <source>A connection needs a name.</source>
        <translation>连接需要名称。</translation>
    </message>
    <message>
        <source>A connection&apos;s name cannot contain “/” or “\”.</source>
        <translation>连接名称不能包含“/”或“\”。</translation>
    </message>
    <message>
        <source>A connection&apos;s name cannot begin or end with a space.</source>
        <translation>连接名称的开头和结尾不能是空格。</translation>
    </message>
    <message>
        <source>Cannot write the settings file %1</source>
        <translation>无法写入设置文件 %1</translation>
    </message>
    <message>
        <source>There is no connection named “%1”.</source>
        <translation>没有名为“%1”的连接。</translation>
    </message>
    <message>
        <source>There is already a connection named “%1”.</source>
        <translation>已存在名为“%1”的连接。</translation>
    </message>
</context>
<context>
    <name>JobDeck::ProgressChart</name>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
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
    <message>
        <source>Estimated to finish in %1, at %2 (%3 % a second lately)</source>
        <translation>预计 %1 后完成，约在 %2（最近每秒 %3 %）</translation>
    </message>
    <message>
        <source>Estimated to finish in %1, at %2 (%3 % a minute lately)</source>
        <translation>预计 %1 后完成，约在 %2（最近每分钟 %3 %）</translation>
    </message>
    <message>
        <source>Finished after %1</source>
        <translation>用时 %1 完成</translation>
    </message>
    <message>
        <source>Ended (%1) at %2 %</source>
        <translation>已结束（%1），停在 %2 %</translation>
    </message>
    <message>
        <source>No estimate yet: the job is not moving forward</source>
        <translation>暂无估计：作业没有进展</translation>
    </message>
    <message>
        <source>No progress reported yet</source>
        <translation>尚未报告进度</translation>
    </message>
    <message>
        <source>seconds since the start</source>
        <translation>自开始起的秒数</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Durations</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Task counts of the sub-jobs the server reports</source>
        <translation>服务器报告的子作业的任务数</translation>
    </message>
    <message>
        <source>How long each step or statement took</source>
        <translation>每个步骤或语句所用的时间</translation>
    </message>
</context>
<context>
    <name>JobDeck::ProgressCommand</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
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
        <source>  %1 of %2 steps done</source>
        <translation>  %2 个步骤中已完成 %1 个</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1：%2</translation>
    </message>
</context>
<context>
    <name>JobDeck::ProgressPanel</name>
    <message>
        <source>No progress to chart</source>
        <translation>没有可绘制的进度</translation>
    </message>
    <message>
        <source>Select a job to chart its progress over time, with an estimate of when it ends, its sub-jobs&apos; tasks and its steps&apos; durations.</source>
        <translation>选择一个作业，以图表查看其进度随时间的变化、预计结束时间、子作业的任务以及各步骤的耗时。</translation>
    </message>
</context>
<context>
    <name>JobDeck::RecoveryStore</name>
    <message>
        <source>“%1” cannot name a recovery file</source>
        <translation>“%1”不能用作恢复文件的名称</translation>
    </message>
    <message>
        <source>Cannot create the recovery folder %1</source>
        <translation>无法创建恢复文件夹 %1</translation>
    </message>
    <message>
        <source>Cannot keep the script in %1: %2</source>
        <translation>无法将脚本保存到 %1：%2</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the kept script %1: %2</source>
        <translation>无法读取保存的脚本 %1：%2</translation>
    </message>
</context>
<context>
    <name>JobDeck::ResultExporter</name>
    <message>
        <source>This build of JobDeck cannot write the character set %1</source>
        <translation>此版本的 JobDeck 无法写入字符集 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was left as it was</source>
        <translation>导出已取消；%1 保持原样</translation>
    </message>
    <message>
        <source>The connection of this result set is closed</source>
        <translation>此结果集的连接已关闭</translation>
    </message>
    <message>
        <source>Reading page %1 of the result set failed: %2</source>
        <translation>读取结果集第 %1 页失败：%2</translation>
    </message>
</context>
<context>
    <name>JobDeck::ResultSetModel</name>
    <message>
        <source>The connection of this result set is closed</source>
        <translation>此结果集的连接已关闭</translation>
    </message>
</context>
<context>
    <name>JobDeck::ResultSetView</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 (%2 rows)</source>
        <translation>%1（%2 行）</translation>
    </message>
    <message>
        <source>Reading the first rows…</source>
        <translation>正在读取前几行…</translation>
    </message>
    <message>
        <source>No rows</source>
        <translation>没有行</translation>
    </message>
    <message>
        <source>Rows 1–%1 of %2</source>
        <translation>第 1–%1 行，共 %2 行</translation>
    </message>
    <message>
        <source>Rows 1–%1 of %1</source>
        <translation>第 1–%1 行，共 %1 行</translation>
    </message>
    <message>
        <source>Rows 1–%1; the server has more</source>
        <translation>第 1–%1 行；服务器上还有更多</translation>
    </message>
    <message>
        <source>reading more…</source>
        <translation>正在读取更多…</translation>
    </message>
    <message>
        <source>scroll down to read more</source>
        <translation>向下滚动以读取更多</translation>
    </message>
    <message>
        <source>sorted by %1: only the %2 rows read so far</source>
        <translation>按 %1 排序：仅限目前已读取的 %2 行</translation>
    </message>
    <message>
        <source>reading failed: %1</source>
        <translation>读取失败：%1</translation>
    </message>
    <message>
        <source>Export the Whole Result Set…</source>
        <translation>导出整个结果集…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected cells</source>
        <translation>复制选中的单元格</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the whole result set to a file, read from the server&apos;s result file</source>
        <translation>把整个结果集写入文件，从服务器的结果文件读取</translation>
    </message>
    <message>
        <source>Copy as TSV</source>
        <translation>复制为 TSV</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>复制为 CSV</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>复制为 Markdown</translation>
    </message>
    <message>
        <source>Copy as SQL INSERT</source>
        <translation>复制为 SQL INSERT 语句</translation>
    </message>
</context>
<context>
    <name>JobDeck::ResultsCommand</name>
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
</context>
<context>
    <name>JobDeck::ResultsPanel</name>
    <message>
        <source>No results to show</source>
        <translation>没有可显示的结果</translation>
    </message>
    <message>
        <source>Select a job that has succeeded to see the rows its statements returned.</source>
        <translation>选择一个已成功的作业，查看其语句返回的行。</translation>
    </message>
</context>
<context>
    <name>JobDeck::RunTaskCommand</name>
    <message>
        <source>run-task needs the task&apos;s numeric id, got &apos;%1&apos;</source>
        <translation>run-task 需要数字形式的任务 ID，收到的是“%1”</translation>
    </message>
    <message>
        <source>task %1 started as job %2</source>
        <translation>任务 %1 已启动，作业为 %2</translation>
    </message>
</context>
<context>
    <name>JobDeck::SchemaBrowser</name>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>读取%1失败：%2</translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>Insert at Cursor</source>
        <translation>插入到光标处</translation>
    </message>
    <message>
        <source>Preview Rows</source>
        <translation>预览数据</translation>
    </message>
    <message>
        <source>Copy All Column Names</source>
        <translation>复制全部列名</translation>
    </message>
    <message>
        <source>Show DDL</source>
        <translation>显示 DDL</translation>
    </message>
    <message>
        <source>This connection&apos;s server does not tell a table&apos;s DDL</source>
        <translation>此连接的服务器不提供表的 DDL</translation>
    </message>
    <message>
        <source>This connection&apos;s server tells no schema</source>
        <translation>此连接的服务器不提供库表结构</translation>
    </message>
    <message>
        <source>Reading the databases…</source>
        <translation>正在读取数据库…</translation>
    </message>
    <message>
        <source>No databases read yet</source>
        <translation>尚未读取数据库</translation>
    </message>
    <message>
        <source>the search covers what has been read</source>
        <translation>搜索范围为已读取的内容</translation>
    </message>
    <message>
        <source>Search databases, tables and columns</source>
        <translation>搜索数据库、表和列</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Forget what was read and read the databases again</source>
        <translation>丢弃已读取的内容，重新读取数据库</translation>
    </message>
    <message>
        <source>%1, %2 and %3 read</source>
        <translation>已读取 %1、%2 和 %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln database(s)</source>
        <translation>
            <numerusform>%Ln 个数据库</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln table(s)</source>
        <translation>
            <numerusform>%Ln 张表</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s)</source>
        <translation>
            <numerusform>%Ln 列</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDeck::SchemaCache</name>
    <message>
        <source>the databases</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>the tables of %1</source>
        <translation>%1 的表</translation>
    </message>
    <message>
        <source>the columns of %1.%2</source>
        <translation>%1.%2 的列</translation>
    </message>
</context>
<context>
    <name>JobDeck::SchemaModel</name>
    <message>
        <source>%1, partition key</source>
        <translation>%1，分区键</translation>
    </message>
    <message>
        <source>view</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>cube</source>
        <translation>Cube</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表</translation>
    </message>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n 张表</numerusform>
        </translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cube(s)</source>
        <translation>
            <numerusform>%n 个 Cube</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>JobDeck::SchemaPanel</name>
    <message>
        <source>No connection</source>
        <translation>没有连接</translation>
    </message>
    <message>
        <source>Open a connection: the databases, tables and columns of the one the scripts run on are listed here.</source>
        <translation>打开一个连接：脚本所运行连接的数据库、表和列会列在这里。</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>The schema of %1 is listed once it is connected.</source>
        <translation>%1 连接后即列出其结构。</translation>
    </message>
    <message>
        <source>No schema</source>
        <translation>没有结构信息</translation>
    </message>
    <message>
        <source>%1 does not tell its databases and tables. Linkis, Kylin and the Local server do.</source>
        <translation>%1 不提供其数据库和表。Linkis、Kylin 和本地服务器提供。</translation>
    </message>
</context>
<context>
    <name>JobDeck::ScriptWorkspace</name>
    <message>
        <source>Scripts (*.sql *.hql *.fsql *.flinksql *.py *.scala *.sh);;SQL (*.sql);;HiveQL (*.hql);;Flink SQL (*.fsql *.flinksql);;Python (*.py);;Scala (*.scala);;Shell (*.sh);;All files (*)</source>
        <translation>脚本 (*.sql *.hql *.fsql *.flinksql *.py *.scala *.sh);;SQL (*.sql);;HiveQL (*.hql);;Flink SQL (*.fsql *.flinksql);;Python (*.py);;Scala (*.scala);;Shell (*.sh);;所有文件 (*)</translation>
    </message>
    <message>
        <source>it is %1 MB; scripts larger than %2 MB cannot be edited here</source>
        <translation>文件大小为 %1 MB；超过 %2 MB 的脚本无法在此编辑</translation>
    </message>
    <message>
        <source>Untitled %1</source>
        <translation>未命名 %1</translation>
    </message>
    <message>
        <source>-- Welcome to JobDeck. Press Ctrl+Return to run the statement under the cursor on the
-- local job server (SQLite), Ctrl+Shift+Return to run the whole script.
-- What you type is kept and comes back on the next start.
CREATE TABLE IF NOT EXISTS staff (name TEXT PRIMARY KEY, dept TEXT, salary REAL, hired_on TEXT);
INSERT OR IGNORE INTO staff VALUES (&apos;Ann&apos;, &apos;ops&apos;, 5200, &apos;2024-03-01&apos;),
    (&apos;Bo&apos;, &apos;dev&apos;, 6100, &apos;2024-05-12&apos;), (&apos;Cy&apos;, &apos;dev&apos;, 5900, &apos;2023-11-20&apos;);
SELECT dept, COUNT(*) AS employees, AVG(salary) AS avg_salary
FROM staff
WHERE hired_on &gt;= &apos;2024-01-01&apos;
GROUP BY dept
ORDER BY employees DESC;
</source>
        <translation>-- 欢迎使用 JobDeck。按 Ctrl+Return 在本地作业服务器（SQLite）上运行光标所在的语句，
-- 按 Ctrl+Shift+Return 运行整个脚本。
-- 您输入的内容会被保存，下次启动时恢复。
CREATE TABLE IF NOT EXISTS staff (name TEXT PRIMARY KEY, dept TEXT, salary REAL, hired_on TEXT);
INSERT OR IGNORE INTO staff VALUES (&apos;Ann&apos;, &apos;ops&apos;, 5200, &apos;2024-03-01&apos;),
    (&apos;Bo&apos;, &apos;dev&apos;, 6100, &apos;2024-05-12&apos;), (&apos;Cy&apos;, &apos;dev&apos;, 5900, &apos;2023-11-20&apos;);
SELECT dept, COUNT(*) AS employees, AVG(salary) AS avg_salary
FROM staff
WHERE hired_on &gt;= &apos;2024-01-01&apos;
GROUP BY dept
ORDER BY employees DESC;
</translation>
    </message>
    <message>
        <source>JobDeck did not end normally last time. Recovered with their unsaved changes: %1. Nothing was written to your files; save to keep the changes.</source>
        <translation>JobDeck 上次没有正常退出。已恢复以下脚本及其未保存的修改：%1。您的文件没有被写入；保存即可保留这些修改。</translation>
    </message>
    <message>
        <source>These files cannot be read any more; their last text is in their tabs: %1</source>
        <translation>以下文件已无法读取；它们最后的内容保留在各自的标签页中：%1</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>%1 (not saved to a file yet)</source>
        <translation>%1（尚未保存到文件）</translation>
    </message>
    <message>
        <source>There is nothing to run here: the script is empty</source>
        <translation>这里没有可运行的内容：脚本为空</translation>
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
        <source>Save Script As</source>
        <translation>脚本另存为</translation>
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
        <source>Close Script</source>
        <translation>关闭脚本</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Save them before closing the tab?</source>
        <translation>关闭标签页之前保存这些修改吗？</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>These scripts have changes that are not saved: %1.</source>
        <translation>以下脚本有尚未保存的修改：%1。</translation>
    </message>
    <message>
        <source>Save them before closing? Untitled scripts are kept and come back on the next start.</source>
        <translation>关闭之前保存这些修改吗？未命名的脚本会被保留，下次启动时恢复。</translation>
    </message>
    <message>
        <source>%1 was removed from the disk; its text stays in the tab, save to write it again</source>
        <translation>%1 已从磁盘上删除；其内容仍保留在标签页中，保存即可重新写入</translation>
    </message>
    <message>
        <source>File Changed on Disk</source>
        <translation>磁盘上的文件已更改</translation>
    </message>
    <message>
        <source>%1 was changed by another program.</source>
        <translation>%1 已被其他程序修改。</translation>
    </message>
    <message>
        <source>Reload it and lose your unsaved changes, or keep your version?</source>
        <translation>重新加载并丢弃您未保存的修改，还是保留您的版本？</translation>
    </message>
    <message>
        <source>Reload it, or keep the text you have here?</source>
        <translation>重新加载，还是保留这里的内容？</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>Open Scripts</source>
        <translation>打开脚本</translation>
    </message>
    <message>
        <source>No recent scripts</source>
        <translation>没有最近的脚本</translation>
    </message>
    <message>
        <source>&amp;Clear the List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>转到行</translation>
    </message>
    <message>
        <source>Line (1 to %1):</source>
        <translation>行（1 到 %1）：</translation>
    </message>
    <message>
        <source>&amp;New Script</source>
        <translation>新建脚本(&amp;N)</translation>
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
        <source>&amp;Close Script</source>
        <translation>关闭脚本(&amp;C)</translation>
    </message>
    <message>
        <source>Close &amp;Other Scripts</source>
        <translation>关闭其他脚本(&amp;O)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run Statement</source>
        <translation>运行语句(&amp;R)</translation>
    </message>
    <message>
        <source>the job server</source>
        <translation>作业服务器</translation>
    </message>
    <message>
        <source>Run the statement under the cursor, or the selection, on %1 (Ctrl+Return)</source>
        <translation>在 %1 上运行光标所在的语句或选中的内容（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Run &amp;Whole Script</source>
        <translation>运行整个脚本(&amp;W)</translation>
    </message>
    <message>
        <source>Run the whole script on %1 (Ctrl+Shift+Return)</source>
        <translation>在 %1 上运行整个脚本（Ctrl+Shift+Return）</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>转到行(&amp;G)…</translation>
    </message>
    <message>
        <source>Co&amp;mment or Uncomment Lines</source>
        <translation>注释或取消注释行(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Indent Lines</source>
        <translation>增加缩进(&amp;I)</translation>
    </message>
    <message>
        <source>U&amp;nindent Lines</source>
        <translation>减少缩进(&amp;N)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
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
        <source>Runs as:</source>
        <translation>运行方式：</translation>
    </message>
    <message>
        <source>The engine and language this script runs with on %1</source>
        <translation>此脚本在 %1 上运行时使用的引擎和语言</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
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
        <source>Cannot read the results of %1: %2</source>
        <translation>无法读取 %1 的结果：%2</translation>
    </message>
    <message>
        <source>Cannot read %1 of %2: %3</source>
        <translation>无法读取 %2 的 %1：%3</translation>
    </message>
    <message>
        <source>There is no job %1 here</source>
        <translation>这里没有作业 %1</translation>
    </message>
    <message>
        <source>Cannot read the details of %1: %2</source>
        <translation>无法读取 %1 的详情：%2</translation>
    </message>
    <message>
        <source>Cannot read the output of step %1 of %2: %3</source>
        <translation>无法读取 %2 中步骤 %1 的输出：%3</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot export the lineage of %1: %2</source>
        <translation>无法导出 %1 的血缘：%2</translation>
    </message>
    <message>
        <source>Lineage of %1 written to %2</source>
        <translation>%1 的血缘已写入 %2</translation>
    </message>
    <message>
        <source>Task %1 did not start: %2</source>
        <translation>任务 %1 未能启动：%2</translation>
    </message>
    <message>
        <source>Job %1 was not stopped: %2</source>
        <translation>作业 %1 未能终止：%2</translation>
    </message>
    <message>
        <source>Job %1 was not paused: %2</source>
        <translation>作业 %1 未能暂停：%2</translation>
    </message>
    <message>
        <source>Job %1 was not resumed: %2</source>
        <translation>作业 %1 未能恢复：%2</translation>
    </message>
    <message>
        <source>Job %1 was not dropped: %2</source>
        <translation>作业 %1 未能删除：%2</translation>
    </message>
    <message>
        <source>Job %1 was not restarted: %2</source>
        <translation>作业 %1 未能重启：%2</translation>
    </message>
    <message>
        <source>No savepoint was taken of job %1: %2</source>
        <translation>未能为作业 %1 触发保存点：%2</translation>
    </message>
    <message>
        <source>The state of job %1 was not refreshed: %2</source>
        <translation>作业 %1 的状态未能刷新：%2</translation>
    </message>
    <message>
        <source>The lineage of %1 cannot be exported: not connected to %2</source>
        <translation>无法导出 %1 的血缘：尚未连接到 %2</translation>
    </message>
    <message>
        <source>Cannot read page %1 of the job history: %2</source>
        <translation>无法读取作业历史的第 %1 页：%2</translation>
    </message>
    <message>
        <source>Connected to %1 again</source>
        <translation>已重新连接到 %1</translation>
    </message>
    <message>
        <source>Lost the connection to %1: %2</source>
        <translation>与 %1 的连接中断：%2</translation>
    </message>
    <message>
        <source>Cannot read the lineage of %1: %2</source>
        <translation>无法读取 %1 的血缘：%2</translation>
    </message>
</context>
<context>
    <name>JobDeck::Sqlflow</name>
    <message>
        <source>This address has no SQLFlow service (HTTP 404); check the URL</source>
        <translation>该地址没有 SQLFlow 服务（HTTP 404），请检查 URL</translation>
    </message>
    <message>
        <source>The proxy in front of SQLFlow could not reach it: %1</source>
        <translation>SQLFlow 前面的代理无法连接 SQLFlow：%1</translation>
    </message>
    <message>
        <source>The server refused the credentials (HTTP 401)</source>
        <translation>服务器拒绝了凭据（HTTP 401）</translation>
    </message>
    <message>
        <source>The server did not answer as SQLFlow: %1</source>
        <translation>服务器的应答不符合 SQLFlow 协议：%1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>The server did not answer as SQLFlow (no code): %1</source>
        <translation>服务器的应答不符合 SQLFlow 协议（缺少 code）：%1</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 without a message</source>
        <translation>服务器返回 HTTP %1，但没有说明</translation>
    </message>
    <message>
        <source>The server refused the request (code %1) without saying why</source>
        <translation>服务器拒绝了请求（code %1），但没有说明原因</translation>
    </message>
    <message>
        <source>SQLFlow refused the user id or secret key: %1</source>
        <translation>SQLFlow 拒绝了用户 ID 或密钥：%1</translation>
    </message>
    <message>
        <source>The token answer holds no token: %1</source>
        <translation>Token 应答中没有 Token：%1</translation>
    </message>
    <message>
        <source>SQLFlow could not analyse the SQL</source>
        <translation>SQLFlow 无法分析该 SQL</translation>
    </message>
    <message>
        <source>Partial success: some statements could not be analysed</source>
        <translation>部分成功：有些语句无法分析</translation>
    </message>
    <message>
        <source>Partial success: %1</source>
        <translation>部分成功：%1</translation>
    </message>
    <message>
        <source>SQLFlow has no job %1</source>
        <translation>SQLFlow 中没有作业 %1</translation>
    </message>
    <message>
        <source>The server did not answer as SQLFlow: %1 (%2)</source>
        <translation>服务器的应答不符合 SQLFlow 协议：%1（%2）</translation>
    </message>
    <message>
        <source>the answer has no job</source>
        <translation>应答中没有作业</translation>
    </message>
    <message>
        <source>a summary of all jobs where one job was expected</source>
        <translation>应为单个作业，却收到了所有作业的汇总</translation>
    </message>
    <message>
        <source>the job has no jobId</source>
        <translation>作业没有 jobId</translation>
    </message>
    <message>
        <source>asked for job %1, the answer is about job %2</source>
        <translation>请求的是作业 %1，应答的却是作业 %2</translation>
    </message>
    <message>
        <source>The server did not answer as SQLFlow: no job summary (%1)</source>
        <translation>服务器的应答不符合 SQLFlow 协议：没有作业汇总（%1）</translation>
    </message>
    <message>
        <source>The server sent no lineage file but %1</source>
        <translation>服务器发来的不是血缘文件，而是：%1</translation>
    </message>
</context>
<context>
    <name>JobDeck::SqlflowBackend</name>
    <message>
        <source>SQLFlow needs your user id (the “userId” of your account) with the secret key</source>
        <translation>SQLFlow 需要您的用户 ID（即账号的“userId”）和密钥</translation>
    </message>
    <message>
        <source>SQLFlow needs your user id (the “userId” of your account)</source>
        <translation>SQLFlow 需要您的用户 ID（即账号的“userId”）</translation>
    </message>
    <message>
        <source>No job id given</source>
        <translation>未指定作业 ID</translation>
    </message>
    <message>
        <source>SQLFlow needs the database vendor of the SQL (for example dbvoracle, dbvmssql, dbvhive); none was given</source>
        <translation>SQLFlow 需要知道 SQL 的数据库类型（例如 dbvoracle、dbvmssql、dbvhive），但未指定</translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation>文件不存在：%1</translation>
    </message>
    <message>
        <source>Not a file: %1</source>
        <translation>不是文件：%1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>No SQL files to analyse</source>
        <translation>没有要分析的 SQL 文件</translation>
    </message>
    <message>
        <source>SQLFlow answered the incremental submit to job %1 with another job, %2</source>
        <translation>SQLFlow 对作业 %1 的增量提交返回了另一个作业 %2</translation>
    </message>
    <message>
        <source>Job %1 deleted</source>
        <translation>作业 %1 已删除</translation>
    </message>
    <message>
        <source>Nowhere to write the lineage</source>
        <translation>没有可写入血缘的位置</translation>
    </message>
    <message>
        <source>The lineage of job %1 can be exported once SQLFlow has analysed it (success or partial_success); it is %2</source>
        <translation>作业 %1 须在 SQLFlow 分析完成（success 或 partial_success）后才能导出血缘；当前状态为 %2</translation>
    </message>
    <message>
        <source>Reporting a job&apos;s progress</source>
        <translation>报告作业进度</translation>
    </message>
    <message>
        <source>Reading a job&apos;s log</source>
        <translation>读取作业日志</translation>
    </message>
    <message>
        <source>Stopping a job</source>
        <translation>停止作业</translation>
    </message>
    <message>
        <source>Reading result sets</source>
        <translation>读取结果集</translation>
    </message>
    <message>
        <source>The files add up to more than %1 MB, more than JobDeck sends SQLFlow at once</source>
        <translation>文件合计超过 %1 MB，超出 JobDeck 一次向 SQLFlow 发送的上限</translation>
    </message>
</context>
<context>
    <name>JobDeck::StatusCommand</name>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Flink job</source>
        <translation>Flink 作业</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
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
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>%1 (see: steps %2)</source>
        <translation>%1（详见 steps %2）</translation>
    </message>
</context>
<context>
    <name>JobDeck::StepOutputCommand</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
</context>
<context>
    <name>JobDeck::StepTimeline</name>
    <message>
        <source>Zoom in (+, mouse wheel)</source>
        <translation>放大（+，鼠标滚轮）</translation>
    </message>
    <message>
        <source>Zoom out (−, mouse wheel)</source>
        <translation>缩小（−，鼠标滚轮）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Show the whole job and follow it as it runs (F)</source>
        <translation>显示整个作业并在运行时跟随（F）</translation>
    </message>
    <message>
        <source>Drag or Shift+wheel to pan; click a step for its log</source>
        <translation>拖动或 Shift+滚轮平移；点击步骤查看其日志</translation>
    </message>
</context>
<context>
    <name>JobDeck::StepsCommand</name>
    <message>
        <source>#   STATE       STARTED                  ENDED                    DURATION   NAME</source>
        <translation>#   状态        开始时间                 结束时间                 耗时       名称</translation>
    </message>
    <message>
        <source>%1 has no steps</source>
        <translation>%1 没有步骤</translation>
    </message>
</context>
<context>
    <name>JobDeck::StepsPanel</name>
    <message>
        <source>No job selected</source>
        <translation>未选择作业</translation>
    </message>
    <message>
        <source>Select a job in the job list to see its steps on a timeline.</source>
        <translation>在作业列表中选择一个作业，即可在时间轴上查看它的各个步骤。</translation>
    </message>
    <message>
        <source>No steps yet</source>
        <translation>还没有步骤</translation>
    </message>
    <message>
        <source>The job&apos;s steps appear here as the server reports them.</source>
        <translation>服务器报告作业的步骤后，会在这里显示。</translation>
    </message>
    <message>
        <source>No steps</source>
        <translation>没有步骤</translation>
    </message>
    <message>
        <source>Step &amp;Output</source>
        <translation>步骤输出(&amp;O)</translation>
    </message>
    <message>
        <source>This job reports no steps, sub-jobs or statements; Kylin steps, Linkis sub-jobs and local SQL statements show here.</source>
        <translation>该作业不报告步骤、子作业或语句；Kylin 的步骤、Linkis 的子作业和本地 SQL 语句会显示在这里。</translation>
    </message>
    <message>
        <source>Select a job, then one of its steps in the Steps panel</source>
        <translation>选择一个作业，再在“步骤”面板中选择它的一个步骤</translation>
    </message>
    <message>
        <source>This job has no steps in the Steps panel</source>
        <translation>该作业在“步骤”面板中没有步骤</translation>
    </message>
    <message>
        <source>Select a step in the Steps panel to see its log</source>
        <translation>在“步骤”面板中选择一个步骤以查看其日志</translation>
    </message>
    <message>
        <source>Show the log of the step selected in the Steps panel</source>
        <translation>显示“步骤”面板中所选步骤的日志</translation>
    </message>
</context>
<context>
    <name>JobDeck::SubmitCommand</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>submitted %1</source>
        <translation>已提交 %1</translation>
    </message>
</context>
<context>
    <name>JobDeck::TimelineView</name>
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
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>开始：%1</translation>
    </message>
    <message>
        <source>End: %1</source>
        <translation>结束：%1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>耗时：%1</translation>
    </message>
    <message>
        <source>Wait: %1</source>
        <translation>等待：%1</translation>
    </message>
    <message>
        <source>Tasks: %1 succeeded, %2 failed, %3 running of %4</source>
        <translation>任务：共 %4 个，%1 个成功，%2 个失败，%3 个运行中</translation>
    </message>
    <message>
        <source>(times are when the console saw changes)</source>
        <translation>（时间为控制台观察到变化的时刻）</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
</context>
<context>
    <name>JobDeck::VariablesDialog</name>
    <message>
        <source>Script Variables</source>
        <translation>脚本变量</translation>
    </message>
    <message>
        <source>The server puts these values in place of the script&apos;s variables:</source>
        <translation>服务器会用以下值替换脚本中的变量：</translation>
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
        <source>another jobdeck-server (process %1) already serves %2; stop it, or give this one another --data-dir</source>
        <translation>另一个 jobdeck-server（进程 %1）已在服务 %2；请先停止它，或为本服务器指定另一个 --data-dir</translation>
    </message>
    <message>
        <source>It hands its token to no client (it runs without a runtime file): connect to %1 with a user&apos;s password.</source>
        <translation>它不向任何客户端提供令牌（运行时没有运行时文件）：请用用户密码连接 %1。</translation>
    </message>
    <message>
        <source>Programs started with XDG_RUNTIME_DIR=%1 find it by themselves; from elsewhere, connect to %2 with the token in %3 (jobdeck-cli --backend local --url %2, the token in JOBDECK_TOKEN).</source>
        <translation>以 XDG_RUNTIME_DIR=%1 启动的程序会自动找到它；在其他环境中，请用 %3 中的令牌连接 %2（jobdeck-cli --backend local --url %2，令牌放在 JOBDECK_TOKEN 中）。</translation>
    </message>
    <message>
        <source>Connect to %1 with the token in %2 (jobdeck-cli --backend local --url %1, the token in JOBDECK_TOKEN).</source>
        <translation>请用 %2 中的令牌连接 %1（jobdeck-cli --backend local --url %1，令牌放在 JOBDECK_TOKEN 中）。</translation>
    </message>
    <message>
        <source>another jobdeck-server (process %1, listening on %2) already serves %3. %4 To run a second server, give it another --data-dir.</source>
        <translation>另一个 jobdeck-server（进程 %1，监听 %2）已在服务 %3。%4 如需运行第二个服务器，请为它指定另一个 --data-dir。</translation>
    </message>
</context>
<context>
    <name>PrivateFile</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
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
        <source>Scripts to open, each in a tab.</source>
        <translation>要打开的脚本，每个打开在一个标签页中。</translation>
    </message>
</context>
</TS>
