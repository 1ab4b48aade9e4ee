// The tracking model: stage derivation from evidence (going back, out-of-order evidence), plan
// arithmetic across month ends, time zones and the overdue logic with a pinned clock, the SLA's
// LAG augmentation, the connection state history in the document, and the two customer-ASN
// rules against a real store.
#include "tracking/trackedstore.h"
#include "domain/jsonreader.h"
#include "tracking/customerasnregistration.h"
#include "tracking/onboardingplan.h"
#include "tracking/onboardingprogress.h"
#include "tracking/onboardingtracker.h"
#include "store/onboardingstore.h"
#include "storesamples.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QTest>

using namespace Peering;
using Peering::TestSupport::TempStore;

namespace {

Milestone ms(const QString &stage,
             const QString &expected,
             const QString &reached = {},
             const QString &source = QStringLiteral("manual"))
{
    Milestone m;
    m.stage = stage;
    m.expected = expected;
    m.reached = reached;
    m.source = source;
    return m;
}

// One peering, one connection per state.
Onboarding withConnections(const QStringList &states)
{
    Onboarding o;
    o.name = QStringLiteral("T");
    PeeringResource p;
    p.name = QStringLiteral("ix-ams");
    for (int i = 0; i < states.size(); ++i) {
        Connection c;
        c.id = QStringLiteral("c%1").arg(i);
        c.state = states.at(i);
        p.connections.append(c);
    }
    if (!states.isEmpty())
        o.peerings.append(p);
    return o;
}

// The statuses as letters in flow order: D done, I implied, C current, R regressed, W waiting.
QString letters(const OnboardingTracker &t)
{
    QString s;
    for (const auto &st : t.stages()) {
        switch (st.status) {
        case OnboardingTracker::Status::Done:
            s += u'D';
            break;
        case OnboardingTracker::Status::Implied:
            s += u'I';
            break;
        case OnboardingTracker::Status::Current:
            s += u'C';
            break;
        case OnboardingTracker::Status::Regressed:
            s += u'R';
            break;
        case OnboardingTracker::Status::Waiting:
            s += u'W';
            break;
        }
    }
    return s;
}

const QString kKey1 = QStringLiteral("9b1a1e6e-0f1c-4d36-9f7a-2f1d2c3b4a5e");
const QString kKey2 = QStringLiteral("0c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5");

} // namespace

class TestTracking : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void stageDerivation_data();
    void stageDerivation();
    void evidenceIsKept();
    void contradictionIsShown();
    void approvedAssociationIsEvidence();
    void transitions();
    void planArithmetic_data();
    void planArithmetic();
    void replanKeepsReached();
    void planSettings_data();
    void planSettings();
    void daysLateInZones_data();
    void daysLateInZones();
    void overdueWithPinnedClock();
    void lagAugmentation();
    void stageTitles();
    void connectionHistoryRoundTrip();
    void customerAsnRules();

private:
    std::unique_ptr<TempStore> m_temp;
};

void TestTracking::initTestCase()
{
    m_temp = std::make_unique<TempStore>(StoreLocation::Backend::Sqlite,
                                         QStringLiteral("tst_tracking"));
}

