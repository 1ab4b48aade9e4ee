#include "peeringdbchoices.h"

#include "metroaliases.h"

#include <QMap>

namespace Peering {

QList<PeeringDbChoices::Country> PeeringDbChoices::metrosByCountry() const
{
    QMap<QString, QStringList> byCountry;
    for (const PeeringDbCache::Facility &f : facilities) {
        QStringList &metros = byCountry[f.country];
        if (!metros.contains(f.metro))
            metros.append(f.metro);
    }
    QList<Country> out;
    for (auto it = byCountry.begin(); it != byCountry.end(); ++it) {
        QStringList metros = it.value();
        metros.sort(Qt::CaseInsensitive);
        out.append({it.key(), metros});
    }
    return out;
}

QList<PeeringDbCache::Facility> PeeringDbChoices::facilitiesIn(const QString &metro,
                                                               qint64 exchange) const
{
    const QList<qint64> shared = facilitiesOfExchange.value(exchange);
    QList<PeeringDbCache::Facility> out;
    for (const PeeringDbCache::Facility &f : facilities) {
        if (!metro.trimmed().isEmpty() && !MetroAliases::sameMetro(metro, f.city, f.country))
            continue;
        if (exchange > 0 && !shared.contains(f.id))
            continue;
        out.append(f);
    }
    return out;
}

} // namespace Peering
