#include "storepasswords.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace Peering {

namespace {

// Runs a keychain job to its end or to the timeout. The caller deletes a finished job; one that
// timed out deletes itself whenever it finishes, so nothing dangles.
bool runJob(QKeychain::Job *job, int timeoutMs, QString *error)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    if (!finished) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        *error = StorePasswords::tr("the keychain did not answer within %1 s").arg(timeoutMs / 1000.0);
        return false;
    }
    if (job->error() != QKeychain::NoError) {
        *error = job->errorString();
        return false;
    }
    return true;
}

} // namespace

Result<QString> StorePasswords::read(const QString &key, int timeoutMs)
{
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(Service));
    job->setKey(key);
    QString error;
    if (!runJob(job, timeoutMs, &error)) {
        if (job->autoDelete() == false)
            delete job;
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
    const bool ok = runJob(job, timeoutMs, &error);
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
    const bool ok = runJob(job, timeoutMs, &error);
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
