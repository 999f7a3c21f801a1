#include "localserver/sqlrunner.h"

#include "localserver/resultfile.h"
#include "localserver/sqlsplitter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

#include <sqlite3.h>

namespace JobDeck::Local {

namespace {

constexpr auto Driver = QLatin1StringView("QSQLITE");
constexpr int ProgressTickInstructions = 1000; // SQLite VM steps between progress handler calls
constexpr qint64 ProgressIntervalMs = 100;
// Inside a statement progress creeps towards its end: half-way after this many seconds.
constexpr double CreepHalfSeconds = 5.0;
constexpr qint64 BusyTimeoutMs = 30000; // waiting for another job's lock on the workspace
constexpr qsizetype PreviewChars = 200;

QString rowCount(qint64 rows)
{
    return rows == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(rows);
}

// The first characters of a statement on one line, for the log.
QString preview(const QString &statement)
{
    QString line = QStringView(statement).left(PreviewChars * 4).toString().simplified();
    if (line.size() <= PreviewChars && statement.size() <= PreviewChars * 4)
        return line;
    qsizetype cut = std::min(line.size(), PreviewChars);
    if (cut > 0 && line[cut - 1].isHighSurrogate())
        --cut;
    line.truncate(cut);
    return line + u"...";
}

// Linkis's names for column types, from what the Qt driver made of SQLite's declared type
// (or, for an expression, of the first row's value).
QString typeName(QMetaType type)
{
    switch (type.id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
        return QStringLiteral("int");
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return QStringLiteral("bigint");
    case QMetaType::Double:
        return QStringLiteral("double");
    case QMetaType::Bool:
        return QStringLiteral("boolean");
    case QMetaType::QByteArray:
        return QStringLiteral("binary");
    default:
        return QStringLiteral("string");
    }
}

QString cellText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::QByteArray:
        return u"X'" + QString::fromLatin1(value.toByteArray().toHex().toUpper()) + u'\'';
    default:
        return value.toString();
    }
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

SqlRunner::SqlRunner(JobContext context, QObject *parent)
    : JobRunner(parent)
    , m_context(std::move(context))
{}

SqlRunner::~SqlRunner()
{
    if (m_thread) {
        m_cancelled = true;
        {
            QMutexLocker lock(&m_handleMutex);
            if (m_handle)
                sqlite3_interrupt(m_handle);
        }
        m_thread->wait();
    }
}

void SqlRunner::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Running;
    m_thread.reset(QThread::create([this] { m_outcome = run(); }));
    m_thread->setObjectName(QStringLiteral("jobdeck-sql-%1").arg(m_context.taskId));
    // Queued: finished() comes on this object's thread once the worker is gone, after every
    // signal the worker sent before.
    connect(m_thread.get(), &QThread::finished, this, [this] {
        m_thread->wait();
        m_state = State::Done;
        const Outcome outcome = m_outcome;
        Q_EMIT finished(outcome.succeeded, outcome.cancelled, outcome.error);
    });
    m_thread->start();
}

void SqlRunner::cancel()
{
    if (m_state == State::Done)
        return;
    m_cancelled = true;
    if (m_state == State::Idle) {
        m_state = State::Done;
        QMetaObject::invokeMethod(
            this,
            [this] { Q_EMIT finished(false, true, QStringLiteral("cancelled")); },
            Qt::QueuedConnection);
        return;
    }
    // A statement that starts after this still stops: the progress handler checks the flag.
    QMutexLocker lock(&m_handleMutex);
    if (m_handle)
        sqlite3_interrupt(m_handle);
}

