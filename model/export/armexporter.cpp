#include "armexporter.h"

#include "domain/asn.h"

#include <QCryptographicHash>
#include <QHash>
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

namespace {

const QString kDeploymentsType = QStringLiteral("Microsoft.Resources/deployments");
const QString kDeploymentsApi = QStringLiteral("2022-09-01");
const QString kSubscriptionSchema = QStringLiteral(
    "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#");
const QString kGroupSchema = QStringLiteral(
    "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");

// A nested deployment's name: unique per subscription and group, at most 64 characters of
// [-\w._()], the same for the same document.
QString deploymentName(const QString &prefix, const QString &subscription, const QString &group)
{
    const QByteArray hash = QCryptographicHash::hash((subscription + u'/' + group).toUtf8(),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(8);
    QString readable;
    for (const QChar c : group) {
        const bool keep = (c.isLetterOrNumber() && c.unicode() < 128) || c == u'_' || c == u'.';
        if (keep)
            readable += c;
        else if (!readable.isEmpty() && !readable.endsWith(u'-'))
            readable += u'-';
    }
    readable.truncate(40);
    while (readable.endsWith(u'-'))
        readable.chop(1);
    return readable.isEmpty() ? QStringLiteral("%1-%2").arg(prefix, QLatin1String(hash))
                              : QStringLiteral("%1-%2-%3").arg(prefix, readable, QLatin1String(hash));
}

QJsonObject peerAsnResource(const Onboarding &o, const QString &api)
{
    QJsonArray contacts;
    for (const Contact &c : o.peerAsn.contacts)
        contacts.append(QJsonObject {{QStringLiteral("role"), literal(c.role)},
                                     {QStringLiteral("email"), literal(c.email)},
                                     {QStringLiteral("phone"), literal(c.phone)}});
    return QJsonObject {{QStringLiteral("type"), kPeerAsnType},
                        {QStringLiteral("apiVersion"), api},
                        {QStringLiteral("name"), literal(peerAsnName(o))},
                        {QStringLiteral("properties"),
                         QJsonObject {{QStringLiteral("peerAsn"), asnValue(o.peerAsn.asn)},
                                      {QStringLiteral("peerName"), literal(o.peerAsn.peerName)},
                                      {QStringLiteral("peerContactDetail"), contacts}}}};
}

// A nested template evaluated in its own scope ("inner"), so that resourceId() and the like
// resolve in the subscription or group it deploys to.
QJsonObject nestedDeployment(const QString &name,
                             const QString &schema,
                             const QJsonObject &parameters,
                             const QJsonObject &templateParameters,
                             const QJsonArray &resources)
{
    QJsonObject nestedTemplate {{QStringLiteral("$schema"), schema},
                                {QStringLiteral("contentVersion"), QStringLiteral("1.0.0.0")},
                                {QStringLiteral("resources"), resources}};
    if (!templateParameters.isEmpty())
        nestedTemplate.insert(QStringLiteral("parameters"), templateParameters);
    QJsonObject properties {
        {QStringLiteral("mode"), QStringLiteral("Incremental")},
        {QStringLiteral("expressionEvaluationOptions"),
         QJsonObject {{QStringLiteral("scope"), QStringLiteral("inner")}}},
        {QStringLiteral("template"), nestedTemplate}};
    if (!parameters.isEmpty())
        properties.insert(QStringLiteral("parameters"), parameters);
    return QJsonObject {{QStringLiteral("type"), kDeploymentsType},
                        {QStringLiteral("apiVersion"), kDeploymentsApi},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("properties"), properties}};
}

} // namespace