void TestTracking::stageDerivation_data()
{
    QTest::addColumn<QStringList>("reached"); // stages with a reached milestone
    QTest::addColumn<QStringList>("states"); // connection states
    QTest::addColumn<int>("customers"); // registered ASNs: 0 none, 1 without key,
                                        // 2 with keys, 3 keys delivered
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("current");

    const QString t = QStringLiteral("T"); // unused, keeps rows readable
    Q_UNUSED(t)
    QTest::newRow("nothing") << QStringList {} << QStringList {} << 0 << "CWWWWWWWWW"
                             << "requirements";
    QTest::newRow("two reached in order")
        << QStringList {"requirements", "asn-association"} << QStringList {} << 0 << "DDCWWWWWWW"
        << "peering-created";
    QTest::newRow("out of order: a later stage implies the gap")
        << QStringList {"requirements", "peering-created"} << QStringList {} << 0 << "DIDCWWWWWW"
        << "port-configured";
    QTest::newRow("only a late stage reached")
        << QStringList {"bgp-mesh"} << QStringList {} << 0 << "IIIIIDCWWW"
        << "active";
    QTest::newRow("connection provisioning: peering created")
        << QStringList {} << QStringList {"ProvisioningStarted"} << 0 << "IIDCWWWWWW"
        << "port-configured";
    QTest::newRow("pending approval is no evidence")
        << QStringList {} << QStringList {"PendingApproval"} << 0 << "CWWWWWWWWW"
        << "requirements";
    // An Active connection is also evidence that provisioning began (peering-created), and
    // (rule 6) that its ports, LAG and BGP sessions are up.
    QTest::newRow("every connection Active")
        << QStringList {} << QStringList {"Active", "Active"} << 0 << "IIDDDDDCWW"
        << "customer-asns";
    QTest::newRow("one of two Active is not active")
        << QStringList {} << QStringList {"Active", "Validating"} << 0 << "IIDDDDCWWW"
        << "active";
    // Rule 6: a connection stage is done only when every connection has reached it.
    QTest::newRow("ports configured on one of two")
        << QStringList {} << QStringList {"ProvisioningCompleted", "ProvisioningStarted"} << 0
        << "IIDCWWWWWW" << "port-configured";
    QTest::newRow("ports configured on both")
        << QStringList {} << QStringList {"ProvisioningCompleted", "ProvisioningCompleted"} << 0
        << "IIDDCWWWWW" << "lag-up";
    QTest::newRow("validating on both")
        << QStringList {} << QStringList {"Validating", "Validating"} << 0 << "IIDDDDCWWW"
        << "active";
    QTest::newRow("a type change of an Active connection is still active")
        << QStringList {} << QStringList {"Active", "TypeChangeInProgress"} << 0 << "IIDDDDDCWW"
        << "customer-asns";
    QTest::newRow("a blocked connection is no evidence")
        << QStringList {} << QStringList {"ExternalBlocker"} << 0 << "CWWWWWWWWW"
        << "requirements";
    // Rule 5: a connection still provisioning contradicts an implied stage it has not reached.
    QTest::newRow("a later milestone does not imply ports a connection is still configuring")
        << QStringList {"bgp-mesh"} << QStringList {"ProvisioningStarted"} << 0 << "IIDCWDWWWW"
        << "port-configured";
    QTest::newRow("a later milestone implies stages no connection contradicts")
        << QStringList {"bgp-mesh"} << QStringList {"ProvisioningCompleted"} << 0 << "IIDDCDWWWW"
        << "lag-up";
    QTest::newRow("customer ASN without key")
        << QStringList {} << QStringList {"Active"} << 1 << "IIDDDDDCWW"
        << "customer-asns";
    QTest::newRow("keys generated") << QStringList {} << QStringList {"Active"} << 2 << "IIDDDDDDCW"
                                    << "keys-delivered";
    // Direct evidence beats implication: a connection still Validating means active is not done,
    // whatever came later.
    QTest::newRow("customer ASNs while a connection is Validating")
        << QStringList {} << QStringList {"Active", "Validating"} << 2 << "IIDDDDCDWW"
        << "active";
    QTest::newRow("keys delivered while a connection is Validating")
        << QStringList {} << QStringList {"Active", "Validating"} << 3 << "IIDDDDCDDW"
        << "active";
    QTest::newRow("keys delivered") << QStringList {} << QStringList {"Active"} << 3 << "IIDDDDDDDC"
                                    << "prefixes-activated";
    QTest::newRow("going back: provisioning failed after lag-up")
        << QStringList {"requirements", "asn-association", "peering-created", "port-configured",
                        "lag-up"}
        << QStringList {"Active", "ProvisioningFailed"} << 0 << "DDDRWWWWWW"
        << "port-configured";
    QTest::newRow("going back also supersedes customer ASNs")
        << QStringList {"requirements"} << QStringList {"ProvisioningFailed"} << 3 << "DIIRWWWWWW"
        << "port-configured";
    QTest::newRow("every stage reached")
        << Milestone::stages() << QStringList {"Active"} << 3 << "DDDDDDDDDD"
        << "complete";
}

