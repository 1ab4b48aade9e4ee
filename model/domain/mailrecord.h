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
    QString stage; // empty: unclassified, to be assigned by hand
    // Kept beside the log, in the document's "mailText" (the log's objects stay the five fields):
    QString fromName; // the sender's display name
    QString text; // the mail's plain text (at most MaxTextChars)
    QJsonObject extra;

    // The text kept of a mail in the document.
    static constexpr qsizetype MaxTextChars = 64 * 1024;

    QJsonObject toJson() const;
    static MailRecord fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    // {messageId, fromName, text} for "mailText", or an empty object when there is neither.
    QJsonObject textJson() const;
    bool operator==(const MailRecord &) const = default;
};

} // namespace Peering
