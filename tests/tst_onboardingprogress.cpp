// OnboardingProgress: the stage in progress (the tracker's, from all the evidence), its next
// milestone and days left, with "today" pinned so the answers do not depend on the calendar.
#include "tracking/onboardingprogress.h"

#include <QTest>

using namespace Peering;

namespace {

Milestone ms(const char *stage, const char *expected, const char *reached = "")
{
    Milestone m;
    m.stage = QLatin1String(stage);
    m.expected = QLatin1String(expected);
    m.reached = QLatin1String(reached);
    return m;
}

} // namespace

class TestOnboardingProgress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stageInProgress_data();
    void stageInProgress();
    void stageFromOtherEvidence_data();
    void stageFromOtherEvidence();
    void earliestPlanWins();
    void nextIsTheEarliestStageNotDone();
    void daysLeft();
};

void TestOnboardingProgress::stageInProgress_data()
{
    QTest::addColumn<QList<Milestone>>("milestones");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QDate>("next");

    QTest::newRow("nothing planned") << QList<Milestone> {} << "requirements" << QDate();
    QTest::newRow("first planned") << QList<Milestone> {ms("requirements", "2026-03-01")}
                                   << "requirements" << QDate(2026, 3, 1);
    QTest::newRow("two reached")
        << QList<Milestone> {ms("requirements", "2026-03-01", "2026-03-01T10:00:00Z"),
                             ms("asn-association", "2026-03-02", "2026-03-02T10:00:00Z"),
                             ms("peering-created", "2026-03-03")}
        << "peering-created" << QDate(2026, 3, 3);
    // A later stage's evidence implies the earlier ones (asn-association here), as in the tracker.
    QTest::newRow("a gap is implied by a later stage")
        << QList<Milestone> {ms("requirements", "2026-03-01", "2026-03-01T10:00:00Z"),
                             ms("peering-created", "2026-03-03", "2026-03-03T10:00:00Z"),
                             ms("port-configured", "2026-03-08"), ms("active", "2026-03-22")}
        << "port-configured" << QDate(2026, 3, 8);
    QTest::newRow("invalid date is no plan")
        << QList<Milestone> {ms("requirements", "someday")} << "requirements" << QDate();
    QTest::newRow("date-time accepted")
        << QList<Milestone> {ms("requirements", "2026-03-01T00:00:00Z")} << "requirements"
        << QDate(2026, 3, 1);
    QList<Milestone> all;
    for (const QString &s : Milestone::stages())
        all.append(ms(qPrintable(s), "2026-03-01", "2026-03-01T10:00:00Z"));
    QTest::newRow("all reached") << all << "complete" << QDate();
    QTest::newRow("unknown stages are ignored")
        << QList<Milestone> {ms("celebration", "2026-03-01")} << "requirements" << QDate();
}

void TestOnboardingProgress::stageInProgress()
{
    QFETCH(QList<Milestone>, milestones);
    QFETCH(QString, stage);
    QFETCH(QDate, next);
    Onboarding o;
    o.milestones = milestones;
    const OnboardingProgress p(o);
    QCOMPARE(p.currentStage(), stage);
    QCOMPARE(p.nextExpected(), next);
    QCOMPARE(p.nextMilestone().has_value(), next.isValid());
    if (p.nextMilestone())
        QCOMPARE(p.nextMilestone()->stage, stage);
    QCOMPARE(p.isComplete(), stage == QLatin1String("complete"));
}

namespace {

Onboarding withConnectionStates(const QStringList &states)
{
    Onboarding o;
    o.peerings.append(PeeringResource {});
    int i = 0;
    for (const QString &state : states) {
        Connection c;
        c.id = QStringLiteral("c%1").arg(++i);
        c.state = state;
        o.peerings[0].connections.append(c);
    }
    for (const QString &stage : Milestone::stages())
        o.milestones.append(ms(qPrintable(stage), "2026-03-20"));
    return o;
}

RegisteredAsn customer(const char *asn, const char *key, const char *delivered = "")
{
    RegisteredAsn r;
    r.name = QStringLiteral("Customer ") + QLatin1String(asn);
    r.asn = QLatin1String(asn);
    r.prefixKey = QLatin1String(key);
    r.keyDeliveredAt = QLatin1String(delivered);
    return r;
}

} // namespace

