// JobDeck's own syntax definitions: found where KSyntaxHighlighting looks for an
// application's add-ons, picked by file extension and run type, loaded without a warning,
// highlighting sample scripts as their golden files say (tests/ui/dialects/*.golden), and
// offering their keyword lists as completion.
#include "editor/dialectcompletion.h"
#include "editor/dialects.h"
#include "editor/syntaxrepository.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QFile>
#include <QTest>

using namespace JobDeck;

namespace {

#ifndef JOBDECK_DIALECT_SAMPLES
#error "the build names the folder of the sample scripts"
#endif

QString samplesDir()
{
    return QStringLiteral(JOBDECK_DIALECT_SAMPLES);
}

// Writes down every run the highlighter formats, line by line: "text|Format".
class RunRecorder final : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    QString record(const QString &text)
    {
        QString out;
        KSyntaxHighlighting::State state;
        const QStringList lines = text.split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i == lines.size() - 1 && lines[i].isEmpty())
                break;
            m_line = lines[i];
            m_runs.clear();
            state = highlightLine(m_line, state);
            out += QStringLiteral("%1:").arg(i + 1) + m_runs.join(QString()) + u'\n';
        }
        return out;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        if (length == 0)
            return;
        const QString text = m_line.mid(offset, length);
        if (text.trimmed().isEmpty())
            return; // spaces carry no meaning of their own
        m_runs << QStringLiteral(" [%1|%2]").arg(text, format.name());
    }

private:
    QString m_line;
    QStringList m_runs;
};

QtMessageHandler previousHandler = nullptr;
QStringList syntaxWarnings;
void recordSyntaxWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && context.category
        && QByteArrayView(context.category).startsWith("kf.syntaxhighlighting"))
        syntaxWarnings << message;
    previousHandler(type, context, message);
}

} // namespace

