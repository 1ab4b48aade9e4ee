// The field-level difference between two versions of an onboarding document, for the audit
// trail: one entry per changed leaf, by document path. Secrets are never written in clear.
#pragma once

#include "auditentry.h"

#include <QJsonObject>
#include <QList>
#include <QMap>

namespace Peering {

class AuditDiff
{
public:
    static constexpr const char *SecretMask = "(secret)";

    // Entries with field, oldValue and newValue set (a missing side is a null QString).
    static QList<AuditEntry> diff(const QJsonObject &before, const QJsonObject &after);

    // path -> value text of every leaf (scalars, empty arrays and objects), secrets included:
    // only diff() output is masked.
    static QMap<QString, QString> flatten(const QJsonObject &document);
};

} // namespace Peering
