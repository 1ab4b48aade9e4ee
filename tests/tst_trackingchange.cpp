// The tracking service without widgets: every pure change with the values it takes and the
// ones it refuses (and then leaves the onboarding untouched), and the orchestrator on a real
// SQLite store: one change saved with the version check, a conflict returned and nothing
// overwritten, a change that would add an error refused, nothing saved when nothing changed.
#include "tracking/trackedstore.h"
#include "document/onboardingdocument.h"
#include "store/onboardingstore.h"
#include "store/sqlsession.h"
#include "store/storelocation.h"
#include "store/storetransaction.h"
#include "tracking/trackingchange.h"
#include "tracking/onboardingtracker.h"
#include "tracking/trackingservice.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Peering;

Q_DECLARE_METATYPE(std::function<Result<Onboarding>(const Onboarding &)>)

namespace {

using Change = std::function<Result<Onboarding>(const Onboarding &)>;

Onboarding sample()
{
    auto r = OnboardingDocument::readFile(QStringLiteral(PEERING_TEST_DATA_DIR "/clean.json"));
    if (!r)
        qFatal("%s", qPrintable(r.error()));
    return *r;
}

const QDateTime kAt(QDate(2026, 11, 20), QTime(9, 30), QTimeZone::utc());

const Milestone *milestone(const Onboarding &o, const QString &stage)
{
    for (const Milestone &m : o.milestones)
        if (m.stage == stage)
            return &m;
    return nullptr;
}

} // namespace

class TestTrackingChange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void refused_data();
    void refused();
    void markReached();
    void deploymentIsAnExplicitStep();
    void setAndClearExpected();
    void replanKeepsReachedStages();
    void connectionStateRecordsHistoryAndStages();
    void utilization();
    void keyDelivery();
    void mailEvidence();
    void serviceSavesOneChange();
    void serviceReturnsConflict();
    void serviceRefusesANewError();
    void serviceSavesNothingWhenNothingChanged();
    void transactionRollsBackUnlessCommitted();

private:
    std::unique_ptr<OnboardingStore> freshStore();
    QTemporaryDir m_dir;
};

void TestTrackingChange::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<OnboardingStore> TestTrackingChange::freshStore()
{
    static int n = 0;
    auto opened = TrackedStore::open(
        StoreLocation::sqliteFile(m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++n))));
    if (!opened)
        qFatal("%s", qPrintable(opened.error().message()));
    return std::move(opened.value());
}

