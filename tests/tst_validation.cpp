// The validation rules of domain.md section 4: a clean baseline onboarding built in code, then one
// mutation per row with the rule, severity and path it must raise, and boundary rows that must
// stay clean.
#include "document/onboardingdocument.h"
#include "domain/requirementcheck.h"
#include "validation/onboardingvalidator.h"
#include "validation/validationrun.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace Peering;

using Mutation = std::function<void(Onboarding &, ValidationContext &)>;
Q_DECLARE_METATYPE(Mutation)
Q_DECLARE_METATYPE(Peering::Severity)

namespace {

// Every rule id, in the order ruleIds() documents them (domain.md table, then the additions).
const QStringList kRuleIds {
    "basics.subscription-id",
    "basics.resource-group",
    "basics.peering-name",
    "asn.public",
    "asn.int32",
    "peer-asn.approved",
    "contact.noc",
    "contact.email",
    "contact.corporate-domain",
    "config.kind",
    "config.network",
    "config.sku",
    "config.metro",
    "connections.at-least-one",
    "connection.session-address-provider",
    "connection.use-for-peering-service",
    "connection.facility",
    "bandwidth.minimum",
    "bandwidth.equal",
    "redundancy.local",
    "diversity.routers",
    "backup.other-location",
    "redundancy.geo",
    "mesh.extra-connection",
    "interconnect.lacp",
    "interconnect.stateful-firewall",
    "interconnect.rate-limit",
    "bgp.session-prefix",
    "bgp.max-prefix-from-microsoft",
    "prefix.ipv4-public",
    "prefix.registered",
    "prefix.community",
    "prefix.traffic-class",
    "aspath.private-asn",
    "aspath.length",
    "aspath.length-recommended",
    "registered-asn.requires-active",
    "registered-asn.unique",
    "registered-asn.public",
    "registered-asn.int32",
    "contact.role",
    "connection.role",
    "connection.state",
    "connection.utilization",
    "connection.identifier",
    "registered-asn.prefix-key",
    "milestone.stage",
    "milestone.date",
    "milestone.source",
    "onboarding.name",
    "requirement.status",
    "peeringdb.metro",
    "peeringdb.facility",
    "peeringdb.session-lan",
    "requirement.contradicted",
    "requirement.open",
    "value.leading-at",
    "text.hidden-characters",
};

// The warnings of the table; prefix.registered is an error, or a warning for the 2023 text's
// origin-ASN demand.
const QSet<QString> kWarningRules {"contact.corporate-domain", "redundancy.geo",
                                   "mesh.extra-connection",    "bgp.max-prefix-from-microsoft",
                                   "prefix.traffic-class",     "aspath.length-recommended",
                                   "requirement.contradicted", "requirement.open",
                                   "asn.int32",                "registered-asn.int32",
                                   "value.leading-at",         "peeringdb.metro",
                                   "peeringdb.facility",       "peeringdb.session-lan"};

Connection connection(const QString &id,
                      qint64 facility,
                      const QString &facilityName,
                      const QStringList &routers,
                      const QString &prefix,
                      const QString &peer,
                      const QString &microsoft)
{
    Connection c;
    c.id = id;
    c.role = "primary";
    c.peeringDbFacilityId = facility;
    c.facilityName = facilityName;
    c.peerRouters = routers;
    c.bandwidthMbps = 10000;
    c.lacp = true;
    c.state = "PendingApproval";
    c.bgp.sessionPrefixV4 = prefix;
    c.bgp.peerIPv4 = peer;
    c.bgp.microsoftIPv4 = microsoft;
    c.bgp.maxPrefixesAdvertisedV4 = 1000;
    return c;
}

PeeringResource peering(const QString &name, const QString &metro, const Connection &c)
{
    PeeringResource p;
    p.subscriptionId = "3f2c5d1e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
    p.resourceGroup = "rg-peering-prod";
    p.name = name;
    p.azureRegion = "westeurope";
    p.metro = metro;
    p.maxPrefixesFromMicrosoft = 450;
    p.connections = {c};
    return p;
}

AdvertisedPrefix prefix(const QString &text, const QString &trafficClass)
{
    AdvertisedPrefix p;
    p.prefix = text;
    p.originAsn = "213999";
    p.registered = true;
    p.communities = {"8075:8007"};
    p.asPath = {"213999"};
    p.trafficClass = trafficClass;
    return p;
}

// Two peerings in two metros, one primary connection each on two routers of its own; a /31 and
// a /30 session; two public prefixes (a /24 and a /25).
// The whole checklist ticked met, in catalogue order.
QList<RequirementCheck> allMet()
{
    QList<RequirementCheck> out;
    for (const RequirementInfo &info : RequirementCheck::catalogue())
        out.append(RequirementCheck{info.id, QStringLiteral("met"), {}, {}});
    return out;
}

Onboarding baseline()
{
    Onboarding o;
    o.name = "Example-IX to Microsoft";
    o.requirements = allMet();
    o.peerAsn.name = "example-ix-asn";
    o.peerAsn.asn = "213999";
    o.peerAsn.peerName = "Example Internet Exchange";
    o.peerAsn.validationState = "Approved";
    o.peerAsn.contacts = {{"Noc", "noc@example-ix.net", "+31 20 555 0100", {}},
                          {"Technical", "peering@example-ix.net", "+31 20 555 0101", {}}};
    o.peerings = {
        peering("exampleix-ams-ixrs", "Amsterdam",
                connection("6b1f0c52-3d8e-4a71-9f2a-0c4e5d6f7a81", 62, "Equinix AM5",
                           {"rs1.ams.example-ix.net", "rs2.ams.example-ix.net"}, "185.1.200.0/31",
                           "185.1.200.1", "185.1.200.0")),
        peering("exampleix-fra-ixrs", "Frankfurt",
                connection("9d2e7a14-5b6c-4f80-8e1d-2f3a4b5c6d7e", 60, "Equinix FR5",
                           {"rs1.fra.example-ix.net", "rs2.fra.example-ix.net"}, "185.1.200.4/30",
                           "185.1.200.5", "185.1.200.6")),
    };
    o.peerings[1].azureRegion = "germanywestcentral";
    o.prefixes = {prefix("20.1.2.0/24", "SBC voice signalling and media"),
                  prefix("20.1.3.0/25", "Teams Direct Routing SBCs")};
    Milestone done;
    done.stage = "requirements";
    done.expected = "2026-11-02";
    done.reached = "2026-11-02T09:30:00Z";
    done.note = "Checklist signed off by the NOC";
    Milestone open;
    open.stage = "active";
    open.expected = "2026-11-23";
    o.milestones = {done, open};
    MailRecord mail;
    mail.messageId = "<1@microsoft.com>";
    mail.from = "peering@microsoft.com";
    mail.subject = "Peer ASN approved";
    mail.date = "2026-11-03T08:10:00Z";
    mail.stage = "asn-association";
    o.mail = {mail};
    return o;
}

Connection &conn(Onboarding &o, int peering, int connection)
{
    return o.peerings[peering].connections[connection];
}

// A second, valid connection in Amsterdam at another facility on other routers.
Connection &addAmsterdamConnection(Onboarding &o, const QString &role)
{
    Connection c = connection("1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5", 58, "Equinix AM7",
                              {"rs3.ams.example-ix.net", "rs4.ams.example-ix.net"},
                              "185.1.200.8/31", "185.1.200.9", "185.1.200.8");
    c.role = role;
    o.peerings[0].connections.append(c);
    return o.peerings[0].connections.last();
}

// A third peering, in the given metro, with a valid connection of the given role.
Connection &addPeering(Onboarding &o, const QString &metro, const QString &role)
{
    Connection c = connection("0e1d2c3b-4a59-4867-9564-738291a0b1c2", 18, "Telehouse",
                              {"rs1.third.example-ix.net", "rs2.third.example-ix.net"},
                              "185.1.200.10/31", "185.1.200.11", "185.1.200.10");
    c.role = role;
    o.peerings.append(peering("exampleix-third-ixrs", metro, c));
    return o.peerings.last().connections.last();
}

RegisteredAsn customer(const QString &asn, const QString &peering = "exampleix-ams-ixrs")
{
    RegisteredAsn r;
    r.name = "Customer " + asn;
    r.asn = asn;
    r.peering = peering;
    r.prefixKey = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    return r;
}

void activateAmsterdam(Onboarding &o)
{
    conn(o, 0, 0).state = "Active";
}

struct Row
{
    QString name;
    Mutation mutate;
    QString rule;
    Severity severity;
    QString path;
    QString mentions; // text the message must contain (the value, or the fix)
    QStringList alsoAllowed; // other rules this mutation raises by its nature
};

using DocumentMutation = std::function<void(Onboarding &)>;

struct Rows
{
    void add(const char *name,
             const char *rule,
             Severity severity,
             const QString &path,
             const QString &mentions,
             const Mutation &mutate)
    {
        rows.append(Row {QString::fromUtf8(name),
                         mutate,
                         QString::fromUtf8(rule),
                         severity,
                         path,
                         mentions,
                         {}});
    }
    void add(const char *name,
             const char *rule,
             Severity severity,
             const QString &path,
             const QString &mentions,
             const DocumentMutation &mutate)
    {
        add(name, rule, severity, path, mentions, QStringList(), mutate);
    }
    void add(const char *name,
             const char *rule,
             Severity severity,
             const QString &path,
             const QString &mentions,
             const QStringList &alsoAllowed,
             const DocumentMutation &mutate)
    {
        rows.append(Row {QString::fromUtf8(name),
                         [mutate](Onboarding &o, ValidationContext &) { mutate(o); },
                         QString::fromUtf8(rule), severity, path, mentions, alsoAllowed});
    }
    void pass(const char *name, const Mutation &mutate)
    {
        passing.append({QString::fromUtf8(name), mutate});
    }
    void pass(const char *name, const DocumentMutation &mutate)
    {
        pass(name, [mutate](Onboarding &o, ValidationContext &) { mutate(o); });
    }

