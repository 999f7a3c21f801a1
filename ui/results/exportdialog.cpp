#include "results/exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace JobDeck {

ExportDialog::ExportDialog(Backend *backend,
                           const ResultSetRef &resultSet,
                           ResultPageFetcher pages,
                           const QString &title,
                           QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_resultSet(resultSet)
    , m_pages(std::move(pages))
    , m_title(title)
    , m_intro(new QLabel(this))
    , m_fileLabel(new QLabel(this))
    , m_file(new QLineEdit(this))
    , m_browse(new QPushButton(this))
    , m_formatLabel(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_separatorLabel(new QLabel(this))
    , m_separator(new QComboBox(this))
    , m_charsetLabel(new QLabel(this))
    , m_charset(new QComboBox(this))
    , m_nullLabel(new QLabel(this))
    , m_null(new QComboBox(this))
    , m_header(new QCheckBox(this))
    , m_serverExport(new QCheckBox(this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("exportDialog"));
    m_intro->setWordWrap(true);
    m_file->setObjectName(QStringLiteral("exportFile"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_separator->setObjectName(QStringLiteral("exportSeparator"));
    m_charset->setObjectName(QStringLiteral("exportCharset"));
    m_null->setObjectName(QStringLiteral("exportNull"));
    m_serverExport->setObjectName(QStringLiteral("exportOnServer"));
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_result->setObjectName(QStringLiteral("exportResult"));
    m_result->setWordWrap(true);
    m_header->setChecked(true);

    m_format->addItem(QString(), int(RowFormat::Csv));
    m_format->addItem(QString(), int(RowFormat::Tsv));
    m_format->addItem(QString(), int(RowFormat::Json));
    m_separator->addItem(QString(), QStringLiteral(","));
    m_separator->addItem(QString(), QStringLiteral(";"));
    m_separator->addItem(QString(), QStringLiteral("|"));
    m_separator->addItem(QString(), QStringLiteral("\t"));
    m_charset->addItem(QStringLiteral("UTF-8"), QByteArrayLiteral("UTF-8"));
    if (ResultExporter::canEncode("GBK"))
        m_charset->addItem(QStringLiteral("GBK"), QByteArrayLiteral("GBK"));
    m_null->addItem(QString(), QStringLiteral("NULL"));
    m_null->addItem(QString(), QString());
    const bool serverCan = backend && backend->capabilities().resultDownload && !resultSet.path.isEmpty();
    m_serverExport->setVisible(serverCan);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);

    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_file->setText(
        QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(QStringLiteral("result.csv")));

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(m_fileLabel, fileRow);
    form->addRow(m_formatLabel, m_format);
    form->addRow(m_separatorLabel, m_separator);
    form->addRow(m_charsetLabel, m_charset);
    form->addRow(m_nullLabel, m_null);
    form->addRow(QString(), m_header);
    form->addRow(QString(), m_serverExport);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    m_exportButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const auto format = RowFormat(m_format->currentData().toInt());
        const QString suffix = format == RowFormat::Json  ? QStringLiteral("json")
                               : format == RowFormat::Tsv ? QStringLiteral("tsv")
                                                          : QStringLiteral("csv");
        QFileInfo info(m_file->text());
        m_file->setText(info.dir().filePath(info.completeBaseName() + u'.' + suffix));
        updateControls();
    });
    connect(m_serverExport, &QCheckBox::toggled, this, &ExportDialog::updateControls);
    retranslateUi();
    updateControls();
    resize(520, sizeHint().height());
}

ExportDialog::~ExportDialog()
{
    if (m_downloading)
        m_downloading->cancel();
    if (m_download)
        m_download->cancelWriting();
}

QString ExportDialog::path() const
{
    return m_file->text();
}

void ExportDialog::setPath(const QString &path)
{
    m_file->setText(path);
}

bool ExportDialog::usesServerExport() const
{
    return m_serverExport->isVisible() && m_serverExport->isChecked();
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.format = RowFormat(m_format->currentData().toInt());
    const QString separator = m_separator->currentData().toString();
    options.separator = separator.isEmpty() ? QChar(u',') : separator.at(0);
    options.charset = m_charset->currentData().toByteArray();
    options.nullText = m_null->currentData().toString();
    options.header = m_header->isChecked();
    return options;
}

bool ExportDialog::isExporting() const
{
    return (m_exporter && m_exporter->isRunning()) || m_downloading;
}

QString ExportDialog::resultText() const
{
    return m_result->text();
}

void ExportDialog::updateControls()
{
    const bool busy = isExporting();
    const auto format = RowFormat(m_format->currentData().toInt());
    const bool server = usesServerExport();
    m_format->setEnabled(!busy && !server);
    m_separator->setEnabled(!busy && (format == RowFormat::Csv || server));
    m_null->setEnabled(!busy && format != RowFormat::Json);
    m_header->setEnabled(!busy && format != RowFormat::Json && !server);
    m_charset->setEnabled(!busy);
    m_file->setEnabled(!busy);
    m_browse->setEnabled(!busy);
    m_serverExport->setEnabled(!busy);
    m_exportButton->setEnabled(!busy);
    m_progress->setVisible(busy || m_progress->value() > 0);
}

void ExportDialog::chooseFile()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export To"), m_file->text());
    if (!chosen.isEmpty())
        m_file->setText(chosen);
}

