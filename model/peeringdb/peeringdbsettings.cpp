#include "peeringdbsettings.h"

#include "peeringdbapikey.h"

#include <QSettings>

namespace Peering {

PeeringDbOptions PeeringDbSettings::load()
{
    PeeringDbOptions options;
    const QSettings settings;
    const Result<QUrl> base
        = parseBaseUrl(settings.value(QLatin1String(BaseUrlKey)).toString().trimmed());
    if (base && !base->isEmpty())
        options.baseUrl = *base;
    options.requestsPerMinute = qBound(
        0, settings.value(QLatin1String(RequestsPerMinuteKey), 0).toInt(), MaxRequestsPerMinute);
    bool timeoutSet = false;
    const int timeoutS = qEnvironmentVariable("PEERING_PEERINGDB_TIMEOUT").toInt(&timeoutSet);
    if (timeoutSet && timeoutS > 0) {
        options.idleTimeoutMs = timeoutS * 1000;
        options.requestTimeoutMs = timeoutS * 2000;
    }
    return options;
}

PeeringDbOptions PeeringDbSettings::loadWithKey(int keyTimeoutMs)
{
    PeeringDbOptions options = load();
    // Optional: anonymous when the keychain has none or does not answer.
    const Result<QString> key = PeeringDbApiKey::read(keyTimeoutMs);
    if (key)
        options.apiKey = key.value().trimmed();
    return options;
}

Result<QUrl> PeeringDbSettings::parseBaseUrl(const QString &text)
{
    if (text.isEmpty())
        return QUrl();
    const QUrl base(text, QUrl::StrictMode);
    if (!base.isValid() || base.host().isEmpty()
        || (base.scheme() != QLatin1String("https") && base.scheme() != QLatin1String("http"))
        || !base.userInfo().isEmpty())
        return Result<QUrl>::failure(
            tr("the PeeringDB base URL must be an http or https URL without user or password, "
               "such as %1, not \"%2\"")
                .arg(QLatin1String(PeeringDbOptions::DefaultBaseUrl), text));
    return base;
}

Status PeeringDbSettings::setBaseUrl(const QString &text)
{
    const Result<QUrl> base = parseBaseUrl(text.trimmed());
    if (!base)
        return Status::failure(base.error());
    QSettings settings;
    if (base->isEmpty() || base->toString() == QLatin1String(PeeringDbOptions::DefaultBaseUrl))
        settings.remove(QLatin1String(BaseUrlKey));
    else
        settings.setValue(QLatin1String(BaseUrlKey), base->toString());
    return {};
}

Status PeeringDbSettings::setRequestsPerMinute(int perMinute)
{
    if (perMinute < 0 || perMinute > MaxRequestsPerMinute)
        return Status::failure(tr("requests a minute must be between 0 (PeeringDB's own limit) "
                                  "and %1, not %2")
                                   .arg(MaxRequestsPerMinute)
                                   .arg(perMinute));
    QSettings settings;
    if (perMinute == 0)
        settings.remove(QLatin1String(RequestsPerMinuteKey));
    else
        settings.setValue(QLatin1String(RequestsPerMinuteKey), perMinute);
    return {};
}

} // namespace Peering