void TestTracking::stageDerivation()
{
    QFETCH(QStringList, reached);
    QFETCH(QStringList, states);
    QFETCH(int, customers);
    QFETCH(QString, expected);
    QFETCH(QString, current);

    Onboarding o = withConnections(states);
    // Evidence in an order unlike the flow's: the derivation must not depend on it.
    for (qsizetype i = reached.size() - 1; i >= 0; --i)
        o.milestones.append(ms(reached.at(i), QStringLiteral("2026-03-01"),
                               QStringLiteral("2026-03-0%1T10:00:00Z").arg(i % 9 + 1)));
    if (customers > 0) {
        for (int k = 0; k < 2; ++k) {
            RegisteredAsn r;
            r.name = QStringLiteral("Customer %1").arg(k);
            r.asn = QString::number(13335 + k);
            r.peering = QStringLiteral("ix-ams");
            r.prefixKey = customers >= 2 || k == 0 ? (k ? kKey2 : kKey1) : QString();
            r.keyDeliveredAt = customers >= 3 ? QStringLiteral("2026-04-01T10:00:00Z") : QString();
            o.registeredAsns.append(r);
        }
    }
    const OnboardingTracker tracker(o);
    QCOMPARE(letters(tracker), expected);
    QCOMPARE(tracker.currentStage(), current);
    QCOMPARE(tracker.isRegressed(), expected.contains(u'R'));
}

void TestTracking::evidenceIsKept()
{
    // Superseded evidence stays visible; the mail log is shown but never counts.
    Onboarding o = withConnections({QStringLiteral("ProvisioningFailed")});
    o.milestones.append(ms(QStringLiteral("lag-up"), QStringLiteral("2026-03-10"),
                           QStringLiteral("2026-03-11T10:00:00Z"), QStringLiteral("mail")));
    MailRecord mail;
    mail.stage = QStringLiteral("bgp-mesh");
    mail.subject = QStringLiteral("BGP sessions");
    mail.date = QStringLiteral("2026-03-12T10:00:00Z");
    o.mail.append(mail);
    const OnboardingTracker tracker(o);
    const auto *lag = tracker.stage(QStringLiteral("lag-up"));
    QCOMPARE(lag->evidence.size(), 1);
    QVERIFY(lag->evidence.first().superseded);
    QCOMPARE(lag->status, OnboardingTracker::Status::Waiting);
    const auto *port = tracker.stage(QStringLiteral("port-configured"));
    // The connection in words (peering, number, role), never its identifier.
    QVERIFY2(port->evidence.last().text.contains(QLatin1String("ix-ams, connection 1 (primary)")),
             qPrintable(port->evidence.last().text));
    QVERIFY(!port->evidence.last().text.contains(QLatin1String("c0")));

    Onboarding logged;
    logged.mail.append(mail);
    const OnboardingTracker onlyLog(logged);
    QCOMPARE(onlyLog.currentStage(), QStringLiteral("requirements"));
    QCOMPARE(onlyLog.stage(QStringLiteral("bgp-mesh"))->evidence.size(), 1);
    QVERIFY(onlyLog.stage(QStringLiteral("bgp-mesh"))->evidence.first().logOnly);

    // The reached time is the earliest counted evidence; a state's time comes from its history.
    Onboarding active = withConnections({QStringLiteral("Active")});
    active.peerings[0].connections[0].stateHistory = {{QStringLiteral("ProvisioningStarted"),
                                                       QStringLiteral("2026-03-02T08:00:00Z"),
                                                       QStringLiteral("manual"),
                                                       {}},
                                                      {QStringLiteral("Active"),
                                                       QStringLiteral("2026-03-20T08:00:00Z"),
                                                       QStringLiteral("manual"),
                                                       {}}};
    const OnboardingTracker a(active);
    QCOMPARE(a.stage(QStringLiteral("active"))->reached,
             QDateTime(QDate(2026, 3, 20), QTime(8, 0), QTimeZone::utc()));
    QCOMPARE(a.stage(QStringLiteral("peering-created"))->reached,
             QDateTime(QDate(2026, 3, 2), QTime(8, 0), QTimeZone::utc()));
}

