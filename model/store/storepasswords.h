// Passwords of team stores (PostgreSQL) in the desktop's keychain (Secret Service, KWallet) via
// QtKeychain, keyed by the store's display URL. Never in the URL, the settings or the logs. Every
// call waits a bounded time: a desktop without a keychain answers "unavailable", never hangs.
#pragma once

#include "domain/result.h"
#include "storelocation.h"
#include "storeoptions.h"

#include <QCoreApplication>
#include <QString>

namespace Peering {

class StorePasswords
{
    Q_DECLARE_TR_FUNCTIONS(Peering::StorePasswords)
public:
    static constexpr const char *Service = "peering-wizard";
    static constexpr int DefaultTimeoutMs = 3000;

    // The stored password; a failure says why (none stored, no keychain, timed out). missing, when
    // given, is set when the keychain answered that it has no such entry (it works).
    static Result<QString> read(const QString &key, int timeoutMs = DefaultTimeoutMs,
                                bool *missing = nullptr);
    static Status write(const QString &key, const QString &password,
                        int timeoutMs = DefaultTimeoutMs);
    static Status remove(const QString &key, int timeoutMs = DefaultTimeoutMs);

    // For a PostgreSQL store without PGPASSWORD and without a password in options: the keychain's
    // password for it, if it has one. True when the keychain supplied one.
    static bool supply(const StoreLocation &location, StoreOptions &options);
};

} // namespace Peering
