#include "sqlsession.h"

#include "statementwatchdog.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

#include <libpq-fe.h>

namespace Peering {

namespace {

QtMessageHandler previousHandler = nullptr;

void dropFreeStatementWarnings(QtMsgType type, const QMessageLogContext &context,
                               const QString &message)
{
    if (message.startsWith(QLatin1String("Unable to free statement")))
        return;
    previousHandler(type, context, message);
}

void ignoreNotice(void *, const char *) { }

} // namespace

SqlSession::SqlSession(const StoreLocation &location, const QString &connectionName)
    : m_location(location)
    , m_dialect(location.backend())
    , m_connectionName(connectionName)
    , m_db(QSqlDatabase::addDatabase(location.isSqlite() ? QStringLiteral("QSQLITE")
                                                         : QStringLiteral("QPSQL"),
                                     connectionName))
{
    // Qt's PostgreSQL driver warns for every prepared statement it cannot free on a lost
    // connection (some twenty lines on standard error); the store reports the loss once.
    static const bool filtered = [] {
        previousHandler = qInstallMessageHandler(dropFreeStatementWarnings);
        return true;
    }();
    Q_UNUSED(filtered);
}

SqlSession::~SqlSession()
{
    clearStatements();
    if (m_db.isOpen())
        m_db.close();
    // removeDatabase() wants no QSqlDatabase copy left alive.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void SqlSession::clearStatements()
{
    m_statements.clear();
}

::pg_conn *SqlSession::postgresConnection() const
{
    if (m_location.isSqlite() || !m_db.isOpen() || !m_db.driver())
        return nullptr;
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

int SqlSession::watchedSocket() const
{
    PGconn *connection = postgresConnection();
    return connection ? PQsocket(connection) : -1;
}

void SqlSession::connected()
{
    if (PGconn *connection = postgresConnection())
        PQsetNoticeProcessor(connection, ignoreNotice, nullptr);
}

StoreStatus SqlSession::reconnectIfLost(const QString &doing)
{
    if (!m_lost)
        return StoreDone {};
    // The statements belong to the lost connection; the database keeps its options and
    // password, so open() is the same connection again.
    clearStatements();
    if (m_db.isOpen())
        m_db.close();
    if (!m_db.open())
        return error(StoreError::Kind::Connection, doing,
                     m_db.lastError().databaseText().simplified());
    connected();
    m_lost = false;
    return StoreDone {};
}

bool SqlSession::connectionLost(const QSqlError &e) const
{
    if (m_location.isSqlite())
        return false;
    PGconn *connection = postgresConnection();
    return !m_db.isOpen() || (connection && PQstatus(connection) == CONNECTION_BAD)
        || m_dialect.classify(e) == StoreError::Kind::Connection;
}

StoreError SqlSession::statementError(const QSqlError &e, bool timedOut, const QString &doing)
{
    if (timedOut) {
        m_lost = true;
        return error(StoreError::Kind::Connection, doing,
                     tr("the server did not answer within %n second(s) (PEERING_PG_TIMEOUT); it "
                        "may be stopped or overloaded: check it, then try again",
                        nullptr, StatementWatchdog::timeoutSeconds()));
    }
    return error(e, doing);
}

StoreResult<QSqlQuery *>
SqlSession::run(const QString &sql, const QList<QVariant> &values, const QString &doing)
{
    if (StoreStatus reconnected = reconnectIfLost(doing); !reconnected)
        return reconnected.error();
    std::shared_ptr<QSqlQuery> &q = m_statements[sql];
    if (!q) {
        auto fresh = std::make_shared<QSqlQuery>(m_db);
        fresh->setForwardOnly(true);
        const StatementWatchdog::Guard guard(watchedSocket());
        if (!fresh->prepare(sql)) {
            const QSqlError e = fresh->lastError();
            m_statements.remove(sql);
            return statementError(e, guard.fired(), doing);
        }
        q = fresh;
    }
    QSqlQuery *query = q.get();
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    const StatementWatchdog::Guard guard(watchedSocket());
    if (!query->exec()) {
        const QSqlError e = query->lastError();
        query->finish();
        return statementError(e, guard.fired(), doing);
    }
    return query;
}

StoreResult<QList<SqlSession::Row>>
SqlSession::select(const QString &sql, const QList<QVariant> &values, const QString &doing)
{
    StoreResult<QSqlQuery *> r = run(sql, values, doing);
    if (!r)
        return r.error();
    QSqlQuery *q = *r;
    QList<Row> rows;
    const int columns = q->record().count();
    while (q->next()) {
        Row row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(q->value(c));
        rows.append(std::move(row));
    }
    const QSqlError e = q->lastError();
    q->finish();
    if (e.isValid())
        return error(e, doing);
    return rows;
}

StoreStatus SqlSession::scan(const QString &sql,
                             const QList<QVariant> &values,
                             const QString &doing,
                             const std::function<void(const QSqlQuery &)> &row)
{
    StoreResult<QSqlQuery *> r = run(sql, values, doing);
    if (!r)
        return r.error();
    QSqlQuery *q = *r;
    while (q->next())
        row(*q);
    const QSqlError e = q->lastError();
    q->finish();
    if (e.isValid())
        return error(e, doing);
    return StoreDone {};
}

StoreStatus SqlSession::exec(const QString &sql, const QString &doing)
{
    // Not at COMMIT: the transaction was on the lost connection, and a new one would commit
    // an empty transaction, saying "done" for work that was never written.
    if (sql != QLatin1String("COMMIT"))
        if (StoreStatus reconnected = reconnectIfLost(doing); !reconnected)
            return reconnected;
    if (m_lost)
        return error(StoreError::Kind::Connection, doing,
                     tr("the connection to the server was lost; nothing of this change was "
                        "written"));
    QSqlQuery q(m_db);
    const StatementWatchdog::Guard guard(watchedSocket());
    if (!q.exec(sql))
        return statementError(q.lastError(), guard.fired(), doing);
    q.finish();
    return StoreDone {};
}

StoreStatus SqlSession::beginWrite(const QString &doing)
{
    if (!m_trusted)
        return error(StoreError::Kind::Corrupt, doing,
                     tr("an earlier error showed that the store is damaged; nothing more is "
                        "written to it"));
    return exec(m_dialect.beginWrite(), doing);
}

StoreStatus SqlSession::commit(const QString &doing)
{
    StoreStatus s = exec(QStringLiteral("COMMIT"), doing);
    if (!s)
        rollback();
    return s;
}

void SqlSession::rollback()
{
    if (m_lost)
        return; // the server rolled the transaction back when the connection went
    QSqlQuery q(m_db);
    const StatementWatchdog::Guard guard(watchedSocket());
    q.exec(QStringLiteral("ROLLBACK"));
    if (guard.fired())
        m_lost = true;
}

StoreError SqlSession::error(const QSqlError &sqlError, const QString &doing)
{
    if (connectionLost(sqlError)) {
        // libpq's text for a lost connection runs to several lines of hints: one line.
        m_lost = true;
        return error(StoreError::Kind::Connection, doing,
                     tr("the connection to the server was lost; it reconnects on the next try"));
    }
    // simplified(): libpq writes several lines with tabs; an error is one line.
    QString text = sqlError.databaseText().simplified();
    if (text.isEmpty())
        text = sqlError.driverText().simplified();
    if (text.isEmpty())
        text = tr("no reason given by the database");
    return error(m_dialect.classify(sqlError), doing, text);
}

StoreError
SqlSession::error(StoreError::Kind kind, const QString &doing, const QString &databaseText)
{
    using K = StoreError::Kind;
    const QString where = m_location.displayString();
    QString what;
    switch (kind) {
    case K::Full:
        what = tr("the store %1 is full (no room left on the disk or in the quota); nothing was "
                  "changed")
                   .arg(where);
        break;
    case K::Locked:
        what
            = tr("the store %1 is locked by another program; try again when it is done").arg(where);
        break;
    case K::ReadOnly:
        what = tr("the store %1 cannot be written (read-only file, folder, database or "
                  "permissions)")
                   .arg(where);
        break;
    case K::Corrupt:
        m_trusted = false;
        what = tr("the store %1 is damaged and was left as it is; restore it from a backup")
                   .arg(where);
        break;
    case K::NotAStore:
        m_trusted = false;
        what = tr("%1 is not a peering-wizard store; it was left as it is").arg(where);
        break;
    case K::NewerSchema:
        what = tr("the store %1 was written by a newer version of peering-wizard and was left as "
                  "it is")
                   .arg(where);
        break;
    case K::Missing:
        what = tr("the store %1 does not exist").arg(where);
        break;
    case K::Connection:
        what = tr("cannot connect to the store %1").arg(where);
        break;
    default:
        what = tr("the store %1 reported an error").arg(where);
        break;
    }
    QString message = doing.isEmpty() ? what : doing + QStringLiteral(": ") + what;
    if (!databaseText.isEmpty())
        message += QStringLiteral(" (") + databaseText + u')';
    return StoreError(kind, message, databaseText);
}

} // namespace Peering