    QList<Row> rows;
    QList<QPair<QString, Mutation>> passing;
};

const QString ams = "peerings[0].connections[0]";
const QString fra = "peerings[1].connections[0]";

QList<Row> failingRows()
{
    const Severity E = Severity::Error;
    const Severity W = Severity::Warning;
    Rows r;
    // Basics
    r.add("subscription not a GUID", "basics.subscription-id", E, "peerings[1].subscriptionId",
          "not-a-guid", [](Onboarding &o) { o.peerings[1].subscriptionId = "not-a-guid"; });
    r.add("subscription empty", "basics.subscription-id", E, "peerings[0].subscriptionId", "enter",
          [](Onboarding &o) { o.peerings[0].subscriptionId.clear(); });
    r.add("resource group 91 chars", "basics.resource-group", E, "peerings[0].resourceGroup", "91",
          [](Onboarding &o) { o.peerings[0].resourceGroup = QString(91, 'r'); });
    r.add("resource group ends with .", "basics.resource-group", E, "peerings[0].resourceGroup",
          "period", [](Onboarding &o) { o.peerings[0].resourceGroup = "rg."; });
    r.add("resource group bad character", "basics.resource-group", E, "peerings[0].resourceGroup",
          "\"/\"", [](Onboarding &o) { o.peerings[0].resourceGroup = "rg/prod"; });
    r.add("resource group with a letter outside the BMP", "basics.resource-group", E,
          "peerings[0].resourceGroup", QString::fromUtf8("\"𝐀\""),
          [](Onboarding &o) { o.peerings[0].resourceGroup = QString::fromUtf8("rg-𝐀"); });
    r.add("resource group empty", "basics.resource-group", E, "peerings[1].resourceGroup", "enter",
          [](Onboarding &o) { o.peerings[1].resourceGroup.clear(); });
    r.add("peering name 64 chars", "basics.peering-name", E, "peerings[0].name", "64",
          [](Onboarding &o) { o.peerings[0].name = QString(64, 'p'); });
    r.add("peering name bad character", "basics.peering-name", E, "peerings[0].name", "bad name!",
          [](Onboarding &o) { o.peerings[0].name = "bad name!"; });
    r.add("peering name non-ASCII", "basics.peering-name", E, "peerings[0].name",
          QString::fromUtf8("\"ü\""),
          [](Onboarding &o) { o.peerings[0].name = QString::fromUtf8("Zürich"); });
    r.add("peering name empty", "basics.peering-name", E, "peerings[1].name", "enter",
          [](Onboarding &o) { o.peerings[1].name.clear(); });
    // Peer ASN association
    r.add("peer ASN private", "asn.public", E, "peerAsn.asn", "private",
          [](Onboarding &o) { o.peerAsn.asn = "AS64512"; });
    r.add("peer ASN 32-bit private", "asn.public", E, "peerAsn.asn", "4200000000",
          [](Onboarding &o) { o.peerAsn.asn = "4200000000"; });
    r.add("peer ASN documentation", "asn.public", E, "peerAsn.asn", "documentation",
          [](Onboarding &o) { o.peerAsn.asn = "64500"; });
    r.add("peer ASN AS_TRANS", "asn.public", E, "peerAsn.asn", "AS_TRANS",
          [](Onboarding &o) { o.peerAsn.asn = "23456"; });
    r.add("peer ASN unparsable", "asn.public", E, "peerAsn.asn", "ASxyz",
          [](Onboarding &o) { o.peerAsn.asn = "ASxyz"; });
    r.add("peer ASN too large", "asn.public", E, "peerAsn.asn", "4294967295",
          [](Onboarding &o) { o.peerAsn.asn = "4294967296"; });
    // Public, but above int32: the API and PowerShell cannot take it (a warning; 2147483647 can).
    r.add("peer ASN above int32", "asn.int32", W, "peerAsn.asn", "above 2147483647",
          [](Onboarding &o) { o.peerAsn.asn = "3000000000"; });
    r.add("peer ASN above int32 in asdot", "asn.int32", W, "peerAsn.asn", "3000000000",
          [](Onboarding &o) { o.peerAsn.asn = "45776.24064"; });
    r.add("peer ASN empty", "asn.public", E, "peerAsn.asn", "public ASN",
          [](Onboarding &o) { o.peerAsn.asn.clear(); });
    r.add("association pending", "peer-asn.approved", E, "peerAsn.validationState", "12 hours",
          [](Onboarding &o) { o.peerAsn.validationState = "Pending"; });
    r.add("association failed", "peer-asn.approved", E, "peerAsn.validationState", "resubmit",
          [](Onboarding &o) { o.peerAsn.validationState = "Failed"; });
    r.add("association none", "peer-asn.approved", E, "peerAsn.validationState", "Approved",
          [](Onboarding &o) { o.peerAsn.validationState = "None"; });
    r.add("association unknown state", "peer-asn.approved", E, "peerAsn.validationState",
          "\"approved\"", [](Onboarding &o) { o.peerAsn.validationState = "approved"; });
    r.add("no Noc contact", "contact.noc", E, "peerAsn.contacts", "Noc",
          [](Onboarding &o) { o.peerAsn.contacts.removeFirst(); });
    r.add("no contacts", "contact.noc", E, "peerAsn.contacts", "Noc",
          [](Onboarding &o) { o.peerAsn.contacts.clear(); });
    r.add("Noc contact without valid e-mail", "contact.noc", E, "peerAsn.contacts", "e-mail",
          {"contact.email"}, [](Onboarding &o) { o.peerAsn.contacts[0].email = "noc@"; });
    r.add("contact e-mail invalid", "contact.email", E, "peerAsn.contacts[1].email",
          "peering@gmail", [](Onboarding &o) { o.peerAsn.contacts[1].email = "peering@gmail"; });
    r.add("contact e-mail empty", "contact.email", E, "peerAsn.contacts[1].email", "enter",
          [](Onboarding &o) { o.peerAsn.contacts[1].email.clear(); });
    r.add("Noc on free mail", "contact.corporate-domain", W, "peerAsn.contacts[0].email",
          "gmail.com",
          [](Onboarding &o) { o.peerAsn.contacts[0].email = "example.noc@Gmail.com"; });
    r.add("contact role unknown", "contact.role", E, "peerAsn.contacts[1].role", "Sales",
          [](Onboarding &o) { o.peerAsn.contacts[1].role = "Sales"; });
    r.add("contact role wrong case", "contact.role", E, "peerAsn.contacts[0].role",
          "did you mean Noc", {"contact.noc"},
          [](Onboarding &o) { o.peerAsn.contacts[0].role = "NOC"; });
    r.add("contact role empty", "contact.role", E, "peerAsn.contacts[1].role", "Escalation",
          [](Onboarding &o) { o.peerAsn.contacts[1].role.clear(); });
    // Configuration
    r.add("kind not Direct", "config.kind", E, "peerings[0].kind", "Exchange",
          [](Onboarding &o) { o.peerings[0].kind = "Exchange"; });
    r.add("network without route server", "config.network", E, "peerings[1].microsoftNetwork",
          "AS8075-IxRs", [](Onboarding &o) { o.peerings[1].microsoftNetwork = "AS8075"; });
    r.add("SKU basic", "config.sku", E, "peerings[0].sku", "Premium_Direct_Free",
          [](Onboarding &o) { o.peerings[0].sku = "Basic_Direct_Free"; });
    r.add("metro empty", "config.metro", E, "peerings[1].metro", "metro", {"redundancy.geo"},
          [](Onboarding &o) { o.peerings[1].metro = "  "; });
    r.add("peering without connections", "connections.at-least-one", E, "peerings[1].connections",
          "exampleix-fra-ixrs", [](Onboarding &o) { o.peerings[1].connections.clear(); });
    // Connections
    r.add("session address provider Microsoft", "connection.session-address-provider", E,
          ams + ".sessionAddressProvider", "Peer",
          [](Onboarding &o) { conn(o, 0, 0).sessionAddressProvider = "Microsoft"; });
    r.add("not used for Peering Service", "connection.use-for-peering-service", E,
          fra + ".useForPeeringService", "turn it on",
          [](Onboarding &o) { conn(o, 1, 0).useForPeeringService = false; });
    r.add("facility missing", "connection.facility", E, ams + ".peeringDbFacilityId", "Amsterdam",
          [](Onboarding &o) { conn(o, 0, 0).peeringDbFacilityId = 0; });
    r.add("facility negative", "connection.facility", E, fra + ".peeringDbFacilityId", "-5",
          [](Onboarding &o) { conn(o, 1, 0).peeringDbFacilityId = -5; });
    r.add("bandwidth 9999 everywhere", "bandwidth.minimum", E, ams + ".bandwidthMbps", "9999",
          [](Onboarding &o) {
              conn(o, 0, 0).bandwidthMbps = 9999;
              conn(o, 1, 0).bandwidthMbps = 9999;
          });
    r.add("bandwidth 1000 on one of three", "bandwidth.minimum", E, fra + ".bandwidthMbps",
          "use 10 Gbps as the other connections do", [](Onboarding &o) {
              addAmsterdamConnection(o, "redundant");
              conn(o, 1, 0).bandwidthMbps = 1000;
          });
    r.add("bandwidth differs from the majority", "bandwidth.equal", E, ams + ".bandwidthMbps",
          "use 10 Gbps here", [](Onboarding &o) {
              addAmsterdamConnection(o, "redundant");
              conn(o, 0, 0).bandwidthMbps = 100000;
          });
    r.add("bandwidth tie: first seen is the reference", "bandwidth.equal", E,
          fra + ".bandwidthMbps", "Bandwidth 100 Gbps differs from the 10 Gbps",
          [](Onboarding &o) { conn(o, 1, 0).bandwidthMbps = 100000; });
    r.add("one router in a metro", "redundancy.local", E, "peerings[0].connections",
          "rs1.ams.example-ix.net",
          [](Onboarding &o) { conn(o, 0, 0).peerRouters = {"rs1.ams.example-ix.net"}; });
    r.add("no routers in a metro", "redundancy.local", E, "peerings[1].connections", "Frankfurt",
          [](Onboarding &o) { conn(o, 1, 0).peerRouters.clear(); });
    r.add("same router twice in a connection", "redundancy.local", E, "peerings[0].connections",
          "Amsterdam", {"diversity.routers"}, [](Onboarding &o) {
              conn(o, 0, 0).peerRouters = {"rs1.ams.example-ix.net", " RS1.ams.example-ix.net "};
          });
    r.add("router repeated in one connection", "diversity.routers", E, ams + ".peerRouters[2]",
          "rs1.ams.example-ix.net",
          [](Onboarding &o) { conn(o, 0, 0).peerRouters.append("rs1.ams.example-ix.net"); });
    r.add("router shared by two local connections", "diversity.routers", E,
          "peerings[0].connections[1].peerRouters[0]",
          "already terminates the primary connection at Equinix AM5 (Amsterdam)", [](Onboarding &o) {
              addAmsterdamConnection(o, "redundant").peerRouters[0] = "RS2.ams.example-ix.net";
          });
    r.add("router shared across peerings in one metro", "diversity.routers", E,
          "peerings[2].connections[0].peerRouters[1]", "Equinix AM5", [](Onboarding &o) {
              addPeering(o, "amsterdam ", "redundant").peerRouters[1] = "rs1.ams.example-ix.net";
          });
    r.add("backup next to the primary", "backup.other-location", E,
          "peerings[0].connections[1].role", "redundant",
          [](Onboarding &o) { addAmsterdamConnection(o, "backup"); });
    r.add("backup in a primary's metro, other peering", "backup.other-location", E,
          "peerings[2].connections[0].role", "another metro",
          [](Onboarding &o) { addPeering(o, " AMSTERDAM", "backup"); });
    r.add("one metro only", "redundancy.geo", W, "peerings", "Amsterdam",
          [](Onboarding &o) { o.peerings[1].metro = "Amsterdam"; });
    r.add("one peering only", "redundancy.geo", W, "peerings", "second metro",
          [](Onboarding &o) { o.peerings.removeLast(); });
    r.add("second connection at the same facility", "mesh.extra-connection", W,
          "peerings[0].connections[1].peeringDbFacilityId", "two-link mesh",
          [](Onboarding &o) { addAmsterdamConnection(o, "redundant").peeringDbFacilityId = 62; });
    r.add("second connection at the same facility name, ids missing", "mesh.extra-connection", W,
          "peerings[0].connections[1].peeringDbFacilityId",
          "after the primary connection at Equinix AM5 (Amsterdam)", {"connection.facility"},
          [](Onboarding &o) {
              conn(o, 0, 0).peeringDbFacilityId = 0;
              Connection &c = addAmsterdamConnection(o, "redundant");
              c.peeringDbFacilityId = 0;
              c.facilityName = "equinix am5 ";
          });
    r.add("no LACP", "interconnect.lacp", E, ams + ".lacp", "LACP",
          [](Onboarding &o) { conn(o, 0, 0).lacp = false; });
    r.add("stateful firewall", "interconnect.stateful-firewall", E, fra + ".statefulFirewall",
          "firewall", [](Onboarding &o) { conn(o, 1, 0).statefulFirewall = true; });
    r.add("rate limited", "interconnect.rate-limit", E, fra + ".rateLimited", "rate limit",
          [](Onboarding &o) { conn(o, 1, 0).rateLimited = true; });
    r.add("connection role unknown", "connection.role", E, ams + ".role", "secondary",
          [](Onboarding &o) { conn(o, 0, 0).role = "secondary"; });
    r.add("connection state unknown", "connection.state", E, fra + ".state", "PendingApproval",
          [](Onboarding &o) { conn(o, 1, 0).state = "Up"; });
    r.add("connection id not a GUID", "connection.identifier", E, ams + ".id", "conn-1",
          [](Onboarding &o) { conn(o, 0, 0).id = "conn-1"; });
    r.add("connection id used twice", "connection.identifier", E, fra + ".id",
          "already used by the primary connection at Equinix AM5 (Amsterdam)",
          [](Onboarding &o) { conn(o, 1, 0).id = conn(o, 0, 0).id.toUpper(); });
    // BGP sessions
    r.add("/30 network address", "bgp.session-prefix", E, fra + ".bgp.peerIPv4", "network address",
          [](Onboarding &o) { conn(o, 1, 0).bgp.peerIPv4 = "185.1.200.4"; });
    r.add("/30 broadcast address", "bgp.session-prefix", E, fra + ".bgp.microsoftIPv4", "broadcast",
          [](Onboarding &o) { conn(o, 1, 0).bgp.microsoftIPv4 = "185.1.200.7"; });
    r.add("session address outside the prefix", "bgp.session-prefix", E, ams + ".bgp.peerIPv4",
          "185.1.201.1", [](Onboarding &o) { conn(o, 0, 0).bgp.peerIPv4 = "185.1.201.1"; });
    r.add("session addresses equal", "bgp.session-prefix", E, ams + ".bgp.microsoftIPv4", "same",
          [](Onboarding &o) { conn(o, 0, 0).bgp.microsoftIPv4 = "185.1.200.1"; });
    r.add("session prefix missing", "bgp.session-prefix", E, ams + ".bgp.sessionPrefixV4", "enter",
          [](Onboarding &o) { conn(o, 0, 0).bgp.sessionPrefixV4.clear(); });
    r.add("session prefix with host bits", "bgp.session-prefix", E, ams + ".bgp.sessionPrefixV4",
          "185.1.200.0/31",
          [](Onboarding &o) { conn(o, 0, 0).bgp.sessionPrefixV4 = "185.1.200.1/31"; });
    r.add(
        "session prefix is IPv6 text", "bgp.session-prefix", E, ams + ".bgp.sessionPrefixV4",
        "2001:db8::", [](Onboarding &o) { conn(o, 0, 0).bgp.sessionPrefixV4 = "2001:db8::/127"; });
    r.add("session address unparsable", "bgp.session-prefix", E, fra + ".bgp.peerIPv4", "256",
          [](Onboarding &o) { conn(o, 1, 0).bgp.peerIPv4 = "185.1.200.256"; });
    r.add("Microsoft session address missing", "bgp.session-prefix", E, fra + ".bgp.microsoftIPv4",
          "Microsoft session IPv4", [](Onboarding &o) { conn(o, 1, 0).bgp.microsoftIPv4.clear(); });
    r.add("IPv6 partly filled in", "bgp.session-prefix", E, ams + ".bgp.sessionPrefixV6", "IPv6",
          [](Onboarding &o) { conn(o, 0, 0).bgp.peerIPv6 = "2001:db8::1"; });
    r.add("IPv6 address outside", "bgp.session-prefix", E, ams + ".bgp.peerIPv6", "2001:db8::1:1",
          [](Onboarding &o) {
              auto &b = conn(o, 0, 0).bgp;
              b.sessionPrefixV6 = "2001:db8::/127";
              b.peerIPv6 = "2001:db8::1:1";
              b.microsoftIPv6 = "2001:db8::";
          });
    r.add("IPv6 subnet-router anycast on a /126", "bgp.session-prefix", E,
          ams + ".bgp.microsoftIPv6", "anycast", [](Onboarding &o) {
              auto &b = conn(o, 0, 0).bgp;
              b.sessionPrefixV6 = "2001:db8::/126";
              b.peerIPv6 = "2001:db8::1";
              b.microsoftIPv6 = "2001:db8::";
          });
    r.add("IPv6 addresses equal", "bgp.session-prefix", E, ams + ".bgp.microsoftIPv6",
          "2001:db8::1", [](Onboarding &o) {
              auto &b = conn(o, 0, 0).bgp;
              b.sessionPrefixV6 = "2001:db8::/126";
              b.peerIPv6 = "2001:db8::1";
              b.microsoftIPv6 = "2001:DB8:0::1";
          });
    r.add("IPv6 address unparsable", "bgp.session-prefix", E, ams + ".bgp.peerIPv6", "2001:db8::g",
          [](Onboarding &o) {
              auto &b = conn(o, 0, 0).bgp;
              b.sessionPrefixV6 = "2001:db8::/127";
              b.peerIPv6 = "2001:db8::g";
              b.microsoftIPv6 = "2001:db8::";
          });
    r.add("max prefixes 399", "bgp.max-prefix-from-microsoft", W,
          "peerings[0].maxPrefixesFromMicrosoft", "399",
          [](Onboarding &o) { o.peerings[0].maxPrefixesFromMicrosoft = 399; });
    r.add("max prefixes 501", "bgp.max-prefix-from-microsoft", W,
          "peerings[1].maxPrefixesFromMicrosoft", "501",
          [](Onboarding &o) { o.peerings[1].maxPrefixesFromMicrosoft = 501; });
    r.add("max prefixes not set", "bgp.max-prefix-from-microsoft", W,
          "peerings[0].maxPrefixesFromMicrosoft", "280",
          [](Onboarding &o) { o.peerings[0].maxPrefixesFromMicrosoft = 0; });
    // Advertised prefixes
    r.add("private prefix", "prefix.ipv4-public", E, "prefixes[0].prefix", "10.0.0.0/8",
          [](Onboarding &o) { o.prefixes[0].prefix = "10.20.0.0/16"; });
    r.add("prefix containing a special block", "prefix.ipv4-public", E, "prefixes[1].prefix",
          "192.0.0.0/24", {"aspath.length-recommended"},
          [](Onboarding &o) { o.prefixes[1].prefix = "192.0.0.0/16"; });
    r.add("documentation prefix", "prefix.ipv4-public", E, "prefixes[1].prefix", "203.0.113.0/24",
          [](Onboarding &o) { o.prefixes[1].prefix = "203.0.113.0/25"; });
    r.add("IPv6 prefix", "prefix.ipv4-public", E, "prefixes[0].prefix", "IPv4 only",
          [](Onboarding &o) { o.prefixes[0].prefix = "2001:db8::/32"; });
    r.add("prefix with host bits", "prefix.ipv4-public", E, "prefixes[0].prefix", "20.1.2.0/24",
          [](Onboarding &o) { o.prefixes[0].prefix = "20.1.2.1/24"; });
    r.add("prefix empty", "prefix.ipv4-public", E, "prefixes[1].prefix", "192.0.2.0/24",
          [](Onboarding &o) { o.prefixes[1].prefix.clear(); });
    r.add("prefix not registered", "prefix.registered", E, "prefixes[1].registered", "20.1.3.0/25",
          [](Onboarding &o) { o.prefixes[1].registered = false; });
    r.add("origin ASN unparsable", "prefix.registered", E, "prefixes[0].originAsn", "AS-EXAMPLE",
          [](Onboarding &o) { o.prefixes[0].originAsn = "AS-EXAMPLE"; });
    r.add("origin ASN not registered (2023 text)", "prefix.registered", W, "prefixes[0].originAsn",
          "3356", [](Onboarding &o) {
              activateAmsterdam(o);
              o.prefixes[0].originAsn = "AS3356";
          });
    r.add("no community", "prefix.community", E, "prefixes[0].communities", "8075:8007",
          [](Onboarding &o) { o.prefixes[0].communities.clear(); });
    r.add("wrong community", "prefix.community", E, "prefixes[1].communities", "8075:8007",
          [](Onboarding &o) {
              o.prefixes[1].communities = {"8075:8008", "65000:1"};
          });
    r.add("no traffic class", "prefix.traffic-class", W, "prefixes[1].trafficClass", "SBC",
          [](Onboarding &o) { o.prefixes[1].trafficClass = "  "; });
    r.add("private ASN in the path", "aspath.private-asn", E, "prefixes[0].asPath[1]", "65001",
          [](Onboarding &o) {
              o.prefixes[0].asPath = {"213999", "65001"};
          });
    r.add("32-bit private ASN in the path", "aspath.private-asn", E, "prefixes[1].asPath[1]",
          "private", [](Onboarding &o) {
              o.prefixes[1].asPath = {"213999", "4200000001"};
          });
    r.add("documentation ASN in the path", "aspath.private-asn", E, "prefixes[0].asPath[0]",
          "documentation", [](Onboarding &o) { o.prefixes[0].asPath = {"64496"}; });
    r.add("AS_TRANS in the path", "aspath.private-asn", E, "prefixes[0].asPath[1]", "AS_TRANS",
          [](Onboarding &o) {
              o.prefixes[0].asPath = {"213999", "23456"};
          });
    r.add("reserved ASN in the path", "aspath.private-asn", E, "prefixes[0].asPath[0]", "reserved",
          [](Onboarding &o) { o.prefixes[0].asPath = {"0"}; });
    r.add("IANA reserved ASN in the path", "aspath.private-asn", E, "prefixes[0].asPath[1]", "IANA",
          [](Onboarding &o) {
              o.prefixes[0].asPath = {"213999", "70000"};
          });
    r.add("unparsable ASN in the path", "aspath.private-asn", E, "prefixes[1].asPath[1]", "x1",
          [](Onboarding &o) {
              o.prefixes[1].asPath = {"213999", "x1"};
          });
    r.add("/25 with 4 ASNs", "aspath.length", E, "prefixes[1].asPath", "4", [](Onboarding &o) {
        o.prefixes[1].asPath = {"213999", "3356", "1299", "174"};
    });
    r.add("/24 with 4 ASNs", "aspath.length-recommended", W, "prefixes[0].asPath", "3 or fewer",
          [](Onboarding &o) {
              o.prefixes[0].asPath = {"213999", "213999", "3356", "1299"};
          });
    // Registered customer ASNs
    r.add("customer ASN before Active", "registered-asn.requires-active", E,
          "registeredAsns[0].asn", "Active",
          [](Onboarding &o) { o.registeredAsns = {customer("212345")}; });
    r.add("customer ASN under an inactive peering", "registered-asn.requires-active", E,
          "registeredAsns[0].asn", "exampleix-fra-ixrs", [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("212345", "exampleix-fra-ixrs")};
          });
    r.add("customer ASN under an unknown peering", "registered-asn.requires-active", E,
          "registeredAsns[0].peering", "exampleix-ams-ixrs, exampleix-fra-ixrs", [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("212345", "nope")};
          });
    r.add("customer ASN without a peering", "registered-asn.requires-active", E,
          "registeredAsns[0].peering", "exampleix-ams-ixrs", [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("212345", "")};
          });
    r.add("customer ASN registered twice", "registered-asn.unique", E, "registeredAsns[1].asn",
          "registeredAsns[0]", [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("212345"), customer("3.15737")};
          });
    r.add("customer ASN registered elsewhere", "registered-asn.unique", E, "registeredAsns[0].asn",
          "Other-IX to Microsoft", [](Onboarding &o, ValidationContext &ctx) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("212345")};
              ctx.registeredElsewhere.insert(212345, "Other-IX to Microsoft");
          });
    r.add("customer ASN private", "registered-asn.public", E, "registeredAsns[0].asn", "private",
          [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("64512")};
          });
    r.add("customer ASN above int32", "registered-asn.int32", W, "registeredAsns[0].asn",
          "above 2147483647", [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("2147483648")};
          });
    r.add("customer ASN unparsable", "registered-asn.public", E, "registeredAsns[0].asn", "cust",
          [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("cust")};
          });
    r.add("prefix key not a GUID", "registered-asn.prefix-key", E, "registeredAsns[0].prefixKey",
          "xyz", [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("212345")};
              o.registeredAsns[0].prefixKey = "xyz";
          });
    r.add("key delivery on a day that does not exist", "milestone.date", E,
          "registeredAsns[0].keyDeliveredAt", "2026-02-30T10:00:00Z", [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("212345")};
              o.registeredAsns[0].keyDeliveredAt = "2026-02-30T10:00:00Z";
          });
    r.add("key delivery time not ISO", "milestone.date", E, "registeredAsns[0].keyDeliveredAt",
          "yesterday", [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("212345")};
              o.registeredAsns[0].keyDeliveredAt = "yesterday";
          });
    // Tracking
    r.add("milestone stage unknown", "milestone.stage", E, "milestones[1].stage", "go-live",
          [](Onboarding &o) { o.milestones[1].stage = "go-live"; });
    r.add("mail stage unknown", "milestone.stage", E, "mail[0].stage", "asn-association",
          [](Onboarding &o) { o.mail[0].stage = "asn"; });
    r.add("expected date invalid", "milestone.date", E, "milestones[0].expected", "2026-13-01",
          [](Onboarding &o) { o.milestones[0].expected = "2026-13-01"; });
    r.add("expected date not ISO", "milestone.date", E, "milestones[1].expected", "23.11.2026",
          [](Onboarding &o) { o.milestones[1].expected = "23.11.2026"; });
    r.add("reached not a date-time", "milestone.date", E, "milestones[0].reached", "T10:00:00Z",
          [](Onboarding &o) { o.milestones[0].reached = "2026-11-02"; });
    r.add("milestone source unknown", "milestone.source", E, "milestones[0].source", "phone",
          [](Onboarding &o) { o.milestones[0].source = "phone"; });
    // The document as a whole
    r.add("no onboarding name", "onboarding.name", E, "name", "name",
          [](Onboarding &o) { o.name = "   "; });
    r.add("waived without a note", "requirement.status", E, "requirements[0].note", "lacp",
          {"requirement.open"},
          [](Onboarding &o) { o.requirements = {{"lacp", "waived", " ", {}}}; });
    r.add("unknown requirement", "requirement.status", E, "requirements[1].id", "no-such",
          {"requirement.open"},
          [](Onboarding &o) {
              o.requirements = {{"lacp", "met", {}, {}}, {"no-such", "met", {}, {}}};
          });
    r.add("requirement listed twice", "requirement.status", E, "requirements[1].id", "twice",
          {"requirement.open"},
          [](Onboarding &o) {
              o.requirements = {{"lacp", "met", {}, {}}, {"lacp", "open", {}, {}}};
          });
    r.add("requirement status unknown", "requirement.status", E, "requirements[0].status", "done",
          {"requirement.open"},
          [](Onboarding &o) { o.requirements = {{"lacp", "done", {}, {}}}; });
    // The PeeringDB cache against the document (only with a cache).
    {
        auto facts = [](ValidationContext &c, QStringList prefixes = {"185.1.200.0/24"}) {
            PeeringDbFacts f;
            f.microsoftMetros = {"Amsterdam", "Frankfurt"};
            f.microsoftFacilityMetro = {{62, "Amsterdam"}, {58, "Amsterdam"}, {60, "Frankfurt"}};
            f.lansByAsn.insert(213999, {prefixes, {"Example-IX"}});
            c.peeringDb = f;
        };
        r.rows.append(Row {"metro where Microsoft has no facility",
                           [facts](Onboarding &o, ValidationContext &c) {
                               facts(c);
                               o.peerings[1].metro = "Frankfort";
                           },
                           "peeringdb.metro", W, "peerings[1].metro", "Frankfort", {}});
        r.rows.append(Row {"facility where Microsoft is not",
                           [facts](Onboarding &o, ValidationContext &c) {
                               facts(c);
                               conn(o, 0, 0).peeringDbFacilityId = 99;
                           },
                           "peeringdb.facility", W, ams + ".peeringDbFacilityId", "not present",
                           {}});
        r.rows.append(Row {"facility of another metro",
                           [facts](Onboarding &o, ValidationContext &c) {
                               facts(c);
                               conn(o, 0, 0).peeringDbFacilityId = 60;
                           },
                           "peeringdb.facility", W, ams + ".peeringDbFacilityId", "in Frankfurt",
                           {"mesh.extra-connection"}});
        r.rows.append(Row {"session address outside the exchange's peering LAN",
                           [facts](Onboarding &o, ValidationContext &c) {
                               facts(c, {"185.1.200.0/30", "2001:7f8::/64"});
                               Q_UNUSED(o);
                           },
                           "peeringdb.session-lan", W,
                           "peerings[1].connections[0].bgp.peerIPv4", "185.1.200.0/30", {}});
        r.pass("the cache agrees with the document", [facts](Onboarding &o, ValidationContext &c) {
            facts(c);
            o.peerings[1].metro = "frankfurt am main";
        });
    }
    // The checklist against the document.
    r.add("LACP ticked met, but a connection has no LACP", "requirement.contradicted", W,
          "requirements[6].status", "rule interconnect.lacp has 1 finding", {"interconnect.lacp"},
          [](Onboarding &o) {
              o.requirements = allMet();
              conn(o, 0, 0).lacp = false;
          });
    // Two contradictions: each warning names its own finding (the warnings are appended to the
    // findings the rule reads; it keeps copies, not pointers into them).
    r.add("LACP and firewall both ticked met while both are contradicted",
          "requirement.contradicted", W, "requirements[7].status",
          "rule interconnect.stateful-firewall has 1 finding",
          {"interconnect.lacp", "interconnect.stateful-firewall", "requirement.contradicted"},
          [](Onboarding &o) {
              o.requirements = allMet();
              conn(o, 0, 0).lacp = false;
              conn(o, 0, 0).statefulFirewall = true;
          });
    // az reads "@path" as a file to load.
    r.add("peer name starting with @", "value.leading-at", W, "peerAsn.peerName", "/etc/hostname",
          [](Onboarding &o) { o.peerAsn.peerName = "@/etc/hostname"; });
    r.add("metro starting with @", "value.leading-at", W, "peerings[0].metro",
          "--allow-at", [](Onboarding &o) { o.peerings[0].metro = "@metros.txt"; });
    r.add("utilization far above 100", "connection.utilization", E, "peerings[0].connections[0].utilizationPercent",
          "9000000000000000% is not a percentage", [](Onboarding &o) { conn(o, 0, 0).utilizationPercent = 9000000000000000; });
    r.add("negative utilization", "connection.utilization", E, "peerings[0].connections[0].utilizationPercent",
          "0 to 100", [](Onboarding &o) { conn(o, 0, 0).utilizationPercent = -9000000000000000; });
    // Text that is not shown as it is: terminal escapes, NUL, bidi overrides.
    r.add("ESC in the onboarding name", "text.hidden-characters", E, "name", "U+001B (ESC)",
          [](Onboarding &o) { o.name = QStringLiteral("Example\x1b[2J-IX"); });
    r.add("NUL in the onboarding name", "text.hidden-characters", E, "name", "U+0000 (NUL)",
          [](Onboarding &o) { o.name = QStringLiteral("Example") + QChar(0) + QStringLiteral("-IX"); });
    r.add("bidi override in the peer name", "text.hidden-characters", E, "peerAsn.peerName",
          "U+202E (RIGHT-TO-LEFT OVERRIDE)",
          [](Onboarding &o) { o.peerAsn.peerName = QStringLiteral("Example ") + QChar(0x202e) + QStringLiteral("XI"); });
    r.add("isolate in a facility name", "text.hidden-characters", E, "peerings[0].connections[0].facilityName",
          "U+2066", [](Onboarding &o) { conn(o, 0, 0).facilityName = QStringLiteral("AM5") + QChar(0x2066); });
    r.add("carriage return in a customer name", "text.hidden-characters", E, "registeredAsns[0].name",
          "U+000D (CARRIAGE RETURN)", [](Onboarding &o) {
              activateAmsterdam(o);
              o.registeredAsns = {customer("212345")};
              o.registeredAsns[0].name = QStringLiteral("Contoso\rEvil");
          });
    r.add("no checklist kept: every item open", "requirement.open", W, "requirements",
          "13 requirement", [](Onboarding &o) { o.requirements.clear(); });
    r.add("requirements left open", "requirement.open", W, "requirements",
          "still open: LACP on every interconnect link; Peerings in more than one location",
          [](Onboarding &o) {
              o.requirements = allMet();
              o.requirements[6].status = "open";
              o.requirements.removeLast(); // not listed: open
          });
    return r.rows;
}

