// OnboardingDocument and the structs' toJson/fromJson: lossless round trips, unknown keys kept,
// defaults for missing keys, and one clear error (with the JSON path) for unreadable input.
#include "document/onboardingdocument.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Peering;

using Mutator = std::function<void(Peering::Onboarding &)>;
Q_DECLARE_METATYPE(Mutator)

namespace {

// Unknown members for one level of the document, different per level so a mix-up shows.
QJsonObject extraFor(const QString &level)
{
    QJsonObject o;
    o.insert(QStringLiteral("x-") + level, QStringLiteral("kept at ") + level);
    o.insert(QStringLiteral("x-nested"),
             QJsonObject{{QStringLiteral("list"), QJsonArray{1, QStringLiteral("two"), true,
                                                             QJsonValue::Null, 2.5}},
                         {QStringLiteral("object"), QJsonObject{{QStringLiteral("deep"), 7}}}});
    o.insert(QStringLiteral("x-null"), QJsonValue::Null);
    return o;
}

// An onboarding with every field of every struct set to something other than its default.
Onboarding fullOnboarding()
{
    Onboarding ob;
    ob.name = QStringLiteral("Example-IX to Microsoft");
    ob.extra = extraFor(QStringLiteral("root"));

    ob.peerAsn.name = QStringLiteral("example-ix-asn");
    ob.peerAsn.asn = QStringLiteral("64500");
    ob.peerAsn.peerName = QStringLiteral("Example IX");
    ob.peerAsn.validationState = QStringLiteral("Approved");
    ob.peerAsn.extra = extraFor(QStringLiteral("peerAsn"));
    Contact noc;
    noc.role = QStringLiteral("Noc");
    noc.email = QStringLiteral("noc@example.net");
    noc.phone = QStringLiteral("+1 555 0100");
    noc.extra = extraFor(QStringLiteral("contact"));
    Contact policy;
    policy.role = QStringLiteral("Policy");
    policy.email = QStringLiteral("peering@example.net");
    policy.phone = QStringLiteral("+1 555 0101");
    ob.peerAsn.contacts = {noc, policy};

    for (int p = 0; p < 2; ++p) {
        PeeringResource peering;
        peering.subscriptionId = QStringLiteral("123e4567-e89b-12d3-a456-42661417400%1").arg(p);
        peering.resourceGroup = QStringLiteral("rg-peering-%1").arg(p);
        peering.name = QStringLiteral("example-ix-%1").arg(p);
        peering.azureRegion = p == 0 ? QStringLiteral("westeurope") : QStringLiteral("northeurope");
        peering.kind = QStringLiteral("Exchange"); // non-default on purpose: must round-trip
        peering.microsoftNetwork = QStringLiteral("AS8075");
        peering.sku = QStringLiteral("Basic_Exchange_Free");
        peering.metro = p == 0 ? QStringLiteral("Amsterdam") : QStringLiteral("Dublin");
        peering.maxPrefixesFromMicrosoft = 450 + p;
        peering.extra = extraFor(QStringLiteral("peering"));
        for (int c = 0; c < 2; ++c) {
            Connection con;
            con.id = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeee%1%2").arg(p).arg(c);
            con.role = c == 0 ? QStringLiteral("backup") : QStringLiteral("redundant");
            con.peeringDbFacilityId = 18 + 10 * p + c;
            con.facilityName = QStringLiteral("Facility %1-%2").arg(p).arg(c);
            con.peerRouters = {QStringLiteral("r%1%2a.example.net").arg(p).arg(c),
                               QStringLiteral("r%1%2b.example.net").arg(p).arg(c)};
            con.bandwidthMbps = 100000;
            con.sessionAddressProvider = QStringLiteral("Microsoft");
            con.useForPeeringService = false;
            con.lacp = true;
            con.statefulFirewall = true;
            con.rateLimited = true;
            con.state = QStringLiteral("Active");
            con.bgp.sessionPrefixV4 = QStringLiteral("185.1.200.%1/31").arg(2 * (2 * p + c));
            con.bgp.peerIPv4 = QStringLiteral("185.1.200.%1").arg(2 * (2 * p + c));
            con.bgp.microsoftIPv4 = QStringLiteral("185.1.200.%1").arg(2 * (2 * p + c) + 1);
            con.bgp.sessionPrefixV6 = QStringLiteral("2001:db8:%1::/126").arg(2 * p + c);
            con.bgp.peerIPv6 = QStringLiteral("2001:db8:%1::1").arg(2 * p + c);
            con.bgp.microsoftIPv6 = QStringLiteral("2001:db8:%1::2").arg(2 * p + c);
            con.bgp.maxPrefixesAdvertisedV4 = 1000 + c;
            con.bgp.maxPrefixesAdvertisedV6 = 100 + c;
            con.bgp.md5Key = QStringLiteral("s3cr\"et\\-%1%2").arg(p).arg(c);
            con.bgp.extra = extraFor(QStringLiteral("bgp"));
            con.extra = extraFor(QStringLiteral("connection"));
            peering.connections.append(con);
        }
        ob.peerings.append(peering);
    }

    AdvertisedPrefix px;
    px.prefix = QStringLiteral("185.1.201.0/24");
    px.originAsn = QStringLiteral("AS64500");
    px.registered = true;
    px.communities = {QStringLiteral("8075:8007"), QStringLiteral("64500:100")};
    px.asPath = {QStringLiteral("64500"), QStringLiteral("AS64501"), QStringLiteral("64086.59904"),
                 QStringLiteral("4200000000")};
    px.trafficClass = QStringLiteral("SBC, voice");
    px.extra = extraFor(QStringLiteral("prefix"));
    AdvertisedPrefix px2;
    px2.prefix = QStringLiteral("185.1.202.0/25");
    px2.originAsn = QStringLiteral("1.10");
    px2.asPath = {QStringLiteral("1.10")};
    ob.prefixes = {px, px2};

    RegisteredAsn ra;
    ra.name = QStringLiteral("Customer One");
    ra.asn = QStringLiteral("64086.59904");
    ra.peering = QStringLiteral("example-ix-0");
    ra.prefixKey = QStringLiteral("0f0f0f0f-1111-2222-3333-444444444444");
    ra.keyDeliveredAt = QStringLiteral("2026-11-30T09:00:00Z");
    ra.extra = extraFor(QStringLiteral("registeredAsn"));
    RegisteredAsn ra2;
    ra2.name = QStringLiteral("Customer Two");
    ra2.asn = QStringLiteral("AS396982");
    ob.registeredAsns = {ra, ra2};

    Milestone m;
    m.stage = QStringLiteral("asn-association");
    m.expected = QStringLiteral("2026-11-23");
    m.reached = QStringLiteral("2026-11-22T15:04:05Z");
    m.source = QStringLiteral("mail");
    m.note = QStringLiteral("approved early");
    m.extra = extraFor(QStringLiteral("milestone"));
    Milestone m2;
    m2.stage = QStringLiteral("peering-created");
    m2.expected = QStringLiteral("2026-11-25");
    ob.milestones = {m, m2};

    MailRecord mail;
    mail.messageId = QStringLiteral("<20261122150405.1@example.microsoft.com>");
    mail.from = QStringLiteral("Peering Service <peering@microsoft.com>");
    mail.subject = QStringLiteral("Your ASN has been approved \u2713");
    mail.date = QStringLiteral("2026-11-22T15:04:05Z");
    mail.stage = QStringLiteral("asn-association");
    mail.extra = extraFor(QStringLiteral("mail"));
    ob.mail = {mail};

    RequirementCheck rc;
    rc.id = QStringLiteral("geo-redundancy");
    rc.status = QStringLiteral("waived");
    rc.note = QStringLiteral("second metro next year");
    rc.extra = extraFor(QStringLiteral("requirement"));
    RequirementCheck rc2;
    rc2.id = QStringLiteral("lacp");
    rc2.status = QStringLiteral("met");
    ob.requirements = {rc, rc2};
    return ob;
}

// A document written by hand: ASNs as numbers, "AS" strings and asdot, unknown keys everywhere.
const char kHandWritten[] = R"({
  "format": "peering-onboarding/1",
  "x-root": {"kept": [1, "two", null, true]},
  "name": "Example-IX to Microsoft",
  "peerAsn": {
    "name": "example-ix", "asn": 64500, "peerName": "Example IX", "validationState": "Approved",
    "x-peerAsn": "p",
    "contacts": [
      {"role": "Noc", "email": "noc@example.net", "phone": "+1 555 0100", "x-contact": 1}
    ]
  },
  "peerings": [
    {
      "subscriptionId": "123e4567-e89b-12d3-a456-426614174000", "resourceGroup": "rg",
      "name": "example-ix-ams", "azureRegion": "westeurope", "kind": "Direct",
      "microsoftNetwork": "AS8075-IxRs", "sku": "Premium_Direct_Free", "metro": "Amsterdam",
      "maxPrefixesFromMicrosoft": 450, "x-peering": {"a": 1},
      "connections": [
        {
          "id": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "role": "primary",
          "peeringDbFacilityId": 18, "facilityName": "Equinix AM5",
          "peerRouters": ["r1.example.net"], "bandwidthMbps": 100000,
          "sessionAddressProvider": "Peer", "useForPeeringService": true, "lacp": true,
          "statefulFirewall": false, "rateLimited": false, "state": "Active",
          "x-connection": [1],
          "bgp": {
            "sessionPrefixV4": "185.1.200.0/31", "peerIPv4": "185.1.200.0",
            "microsoftIPv4": "185.1.200.1", "sessionPrefixV6": "2001:db8::/126",
            "peerIPv6": "2001:db8::1", "microsoftIPv6": "2001:db8::2",
            "maxPrefixesAdvertisedV4": 1000, "maxPrefixesAdvertisedV6": 100, "md5Key": "k",
            "x-bgp": false
          }
        },
        {
          "id": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeef", "role": "redundant",
          "peeringDbFacilityId": 18, "peerRouters": ["r2.example.net"], "bandwidthMbps": 100000,
          "lacp": true, "bgp": {"sessionPrefixV4": "185.1.200.2/31"}
        }
      ]
    }
  ],
  "prefixes": [
    {
      "prefix": "185.1.201.0/24", "originAsn": "AS64500", "registered": true,
      "communities": ["8075:8007", "64500:1"], "asPath": [64500, "AS64501", "1.10", 4200000000],
      "trafficClass": "SBC", "x-prefix": "k"
    }
  ],
  "registeredAsns": [
    {
      "name": "Customer", "asn": "64086.59904", "peering": "example-ix-ams",
      "prefixKey": "0f0f0f0f-1111-2222-3333-444444444444",
      "keyDeliveredAt": "2026-11-30T09:00:00Z", "x-registered": 2
    }
  ],
  "milestones": [
    {"stage": "requirements", "expected": "2026-11-23", "reached": null, "source": "mail",
     "note": "n", "x-milestone": null}
  ],
  "mail": [
    {"messageId": "<a@example.com>", "from": "peering@microsoft.com", "subject": "Approved",
     "date": "2026-11-22T15:04:05Z", "stage": "asn-association", "x-mail": {}}
  ],
  "requirements": [
    {"id": "lacp", "status": "met", "note": "", "x-requirement": "r"}
  ]
})";