Result<QByteArray> ArmExporter::exportOnboarding(const Onboarding &o,
                                                 const ExportOptions &options) const
{
    const QString api = options.apiVersion.isEmpty()
        ? QLatin1String(ExportOptions::DefaultApiVersion)
        : options.apiVersion;

    // A subscription-scope template: the peer ASN association in the subscription it is deployed
    // to (the first peering's), one nested subscription deployment with the association for
    // every other subscription, and one nested deployment per resource group with that group's
    // peerings and registered ASNs (subscriptionId where it is not the deployment's).
    const QString primary = o.peerings.isEmpty() ? QString() : o.peerings.first().subscriptionId;
    const auto isElsewhere = [&primary](const QString &subscription) {
        return !subscription.isEmpty() && subscription != primary;
    };

    // One location parameter per Azure region, in order of first appearance: "location",
    // "location2", ... with the document's region as default.
    QStringList regions;
    QHash<QString, QStringList> regionPeerings;
    for (const PeeringResource &p : o.peerings) {
        if (!regions.contains(p.azureRegion))
            regions.append(p.azureRegion);
        regionPeerings[p.azureRegion].append(p.name);
    }
    const auto locationParameter = [&regions](const QString &region) {
        const qsizetype i = regions.indexOf(region);
        return i == 0 ? QStringLiteral("location") : QStringLiteral("location%1").arg(i + 1);
    };
    QJsonObject parameters;
    for (const QString &region : regions)
        parameters.insert(
            locationParameter(region),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("string")},
                         {QStringLiteral("defaultValue"), literal(region)},
                         {QStringLiteral("metadata"),
                          QJsonObject {{QStringLiteral("description"),
                                        literal(tr("The Azure region of %1")
                                                    .arg(regionPeerings.value(region).join(
                                                        QStringLiteral(", "))))}}}});

    QJsonArray resources;
    resources.append(peerAsnResource(o, api));
    const QString asnNameExpression = expressionString(peerAsnName(o));
    QHash<QString, QString> associationDeployment; // subscription -> its nested deployment
    for (const QString &sub : o.subscriptionIds()) {
        if (!isElsewhere(sub))
            continue;
        const QString name = deploymentName(QStringLiteral("peerasn"), sub, QString());
        associationDeployment.insert(sub, name);
        QJsonObject d = nestedDeployment(name, kSubscriptionSchema, {}, {},
                                         QJsonArray {peerAsnResource(o, api)});
        d.insert(QStringLiteral("subscriptionId"), literal(sub));
        d.insert(QStringLiteral("location"), QStringLiteral("[deployment().location]"));
        d.insert(QStringLiteral("comments"),
                 literal(tr("The peer ASN association in subscription %1.").arg(sub)));
        resources.append(d);
    }

    struct Group
    {
        QString subscription;
        QString resourceGroup;
        QList<qsizetype> peerings;
    };
    QList<Group> groups;
    for (qsizetype i = 0; i < o.peerings.size(); ++i) {
        const PeeringResource &p = o.peerings[i];
        auto it = std::find_if(groups.begin(), groups.end(), [&p](const Group &g) {
            return g.subscription == p.subscriptionId && g.resourceGroup == p.resourceGroup;
        });
        if (it == groups.end())
            groups.append(Group {p.subscriptionId, p.resourceGroup, {i}});
        else
            it->peerings.append(i);
    }

    for (const Group &g : groups) {
        const bool elsewhere = isElsewhere(g.subscription);
        QJsonArray groupResources;
        QJsonObject passed;
        QJsonObject declared;
        for (const qsizetype i : g.peerings) {
            const PeeringResource &p = o.peerings[i];
            const QString location = locationParameter(p.azureRegion);
            passed.insert(location,
                          QJsonObject {{QStringLiteral("value"),
                                        QStringLiteral("[parameters('%1')]").arg(location)}});
            declared.insert(location, QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}});
            QJsonObject direct = directProperties(o, p, options, true);
            // The association in this peering's own subscription.
            direct.insert(QStringLiteral("peerAsn"),
                          QJsonObject {{QStringLiteral("id"),
                                        elsewhere ? QStringLiteral("[subscriptionResourceId(%1, %2, %3)]")
                                                        .arg(expressionString(p.subscriptionId),
                                                             expressionString(kPeerAsnType),
                                                             asnNameExpression)
                                                  : QStringLiteral("[subscriptionResourceId(%1, %2)]")
                                                        .arg(expressionString(kPeerAsnType),
                                                             asnNameExpression)}});
            groupResources.append(QJsonObject {
                {QStringLiteral("type"), QStringLiteral("Microsoft.Peering/peerings")},
                {QStringLiteral("apiVersion"), api},
                {QStringLiteral("name"), literal(p.name)},
                {QStringLiteral("location"), QStringLiteral("[parameters('%1')]").arg(location)},
                {QStringLiteral("kind"), QStringLiteral("Direct")},
                {QStringLiteral("sku"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Premium_Direct_Free")}}},
                {QStringLiteral("properties"),
                 QJsonObject {{QStringLiteral("peeringLocation"), literal(p.metro)},
                              {QStringLiteral("direct"), direct}}}});
            for (const RegisteredAsn &r : o.registeredAsns) {
                if (r.peering != p.name)
                    continue;
                // The API has no field for the customer's name: it goes in the comments.
                groupResources.append(QJsonObject {
                    {QStringLiteral("type"),
                     QStringLiteral("Microsoft.Peering/peerings/registeredAsns")},
                    {QStringLiteral("apiVersion"), api},
                    {QStringLiteral("name"), literal(p.name + u'/' + r.resourceName())},
                    {QStringLiteral("comments"), literal(r.name)},
                    {QStringLiteral("dependsOn"),
                     QJsonArray {QStringLiteral("[resourceId('Microsoft.Peering/peerings', %1)]")
                                     .arg(expressionString(p.name))}},
                    {QStringLiteral("properties"),
                     QJsonObject {{QStringLiteral("asn"), asnValue(r.asn)}}}});
            }
        }
        QJsonObject d = nestedDeployment(deploymentName(QStringLiteral("peerings"), g.subscription,
                                                        g.resourceGroup),
                                         kGroupSchema, passed, declared, groupResources);
        if (elsewhere)
            d.insert(QStringLiteral("subscriptionId"), literal(g.subscription));
        d.insert(QStringLiteral("resourceGroup"), literal(g.resourceGroup));
        d.insert(QStringLiteral("comments"),
                 literal(elsewhere ? tr("The peerings of resource group %1 in subscription %2.")
                                         .arg(g.resourceGroup, g.subscription)
                                   : tr("The peerings of resource group %1 in the deployment's "
                                        "subscription.")
                                         .arg(g.resourceGroup)));
        // The peerings need their subscription's association first: ARM would otherwise deploy
        // them in parallel.
        d.insert(QStringLiteral("dependsOn"),
                 QJsonArray {elsewhere ? associationDeployment.value(g.subscription)
                                       : QStringLiteral("[subscriptionResourceId(%1, %2)]")
                                             .arg(expressionString(kPeerAsnType), asnNameExpression)});
        resources.append(d);
    }

    QString deploy = QStringLiteral("az deployment sub create");
    if (!primary.isEmpty())
        deploy += QStringLiteral(" --subscription ") + primary;
    deploy += QStringLiteral(" --location ") + (regions.isEmpty() ? QStringLiteral("LOCATION") : regions.first());
    deploy += QStringLiteral(" --template-file FILE");
    // The deployment template schema allows no top-level "metadata": the notice and the record
    // of the export go in the comments of the first resource, which every template resource may
    // carry. User text is escaped there too: "[" would start an expression.
    QJsonObject association = resources.at(0).toObject();
    association.insert(
        QStringLiteral("comments"),
        literal(QStringList {apiNotice(),
                             tr("Exported by peering-wizard from the onboarding \"%1\" on %2; %3.")
                                 .arg(o.name, options.effectiveNow().toString(Qt::ISODate),
                                      options.includeSecrets ? tr("MD5 keys included")
                                                             : tr("MD5 keys left out")),
                             tr("A subscription-level template: deploy it to the first peering's "
                                "subscription with %1. The resource groups must exist.")
                                 .arg(deploy)}
                    .join(u' ')));
    resources.replace(0, association);
    const QJsonObject root {{QStringLiteral("$schema"), kSubscriptionSchema},
                            {QStringLiteral("contentVersion"), QStringLiteral("1.0.0.0")},
                            {QStringLiteral("parameters"), parameters},
                            {QStringLiteral("resources"), resources}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Peering
