// The default plan: expected dates from a start date across month and year ends, and existing
// milestones left as they are; an onboarding's plan read back from its milestones (start date and
// days per stage), the replan preview, the out-of-order warning and the stored default plan.
#include "tracking/onboardingplan.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Peering;

class TestOnboardingPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void expectedDates_data();
    void expectedDates();
    void keepsExistingMilestones();
    void planStart_data();
    void planStart();
    void currentSteps_data();
    void currentSteps();
    void preview();
    void firstOutOfOrder_data();
    void firstOutOfOrder();
    void savedDefault_data();
    void savedDefault();
    void saveDefault();
};

namespace {

// "stage=2026-11-01" plans a stage; a trailing "!" marks it reached (the next day at 09:00 UTC).
Onboarding planned(const QString &spec)
{
    Onboarding o;
    for (QString part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const bool reached = part.endsWith(QLatin1Char('!'));
        if (reached)
            part.chop(1);
        const QStringList kv = part.split(QLatin1Char('='));
        Milestone m;
        m.stage = kv.at(0);
        m.expected = kv.value(1);
        if (reached) {
            const QDate d = QDate::fromString(m.expected, Qt::ISODate);
            m.reached = QDateTime(d.isValid() ? d.addDays(1) : QDate(2026, 1, 1), QTime(9, 0),
                                  QTimeZone::utc())
                            .toString(Qt::ISODate);
        }
        o.milestones.append(m);
    }
    return o;
}

QList<OnboardingPlan::Step> steps(const QString &text)
{
    QString error;
    const auto parsed = OnboardingPlan::parseSteps(text, &error);
    if (!parsed)
        qFatal("%s", qPrintable(error));
    return *parsed;
}

} // namespace

void TestOnboardingPlan::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("peering-wizard-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_onboardingplan"));
    QSettings().clear();
}

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

void TestOnboardingPlan::planStart_data()
{
    QTest::addColumn<QString>("milestones");
    QTest::addColumn<QString>("plan");
    QTest::addColumn<QDate>("start");

    QTest::newRow("nothing planned") << "" << "" << QDate();
    QTest::newRow("no expected dates") << "requirements=,active=" << "" << QDate();
    QTest::newRow("requirements is day 0") << "requirements=2026-11-01,active=2026-11-22" << ""
                                           << QDate(2026, 11, 1);
    QTest::newRow("a month end") << "requirements=2026-01-31,active=2026-02-21" << ""
                                 << QDate(2026, 1, 31);
    QTest::newRow("reached requirements keeps the start")
        << "requirements=2026-10-30!,asn-association=2026-12-02" << "" << QDate(2026, 10, 30);
    QTest::newRow("only Active: day 21 back") << "active=2026-03-01" << "" << QDate(2026, 2, 8);
    QTest::newRow("only Active in a leap year") << "active=2028-03-01" << "" << QDate(2028, 2, 9);
    QTest::newRow("the plan's own day") << "active=2026-03-01" << "active=28"
                                        << QDate(2026, 2, 1);
    QTest::newRow("requirements at day 2 across February")
        << "requirements=2026-03-02" << "requirements=2" << QDate(2026, 2, 28);
    QTest::newRow("requirements at day 2 across leap February")
        << "requirements=2028-03-02" << "requirements=2" << QDate(2028, 2, 29);
    QTest::newRow("earliest of two milestones")
        << "lag-up=2026-05-20,lag-up=2026-05-13" << "" << QDate(2026, 5, 1);
    QTest::newRow("a date-time is read as its date")
        << "port-configured=2026-12-09T00:00:00Z" << "" << QDate(2026, 12, 1);
}

void TestOnboardingPlan::planStart()
{
    QFETCH(QString, milestones);
    QFETCH(QString, plan);
    QFETCH(QDate, start);
    QCOMPARE(OnboardingPlan::planStart(planned(milestones), steps(plan)), start);
}

