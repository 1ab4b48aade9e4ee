#include "armexporter.h"

#include "domain/asn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace Peering {

namespace {

const QString kPeerAsnType = QStringLiteral("Microsoft.Peering/peerAsns");

// ARM evaluates a string that starts with "[" as an expression; "[[" makes it a literal.
QString literal(const QString &text)
{
    return text.startsWith(u'[') ? QStringLiteral("[") + text : text;
}

// A string literal inside an ARM expression: single quotes doubled.
QString expressionString(const QString &text)
{
    QString s = text;
    s.replace(u'\'', QStringLiteral("''"));
    return u'\'' + s + u'\'';
}

QJsonValue asnValue(const QString &written)
{
    const auto asn = Asn::parse(written);
    if (asn)
        return double(asn->value());
    return literal(written); // unparseable: kept as written so the reviewer sees it (validation says why)
}

QString peerAsnName(const Onboarding &o)
{
    return o.peerAsn.name.isEmpty() ? QStringLiteral("AS") + o.peerAsn.asn : o.peerAsn.name;
}

} // namespace

QString ArmExporter::connectionIdentifier(const PeeringResource &peering, int index)
{
    const Connection &c = peering.connections.at(index);
    if (!c.id.isEmpty())
        return c.id;
    // Version 5 (SHA-1, name based) in a fixed namespace: the same document gives the same id.
    static const QUuid ns(QStringLiteral("{5b0f8a0e-0f4c-4d2b-9a57-6f1f2c0e8075}"));
    return QUuid::createUuidV5(ns,
                               QStringLiteral("%1/%2").arg(peering.name, QString::number(index)))
        .toString(QUuid::WithoutBraces);
}

QJsonObject ArmExporter::directProperties(const Onboarding &o,
                                          const PeeringResource &p,
                                          const ExportOptions &options,
                                          bool armExpressions)
{
    // "[" is doubled for ARM only; the az JSON and PowerShell take values as they are.
    const auto text = [armExpressions](const QString &value) {
        return armExpressions ? literal(value) : value;
    };
    QJsonArray connections;
    for (int i = 0; i < p.connections.size(); ++i) {
        const Connection &c = p.connections[i];
        const BgpSession &b = c.bgp;
        QJsonObject bgp {
            {QStringLiteral("sessionPrefixV4"), text(b.sessionPrefixV4)},
            {QStringLiteral("peerSessionIPv4Address"), text(b.peerIPv4)},
            {QStringLiteral("microsoftSessionIPv4Address"), text(b.microsoftIPv4)},
            {QStringLiteral("maxPrefixesAdvertisedV4"), double(b.maxPrefixesAdvertisedV4)}};
        if (b.hasIpv6()) {
            bgp.insert(QStringLiteral("sessionPrefixV6"), text(b.sessionPrefixV6));
            bgp.insert(QStringLiteral("peerSessionIPv6Address"), text(b.peerIPv6));
            bgp.insert(QStringLiteral("microsoftSessionIPv6Address"), text(b.microsoftIPv6));
            bgp.insert(QStringLiteral("maxPrefixesAdvertisedV6"),
                       double(b.maxPrefixesAdvertisedV6));
        }
        if (options.includeSecrets && !b.md5Key.isEmpty())
            bgp.insert(QStringLiteral("md5AuthenticationKey"), text(b.md5Key));
        connections.append(QJsonObject {
            {QStringLiteral("connectionIdentifier"), text(connectionIdentifier(p, i))},
            {QStringLiteral("peeringDBFacilityId"), double(c.peeringDbFacilityId)},
            {QStringLiteral("bandwidthInMbps"), double(c.bandwidthMbps)},
            // The IXP route-server service requires both (domain.md section 3), whatever the draft
            // says.
            {QStringLiteral("sessionAddressProvider"), QStringLiteral("Peer")},
            {QStringLiteral("useForPeeringService"), true},
            {QStringLiteral("bgpSession"), bgp}});
    }
    const QString asnId = armExpressions
        ? QStringLiteral("[subscriptionResourceId(%1, %2)]")
              .arg(expressionString(kPeerAsnType), expressionString(peerAsnName(o)))
        : QStringLiteral("/subscriptions/%1/providers/%2/%3")
              .arg(p.subscriptionId, kPeerAsnType, peerAsnName(o));
    return QJsonObject {{QStringLiteral("directPeeringType"), QStringLiteral("IxRs")},
                        {QStringLiteral("peerAsn"), QJsonObject {{QStringLiteral("id"), asnId}}},
                        {QStringLiteral("connections"), connections}};
}

