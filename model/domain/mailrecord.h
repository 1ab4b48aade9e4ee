// A milestone e-mail from Microsoft that was imported as evidence for a stage.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Peering {

class JsonReader;

struct MailRecord
{
    QString messageId;
    QString from;
    QString subject;
    QString date; // ISO 8601 UTC
    QString stage;
    QJsonObject extra;

    QJsonObject toJson() const;
    static MailRecord fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const MailRecord &) const = default;
};

} // namespace Peering