void TestOnboardingPlan::currentSteps_data()
{
    QTest::addColumn<QString>("milestones");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QString>("fallback");
    QTest::addColumn<QString>("expected"); // parseSteps text: the defaults but these

    QTest::newRow("nothing planned: the fallback") << "" << QDate(2026, 1, 31) << "active=30"
                                                   << "active=30";
    QTest::newRow("moved Active across a month end")
        << "requirements=2026-01-31,active=2026-03-01" << QDate(2026, 1, 31) << ""
        << "active=29";
    QTest::newRow("across leap February")
        << "lag-up=2028-03-01" << QDate(2028, 2, 28) << "" << "lag-up=2";
    QTest::newRow("across the year end")
        << "prefixes-activated=2027-01-17" << QDate(2026, 12, 20) << "" << "prefixes-activated=28";
    QTest::newRow("before the start counts as day 0")
        << "port-configured=2026-10-20" << QDate(2026, 11, 1) << "" << "port-configured=0";
    QTest::newRow("reached stages count too")
        << "requirements=2026-11-01!,asn-association=2026-11-04!" << QDate(2026, 11, 1) << ""
        << "asn-association=3";
    QTest::newRow("planned stages win over the fallback")
        << "active=2026-11-29" << QDate(2026, 11, 1) << "active=30,bgp-mesh=20"
        << "active=28,bgp-mesh=20";
}

void TestOnboardingPlan::currentSteps()
{
    QFETCH(QString, milestones);
    QFETCH(QDate, start);
    QFETCH(QString, fallback);
    QFETCH(QString, expected);
    const auto got = OnboardingPlan::currentSteps(planned(milestones), start, steps(fallback));
    QCOMPARE(OnboardingPlan::stepsToString(got), OnboardingPlan::stepsToString(steps(expected)));

    // Read back from a plan applied on that start, the plan comes out unchanged.
    Onboarding fresh;
    OnboardingPlan::apply(fresh, start, got);
    QCOMPARE(OnboardingPlan::planStart(fresh, got), start);
    QCOMPARE(OnboardingPlan::currentSteps(fresh, start), got);
}

void TestOnboardingPlan::preview()
{
    Onboarding o;
    OnboardingPlan::apply(o, QDate(2026, 11, 1));
    o.milestones[0].reached = QStringLiteral("2026-11-01T10:00:00Z");
    o.milestones[1].reached = QStringLiteral("2026-11-03T10:00:00Z");
    // A stage reached with no expected date of its own gets one: it is not kept.
    Milestone keys;
    keys.stage = QStringLiteral("keys-delivered");
    keys.reached = QStringLiteral("2026-11-20T10:00:00Z");
    Onboarding noKeysPlan = o;
    noKeysPlan.milestones.removeAt(8);
    noKeysPlan.milestones.append(keys);

    const QList<OnboardingPlan::Step> plan = steps(QStringLiteral("active=28"));
    for (const Onboarding &source : {o, noKeysPlan}) {
        const auto dates = OnboardingPlan::preview(source, QDate(2027, 1, 31), plan);
        QCOMPARE(dates.size(), Milestone::stages().size());
        QCOMPARE(dates[0].stage, QStringLiteral("requirements"));
        QCOMPARE(dates[0].expected, QDate(2026, 11, 1));
        QVERIFY(dates[0].kept);
        QCOMPARE(dates[1].expected, QDate(2026, 11, 2));
        QVERIFY(dates[1].kept);
        QCOMPARE(dates[2].expected, QDate(2027, 2, 1));
        QVERIFY(!dates[2].kept);
        QCOMPARE(dates[6].stage, QStringLiteral("active"));
        QCOMPARE(dates[6].expected, QDate(2027, 2, 28));
        QCOMPARE(dates[8].expected, QDate(2027, 2, 21));
        QVERIFY(!dates[8].kept);
        QCOMPARE(dates[9].expected, QDate(2027, 2, 28));
        // The preview is what replan does, and the onboarding itself is untouched.
        Onboarding replanned = source;
        OnboardingPlan::replan(replanned, QDate(2027, 1, 31), plan);
        for (const auto &d : dates)
            for (const Milestone &m : replanned.milestones)
                if (m.stage == d.stage && !m.expected.isEmpty())
                    QCOMPARE(m.expected, d.expected.toString(Qt::ISODate));
    }
    QCOMPARE(o.milestones[6].expected, QStringLiteral("2026-11-22"));
}

