// How the PeeringDB client talks to the service: where, with which key, how fast and how
// patiently. The defaults are for the real service.
#pragma once

#include <QString>
#include <QUrl>

namespace Peering {

struct PeeringDbOptions
{
    static constexpr const char *DefaultBaseUrl = "https://www.peeringdb.com/api";

    QUrl baseUrl = QUrl(QString::fromLatin1(DefaultBaseUrl));
    // Optional; sent only as "Authorization: Api-Key <key>", never in a URL, log or message.
    QString apiKey;
    // Requests in any 60 s; 0 means PeeringDB's own limit: 20 anonymous, 40 with a key. A
    // setting, for mirrors that allow more.
    int requestsPerMinute = 0;
    // The window the limit counts in (tests shorten it).
    int rateWindowMs = 60 * 1000;
    // Rows per page (limit/skip): a few thousand keeps a whole sync within the rate limit.
    int pageSize = 5000;
    // No byte for this long: the request failed (QNetworkRequest::setTransferTimeout).
    int idleTimeoutMs = 20000;
    // One request (one page) may take at most this long, bytes or not.
    int requestTimeoutMs = 45000;
    // A page larger than this is refused as it arrives (the real netixlan page of 5,000 rows is
    // about 2 MB).
    qint64 maxBodyBytes = 64 * 1024 * 1024;
    // HTTP 429 with Retry-After up to this long: every request waits, then retries (at most
    // maxRetries times). Longer: the sync stops and says when to try again.
    int maxRetryAfterSeconds = 60;
    int maxRetries = 3;

    int effectiveRequestsPerMinute() const
    {
        return requestsPerMinute > 0 ? requestsPerMinute : (apiKey.isEmpty() ? 20 : 40);
    }
};

} // namespace Peering
