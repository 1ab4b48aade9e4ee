#include "keychainjob.h"

#include "storepasswords.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace Peering {

// Runs a keychain job to its end or to the timeout. The caller deletes a finished job; one that
// timed out deletes itself whenever it finishes, so nothing dangles.
bool runKeychainJob(QKeychain::Job *job, int timeoutMs, QString *error)
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

} // namespace Peering
