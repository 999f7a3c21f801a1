<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>-- Welcome to JobDeck.
-- Write SQL here. What you type is kept and comes back on the next start.
SELECT dept, COUNT(*) AS employees, AVG(salary) AS avg_salary
FROM staff
WHERE hired_on &gt;= DATE '2024-01-01'
GROUP BY dept
ORDER BY employees DESC;
</source>
        <translation>-- 欢迎使用 JobDeck。
-- 在这里编写 SQL。输入的内容会自动保留，下次启动时依然在。
SELECT dept, COUNT(*) AS employees, AVG(salary) AS avg_salary
FROM staff
WHERE hired_on &gt;= DATE '2024-01-01'
GROUP BY dept
ORDER BY employees DESC;
</translation>
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
</context>
<context>
    <name>jobdeck-cli</name>
    <message>
        <source>Submit and follow big-data jobs from the terminal.</source>
        <translation>在终端中提交并跟踪大数据作业。</translation>
    </message>
    <message>
        <source>Language of messages: cn or en.</source>
        <translation>消息语言：cn 或 en。</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>要执行的命令。</translation>
    </message>
    <message>
        <source>jobdeck-cli: unknown language '%1' (use cn or en)</source>
        <translation>jobdeck-cli：未知语言“%1”（请使用 cn 或 en）</translation>
    </message>
    <message>
        <source>jobdeck-cli: unknown command '%1'</source>
        <translation>jobdeck-cli：未知命令“%1”</translation>
    </message>
</context>
<context>
    <name>jobdeck-server</name>
    <message>
        <source>JobDeck's local job service (Linkis-compatible).</source>
        <translation>JobDeck 本地作业服务（兼容 Linkis）。</translation>
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