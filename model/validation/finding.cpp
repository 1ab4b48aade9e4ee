#include "finding.h"

namespace Peering {

QString severityId(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

QJsonObject Finding::toJson() const
{
    QJsonObject o{{QLatin1String("rule"), rule},
                  {QLatin1String("severity"), severityId(severity)},
                  {QLatin1String("path"), path},
                  {QLatin1String("message"), message}};
    if (omitted > 0)
        o.insert(QLatin1String("omitted"), omitted);
    return o;
}

int countSeverity(const Findings &findings, Severity s)
{
    int n = 0;
    for (const Finding &f : findings)
        n += f.severity != s ? 0 : f.omitted > 0 ? f.omitted : 1;
    return n;
}

} // namespace Peering