QJsonValue at(const QJsonValue &root, const QString &path)
{
    QJsonValue v = root;
    for (const QString &step : path.split(u'/', Qt::SkipEmptyParts)) {
        bool isIndex = false;
        const int i = step.toInt(&isIndex);
        v = isIndex ? v.toArray().at(i) : v.toObject().value(step);
    }
    return v;
}

QJsonObject rootOf(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray withFormat(const QByteArray &members)
{
    return "{\"format\": \"peering-onboarding/1\", " + members + "}";
}

QByteArray nested(int depth, char open, char close)
{
    return QByteArray(depth, open) + QByteArray(depth, close);
}

Result<Onboarding> roundTrip(const Onboarding &ob, QByteArray *bytes = nullptr)
{
    const QByteArray b = OnboardingDocument::serialize(ob);
    if (bytes)
        *bytes = b;
    return OnboardingDocument::parse(b);
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripInCode();
    void everyFieldRoundTrips_data();
    void everyFieldRoundTrips();
    void roundTripHandWritten();
    void unknownKeysSurvive_data();
    void unknownKeysSurvive();
    void asnNotations_data();
    void asnNotations();
    void emptyAsnTextsRoundTrip();
    void minimalDocumentTakesDefaults();
    void emptyObjectsTakeDefaults();
    void nullsForOptionalValues();
    void formatIsAlwaysWritten();
    void byteOrderMarkIsAccepted();
    void byteOrderMarkInStringsIsKept_data();
    void byteOrderMarkInStringsIsKept();
    void secretsNeverEchoed();
    void unreadable_data();
    void unreadable();
    void firstErrorWins();
    void deepNestingFailsFast_data();
    void deepNestingFailsFast();
    void secretsLeftOut();
    void writeAndReadFile();
    void writeFileToMissingFolderFails();
    void readFileHugeNestedFileIsRefusedQuickly();
    void readFileFailures();
    void readFileOverMaxBytes();
    void documentLimits_data();
    void documentLimits();
};

// n copies of item, comma separated.
static QByteArray repeated(const QByteArray &item, qsizetype n)
{
    QByteArray out;
    out.reserve((item.size() + 1) * n);
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0)
            out += ',';
        out += item;
    }
    return out;
}

// Every list has a limit that the error names with its path; one entry less is read.
void TestDocument::documentLimits_data()
{
    QTest::addColumn<QByteArray>("over");
    QTest::addColumn<QByteArray>("at");
    QTest::addColumn<QString>("message");
    const auto list = [](const char *key, const QByteArray &item, qsizetype n) {
        return "\"" + QByteArray(key) + "\": [" + repeated(item, n) + "]";
    };
    const auto peeringWith = [](qsizetype connections) {
        return "{\"connections\": [" + repeated("{}", connections) + "]}";
    };
    QTest::newRow("peerings") << list("peerings", "{}", 129) << list("peerings", "{}", 128)
                              << "peerings: 129 entries, more than a document may hold (at most 128)";
    QTest::newRow("connections of one peering")
        << "\"peerings\": [" + peeringWith(1025) + "]" << "\"peerings\": [" + peeringWith(1024) + "]"
        << "peerings[0].connections: 1025 entries, more than a document may hold (at most 1024)";
    QTest::newRow("connections of all peerings")
        << "\"peerings\": [" + peeringWith(600) + "," + peeringWith(425) + "]"
        << "\"peerings\": [" + peeringWith(600) + "," + peeringWith(424) + "]"
        << "peerings[].connections: 1025 entries, more than a document may hold (at most 1024)";
    QTest::newRow("peer routers")
        << "\"peerings\": [{\"connections\": [{\"peerRouters\": [" + repeated("\"r\"", 65) + "]}]}]"
        << "\"peerings\": [{\"connections\": [{\"peerRouters\": [" + repeated("\"r\"", 64) + "]}]}]"
        << "peerings[0].connections[0].peerRouters: 65 entries";
    QTest::newRow("prefixes") << list("prefixes", "{}", 50001) << list("prefixes", "{}", 50000)
                              << "prefixes: 50001 entries, more than a document may hold (at most 50000)";
    QTest::newRow("communities")
        << "\"prefixes\": [{\"communities\": [" + repeated("\"8075:8007\"", 65) + "]}]"
        << "\"prefixes\": [{\"communities\": [" + repeated("\"8075:8007\"", 64) + "]}]"
        << "prefixes[0].communities: 65 entries";
    QTest::newRow("registered ASNs")
        << list("registeredAsns", "{}", 20001) << list("registeredAsns", "{}", 20000)
        << "registeredAsns: 20001 entries, more than a document may hold (at most 20000)";
    QTest::newRow("mail") << list("mail", "{}", 20001) << list("mail", "{}", 20000)
                          << "mail: 20001 entries";
}

void TestDocument::documentLimits()
{
    QFETCH(QByteArray, over);
    QFETCH(QByteArray, at);
    QFETCH(QString, message);
    const Result<Onboarding> refused = OnboardingDocument::parse(withFormat(over));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().startsWith(message), qPrintable(refused.error()));
    QVERIFY2(refused.error().contains(QLatin1String("split the onboarding")),
             qPrintable(refused.error()));
    const Result<Onboarding> read = OnboardingDocument::parse(withFormat(at));
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error()));
}

void TestDocument::roundTripInCode()
{
    const Onboarding original = fullOnboarding();
    QByteArray first;
    const Result<Onboarding> parsed = roundTrip(original, &first);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    // Compare the text first: on a difference it shows where.
    const QByteArray second = OnboardingDocument::serialize(*parsed);
    QCOMPARE(second, first);
    QVERIFY(*parsed == original);
    // Stable: serializing the same value again gives the same bytes.
    QCOMPARE(OnboardingDocument::serialize(original), first);
    const Result<Onboarding> again = OnboardingDocument::parse(second);
    QVERIFY(again.ok());
    QCOMPARE(OnboardingDocument::serialize(*again), first);
}

