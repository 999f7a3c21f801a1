#pragma once

#include "results/resultexporter.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSaveFile;

namespace JobDeck {

// Exports a whole result set to a file: CSV, TSV or JSON written page by page from the
// server's result file (never by running the query again), with the separator, the
// character set (UTF-8 or GBK) and what NULL becomes; or, where the server renders result
// sets itself (Linkis resultsetToExcel), its own CSV. A progress bar follows the pages.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(Backend *backend,
                 const ResultSetRef &resultSet,
                 ResultPageFetcher pages,
                 const QString &title,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    QString path() const;
    void setPath(const QString &path);
    ExportOptions options() const;
    bool usesServerExport() const;
    // Starts writing (what the Export button does).
    void startExport();
    bool isExporting() const;
    QString resultText() const;

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    void retranslateUi();
    void updateControls();
    void chooseFile();
    void finish(bool ok, const QString &message);

    QPointer<Backend> m_backend;
    ResultSetRef m_resultSet;
    ResultPageFetcher m_pages;
    QString m_title;
    QLabel *m_intro;
    QLabel *m_fileLabel;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QLabel *m_formatLabel;
    QComboBox *m_format;
    QLabel *m_separatorLabel;
    QComboBox *m_separator;
    QLabel *m_charsetLabel;
    QComboBox *m_charset;
    QLabel *m_nullLabel;
    QComboBox *m_null;
    QCheckBox *m_header;
    QCheckBox *m_serverExport;
    QProgressBar *m_progress;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    QPushButton *m_exportButton;
    ResultExporter *m_exporter = nullptr;
    std::unique_ptr<QSaveFile> m_download;
    QPointer<PendingCall> m_downloading;
};

} // namespace JobDeck
