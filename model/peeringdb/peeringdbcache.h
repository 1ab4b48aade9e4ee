// The PeeringDB cache in the onboarding store (tables pdb_*, schema version 5), on SQLite and
// PostgreSQL alike. A sync is applied in one transaction: the cache is either the old one or the
// new one, never a mixture. Reads answer the pickers, the facilities command and the checks.
#pragma once

#include "peeringdbfetch.h"

#include "store/storeresult.h"
#include "validation/peeringdbfacts.h"
#include "validation/validationcontext.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace Peering {

class OnboardingStore;
struct PeeringDbChoices;

class PeeringDbCache
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PeeringDbCache)
public:
    explicit PeeringDbCache(OnboardingStore &store);

    struct ObjectState
    {
        QString object;
        QString scope;
        qint64 syncedAt = 0; // unix seconds: when the sync that brought it began
        qint64 rows = 0;
        QString source;
        QString syncedBy;
    };
    // The objects synced so far (none before the first sync).
    StoreResult<QList<ObjectState>> state();
    // When the oldest object was last synced; invalid before the first sync.
    StoreResult<QDateTime> lastSync();
    // Whether there is a cache to pick facilities from (fac and netfac synced).
    StoreResult<bool> isAvailable();

    // Writes a fetch in one transaction; on any error nothing of it is left. userName is who
    // synced (pdb_sync.synced_by).
    StoreStatus apply(const PeeringDbFetch &fetch, const QString &userName);

    struct Facility
    {
        qint64 id = 0;
        QString name;
        QString city;
        QString state;
        QString country;
        QString metro; // MetroAliases::metroOfCity(city)
    };
    // Facilities where Microsoft (net 694) is present (netfac), sorted by id; metro keeps one
    // metro (MetroAliases::sameMetro), commonWithIx those where that exchange is too (ixfac).
    StoreResult<QList<Facility>> microsoftFacilities(const QString &metro = {},
                                                     qint64 commonWithIx = 0);

    struct Exchange
    {
        qint64 id = 0;
        QString name;
        QString city;
        QString country;
    };
    StoreResult<QList<Exchange>> exchanges();
    StoreResult<std::optional<Exchange>> exchange(qint64 id);

    struct Network
    {
        qint64 id = 0;
        qint64 asn = 0;
        QString name;
        QString aka;
    };
    // net?asn=: the network of an ASN, if the cache has it.
    StoreResult<std::optional<Network>> networkByAsn(qint64 asn);
    // The peering LAN prefixes (ixpfx) of an exchange (its ixlans).
    StoreResult<QStringList> exchangePrefixes(qint64 ixId);
    // The exchanges where an ASN is present (netixlan), sorted by id.
    StoreResult<QList<qint64>> exchangesOfAsn(qint64 asn);
    // Everything the peeringdb.* rules need, with the exchanges of these peer ASNs (the store's:
    // the ones a sync fetches netixlan for); nullopt without a cache.
    StoreResult<std::optional<PeeringDbFacts>> facts(const QList<qint64> &peerAsns);

    // What the wizard's pickers offer, read at once (PeeringDbChoices::available is false
    // without a cache).
    StoreResult<PeeringDbChoices> choices();

    // The peer ASNs of the store's onboardings (a sync fetches their networks and exchanges).
    StoreResult<QList<qint64>> storePeerAsns();
    // Adds facts() for the store's peer ASNs to a validation context; without a cache, or when
    // the cache cannot be read, the context stays as it is and the peeringdb.* rules say nothing.
    void addFactsTo(ValidationContext &context);

private:
    OnboardingStore &m_store;
};

} // namespace Peering