void TestDocument::everyFieldRoundTrips_data()
{
    // Changing any one field must change the value (operator==), the bytes (toJson), and come
    // back after a round trip (fromJson): a field that is forgotten in any of the three fails.
    QTest::addColumn<Mutator>("mutate");
    const auto s = [](QString &v) { v += QStringLiteral("-changed"); };
    const auto x = [](QJsonObject &o) { o.insert(QStringLiteral("x-changed"), 42); };

    QTest::newRow("name") << Mutator([=](Onboarding &o) { s(o.name); });
    QTest::newRow("extra") << Mutator([=](Onboarding &o) { x(o.extra); });
    QTest::newRow("peerAsn.name") << Mutator([=](Onboarding &o) { s(o.peerAsn.name); });
    QTest::newRow("peerAsn.asn") << Mutator([](Onboarding &o) { o.peerAsn.asn = "AS64501"; });
    QTest::newRow("peerAsn.peerName") << Mutator([=](Onboarding &o) { s(o.peerAsn.peerName); });
    QTest::newRow("peerAsn.validationState")
        << Mutator([](Onboarding &o) { o.peerAsn.validationState = "Failed"; });
    QTest::newRow("peerAsn.extra") << Mutator([=](Onboarding &o) { x(o.peerAsn.extra); });
    QTest::newRow("peerAsn.contacts removed")
        << Mutator([](Onboarding &o) { o.peerAsn.contacts.removeLast(); });
    QTest::newRow("contact.role") << Mutator([=](Onboarding &o) { s(o.peerAsn.contacts[1].role); });
    QTest::newRow("contact.email")
        << Mutator([=](Onboarding &o) { s(o.peerAsn.contacts[1].email); });
    QTest::newRow("contact.phone")
        << Mutator([=](Onboarding &o) { s(o.peerAsn.contacts[1].phone); });
    QTest::newRow("contact.extra")
        << Mutator([=](Onboarding &o) { x(o.peerAsn.contacts[1].extra); });

    QTest::newRow("peering.subscriptionId")
        << Mutator([=](Onboarding &o) { s(o.peerings[1].subscriptionId); });
    QTest::newRow("peering.resourceGroup")
        << Mutator([=](Onboarding &o) { s(o.peerings[1].resourceGroup); });
    QTest::newRow("peering.name") << Mutator([=](Onboarding &o) { s(o.peerings[1].name); });
    QTest::newRow("peering.azureRegion")
        << Mutator([=](Onboarding &o) { s(o.peerings[1].azureRegion); });
    QTest::newRow("peering.kind") << Mutator([=](Onboarding &o) { s(o.peerings[1].kind); });
    QTest::newRow("peering.microsoftNetwork")
        << Mutator([=](Onboarding &o) { s(o.peerings[1].microsoftNetwork); });
    QTest::newRow("peering.sku") << Mutator([=](Onboarding &o) { s(o.peerings[1].sku); });
    QTest::newRow("peering.metro") << Mutator([=](Onboarding &o) { s(o.peerings[1].metro); });
    QTest::newRow("peering.maxPrefixesFromMicrosoft")
        << Mutator([](Onboarding &o) { ++o.peerings[1].maxPrefixesFromMicrosoft; });
    QTest::newRow("peering.extra") << Mutator([=](Onboarding &o) { x(o.peerings[1].extra); });
    QTest::newRow("peering removed") << Mutator([](Onboarding &o) { o.peerings.removeFirst(); });
    QTest::newRow("peerings swapped")
        << Mutator([](Onboarding &o) { o.peerings.swapItemsAt(0, 1); });

    const auto con = [](Onboarding &o) -> Connection & { return o.peerings[1].connections[1]; };
    QTest::newRow("connection.id") << Mutator([=](Onboarding &o) { s(con(o).id); });
    QTest::newRow("connection.role") << Mutator([=](Onboarding &o) { con(o).role = "primary"; });
    QTest::newRow("connection.peeringDbFacilityId")
        << Mutator([=](Onboarding &o) { ++con(o).peeringDbFacilityId; });
    QTest::newRow("connection.facilityName")
        << Mutator([=](Onboarding &o) { s(con(o).facilityName); });
    QTest::newRow("connection.peerRouters")
        << Mutator([=](Onboarding &o) { con(o).peerRouters.append("r9.example.net"); });
    QTest::newRow("connection.peerRouters order")
        << Mutator([=](Onboarding &o) { con(o).peerRouters.swapItemsAt(0, 1); });
    QTest::newRow("connection.bandwidthMbps")
        << Mutator([=](Onboarding &o) { con(o).bandwidthMbps = 10000; });
    QTest::newRow("connection.sessionAddressProvider")
        << Mutator([=](Onboarding &o) { con(o).sessionAddressProvider = "Peer"; });
    QTest::newRow("connection.useForPeeringService")
        << Mutator([=](Onboarding &o) { con(o).useForPeeringService = true; });
    QTest::newRow("connection.lacp") << Mutator([=](Onboarding &o) { con(o).lacp = false; });
    QTest::newRow("connection.statefulFirewall")
        << Mutator([=](Onboarding &o) { con(o).statefulFirewall = false; });
    QTest::newRow("connection.rateLimited")
        << Mutator([=](Onboarding &o) { con(o).rateLimited = false; });
    QTest::newRow("connection.state")
        << Mutator([=](Onboarding &o) { con(o).state = "PendingApproval"; });
    QTest::newRow("connection.extra") << Mutator([=](Onboarding &o) { x(con(o).extra); });
    QTest::newRow("bgp.sessionPrefixV4")
        << Mutator([=](Onboarding &o) { s(con(o).bgp.sessionPrefixV4); });
    QTest::newRow("bgp.peerIPv4") << Mutator([=](Onboarding &o) { s(con(o).bgp.peerIPv4); });
    QTest::newRow("bgp.microsoftIPv4")
        << Mutator([=](Onboarding &o) { s(con(o).bgp.microsoftIPv4); });
    QTest::newRow("bgp.sessionPrefixV6")
        << Mutator([=](Onboarding &o) { s(con(o).bgp.sessionPrefixV6); });
    QTest::newRow("bgp.peerIPv6") << Mutator([=](Onboarding &o) { s(con(o).bgp.peerIPv6); });
    QTest::newRow("bgp.microsoftIPv6")
        << Mutator([=](Onboarding &o) { s(con(o).bgp.microsoftIPv6); });
    QTest::newRow("bgp.maxPrefixesAdvertisedV4")
        << Mutator([=](Onboarding &o) { ++con(o).bgp.maxPrefixesAdvertisedV4; });
    QTest::newRow("bgp.maxPrefixesAdvertisedV6")
        << Mutator([=](Onboarding &o) { ++con(o).bgp.maxPrefixesAdvertisedV6; });
    QTest::newRow("bgp.md5Key") << Mutator([=](Onboarding &o) { s(con(o).bgp.md5Key); });
    QTest::newRow("bgp.extra") << Mutator([=](Onboarding &o) { x(con(o).bgp.extra); });

    QTest::newRow("prefix.prefix") << Mutator([=](Onboarding &o) { s(o.prefixes[0].prefix); });
    QTest::newRow("prefix.originAsn")
        << Mutator([](Onboarding &o) { o.prefixes[0].originAsn = "64501"; });
    QTest::newRow("prefix.registered")
        << Mutator([](Onboarding &o) { o.prefixes[0].registered = false; });
    QTest::newRow("prefix.communities")
        << Mutator([](Onboarding &o) { o.prefixes[0].communities.removeFirst(); });
    QTest::newRow("prefix.asPath")
        << Mutator([](Onboarding &o) { o.prefixes[0].asPath.append("AS8075"); });
    QTest::newRow("prefix.trafficClass")
        << Mutator([=](Onboarding &o) { s(o.prefixes[0].trafficClass); });
    QTest::newRow("prefix.extra") << Mutator([=](Onboarding &o) { x(o.prefixes[0].extra); });

    QTest::newRow("registeredAsn.name")
        << Mutator([=](Onboarding &o) { s(o.registeredAsns[0].name); });
    QTest::newRow("registeredAsn.asn")
        << Mutator([](Onboarding &o) { o.registeredAsns[0].asn = "4200000001"; });
    QTest::newRow("registeredAsn.peering")
        << Mutator([=](Onboarding &o) { s(o.registeredAsns[0].peering); });
    QTest::newRow("registeredAsn.prefixKey")
        << Mutator([=](Onboarding &o) { s(o.registeredAsns[0].prefixKey); });
    QTest::newRow("registeredAsn.keyDeliveredAt")
        << Mutator([](Onboarding &o) { o.registeredAsns[0].keyDeliveredAt.clear(); });
    QTest::newRow("registeredAsn.extra")
        << Mutator([=](Onboarding &o) { x(o.registeredAsns[0].extra); });

    QTest::newRow("milestone.stage") << Mutator([=](Onboarding &o) { s(o.milestones[0].stage); });
    QTest::newRow("milestone.expected")
        << Mutator([=](Onboarding &o) { s(o.milestones[0].expected); });
    QTest::newRow("milestone.reached")
        << Mutator([](Onboarding &o) { o.milestones[0].reached.clear(); });
    QTest::newRow("milestone.reached set")
        << Mutator([](Onboarding &o) { o.milestones[1].reached = "2026-11-25T00:00:00Z"; });
    QTest::newRow("milestone.source")
        << Mutator([](Onboarding &o) { o.milestones[0].source = "state"; });
    QTest::newRow("milestone.note") << Mutator([=](Onboarding &o) { s(o.milestones[0].note); });
    QTest::newRow("milestone.extra") << Mutator([=](Onboarding &o) { x(o.milestones[0].extra); });

    QTest::newRow("mail.messageId") << Mutator([=](Onboarding &o) { s(o.mail[0].messageId); });
    QTest::newRow("mail.from") << Mutator([=](Onboarding &o) { s(o.mail[0].from); });
    QTest::newRow("mail.subject") << Mutator([=](Onboarding &o) { s(o.mail[0].subject); });
    QTest::newRow("mail.date") << Mutator([=](Onboarding &o) { s(o.mail[0].date); });
    QTest::newRow("mail.stage") << Mutator([=](Onboarding &o) { s(o.mail[0].stage); });
    QTest::newRow("mail.extra") << Mutator([=](Onboarding &o) { x(o.mail[0].extra); });

    QTest::newRow("requirement.id") << Mutator([=](Onboarding &o) { s(o.requirements[0].id); });
    QTest::newRow("requirement.status")
        << Mutator([](Onboarding &o) { o.requirements[0].status = "open"; });
    QTest::newRow("requirement.note")
        << Mutator([=](Onboarding &o) { s(o.requirements[0].note); });
    QTest::newRow("requirement.extra")
        << Mutator([=](Onboarding &o) { x(o.requirements[0].extra); });
}

