// What the wizard's pickers offer from the PeeringDB cache, read once when the wizard opens:
// Microsoft's facilities with their metros, the exchanges that share a facility with Microsoft
// (and which), the networks' names by ASN, and when the cache was synced. A plain value: pages
// never reach the store.
#pragma once

#include "peeringdbcache.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Peering {

struct PeeringDbChoices
{
    bool available = false; // false: no cache; the fields stay typed by hand
    QDateTime lastSync;
    QList<PeeringDbCache::Facility> facilities; // Microsoft's, by id
    QList<PeeringDbCache::Exchange> exchanges; // those present at one of them, by name
    QHash<qint64, QList<qint64>> facilitiesOfExchange; // ix id -> Microsoft facility ids
    QHash<qint64, QString> networkNames; // ASN -> PeeringDB network name

    struct Country
    {
        QString country;
        QStringList metros; // sorted
    };
    // Microsoft's metros grouped by country (countries and metros sorted).
    QList<Country> metrosByCountry() const;
    // Microsoft's facilities in a metro (any when empty), and where the exchange is too (any
    // when 0).
    QList<PeeringDbCache::Facility> facilitiesIn(const QString &metro, qint64 exchange = 0) const;
};

} // namespace Peering
