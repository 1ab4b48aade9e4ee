#include "peering.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace Peering {

QJsonObject PeeringResource::toJson(bool includeSecrets) const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("subscriptionId"), subscriptionId);
    o.insert(QLatin1String("resourceGroup"), resourceGroup);
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("azureRegion"), azureRegion);
    o.insert(QLatin1String("kind"), kind);
    o.insert(QLatin1String("microsoftNetwork"), microsoftNetwork);
    o.insert(QLatin1String("sku"), sku);
    o.insert(QLatin1String("metro"), metro);
    o.insert(QLatin1String("maxPrefixesFromMicrosoft"), maxPrefixesFromMicrosoft);
    QJsonArray a;
    for (const Connection &c : connections)
        a.append(c.toJson(includeSecrets));
    o.insert(QLatin1String("connections"), a);
    return o;
}

PeeringResource PeeringResource::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    PeeringResource p;
    p.subscriptionId = r.string(o, QLatin1String("subscriptionId"), path);
    p.resourceGroup = r.string(o, QLatin1String("resourceGroup"), path);
    p.name = r.string(o, QLatin1String("name"), path);
    p.azureRegion = r.string(o, QLatin1String("azureRegion"), path);
    p.kind = r.string(o, QLatin1String("kind"), path, p.kind);
    p.microsoftNetwork = r.string(o, QLatin1String("microsoftNetwork"), path, p.microsoftNetwork);
    p.sku = r.string(o, QLatin1String("sku"), path, p.sku);
    p.metro = r.string(o, QLatin1String("metro"), path);
    p.maxPrefixesFromMicrosoft = r.integer(o, QLatin1String("maxPrefixesFromMicrosoft"), path);
    const QString cpath = JsonReader::join(path, QLatin1String("connections"));
    const QJsonArray a = r.array(o, QLatin1String("connections"), path);
    p.connections.reserve(a.size());
    for (qsizetype i = 0; i < a.size() && r.ok(); ++i) {
        const QString ip = JsonReader::index(cpath, i);
        p.connections.append(Connection::fromJson(r.objectAt(a[i], ip), r, ip));
    }
    p.extra = JsonReader::extras(o, {"subscriptionId", "resourceGroup", "name", "azureRegion",
                                     "kind", "microsoftNetwork", "sku", "metro",
                                     "maxPrefixesFromMicrosoft", "connections"});
    return p;
}

} // namespace Peering