void TestDocument::everyFieldRoundTrips()
{
    QFETCH(Mutator, mutate);
    const Onboarding original = fullOnboarding();
    Onboarding changed = original;
    mutate(changed);
    QVERIFY(!(changed == original));
    QVERIFY(OnboardingDocument::serialize(changed) != OnboardingDocument::serialize(original));
    QByteArray bytes;
    const Result<Onboarding> back = roundTrip(changed, &bytes);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(OnboardingDocument::serialize(*back), bytes);
    QVERIFY(*back == changed);
}

void TestDocument::roundTripHandWritten()
{
    const Result<Onboarding> r = OnboardingDocument::parse(QByteArray(kHandWritten));
    QVERIFY2(r.ok(), qPrintable(r.error()));
    const Onboarding &ob = *r;
    QCOMPARE(ob.name, QStringLiteral("Example-IX to Microsoft"));
    QCOMPARE(ob.peerAsn.asn, QStringLiteral("64500"));
    QCOMPARE(ob.peerAsn.contacts.size(), 1);
    QCOMPARE(ob.peerAsn.contacts[0].email, QStringLiteral("noc@example.net"));
    QCOMPARE(ob.peerings.size(), 1);
    QCOMPARE(ob.peerings[0].connections.size(), 2);
    const Connection &c0 = ob.peerings[0].connections[0];
    QCOMPARE(c0.peerRouters, QStringList{QStringLiteral("r1.example.net")});
    QCOMPARE(c0.bandwidthMbps, 100000);
    QCOMPARE(c0.bgp.md5Key, QStringLiteral("k"));
    QCOMPARE(c0.bgp.maxPrefixesAdvertisedV6, 100);
    const Connection &c1 = ob.peerings[0].connections[1];
    QCOMPARE(c1.role, QStringLiteral("redundant"));
    QCOMPARE(c1.sessionAddressProvider, QStringLiteral("Peer")); // default
    QCOMPARE(c1.useForPeeringService, true);                     // default
    QCOMPARE(c1.state, QStringLiteral("None"));                  // default
    QCOMPARE(c1.bgp.sessionPrefixV4, QStringLiteral("185.1.200.2/31"));
    QCOMPARE(ob.prefixes[0].originAsn, QStringLiteral("AS64500"));
    QCOMPARE(ob.prefixes[0].asPath,
             (QStringList{"64500", "AS64501", "1.10", "4200000000"}));
    QCOMPARE(ob.registeredAsns[0].asn, QStringLiteral("64086.59904"));
    QCOMPARE(ob.registeredAsns[0].keyDeliveredAt, QStringLiteral("2026-11-30T09:00:00Z"));
    QVERIFY(ob.milestones[0].reached.isEmpty());
    QCOMPARE(ob.milestones[0].source, QStringLiteral("mail"));
    QCOMPARE(ob.requirements[0].status, QStringLiteral("met"));

    // Written back, ASNs keep their notation: plain numbers as numbers, the rest as text.
    const QByteArray out = OnboardingDocument::serialize(ob);
    const QJsonObject root = rootOf(out);
    QCOMPARE(at(root, "peerAsn/asn"), QJsonValue(64500));
    QVERIFY(at(root, "peerAsn/asn").isDouble());
    QCOMPARE(at(root, "prefixes/0/originAsn"), QJsonValue(QStringLiteral("AS64500")));
    QCOMPARE(at(root, "prefixes/0/asPath"),
             QJsonValue(QJsonArray{64500, QStringLiteral("AS64501"), QStringLiteral("1.10"),
                                   qint64(4200000000)}));
    QCOMPARE(at(root, "registeredAsns/0/asn"), QJsonValue(QStringLiteral("64086.59904")));
    QVERIFY(at(root, "milestones/0/reached").isNull());

    // Parse again: equal value, equal bytes.
    const Result<Onboarding> again = OnboardingDocument::parse(out);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QVERIFY(*again == ob);
    QCOMPARE(OnboardingDocument::serialize(*again), out);
}

void TestDocument::unknownKeysSurvive_data()
{
    QTest::addColumn<QString>("path"); // where the object is, '/'-separated
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");

    QTest::newRow("root") << "" << "x-root"
                          << QJsonValue(QJsonObject{{"kept", QJsonArray{1, "two", QJsonValue::Null,
                                                                        true}}});
    QTest::newRow("peerAsn") << "peerAsn" << "x-peerAsn" << QJsonValue("p");
    QTest::newRow("contacts") << "peerAsn/contacts/0" << "x-contact" << QJsonValue(1);
    QTest::newRow("peerings") << "peerings/0" << "x-peering" << QJsonValue(QJsonObject{{"a", 1}});
    QTest::newRow("connections") << "peerings/0/connections/0" << "x-connection"
                                 << QJsonValue(QJsonArray{1});
    QTest::newRow("bgp") << "peerings/0/connections/0/bgp" << "x-bgp" << QJsonValue(false);
    QTest::newRow("prefixes") << "prefixes/0" << "x-prefix" << QJsonValue("k");
    QTest::newRow("registeredAsns") << "registeredAsns/0" << "x-registered" << QJsonValue(2);
    QTest::newRow("milestones (null value)")
        << "milestones/0" << "x-milestone" << QJsonValue(QJsonValue::Null);
    QTest::newRow("mail") << "mail/0" << "x-mail" << QJsonValue(QJsonObject());
    QTest::newRow("requirements") << "requirements/0" << "x-requirement" << QJsonValue("r");
}

void TestDocument::unknownKeysSurvive()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    const Result<Onboarding> r = OnboardingDocument::parse(QByteArray(kHandWritten));
    QVERIFY2(r.ok(), qPrintable(r.error()));
    // Through two round trips, and nowhere else than where it was.
    QByteArray out = OnboardingDocument::serialize(*r);
    out = OnboardingDocument::serialize(*OnboardingDocument::parse(out));
    const QJsonObject here = at(rootOf(out), path).toObject();
    QVERIFY2(here.contains(key), qPrintable(QString::fromUtf8(out)));
    QCOMPARE(here.value(key), value);
    QCOMPARE(QString::fromUtf8(out).count(QLatin1Char('"') + key + QLatin1Char('"')), 1);
}

