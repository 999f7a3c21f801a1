#include "core/privatefile.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace JobDeck {

QString writePrivateFile(const QString &path, const QByteArray &bytes)
{
    const QString temporary = path + u".tmp" + QString::number(QCoreApplication::applicationPid());
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
        return QCoreApplication::translate("PrivateFile", "cannot write %1: %2")
            .arg(temporary, file.errorString());
    const bool written = file.write(bytes) == bytes.size() && file.flush();
    file.close();
    if (!written
        || std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temporary);
        return QCoreApplication::translate("PrivateFile", "cannot write %1").arg(path);
    }
    return {};
}

} // namespace JobDeck
