// OnboardingProgress: the stage in progress, its next milestone and days left, with "today"
// pinned so the answers do not depend on the calendar.
#include "onboarding/onboardingprogress.h"

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
    void earliestPlanWins();
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
    QTest::newRow("a gap is the stage in progress")
        << QList<Milestone> {ms("requirements", "2026-03-01", "2026-03-01T10:00:00Z"),
                             ms("peering-created", "2026-03-03", "2026-03-03T10:00:00Z"),
                             ms("active", "2026-03-22")}
        << "asn-association" << QDate();
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

void TestOnboardingProgress::earliestPlanWins()
{
    Onboarding o;
    o.milestones = {ms("requirements", "2026-03-09"), ms("requirements", "2026-03-02"),
                    ms("requirements", "2026-03-05")};
    const OnboardingProgress p(o);
    QCOMPARE(p.nextExpected(), QDate(2026, 3, 2));
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