void TestDocument::asnNotations_data()
{
    QTest::addColumn<QByteArray>("json");    // the ASN as written in the document
    QTest::addColumn<QString>("text");       // as read
    QTest::addColumn<QJsonValue>("written"); // as written back

    QTest::newRow("number") << QByteArray("64500") << "64500" << QJsonValue(64500);
    QTest::newRow("number with .0") << QByteArray("64500.0") << "64500" << QJsonValue(64500);
    QTest::newRow("zero") << QByteArray("0") << "0" << QJsonValue(0);
    QTest::newRow("32-bit number") << QByteArray("4200000000") << "4200000000"
                                   << QJsonValue(qint64(4200000000));
    QTest::newRow("largest") << QByteArray("4294967295") << "4294967295"
                             << QJsonValue(qint64(4294967295));
    QTest::newRow("too large number") << QByteArray("4294967296") << "4294967296"
                                      << QJsonValue("4294967296");
    QTest::newRow("negative") << QByteArray("-1") << "-1" << QJsonValue("-1");
    QTest::newRow("fraction") << QByteArray("1.5") << "1.5" << QJsonValue("1.5");
    QTest::newRow("huge") << QByteArray("1e20") << "1e+20" << QJsonValue("1e+20");
    QTest::newRow("AS string") << QByteArray("\"AS64500\"") << "AS64500" << QJsonValue("AS64500");
    QTest::newRow("as string") << QByteArray("\"as64500\"") << "as64500" << QJsonValue("as64500");
    QTest::newRow("asdot") << QByteArray("\"64086.59904\"") << "64086.59904"
                           << QJsonValue("64086.59904");
    QTest::newRow("digits as string") << QByteArray("\"64500\"") << "64500" << QJsonValue(64500);
    QTest::newRow("leading zero kept") << QByteArray("\"064500\"") << "064500"
                                       << QJsonValue("064500");
    QTest::newRow("spaces kept") << QByteArray("\" 64500\"") << " 64500" << QJsonValue(" 64500");
    QTest::newRow("plus kept") << QByteArray("\"+64500\"") << "+64500" << QJsonValue("+64500");
    QTest::newRow("garbage kept") << QByteArray("\"not an asn\"") << "not an asn"
                                  << QJsonValue("not an asn");
}

void TestDocument::asnNotations()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, text);
    QFETCH(QJsonValue, written);
    const QByteArray doc = withFormat(
        "\"peerAsn\": {\"asn\": " + json + "}, \"prefixes\": [{\"originAsn\": " + json
        + ", \"asPath\": [" + json + ", " + json + "]}], \"registeredAsns\": [{\"asn\": " + json
        + "}]");
    const Result<Onboarding> r = OnboardingDocument::parse(doc);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->peerAsn.asn, text);
    QCOMPARE(r->prefixes[0].originAsn, text);
    QCOMPARE(r->prefixes[0].asPath, (QStringList{text, text}));
    QCOMPARE(r->registeredAsns[0].asn, text);

    const QByteArray out = OnboardingDocument::serialize(*r);
    const QJsonObject root = rootOf(out);
    QCOMPARE(at(root, "peerAsn/asn"), written);
    QCOMPARE(at(root, "prefixes/0/originAsn"), written);
    QCOMPARE(at(root, "prefixes/0/asPath/1"), written);
    QCOMPARE(at(root, "registeredAsns/0/asn"), written);
    const Result<Onboarding> again = OnboardingDocument::parse(out);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QVERIFY(*again == *r);
    QCOMPARE(OnboardingDocument::serialize(*again), out);
}

void TestDocument::emptyAsnTextsRoundTrip()
{
    // An ASN not yet filled in (the wizard's draft) must survive save and load.
    Onboarding ob = fullOnboarding();
    ob.peerAsn.asn.clear();
    ob.prefixes[0].originAsn.clear();
    ob.prefixes[0].asPath = {QStringLiteral("64500"), QString(), QStringLiteral("64501")};
    ob.registeredAsns[0].asn.clear();
    QByteArray bytes;
    const Result<Onboarding> back = roundTrip(ob, &bytes);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(*back == ob);
    QCOMPARE(OnboardingDocument::serialize(*back), bytes);
    // A missing ASN is written as null where the format allows it.
    const QJsonObject root = rootOf(bytes);
    QVERIFY(at(root, "peerAsn/asn").isNull());
    QVERIFY(at(root, "prefixes/0/originAsn").isNull());
    QVERIFY(at(root, "registeredAsns/0/asn").isNull());
}

void TestDocument::minimalDocumentTakesDefaults()
{
    const Result<Onboarding> r = OnboardingDocument::parse("{\"format\":\"peering-onboarding/1\"}");
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QVERIFY(*r == Onboarding());
    QVERIFY(r->name.isEmpty());
    QVERIFY(r->peerAsn.asn.isEmpty());
    QCOMPARE(r->peerAsn.validationState, QStringLiteral("None"));
    QVERIFY(r->peerAsn.contacts.isEmpty());
    QVERIFY(r->peerings.isEmpty());
    QVERIFY(r->prefixes.isEmpty());
    QVERIFY(r->registeredAsns.isEmpty());
    QVERIFY(r->milestones.isEmpty());
    QVERIFY(r->mail.isEmpty());
    QVERIFY(r->requirements.isEmpty());
    QVERIFY(r->extra.isEmpty());
}

void TestDocument::emptyObjectsTakeDefaults()
{
    const Result<Onboarding> r = OnboardingDocument::parse(withFormat(
        R"("peerAsn": {"contacts": [{}]}, "peerings": [{"connections": [{}, {"bgp": {}}]}],
           "prefixes": [{}], "registeredAsns": [{}], "milestones": [{}], "mail": [{}],
           "requirements": [{}])"));
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->peerAsn.contacts.size(), 1);
    QVERIFY(r->peerAsn.contacts[0] == Contact());
    QCOMPARE(r->peerings.size(), 1);
    const PeeringResource &p = r->peerings[0];
    QCOMPARE(p.kind, QStringLiteral("Direct"));
    QCOMPARE(p.sku, QStringLiteral("Premium_Direct_Free"));
    QCOMPARE(p.microsoftNetwork, QStringLiteral("AS8075-IxRs"));
    QCOMPARE(p.maxPrefixesFromMicrosoft, 0);
    QVERIFY(p.metro.isEmpty());
    QCOMPARE(p.connections.size(), 2);
    for (const Connection &c : p.connections) {
        QCOMPARE(c.role, QStringLiteral("primary"));
        QCOMPARE(c.sessionAddressProvider, QStringLiteral("Peer"));
        QCOMPARE(c.useForPeeringService, true);
        QCOMPARE(c.lacp, false);
        QCOMPARE(c.statefulFirewall, false);
        QCOMPARE(c.rateLimited, false);
        QCOMPARE(c.state, QStringLiteral("None"));
        QCOMPARE(c.bandwidthMbps, 0);
        QCOMPARE(c.peeringDbFacilityId, 0);
        QVERIFY(c.peerRouters.isEmpty());
        QVERIFY(c.bgp == BgpSession());
        QVERIFY(c == Connection());
    }
    PeeringResource expected;
    expected.connections = {Connection(), Connection()};
    QVERIFY(p == expected);
    QVERIFY(r->prefixes[0] == AdvertisedPrefix());
    QCOMPARE(r->prefixes[0].registered, false);
    QVERIFY(r->registeredAsns[0] == RegisteredAsn());
    QVERIFY(r->milestones[0] == Milestone());
    QCOMPARE(r->milestones[0].source, QStringLiteral("manual"));
    QVERIFY(r->mail[0] == MailRecord());
    QVERIFY(r->requirements[0] == RequirementCheck());
    QCOMPARE(r->requirements[0].status, QStringLiteral("open"));

    // The defaults are written out explicitly and read back the same.
    const QByteArray out = OnboardingDocument::serialize(*r);
    const QJsonObject root = rootOf(out);
    QCOMPARE(at(root, "peerings/0/connections/0/role"), QJsonValue("primary"));
    QCOMPARE(at(root, "peerings/0/connections/0/useForPeeringService"), QJsonValue(true));
    QCOMPARE(at(root, "peerings/0/microsoftNetwork"), QJsonValue("AS8075-IxRs"));
    const Result<Onboarding> again = OnboardingDocument::parse(out);
    QVERIFY(again.ok());
    QVERIFY(*again == *r);
}

