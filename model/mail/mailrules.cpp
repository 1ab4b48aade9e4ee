#include "mailrules.h"

#include "domain/milestone.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

namespace Peering {

namespace {

QRegularExpression pattern(const QString &text)
{
    // Case-insensitive for every script; \b, \w and \d keep their ASCII meaning (Unicode
    // properties would make every rule several times slower on long texts).
    return QRegularExpression(text, QRegularExpression::CaseInsensitiveOption);
}

const QRegularExpression &forwardPrefix()
{
    static const QRegularExpression p(
        QStringLiteral("^\\s*(?:(?:fwd?|wg|tr|rv|re|aw|sv)\\s*(?:\\[\\d+\\])?\\s*:\\s*)+"),
        QRegularExpression::CaseInsensitiveOption);
    return p;
}

// The senders quoted in a forwarded mail's text ("From: Microsoft <x@microsoft.com>").
QStringList quotedSenders(const QString &text)
{
    static const QRegularExpression line(QStringLiteral("^[ \\t>]*(?:From|Von|De)\\s*:(.*)$"),
                                         QRegularExpression::CaseInsensitiveOption
                                             | QRegularExpression::MultilineOption);
    QStringList out;
    auto it = line.globalMatch(text);
    while (it.hasNext() && out.size() < 20)
        out.append(it.next().captured(1).trimmed());
    return out;
}

} // namespace

MailRule::Subject MailRule::subjectOf(const MailMessage &m)
{
    Subject s;
    s.sender = m.fromName.isEmpty() ? m.from : QStringLiteral("%1 <%2>").arg(m.fromName, m.from);
    return s;
}

bool MailRule::matches(const MailMessage &m) const
{
    Subject s = subjectOf(m);
    return matches(m, s);
}

bool MailRule::matches(const MailMessage &m, Subject &s) const
{
    if (!from.pattern().isEmpty()) {
        bool ok = from.match(s.sender).hasMatch();
        if (!ok) {
            if (!s.forward)
                s.forward = MailRules::isForward(m.subject);
            if (*s.forward) {
                if (!s.quotedSenders)
                    s.quotedSenders = quotedSenders(m.text);
                for (const QString &quoted : std::as_const(*s.quotedSenders))
                    ok = ok || from.match(quoted).hasMatch();
            }
        }
        if (!ok)
            return false;
    }
    if (!subject.pattern().isEmpty() && !subject.match(m.subject).hasMatch()) {
        if (!s.baseSubject)
            s.baseSubject = MailRules::baseSubject(m.subject);
        if (!subject.match(*s.baseSubject).hasMatch())
            return false;
    }
    if (!body.pattern().isEmpty() && !body.match(m.text).hasMatch())
        return false;
    return true;
}

QString MailRules::baseSubject(const QString &subject)
{
    QString s = subject;
    s.remove(forwardPrefix());
    return s.trimmed();
}

bool MailRules::isForward(const QString &subject)
{
    static const QRegularExpression fwd(QStringLiteral("^\\s*(?:re\\s*:\\s*)*(?:fwd?|wg|tr|rv)\\s*:"),
                                        QRegularExpression::CaseInsensitiveOption);
    return fwd.match(subject).hasMatch();
}

MailRules MailRules::defaults()
{
    // Microsoft does not publish the wording of its milestone mails: these key on the sender's
    // domain and the vocabulary of the walkthrough (our reading). Later stages first, so that a
    // mail saying "Active" is not taken for an earlier stage it also mentions.
    static const char *const json = R"json({"format": "peering-mail-rules/1", "rules": [
 {"name": "Connection state Active", "stage": "active", "from": "microsoft\\.com",
  "subject": "", "body": "(connection\\s*state\\W*(is|changed to|:)?\\W*active\\b|\\bis now active\\b|\\bconnectionState\\W+Active\\b)"},
 {"name": "BGP session established", "stage": "bgp-mesh", "from": "microsoft\\.com",
  "body": "\\bBGP\\b.{0,40}\\bsessions?\\b.{0,40}\\bestablished\\b"},
 {"name": "LAG up", "stage": "lag-up", "from": "microsoft\\.com",
  "body": "(\\bLAG\\b|link aggregation|\\bLACP\\b).{0,60}\\b(is up|are up|up and running|established)\\b"},
 {"name": "Port configured, IP addresses allocated", "stage": "port-configured",
  "from": "microsoft\\.com",
  "body": "(\\bports?\\b.{0,40}\\b(has been|have been|is|are|was|were)\\s+configured\\b|\\bIP\\s+address(es)?\\b.{0,60}\\b(allocated|assigned)\\b)"},
 {"name": "Peering request approved, provisioning started", "stage": "peering-created",
  "from": "microsoft\\.com",
  "body": "(peering\\s+request.{0,60}\\bapproved\\b|\\bprovisioning\\s+(has\\s+)?started\\b|\\bProvisioningStarted\\b)"},
 {"name": "Peer ASN association approved", "stage": "asn-association", "from": "microsoft\\.com",
  "body": "((peer\\s*)?ASN\\b.{0,60}\\b(association|validation)\\b.{0,60}\\bapproved\\b|validation\\s*state\\W*(is\\W*)?approved)"}
]})json";
    // Parsed once: the patterns (implicitly shared) keep their compiled form in every copy.
    static const MailRules shipped = [] {
        const Result<MailRules> rules = parse(QByteArray(json));
        Q_ASSERT_X(rules.ok(), "MailRules::defaults", "the shipped rules do not parse");
        return rules ? rules.value() : MailRules();
    }();
    return shipped;
}