void TestOnboardingPlan::firstOutOfOrder_data()
{
    QTest::addColumn<QString>("plan");
    QTest::addColumn<bool>("reversed"); // the steps given against the flow's order
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("earlier");
    QTest::addColumn<int>("earlierDay");

    QTest::newRow("defaults") << "" << false << "" << "" << 0;
    QTest::newRow("same day is in order") << "lag-up=8,bgp-mesh=8" << false << "" << "" << 0;
    QTest::newRow("LAG before its ports") << "lag-up=5" << false << "lag-up" << "port-configured"
                                          << 8;
    QTest::newRow("in any order of steps") << "lag-up=5" << true << "lag-up" << "port-configured"
                                           << 8;
    QTest::newRow("late requirements") << "requirements=3" << false << "asn-association"
                                       << "requirements" << 3;
    QTest::newRow("names the latest earlier stage")
        << "port-configured=30,prefixes-activated=25" << false << "lag-up" << "port-configured"
        << 30;
    QTest::newRow("prefixes before Active") << "prefixes-activated=20" << false
                                            << "prefixes-activated" << "active" << 21;
}

void TestOnboardingPlan::firstOutOfOrder()
{
    QFETCH(QString, plan);
    QFETCH(bool, reversed);
    QFETCH(QString, stage);
    QFETCH(QString, earlier);
    QFETCH(int, earlierDay);
    QList<OnboardingPlan::Step> s = steps(plan);
    if (reversed)
        std::reverse(s.begin(), s.end());
    const auto problem = OnboardingPlan::firstOutOfOrder(s);
    QCOMPARE(problem.has_value(), !stage.isEmpty());
    if (!problem)
        return;
    QCOMPARE(problem->stage, stage);
    QCOMPARE(problem->earlier, earlier);
    QCOMPARE(problem->earlierDay, earlierDay);
    for (const OnboardingPlan::Step &step : s)
        if (step.stage == stage)
            QCOMPARE(problem->day, step.day);
}

void TestOnboardingPlan::savedDefault_data()
{
    QTest::addColumn<QVariant>("setting"); // invalid: the key is not set
    QTest::addColumn<int>("activeDay");
    QTest::addColumn<QString>("ignoredMentions");

    QTest::newRow("unset") << QVariant() << 21 << "";
    QTest::newRow("four weeks") << QVariant(QStringLiteral("active=28,customer-asns=28")) << 28
                                << "";
    QTest::newRow("empty text: the defaults") << QVariant(QString()) << 21 << "";
    QTest::newRow("unknown stage") << QVariant(QStringLiteral("activ=28")) << 21 << "activ";
    QTest::newRow("negative days") << QVariant(QStringLiteral("active=-3")) << 21 << "active=-3";
    QTest::newRow("garbage") << QVariant(QStringLiteral("three weeks")) << 21 << "three weeks";
}

void TestOnboardingPlan::savedDefault()
{
    QFETCH(QVariant, setting);
    QFETCH(int, activeDay);
    QFETCH(QString, ignoredMentions);
    QSettings settings;
    settings.remove(QLatin1String(OnboardingPlan::SettingsKey));
    if (setting.isValid())
        settings.setValue(QLatin1String(OnboardingPlan::SettingsKey), setting);
    QString ignored = QStringLiteral("left over");
    const auto plan = OnboardingPlan::savedDefault(&ignored);
    QCOMPARE(OnboardingPlan::expectedDate(QStringLiteral("active"), QDate(2026, 1, 31), plan),
             QDate(2026, 1, 31).addDays(activeDay));
    QCOMPARE(plan.size(), Milestone::stages().size());
    if (ignoredMentions.isEmpty())
        QVERIFY2(ignored.isEmpty(), qPrintable(ignored));
    else
        QVERIFY2(ignored.contains(ignoredMentions), qPrintable(ignored));
}

void TestOnboardingPlan::saveDefault()
{
    QSettings settings;
    QList<OnboardingPlan::Step> plan = OnboardingPlan::defaultSteps();
    plan[6].day = 30;
    OnboardingPlan::saveDefault(plan);
    QCOMPARE(settings.value(QLatin1String(OnboardingPlan::SettingsKey)).toString(),
             OnboardingPlan::stepsToString(plan));
    QCOMPARE(OnboardingPlan::savedDefault(), plan);
    // The built-in plan is no setting at all, so new onboardings follow domain.md's defaults.
    OnboardingPlan::saveDefault(OnboardingPlan::defaultSteps());
    QVERIFY(!settings.contains(QLatin1String(OnboardingPlan::SettingsKey)));
    QCOMPARE(OnboardingPlan::savedDefault(), OnboardingPlan::defaultSteps());
}

QTEST_GUILESS_MAIN(TestOnboardingPlan)
#include "tst_onboardingplan.moc"
