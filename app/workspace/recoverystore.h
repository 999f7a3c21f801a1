#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace JobDeck {

// The recovery area: every script tab of the console, titled or untitled, kept on disk a
// moment after each change, so that a crash, a kill -9 or a power cut loses no typed
// character and the next start brings every tab back as it was. One file per tab, each
// written atomically (QSaveFile): a write cut short leaves the previous version whole.
class RecoveryStore final
{
public:
    struct Tab
    {
        QString id;            // the tab's key in the area (a file name: letters, digits, '-')
        int order = 0;         // its place among the tabs
        QString text;          // what the editor holds
        QString filePath;      // the file it belongs to; empty for an untitled script
        bool modified = false; // the text differs from the file (an untitled script: typed in)
        int cursor = 0;        // the cursor's position and the selection's anchor
        int anchor = 0;
        int scroll = 0;       // the vertical scroll bar's value (the first visible line)
        QString connectionId; // "local" or a saved profile's name
        QString engine;
        QString runType;
        QMap<QString, QString> variables; // the last values given to its ${name} variables

        bool operator==(const Tab &) const = default;
    };

    // The area lives in `directory` (the application data folder's "recovery" by default).
    explicit RecoveryStore(QString directory = {});

    QString directory() const { return m_directory; }
    // Returns an error message, or an empty string on success.
    QString save(const Tab &tab) const;
    QString remove(const QString &id) const;
    // Every tab kept, in their order; `problems` gets a message for each file that cannot be read.
    QList<Tab> load(QStringList *problems = nullptr) const;

    // Whether the console that used the area last ended normally; a start that finds the
    // mark of a run still going says the tabs were recovered.
    bool lastRunEndedCleanly() const;
    void markRunning() const;
    void markEndedCleanly() const;

private:
    QString m_directory;
};

} // namespace JobDeck
