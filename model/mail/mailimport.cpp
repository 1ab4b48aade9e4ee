#include "mailimport.h"

#include "tracking/onboardingtracker.h"
#include "tracking/trackingchange.h"

#include <QFileInfo>

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstdio>

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
    r.fromName = mail.message.fromName;
    r.text = mail.message.text.left(MailRecord::MaxTextChars);
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

namespace {

void appendJsonString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

} // namespace

QByteArray MailImport::toJsonText(const ImportedMail &mail)
{
    const MailMessage &m = mail.message;
    QByteArray out;
    out.reserve(512);
    // Keys in the order QJsonDocument writes them (sorted), so that both forms are the same text.
    out += "{\"date\":";
    if (m.date.isValid())
        appendJsonString(out, m.date.toString(Qt::ISODate));
    else
        out += "null";
    out += ",\"extracted\":{";
    QStringList keys = MailExtractor::keys();
    std::sort(keys.begin(), keys.end());
    for (qsizetype k = 0; k < keys.size(); ++k) {
        if (k)
            out += ',';
        appendJsonString(out, keys.at(k));
        out += ":[";
        const QStringList values = mail.extracted.value(keys.at(k));
        for (qsizetype v = 0; v < values.size(); ++v) {
            if (v)
                out += ',';
            appendJsonString(out, values.at(v));
        }
        out += ']';
    }
    out += "},\"file\":";
    appendJsonString(out, m.file);
    out += ",\"from\":";
    appendJsonString(out, m.from);
    out += ",\"fromName\":";
    appendJsonString(out, m.fromName);
    out += ",\"index\":" + QByteArray::number(m.index);
    out += ",\"messageId\":";
    appendJsonString(out, m.messageId);
    out += ",\"stage\":";
    if (mail.stage.isEmpty())
        out += "null";
    else
        appendJsonString(out, mail.stage);
    out += ",\"subject\":";
    appendJsonString(out, m.subject);
    out += '}';
    return out;
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

Result<MailBatch> MailImport::read(const QStringList &paths, const QList<QByteArray> &messages,
                                  const std::function<void(const ImportedMail &)> &each) const
{
    MailBatch batch;
    const auto visit = [&](MailMessage &&m) {
        ImportedMail mail = classify(std::move(m));
        if (each)
            each(mail);
        batch.mails.append(std::move(mail));
    };
    const auto refuse = [&](MailRefusal &&r) { batch.refused.append(std::move(r)); };
    for (const QString &path : paths) {
        QString error;
        if (!MailReader::read(path, visit, refuse, &error))
            return Result<MailBatch>::failure(error);
    }
    for (qsizetype i = 0; i < messages.size(); ++i)
        MailReader::readData(messages.at(i), tr("dropped message %1").arg(i + 1), visit, refuse);
    return batch;
}

StoreResult<MailImportResult> MailImport::applyTo(OnboardingStore &store, const QString &name,
                                                  int expectedVersion, const MailBatch &batch)
{
    MailImportResult result;
    result.read = int(batch.mails.size());
    result.refused = batch.refused;
    QList<MailRecord> records;
    for (const ImportedMail &mail : batch.mails) {
        if (!mail.message.date.isValid())
            ++result.undated;
        records.append(record(mail));
    }
    auto loaded = store.load(name);
    if (!loaded)
        return loaded.error();
    const int before = int(loaded->onboarding.mail.size());
    QSet<QString> known;
    for (const MailRecord &r : loaded->onboarding.mail)
        known.insert(r.messageId);
    TrackingService service(store);
    auto saved = service.apply(name, expectedVersion, attach(records));
    if (!saved)
        return saved.error();
    result.stored = saved.takeValue();
    result.added = int(result.stored.onboarding.mail.size()) - before;
    result.already = int(records.size()) - result.added;
    for (const MailRecord &r : std::as_const(records))
        if (!known.contains(r.messageId) && !r.stage.isEmpty() && !result.stages.contains(r.stage))
            result.stages.append(r.stage);
    for (const ImportedMail &m : batch.mails) {
        bool found = false;
        for (const QStringList &values : m.extracted)
            found = found || !values.isEmpty();
        if (found && m.stage == QLatin1String("port-configured")
            && !known.contains(m.message.messageId))
            result.withAddresses.append(m);
    }
    return result;
}

StoreResult<MailImportResult> MailImport::importInto(OnboardingStore &store, const QString &name,
                                                     int expectedVersion, const QStringList &paths,
                                                     const QList<QByteArray> &messages,
                                                     const std::function<void(const ImportedMail &)> &each) const
{
    const Result<MailBatch> batch = read(paths, messages, each);
    if (!batch)
        return StoreError(StoreError::Kind::Invalid, batch.error());
    return applyTo(store, name, expectedVersion, *batch);
}

StoreResult<MatchedImport> MailImport::importMatching(OnboardingStore &store,
                                                      const QStringList &paths,
                                                      const QList<QByteArray> &messages) const
{
    const Result<MailBatch> batch = read(paths, messages);
    if (!batch)
        return StoreError(StoreError::Kind::Invalid, batch.error());
    MatchedImport out;
    out.refused = batch->refused;
    auto listed = store.list();
    if (!listed)
        return listed.error();
    QList<Onboarding> onboardings;
    for (const OnboardingSummary &s : *listed)
        if (auto loaded = store.load(s.name))
            onboardings.append(loaded->onboarding);
    QMap<QString, MailBatch> byName;
    for (const ImportedMail &m : batch->mails) {
        const QString name = matchOnboarding(onboardings, m.message.subject, m.message.text);
        if (name.isEmpty())
            out.unmatched.append(m);
        else
            byName[name].mails.append(m);
    }
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        auto applied = applyTo(store, it.key(), 0, it.value());
        if (!applied)
            return applied.error();
        out.results.append(applied.takeValue());
    }
    return out;
}