Result<QByteArray> ArmExporter::exportOnboarding(const Onboarding &o,
                                                 const ExportOptions &options) const
{
    const QString api = options.apiVersion.isEmpty()
        ? QLatin1String(ExportOptions::DefaultApiVersion)
        : options.apiVersion;
    QJsonArray resources;
    QJsonArray contacts;
    for (const Contact &c : o.peerAsn.contacts)
        contacts.append(QJsonObject {{QStringLiteral("role"), literal(c.role)},
                                     {QStringLiteral("email"), literal(c.email)},
                                     {QStringLiteral("phone"), literal(c.phone)}});
    // peerAsns is a subscription-level resource: kept in this resource-group template so one file
    // records everything, with a note that it needs a subscription-level deployment (or az
    // peering asn create) before the peerings (docs/exports.md).
    resources.append(QJsonObject {
        {QStringLiteral("type"), kPeerAsnType},
        {QStringLiteral("apiVersion"), api},
        {QStringLiteral("name"), literal(peerAsnName(o))},
        {QStringLiteral("metadata"),
         QJsonObject {
             {QStringLiteral("_comment"),
              tr("Subscription-level resource: deploy it with a subscription-level deployment "
                 "(az deployment sub create) or create it with az peering asn create before "
                 "the peerings.")}}},
        {QStringLiteral("properties"),
         QJsonObject {{QStringLiteral("peerAsn"), asnValue(o.peerAsn.asn)},
                      {QStringLiteral("peerName"), literal(o.peerAsn.peerName)},
                      {QStringLiteral("peerContactDetail"), contacts}}}});
    for (const PeeringResource &p : o.peerings) {
        resources.append(QJsonObject {
            {QStringLiteral("type"), QStringLiteral("Microsoft.Peering/peerings")},
            {QStringLiteral("apiVersion"), api},
            {QStringLiteral("name"), literal(p.name)},
            {QStringLiteral("location"), literal(p.azureRegion)},
            {QStringLiteral("kind"), QStringLiteral("Direct")},
            {QStringLiteral("sku"),
             QJsonObject {{QStringLiteral("name"), QStringLiteral("Premium_Direct_Free")}}},
            {QStringLiteral("properties"),
             QJsonObject {{QStringLiteral("peeringLocation"), literal(p.metro)},
                          {QStringLiteral("direct"), directProperties(o, p, options, true)}}}});
        for (const RegisteredAsn &r : o.registeredAsns) {
            if (r.peering != p.name)
                continue;
            resources.append(QJsonObject {
                {QStringLiteral("type"),
                 QStringLiteral("Microsoft.Peering/peerings/registeredAsns")},
                {QStringLiteral("apiVersion"), api},
                {QStringLiteral("name"), literal(p.name + u'/' + r.name)},
                {QStringLiteral("dependsOn"),
                 QJsonArray {QStringLiteral("[resourceId('Microsoft.Peering/peerings', %1)]")
                                 .arg(expressionString(p.name))}},
                {QStringLiteral("properties"),
                 QJsonObject {{QStringLiteral("asn"), asnValue(r.asn)}}}});
        }
    }
    const QJsonObject root {
        {QStringLiteral("$schema"),
         QStringLiteral(
             "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#")},
        {QStringLiteral("contentVersion"), QStringLiteral("1.0.0.0")},
        // JSON has no comments: ARM keeps "metadata" objects, so the notice goes there.
        {QStringLiteral("metadata"),
         QJsonObject {
             {QStringLiteral("_comment"), apiNotice()},
             {QStringLiteral("_generator"), QStringLiteral("peering-wizard")},
             {QStringLiteral("_onboarding"), o.name},
             {QStringLiteral("_exported"), options.effectiveNow().toString(Qt::ISODate)},
             {QStringLiteral("_secrets"),
              options.includeSecrets ? tr("MD5 keys included") : tr("MD5 keys left out")}}},
        {QStringLiteral("parameters"), QJsonObject {}},
        {QStringLiteral("resources"), resources}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Peering
