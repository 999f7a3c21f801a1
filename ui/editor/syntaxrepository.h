#pragma once

namespace KSyntaxHighlighting {
class Repository;
}

namespace JobDeck {

// The process's one KSyntaxHighlighting repository: loading the definitions is costly
// and every editor shares them. Created on first use, on the GUI thread.
KSyntaxHighlighting::Repository &syntaxRepository();

} // namespace JobDeck