// Boundaries and variants that must leave the baseline without any finding.
QList<QPair<QString, Mutation>> passingRows()
{
    Rows r;
    r.pass("bandwidth exactly 10000", [](Onboarding &o) {
        conn(o, 0, 0).bandwidthMbps = 10000;
        conn(o, 1, 0).bandwidthMbps = 10000;
    });
    r.pass("bandwidth 100G everywhere", [](Onboarding &o) {
        conn(o, 0, 0).bandwidthMbps = 100000;
        conn(o, 1, 0).bandwidthMbps = 100000;
    });
    r.pass("requirements met and waived with a note", [](Onboarding &o) {
        o.requirements = allMet();
        o.requirements[11] = {"traffic-class", "waived", "documented in the change ticket", {}};
    });

    r.pass("max prefixes 400", [](Onboarding &o) { o.peerings[0].maxPrefixesFromMicrosoft = 400; });
    r.pass("max prefixes 500", [](Onboarding &o) { o.peerings[1].maxPrefixesFromMicrosoft = 500; });
    r.pass("/25 with 3 ASNs", [](Onboarding &o) {
        o.prefixes[1].asPath = {"213999", "3356", "1299"};
    });
    r.pass("/24 with 3 ASNs", [](Onboarding &o) {
        o.prefixes[0].asPath = {"213999", "213999", "213999"};
    });
    r.pass("AS path in asdot and with AS prefix", [](Onboarding &o) {
        o.prefixes[0].asPath = {"AS213999", "3.15961"};
    });
    r.pass("/31 uses network and broadcast", [](Onboarding &o) {
        conn(o, 0, 0).bgp.peerIPv4 = "185.1.200.0";
        conn(o, 0, 0).bgp.microsoftIPv4 = "185.1.200.1";
    });
    r.pass("/30 host addresses", [](Onboarding &o) {
        conn(o, 1, 0).bgp.peerIPv4 = "185.1.200.6";
        conn(o, 1, 0).bgp.microsoftIPv4 = "185.1.200.5";
    });
    r.pass("IPv6 /127 with the all-zeros address", [](Onboarding &o) {
        auto &b = conn(o, 0, 0).bgp;
        b.sessionPrefixV6 = "2001:7f8:ff00::/127";
        b.peerIPv6 = "2001:7f8:ff00::1";
        b.microsoftIPv6 = "2001:7f8:ff00::";
    });
    r.pass("IPv6 /126 host addresses", [](Onboarding &o) {
        auto &b = conn(o, 1, 0).bgp;
        b.sessionPrefixV6 = "2001:db8::/126";
        b.peerIPv6 = "2001:db8::1";
        b.microsoftIPv6 = "2001:db8::2";
    });
    r.pass("resource group of 90 characters",
           [](Onboarding &o) { o.peerings[0].resourceGroup = QString(90, 'r'); });
    r.pass("resource group with Unicode letters and ()", [](Onboarding &o) {
        o.peerings[0].resourceGroup = QString::fromUtf8("rg_(Zürich)-Ωmega.1");
    });
    r.pass("peering name of 63 characters",
           [](Onboarding &o) { o.peerings[0].name = QString(63, 'p'); });
    r.pass("peering name with _ . -",
           [](Onboarding &o) { o.peerings[0].name = "Example_IX.ams-1"; });
    r.pass("backup in another metro", [](Onboarding &o) { conn(o, 1, 0).role = "backup"; });
    r.pass("redundant connection next to the primary",
           [](Onboarding &o) { addAmsterdamConnection(o, "redundant"); });
    r.pass("third metro with a backup", [](Onboarding &o) { addPeering(o, "Paris", "backup"); });
    r.pass("registered ASN with an Active connection", [](Onboarding &o) {
        activateAmsterdam(o);
        o.registeredAsns = {customer("212345")};
        o.registeredAsns[0].keyDeliveredAt = "2026-11-25T10:00:00Z";
    });
    r.pass("key delivery time with an offset", [](Onboarding &o) {
        activateAmsterdam(o);
        o.registeredAsns = {customer("212345")};
        o.registeredAsns[0].keyDeliveredAt = "2026-11-25T10:00:00.250+01:00";
    });
    r.pass("origin ASN is a registered customer", [](Onboarding &o) {
        activateAmsterdam(o);
        o.registeredAsns = {customer("212345")};
        o.prefixes[0].originAsn = "AS212345";
    });
    r.pass("origin ASN unregistered before Active",
           [](Onboarding &o) { o.prefixes[0].originAsn = "3356"; });
    r.pass("origin ASN empty", [](Onboarding &o) { o.prefixes[0].originAsn.clear(); });
    r.pass("community among others, with spaces", [](Onboarding &o) {
        o.prefixes[0].communities = {"65000:1", " 8075:8007 "};
    });
    r.pass("optional identifiers empty", [](Onboarding &o) {
        conn(o, 0, 0).id.clear();
        conn(o, 1, 0).id.clear();
    });
    r.pass("free-mail address of a non-Noc contact",
           [](Onboarding &o) { o.peerAsn.contacts[1].email = "peering.example@gmail.com"; });
    r.pass("peer ASN in asdot", [](Onboarding &o) {
        o.peerAsn.asn = "AS3.17391";
        o.prefixes[0].originAsn = "213999";
    });
    r.pass("same router name in two metros",
           [](Onboarding &o) { conn(o, 1, 0).peerRouters[0] = "rs1.ams.example-ix.net"; });
    r.pass("milestone date-time with offset",
           [](Onboarding &o) { o.milestones[1].reached = "2026-11-23T10:00:00+01:00"; });
    r.pass("milestone and mail without stage", [](Onboarding &o) {
        o.milestones[1].stage.clear();
        o.mail[0].stage.clear();
    });
    r.pass("customer registered in another onboarding under another ASN",
           [](Onboarding &o, ValidationContext &ctx) {
               activateAmsterdam(o);
               o.registeredAsns = {customer("212345")};
               ctx.registeredElsewhere.insert(212346, "Other-IX to Microsoft");
           });
    return r.passing;
}

