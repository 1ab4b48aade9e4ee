#include "milestone.h"

#include "domain/jsonreader.h"

namespace Peering {

const QStringList &Milestone::stages()
{
    static const QStringList s{QStringLiteral("requirements"),  QStringLiteral("asn-association"),
                               QStringLiteral("peering-created"), QStringLiteral("port-configured"),
                               QStringLiteral("lag-up"),        QStringLiteral("bgp-mesh"),
                               QStringLiteral("active"),        QStringLiteral("customer-asns"),
                               QStringLiteral("keys-delivered"), QStringLiteral("prefixes-activated")};
    return s;
}

const QStringList &Milestone::sources()
{
    static const QStringList s{QStringLiteral("manual"), QStringLiteral("mail"),
                               QStringLiteral("state")};
    return s;
}

QJsonObject Milestone::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("stage"), stage);
    o.insert(QLatin1String("expected"), expected);
    o.insert(QLatin1String("reached"),
             reached.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(reached));
    o.insert(QLatin1String("source"), source);
    o.insert(QLatin1String("note"), note);
    return o;
}

Milestone Milestone::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    Milestone m;
    m.stage = r.string(o, QLatin1String("stage"), path);
    m.expected = r.string(o, QLatin1String("expected"), path);
    m.reached = r.nullableString(o, QLatin1String("reached"), path);
    m.source = r.string(o, QLatin1String("source"), path, m.source);
    m.note = r.string(o, QLatin1String("note"), path);
    m.extra = JsonReader::extras(o, {"stage", "expected", "reached", "source", "note"});
    return m;
}

} // namespace Peering