void TestTrackingChange::refused_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("says");
    QTest::newRow("reached: unknown stage")
        << Change([](const Onboarding &o) { return TrackingChange::markReached(o, "done", kAt, {}); })
        << "not a stage";
    QTest::newRow("reached: no date")
        << Change([](const Onboarding &o) { return TrackingChange::markReached(o, "lag-up", {}, {}); })
        << "Enter the date";
    QTest::newRow("expected: unknown stage")
        << Change([](const Onboarding &o) { return TrackingChange::setExpected(o, "x", QDate(2026, 1, 1)); })
        << "not a stage";
    QTest::newRow("replan: no start")
        << Change([](const Onboarding &o) { return TrackingChange::replan(o, {}, OnboardingPlan::defaultSteps()); })
        << "valid start date";
    QTest::newRow("replan: unknown stage")
        << Change([](const Onboarding &o) {
               return TrackingChange::replan(o, QDate(2026, 11, 1), {{"later", 3}});
           })
        << "not a stage";
    QTest::newRow("replan: negative day")
        << Change([](const Onboarding &o) {
               return TrackingChange::replan(o, QDate(2026, 11, 1), {{"lag-up", -1}});
           })
        << "0 or more";
    QTest::newRow("plan: no start")
        << Change([](const Onboarding &o) { return TrackingChange::applyPlan(o, {}, OnboardingPlan::defaultSteps()); })
        << "valid start date";
    QTest::newRow("state: no such connection")
        << Change([](const Onboarding &o) { return TrackingChange::setConnectionState(o, 0, 9, "Active", kAt); })
        << "Select a connection";
    QTest::newRow("state: no such peering")
        << Change([](const Onboarding &o) { return TrackingChange::setConnectionState(o, -1, 0, "Active", kAt); })
        << "Select a connection";
    QTest::newRow("state: unknown state")
        << Change([](const Onboarding &o) { return TrackingChange::setConnectionState(o, 0, 0, "Up", kAt); })
        << "not a connection state";
    QTest::newRow("utilization: above 100")
        << Change([](const Onboarding &o) { return TrackingChange::setUtilization(o, 0, 0, 101, kAt); })
        << "0 to 100";
    QTest::newRow("utilization: negative")
        << Change([](const Onboarding &o) { return TrackingChange::setUtilization(o, 0, 0, -1, kAt); })
        << "0 to 100";
    QTest::newRow("edit: no such customer")
        << Change([](const Onboarding &o) { return TrackingChange::editCustomerAsn(o, 0, RegisteredAsn{}); })
        << "Select a customer";
    QTest::newRow("remove: no such customer")
        << Change([](const Onboarding &o) { return TrackingChange::removeCustomerAsn(o, 3); })
        << "Select a customer";
    QTest::newRow("edit: no name")
        << Change([](const Onboarding &in) {
               Onboarding o = in;
               o.registeredAsns = {RegisteredAsn{QStringLiteral("Contoso"), QStringLiteral("13335"),
                                                 o.peerings[0].name, {}, {}, {}}};
               return TrackingChange::editCustomerAsn(o, 0, RegisteredAsn{QStringLiteral(" "), QStringLiteral("13335"), {}, {}, {}, {}});
           })
        << "customer's name";
    QTest::newRow("mail: no Message-ID")
        << Change([](const Onboarding &o) {
               return TrackingChange::attachMail(o, MailRecord{{}, "peering@microsoft.com", "Ports configured", "2026-11-20T09:30:00Z", "port-configured", {}});
           })
        << "no Message-ID";
    QTest::newRow("mail: unknown stage")
        << Change([](const Onboarding &o) {
               return TrackingChange::attachMail(o, MailRecord{"<a@b>", "peering@microsoft.com", "Ports", "2026-11-20T09:30:00Z", "ports", {}});
           })
        << "not a stage";
    QTest::newRow("mail: classified without a date")
        << Change([](const Onboarding &o) {
               return TrackingChange::attachMail(o, MailRecord{"<a@b>", "peering@microsoft.com", "Ports", "", "port-configured", {}});
           })
        << "no valid date";
    QTest::newRow("deployment: peer ASN not Approved")
        << Change([](const Onboarding &in) {
               Onboarding o = in;
               o.peerAsn.validationState = QStringLiteral("Pending");
               return TrackingChange::recordDeployment(o, kAt, {});
           })
        << "Pending, not Approved";
    QTest::newRow("deployment: no peering")
        << Change([](const Onboarding &in) {
               Onboarding o = in;
               o.peerings.clear();
               return TrackingChange::recordDeployment(o, kAt, {});
           })
        << "no peering";
    QTest::newRow("deployment: no date")
        << Change([](const Onboarding &o) { return TrackingChange::recordDeployment(o, {}, {}); })
        << "date the deployment succeeded";
    QTest::newRow("deployment: recorded already")
        << Change([](const Onboarding &o) {
               const auto once = TrackingChange::recordDeployment(o, kAt, {});
               return once ? TrackingChange::recordDeployment(*once, kAt.addDays(1), {}) : once;
           })
        << "recorded already";
    QTest::newRow("key: no such customer")
        << Change([](const Onboarding &o) { return TrackingChange::recordKeyDelivery(o, 5, kAt); })
        << "Select a customer";
    QTest::newRow("key: no key yet")
        << Change([](const Onboarding &in) {
               Onboarding o = in;
               o.registeredAsns = {RegisteredAsn{QStringLiteral("Contoso"), QStringLiteral("13335"),
                                                 o.peerings[0].name, {}, {}, {}}};
               return TrackingChange::recordKeyDelivery(o, 0, kAt);
           })
        << "no prefix key";
}

void TestTrackingChange::refused()
{
    QFETCH(Change, change);
    QFETCH(QString, says);
    const Onboarding before = sample();
    const Result<Onboarding> r = change(before);
    QVERIFY(!r);
    QVERIFY2(r.error().contains(says), qPrintable(r.error()));
    QCOMPARE(sample(), before); // pure: the input is untouched
}

