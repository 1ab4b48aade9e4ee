// What every exporter is told: secrets or not, the ARM api-version, the paper size, and the time
// to print (pinned by tests so that golden files stay stable).
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Peering {

struct ExportOptions
{
    // The latest stable api-version of Microsoft.Peering (azure-rest-api-specs, stable/).
    static constexpr const char *DefaultApiVersion = "2025-05-01";
    // Every api-version Azure has published for Microsoft.Peering, stable and preview, oldest
    // first; an export is asked for one of these or refused.
    static const QStringList &knownApiVersions()
    {
        static const QStringList v {QStringLiteral("2019-08-01-preview"), QStringLiteral("2019-09-01-preview"),
                                    QStringLiteral("2020-01-01-preview"), QStringLiteral("2020-04-01"),
                                    QStringLiteral("2020-10-01"),         QStringLiteral("2021-01-01"),
                                    QStringLiteral("2021-06-01"),         QStringLiteral("2022-01-01"),
                                    QStringLiteral("2022-06-01"),         QStringLiteral("2022-10-01"),
                                    QStringLiteral("2025-05-01")};
        return v;
    }

    bool includeSecrets = false; // MD5 keys only when the user asked for them
    // az reads a value starting with "@" as a file; the az export refuses such values unless set.
    bool allowAt = false;
    QString apiVersion = QLatin1String(DefaultApiVersion);
    QString pageSize = QStringLiteral("a4"); // a4 or letter (PDF)
    QDateTime now; // invalid: the current time

    QDateTime effectiveNow() const
    {
        return now.isValid() ? now.toUTC() : QDateTime::currentDateTimeUtc();
    }
};

} // namespace Peering
