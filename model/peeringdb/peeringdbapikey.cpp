#include "peeringdbapikey.h"

#include "store/storepasswords.h"

namespace Peering {

Result<QString> PeeringDbApiKey::read(int timeoutMs)
{
    return StorePasswords::read(QLatin1String(KeychainEntry), timeoutMs);
}

Status PeeringDbApiKey::write(const QString &key, int timeoutMs)
{
    return StorePasswords::write(QLatin1String(KeychainEntry), key, timeoutMs);
}

Status PeeringDbApiKey::remove(int timeoutMs)
{
    return StorePasswords::remove(QLatin1String(KeychainEntry), timeoutMs);
}

} // namespace Peering
