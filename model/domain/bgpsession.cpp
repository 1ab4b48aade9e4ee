#include "bgpsession.h"

#include "domain/jsonreader.h"

namespace Peering {

QJsonObject BgpSession::toJson(bool includeSecrets) const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("sessionPrefixV4"), sessionPrefixV4);
    o.insert(QLatin1String("peerIPv4"), peerIPv4);
    o.insert(QLatin1String("microsoftIPv4"), microsoftIPv4);
    o.insert(QLatin1String("sessionPrefixV6"), sessionPrefixV6);
    o.insert(QLatin1String("peerIPv6"), peerIPv6);
    o.insert(QLatin1String("microsoftIPv6"), microsoftIPv6);
    o.insert(QLatin1String("maxPrefixesAdvertisedV4"), maxPrefixesAdvertisedV4);
    o.insert(QLatin1String("maxPrefixesAdvertisedV6"), maxPrefixesAdvertisedV6);
    if (includeSecrets)
        o.insert(QLatin1String("md5Key"), md5Key);
    else
        o.remove(QLatin1String("md5Key"));
    return o;
}

BgpSession BgpSession::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    BgpSession b;
    b.sessionPrefixV4 = r.string(o, QLatin1String("sessionPrefixV4"), path);
    b.peerIPv4 = r.string(o, QLatin1String("peerIPv4"), path);
    b.microsoftIPv4 = r.string(o, QLatin1String("microsoftIPv4"), path);
    b.sessionPrefixV6 = r.string(o, QLatin1String("sessionPrefixV6"), path);
    b.peerIPv6 = r.string(o, QLatin1String("peerIPv6"), path);
    b.microsoftIPv6 = r.string(o, QLatin1String("microsoftIPv6"), path);
    b.maxPrefixesAdvertisedV4 = r.integer(o, QLatin1String("maxPrefixesAdvertisedV4"), path);
    b.maxPrefixesAdvertisedV6 = r.integer(o, QLatin1String("maxPrefixesAdvertisedV6"), path);
    b.md5Key = r.string(o, QLatin1String("md5Key"), path);
    b.extra = JsonReader::extras(o, {"sessionPrefixV4", "peerIPv4", "microsoftIPv4",
                                     "sessionPrefixV6", "peerIPv6", "microsoftIPv6",
                                     "maxPrefixesAdvertisedV4", "maxPrefixesAdvertisedV6", "md5Key"});
    return b;
}

} // namespace Peering
