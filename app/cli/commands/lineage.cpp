#include "cli/commands/lineage.h"

#include <QFile>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

namespace JobDeck {

void LineageCommand::run()
{
    LineageRequest request;
    const QString format = m_parser.value(QStringLiteral("format")).toLower();
    request.format = format == u"csv"       ? LineageFormat::Csv
                     : format == u"graphml" ? LineageFormat::Graphml
                                            : LineageFormat::Json;
    request.tableToTable = m_parser.isSet(QStringLiteral("table-to-table"));
    if (m_parser.isSet(QStringLiteral("delimiter")))
        request.csvDelimiter = m_parser.value(QStringLiteral("delimiter")).at(0);
    const QString path = m_parser.value(QStringLiteral("output"));
    withJob([this, request, path](const Job &job) {
        // Written next to the target and renamed at the end: a failed export leaves no
        // half file, and an existing file is replaced only by a whole new one.
        std::shared_ptr<QIODevice> sink;
        if (path.isEmpty()) {
            auto out = std::make_shared<QFile>();
            if (!out->open(stdout, QIODevice::WriteOnly)) {
                fail(localError(tr("cannot write to standard output")));
                return;
            }
            sink = out;
        } else {
            auto file = std::make_shared<QSaveFile>(path);
            if (!file->open(QIODevice::WriteOnly)) {
                fail(localError(tr("cannot write %1: %2").arg(path, file->errorString())));
                return;
            }
            sink = file;
        }
        auto *exporting = m_backend->exportLineage(job, request, sink.get());
        onFinished(exporting, this, [this, job, path, sink](const Result<qint64> &bytes) {
            auto *file = qobject_cast<QSaveFile *>(sink.get());
            if (!bytes) {
                if (file)
                    file->cancelWriting();
                fail(bytes.error());
                return;
            }
            if (file && !file->commit()) {
                fail(localError(tr("cannot write %1: %2").arg(path, file->errorString())));
                return;
            }
            if (!file)
                static_cast<QFile *>(sink.get())->flush();
            if (json())
                emitEvent({{QStringLiteral("event"), QStringLiteral("lineage")},
                           {QStringLiteral("job"), job.id},
                           {QStringLiteral("output"), path},
                           {QStringLiteral("bytes"), *bytes}});
            else if (file)
                diagnose(tr("wrote %1 (%2)").arg(path, QLocale().formattedDataSize(*bytes)));
            exitWith(Done);
        });
    });
}

} // namespace JobDeck
