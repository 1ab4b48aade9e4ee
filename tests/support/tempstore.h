// Throwaway stores for tests: a fresh SQLite file in a temporary folder, or a fresh database on
// the throwaway PostgreSQL server of scripts/pg-test-server.sh (PEERING_TEST_PG_URL). Tests never
// touch the user's real store. Also a raw connection to the same store, for the checks and
// damage a test needs to do behind the store's back.
#pragma once

#include "store/storelocation.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>

namespace Peering::TestSupport {

class TempStore
{
public:
    static constexpr const char *PostgreSqlUrlVariable = "PEERING_TEST_PG_URL";
    static constexpr const char *BackendVariable = "PEERING_TEST_STORE_BACKEND";

    // The back end a test run is for: PEERING_TEST_STORE_BACKEND=postgresql, else SQLite.
    static StoreLocation::Backend backendFromEnvironment();
    static QString backendName(StoreLocation::Backend backend);

    // tag names the PostgreSQL database (peering_<tag>_<pid>), so parallel test programs do not
    // meet.
    TempStore(StoreLocation::Backend backend, const QString &tag);
    ~TempStore();

    // Empty when usable; otherwise why not (for QSKIP / QFAIL).
    QString unavailableReason() const { return m_unavailable; }
    StoreLocation::Backend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == StoreLocation::Backend::Sqlite; }

    // A fresh, empty store: a new file name, or the PostgreSQL database emptied (public schema
    // dropped and made again). Returns false with reason() when that fails.
    bool reset();
    const QString &reason() const { return m_unavailable; }
    StoreLocation location() const { return m_location; }
    QString folder() const;

    // Raw SQL on the same store, outside the store class. exec returns the error text (empty
    // on success); scalar returns the first column of the first row.
    QString exec(const QString &sql);
    QString execScript(const QString &text); // a migration-style script (";" at line end)
    QVariant scalar(const QString &sql, QString *error = nullptr);
    void closeRaw();

private:
    QSqlDatabase raw();

    StoreLocation::Backend m_backend;
    QString m_tag;
    QString m_unavailable;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_files = 0;
    StoreLocation m_location;
    StoreLocation m_admin; // PostgreSQL: the server's database from PEERING_TEST_PG_URL
    QString m_database;
    QString m_rawName;
};

} // namespace Peering::TestSupport
