#include "registeredasn.h"

#include "domain/jsonreader.h"

namespace Peering {

QJsonObject RegisteredAsn::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("asn"), asnToJson(asn));
    o.insert(QLatin1String("peering"), peering);
    o.insert(QLatin1String("prefixKey"), prefixKey);
    o.insert(QLatin1String("keyDeliveredAt"),
             keyDeliveredAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(keyDeliveredAt));
    return o;
}

RegisteredAsn RegisteredAsn::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    RegisteredAsn a;
    a.name = r.string(o, QLatin1String("name"), path);
    a.asn = r.asnText(o, QLatin1String("asn"), path);
    a.peering = r.string(o, QLatin1String("peering"), path);
    a.prefixKey = r.string(o, QLatin1String("prefixKey"), path);
    a.keyDeliveredAt = r.nullableString(o, QLatin1String("keyDeliveredAt"), path);
    a.extra = JsonReader::extras(o, {"name", "asn", "peering", "prefixKey", "keyDeliveredAt"});
    return a;
}

} // namespace Peering
