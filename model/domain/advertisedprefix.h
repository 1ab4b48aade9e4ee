// A prefix the peer advertises to Microsoft, with what Microsoft checks about it.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Peering {

class JsonReader;

struct AdvertisedPrefix
{
    static constexpr const char *RequiredCommunity = "8075:8007";

    QString prefix;
    QString originAsn;
    bool registered = false;
    QStringList communities;
    QStringList asPath; // ASNs as written
    QString trafficClass;
    QJsonObject extra;

    QJsonObject toJson() const;
    static AdvertisedPrefix fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const AdvertisedPrefix &) const = default;
};

} // namespace Peering