QString describe(const Findings &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines << QStringLiteral("%1 %2 %3: %4")
                     .arg(severityId(f.severity), f.rule, f.path, f.message);
    return lines.join(u'\n');
}

Findings run(const Mutation &mutate)
{
    Onboarding o = baseline();
    ValidationContext ctx;
    mutate(o, ctx);
    return OnboardingValidator::validate(o, ctx);
}

QString dataFile(const char *name)
{
    return QStringLiteral(PEERING_TEST_DATA_DIR "/") + QLatin1String(name);
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void baselineIsClean();
    void findings_data();
    void findings();
    void passes_data();
    void passes();
    void everyRuleIsExercised();
    void bandwidthFixesAreAccepted_data();
    void bandwidthFixesAreAccepted();
    void messagesAndPaths();
    void documentOrder();
    void severityByRule();
    void sampleDocuments_data();
    void sampleDocuments();
    void findingsPerRuleAreCapped();
    void sameFacility_data();
    void sameFacility();
};

// 250 private prefixes: 100 findings of prefix.ipv4-public listed, one more for the other 150,
// and the counts still say 250.
void TestValidation::findingsPerRuleAreCapped()
{
    const Findings all = run([](Onboarding &o, ValidationContext &) {
        o.prefixes.clear();
        for (int i = 0; i < 250; ++i)
            o.prefixes.append(prefix(QStringLiteral("10.%1.0.0/24").arg(i), "SBC voice"));
    });
    QList<Finding> rule;
    for (const Finding &f : all)
        if (f.rule == QLatin1String("prefix.ipv4-public"))
            rule.append(f);
    QCOMPARE(rule.size(), ValidationRun::MaxFindingsPerRule + 1);
    for (qsizetype i = 0; i < rule.size() - 1; ++i) {
        QCOMPARE(rule[i].omitted, 0);
        QCOMPARE(rule[i].path, QStringLiteral("prefixes[%1].prefix").arg(i));
    }
    const Finding &rest = rule.last();
    QCOMPARE(rest.omitted, 150);
    QCOMPARE(rest.path, QStringLiteral("prefixes[100].prefix"));
    QVERIFY2(rest.message.startsWith(QLatin1String("150 more finding")), qPrintable(rest.message));
    QCOMPARE(rest.toJson().value(QLatin1String("omitted")).toInt(), 150);
    QVERIFY(!rule.first().toJson().contains(QLatin1String("omitted")));
    int errors = 0;
    for (const Finding &f : all)
        errors += f.severity == Severity::Error ? 1 : 0;
    QCOMPARE(countSeverity(all, Severity::Error), errors - 1 + 150);
}

