// One result of validation: which rule, how bad, where, and what to do about it.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Peering {

enum class Severity { Error, Warning, Info };

QString severityId(Severity s); // "error", "warning", "info"

struct Finding
{
    QString rule;     // stable rule id, e.g. "bandwidth.minimum"
    Severity severity = Severity::Error;
    QString path;     // field path, e.g. "peerings[0].connections[1].bandwidthMbps"
    QString message;  // translated; says what is wrong and how to fix it
    // Above ValidationRun::MaxFindingsPerRule findings of one rule and severity, the rest are
    // not listed: one finding at the first of them stands for them all, omitted giving how many.
    int omitted = 0;

    QJsonObject toJson() const;
    bool operator==(const Finding &) const = default;
};

using Findings = QList<Finding>;

// Counts the findings not listed too (omitted).
int countSeverity(const Findings &findings, Severity s);
inline bool hasErrors(const Findings &findings)
{
    for (const Finding &f : findings)
        if (f.severity == Severity::Error)
            return true;
    return false;
}

} // namespace Peering
