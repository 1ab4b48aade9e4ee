// What every exporter is told: secrets or not, the ARM api-version, the paper size, and the time
// to print (pinned by tests so that golden files stay stable).
#pragma once

#include <QDateTime>
#include <QString>

namespace Peering {

struct ExportOptions
{
    static constexpr const char *DefaultApiVersion = "2022-10-01";

    bool includeSecrets = false; // MD5 keys only when the user asked for them
    QString apiVersion = QLatin1String(DefaultApiVersion);
    QString pageSize = QStringLiteral("a4"); // a4 or letter (PDF)
    QDateTime now; // invalid: the current time

    QDateTime effectiveNow() const
    {
        return now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
    }
};

} // namespace Peering
