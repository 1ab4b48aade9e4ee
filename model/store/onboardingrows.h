// The normalized rows of one onboarding (peer ASN, contacts, peerings, connections, prefixes,
// registered ASNs, milestones, mail, requirements) and the list columns precomputed from it.
// The document JSON stays the source for load(); these rows serve queries and constraints.
#pragma once

#include "listcolumns.h"
#include "sqlsession.h"

#include "domain/onboarding.h"

namespace Peering {

class OnboardingRows
{
public:
    static StoreStatus
    insert(SqlSession &session, qint64 id, const Onboarding &onboarding, const QString &doing);
    static StoreStatus remove(SqlSession &session, qint64 id, const QString &doing);

    // stage, next_stage, next_expected, metros: the columns `list` reads.
    static QList<QVariant> summaryValues(const Onboarding &onboarding,
                                         const ListColumnsFunction &listColumns);
    // Recomputes the list columns of every onboarding from its stored document (a migration
    // that changes how they are derived asks for this).
    static StoreStatus refreshSummaries(SqlSession &session,
                                        const ListColumnsFunction &listColumns);

    // The parsed value of a registered customer ASN, or nothing while its text does not parse.
    static std::optional<quint32> asnValue(const QString &text);
};

} // namespace Peering
