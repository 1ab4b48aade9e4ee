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
    // Not part of the document: md5Key is the one kept in the desktop keychain (Md5Keychain),
    // as the store read or wrote it. A key typed or imported since is not, until it is saved.
    bool md5InKeychain = false;

    bool hasIpv6() const
    {
        return !sessionPrefixV6.isEmpty() || !peerIPv6.isEmpty() || !microsoftIPv6.isEmpty();
    }

    QJsonObject toJson(bool includeSecrets = true) const;
    static BgpSession fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    // The document's values; where the key is kept is not one of them.
    bool operator==(const BgpSession &other) const
    {
        return sessionPrefixV4 == other.sessionPrefixV4 && peerIPv4 == other.peerIPv4
            && microsoftIPv4 == other.microsoftIPv4 && sessionPrefixV6 == other.sessionPrefixV6
            && peerIPv6 == other.peerIPv6 && microsoftIPv6 == other.microsoftIPv6
            && maxPrefixesAdvertisedV4 == other.maxPrefixesAdvertisedV4
            && maxPrefixesAdvertisedV6 == other.maxPrefixesAdvertisedV6 && md5Key == other.md5Key
            && extra == other.extra;
    }
};

} // namespace Peering
