// How to open an onboarding store.
#pragma once

#include "listcolumns.h"

#include <QString>

namespace Peering {

struct StoreOptions
{
    enum class Mode {
        // Checks the store (SQLite integrity_check), upgrades its schema, and may write.
        ReadWrite,
        // For listings and reports: no checks beyond "is a store of a version we know", never
        // writes (an older schema is upgraded first through a short read-write open).
        ReadOnly,
    };

    Mode mode = Mode::ReadWrite;
    // The name written to the audit trail and to updated_by; empty means the OS user name.
    QString userName;
    // How long to wait for another program's lock (SQLite busy timeout, PostgreSQL lock_timeout)
    // before giving up with a "locked" error.
    int busyTimeoutMs = 5000;
    // PostgreSQL: a password from the keychain. When empty, libpq uses PGPASSWORD or ~/.pgpass.
    // Never part of the URL.
    QString password;
    // MD5 keys are left out of the store unless this is set (design: secrets are not written in
    // clear to the store by default).
    bool keepSecrets = false;
    // 0 means the latest; tests use a lower version to build stores of an older schema.
    int targetSchemaVersion = 0;
    // Derives the list columns of a document. Required for a read-write open (the store writes
    // them on every save); TrackedStore::open sets it to the tracker's derivation.
    ListColumnsFunction listColumns;
};

} // namespace Peering