// mesh.extra-connection: the same PeeringDB id, or the same name where an id is missing; the
// warning names the earliest such connection.
void TestValidation::sameFacility_data()
{
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("warned"); // the connection warned about, -1 for none
    QTest::addColumn<QString>("after"); // the connection it names
    using L = QList<qint64>;
    QTest::addRow("same id, other names") << L {62, 62} << QStringList {"A", "B"} << 1 << "after the primary connection";
    QTest::addRow("other ids, same name") << L {62, 58} << QStringList {"A", "A"} << -1 << "";
    QTest::addRow("no ids, same name in other case and spaces")
        << L {0, 0} << QStringList {"Equinix AM5", " equinix am5 "} << 1 << "after the primary connection";
    QTest::addRow("first without id") << L {0, 62} << QStringList {"A", "a"} << 1 << "after the primary connection";
    QTest::addRow("second without id") << L {62, 0} << QStringList {"A", "a"} << 1 << "after the primary connection";
    QTest::addRow("no ids, no names") << L {0, 0} << QStringList {"", ""} << -1 << "";
    QTest::addRow("third like the first")
        << L {62, 58, 62} << QStringList {"A", "B", "C"} << 2 << "after the primary connection";
    QTest::addRow("third like the second, by name")
        << L {62, 0, 0} << QStringList {"A", "B", "b"} << 2 << "after the redundant connection at B";
    QTest::addRow("third: id of the first, name of the second")
        << L {62, 0, 62} << QStringList {"A", "B", "B"} << 2 << "after the primary connection";
}

