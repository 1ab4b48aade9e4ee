// The default plan: expected dates from a start date across month and year ends, and existing
// milestones left as they are.
#include "onboarding/onboardingplan.h"

#include <QTest>

using namespace Peering;

class TestOnboardingPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expectedDates_data();
    void expectedDates();
    void keepsExistingMilestones();
};

void TestOnboardingPlan::expectedDates_data()
{
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same day") << QDate(2026, 11, 2) << "requirements" << "2026-11-02";
    QTest::newRow("three weeks") << QDate(2026, 11, 2) << "active" << "2026-11-23";
    QTest::newRow("across a month end") << QDate(2026, 1, 31) << "active" << "2026-02-21";
    QTest::newRow("across February of a leap year") << QDate(2028, 2, 20) << "lag-up" << "2028-03-03";
    QTest::newRow("across the year end") << QDate(2026, 12, 20) << "active" << "2027-01-10";
    QTest::newRow("prefixes four weeks") << QDate(2026, 12, 20) << "prefixes-activated" << "2027-01-17";
}

void TestOnboardingPlan::expectedDates()
{
    QFETCH(QDate, start);
    QFETCH(QString, stage);
    QFETCH(QString, expected);
    Onboarding o;
    OnboardingPlan::apply(o, start);
    QCOMPARE(o.milestones.size(), OnboardingPlan::defaultSteps().size());
    QStringList stages;
    for (const Milestone &m : o.milestones) {
        stages.append(m.stage);
        if (m.stage == stage)
            QCOMPARE(m.expected, expected);
        QVERIFY(m.reached.isEmpty());
    }
    QCOMPARE(stages, Milestone::stages()); // in flowchart order
}

void TestOnboardingPlan::keepsExistingMilestones()
{
    Onboarding o;
    Milestone done;
    done.stage = QStringLiteral("requirements");
    done.expected = QStringLiteral("2026-10-01");
    done.reached = QStringLiteral("2026-10-02T09:00:00Z");
    o.milestones.append(done);
    OnboardingPlan::apply(o, QDate(2026, 11, 2));
    QCOMPARE(o.milestones.size(), 10);
    QCOMPARE(o.milestones.front(), done);
    // Applying again adds nothing.
    OnboardingPlan::apply(o, QDate(2026, 12, 1));
    QCOMPARE(o.milestones.size(), 10);
}

QTEST_GUILESS_MAIN(TestOnboardingPlan)
#include "tst_onboardingplan.moc"