class TestDialects final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        previousHandler = qInstallMessageHandler(recordSyntaxWarnings);
        syntaxRepository(); // loads every definition, ours among them
    }

    void definitionsAreAddOns_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("file");
        QTest::newRow("hive") << QStringLiteral("HiveQL") << QStringLiteral("a.hql");
        QTest::newRow("spark") << QStringLiteral("Spark SQL") << QStringLiteral("a.sparksql");
        QTest::newRow("flink") << QStringLiteral("Flink SQL") << QStringLiteral("a.fsql");
        QTest::newRow("flink long") << QStringLiteral("Flink SQL") << QStringLiteral("a.flinksql");
    }

    void definitionsAreAddOns()
    {
        QFETCH(QString, name);
        QFETCH(QString, file);
        const KSyntaxHighlighting::Definition definition = syntaxRepository().definitionForName(name);
        QVERIFY(definition.isValid());
        QVERIFY2(definition.filePath().startsWith(u":/org.kde.syntax-highlighting/syntax-addons/"),
                 qPrintable(definition.filePath()));
        QCOMPARE(syntaxRepository().definitionForFileName(file).name(), name);
        QStringList lists = definition.keywordLists();
        lists.sort();
        QCOMPARE(
            lists,
            (QStringList{QStringLiteral("functions"), QStringLiteral("keywords"), QStringLiteral("types")}));
    }

    void loadingWarnsAboutNothing()
    {
        for (const char *name : {"HiveQL", "Spark SQL", "Flink SQL"}) {
            RunRecorder recorder;
            recorder.setDefinition(syntaxRepository().definitionForName(QLatin1StringView(name)));
            recorder.setTheme(syntaxRepository().defaultTheme());
            recorder.record(QStringLiteral("SELECT 1; -- x\n/* y */ '${z}'"));
        }
        QVERIFY2(syntaxWarnings.isEmpty(), qPrintable(syntaxWarnings.join(u'\n')));
    }

    void dialectFollowsTheExtensionThenTheRunType_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("runType");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("comment");
        QTest::newRow(".hql on spark") << "q.hql"
                                       << "sql"
                                       << "spark-3.2.1"
                                       << "HiveQL"
                                       << "--";
        QTest::newRow(".fsql") << "q.fsql"
                               << ""
                               << ""
                               << "Flink SQL"
                               << "--";
        QTest::newRow(".flinksql") << "q.flinksql"
                                   << "sql"
                                   << "sqlite"
                                   << "Flink SQL"
                                   << "--";
        QTest::newRow(".sql as hql") << "q.sql"
                                     << "hql"
                                     << "hive-3.1.3"
                                     << "HiveQL"
                                     << "--";
        QTest::newRow(".sql on spark") << "q.sql"
                                       << "sql"
                                       << "spark-3.2.1"
                                       << "Spark SQL"
                                       << "--";
        QTest::newRow("untitled flink") << ""
                                        << "flinksql"
                                        << "flink"
                                        << "Flink SQL"
                                        << "--";
        QTest::newRow("sqlite") << ""
                                << "sql"
                                << "sqlite"
                                << "SQL"
                                << "--";
        QTest::newRow("trino") << "q.sql"
                               << "tsql"
                               << "trino-371"
                               << "SQL"
                               << "--";
        QTest::newRow("python") << ""
                                << "python"
                                << "python-python3"
                                << "Python"
                                << "#";
        QTest::newRow(".py") << "job.py"
                             << "sql"
                             << "spark-3.2.1"
                             << "Python"
                             << "#";
        QTest::newRow("scala") << ""
                               << "scala"
                               << "spark-3.2.1"
                               << "Scala"
                               << "//";
        QTest::newRow("shell") << ""
                               << "shell"
                               << "shell"
                               << "Bash"
                               << "#";
    }

    void dialectFollowsTheExtensionThenTheRunType()
    {
        QFETCH(QString, file);
        QFETCH(QString, runType);
        QFETCH(QString, engine);
        QFETCH(QString, definition);
        QFETCH(QString, comment);
        const Dialect dialect = dialectFor(file, runType, engine);
        QCOMPARE(dialect.definitionName, definition);
        QCOMPARE(dialect.lineComment, comment);
        QVERIFY(syntaxRepository().definitionForName(definition).isValid());
    }

    void highlightingMatchesTheGoldenFiles_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("definition");
        QTest::newRow("hive") << QStringLiteral("hive.hql") << QStringLiteral("HiveQL");
        QTest::newRow("spark") << QStringLiteral("spark.sql") << QStringLiteral("Spark SQL");
        QTest::newRow("flink") << QStringLiteral("flink.fsql") << QStringLiteral("Flink SQL");
    }

    void highlightingMatchesTheGoldenFiles()
    {
        QFETCH(QString, sample);
        QFETCH(QString, definition);
        QFile script(samplesDir() + u'/' + sample);
        QVERIFY(script.open(QIODevice::ReadOnly));
        RunRecorder recorder;
        recorder.setDefinition(syntaxRepository().definitionForName(definition));
        recorder.setTheme(syntaxRepository().defaultTheme());
        const QString runs = recorder.record(QString::fromUtf8(script.readAll()));
        const QString goldenPath = samplesDir() + u'/' + sample + u".golden";
        if (qEnvironmentVariableIsSet("JOBDECK_UPDATE_GOLDEN")) {
            QFile out(goldenPath);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(runs.toUtf8());
            QSKIP("golden file written");
        }
        QFile golden(goldenPath);
        QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(goldenPath));
        const QStringList expected = QString::fromUtf8(golden.readAll()).split(u'\n');
        const QStringList actual = runs.split(u'\n');
        for (qsizetype i = 0; i < qMin(expected.size(), actual.size()); ++i)
            QCOMPARE(actual[i], expected[i]);
        QCOMPARE(actual.size(), expected.size());
    }

    void hiveOnlySyntaxIsKeywords()
    {
        // What the generic SQL definition does not know, HiveQL does.
        const auto keywords = syntaxRepository()
                                  .definitionForName(QStringLiteral("HiveQL"))
                                  .keywordList(QStringLiteral("keywords"));
        for (const char *word : {"OVERWRITE", "LATERAL", "DISTRIBUTE", "TBLPROPERTIES", "MSCK"})
            QVERIFY2(keywords.contains(QLatin1StringView(word)), word);
        const auto flink = syntaxRepository().definitionForName(QStringLiteral("Flink SQL"));
        QVERIFY(flink.keywordList(QStringLiteral("keywords")).contains(u"WATERMARK"));
        QVERIFY(flink.keywordList(QStringLiteral("functions")).contains(u"TUMBLE"));
    }

    void completionOffersTheDefinitionsWords()
    {
        DialectCompletionProvider hive(syntaxRepository().definitionForName(QStringLiteral("HiveQL")));
        QStringList texts;
        for (const CompletionItem &item :
             hive.complete(QStringLiteral("INSERT OVER"), 11, QStringLiteral("OVER")))
            texts << item.text;
        QVERIFY2(texts.contains(u"OVERWRITE"), qPrintable(texts.join(u',')));
        // Lower case in, lower case out; functions say they are functions.
        bool foundFunction = false;
        for (const CompletionItem &item :
             hive.complete(QStringLiteral("sel"), 3, QStringLiteral("collect_"))) {
            QVERIFY(item.text.startsWith(u"collect_"));
            foundFunction = foundFunction
                            || (item.kind == CompletionItem::Kind::Function && item.text == u"collect_set");
        }
        QVERIFY(foundFunction);
        QCOMPARE(hive.complete(QStringLiteral("sel"), 3, QStringLiteral("sel")).constFirst().text,
                 QStringLiteral("select"));
        QVERIFY(hive.complete(QString(), 0, QString()).isEmpty());
        QVERIFY(hive.complete(QStringLiteral("zzq"), 3, QStringLiteral("zzq")).isEmpty());
        DialectCompletionProvider flink(syntaxRepository().definitionForName(QStringLiteral("Flink SQL")));
        bool watermark = false;
        for (const CompletionItem &item : flink.complete(QStringLiteral("WATER"), 5, QStringLiteral("WATER")))
            watermark = watermark || item.text == u"WATERMARK";
        QVERIFY(watermark);
    }
};

QTEST_MAIN(TestDialects)
#include "tst_dialects.moc"
