#pragma once

#include <QList>
#include <QString>

namespace JobDeck::Test {

// Processes of this user (other than this one) with an argument that contains `text`: a
// jobdeck-server started by the console or the CLI names its runtime file, below the test's
// isolated home, on its command line.
QList<qint64> processesMentioning(const QString &text);

// Ends those processes: SIGTERM, then SIGKILL for any still there after `graceMs`. Returns
// how many there were.
int endProcessesMentioning(const QString &text, int graceMs = 10000);

// Ends what the programs under test left running in this test's isolated home: the local
// jobdeck-server that the console and `jobdeck-cli --backend local` leave running on
// purpose. Tests that start one call it from cleanupTestCase(); at exit, a process still
// found fails the test (support/isolatedhome.cpp).
int endLocalServers();

} // namespace JobDeck::Test
