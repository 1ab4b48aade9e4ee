// One Qt Sql connection of one store: its own connection name, cached prepared statements, and
// errors turned into one clear StoreError that carries the database's own text.
#pragma once

#include "sqldialect.h"
#include "storeresult.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <memory>

struct pg_conn; // libpq's PGconn

namespace Peering {

class SqlSession
{
    Q_DECLARE_TR_FUNCTIONS(Peering::SqlSession)
public:
    using Row = QList<QVariant>;

    SqlSession(const StoreLocation &location, const QString &connectionName);
    ~SqlSession();
    SqlSession(const SqlSession &) = delete;
    SqlSession &operator=(const SqlSession &) = delete;

    QSqlDatabase &database() { return m_db; }
    const SqlDialect &dialect() const { return m_dialect; }
    const StoreLocation &location() const { return m_location; }
    const QString &connectionName() const { return m_connectionName; }

    // A prepared statement (cached per SQL text) run with positional values.
    StoreResult<QSqlQuery *>
    run(const QString &sql, const QList<QVariant> &values, const QString &doing);
    // Every row of a query, fetched and finished (no statement left open holding a read lock).
    StoreResult<QList<Row>>
    select(const QString &sql, const QList<QVariant> &values, const QString &doing);
    // Calls row() for each row without copying the rows first (the list's hot path).
    StoreStatus scan(const QString &sql,
                     const QList<QVariant> &values,
                     const QString &doing,
                     const std::function<void(const QSqlQuery &)> &row);
    // An unprepared single statement (PRAGMA, BEGIN, DDL).
    StoreStatus exec(const QString &sql, const QString &doing);

    StoreStatus beginWrite(const QString &doing);
    StoreStatus commit(const QString &doing);
    // Never fails in a way the caller can act on; the first error is the one to report.
    void rollback();

    // The error for a failed statement, with the kind's explanation and the database text.
    StoreError error(const QSqlError &sqlError, const QString &doing);
    StoreError error(StoreError::Kind kind, const QString &doing, const QString &databaseText);

    // After a corrupt or not-a-database error nothing more is written in this session.
    bool isTrusted() const { return m_trusted; }
    void distrust() { m_trusted = false; }

    void clearStatements();
    // After the database opened: PostgreSQL's notices (WARNING: terminating connection ...)
    // are not written to standard error; the store reports what matters as its errors.
    void connected();

private:
    // PostgreSQL: the connection is gone (closed, bad, or an error that says so).
    bool connectionLost(const QSqlError &e) const;
    // The libpq connection of a PostgreSQL session, and its socket (-1 for SQLite).
    ::pg_conn *postgresConnection() const;
    int watchedSocket() const;
    // A PostgreSQL connection that was lost (or timed out) is opened again before the next
    // statement; a transaction it held is gone, so its COMMIT fails rather than reconnects.
    StoreStatus reconnectIfLost(const QString &doing);
    StoreError statementError(const QSqlError &e, bool timedOut, const QString &doing);

    StoreLocation m_location;
    SqlDialect m_dialect;
    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    bool m_trusted = true;
    bool m_lost = false;
};

} // namespace Peering