QString MailImport::summary(const MailImportResult &r)
{
    QStringList stages;
    for (const QString &id : r.stages)
        stages.append(OnboardingTracker::title(id));
    QString text = tr("%n new mail(s) imported", nullptr, r.added);
    if (r.already > 0)
        text += tr(", %n imported before", nullptr, r.already);
    if (!stages.isEmpty())
        text += tr("; evidence for %1").arg(stages.join(QStringLiteral(", ")));
    if (r.undated > 0)
        text += tr("; %n without a valid date kept unclassified", nullptr, r.undated);
    if (!r.refused.isEmpty())
        text += tr("; %n refused (%1: %2)", nullptr, int(r.refused.size()))
                    .arg(QFileInfo(r.refused.first().file).fileName(), r.refused.first().reason);
    return text;
}

TrackingChange::SessionAddresses MailImport::sessionAddresses(const QMap<QString, QStringList> &found)
{
    TrackingChange::SessionAddresses a;
    const auto take = [&](const QString &key, QString &ip, QString &prefix) {
        for (const QString &value : found.value(key)) {
            const qsizetype slash = value.indexOf(u'/');
            if (slash >= 0) {
                if (prefix.isEmpty())
                    prefix = value;
                if (ip.isEmpty())
                    ip = value.left(slash);
            } else if (ip.isEmpty()) {
                ip = value;
            }
        }
    };
    take(QStringLiteral("microsoftIPv4"), a.microsoftIPv4, a.sessionPrefixV4);
    take(QStringLiteral("peerIPv4"), a.peerIPv4, a.sessionPrefixV4);
    take(QStringLiteral("microsoftIPv6"), a.microsoftIPv6, a.sessionPrefixV6);
    take(QStringLiteral("peerIPv6"), a.peerIPv6, a.sessionPrefixV6);
    return a;
}

namespace {

bool names(const QString &haystack, const QString &needle)
{
    if (needle.trimmed().size() < 3)
        return false;
    // As a word: "ams" must not match inside "amsterdam-2".
    const QRegularExpression word(QStringLiteral("(?<![\\w-])%1(?![\\w-])")
                                      .arg(QRegularExpression::escape(needle.trimmed())),
                                  QRegularExpression::CaseInsensitiveOption);
    return word.match(haystack).hasMatch();
}

} // namespace

std::optional<std::pair<int, int>> MailImport::matchConnection(const Onboarding &o,
                                                               const QString &subject,
                                                               const QString &text)
{
    const QString all = subject + u'\n' + text;
    for (int p = 0; p < o.peerings.size(); ++p) {
        const PeeringResource &r = o.peerings.at(p);
        for (int c = 0; c < r.connections.size(); ++c)
            if (names(all, r.connections.at(c).id))
                return std::make_pair(p, c);
    }
    for (int p = 0; p < o.peerings.size(); ++p) {
        const PeeringResource &r = o.peerings.at(p);
        if (r.connections.isEmpty())
            continue;
        if (names(all, r.name))
            return std::make_pair(p, 0);
        for (int c = 0; c < r.connections.size(); ++c)
            if (names(all, r.connections.at(c).facilityName))
                return std::make_pair(p, c);
    }
    return std::nullopt;
}

QString MailImport::matchOnboarding(const QList<Onboarding> &onboardings, const QString &subject,
                                    const QString &text)
{
    const QString all = subject + u'\n' + text;
    QString found;
    for (const Onboarding &o : onboardings) {
        bool match = !o.peerAsn.asn.isEmpty()
            && (names(all, QStringLiteral("AS") + o.peerAsn.asn) || names(all, o.peerAsn.asn));
        for (const PeeringResource &r : o.peerings)
            match = match || names(all, r.name);
        if (!match)
            continue;
        if (!found.isEmpty())
            return {}; // two onboardings named: not ours to choose
        found = o.name;
    }
    return found;
}

} // namespace Peering
