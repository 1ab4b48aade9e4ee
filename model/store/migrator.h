// Versioned schema migrations from the embedded resources/sql files (NNNN_name.sql). The pending
// ones are applied in one transaction, each with its schema_version row, so a store is always at
// exactly one released version, also after a crash half-way (SQLite and PostgreSQL both roll back
// DDL).
#pragma once

#include "sqlscript.h"
#include "sqlsession.h"

#include <QCoreApplication>

#include <functional>

namespace Peering {

class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Peering::Migrator)
public:
    struct Migration
    {
        int version = 0;
        QString resource; // ":/sql/0001_initial.sql"
    };

    static const QList<Migration> &migrations();
    static int latestVersion();
    static Result<SqlScript> script(const Migration &migration);

    // 0 for an empty database; NotAStore for a database that holds something else.
    static StoreResult<int> currentVersion(SqlSession &session);

    // Applies every migration above the current version up to target; a migration file with the
    // line "-- peering: refresh-summaries" makes it recompute the list columns at the end.
    static StoreStatus migrate(SqlSession &session,
                               int target,
                               const QString &userName,
                               const std::function<StoreStatus()> &refreshSummaries);
};

} // namespace Peering