void TestDocument::nullsForOptionalValues()
{
    const Result<Onboarding> r = OnboardingDocument::parse(withFormat(
        R"("peerAsn": {"asn": null}, "prefixes": [{"originAsn": null}],
           "registeredAsns": [{"asn": null, "keyDeliveredAt": null}],
           "milestones": [{"reached": null}])"));
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QVERIFY(r->peerAsn.asn.isEmpty());
    QVERIFY(r->prefixes[0].originAsn.isEmpty());
    QVERIFY(r->registeredAsns[0].asn.isEmpty());
    QVERIFY(r->registeredAsns[0].keyDeliveredAt.isEmpty());
    QVERIFY(r->milestones[0].reached.isEmpty());
}

void TestDocument::formatIsAlwaysWritten()
{
    Onboarding ob;
    ob.extra.insert(QStringLiteral("format"), QStringLiteral("something-else/9"));
    const QJsonObject root = rootOf(OnboardingDocument::serialize(ob));
    QCOMPARE(root.value(QStringLiteral("format")), QJsonValue("peering-onboarding/1"));
}

void TestDocument::byteOrderMarkIsAccepted()
{
    const Result<Onboarding> r =
        OnboardingDocument::parse("\xEF\xBB\xBF{\"format\":\"peering-onboarding/1\",\"name\":\"n\"}");
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->name, QStringLiteral("n"));
}

// U+FEFF inside a string is a character like any other: read from a raw byte order mark or the
// escape \ufeff, anywhere in a value or a key, and written and read back unchanged (Qt's reader
// alone drops a raw one at the start of a string; tests/fuzz/regressions/document keeps the
// input the fuzzer found it with).
void TestDocument::byteOrderMarkInStringsIsKept_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key"); // an unknown key at the top, kept in extra

    const auto doc = [](const QByteArray &name, const QByteArray &key = "x-note") {
        return withFormat("\"name\": \"" + name + "\", \"" + key + "\": 1");
    };
    // The expected texts in UTF-8 ("\xEF\xBB\xBF" is U+FEFF), decoded behind a space:
    // QString::fromUtf8 drops a leading U+FEFF, which is how Qt's reader loses it.
    const auto text = [](const char *utf8) {
        return QString::fromUtf8(QByteArray(" ") + utf8).sliced(1);
    };
    const auto row = [&](const char *tag, const QByteArray &bytes, const char *name,
                         const char *key = "x-note") {
        QTest::newRow(tag) << bytes << text(name) << text(key);
    };
    row("raw, at the start", doc("\xEF\xBB\xBFIX"), "\xEF\xBB\xBFIX");
    row("raw, in the middle", doc("I\xEF\xBB\xBFX"), "I\xEF\xBB\xBFX");
    row("raw, after an escape", doc("\\u0049\xEF\xBB\xBFX"), "I\xEF\xBB\xBFX");
    row("raw, alone", doc("\xEF\xBB\xBF"), "\xEF\xBB\xBF");
    row("escaped, at the start", doc("\\ufeffIX"), "\xEF\xBB\xBFIX");
    row("raw, at the start of a key", doc("IX", "\xEF\xBB\xBFx-note"), "IX", "\xEF\xBB\xBFx-note");
    row("after a leading byte order mark", "\xEF\xBB\xBF" + doc("\xEF\xBB\xBFIX"), "\xEF\xBB\xBFIX");
    row("after an escaped quote", doc("\\\"\xEF\xBB\xBFIX"), "\"\xEF\xBB\xBFIX");
}

void TestDocument::byteOrderMarkInStringsIsKept()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QFETCH(QString, key);
    const Result<Onboarding> r = OnboardingDocument::parse(bytes);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->name, name);
    QVERIFY2(r->extra.contains(key), qPrintable(r->extra.keys().join(u',')));
    const QByteArray written = OnboardingDocument::serialize(*r);
    const Result<Onboarding> back = OnboardingDocument::parse(written);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(back->name, name);
    QVERIFY(*back == *r);
    QCOMPARE(OnboardingDocument::serialize(*back), written);
}