// Evidence other than milestones moves the list's stage exactly as it moves the tracker's.
void TestOnboardingProgress::stageFromOtherEvidence_data()
{
    QTest::addColumn<Onboarding>("onboarding");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QStringList>("reached");

    const char *key1 = "11111111-2222-4333-8444-555555555555";
    const char *key2 = "66666666-7777-4888-9999-aaaaaaaaaaaa";
    QTest::newRow("approved: nothing seen yet")
        << withConnectionStates({"Approved", "Approved"}) << "requirements" << QStringList {};
    QTest::newRow("provisioning started implies the peering was created")
        << withConnectionStates({"ProvisioningStarted", "Approved"}) << "port-configured"
        << QStringList {"requirements", "asn-association", "peering-created"};
    QTest::newRow("one connection not active yet")
        << withConnectionStates({"Active", "Validating"}) << "active"
        << QStringList {"requirements", "asn-association", "peering-created", "port-configured",
                        "lag-up", "bgp-mesh"};
    QTest::newRow("all connections active")
        << withConnectionStates({"Active", "Active"}) << "customer-asns"
        << QStringList {"requirements", "asn-association", "peering-created", "port-configured",
                        "lag-up", "bgp-mesh", "active"};
    Onboarding failed = withConnectionStates({"Active", "ProvisioningFailed"});
    failed.milestones.last().reached = QStringLiteral("2026-03-10T10:00:00Z"); // superseded
    QTest::newRow("a failed connection goes back to port-configured")
        << failed << "port-configured"
        << QStringList {"requirements", "asn-association", "peering-created"};
    Onboarding keyed = withConnectionStates({"Active"});
    keyed.registeredAsns = {customer("64512", key1, "2026-03-02T10:00:00Z"),
                            customer("64513", key2)};
    QTest::newRow("keys issued, one delivered")
        << keyed << "keys-delivered"
        << QStringList {"requirements", "asn-association", "peering-created", "port-configured",
                        "lag-up", "bgp-mesh", "active", "customer-asns"};
    keyed.registeredAsns[1].keyDeliveredAt = QStringLiteral("2026-03-03T10:00:00Z");
    QTest::newRow("every key delivered")
        << keyed << "prefixes-activated"
        << QStringList {"requirements", "asn-association", "peering-created", "port-configured",
                        "lag-up", "bgp-mesh", "active", "customer-asns", "keys-delivered"};
}

void TestOnboardingProgress::stageFromOtherEvidence()
{
    QFETCH(Onboarding, onboarding);
    QFETCH(QString, stage);
    QFETCH(QStringList, reached);
    const OnboardingProgress p(onboarding);
    QCOMPARE(p.currentStage(), stage);
    QStringList got;
    for (const QString &s : Milestone::stages())
        if (p.isReached(s))
            got.append(s);
    QCOMPARE(got, reached);
    // The next milestone is the current stage's planned one.
    QCOMPARE(p.nextExpected(), QDate(2026, 3, 20));
    QCOMPARE(p.nextMilestone()->stage, stage);
}

void TestOnboardingProgress::earliestPlanWins()
{
    Onboarding o;
    o.milestones = {ms("requirements", "2026-03-09"), ms("requirements", "2026-03-02"),
                    ms("requirements", "2026-03-05")};
    const OnboardingProgress p(o);
    QCOMPARE(p.nextExpected(), QDate(2026, 3, 2));
}

// The current stage unplanned, a later stage planned and past: that stage is the next
// milestone, and the onboarding is overdue (as the tracker says); a done stage's plan never is.
void TestOnboardingProgress::nextIsTheEarliestStageNotDone()
{
    Onboarding o;
    Milestone reached = ms("requirements", "2026-03-01");
    reached.reached = QStringLiteral("2026-03-01T10:00:00Z");
    o.milestones = {reached, ms("active", "2026-03-21"), ms("lag-up", "2026-03-12")};
    const OnboardingProgress p(o);
    QCOMPARE(p.currentStage(), QStringLiteral("asn-association"));
    QCOMPARE(p.nextMilestone()->stage, QStringLiteral("lag-up"));
    QCOMPARE(p.nextExpected(), QDate(2026, 3, 12));
    QVERIFY(p.isOverdue(QDate(2026, 3, 13)));
    QVERIFY(!p.isOverdue(QDate(2026, 3, 12)));
}

void TestOnboardingProgress::daysLeft()
{
    Onboarding o;
    o.milestones = {ms("requirements", "2026-03-10")};
    const OnboardingProgress p(o);
    QCOMPARE(p.daysLeft(QDate(2026, 3, 1)).value(), 9);
    QCOMPARE(p.daysLeft(QDate(2026, 3, 10)).value(), 0);
    QCOMPARE(p.daysLeft(QDate(2026, 3, 13)).value(), -3);
    QVERIFY(!p.isOverdue(QDate(2026, 3, 10)));
    QVERIFY(p.isOverdue(QDate(2026, 3, 11)));
    QVERIFY(!OnboardingProgress::daysLeft(QDate(), QDate(2026, 3, 1)).has_value());
    Onboarding none;
    QVERIFY(!OnboardingProgress(none).isOverdue(QDate(2030, 1, 1)));
}

QTEST_GUILESS_MAIN(TestOnboardingProgress)
#include "tst_onboardingprogress.moc"