SqlRunner::Outcome SqlRunner::run()
{
    if (m_cancelled)
        return {false, true, QStringLiteral("cancelled")};
    if (!QSqlDatabase::isDriverAvailable(Driver))
        return failure(QStringLiteral("The Qt SQLite driver (QSQLITE) is not available"));
    const QString dbPath = m_context.workspaceDb;
    if (dbPath.isEmpty())
        return failure(QStringLiteral("No workspace database is set for this job"));
    if (!QDir().mkpath(QFileInfo(dbPath).absolutePath()))
        return failure(QStringLiteral("Cannot create the folder of the workspace database %1").arg(dbPath));

    // Unique per runner object, as connections are per process.
    const QString connection = QStringLiteral("jobdeck-sql-%1-%2")
                                   .arg(m_context.taskId)
                                   .arg(reinterpret_cast<quintptr>(this), 0, 16);
    Outcome outcome;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(Driver, connection);
        db.setDatabaseName(dbPath);
        sqlite3 *handle = nullptr;
        if (!db.open()) {
            outcome = failure(QStringLiteral("Cannot open the workspace database %1: %2")
                                  .arg(dbPath, db.lastError().text()));
        } else if (!(handle = sqliteHandle(db))) {
            outcome = failure(QStringLiteral("The Qt SQLite driver gives no sqlite3 handle"));
        } else {
            {
                QMutexLocker lock(&m_handleMutex);
                m_handle = handle;
            }
            outcome = runStatements(db, handle);
            {
                QMutexLocker lock(&m_handleMutex);
                m_handle = nullptr;
            }
            sqlite3_progress_handler(handle, 0, nullptr, nullptr);
            sqlite3_busy_handler(handle, nullptr, nullptr);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return outcome;
}

SqlRunner::Outcome SqlRunner::runStatements(QSqlDatabase &db, sqlite3 *handle)
{
    QStringList unknown;
    const QString script = substituteVariables(m_context.code, m_context.variables, &unknown);
    for (const QString &name : std::as_const(unknown))
        log(LogLevel::Warn, QStringLiteral("Variable ${%1} is not defined; it is left as it is").arg(name));
    const QStringList statements = splitSqlStatements(script);
    const qsizetype count = statements.size();
    if (count == 0) {
        log(LogLevel::Info, QStringLiteral("The script has no statements"));
        reportProgress(1, true);
        return {true, false, {}};
    }

    sqlite3_progress_handler(
        handle,
        ProgressTickInstructions,
        [](void *self) { return static_cast<SqlRunner *>(self)->onProgressTick(); },
        this);
    sqlite3_busy_handler(
        handle,
        [](void *self, int attempt) { return static_cast<SqlRunner *>(self)->onBusy(attempt); },
        this);

    const QString cancelled = QStringLiteral("cancelled");
    int resultSets = 0;
    for (qsizetype k = 0; k < count; ++k) {
        const QString label = QStringLiteral("Statement %1").arg(k + 1);
        if (m_cancelled) {
            log(LogLevel::Info, QStringLiteral("Cancelled before statement %1 of %2").arg(k + 1).arg(count));
            return {false, true, cancelled};
        }
        m_statementBase = double(k) / double(count);
        m_statementSpan = 1.0 / double(count);
        m_statementClock.start();
        reportProgress(m_statementBase, k == 0);
        reportStatement(int(k), int(count), statements[k], StatementEvent::Phase::Started);
        // However the statement ends (a return, a continue), its end is reported once.
        StatementEvent::Phase ending = StatementEvent::Phase::Failed;
        const auto reportEnd = qScopeGuard([&] {
            reportStatement(
                int(k), int(count), statements[k], m_cancelled ? StatementEvent::Phase::Cancelled : ending);
        });
        log(LogLevel::Info, QStringLiteral("%1 of %2: %3").arg(label).arg(count).arg(preview(statements[k])));

        const auto failed = [&](const QSqlError &error) -> Outcome {
            if (m_cancelled) {
                log(LogLevel::Info,
                    QStringLiteral("Cancelled during statement %1 of %2").arg(k + 1).arg(count));
                return {false, true, cancelled};
            }
            const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
            return failure(label + u": " + text);
        };

        QElapsedTimer clock;
        clock.start();
        const sqlite3_int64 changesBefore = sqlite3_total_changes64(handle);
        QSqlQuery query(db);
        query.setForwardOnly(true); // rows stream to the file; none are kept
        if (!query.exec(statements[k]))
            return failed(query.lastError());

        if (!query.isSelect()) {
            // sqlite3_changes() keeps the last DML's count across DDL, so only trust it
            // when this statement changed anything at all.
            const sqlite3_int64 changed
                = sqlite3_total_changes64(handle) == changesBefore ? 0 : sqlite3_changes64(handle);
            log(LogLevel::Info,
                QStringLiteral("statement changed %1 in %2 ms").arg(rowCount(changed)).arg(clock.elapsed()));
            ending = StatementEvent::Phase::Succeeded;
            continue;
        }

        const QSqlRecord record = query.record();
        QStringList columns;
        QStringList types;
        for (int i = 0; i < record.count(); ++i) {
            columns.append(record.fieldName(i));
            types.append(typeName(record.field(i).metaType()));
        }
        if (!QDir().mkpath(m_context.resultDir))
            return failure(QStringLiteral("Cannot create the result folder %1").arg(m_context.resultDir));
        const QString path
            = QDir(m_context.resultDir).filePath(QStringLiteral("_%1.dolphin").arg(resultSets));
        ResultFileWriter writer;
        if (!writer.open(path, columns, types))
            return failure(label + u": " + writer.errorString());
        QStringList cells(columns.size());
        bool written = true;
        while (written && query.next()) {
            for (int i = 0; i < cells.size(); ++i)
                cells[i] = query.isNull(i) ? QStringLiteral("NULL") : cellText(query.value(i));
            written = writer.writeRow(cells);
        }
        // A statement that stops half-way leaves no half result set behind.
        if (!written || query.lastError().isValid() || !writer.finish()) {
            const QString writeError = writer.errorString();
            QFile::remove(path);
            if (!writeError.isEmpty())
                return failure(label + u": " + writeError);
            return failed(query.lastError());
        }
        ++resultSets;
        ResultSetInfo info{path, columns, writer.rows()};
        QMetaObject::invokeMethod(
            this, [this, info] { Q_EMIT resultSetWritten(info); }, Qt::QueuedConnection);
        log(LogLevel::Info,
            QStringLiteral("SELECT returned %1 in %2 ms").arg(rowCount(writer.rows())).arg(clock.elapsed()));
        ending = StatementEvent::Phase::Succeeded;
    }
    reportProgress(1, true);
    return {true, false, {}};
}

SqlRunner::Outcome SqlRunner::failure(const QString &error)
{
    log(LogLevel::Error, error);
    return {false, false, error};
}

void SqlRunner::reportStatement(int index, int count, const QString &sql, StatementEvent::Phase phase)
{
    const StatementEvent event{index, count, sql, QDateTime::currentMSecsSinceEpoch(), phase};
    QMetaObject::invokeMethod(
        this, [this, event] { Q_EMIT statementChanged(event); }, Qt::QueuedConnection);
}

void SqlRunner::log(LogLevel level, const QString &text)
{
    QMetaObject::invokeMethod(
        this, [this, level, text] { Q_EMIT logLine(level, text); }, Qt::QueuedConnection);
}

void SqlRunner::reportProgress(double progress, bool force)
{
    progress = std::clamp(progress, 0.0, 1.0);
    if (progress <= m_lastProgress)
        return;
    if (!force && m_progressClock.isValid() && m_progressClock.elapsed() < ProgressIntervalMs)
        return;
    m_lastProgress = progress;
    m_progressClock.start();
    QMetaObject::invokeMethod(
        this, [this, progress] { Q_EMIT progressChanged(progress); }, Qt::QueuedConnection);
}

int SqlRunner::onProgressTick()
{
    if (m_cancelled.load(std::memory_order_relaxed))
        return 1;
    if (!m_progressClock.isValid() || m_progressClock.elapsed() >= ProgressIntervalMs) {
        const double seconds = double(m_statementClock.elapsed()) / 1000.0;
        reportProgress(m_statementBase + m_statementSpan * seconds / (seconds + CreepHalfSeconds));
    }
    return 0;
}

int SqlRunner::onBusy(int attempt)
{
    if (attempt == 0)
        m_busyClock.start();
    if (m_cancelled || m_busyClock.elapsed() >= BusyTimeoutMs)
        return 0;
    QThread::msleep(10);
    return 1;
}

} // namespace JobDeck::Local