void TestDocument::unreadable_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected"); // each must appear in the message

    const auto row = [](const char *name, const QByteArray &bytes, const QStringList &expected) {
        QTest::newRow(name) << bytes << expected;
    };
    const auto conn = [](const QByteArray &members) {
        return withFormat("\"peerings\": [{\"connections\": [{" + members + "}]}]");
    };

    row("empty file", QByteArray(), {"empty"});
    row("whitespace only", " \n\t \r\n ", {"empty"});
    row("binary", QByteArray("{\"format\": \0\0\x01\x02}", 17), {"binary"});
    row("NUL bytes only", QByteArray(64, '\0'), {"binary"});
    row("UTF-16 text", QByteArray("{\0\"\0f\0\"\0:\0", 10), {"binary"});
    row("truncated", "{\"format\": \"peering-onboarding/1\", \"peerings\": [",
        {"not valid JSON", "line 1"});
    row("truncated on line 3", "{\n\"format\": \"peering-onboarding/1\",\n\"name\": \"x",
        {"not valid JSON", "line 3"});
    row("trailing garbage", "{\"format\": \"peering-onboarding/1\"} x", {"not valid JSON"});
    row("trailing comma", "{\"format\": \"peering-onboarding/1\",}", {"not valid JSON"});
    row("single quotes", "{'format': 'peering-onboarding/1'}", {"not valid JSON"});
    row("comment", "// c\n{\"format\": \"peering-onboarding/1\"}", {"object"});
    row("invalid UTF-8", "{\"format\": \"peering-onboarding/1\", \"name\": \"\xff\xfe\"}",
        {"not valid JSON"});
    row("JSON array", "[]", {"array", "object"});
    row("JSON array of the document", "[{\"format\": \"peering-onboarding/1\"}]",
        {"array", "object"});
    row("JSON number", "42", {"not a JSON object", "format"});
    row("JSON string", "\"peering-onboarding/1\"", {"not a JSON object"});
    row("JSON true", "true", {"not a JSON object"});
    row("JSON null", " null ", {"not a JSON object"});
    row("missing format", "{}", {"format", "missing"});
    row("missing format with content", "{\"name\": \"x\", \"peerings\": []}", {"format", "missing"});
    row("format version 2", "{\"format\": \"peering-onboarding/2\"}",
        {"format", "peering-onboarding/2", "peering-onboarding/1"});
    row("format other case", "{\"format\": \"Peering-Onboarding/1\"}", {"format"});
    row("format as number", "{\"format\": 1}", {"format", "number"});
    row("format as null", "{\"format\": null}", {"format", "null"});
    row("format as object", "{\"format\": {\"v\": 1}}", {"format", "object"});

    row("name as number", withFormat("\"name\": 5"), {"name: expected a string"});
    row("peerAsn as array", withFormat("\"peerAsn\": []"), {"peerAsn: expected an object"});
    row("peerings as object", withFormat("\"peerings\": {}"), {"peerings: expected an array"});
    row("peerings as string", withFormat("\"peerings\": \"x\""), {"peerings: expected an array"});
    row("peerings[0] as string", withFormat("\"peerings\": [\"x\"]"),
        {"peerings[0]: expected an object"});
    row("peerings[1].metro as number", withFormat("\"peerings\": [{}, {\"metro\": 1}]"),
        {"peerings[1].metro"});
    row("peerings[0].maxPrefixesFromMicrosoft as string",
        withFormat("\"peerings\": [{\"maxPrefixesFromMicrosoft\": \"500\"}]"),
        {"peerings[0].maxPrefixesFromMicrosoft"});
    row("connections as object", withFormat("\"peerings\": [{\"connections\": {}}]"),
        {"peerings[0].connections: expected an array"});
    row("connections[1].bandwidthMbps as string",
        withFormat("\"peerings\": [{\"connections\": [{}, {\"bandwidthMbps\": \"10G\"}]}]"),
        {"peerings[0].connections[1].bandwidthMbps", "whole number", "string"});
    row("bandwidth 1.5", conn("\"bandwidthMbps\": 1.5"),
        {"peerings[0].connections[0].bandwidthMbps", "whole number", "1.5"});
    row("bandwidth 1e300", conn("\"bandwidthMbps\": 1e300"),
        {"peerings[0].connections[0].bandwidthMbps", "whole number"});
    row("bandwidth true", conn("\"bandwidthMbps\": true"),
        {"peerings[0].connections[0].bandwidthMbps", "whole number"});
    row("facility id as string", conn("\"peeringDbFacilityId\": \"18\""),
        {"peerings[0].connections[0].peeringDbFacilityId"});
    row("lacp as string", conn("\"lacp\": \"yes\""),
        {"peerings[0].connections[0].lacp", "true or false", "string"});
    row("lacp as number", conn("\"lacp\": 1"), {"peerings[0].connections[0].lacp"});
    row("useForPeeringService as string", conn("\"useForPeeringService\": \"true\""),
        {"peerings[0].connections[0].useForPeeringService"});
    row("role as number", conn("\"role\": 2"), {"peerings[0].connections[0].role"});
    row("peerRouters containing a number", conn("\"peerRouters\": [\"r1\", 2]"),
        {"peerings[0].connections[0].peerRouters[1]", "string", "number"});
    row("peerRouters as string", conn("\"peerRouters\": \"r1\""),
        {"peerings[0].connections[0].peerRouters: expected an array"});
    row("bgp as string", conn("\"bgp\": \"x\""), {"peerings[0].connections[0].bgp: expected an object"});
    row("bgp.maxPrefixesAdvertisedV4 as string", conn("\"bgp\": {\"maxPrefixesAdvertisedV4\": \"1\"}"),
        {"peerings[0].connections[0].bgp.maxPrefixesAdvertisedV4"});
    row("bgp.md5Key as number", conn("\"bgp\": {\"md5Key\": 1234}"),
        {"peerings[0].connections[0].bgp.md5Key"});
    row("bgp.peerIPv4 as array", conn("\"bgp\": {\"peerIPv4\": [185, 1, 200, 0]}"),
        {"peerings[0].connections[0].bgp.peerIPv4"});

    row("asn as boolean", withFormat("\"peerAsn\": {\"asn\": true}"), {"peerAsn.asn"});
    row("asn as object", withFormat("\"peerAsn\": {\"asn\": {}}"), {"peerAsn.asn"});
    row("asn as array", withFormat("\"peerAsn\": {\"asn\": [64500]}"), {"peerAsn.asn"});
    row("validationState as bool", withFormat("\"peerAsn\": {\"validationState\": false}"),
        {"peerAsn.validationState"});
    row("contacts as object", withFormat("\"peerAsn\": {\"contacts\": {}}"),
        {"peerAsn.contacts: expected an array"});
    row("contacts[0] as a string", withFormat("\"peerAsn\": {\"contacts\": [\"noc@example.net\"]}"),
        {"peerAsn.contacts[0]: expected an object"});
    row("contacts[1].email as number",
        withFormat("\"peerAsn\": {\"contacts\": [{}, {\"email\": 5}]}"),
        {"peerAsn.contacts[1].email"});

    row("asPath entry null", withFormat("\"prefixes\": [{\"asPath\": [64500, null]}]"),
        {"prefixes[0].asPath[1]", "null"});
    row("asPath entry array", withFormat("\"prefixes\": [{\"asPath\": [[64500]]}]"),
        {"prefixes[0].asPath[0]"});
    row("asPath entry bool", withFormat("\"prefixes\": [{}, {\"asPath\": [1, 2, false]}]"),
        {"prefixes[1].asPath[2]"});
    row("asPath as string", withFormat("\"prefixes\": [{\"asPath\": \"64500 64501\"}]"),
        {"prefixes[0].asPath: expected an array"});
    row("communities entry number", withFormat("\"prefixes\": [{\"communities\": [8075]}]"),
        {"prefixes[0].communities[0]"});
    row("registered as string", withFormat("\"prefixes\": [{\"registered\": \"yes\"}]"),
        {"prefixes[0].registered"});
    row("originAsn as bool", withFormat("\"prefixes\": [{\"originAsn\": false}]"),
        {"prefixes[0].originAsn"});
    row("prefix as number", withFormat("\"prefixes\": [{\"prefix\": 24}]"), {"prefixes[0].prefix"});

    row("registeredAsns[0].asn as array", withFormat("\"registeredAsns\": [{\"asn\": []}]"),
        {"registeredAsns[0].asn"});
    row("keyDeliveredAt as number", withFormat("\"registeredAsns\": [{\"keyDeliveredAt\": 1}]"),
        {"registeredAsns[0].keyDeliveredAt", "string or null"});
    row("milestones as object", withFormat("\"milestones\": {}"), {"milestones: expected an array"});
    row("milestones[0].reached as number", withFormat("\"milestones\": [{\"reached\": 20261121}]"),
        {"milestones[0].reached"});
    row("milestones[0].expected as null", withFormat("\"milestones\": [{\"expected\": null}]"),
        {"milestones[0].expected"});
    row("mail[0] as number", withFormat("\"mail\": [1]"), {"mail[0]: expected an object"});
    row("mail[0].date as number", withFormat("\"mail\": [{\"date\": 1700000000}]"), {"mail[0].date"});
    row("requirements[0].status as bool", withFormat("\"requirements\": [{\"status\": true}]"),
        {"requirements[0].status"});
    row("requirements as string", withFormat("\"requirements\": \"all met\""),
        {"requirements: expected an array"});

    row("10,000 nested arrays", nested(10000, '[', ']'), {"not valid JSON", "nested"});
    row("10,000 nested objects",
        QByteArray("{\"a\":").repeated(10000) + "1" + QByteArray(10000, '}'),
        {"not valid JSON", "nested"});
    row("deep nesting under a known key",
        withFormat("\"peerings\": " + nested(10000, '[', ']')), {"not valid JSON", "nested"});
    row("deep nesting under an unknown key",
        withFormat("\"x-deep\": " + nested(2000, '[', ']')), {"not valid JSON", "nested"});

    // Duplicate keys: Qt keeps the last, so the first would be dropped without a word.
    row("format twice", "{\"format\": \"peering-onboarding/1\", \"format\": \"other/9\"}",
        {"format: the key appears twice in one object"});
    row("md5Key twice", conn("\"bgp\": {\"md5Key\": \"a\", \"md5Key\": \"b\"}"),
        {"peerings[0].connections[0].bgp.md5Key: the key appears twice"});
    row("name twice, one escaped", withFormat("\"name\": \"a\", \"na\\u006de\": \"b\""),
        {"name: the key appears twice"});
    row("twice in the second element",
        withFormat("\"prefixes\": [{\"prefix\": \"a\"}, {\"prefix\": \"b\", \"prefix\": \"c\"}]"),
        {"prefixes[1].prefix: the key appears twice"});
    row("unknown key twice", withFormat("\"x-note\": 1, \"x-note\": 2"), {"x-note: the key appears twice"});
    // After a byte order mark the scan still reads the document from its first brace.
    row("format twice after a byte order mark",
        "\xEF\xBB\xBF{\"format\": \"peering-onboarding/1\", \"format\": \"other/9\"}",
        {"format: the key appears twice in one object"});
    row("name twice after a byte order mark", "\xEF\xBB\xBF" + withFormat("\"name\": \"a\", \"name\": \"b\""),
        {"name: the key appears twice"});
    // MD5 keys under another name would be kept and exported in clear.
    row("md5AuthenticationKey", conn("\"bgp\": {\"md5AuthenticationKey\": \"s3cret\"}"),
        {"peerings[0].connections[0].bgp.md5AuthenticationKey: this looks like an MD5 key"});
    row("MD5Key", conn("\"MD5Key\": \"s3cret\""), {"peerings[0].connections[0].MD5Key: this looks like an MD5 key"});
    row("md5Key outside bgp", conn("\"md5Key\": \"s3cret\""), {"peerings[0].connections[0].md5Key: this looks like"});
    row("md5_key at the top", withFormat("\"md5_key\": \"s3cret\""), {"md5_key: this looks like an MD5 key"});
}

void TestDocument::unreadable()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);
    const Result<Onboarding> r = OnboardingDocument::parse(bytes);
    QVERIFY(!r.ok());
    const QString error = r.error();
    QVERIFY(!error.isEmpty());
    for (const QString &e : expected)
        QVERIFY2(error.contains(e), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(e, error)));
    // One line, so the command line can print it as one.
    QVERIFY2(!error.contains(u'\n'), qPrintable(error));
}

