// A customer ASN registered under a peering; Azure generates its Peering Service prefix key.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Peering {

class JsonReader;

struct RegisteredAsn
{
    QString name;
    QString asn;
    QString peering;        // the name of the peering it is registered under
    QString prefixKey;      // GUID pasted from the portal
    QString keyDeliveredAt; // ISO date-time, empty while not delivered
    QJsonObject extra;

    // The Azure resource name (peerings/<peering>/registeredAsns/<name>): the customer's name as
    // a lower-case ASCII slug with its ASN, "contoso-hosting-as396982". Valid in every export and
    // the same for the same customer and ASN; the customer's name itself goes where the format
    // has room for text (the ARM resource's comments, the scripts' comments).
    QString resourceName() const;

    QJsonObject toJson() const;
    static RegisteredAsn fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const RegisteredAsn &) const = default;
};

} // namespace Peering