// The contradiction of rule 5 is said, as evidence of active that does not count.
void TestTracking::contradictionIsShown()
{
    Onboarding o = withConnections({QStringLiteral("Active"), QStringLiteral("Validating")});
    RegisteredAsn r;
    r.name = QStringLiteral("Contoso");
    r.asn = QStringLiteral("13335");
    r.peering = QStringLiteral("ix-ams");
    r.prefixKey = kKey1;
    o.registeredAsns.append(r);
    const OnboardingTracker tracker(o);
    const auto *active = tracker.stage(QStringLiteral("active"));
    QCOMPARE(active->status, OnboardingTracker::Status::Current);
    QVERIFY(!active->evidence.isEmpty());
    QVERIFY(active->evidence.last().logOnly);
    QVERIFY2(active->evidence.last().text.contains(QLatin1String("connection 2 (primary) is Validating")),
             qPrintable(active->evidence.last().text));
    QCOMPARE(tracker.currentStage(), QStringLiteral("active"));
}

// Create requires an Approved association: that state is evidence for asn-association.
void TestTracking::approvedAssociationIsEvidence()
{
    Onboarding o = withConnections({});
    o.milestones.append(ms(QStringLiteral("requirements"), QStringLiteral("2026-03-01"),
                           QStringLiteral("2026-03-01T10:00:00Z")));
    QCOMPARE(OnboardingTracker(o).currentStage(), QStringLiteral("asn-association"));
    o.peerAsn.validationState = QStringLiteral("Pending");
    QCOMPARE(OnboardingTracker(o).currentStage(), QStringLiteral("asn-association"));
    o.peerAsn.validationState = QStringLiteral("Approved");
    const OnboardingTracker approved(o);
    QCOMPARE(approved.stage(QStringLiteral("asn-association"))->status, OnboardingTracker::Status::Done);
    QCOMPARE(approved.currentStage(), QStringLiteral("peering-created"));
}

void TestTracking::transitions()
{
    QCOMPARE(OnboardingTracker::transitions(QStringLiteral("requirements")),
             QStringList {"asn-association"});
    QCOMPARE(OnboardingTracker::transitions(QStringLiteral("active")),
             (QStringList {"customer-asns", "port-configured"}));
    QCOMPARE(OnboardingTracker::transitions(QStringLiteral("prefixes-activated")), QStringList {});
}

void TestTracking::planArithmetic_data()
{
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QDate>("expected");

    QTest::newRow("day 1 over a month end")
        << QDate(2026, 1, 31) << "asn-association" << QDate(2026, 2, 1);
    QTest::newRow("active, February (no leap year)")
        << QDate(2026, 2, 10) << "active" << QDate(2026, 3, 3);
    QTest::newRow("active, February (leap year)")
        << QDate(2028, 2, 10) << "active" << QDate(2028, 3, 2);
    QTest::newRow("active over the year end")
        << QDate(2026, 12, 20) << "active" << QDate(2027, 1, 10);
    QTest::newRow("port configured over the end of a 30-day month")
        << QDate(2026, 4, 28) << "port-configured" << QDate(2026, 5, 6);
    QTest::newRow("over a DST change (dates have no time)")
        << QDate(2026, 3, 20) << "bgp-mesh" << QDate(2026, 4, 7);
    QTest::newRow("prefixes after four weeks")
        << QDate(2026, 11, 30) << "prefixes-activated" << QDate(2026, 12, 28);
}

void TestTracking::planArithmetic()
{
    QFETCH(QDate, start);
    QFETCH(QString, stage);
    QFETCH(QDate, expected);
    QCOMPARE(OnboardingPlan::expectedDate(stage, start), expected);
    Onboarding o;
    OnboardingPlan::apply(o, start);
    const OnboardingTracker tracker(o);
    QCOMPARE(tracker.stage(stage)->expected, expected);
    // Day 21 is the three-week target whatever the month.
    QCOMPARE(start.daysTo(tracker.stage(QStringLiteral("active"))->expected), 21);
}

void TestTracking::replanKeepsReached()
{
    Onboarding o;
    OnboardingPlan::apply(o, QDate(2026, 3, 1));
    o.milestones[0].reached = QStringLiteral("2026-03-01T10:00:00Z");
    OnboardingPlan::replan(o, QDate(2026, 4, 1));
    QCOMPARE(o.milestones.size(), Milestone::stages().size());
    QCOMPARE(o.milestones[0].expected, QStringLiteral("2026-03-01")); // reached: kept
    QCOMPARE(o.milestones[6].stage, QStringLiteral("active"));
    QCOMPARE(o.milestones[6].expected, QStringLiteral("2026-04-22"));
}

