#include "storepasswords.h"

#include "keychainjob.h"

#include <qt6keychain/keychain.h>

namespace Peering {

Result<QString> StorePasswords::read(const QString &key, int timeoutMs, bool *missing)
{
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(Service));
    job->setKey(key);
    QString error;
    if (missing)
        *missing = false;
    if (!runKeychainJob(job, timeoutMs, &error)) {
        if (job->autoDelete() == false) {
            if (missing)
                *missing = job->error() == QKeychain::EntryNotFound;
            delete job;
        }
        return Result<QString>::failure(tr("no password from the keychain for %1: %2").arg(key, error));
    }
    const QString password = job->textData();
    delete job;
    return password;
}

Status StorePasswords::write(const QString &key, const QString &password, int timeoutMs)
{
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(Service));
    job->setKey(key);
    job->setTextData(password);
    QString error;
    const bool ok = runKeychainJob(job, timeoutMs, &error);
    if (!job->autoDelete())
        delete job;
    if (!ok)
        return Status::failure(tr("the password for %1 could not be kept in the keychain: %2").arg(key, error));
    return {};
}

Status StorePasswords::remove(const QString &key, int timeoutMs)
{
    auto *job = new QKeychain::DeletePasswordJob(QLatin1String(Service));
    job->setKey(key);
    QString error;
    const bool ok = runKeychainJob(job, timeoutMs, &error);
    if (!job->autoDelete())
        delete job;
    if (!ok)
        return Status::failure(tr("the password for %1 could not be removed from the keychain: %2").arg(key, error));
    return {};
}

bool StorePasswords::supply(const StoreLocation &location, StoreOptions &options)
{
    if (!location.isPostgreSql() || !options.password.isEmpty()
        || !qEnvironmentVariableIsEmpty("PGPASSWORD"))
        return false;
    const Result<QString> kept = read(location.displayString());
    if (!kept)
        return false; // none kept, or no keychain: libpq still tries ~/.pgpass
    options.password = kept.value();
    return true;
}

} // namespace Peering
