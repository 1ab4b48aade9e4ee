// The PeerAsn resource: the peer's public ASN associated with the Azure subscription.
#pragma once

#include "contact.h"

#include <QList>

namespace Peering {

struct PeerAsnAssociation
{
    QString name;
    QString asn; // as written: "64500", "AS64500" or asdot; parsed by the validator
    QString peerName;
    QString validationState = QStringLiteral("None"); // None, Pending, Approved, Failed
    QList<Contact> contacts;
    QJsonObject extra;

    static const QStringList &validationStates();

    QJsonObject toJson() const;
    static PeerAsnAssociation fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const PeerAsnAssociation &) const = default;
};

} // namespace Peering
