#pragma once

#include <QByteArray>
#include <QString>

namespace JobDeck {

// Replaces `path` with `bytes` in a file only its owner can read (mode 0600), for secrets:
// the file is born with those permissions (never a moment readable by others) and renamed
// into place, so readers see the old or the new content whole. Returns an error message,
// or an empty string on success.
QString writePrivateFile(const QString &path, const QByteArray &bytes);

} // namespace JobDeck