void TestValidation::sameFacility()
{
    QFETCH(QList<qint64>, ids);
    QFETCH(QStringList, names);
    QFETCH(int, warned);
    QFETCH(QString, after);
    const Findings all = run([&](Onboarding &o, ValidationContext &) {
        for (qsizetype i = 1; i < ids.size(); ++i) {
            Connection &c = addAmsterdamConnection(o, "redundant");
            c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            c.peerRouters = {QStringLiteral("x%1.example-ix.net").arg(i),
                             QStringLiteral("y%1.example-ix.net").arg(i)};
        }
        for (qsizetype i = 0; i < ids.size(); ++i) {
            conn(o, 0, int(i)).peeringDbFacilityId = ids[i];
            conn(o, 0, int(i)).facilityName = names[i];
        }
    });
    QList<Finding> mesh;
    for (const Finding &f : all)
        if (f.rule == QLatin1String("mesh.extra-connection"))
            mesh.append(f);
    if (warned < 0) {
        QVERIFY2(mesh.isEmpty(), qPrintable(mesh.value(0).message));
        return;
    }
    QCOMPARE(mesh.size(), 1);
    QCOMPARE(mesh[0].path,
             QStringLiteral("peerings[0].connections[%1].peeringDbFacilityId").arg(warned));
    QVERIFY2(mesh[0].message.contains(after, Qt::CaseInsensitive), qPrintable(mesh[0].message));
}

