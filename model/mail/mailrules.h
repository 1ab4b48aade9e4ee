// Which stage a milestone e-mail is evidence for: rules in order, the first that matches wins.
// A rule names a stage and gives regular expressions (case-insensitive, matched anywhere) for the
// sender, the subject and the text; every one it gives must match. A mail no rule matches stays
// unclassified: it is never guessed.
//
// File format (docs/mail.md):
//   {"format": "peering-mail-rules/1",
//    "rules": [{"name": "...", "stage": "port-configured", "from": "...", "subject": "...",
//               "body": "..."}]}
//
// A forwarded copy (subject "Fwd:", "Fw:", "WG:", "TR:", "RV:") classifies like the original: the
// subject is matched without the prefix, and "from" also matches the "From:" lines quoted in the
// text, so a colleague's forward of Microsoft's mail still counts.
#pragma once

#include "mailmessage.h"

#include "domain/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>

#include <optional>

namespace Peering {

struct MailRule
{
    QString name;
    QString stage;
    QRegularExpression from, subject, body; // an empty pattern is no condition

    bool matches(const MailMessage &message) const;

    // What the rules are matched against, worked out once per mail.
    struct Subject
    {
        QString sender; // "Name <address>", or the address
        // Worked out when a rule first needs them.
        std::optional<QString> baseSubject;
        std::optional<bool> forward;
        std::optional<QStringList> quotedSenders; // a forward's "From:" lines
    };
    bool matches(const MailMessage &message, Subject &subject) const;
    static Subject subjectOf(const MailMessage &message);
};

class MailRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::MailRules)
public:
    static constexpr const char *Format = "peering-mail-rules/1";

    // The shipped rules: Microsoft's sender domain and the documented vocabulary.
    static MailRules defaults();
    // A rules file; every problem names the rule (by position and name) and the field.
    static Result<MailRules> parse(const QByteArray &json);
    static Result<MailRules> readFile(const QString &path);
    // The rules the desktop uses: the setting SettingsKey (a rules file's JSON, edited in
    // Settings > Mail Rules...), or the shipped rules when it is not set; a setting that does not
    // parse is ignored, with the reason in *problem.
    static constexpr const char *SettingsKey = "mail/rules";
    static MailRules configured(QString *problem = nullptr);
    QJsonObject toJson() const;
    // The rules file's text for people: one rule per block, its fields in the order name, stage,
    // from, subject, body (QJsonDocument would sort them).
    QString toText() const;

    // The first rule that matches, or nothing.
    const MailRule *classify(const MailMessage &message) const;
    const QList<MailRule> &rules() const { return m_rules; }

    // The subject without forward and reply prefixes ("Fwd: Re: x" is "x").
    static QString baseSubject(const QString &subject);
    static bool isForward(const QString &subject);

private:
    QList<MailRule> m_rules;
};

} // namespace Peering
