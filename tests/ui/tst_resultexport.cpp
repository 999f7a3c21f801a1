// Acceptance of exporting a result set against the Linkis simulator on loopback: the
// 1,000,000-row result set written page by page, byte for byte the server's own file, the
// server's rendering streamed to a file, and the export dialog. (Its own test program: the
// million rows are the longest single piece of the suite, and run beside the others.)
#include "backends/linkis/linkisbackend.h"
#include "results/exportdialog.h"
#include "results/resultexporter.h"

#include "linkis/linkissimulator.h"

#include <QBuffer>
#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "support/await.h"
#include "support/linkisjobs.h"

using namespace JobDeck;
using namespace JobDeck::Sim;
using namespace Qt::StringLiterals;

namespace {

const QString User = u"hadoop"_s;
const QString Password = u"s3cret"_s;

} // namespace

class TestResultExport final : public QObject
{
    Q_OBJECT

private:
    MillionRowLinkis m_linkis;

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        startMillionRowLinkis(m_linkis, User, Password);
        QVERIFY(!QTest::currentTestFailed());
    }

    void exportIsTheServersFileByteForByte()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"million.csv"_s);
        m_linkis.sim->resetCounters();
        ExportOptions options;
        options.nullText = u"NULL"_s;
        options.pageSize = 50000;
        ResultExporter exporter(resultFilePages(m_linkis.backend.get(), m_linkis.set), options, path);
        QSignalSpy progress(&exporter, &ResultExporter::progress);
        QSignalSpy finished(&exporter, &ResultExporter::finished);
        exporter.start();
        QVERIFY(finished.wait(300000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(m_linkis.sim->requestCount(u"openFile"_s), 20); // the result file, page by page
        QCOMPARE(m_linkis.sim->requestCount(u"submit"_s) + m_linkis.sim->requestCount(u"execute"_s),
                 0); // never run again
        QCOMPARE(progress.size(), 20);
        QCOMPARE(progress.last().at(0).toLongLong(), 1000000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ours = file.readAll();
        const QByteArray servers
            = m_linkis.sim->resultCsv(m_linkis.job.ids.linkisTaskId, 0, u"LINKIS_NULL"_s);
        QCOMPARE(ours.size(), servers.size());
        QVERIFY(ours == servers);
        QVERIFY(ours.contains("\n5,set0_row5,NULL\n")); // NULL
        QVERIFY(ours.contains("\n4,,2\n"));             // the empty string

        // The server's own rendering, streamed into the file.
        QBuffer download;
        QVERIFY(download.open(QIODevice::WriteOnly));
        ResultDownloadOptions serverOptions;
        serverOptions.nullText = u"NULL"_s;
        AWAIT(bytes, m_linkis.backend->downloadResult(m_linkis.set, serverOptions, &download));
        QVERIFY2(bytes.has_value(), qPrintable(bytes ? QString() : bytes.error().describe()));
        QCOMPARE(*bytes, qint64(download.data().size()));
        QVERIFY(download.data() == m_linkis.sim->resultCsv(m_linkis.job.ids.linkisTaskId, 0, u"NULL"_s));
        // A refused export writes nothing and says why.
        QBuffer refused;
        QVERIFY(refused.open(QIODevice::WriteOnly));
        AWAIT(missing,
              m_linkis.backend->downloadResult(
                  {u"_9.dolphin"_s, u"file:///sim/results/1/_9.dolphin"_s}, serverOptions, &refused));
        QVERIFY(!missing.has_value());
        QVERIFY2(missing.error().message.contains(u"does not exist"), qPrintable(missing.error().message));
        QCOMPARE(refused.data().size(), 0);
    }

    void exportDialog()
    {
        const auto job = runLinkisJob(
            *m_linkis.backend, u"--sim states=Running:20,Succeed rows=1234 nulls=1\nSELECT * FROM t"_s);
        QVERIFY(job);
        AWAIT(sets, m_linkis.backend->resultSets(*job));
        QVERIFY(sets.has_value());
        QTemporaryDir dir;
        ExportDialog dialog(m_linkis.backend.get(),
                            sets->first(),
                            resultFilePages(m_linkis.backend.get(), sets->first()),
                            u"SELECT * FROM t"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setPath(dir.filePath(u"t.tsv"_s));
        auto *format = dialog.findChild<QComboBox *>(u"exportFormat"_s);
        format->setCurrentIndex(format->findData(int(RowFormat::Tsv)));
        QVERIFY(dialog.path().endsWith(u"t.tsv"));
        auto *nullAs = dialog.findChild<QComboBox *>(u"exportNull"_s);
        nullAs->setCurrentIndex(1); // empty
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"exportButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY2(dialog.resultText().contains(u"1,234 rows"), qPrintable(dialog.resultText()));
        QFile file(dialog.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray tsv = file.readAll();
        QVERIFY(tsv.startsWith("id\tname\tvalue\n1\tset0_row1\t0.5\n"));
        QVERIFY(tsv.contains("\n5\tset0_row5\t\n"));
        QCOMPARE(tsv.count('\n'), 1235);
    }

    void cleanupTestCase()
    {
        m_linkis.backend.reset();
        m_linkis.sim.reset();
    }
};

QTEST_MAIN(TestResultExport)
#include "tst_resultexport.moc"