void TestValidation::baselineIsClean()
{
    const Findings f = OnboardingValidator::validate(baseline());
    QVERIFY2(f.isEmpty(), qPrintable(describe(f)));
}

void TestValidation::findings_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("alsoAllowed");
    QTest::addColumn<QString>("mentions");
    for (const Row &r : failingRows())
        QTest::newRow(qPrintable(r.name))
            << r.mutate << r.rule << r.severity << r.path << r.alsoAllowed << r.mentions;
}

void TestValidation::findings()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, rule);
    QFETCH(Severity, severity);
    QFETCH(QString, path);
    QFETCH(QStringList, alsoAllowed);
    QFETCH(QString, mentions);

    const Findings all = run(mutate);
    const QString dump = describe(all);
    const Finding *hit = nullptr;
    for (const Finding &f : all)
        if (f.rule == rule && f.severity == severity && f.path == path)
            hit = &f;
    QVERIFY2(
        hit,
        qPrintable(
            QStringLiteral("no %1 %2 at %3 in:\n%4").arg(severityId(severity), rule, path, dump)));
    if (!mentions.isEmpty())
        QVERIFY2(hit->message.contains(mentions, Qt::CaseInsensitive),
                 qPrintable(
                     QStringLiteral("\"%1\" does not mention \"%2\"").arg(hit->message, mentions)));
    // The mutation raises nothing else than what it is about, but for the baseline's checklist
    // (all met), which says so when the requirement of the rule is contradicted.
    for (const Finding &f : all)
        QVERIFY2(f.rule == rule || alsoAllowed.contains(f.rule)
                     || f.rule == QLatin1String("requirement.contradicted"),
                 qPrintable(QStringLiteral("unrelated finding in:\n%1").arg(dump)));
    for (const RequirementInfo &info : RequirementCheck::catalogue()) {
        if (info.rule != rule || rule == QLatin1String("requirement.contradicted"))
            continue;
        bool said = false;
        for (const Finding &f : all)
            said = said
                   || (f.rule == QLatin1String("requirement.contradicted")
                       && f.message.contains(info.title) && f.message.contains(rule));
        const bool checklistMet = [&] {
            Onboarding o = baseline();
            ValidationContext c;
            mutate(o, c);
            for (const RequirementCheck &r : o.requirements)
                if (r.id == info.id)
                    return r.status == QLatin1String("met");
            return false;
        }();
        QVERIFY2(said || !checklistMet,
                 qPrintable(QStringLiteral("no requirement.contradicted for %1 in:\n%2").arg(info.id, dump)));
    }
}

void TestValidation::passes_data()
{
    QTest::addColumn<Mutation>("mutate");
    for (const auto &[name, mutate] : passingRows())
        QTest::newRow(qPrintable(name)) << mutate;
}