void TestTracking::planSettings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("activeDay");

    QTest::newRow("empty: defaults") << "" << true << 21;
    QTest::newRow("four weeks") << "active=28, customer-asns=29" << true << 28;
    QTest::newRow("unknown stage") << "activ=28" << false << 0;
    QTest::newRow("negative") << "active=-1" << false << 0;
    QTest::newRow("garbage") << "active" << false << 0;
    QTest::newRow("round trip") << OnboardingPlan::stepsToString(OnboardingPlan::defaultSteps())
                                << true << 21;
}

void TestTracking::planSettings()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(int, activeDay);
    QString error;
    const auto steps = OnboardingPlan::parseSteps(text, &error);
    QCOMPARE(steps.has_value(), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(OnboardingPlan::expectedDate(QStringLiteral("active"), QDate(2026, 1, 1), *steps),
             QDate(2026, 1, 1).addDays(activeDay));
}

void TestTracking::daysLateInZones_data()
{
    QTest::addColumn<QString>("reached");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("late");

    // Expected on 2026-11-23.
    QTest::newRow("23:30Z is Nov 24 in Berlin")
        << "2026-11-23T23:30:00Z" << QByteArray("Europe/Berlin") << 1;
    QTest::newRow("23:30Z is Nov 23 in UTC") << "2026-11-23T23:30:00Z" << QByteArray("UTC") << 0;
    QTest::newRow("23:30Z is Nov 23 in New York")
        << "2026-11-23T23:30:00Z" << QByteArray("America/New_York") << 0;
    QTest::newRow("an offset in the text") << "2026-11-24T01:00:00+01:00" << QByteArray("UTC") << 1;
    QTest::newRow("early in Los Angeles")
        << "2026-11-23T05:00:00Z" << QByteArray("America/Los_Angeles") << -1;
    QTest::newRow("Tokyo, the next day") << "2026-11-23T16:00:00Z" << QByteArray("Asia/Tokyo") << 1;
}

void TestTracking::daysLateInZones()
{
    QFETCH(QString, reached);
    QFETCH(QByteArray, zone);
    QFETCH(int, late);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    Onboarding o;
    o.milestones.append(ms(QStringLiteral("requirements"), QStringLiteral("2026-11-23"), reached));
    const OnboardingTracker tracker(o);
    const auto days = tracker.daysLate(QStringLiteral("requirements"), tz);
    QVERIFY(days.has_value());
    QCOMPARE(*days, qint64(late));
}

void TestTracking::overdueWithPinnedClock()
{
    Onboarding o;
    OnboardingPlan::apply(o, QDate(2026, 11, 1));
    o.milestones[0].reached = QStringLiteral("2026-11-05T10:00:00Z"); // late, but done
    const OnboardingTracker tracker(o);
    const QString current = QStringLiteral("asn-association"); // expected 2026-11-02
    QCOMPARE(tracker.currentStage(), current);
    QVERIFY(!tracker.isOverdue(QStringLiteral("requirements"), QDate(2026, 12, 1)));
    QVERIFY(!tracker.isOverdue(current, QDate(2026, 11, 2))); // due today is not overdue
    QVERIFY(tracker.isOverdue(current, QDate(2026, 11, 3)));
    QCOMPARE(tracker.overdueStages(QDate(2026, 11, 3)),
             (QStringList {"asn-association", "peering-created"}));
    QVERIFY(tracker.overdueStages(QDate(2026, 11, 1)).isEmpty());
    // "Today" from a pinned clock in a zone: 23:30Z on Nov 2 is Nov 3 in Berlin.
    const QDateTime now(QDate(2026, 11, 2), QTime(23, 30), QTimeZone::utc());
    QVERIFY(!tracker.isOverdue(current, OnboardingTracker::dateIn(now, QTimeZone::utc())));
    QVERIFY(tracker.isOverdue(current, OnboardingTracker::dateIn(now, QTimeZone("Europe/Berlin"))));
    QCOMPARE(*tracker.daysLate(QStringLiteral("requirements"), QTimeZone::utc()), 4);
    // The list columns' progress agrees on the stage in progress for milestone evidence.
    QCOMPARE(OnboardingProgress(o).currentStage(), current);
}

