// The PeeringDB API key in the desktop keychain (QtKeychain, as the store passwords), never in
// the store, the settings, a URL or a message.
#pragma once

#include "domain/result.h"

#include <QString>

namespace Peering {

class PeeringDbApiKey
{
public:
    static constexpr const char *KeychainEntry = "peeringdb/api-key";

    // The stored key; a failure says why (none stored, no keychain).
    static Result<QString> read(int timeoutMs = 3000);
    static Status write(const QString &key, int timeoutMs = 3000);
    static Status remove(int timeoutMs = 3000);
};

} // namespace Peering
