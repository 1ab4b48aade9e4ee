#include "contact.h"

#include "domain/jsonreader.h"

namespace Peering {

const QStringList &Contact::roles()
{
    static const QStringList r{QStringLiteral("Noc"),     QStringLiteral("Policy"),
                               QStringLiteral("Technical"), QStringLiteral("Service"),
                               QStringLiteral("Escalation"), QStringLiteral("Other")};
    return r;
}

QJsonObject Contact::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("role"), role);
    o.insert(QLatin1String("email"), email);
    o.insert(QLatin1String("phone"), phone);
    return o;
}

Contact Contact::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    Contact c;
    c.role = r.string(o, QLatin1String("role"), path);
    c.email = r.string(o, QLatin1String("email"), path);
    c.phone = r.string(o, QLatin1String("phone"), path);
    c.extra = JsonReader::extras(o, {"role", "email", "phone"});
    return c;
}

} // namespace Peering
