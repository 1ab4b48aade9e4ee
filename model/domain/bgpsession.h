// The BGP session of a direct connection: the peer gives one peer IP and one Microsoft IP per
// family; Microsoft builds the mesh from them.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Peering {

class JsonReader;

struct BgpSession
{
    QString sessionPrefixV4;
    QString peerIPv4;
    QString microsoftIPv4;
    QString sessionPrefixV6;
    QString peerIPv6;
    QString microsoftIPv6;
    qint64 maxPrefixesAdvertisedV4 = 0;
    qint64 maxPrefixesAdvertisedV6 = 0;
    QString md5Key; // a secret: left out of exports unless asked for
    QJsonObject extra;

    bool hasIpv6() const
    {
        return !sessionPrefixV6.isEmpty() || !peerIPv6.isEmpty() || !microsoftIPv6.isEmpty();
    }

    QJsonObject toJson(bool includeSecrets = true) const;
    static BgpSession fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const BgpSession &) const = default;
};

} // namespace Peering
