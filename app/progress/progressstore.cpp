#include "progress/progressstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace JobDeck {

namespace {
constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;
}

ProgressStore::ProgressStore(QString directory)
    : m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/progress"
                      : std::move(directory))
{}

QString ProgressStore::key(const QString &connection, const QString &jobId)
{
    return connection + u'\x1f' + jobId;
}

QString ProgressStore::pathFor(const QString &key) const
{
    // Job ids hold characters a file name cannot; a hash of the key names the file.
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_directory + u'/' + QString::fromLatin1(hash) + u".json";
}

bool ProgressStore::save(const QString &key, const ProgressHistory &history) const
{
    if (!QDir().mkpath(m_directory))
        return false;
    QJsonObject object = history.toJson();
    object.insert(QStringLiteral("key"), key);
    QSaveFile file(pathFor(key));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return false;
    prune();
    return true;
}

std::optional<ProgressHistory> ProgressStore::load(const QString &key) const
{
    QFile file(pathFor(key));
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxFileBytes)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    // The key inside guards against a hash collision and a file of some other program.
    if (!document.isObject() || document.object().value(QLatin1StringView("key")).toString() != key)
        return std::nullopt;
    ProgressHistory history = ProgressHistory::fromJson(document.object());
    if (history.isEmpty())
        return std::nullopt;
    return history;
}

void ProgressStore::prune() const
{
    QDir dir(m_directory);
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time);
    for (qsizetype i = MaxFiles; i < files.size(); ++i)
        QFile::remove(files.at(i).absoluteFilePath());
}

} // namespace JobDeck