void TestValidation::passes()
{
    QFETCH(Mutation, mutate);
    const Findings f = run(mutate);
    QVERIFY2(f.isEmpty(), qPrintable(describe(f)));
}

void TestValidation::bandwidthFixesAreAccepted_data()
{
    QTest::addColumn<QList<qint64>>("bandwidths"); // of the Amsterdam connections
    QTest::newRow("majority below the minimum") << QList<qint64>{1000, 1000, 10000};
    QTest::newRow("all below the minimum, unequal") << QList<qint64>{1000, 5000};
    QTest::newRow("one below, one above") << QList<qint64>{1000, 100000};
    QTest::newRow("majority at 100 Gbps") << QList<qint64>{10000, 100000, 100000};
    QTest::newRow("zero") << QList<qint64>{0, 10000};
}

// A message that suggests a bandwidth ("use 1000 Mbps here") never proposes one that
// bandwidth.minimum refuses.
void TestValidation::bandwidthFixesAreAccepted()
{
    QFETCH(QList<qint64>, bandwidths);
    Onboarding o = baseline();
    o.peerings.removeLast();
    while (o.peerings[0].connections.size() < bandwidths.size())
        addAmsterdamConnection(o, "redundant");
    for (qsizetype i = 0; i < bandwidths.size(); ++i)
        conn(o, 0, int(i)).bandwidthMbps = bandwidths[i];
    const Findings all = OnboardingValidator::validate(o);
    static const QRegularExpression use(QStringLiteral("use (\\d+) (Gbps|Mbps)"));
    int bandwidthFindings = 0;
    for (const Finding &f : all) {
        if (!f.rule.startsWith(QLatin1String("bandwidth.")))
            continue;
        ++bandwidthFindings;
        const auto m = use.match(f.message);
        if (!m.hasMatch())
            continue;
        const qint64 mbps = m.captured(1).toLongLong()
                            * (m.captured(2) == QLatin1String("Gbps") ? 1000 : 1);
        QVERIFY2(mbps >= 10000, qPrintable(f.message));
    }
    // Every connection that is not at the suggested value has one bandwidth finding, not two.
    QHash<QString, int> perPath;
    for (const Finding &f : all)
        if (f.rule.startsWith(QLatin1String("bandwidth.")))
            QVERIFY2(++perPath[f.path] == 1, qPrintable(describe(all)));
    QVERIFY(bandwidthFindings > 0);
}

void TestValidation::everyRuleIsExercised()
{
    QCOMPARE(OnboardingValidator::ruleIds(), kRuleIds);
    QSet<QString> exercised;
    for (const Row &r : failingRows())
        exercised.insert(r.rule);
    for (const QString &id : kRuleIds)
        QVERIFY2(exercised.contains(id),
                 qPrintable(QStringLiteral("no failing row for %1").arg(id)));
    // And no row expects a rule the validator does not declare.
    for (const QString &id : std::as_const(exercised))
        QVERIFY2(kRuleIds.contains(id), qPrintable(id));
}

void TestValidation::messagesAndPaths()
{
    const QSet<QString> known(kRuleIds.cbegin(), kRuleIds.cend());
    // Paths use the document's keys: peerAsn, peerings, prefixes, registeredAsns, ...
    const QRegularExpression pathShape(
        QStringLiteral("^(name|peerAsn|peerings|prefixes|registeredAsns|milestones|mail|requirements)"
                       "(\\[\\d+\\])?(\\.[A-Za-z0-9]+(\\[\\d+\\])?)*$"));
    const QRegularExpression placeholder(QStringLiteral("%\\d"));
    for (const Row &r : failingRows()) {
        const Findings all = run(r.mutate);
        QVERIFY2(!all.isEmpty(), qPrintable(r.name));
        for (const Finding &f : all) {
            const QString where = QStringLiteral("%1: %2 %3").arg(r.name, f.rule, f.path);
            QVERIFY2(known.contains(f.rule), qPrintable(where));
            QVERIFY2(!f.path.isEmpty(), qPrintable(where));
            QVERIFY2(pathShape.match(f.path).hasMatch(), qPrintable(where));
            QVERIFY2(!f.message.trimmed().isEmpty(), qPrintable(where));
            QVERIFY2(!placeholder.match(f.message).hasMatch(), qPrintable(f.message));
        }
    }
}

void TestValidation::documentOrder()
{
    Onboarding o = baseline();
    o.mail[0].stage = "x";
    o.registeredAsns = {customer("212345")};
    o.prefixes[1].communities.clear();
    conn(o, 1, 0).lacp = false;
    o.peerings[0].sku = "Basic";
    o.peerAsn.validationState = "Pending";
    const Findings f = OnboardingValidator::validate(o);
    // The checklist against the document comes last: it needs every other finding.
    QStringList paths;
    bool checklist = false;
    for (const Finding &x : f) {
        if (x.rule.startsWith(QLatin1String("requirement."))) {
            checklist = true;
            continue;
        }
        QVERIFY2(!checklist, qPrintable(x.path));
        paths << x.path;
    }
    QVERIFY(checklist);
    QCOMPARE(paths,
             (QStringList {"peerAsn.validationState", "peerings[0].sku", fra + ".lacp",
                           "prefixes[1].communities", "registeredAsns[0].asn", "mail[0].stage"}));
    // Pure: the same input gives the same findings.
    QCOMPARE(OnboardingValidator::validate(o), f);
}

void TestValidation::severityByRule()
{
    for (const Row &r : failingRows()) {
        if (r.rule == QLatin1String("prefix.registered"))
            continue; // an error (2025 text) or a warning (the 2023 text's origin ASNs)
        QCOMPARE(r.severity == Severity::Warning, kWarningRules.contains(r.rule));
        for (const Finding &f : run(r.mutate))
            if (f.rule != QLatin1String("prefix.registered"))
                QVERIFY2((f.severity == Severity::Warning) == kWarningRules.contains(f.rule),
                         qPrintable(f.rule));
    }
}

void TestValidation::sampleDocuments_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("hasErrors");
    QTest::addColumn<QStringList>("rules");
    QTest::newRow("clean") << dataFile("clean.json") << false << QStringList();
    QTest::newRow("backup in another metro")
        << dataFile("backup-other-metro.json") << false << QStringList();
    QTest::newRow("backup in the primary's metro")
        << dataFile("backup-same-metro.json") << true << QStringList {"backup.other-location"};
    QTest::newRow("many findings") << dataFile("many-findings.json") << true
                                   << QStringList {"asn.public",
                                                   "peer-asn.approved",
                                                   "contact.noc",
                                                   "contact.email",
                                                   "basics.subscription-id",
                                                   "basics.resource-group",
                                                   "basics.peering-name",
                                                   "config.network",
                                                   "config.sku",
                                                   "bandwidth.minimum",
                                                   "redundancy.local",
                                                   "diversity.routers",
                                                   "backup.other-location",
                                                   "redundancy.geo",
                                                   "mesh.extra-connection",
                                                   "interconnect.lacp",
                                                   "interconnect.stateful-firewall",
                                                   "interconnect.rate-limit",
                                                   "connection.session-address-provider",
                                                   "connection.use-for-peering-service",
                                                   "connection.facility",
                                                   "bgp.session-prefix",
                                                   "bgp.max-prefix-from-microsoft",
                                                   "prefix.ipv4-public",
                                                   "prefix.registered",
                                                   "prefix.community",
                                                   "prefix.traffic-class",
                                                   "aspath.private-asn",
                                                   "aspath.length",
                                                   "registered-asn.requires-active",
                                                   "registered-asn.public"};
}

void TestValidation::sampleDocuments()
{
    QFETCH(QString, file);
    QFETCH(bool, hasErrors);
    QFETCH(QStringList, rules);
    const Result<Onboarding> o = OnboardingDocument::readFile(file);
    QVERIFY2(o.ok(), qPrintable(o.error()));
    const Findings f = OnboardingValidator::validate(*o);
    QVERIFY2(Peering::hasErrors(f) == hasErrors, qPrintable(describe(f)));
    QSet<QString> seen;
    for (const Finding &x : f)
        seen.insert(x.rule);
    for (const QString &rule : rules)
        QVERIFY2(seen.contains(rule),
                 qPrintable(QStringLiteral("missing %1 in:\n%2").arg(rule, describe(f))));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