Result<MailRules> MailRules::parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<MailRules>::failure(
            tr("the rules are not JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return Result<MailRules>::failure(tr("the rules must be a JSON object"));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(Format))
        return Result<MailRules>::failure(
            tr("\"format\" must be \"%1\"").arg(QLatin1String(Format)));
    if (!root.value(QLatin1String("rules")).isArray())
        return Result<MailRules>::failure(tr("\"rules\" must be a list of rules"));
    MailRules out;
    const QJsonArray list = root.value(QLatin1String("rules")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = tr("rule %1").arg(i + 1);
        if (!list.at(i).isObject())
            return Result<MailRules>::failure(tr("%1 must be an object").arg(where));
        const QJsonObject o = list.at(i).toObject();
        MailRule r;
        r.name = o.value(QLatin1String("name")).toString();
        const QString named = r.name.isEmpty() ? where : tr("%1 (\"%2\")").arg(where, r.name);
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!QStringList {QStringLiteral("name"), QStringLiteral("stage"),
                              QStringLiteral("from"), QStringLiteral("subject"),
                              QStringLiteral("body")}
                     .contains(it.key()))
                return Result<MailRules>::failure(
                    tr("%1: unknown field \"%2\"; a rule has name, stage, from, subject and body")
                        .arg(named, it.key()));
        r.stage = o.value(QLatin1String("stage")).toString();
        if (!Milestone::stages().contains(r.stage))
            return Result<MailRules>::failure(
                tr("%1: \"stage\" must be one of %2, not \"%3\"")
                    .arg(named, Milestone::stages().join(QStringLiteral(", ")), r.stage));
        int conditions = 0;
        for (const char *field : {"from", "subject", "body"}) {
            const QJsonValue v = o.value(QLatin1String(field));
            if (!v.isUndefined() && !v.isString() && !v.isNull())
                return Result<MailRules>::failure(
                    tr("%1: \"%2\" must be a regular expression in a string")
                        .arg(named, QLatin1String(field)));
            const QRegularExpression re = pattern(v.toString());
            if (!re.isValid())
                return Result<MailRules>::failure(
                    tr("%1: \"%2\" is not a valid regular expression: %3 at offset %4")
                        .arg(named, QLatin1String(field), re.errorString())
                        .arg(re.patternErrorOffset()));
            if (!re.pattern().isEmpty())
                ++conditions;
            if (qstrcmp(field, "from") == 0)
                r.from = re;
            else if (qstrcmp(field, "subject") == 0)
                r.subject = re;
            else
                r.body = re;
        }
        if (conditions == 0)
            return Result<MailRules>::failure(
                tr("%1: give at least one of from, subject and body (a rule without conditions "
                   "would take every mail)")
                    .arg(named));
        out.m_rules.append(r);
    }
    return out;
}

Result<MailRules> MailRules::readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Result<MailRules>::failure(tr("%1: cannot be read (%2)").arg(path, f.errorString()));
    const Result<MailRules> rules = parse(f.read(4 << 20));
    if (!rules)
        return Result<MailRules>::failure(tr("%1: %2").arg(path, rules.error()));
    return rules;
}

MailRules MailRules::configured(QString *problem)
{
    const QString text = QSettings().value(QLatin1String(SettingsKey)).toString();
    if (text.trimmed().isEmpty())
        return defaults();
    const Result<MailRules> rules = parse(text.toUtf8());
    if (rules)
        return rules.value();
    if (problem)
        *problem = rules.error();
    return defaults();
}

QJsonObject MailRules::toJson() const
{
    QJsonArray list;
    for (const MailRule &r : m_rules) {
        QJsonObject o {{QLatin1String("name"), r.name}, {QLatin1String("stage"), r.stage}};
        if (!r.from.pattern().isEmpty())
            o.insert(QLatin1String("from"), r.from.pattern());
        if (!r.subject.pattern().isEmpty())
            o.insert(QLatin1String("subject"), r.subject.pattern());
        if (!r.body.pattern().isEmpty())
            o.insert(QLatin1String("body"), r.body.pattern());
        list.append(o);
    }
    return {{QLatin1String("format"), QLatin1String(Format)}, {QLatin1String("rules"), list}};
}

QString MailRules::toText() const
{
    const auto quoted = [](const QString &text) {
        const QByteArray a = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(a.mid(1, a.size() - 2)); // ["..."] without the brackets
    };
    QString out = QStringLiteral("{\n  \"format\": %1,\n  \"rules\": [\n").arg(quoted(QLatin1String(Format)));
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const MailRule &r = m_rules.at(i);
        QStringList fields {QStringLiteral("\"name\": ") + quoted(r.name),
                            QStringLiteral("\"stage\": ") + quoted(r.stage)};
        if (!r.from.pattern().isEmpty())
            fields.append(QStringLiteral("\"from\": ") + quoted(r.from.pattern()));
        if (!r.subject.pattern().isEmpty())
            fields.append(QStringLiteral("\"subject\": ") + quoted(r.subject.pattern()));
        if (!r.body.pattern().isEmpty())
            fields.append(QStringLiteral("\"body\": ") + quoted(r.body.pattern()));
        out += QStringLiteral("    {") + fields.join(QStringLiteral(",\n     ")) + u'}'
            + (i + 1 < m_rules.size() ? QStringLiteral(",\n") : QStringLiteral("\n"));
    }
    return out + QStringLiteral("  ]\n}\n");
}

const MailRule *MailRules::classify(const MailMessage &message) const
{
    MailRule::Subject subject = MailRule::subjectOf(message);
    for (const MailRule &r : m_rules)
        if (r.matches(message, subject))
            return &r;
    return nullptr;
}

} // namespace Peering
