#include "mailrecord.h"

#include "domain/jsonreader.h"

namespace Peering {

QJsonObject MailRecord::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("messageId"), messageId);
    o.insert(QLatin1String("from"), from);
    o.insert(QLatin1String("subject"), subject);
    o.insert(QLatin1String("date"), date);
    o.insert(QLatin1String("stage"), stage);
    return o;
}

QJsonObject MailRecord::textJson() const
{
    if (fromName.isEmpty() && text.isEmpty())
        return {};
    QJsonObject o {{QLatin1String("messageId"), messageId}};
    if (!fromName.isEmpty())
        o.insert(QLatin1String("fromName"), fromName);
    if (!text.isEmpty())
        o.insert(QLatin1String("text"), text);
    return o;
}

MailRecord MailRecord::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    MailRecord m;
    m.messageId = r.string(o, QLatin1String("messageId"), path);
    m.from = r.string(o, QLatin1String("from"), path);
    m.subject = r.string(o, QLatin1String("subject"), path);
    m.date = r.string(o, QLatin1String("date"), path);
    m.stage = r.string(o, QLatin1String("stage"), path);
    m.extra = JsonReader::extras(o, {"messageId", "from", "subject", "date", "stage"});
    return m;
}

} // namespace Peering
