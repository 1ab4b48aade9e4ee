#include "statechange.h"

#include "domain/jsonreader.h"

namespace Peering {

QJsonObject StateChange::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("state"), state);
    o.insert(QLatin1String("since"), since);
    o.insert(QLatin1String("source"), source);
    return o;
}

StateChange StateChange::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    StateChange c;
    c.state = r.string(o, QLatin1String("state"), path);
    c.since = r.string(o, QLatin1String("since"), path);
    c.source = r.string(o, QLatin1String("source"), path, c.source);
    c.extra = JsonReader::extras(o, {"state", "since", "source"});
    return c;
}

} // namespace Peering
