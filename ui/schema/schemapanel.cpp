#include "schema/schemapanel.h"

#include "common/emptystate.h"
#include "console/console.h"
#include "schema/schemabrowser.h"
#include "schema/schemaregistry.h"

#include <QEvent>

namespace JobDeck {

SchemaPanel::SchemaPanel(Console *console, SchemaRegistry *registry, QWidget *parent)
    : Panel(parent)
    , m_console(console)
    , m_registry(registry)
    , m_browser(new SchemaBrowser(this))
{
    setObjectName(QStringLiteral("schemaPanel"));
    setView(m_browser);
    connect(m_console, &Console::targetConnectionChanged, this, &SchemaPanel::follow);
    connect(m_registry, &SchemaRegistry::cacheChanged, this, [this](const QString &connection) {
        if (connection == m_console->targetConnection())
            follow();
    });
    connect(m_browser, &SchemaBrowser::insertTextRequested, this, &SchemaPanel::insertTextRequested);
    connect(m_browser, &SchemaBrowser::runRequested, this, &SchemaPanel::run);
    connect(
        m_browser, &SchemaBrowser::ddlRequested, this, [this](const QString &database, const QString &table) {
            Session *session = m_console->session(m_connection);
            if (session && session->backend())
                run(session->backend()->ddlStatement(database, table));
        });
    retranslateUi();
    follow();
}

void SchemaPanel::follow()
{
    m_connection = m_console->targetConnection();
    SchemaCache *cache = m_registry->cacheFor(m_connection);
    Session *session = m_console->session(m_connection);
    m_browser->setDdlAvailable(
        cache && session->backend()
        && !session->backend()->ddlStatement(QStringLiteral("d"), QStringLiteral("t")).isEmpty());
    m_browser->setCache(cache);
    retranslateUi(); // the empty state names the connection
    showView(cache != nullptr);
}

void SchemaPanel::run(const QString &sql)
{
    Session *session = m_console->session(m_connection);
    if (sql.isEmpty() || !session || !session->backend())
        return;
    // The connection's SQL engine: the first of its offers that runs SQL (Kylin has none and
    // takes the statement as a query).
    SubmitRequest request;
    request.script = sql;
    request.runType = QStringLiteral("sql");
    const QList<RunOffer> offers = session->backend()->runOffers();
    for (const RunOffer &offer : offers) {
        if (offer.runType == u"sql") {
            request.engine = offer.engine;
            break;
        }
    }
    request.name = sql.left(60);
    m_console->submit(request, m_connection);
}

void SchemaPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    Panel::changeEvent(event);
}

void SchemaPanel::retranslateUi()
{
    Session *session = m_console->session(m_connection);
    if (!session) {
        emptyState()->setTexts(tr("No connection"),
                               tr("Open a connection: the databases, tables and columns of the one "
                                  "the scripts run on are listed here."));
    } else if (session->state() != Session::State::Ready) {
        emptyState()->setTexts(
            tr("Not connected"),
            tr("The schema of %1 is listed once it is connected.").arg(session->displayName()));
    } else {
        emptyState()->setTexts(tr("No schema"),
                               tr("%1 does not tell its databases and tables. Linkis, Kylin and the "
                                  "Local server do.")
                                   .arg(session->displayName()));
    }
}

} // namespace JobDeck
