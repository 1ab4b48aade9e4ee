#include "onboardingrows.h"

#include "document/onboardingdocument.h"
#include "domain/asn.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Peering {

namespace {

// A null QString binds as SQL NULL; the child columns keep "" as "".
QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant flag(bool b)
{
    return QVariant(b ? 1 : 0);
}

QString jsonList(const QStringList &items)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<quint32> OnboardingRows::asnValue(const QString &text)
{
    if (text.trimmed().isEmpty())
        return std::nullopt;
    const Result<Asn> asn = Asn::parse(text);
    if (!asn)
        return std::nullopt;
    return asn->value();
}

QList<QVariant> OnboardingRows::summaryValues(const Onboarding &onboarding,
                                              const ListColumnsFunction &listColumns)
{
    const ListColumns columns = listColumns(onboarding);
    const bool hasNext = !columns.nextStage.isEmpty();
    return {columns.stage,
            hasNext ? QVariant(columns.nextStage) : QVariant(QMetaType::fromType<QString>()),
            hasNext && columns.nextExpected.isValid()
                ? QVariant(columns.nextExpected.toString(Qt::ISODate))
                : QVariant(QMetaType::fromType<QString>()),
            jsonList(onboarding.metros())};
}

StoreStatus
OnboardingRows::insert(SqlSession &s, qint64 id, const Onboarding &o, const QString &doing)
{
#define PEERING_RUN(sql, ...)                                                                      \
    do {                                                                                           \
        StoreResult<QSqlQuery *> r_ = s.run(QStringLiteral(sql), {__VA_ARGS__}, doing);            \
        if (!r_)                                                                                   \
            return r_.error();                                                                     \
    } while (false)

    const PeerAsnAssociation &a = o.peerAsn;
    PEERING_RUN("INSERT INTO peer_asn_associations (onboarding_id, name, asn, peer_name, "
                "validation_state) VALUES (?, ?, ?, ?, ?)",
                id, text(a.name), text(a.asn), text(a.peerName), text(a.validationState));
    for (qsizetype i = 0; i < a.contacts.size(); ++i) {
        const Contact &c = a.contacts.at(i);
        PEERING_RUN("INSERT INTO contacts (onboarding_id, position, role, email, phone) "
                    "VALUES (?, ?, ?, ?, ?)",
                    id, int(i), text(c.role), text(c.email), text(c.phone));
    }
    for (qsizetype p = 0; p < o.peerings.size(); ++p) {
        const PeeringResource &r = o.peerings.at(p);
        PEERING_RUN("INSERT INTO peerings (onboarding_id, position, name, subscription_id, "
                    "resource_group, azure_region, kind, microsoft_network, sku, metro, "
                    "max_prefixes_from_microsoft) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, int(p), text(r.name), text(r.subscriptionId), text(r.resourceGroup),
                    text(r.azureRegion), text(r.kind), text(r.microsoftNetwork), text(r.sku),
                    text(r.metro), r.maxPrefixesFromMicrosoft);
        for (qsizetype c = 0; c < r.connections.size(); ++c) {
            const Connection &k = r.connections.at(c);
            const BgpSession &b = k.bgp;
            PEERING_RUN(
                "INSERT INTO connections (onboarding_id, peering_position, position, "
                "connection_id, role, peeringdb_facility_id, facility_name, peer_routers, "
                "bandwidth_mbps, session_address_provider, use_for_peering_service, lacp, "
                "stateful_firewall, rate_limited, state, session_prefix_v4, peer_ipv4, "
                "microsoft_ipv4, session_prefix_v6, peer_ipv6, microsoft_ipv6, "
                "max_prefixes_advertised_v4, max_prefixes_advertised_v6) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, int(p), int(c), text(k.id), text(k.role), k.peeringDbFacilityId,
                text(k.facilityName), jsonList(k.peerRouters), k.bandwidthMbps,
                text(k.sessionAddressProvider), flag(k.useForPeeringService), flag(k.lacp),
                flag(k.statefulFirewall), flag(k.rateLimited), text(k.state),
                text(b.sessionPrefixV4), text(b.peerIPv4), text(b.microsoftIPv4),
                text(b.sessionPrefixV6), text(b.peerIPv6), text(b.microsoftIPv6),
                b.maxPrefixesAdvertisedV4, b.maxPrefixesAdvertisedV6);
        }
    }
    for (qsizetype i = 0; i < o.prefixes.size(); ++i) {
        const AdvertisedPrefix &p = o.prefixes.at(i);
        PEERING_RUN("INSERT INTO prefixes (onboarding_id, position, prefix, origin_asn, "
                    "registered, communities, as_path, traffic_class) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id, int(i), text(p.prefix), text(p.originAsn), flag(p.registered),
                    jsonList(p.communities), jsonList(p.asPath), text(p.trafficClass));
    }
    for (qsizetype i = 0; i < o.registeredAsns.size(); ++i) {
        const RegisteredAsn &r = o.registeredAsns.at(i);
        const std::optional<quint32> value = asnValue(r.asn);
        PEERING_RUN("INSERT INTO registered_asns (onboarding_id, position, name, asn, asn_value, "
                    "peering, prefix_key, key_delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    id, int(i), text(r.name), text(r.asn),
                    value ? QVariant(qint64(*value)) : QVariant(QMetaType::fromType<qint64>()),
                    text(r.peering), text(r.prefixKey), nullableText(r.keyDeliveredAt));
    }
    for (qsizetype i = 0; i < o.milestones.size(); ++i) {
        const Milestone &m = o.milestones.at(i);
        PEERING_RUN("INSERT INTO milestones (onboarding_id, position, stage, expected, reached, "
                    "source, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id, int(i), text(m.stage), text(m.expected), nullableText(m.reached),
                    text(m.source), text(m.note));
    }
    for (qsizetype i = 0; i < o.mail.size(); ++i) {
        const MailRecord &m = o.mail.at(i);
        PEERING_RUN("INSERT INTO mail (onboarding_id, position, message_id, sender, subject, "
                    "sent_at, stage) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id, int(i), text(m.messageId), text(m.from), text(m.subject), text(m.date),
                    text(m.stage));
    }
    for (qsizetype i = 0; i < o.requirements.size(); ++i) {
        const RequirementCheck &r = o.requirements.at(i);
        PEERING_RUN("INSERT INTO requirements (onboarding_id, position, requirement_id, status, "
                    "note) VALUES (?, ?, ?, ?, ?)",
                    id, int(i), text(r.id), text(r.status), text(r.note));
    }
#undef PEERING_RUN
    return StoreDone {};
}

StoreStatus OnboardingRows::remove(SqlSession &s, qint64 id, const QString &doing)
{
    // Children first: the store does not rely on ON DELETE CASCADE being enabled.
    static const char *const tables[]
        = {"connections",     "peerings",   "contacts", "peer_asn_associations", "prefixes",
           "registered_asns", "milestones", "mail",     "requirements"};
    for (const char *table : tables) {
        StoreResult<QSqlQuery *> r = s.run(
            QStringLiteral("DELETE FROM %1 WHERE onboarding_id = ?").arg(QLatin1String(table)),
            {id}, doing);
        if (!r)
            return r.error();
    }
    return StoreDone {};
}

StoreStatus OnboardingRows::refreshSummaries(SqlSession &s, const ListColumnsFunction &listColumns)
{
    const QString doing = SqlSession::tr("cannot fill in the list columns");
    StoreResult<QList<SqlSession::Row>> rows = s.select(
        QStringLiteral("SELECT onboarding_id, document FROM onboarding_documents"), {}, doing);
    if (!rows)
        return rows.error();
    for (const SqlSession::Row &row : *rows) {
        const Result<Onboarding> doc = OnboardingDocument::parse(row.at(1).toString().toUtf8());
        if (!doc)
            return s.error(StoreError::Kind::Corrupt, doing, doc.error());
        QList<QVariant> values = summaryValues(*doc, listColumns);
        values.append(row.at(0));
        StoreResult<QSqlQuery *> r = s.run(
            QStringLiteral("UPDATE onboardings SET stage = ?, next_stage = ?, next_expected = ?, "
                           "metros = ? WHERE id = ?"),
            values, doing);
        if (!r)
            return r.error();
    }
    return StoreDone {};
}

} // namespace Peering
