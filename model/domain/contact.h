// A contact of the peer ASN association (role Noc, Policy, Technical, Service, Escalation, Other).
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Peering {

class JsonReader;

struct Contact
{
    QString role;
    QString email;
    QString phone;
    QJsonObject extra;

    static const QStringList &roles();

    QJsonObject toJson() const;
    static Contact fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const Contact &) const = default;
};

} // namespace Peering
