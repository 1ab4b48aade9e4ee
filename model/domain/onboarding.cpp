#include "onboarding.h"

#include "domain/jsonreader.h"

#include <QHash>
#include <QJsonArray>

namespace Peering {

QStringList Onboarding::metros() const
{
    QStringList out;
    for (const PeeringResource &p : peerings)
        if (!p.metro.isEmpty() && !out.contains(p.metro))
            out.append(p.metro);
    return out;
}

QStringList Onboarding::subscriptionIds() const
{
    QStringList out;
    for (const PeeringResource &p : peerings)
        if (!out.contains(p.subscriptionId))
            out.append(p.subscriptionId);
    return out;
}

int Onboarding::md5KeyCount() const
{
    int n = 0;
    for (const PeeringResource &p : peerings)
        for (const Connection &c : p.connections)
            n += c.bgp.md5Key.isEmpty() ? 0 : 1;
    return n;
}

int Onboarding::connectionCount() const
{
    int n = 0;
    for (const PeeringResource &p : peerings)
        n += int(p.connections.size());
    return n;
}

namespace {

template<typename T, typename Fn>
QJsonArray toArray(const QList<T> &items, Fn fn)
{
    QJsonArray a;
    for (const T &item : items)
        a.append(fn(item));
    return a;
}

template<typename T>
QList<T> readList(const QJsonObject &o, const char *key, JsonReader &r)
{
    QList<T> out;
    const QLatin1String k(key);
    const QJsonArray a = r.array(o, k, QString());
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size() && r.ok(); ++i) {
        const QString path = JsonReader::index(QString(k), i);
        out.append(T::fromJson(r.objectAt(a[i], path), r, path));
    }
    return out;
}

} // namespace

QJsonObject Onboarding::toJson(bool includeSecrets) const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("format"), QLatin1String(DocumentFormat));
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("peerAsn"), peerAsn.toJson());
    o.insert(QLatin1String("peerings"), toArray(peerings, [includeSecrets](const auto &p) {
                 return p.toJson(includeSecrets);
             }));
    o.insert(QLatin1String("prefixes"), toArray(prefixes, [](const auto &p) { return p.toJson(); }));
    o.insert(QLatin1String("registeredAsns"),
             toArray(registeredAsns, [](const auto &p) { return p.toJson(); }));
    o.insert(QLatin1String("milestones"),
             toArray(milestones, [](const auto &p) { return p.toJson(); }));
    o.insert(QLatin1String("mail"), toArray(mail, [](const auto &p) { return p.toJson(); }));
    // The mails' names and texts beside the log, only when there are any.
    QJsonArray texts;
    for (const MailRecord &m : mail)
        if (const QJsonObject t = m.textJson(); !t.isEmpty())
            texts.append(t);
    if (!texts.isEmpty())
        o.insert(QLatin1String("mailText"), texts);
    o.insert(QLatin1String("requirements"),
             toArray(requirements, [](const auto &p) { return p.toJson(); }));
    return o;
}

Onboarding Onboarding::fromJson(const QJsonObject &o, JsonReader &r)
{
    Onboarding ob;
    ob.name = r.string(o, QLatin1String("name"), QString());
    ob.peerAsn = PeerAsnAssociation::fromJson(r.object(o, QLatin1String("peerAsn"), QString()), r,
                                              QStringLiteral("peerAsn"));
    ob.peerings = readList<PeeringResource>(o, "peerings", r);
    ob.prefixes = readList<AdvertisedPrefix>(o, "prefixes", r);
    ob.registeredAsns = readList<RegisteredAsn>(o, "registeredAsns", r);
    ob.milestones = readList<Milestone>(o, "milestones", r);
    ob.mail = readList<MailRecord>(o, "mail", r);
    if (r.ok()) {
        qsizetype connections = 0;
        for (const PeeringResource &p : std::as_const(ob.peerings))
            connections += p.connections.size();
        if (connections > JsonReader::MaxConnections)
            r.failTooMany(QStringLiteral("peerings[].connections"), connections,
                          JsonReader::MaxConnections);
    }
    if (o.contains(QLatin1String("mailText")) && r.ok()) {
        QHash<QString, QList<qsizetype>> byId;
        for (qsizetype i = 0; i < ob.mail.size(); ++i)
            byId[ob.mail[i].messageId].append(i);
        const QJsonArray texts = r.array(o, QLatin1String("mailText"), QString());
        for (qsizetype i = 0; i < texts.size() && r.ok(); ++i) {
            const QString path = JsonReader::index(QStringLiteral("mailText"), i);
            const QJsonObject t = r.objectAt(texts[i], path);
            const QString id = r.string(t, QLatin1String("messageId"), path);
            const auto it = byId.constFind(id);
            if (it == byId.constEnd())
                continue;
            const QString fromName = r.string(t, QLatin1String("fromName"), path);
            const QString text = r.string(t, QLatin1String("text"), path);
            for (const qsizetype m : *it) {
                ob.mail[m].fromName = fromName;
                ob.mail[m].text = text;
            }
        }
    }
    ob.requirements = readList<RequirementCheck>(o, "requirements", r);
    ob.extra = JsonReader::extras(o, {"format", "name", "peerAsn", "peerings", "prefixes",
                                      "registeredAsns", "milestones", "mail", "mailText",
                                      "requirements"});
    return ob;
}

} // namespace Peering
