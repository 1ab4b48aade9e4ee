// Azure peering metros and the PeeringDB cities they take in. PeeringDB has no metro: a
// facility's metro is its city, unless the city is a suburb or spelling of an Azure metro
// (Sterling is Ashburn, Frankfurt am Main is Frankfurt, Santa Clara is San Jose).
#pragma once

#include <QString>
#include <QStringList>

namespace Peering {

class MetroAliases
{
public:
    // The Azure metro of a PeeringDB city: the metro's own name when the city is one of its
    // names (case and accents aside) and the country, when given, is the metro's; "City, CC"
    // when the name is a metro's but the country is another; else the city itself, trimmed.
    static QString metroOfCity(const QString &city, const QString &country = {});
    // Whether a metro typed by a user (any case, an alias too) is the metro of that city.
    static bool sameMetro(const QString &metro, const QString &city, const QString &country = {});
    // A comparison key: lower case, accents and punctuation removed, spaces collapsed.
    static QString key(const QString &text);
    // The Azure metros the table knows.
    static QStringList azureMetros();
};

} // namespace Peering
