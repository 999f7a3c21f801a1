#include "workspace/recoverystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace JobDeck {

namespace {
constexpr QLatin1StringView Suffix(".tab.json");
constexpr QLatin1StringView RunningMark("running");

bool isValidId(const QString &id)
{
    return !id.isEmpty() && id.size() <= 64 && std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-';
    });
}

QJsonObject toJson(const RecoveryStore::Tab &tab)
{
    QJsonObject variables;
    for (auto it = tab.variables.cbegin(); it != tab.variables.cend(); ++it)
        variables.insert(it.key(), it.value());
    return {{QStringLiteral("version"), 1},
            {QStringLiteral("order"), tab.order},
            {QStringLiteral("text"), tab.text},
            {QStringLiteral("filePath"), tab.filePath},
            {QStringLiteral("modified"), tab.modified},
            {QStringLiteral("cursor"), tab.cursor},
            {QStringLiteral("anchor"), tab.anchor},
            {QStringLiteral("scroll"), tab.scroll},
            {QStringLiteral("connection"), tab.connectionId},
            {QStringLiteral("engine"), tab.engine},
            {QStringLiteral("runType"), tab.runType},
            {QStringLiteral("variables"), variables}};
}

RecoveryStore::Tab fromJson(const QString &id, const QJsonObject &o)
{
    RecoveryStore::Tab tab;
    tab.id = id;
    tab.order = o.value(QLatin1StringView("order")).toInt();
    tab.text = o.value(QLatin1StringView("text")).toString();
    tab.filePath = o.value(QLatin1StringView("filePath")).toString();
    tab.modified = o.value(QLatin1StringView("modified")).toBool();
    const int size = int(tab.text.size());
    tab.cursor = std::clamp(o.value(QLatin1StringView("cursor")).toInt(), 0, size);
    tab.anchor = std::clamp(o.value(QLatin1StringView("anchor")).toInt(), 0, size);
    tab.scroll = std::max(0, o.value(QLatin1StringView("scroll")).toInt());
    tab.connectionId = o.value(QLatin1StringView("connection")).toString();
    tab.engine = o.value(QLatin1StringView("engine")).toString();
    tab.runType = o.value(QLatin1StringView("runType")).toString();
    const QJsonObject variables = o.value(QLatin1StringView("variables")).toObject();
    for (auto it = variables.begin(); it != variables.end(); ++it)
        tab.variables.insert(it.key(), it.value().toString());
    return tab;
}
} // namespace

RecoveryStore::RecoveryStore(QString directory)
    : m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/recovery"
                      : std::move(directory))
{}

QString RecoveryStore::save(const Tab &tab) const
{
    if (!isValidId(tab.id))
        return QCoreApplication::translate("JobDeck::RecoveryStore", "“%1” cannot name a recovery file")
            .arg(tab.id);
    if (!QDir().mkpath(m_directory))
        return QCoreApplication::translate("JobDeck::RecoveryStore", "Cannot create the recovery folder %1")
            .arg(QDir::toNativeSeparators(m_directory));
    const QString path = m_directory + u'/' + tab.id + Suffix;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(toJson(tab)).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        return QCoreApplication::translate("JobDeck::RecoveryStore", "Cannot keep the script in %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

QString RecoveryStore::remove(const QString &id) const
{
    if (!isValidId(id))
        return {};
    QFile file(m_directory + u'/' + id + Suffix);
    if (file.exists() && !file.remove())
        return QCoreApplication::translate("JobDeck::RecoveryStore", "Cannot remove %1: %2")
            .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
    return {};
}

QList<RecoveryStore::Tab> RecoveryStore::load(QStringList *problems) const
{
    QList<Tab> tabs;
    const QDir dir(m_directory);
    const QStringList names = dir.entryList({u'*' + Suffix}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString id = name.chopped(Suffix.size());
        QFile file(dir.filePath(name));
        QJsonParseError error{};
        QJsonDocument document;
        const bool opened = file.open(QIODevice::ReadOnly);
        if (opened)
            document = QJsonDocument::fromJson(file.readAll(), &error);
        if (!isValidId(id) || !document.isObject()) {
            if (problems)
                problems->append(QCoreApplication::translate("JobDeck::RecoveryStore",
                                                             "Cannot read the kept script %1: %2")
                                     .arg(QDir::toNativeSeparators(file.fileName()),
                                          opened ? error.errorString() : file.errorString()));
            continue;
        }
        tabs.append(fromJson(id, document.object()));
    }
    std::stable_sort(tabs.begin(), tabs.end(), [](const Tab &a, const Tab &b) { return a.order < b.order; });
    return tabs;
}

bool RecoveryStore::lastRunEndedCleanly() const
{
    return !QFile::exists(m_directory + u'/' + RunningMark);
}

void RecoveryStore::markRunning() const
{
    QDir().mkpath(m_directory);
    QFile mark(m_directory + u'/' + RunningMark);
    if (mark.open(QIODevice::WriteOnly))
        mark.write(QByteArray::number(QCoreApplication::applicationPid()));
}

void RecoveryStore::markEndedCleanly() const
{
    QFile::remove(m_directory + u'/' + RunningMark);
}

} // namespace JobDeck
