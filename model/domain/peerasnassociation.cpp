#include "peerasnassociation.h"

#include "domain/jsonreader.h"

#include <QJsonArray>

namespace Peering {

const QStringList &PeerAsnAssociation::validationStates()
{
    static const QStringList s{QStringLiteral("None"), QStringLiteral("Pending"),
                               QStringLiteral("Approved"), QStringLiteral("Failed")};
    return s;
}

QJsonObject PeerAsnAssociation::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("asn"), asnToJson(asn));
    o.insert(QLatin1String("peerName"), peerName);
    o.insert(QLatin1String("validationState"), validationState);
    QJsonArray a;
    for (const Contact &c : contacts)
        a.append(c.toJson());
    o.insert(QLatin1String("contacts"), a);
    return o;
}

PeerAsnAssociation PeerAsnAssociation::fromJson(const QJsonObject &o, JsonReader &r,
                                                const QString &path)
{
    PeerAsnAssociation p;
    p.name = r.string(o, QLatin1String("name"), path);
    p.asn = r.asnText(o, QLatin1String("asn"), path);
    p.peerName = r.string(o, QLatin1String("peerName"), path);
    p.validationState = r.string(o, QLatin1String("validationState"), path, p.validationState);
    const QString cpath = JsonReader::join(path, QLatin1String("contacts"));
    const QJsonArray a = r.array(o, QLatin1String("contacts"), path);
    for (qsizetype i = 0; i < a.size() && r.ok(); ++i) {
        const QString ip = JsonReader::index(cpath, i);
        p.contacts.append(Contact::fromJson(r.objectAt(a[i], ip), r, ip));
    }
    p.extra = JsonReader::extras(o, {"name", "asn", "peerName", "validationState", "contacts"});
    return p;
}

} // namespace Peering