void ExportDialog::startExport()
{
    if (isExporting())
        return;
    const QString target = path().trimmed();
    if (target.isEmpty()) {
        m_result->setText(tr("Choose the file to write"));
        return;
    }
    m_result->clear();
    m_progress->setRange(0, 0);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    if (usesServerExport()) {
        if (!m_backend) {
            finish(false, tr("The connection of this result set is closed"));
            return;
        }
        m_download = std::make_unique<QSaveFile>(target);
        if (!m_download->open(QIODevice::WriteOnly)) {
            finish(false, tr("Cannot write %1: %2").arg(target, m_download->errorString()));
            return;
        }
        ResultDownloadOptions server;
        const ExportOptions chosen = options();
        server.separator = chosen.separator;
        server.charset = QString::fromLatin1(chosen.charset).toLower();
        server.nullText = chosen.nullText;
        auto *call = m_backend->downloadResult(m_resultSet, server, m_download.get());
        m_downloading = call;
        onFinished(call, this, [this, target](const Result<qint64> &bytes) {
            m_downloading = nullptr;
            if (!bytes) {
                m_download->cancelWriting();
                m_download.reset();
                finish(false, tr("The server's export failed: %1").arg(bytes.error().describe()));
                return;
            }
            const bool committed = m_download->commit();
            const QString error = m_download->errorString();
            m_download.reset();
            if (!committed)
                finish(false, tr("Cannot write %1: %2").arg(target, error));
            else
                finish(
                    true,
                    tr("Wrote %1 (%2 bytes, the server's own CSV)").arg(target, locale().toString(*bytes)));
        });
        updateControls();
        return;
    }
    delete m_exporter;
    m_exporter = new ResultExporter(m_pages, options(), target, this);
    connect(m_exporter, &ResultExporter::progress, this, [this](qint64 rows, qint64 total) {
        if (total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(1000 * std::min(rows, total) / total));
            m_progress->setFormat(tr("%1 of %2 rows").arg(locale().toString(rows), locale().toString(total)));
        } else {
            m_progress->setFormat(tr("%1 rows").arg(locale().toString(rows)));
        }
    });
    connect(m_exporter, &ResultExporter::finished, this, [this, target](bool ok, const QString &message) {
        finish(ok,
               ok ? tr("Wrote %1 (%2 rows, %3 bytes)")
                        .arg(target,
                             locale().toString(m_exporter->rowsWritten()),
                             locale().toString(m_exporter->bytesWritten()))
                  : message);
    });
    m_exporter->start();
    updateControls();
}

void ExportDialog::finish(bool ok, const QString &message)
{
    m_result->setText(message);
    if (ok) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(1000);
    }
    updateControls();
    Q_EMIT exportFinished(ok, message);
}

void ExportDialog::reject()
{
    if (isExporting()) {
        // Cancel stops the export and leaves the file as it was; a second press closes.
        if (m_exporter && m_exporter->isRunning())
            m_exporter->cancel();
        if (m_downloading) {
            m_downloading->cancel();
            m_downloading = nullptr;
            if (m_download) {
                m_download->cancelWriting();
                m_download.reset();
            }
            finish(false, tr("The export was cancelled; %1 was left as it was").arg(path()));
        }
        return;
    }
    QDialog::reject();
}

void ExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ExportDialog::retranslateUi()
{
    setWindowTitle(tr("Export Result Set"));
    m_intro->setText(
        tr("Writes every row of “%1” to a file, read page by page from the server's result file; the "
           "query is not run again.")
            .arg(m_title));
    m_fileLabel->setText(tr("&File:"));
    m_fileLabel->setBuddy(m_file);
    m_browse->setText(tr("Browse…"));
    m_formatLabel->setText(tr("F&ormat:"));
    m_formatLabel->setBuddy(m_format);
    m_format->setItemText(0, tr("CSV"));
    m_format->setItemText(1, tr("TSV (tab-separated)"));
    m_format->setItemText(2, tr("JSON (an array of objects)"));
    m_separatorLabel->setText(tr("&Separator:"));
    m_separatorLabel->setBuddy(m_separator);
    m_separator->setItemText(0, tr("Comma ,"));
    m_separator->setItemText(1, tr("Semicolon ;"));
    m_separator->setItemText(2, tr("Vertical bar |"));
    m_separator->setItemText(3, tr("Tab"));
    m_charsetLabel->setText(tr("&Character set:"));
    m_charsetLabel->setBuddy(m_charset);
    m_nullLabel->setText(tr("&NULL as:"));
    m_nullLabel->setBuddy(m_null);
    m_null->setItemText(0, tr("the text NULL"));
    m_null->setItemText(1, tr("an empty field"));
    m_header->setText(tr("Column names in the first line"));
    m_serverExport->setText(tr("Let the server write the CSV (Linkis resultsetToExcel)"));
    m_exportButton->setText(tr("&Export"));
}

} // namespace JobDeck