void TestTrackingChange::markReached()
{
    const auto r = TrackingChange::markReached(sample(), QStringLiteral("lag-up"), kAt,
                                               QStringLiteral("LAG up on both links"));
    QVERIFY(r);
    const Milestone *m = milestone(*r, QStringLiteral("lag-up"));
    QVERIFY(m);
    QCOMPARE(m->reached, QStringLiteral("2026-11-20T09:30:00Z"));
    QCOMPARE(m->source, QStringLiteral("manual"));
    QCOMPARE(m->note, QStringLiteral("LAG up on both links"));
    // The same input gives the same output.
    QCOMPARE(TrackingChange::markReached(sample(), QStringLiteral("lag-up"), kAt,
                                         QStringLiteral("LAG up on both links"))
                 .value(),
             r.value());
}

// Storing an onboarding says nothing about Azure; the user's "deployment succeeded" does.
void TestTrackingChange::deploymentIsAnExplicitStep()
{
    const Onboarding stored = sample();
    QCOMPARE(stored.peerAsn.validationState, QStringLiteral("Approved"));
    QVERIFY(!OnboardingTracker(stored).isDone(QStringLiteral("peering-created")));
    QCOMPARE(OnboardingTracker(stored).currentStage(), QStringLiteral("peering-created"));
    // Approved is evidence for the association, even without a milestone of its own.
    QVERIFY(OnboardingTracker(stored).isDone(QStringLiteral("asn-association")));

    const auto r = TrackingChange::recordDeployment(stored, kAt, QStringLiteral(" ticket 42 "));
    QVERIFY2(r, qPrintable(r.error()));
    const Milestone *m = milestone(*r, QStringLiteral("peering-created"));
    QVERIFY(m);
    QCOMPARE(m->reached, QStringLiteral("2026-11-20T09:30:00Z"));
    QCOMPARE(m->source, QStringLiteral("manual"));
    QCOMPARE(m->note, QStringLiteral("Portal deployment succeeded: ticket 42"));
    const OnboardingTracker after(*r);
    QVERIFY(after.isDone(QStringLiteral("peering-created")));
    QCOMPARE(after.stage(QStringLiteral("peering-created"))->status,
             OnboardingTracker::Status::Done);
    QCOMPARE(after.currentStage(), QStringLiteral("port-configured"));
    // Without a note the evidence still says what happened.
    QCOMPARE(milestone(TrackingChange::recordDeployment(stored, kAt, {}).value(),
                       QStringLiteral("peering-created"))
                 ->note,
             QStringLiteral("Portal deployment succeeded"));
}

void TestTrackingChange::setAndClearExpected()
{
    auto r = TrackingChange::setExpected(sample(), QStringLiteral("bgp-mesh"), QDate(2026, 12, 1));
    QVERIFY(r);
    QCOMPARE(milestone(*r, QStringLiteral("bgp-mesh"))->expected, QStringLiteral("2026-12-01"));
    r = TrackingChange::setExpected(r.value(), QStringLiteral("bgp-mesh"), QDate());
    QVERIFY(r);
    QVERIFY(milestone(*r, QStringLiteral("bgp-mesh"))->expected.isEmpty());
}

void TestTrackingChange::replanKeepsReachedStages()
{
    const Onboarding o = sample();
    const Milestone *reached = milestone(o, QStringLiteral("requirements"));
    QVERIFY(reached && !reached->reached.isEmpty());
    const auto r = TrackingChange::replan(o, QDate(2026, 12, 1), OnboardingPlan::defaultSteps());
    QVERIFY(r);
    QCOMPARE(milestone(*r, QStringLiteral("requirements"))->reached, reached->reached);
    QCOMPARE(milestone(*r, QStringLiteral("active"))->expected, QStringLiteral("2026-12-22"));
}

void TestTrackingChange::connectionStateRecordsHistoryAndStages()
{
    const auto r = TrackingChange::setConnectionState(sample(), 0, 0, QStringLiteral("Active"), kAt);
    QVERIFY(r);
    const Connection &c = r->peerings[0].connections[0];
    QCOMPARE(c.state, QStringLiteral("Active"));
    QCOMPARE(c.stateHistory.last().state, QStringLiteral("Active"));
    QCOMPARE(c.stateHistory.last().since, QStringLiteral("2026-11-20T09:30:00Z"));
    // A state past PendingApproval proves the peering was created.
    const Milestone *created = milestone(*r, QStringLiteral("peering-created"));
    QVERIFY(created && !created->reached.isEmpty());
    // The same state again adds no history entry.
    const auto again = TrackingChange::setConnectionState(r.value(), 0, 0, QStringLiteral("Active"), kAt.addDays(1));
    QCOMPARE(again->peerings[0].connections[0].stateHistory.size(), c.stateHistory.size());
}

