// One keychain job run to its end within a time limit: the store passwords and the MD5 keys
// share it.
#pragma once

#include <QString>

namespace QKeychain {
class Job;
}

namespace Peering {

// Runs a keychain job to its end or to the timeout; false with the reason in error when it
// failed or did not answer. The caller deletes a finished job (job->autoDelete() is false); one
// that timed out deletes itself whenever it finishes.
bool runKeychainJob(QKeychain::Job *job, int timeoutMs, QString *error);

} // namespace Peering
