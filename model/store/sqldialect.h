// The few places where SQLite and PostgreSQL differ: auto-numbered keys, how a write transaction
// starts, row locks, catalogue queries, and what the drivers' error codes mean.
#pragma once

#include "storeerror.h"
#include "storelocation.h"

#include <QSqlError>

namespace Peering {

class SqlDialect
{
public:
    explicit SqlDialect(StoreLocation::Backend backend = StoreLocation::Backend::Sqlite)
        : m_backend(backend)
    { }

    StoreLocation::Backend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == StoreLocation::Backend::Sqlite; }

    // Replaces the portable macros of the migration files (@SERIAL_PK@).
    QString expand(QString sql) const;

    // SQLite: BEGIN IMMEDIATE takes the write lock up front, so a busy store waits (busy
    // timeout) instead of failing half-way when a read turns into a write.
    QString beginWrite() const;
    QString beginRead() const { return QStringLiteral("BEGIN"); }
    // Appended to a SELECT that reads a row about to be updated.
    QString forUpdate() const;
    // One bound value: the table name; one row when the table exists.
    QString tableExistsQuery() const;

    // What a driver error means for the user (full, locked, read-only, corrupt, ...).
    StoreError::Kind classify(const QSqlError &error) const;
    bool isUniqueViolation(const QSqlError &error) const;

private:
    StoreLocation::Backend m_backend;
};

} // namespace Peering