void TestTrackingChange::utilization()
{
    const auto r = TrackingChange::setUtilization(sample(), 1, 0, 42, kAt);
    QVERIFY(r);
    QCOMPARE(r->peerings[1].connections[0].utilizationPercent, 42);
    QCOMPARE(r->peerings[1].connections[0].utilizationMeasuredAt, QStringLiteral("2026-11-20T09:30:00Z"));
    QCOMPARE(TrackingChange::connectionAt(sample(), 1), std::make_optional(std::make_pair(1, 0)));
    QVERIFY(!TrackingChange::connectionAt(sample(), 2));
}

void TestTrackingChange::keyDelivery()
{
    Onboarding o = sample();
    o.registeredAsns = {RegisteredAsn{QStringLiteral("Contoso"), QStringLiteral("13335"),
                                      o.peerings[0].name,
                                      QStringLiteral("7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5f6"), {}, {}}};
    const auto r = TrackingChange::recordKeyDelivery(o, 0, kAt);
    QVERIFY(r);
    QCOMPARE(r->registeredAsns[0].keyDeliveredAt, QStringLiteral("2026-11-20T09:30:00Z"));
}

void TestTrackingChange::mailEvidence()
{
    const MailRecord mail{QStringLiteral("<ports@mail.microsoft.com>"),
                          QStringLiteral("peering@microsoft.com"),
                          QStringLiteral("Your ports are configured"),
                          QStringLiteral("2026-11-20T09:30:00Z"), QStringLiteral("port-configured"), {}};
    const auto r = TrackingChange::attachMail(sample(), mail);
    QVERIFY(r);
    QCOMPARE(r->mail.size(), sample().mail.size() + 1);
    const Milestone *m = milestone(*r, QStringLiteral("port-configured"));
    QVERIFY(m);
    QCOMPARE(m->reached, QStringLiteral("2026-11-20T09:30:00Z"));
    QCOMPARE(m->source, QStringLiteral("mail"));
    // The same mail again: nothing changes.
    QCOMPARE(TrackingChange::attachMail(r.value(), mail).value(), r.value());
    // A later mail for a stage already reached is logged, the reached time stays.
    MailRecord again = mail;
    again.messageId = QStringLiteral("<ports-2@mail.microsoft.com>");
    again.date = QStringLiteral("2026-11-25T09:30:00Z");
    const auto r2 = TrackingChange::attachMail(r.value(), again);
    QCOMPARE(r2->mail.size(), r->mail.size() + 1);
    QCOMPARE(milestone(*r2, QStringLiteral("port-configured"))->reached, QStringLiteral("2026-11-20T09:30:00Z"));
    // Unclassified: logged only.
    MailRecord unknown = mail;
    unknown.messageId = QStringLiteral("<other@x>");
    unknown.stage.clear();
    const auto r3 = TrackingChange::attachMail(sample(), unknown);
    QCOMPARE(r3->milestones, sample().milestones);
    QCOMPARE(r3->mail.size(), sample().mail.size() + 1);
}

void TestTrackingChange::serviceSavesOneChange()
{
    auto store = freshStore();
    auto created = store->create(sample());
    QVERIFY(created);
    TrackingService service(*store);
    auto saved = service.apply(created->onboarding.name, created->version, [](const Onboarding &o) {
        return TrackingChange::markReached(o, QStringLiteral("lag-up"), kAt, {});
    });
    QVERIFY2(saved, qPrintable(saved.error().message()));
    QCOMPARE(saved->version, created->version + 1);
    QVERIFY(milestone(store->load(created->onboarding.name)->onboarding, QStringLiteral("lag-up")));
}

