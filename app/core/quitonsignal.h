#pragma once

namespace JobDeck {

// Turns SIGTERM, SIGINT and SIGHUP into QCoreApplication::quit(), so the event loop ends
// normally and what the program keeps on exit (drafts, layout, job state) is saved. A
// second signal while quitting ends the process at once. Call once, after the application
// object exists. Does nothing on platforms without POSIX signals.
void quitOnTerminationSignals();

} // namespace JobDeck
