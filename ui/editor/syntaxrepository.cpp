#include "editor/syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>

namespace JobDeck {

KSyntaxHighlighting::Repository &syntaxRepository()
{
    static KSyntaxHighlighting::Repository repository;
    return repository;
}

} // namespace JobDeck