// A secret is never echoed: a numeric md5Key is reported by its type only, and none of the
// refusals above repeats a key's value.
void TestDocument::secretsNeverEchoed()
{
    const Result<Onboarding> r = OnboardingDocument::parse(
        withFormat("\"peerings\": [{\"connections\": [{\"bgp\": {\"md5Key\": 987654321}}]}]"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("bgp.md5Key: expected a string, found a number")), qPrintable(r.error()));
    QVERIFY(!r.error().contains(QLatin1String("987654321")));
    for (const char *doc : {"\"peerings\": [{\"connections\": [{\"bgp\": {\"md5AuthenticationKey\": \"s3cret\"}}]}]",
                            "\"peerings\": [{\"connections\": [{\"bgp\": {\"md5Key\": \"s3cret\", \"md5Key\": \"s3cret\"}}]}]"}) {
        const Result<Onboarding> refused = OnboardingDocument::parse(withFormat(doc));
        QVERIFY(!refused.ok());
        QVERIFY2(!refused.error().contains(QLatin1String("s3cret")), qPrintable(refused.error()));
    }
    // The one right place still reads.
    const Result<Onboarding> ok = OnboardingDocument::parse(
        withFormat("\"peerings\": [{\"connections\": [{\"bgp\": {\"md5Key\": \"s3cret\"}}]}]"));
    QVERIFY2(ok.ok(), qPrintable(ok.error()));
    QCOMPARE(ok->peerings[0].connections[0].bgp.md5Key, QStringLiteral("s3cret"));
}

void TestDocument::firstErrorWins()
{
    // peerAsn is read before peerings: the first wrong value in reading order is reported, and
    // only that one.
    const Result<Onboarding> r = OnboardingDocument::parse(withFormat(
        R"("peerAsn": {"asn": true}, "peerings": {}, "prefixes": [{"asPath": [null]}])"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().startsWith(QLatin1String("peerAsn.asn:")), qPrintable(r.error()));
    QVERIFY(!r.error().contains(QLatin1String("peerings")));
    QVERIFY(!r.error().contains(QLatin1String("asPath")));

    const Result<Onboarding> r2 = OnboardingDocument::parse(withFormat(
        R"("peerings": [{"connections": [{"lacp": 1, "bandwidthMbps": "x"}, {"lacp": "y"}]}])"));
    QVERIFY(!r2.ok());
    QVERIFY2(r2.error().startsWith(QLatin1String("peerings[0].connections[0].")),
             qPrintable(r2.error()));
}

void TestDocument::deepNestingFailsFast_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("10,000 arrays") << nested(10000, '[', ']');
    QTest::newRow("1,000,000 arrays") << nested(1000000, '[', ']');
    QTest::newRow("1,000,000 open brackets") << QByteArray(1000000, '[');
    QTest::newRow("100,000 objects") << QByteArray("{\"a\":").repeated(100000);
}

void TestDocument::deepNestingFailsFast()
{
    QFETCH(QByteArray, bytes);
    QElapsedTimer timer;
    timer.start();
    const Result<Onboarding> r = OnboardingDocument::parse(bytes);
    const qint64 ms = timer.elapsed();
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("nested")), qPrintable(r.error()));
    // A guard against quadratic or recursive blow-ups, far above the few milliseconds it takes.
    QVERIFY2(ms < 2000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
}

void TestDocument::secretsLeftOut()
{
    const Onboarding ob = fullOnboarding();
    const QByteArray with = OnboardingDocument::serialize(ob, true);
    const QByteArray without = OnboardingDocument::serialize(ob, false);
    QVERIFY(with.contains("\"md5Key\""));
    QVERIFY(!without.contains("md5Key"));
    for (const PeeringResource &p : ob.peerings)
        for (const Connection &c : p.connections) {
            const QByteArray key = QJsonDocument(QJsonArray{c.bgp.md5Key}).toJson(QJsonDocument::Compact);
            const QByteArray quoted = key.mid(1, key.size() - 2); // the key as JSON text
            QVERIFY(with.contains(quoted));
            QVERIFY(!without.contains(quoted));
        }
    // The default writes secrets (the native document is lossless).
    QCOMPARE(OnboardingDocument::serialize(ob), with);

    // Without secrets, the rest is intact: read back, it equals the value with keys cleared.
    const Result<Onboarding> back = OnboardingDocument::parse(without);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    Onboarding cleared = ob;
    for (PeeringResource &p : cleared.peerings)
        for (Connection &c : p.connections)
            c.bgp.md5Key.clear();
    QVERIFY(*back == cleared);

    // An md5Key smuggled into the unknown members is not written either.
    Onboarding sneaky = ob;
    sneaky.peerings[0].connections[0].bgp.extra.insert(QStringLiteral("md5Key"), "in extra");
    QVERIFY(!OnboardingDocument::serialize(sneaky, false).contains("md5Key"));
}

void TestDocument::writeAndReadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("onboarding.json"));
    const Onboarding ob = fullOnboarding();
    const Status written = OnboardingDocument::writeFile(ob, file);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), OnboardingDocument::serialize(ob));
    f.close();
    const Result<Onboarding> r = OnboardingDocument::readFile(file);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QVERIFY(*r == ob);

    // Overwrite without secrets.
    QVERIFY(OnboardingDocument::writeFile(ob, file, false).ok());
    const Result<Onboarding> r2 = OnboardingDocument::readFile(file);
    QVERIFY(r2.ok());
    QVERIFY(r2->peerings[0].connections[0].bgp.md5Key.isEmpty());
    QCOMPARE(r2->name, ob.name);
}

void TestDocument::writeFileToMissingFolderFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("no/such/folder/onboarding.json"));
    const Status s = OnboardingDocument::writeFile(fullOnboarding(), file);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(file), qPrintable(s.error()));
    QVERIFY(!QFile::exists(file));
}

void TestDocument::readFileHugeNestedFileIsRefusedQuickly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("nested.json"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray chunk(1 << 20, '[');
        for (int i = 0; i < 50; ++i)
            QCOMPARE(f.write(chunk), chunk.size());
    }
    QCOMPARE(QFileInfo(file).size(), 50ll << 20);
    QElapsedTimer timer;
    timer.start();
    const Result<Onboarding> r = OnboardingDocument::readFile(file);
    const qint64 ms = timer.elapsed();
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(file), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("nested")), qPrintable(r.error()));
    QVERIFY2(ms < 3000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
}

void TestDocument::readFileFailures()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    Result<Onboarding> r = OnboardingDocument::readFile(missing);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(missing) && r.error().contains(QLatin1String("no such file")),
             qPrintable(r.error()));

    r = OnboardingDocument::readFile(dir.path());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(dir.path()) && r.error().contains(QLatin1String("folder")),
             qPrintable(r.error()));

    const QString empty = dir.filePath(QStringLiteral("empty.json"));
    {
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    r = OnboardingDocument::readFile(empty);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(empty) && r.error().contains(QLatin1String("empty")),
             qPrintable(r.error()));

    const QString wrong = dir.filePath(QStringLiteral("wrong.json"));
    {
        QFile f(wrong);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(withFormat("\"peerings\": {}"));
    }
    r = OnboardingDocument::readFile(wrong);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().startsWith(wrong + QLatin1String(": peerings")), qPrintable(r.error()));
}

void TestDocument::readFileOverMaxBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("huge.json"));
    {
        // Sparse where the file system allows: no 16 MiB written.
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write("{\"format\": \"peering-onboarding/1\", \"name\": \"") > 0);
        QVERIFY(f.resize(OnboardingDocument::MaxBytes + 1));
    }
    QElapsedTimer timer;
    timer.start();
    const Result<Onboarding> r = OnboardingDocument::readFile(file);
    const qint64 ms = timer.elapsed();
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(file), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QLatin1String("16 MiB")), qPrintable(r.error()));
    // The size shown is the file's (rounded up), not the limit again.
    QVERIFY2(r.error().contains(QLatin1String("17 MiB")), qPrintable(r.error()));
    QVERIFY2(ms < 3000, qPrintable(QStringLiteral("%1 ms").arg(ms)));

    // A much larger file is refused the same way, without reading it.
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(4ll * 1024 * 1024 * 1024));
    }
    timer.restart();
    const Result<Onboarding> r2 = OnboardingDocument::readFile(file);
    QVERIFY(!r2.ok());
    QVERIFY2(r2.error().contains(QLatin1String("4096 MiB")), qPrintable(r2.error()));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));

    // Exactly at the limit is not refused for its size.
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(OnboardingDocument::MaxBytes));
    }
    const Result<Onboarding> r3 = OnboardingDocument::readFile(file);
    QVERIFY(!r3.ok());
    QVERIFY2(!r3.error().contains(QLatin1String("MiB")), qPrintable(r3.error()));
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