// Every stage has a milestone name and a different in-progress name (the list's Stage column must
// not say "Peering created" while the peering is still being created); unknown ids pass through.
void TestTracking::stageTitles()
{
    QStringList titles, inProgress;
    for (const QString &id : Milestone::stages()) {
        const QString done = OnboardingTracker::title(id);
        const QString doing = OnboardingTracker::inProgressTitle(id);
        QVERIFY2(done != id && doing != id, qPrintable(id));
        QVERIFY2(done != doing, qPrintable(id));
        titles.append(done);
        inProgress.append(doing);
    }
    QCOMPARE(QSet<QString>(titles.cbegin(), titles.cend()).size(), titles.size());
    QCOMPARE(QSet<QString>(inProgress.cbegin(), inProgress.cend()).size(), inProgress.size());
    QCOMPARE(OnboardingTracker::inProgressTitle(QStringLiteral("peering-created")),
             QStringLiteral("Creating the peering"));
    QCOMPARE(OnboardingTracker::inProgressTitle(QStringLiteral("complete")),
             QStringLiteral("Complete"));
    QCOMPARE(OnboardingTracker::inProgressTitle(QStringLiteral("celebration")),
             QStringLiteral("celebration"));
}

void TestTracking::lagAugmentation()
{
    Onboarding o = withConnections({QStringLiteral("Active"), QStringLiteral("Active")});
    o.peerings[0].connections[0].utilizationPercent = 39;
    QVERIFY(!OnboardingTracker(o).lagAugmentation(QDate(2026, 12, 1)).needed);
    o.peerings[0].connections[1].utilizationPercent = 40;
    o.peerings[0].connections[1].utilizationMeasuredAt = QStringLiteral("2026-12-30T10:00:00Z");
    const auto lag = OnboardingTracker(o).lagAugmentation(QDate(2027, 1, 5));
    QVERIFY(lag.needed);
    QCOMPARE(lag.connectionId, QStringLiteral("c1"));
    QCOMPARE(lag.start, QDate(2026, 12, 30));
    QCOMPARE(lag.earliestEnd, QDate(2027, 2, 13));
    QCOMPARE(lag.latestEnd, QDate(2027, 2, 28));
    // No measurement date: it begins today.
    o.peerings[0].connections[1].utilizationMeasuredAt.clear();
    QCOMPARE(OnboardingTracker(o).lagAugmentation(QDate(2027, 1, 5)).start, QDate(2027, 1, 5));
}

void TestTracking::connectionHistoryRoundTrip()
{
    const QByteArray text = R"({"id":"c0","state":"Active","stateHistory":[
        {"state":"PendingApproval","since":"2026-03-01T10:00:00Z","source":"import"},
        {"state":"Active","since":"2026-03-20T10:00:00Z","x-kept":true}],
        "utilizationPercent":42,"utilizationMeasuredAt":"2026-06-01T00:00:00Z"})";
    const QJsonObject in = QJsonDocument::fromJson(text).object();
    JsonReader r;
    const Connection c = Connection::fromJson(in, r, QStringLiteral("c"));
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(c.stateHistory.size(), 2);
    QCOMPARE(c.stateHistory[0].source, QStringLiteral("import"));
    QCOMPARE(c.stateHistory[1].source, QStringLiteral("manual")); // the default
    QCOMPARE(c.utilizationPercent, 42);
    QCOMPARE(c.currentStateChange()->since, QStringLiteral("2026-03-20T10:00:00Z"));
    const QJsonObject out = c.toJson();
    for (const char *key : {"stateHistory", "utilizationPercent", "utilizationMeasuredAt"})
        QCOMPARE(out.value(QLatin1String(key)), c.toJson().value(QLatin1String(key)));
    QCOMPARE(out.value("stateHistory").toArray().at(1).toObject().value("x-kept").toBool(), true);
    JsonReader r2;
    QCOMPARE(Connection::fromJson(out, r2, QStringLiteral("c")), c);

    // A connection without tracking writes none of the new keys.
    const QJsonObject plain = Connection().toJson();
    QVERIFY(!plain.contains(QLatin1String("stateHistory")));
    QVERIFY(!plain.contains(QLatin1String("utilizationPercent")));

    // A wrong type is unreadable, as everywhere in the document.
    JsonReader bad;
    Connection::fromJson(QJsonDocument::fromJson(R"({"stateHistory":{}})").object(), bad,
                         QStringLiteral("c"));
    QVERIFY(!bad.ok());
}

