#include "workspace/draftstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace JobDeck {

namespace {
constexpr auto TextFile = u"draft.sql";
constexpr auto PathFile = u"draft.path";
} // namespace

DraftStore::DraftStore(QString directory)
    : m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/drafts"
                      : std::move(directory))
{}

DraftStore::Draft DraftStore::load() const
{
    Draft draft;
    QFile text(m_directory + u'/' + TextFile);
    if (!text.open(QIODevice::ReadOnly))
        return draft;
    draft.text = QString::fromUtf8(text.readAll());
    draft.exists = true;
    QFile path(m_directory + u'/' + PathFile);
    if (path.open(QIODevice::ReadOnly))
        draft.filePath = QString::fromUtf8(path.readAll()).trimmed();
    return draft;
}

QString DraftStore::save(const Draft &draft) const
{
    if (!QDir().mkpath(m_directory))
        return QCoreApplication::translate("DraftStore", "Cannot create the folder %1").arg(m_directory);
    const auto write = [this](QStringView name, const QString &content) -> QString {
        QSaveFile file(m_directory + u'/' + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0 || !file.commit())
            return QCoreApplication::translate("DraftStore", "Cannot save the draft to %1: %2")
                .arg(file.fileName(), file.errorString());
        return {};
    };
    QString error = write(TextFile, draft.text);
    if (error.isEmpty())
        error = write(PathFile, draft.filePath);
    return error;
}

} // namespace JobDeck
