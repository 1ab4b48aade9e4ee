// One line of the audit trail: who changed which field of an onboarding, when, from what to what.
#pragma once

#include <QDateTime>
#include <QString>

namespace Peering {

struct AuditEntry
{
    // The field paths of whole-onboarding events (no single field changed).
    static constexpr const char *Created = "(created)";
    static constexpr const char *Removed = "(removed)";
    static constexpr const char *Replaced = "(replaced)";

    QString onboardingName;
    QString user;
    QDateTime time;
    QString field; // a document path, e.g. peerings[0].connections[1].bandwidthMbps
    QString oldValue;
    QString newValue;
};

} // namespace Peering
