#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace JobDeck {

// What a running jobdeck-server tells its clients: where it listens and a token for the
// local user. Written by the server (mode 0600) to a runtime file, read by the console and
// jobdeck-cli to connect to "local" without any set-up.
struct LocalServerInfo
{
    QUrl url;
    QString user;
    QString token;
    qint64 pid = 0;

    // The default runtime file: $XDG_RUNTIME_DIR/jobdeck/server.json (or Qt's fallback).
    static QString defaultPath();
    // Reads the file; nullopt (with `error`) when missing or unreadable.
    static std::optional<LocalServerInfo> read(const QString &path, QString *error = nullptr);
    // Writes the file readable by its owner only. Returns an error message, or empty.
    QString write(const QString &path) const;
    // True while the process that wrote the file still runs.
    bool processAlive() const;
};

// Which jobdeck-server holds a data folder: the running server writes it into the folder
// (server.holder.json, no secret in it) and removes it when it stops, so that a second server
// started on the same folder, say from a shell with another XDG_RUNTIME_DIR, can tell at
// once which server holds the folder and how to reach it.
struct LocalServerHolder
{
    qint64 pid = 0;
    QUrl url;
    QString runtimeFile; // where that server's clients find its address and token

    static QString path(const QString &dataDir);
    static std::optional<LocalServerHolder> read(const QString &dataDir);
    // Returns an error message, or empty.
    QString write(const QString &dataDir) const;
    // Removes the folder's holder file if it names the process `pid`.
    static void remove(const QString &dataDir, qint64 pid);

    // What a server says when process `lockPid` holds the lock of `dataDir`: which server
    // that is, where it listens and how to reach it (when its holder file names it).
    static QString busyMessage(const QString &dataDir, qint64 lockPid);
};

} // namespace JobDeck
