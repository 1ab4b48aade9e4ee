#include "advertisedprefix.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace Peering {

QJsonObject AdvertisedPrefix::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("prefix"), prefix);
    o.insert(QLatin1String("originAsn"), asnToJson(originAsn));
    o.insert(QLatin1String("registered"), registered);
    o.insert(QLatin1String("communities"), QJsonArray::fromStringList(communities));
    QJsonArray path;
    // asnToJson() writes an empty ASN as null, which fromJson() refuses inside asPath: keep an
    // entry not yet filled in as "" so that a draft saves and loads.
    for (const QString &a : asPath)
        path.append(a.isEmpty() ? QJsonValue(QString()) : asnToJson(a));
    o.insert(QLatin1String("asPath"), path);
    o.insert(QLatin1String("trafficClass"), trafficClass);
    return o;
}

AdvertisedPrefix AdvertisedPrefix::fromJson(const QJsonObject &o, JsonReader &r,
                                            const QString &path)
{
    AdvertisedPrefix p;
    p.prefix = r.string(o, QLatin1String("prefix"), path);
    p.originAsn = r.asnText(o, QLatin1String("originAsn"), path);
    p.registered = r.boolean(o, QLatin1String("registered"), path, false);
    p.communities = r.stringList(o, QLatin1String("communities"), path);
    const QString apath = JsonReader::join(path, QLatin1String("asPath"));
    const QJsonArray a = r.array(o, QLatin1String("asPath"), path);
    p.asPath.reserve(a.size());
    for (qsizetype i = 0; i < a.size() && r.ok(); ++i) {
        const QString ip = JsonReader::index(apath, i);
        if (a[i].isNull() || a[i].isUndefined()) {
            r.fail(ip, QCoreApplication::translate("Peering::JsonReader",
                                                   "an ASN as a number or a string"),
                   a[i]);
            break;
        }
        p.asPath.append(r.asnText(a[i], ip));
    }
    p.trafficClass = r.string(o, QLatin1String("trafficClass"), path);
    p.extra = JsonReader::extras(o, {"prefix", "originAsn", "registered", "communities", "asPath",
                                     "trafficClass"});
    return p;
}

} // namespace Peering