void TestTracking::customerAsnRules()
{
    QVERIFY2(m_temp->reset(), qPrintable(m_temp->reason()));
    auto opened = TrackedStore::open(m_temp->location());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    OnboardingStore &store = *opened.value();

    const Onboarding a = TestSupport::makeStoreOnboarding(1);
    QVERIFY(store.create(a).ok());
    Onboarding b = TestSupport::makeStoreOnboarding(2);
    b.registeredAsns.clear();
    for (Connection &c : b.peerings[0].connections)
        c.state = QStringLiteral("ProvisioningStarted");
    auto created = store.create(b);
    QVERIFY2(created.ok(), qPrintable(created.error().message()));
    int version = created->version;
    const QString peering = b.peerings[0].name;

    RegisteredAsn r;
    r.name = QStringLiteral("Contoso");
    r.asn = QStringLiteral("13335");
    r.peering = peering;
    r.prefixKey = kKey1;

    // registered-asn.requires-active: no connection is Active yet.
    auto refused = CustomerAsnRegistration::registerAsn(store, b.name, r, version);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().rule(), QStringLiteral("registered-asn.requires-active"));
    QVERIFY(refused.error().message().contains(QLatin1String("Active")));

    StoredOnboarding stored = *store.load(b.name);
    stored.onboarding.peerings[0].connections[0].state = QStringLiteral("Active");
    auto saved = store.save(stored);
    QVERIFY(saved.ok());
    version = saved->version;

    // registered-asn.unique: the ASN is registered by the other onboarding.
    RegisteredAsn taken = r;
    taken.asn = a.registeredAsns[0].asn;
    refused = CustomerAsnRegistration::registerAsn(store, b.name, taken, version);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), StoreError::Kind::AsnTaken);
    QCOMPARE(refused.error().rule(), QStringLiteral("registered-asn.unique"));
    QCOMPARE(refused.error().otherOnboarding(), a.name);
    QVERIFY(refused.error().message().contains(a.name));
    // The store itself refuses it too (its unique constraint), whatever the caller checked.
    QVERIFY(!store.registerCustomerAsn(b.name, taken, version).ok());

    // The prefix key must be a GUID; the ASN public.
    RegisteredAsn badKey = r;
    badKey.prefixKey = QStringLiteral("not-a-guid");
    refused = CustomerAsnRegistration::registerAsn(store, b.name, badKey, version);
    QCOMPARE(refused.error().rule(), QStringLiteral("registered-asn.prefix-key"));
    RegisteredAsn privateAsn = r;
    privateAsn.asn = QStringLiteral("64512");
    refused = CustomerAsnRegistration::registerAsn(store, b.name, privateAsn, version);
    QCOMPARE(refused.error().rule(), QStringLiteral("registered-asn.public"));

    // Accepted, then the same ASN again in the same onboarding is refused.
    auto ok = CustomerAsnRegistration::registerAsn(store, b.name, r, version);
    QVERIFY2(ok.ok(), qPrintable(ok.error().message()));
    QCOMPARE(ok->version, version + 1);
    QCOMPARE(ok->onboarding.registeredAsns.size(), 1);
    refused = CustomerAsnRegistration::registerAsn(store, b.name, r, ok->version);
    QCOMPARE(refused.error().rule(), QStringLiteral("registered-asn.unique"));

    // A stale version is a conflict, never an overwrite.
    RegisteredAsn other = r;
    other.asn = QStringLiteral("13336");
    refused = CustomerAsnRegistration::registerAsn(store, b.name, other, version);
    QCOMPARE(refused.error().kind(), StoreError::Kind::Conflict);
}

QTEST_GUILESS_MAIN(TestTracking)
#include "tst_tracking.moc"
