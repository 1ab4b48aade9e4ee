// Where the PeeringDB settings live (QSettings, never the store) and the client options they
// make, for the command line and the window alike: the base URL of a mirror, the requests a
// minute it allows, and the API key from the keychain. PEERING_PEERINGDB_TIMEOUT (seconds)
// shortens the timeouts for tests.
#pragma once

#include "peeringdboptions.h"

#include "domain/result.h"

#include <QCoreApplication>

namespace Peering {

class PeeringDbSettings
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PeeringDbSettings)
public:
    static constexpr const char *BaseUrlKey = "peeringdb/baseUrl";
    static constexpr const char *RequestsPerMinuteKey = "peeringdb/requestsPerMinute";
    static constexpr int MaxRequestsPerMinute = 6000;

    // The settings' base URL (the real service when unset) and rate; no key.
    static PeeringDbOptions load();
    // load() with the keychain's key, when it has one and answers within keyTimeoutMs.
    static PeeringDbOptions loadWithKey(int keyTimeoutMs = 1500);

    // A base URL as given (callers trim what a user typed): http or https, a host, no user or
    // password; empty text is the empty URL (the real service). The failure names the fix.
    static Result<QUrl> parseBaseUrl(const QString &text);
    // Empty text: back to the real service.
    static Status setBaseUrl(const QString &text);
    // 0: PeeringDB's own limit (20 a minute, 40 with a key).
    static Status setRequestsPerMinute(int perMinute);
};

} // namespace Peering
