#pragma once

#include <QString>

namespace JobDeck {

// Keeps the editor's unsaved script on disk, so a crash, a power cut or closing the
// window never loses what the user typed. Writes are atomic (QSaveFile).
class DraftStore final
{
public:
    struct Draft
    {
        QString text;
        QString filePath; // the .sql file the draft belongs to; empty for an untitled script
        bool exists = false;
    };

    // The draft lives in `directory` (the application data folder by default).
    explicit DraftStore(QString directory = {});

    Draft load() const;
    // Returns an error message, or an empty string on success.
    QString save(const Draft &draft) const;
    QString directory() const { return m_directory; }

private:
    QString m_directory;
};

} // namespace JobDeck
