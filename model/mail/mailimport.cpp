#include "mailimport.h"

#include "tracking/trackingchange.h"

#include <QJsonArray>

namespace Peering {

ImportedMail MailImport::classify(MailMessage message) const
{
    ImportedMail out;
    if (const MailRule *rule = m_rules.classify(message)) {
        out.stage = rule->stage;
        out.rule = rule->name;
    }
    out.extracted = MailExtractor::extract(message.text);
    out.message = std::move(message);
    return out;
}

MailRecord MailImport::record(const ImportedMail &mail)
{
    MailRecord r;
    r.messageId = mail.message.messageId;
    r.from = mail.message.from;
    r.subject = mail.message.subject;
    r.date = mail.message.date.isValid() ? mail.message.date.toString(Qt::ISODate) : QString();
    r.stage = mail.message.date.isValid() ? mail.stage : QString();
    return r;
}

QJsonObject MailImport::toJson(const ImportedMail &mail)
{
    const MailMessage &m = mail.message;
    QJsonObject extracted;
    for (const QString &k : MailExtractor::keys())
        extracted.insert(k, QJsonArray::fromStringList(mail.extracted.value(k)));
    const auto orNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    return {
        {QLatin1String("file"), m.file},
        {QLatin1String("index"), m.index},
        {QLatin1String("messageId"), m.messageId},
        {QLatin1String("from"), m.from},
        {QLatin1String("fromName"), m.fromName},
        {QLatin1String("subject"), m.subject},
        {QLatin1String("date"),
         m.date.isValid() ? QJsonValue(m.date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
        {QLatin1String("stage"), orNull(mail.stage)},
        {QLatin1String("extracted"), extracted},
    };
}

TrackingService::Change MailImport::attach(const QList<MailRecord> &records)
{
    return [records](const Onboarding &in) -> Result<Onboarding> {
        Onboarding o = in;
        for (const MailRecord &r : records) {
            Result<Onboarding> next = TrackingChange::attachMail(o, r);
            if (!next)
                return next;
            o = next.takeValue();
        }
        return o;
    };
}

} // namespace Peering
