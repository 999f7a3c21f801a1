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

} // namespace JobDeck