void TestTrackingChange::serviceReturnsConflict()
{
    auto store = freshStore();
    auto created = store->create(sample());
    QVERIFY(created);
    TrackingService service(*store);
    // A colleague saves first.
    QVERIFY(service.apply(created->onboarding.name, created->version, [](const Onboarding &o) {
        return TrackingChange::setExpected(o, QStringLiteral("lag-up"), QDate(2026, 12, 24));
    }));
    // This change was made on the version seen before: refused, and theirs is kept.
    auto late = service.apply(created->onboarding.name, created->version, [](const Onboarding &o) {
        return TrackingChange::setExpected(o, QStringLiteral("lag-up"), QDate(2026, 12, 31));
    });
    QVERIFY(!late);
    QCOMPARE(late.error().kind(), StoreError::Kind::Conflict);
    QCOMPARE(milestone(store->load(created->onboarding.name)->onboarding, QStringLiteral("lag-up"))->expected,
             QStringLiteral("2026-12-24"));
}

void TestTrackingChange::serviceRefusesANewError()
{
    auto store = freshStore();
    auto created = store->create(sample());
    QVERIFY(created);
    TrackingService service(*store);
    // A change that breaks a rule (here a customer registered while no connection is Active).
    auto refused = service.apply(created->onboarding.name, created->version, [](const Onboarding &in) {
        Onboarding o = in;
        o.registeredAsns.append(RegisteredAsn{QStringLiteral("Contoso"), QStringLiteral("13335"),
                                              o.peerings[0].name, {}, {}, {}});
        return Result<Onboarding>(o);
    });
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind(), StoreError::Kind::Invalid);
    QVERIFY2(refused.error().message().contains(QStringLiteral("registered-asn.requires-active")),
             qPrintable(refused.error().message()));
    QCOMPARE(store->load(created->onboarding.name)->version, created->version);
}

void TestTrackingChange::serviceSavesNothingWhenNothingChanged()
{
    auto store = freshStore();
    auto created = store->create(sample());
    QVERIFY(created);
    TrackingService service(*store);
    auto same = service.apply(created->onboarding.name, created->version,
                              [](const Onboarding &o) { return Result<Onboarding>(o); });
    QVERIFY(same);
    QCOMPARE(same->version, created->version);
    // A refused change leaves the store as it was, with the reason.
    auto bad = service.apply(created->onboarding.name, created->version, [](const Onboarding &o) {
        return TrackingChange::setUtilization(o, 0, 0, 150, kAt);
    });
    QVERIFY(!bad);
    QVERIFY(bad.error().message().contains(QStringLiteral("0 to 100")));
    QCOMPARE(store->load(created->onboarding.name)->version, created->version);
}

// The store's one transaction guard: an early return (the guard going out of scope) writes
// nothing and leaves nothing open; commit() writes.
void TestTrackingChange::transactionRollsBackUnlessCommitted()
{
    SqlSession s(StoreLocation::sqliteFile(m_dir.filePath(QStringLiteral("guard.sqlite"))),
                 QStringLiteral("guard-test"));
    QVERIFY(s.database().open());
    QVERIFY(s.exec(QStringLiteral("CREATE TABLE t (x INTEGER)"), QStringLiteral("test")));
    const auto count = [&s] {
        auto rows = s.select(QStringLiteral("SELECT COUNT(*) FROM t"), {}, QStringLiteral("test"));
        return rows ? rows->constFirst().at(0).toInt() : -1;
    };
    {
        StoreTransaction t(s, QStringLiteral("test"));
        QVERIFY(t.begun());
        QVERIFY(s.exec(QStringLiteral("INSERT INTO t VALUES (1)"), QStringLiteral("test")));
    } // no commit: rolled back
    QCOMPARE(count(), 0);
    {
        StoreTransaction t(s, QStringLiteral("test")); // begins again: nothing was left open
        QVERIFY(t.begun());
        QVERIFY(s.exec(QStringLiteral("INSERT INTO t VALUES (2)"), QStringLiteral("test")));
        QVERIFY(t.commit());
    }
    QCOMPARE(count(), 1);
    {
        StoreTransaction t(s, QStringLiteral("test"));
        QVERIFY(s.exec(QStringLiteral("INSERT INTO t VALUES (3)"), QStringLiteral("test")));
        t.rollback();
        QCOMPARE(count(), 1);
    }
    QCOMPARE(count(), 1);
}

QTEST_MAIN(TestTrackingChange)
#include "tst_trackingchange.moc"
