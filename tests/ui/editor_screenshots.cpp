// Grabs the README's pictures of the script workspace: a Hive script with its Hive-only
// syntax, a Flink SQL script, the find bar, the variables form and the current-statement
// marker, in a light and a dark palette. Not a test; run under Xvfb:
//   editor-screenshots OUTPUT_DIR
#include "editor/findbar.h"
#include "editor/scriptworkspace.h"
#include "editor/sqleditor.h"
#include "editor/variablesdialog.h"

#include "screenshotpalette.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPainter>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace JobDeck;

namespace {

const char *HiveScript = R"(-- Daily tag counts: dynamic partitions, a lateral view, a distributed sort
SET hive.exec.dynamic.partition.mode=nonstrict;

INSERT OVERWRITE TABLE sales_by_tag PARTITION (dt = '${dt}')
SELECT tag, count(*) AS n, collect_set(user_id) AS users
FROM events LATERAL VIEW explode(tags) t AS tag
WHERE msg RLIKE 'it\'s; fine' AND amount > 1.5e3
GROUP BY tag
DISTRIBUTE BY tag SORT BY n DESC;

CREATE EXTERNAL TABLE IF NOT EXISTS raw (`key` STRING, v MAP<STRING, BIGINT>)
STORED AS ORC LOCATION '/data/raw' TBLPROPERTIES ('orc.compress' = 'ZLIB');
)";

const char *FlinkScript = R"(-- Clicks per minute, event time with a watermark, in one statement set
CREATE TABLE clicks (
  user_id BIGINT,
  url STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'clicks', 'format' = 'json');

EXECUTE STATEMENT SET BEGIN
INSERT INTO per_minute
SELECT window_start, window_end, COUNT(*) AS clicks
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTES))
GROUP BY window_start, window_end;
END;
)";

QString writeScript(const QTemporaryDir &dir, const QString &name, const char *text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(text);
    return path;
}

void putCursor(SqlEditor *editor, int line, int column)
{
    QTextCursor cursor(editor->document()->findBlockByNumber(line));
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, column);
    editor->setTextCursor(cursor);
}

void shoot(const QString &dir, const QString &variant)
{
    QTemporaryDir scripts;
    ScriptWorkspace workspace(nullptr, scripts.filePath(QStringLiteral("recovery")));
    workspace.setConnection(QStringLiteral("prod"),
                            QStringLiteral("prod"),
                            {{QStringLiteral("hive-3.1.3"), QStringLiteral("hql")},
                             {QStringLiteral("spark-3.2.1"), QStringLiteral("sql")},
                             {QStringLiteral("flink"), QStringLiteral("flinksql")}});
    workspace.restoreTabs();
    workspace.resize(980, 430);
    workspace.openFile(writeScript(scripts, QStringLiteral("sales_by_tag.hql"), HiveScript));
    workspace.show();
    if (!QTest::qWaitForWindowExposed(&workspace))
        qWarning("the workspace was not shown");
    SqlEditor *hive = workspace.currentEditor();
    putCursor(hive, 5, 12); // in the INSERT OVERWRITE statement: the marker spans its lines
    QTest::qWait(300);
    workspace.grab().save(dir + QStringLiteral("/editor-hive-%1.png").arg(variant));

    workspace.findBar()->openFind();
    workspace.findBar()->findEdit()->setText(QStringLiteral("tag"));
    putCursor(hive, 0, 0);
    workspace.findBar()->findNext();
    workspace.findBar()->findNext();
    QTest::qWait(200);
    workspace.grab().save(dir + QStringLiteral("/editor-find-%1.png").arg(variant));
    workspace.findBar()->hide();

    workspace.openFile(writeScript(scripts, QStringLiteral("clicks_per_minute.fsql"), FlinkScript));
    putCursor(workspace.currentEditor(), 10, 8); // inside the statement set
    QTest::qWait(300);
    workspace.grab().save(dir + QStringLiteral("/editor-flink-%1.png").arg(variant));

    VariablesDialog form({QStringLiteral("dt"), QStringLiteral("lo")},
                         {{QStringLiteral("dt"), QStringLiteral("2026-11-30")}},
                         nullptr);
    form.field(QStringLiteral("lo"))->setText(QStringLiteral("41"));
    form.resize(380, form.sizeHint().height());
    form.show();
    if (!QTest::qWaitForWindowExposed(&form))
        qWarning("the form was not shown");
    QTest::qWait(100);
    form.grab().save(dir + QStringLiteral("/editor-variables-%1.png").arg(variant));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[argc - 1]) : QStringLiteral(".");
    shoot(dir, QStringLiteral("light"));
    QApplication::setPalette(Screenshots::darkPalette());
    shoot(dir, QStringLiteral("dark"));
    return 0;
}
