#include "onboardingplan.h"

#include "onboardingprogress.h"

#include <QSettings>

#include <algorithm>

namespace Peering {

namespace {

// The earliest expected date among a stage's milestones (what the tracker shows).
QDate earliestExpected(const Onboarding &onboarding, const QString &stage)
{
    QDate earliest;
    for (const Milestone &m : onboarding.milestones) {
        if (m.stage != stage)
            continue;
        const QDate d = OnboardingProgress::parseDate(m.expected);
        if (d.isValid() && (!earliest.isValid() || d < earliest))
            earliest = d;
    }
    return earliest;
}

std::optional<int> dayOf(const QList<OnboardingPlan::Step> &steps, const QString &stage)
{
    for (const OnboardingPlan::Step &s : steps)
        if (s.stage == stage)
            return s.day;
    return std::nullopt;
}

} // namespace

const QList<OnboardingPlan::Step> &OnboardingPlan::defaultSteps()
{
    static const QList<Step> steps{
        {QStringLiteral("requirements"), 0},   {QStringLiteral("asn-association"), 1},
        {QStringLiteral("peering-created"), 1}, {QStringLiteral("port-configured"), 8},
        {QStringLiteral("lag-up"), 12},         {QStringLiteral("bgp-mesh"), 18},
        {QStringLiteral("active"), 21},         {QStringLiteral("customer-asns"), 21},
        {QStringLiteral("keys-delivered"), 21}, {QStringLiteral("prefixes-activated"), 28},
    };
    return steps;
}

void OnboardingPlan::apply(Onboarding &onboarding, QDate start, const QList<Step> &steps)
{
    for (const Step &step : steps) {
        bool planned = false;
        for (const Milestone &m : onboarding.milestones)
            planned = planned || (m.stage == step.stage && !m.expected.isEmpty());
        if (planned)
            continue;
        Milestone m;
        m.stage = step.stage;
        m.expected = start.addDays(step.day).toString(Qt::ISODate);
        m.source = QStringLiteral("manual");
        onboarding.milestones.append(m);
    }
}

void OnboardingPlan::replan(Onboarding &onboarding, QDate start, const QList<Step> &steps)
{
    for (const Step &step : steps)
        for (Milestone &m : onboarding.milestones)
            if (m.stage == step.stage && m.reached.trimmed().isEmpty())
                m.expected = start.addDays(step.day).toString(Qt::ISODate);
    apply(onboarding, start, steps);
}

QString OnboardingPlan::stepsToString(const QList<Step> &steps)
{
    QStringList parts;
    for (const Step &s : steps)
        parts.append(QStringLiteral("%1=%2").arg(s.stage).arg(s.day));
    return parts.join(QLatin1Char(','));
}

std::optional<QList<OnboardingPlan::Step>> OnboardingPlan::parseSteps(const QString &text,
                                                                      QString *error)
{
    QList<Step> steps = defaultSteps();
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList kv = part.split(QLatin1Char('='));
        bool ok = false;
        const int day = kv.size() == 2 ? kv.at(1).trimmed().toInt(&ok) : 0;
        if (!ok || day < 0)
            return fail(tr("\"%1\" is not stage=days (a stage id, \"=\", and a whole number of "
                           "days, 0 or more)")
                            .arg(part.trimmed()));
        const QString stage = kv.at(0).trimmed();
        bool known = false;
        for (Step &s : steps) {
            if (s.stage == stage) {
                s.day = day;
                known = true;
            }
        }
        if (!known)
            return fail(tr("\"%1\" is not a stage (the stages are %2)")
                            .arg(stage, Milestone::stages().join(QLatin1String(", "))));
    }
    return steps;
}

QDate OnboardingPlan::expectedDate(const QString &stage, QDate start, const QList<Step> &steps)
{
    for (const Step &s : steps)
        if (s.stage == stage)
            return start.addDays(s.day);
    return {};
}

QList<OnboardingPlan::Step> OnboardingPlan::savedDefault(QString *ignored)
{
    if (ignored)
        ignored->clear();
    const QSettings settings;
    const QString key = QLatin1String(SettingsKey);
    if (!settings.contains(key))
        return defaultSteps();
    QString error;
    const auto steps = parseSteps(settings.value(key).toString(), &error);
    if (!steps) {
        if (ignored)
            *ignored = error;
        return defaultSteps();
    }
    return *steps;
}

void OnboardingPlan::saveDefault(const QList<Step> &steps)
{
    QSettings settings;
    if (steps == defaultSteps())
        settings.remove(QLatin1String(SettingsKey));
    else
        settings.setValue(QLatin1String(SettingsKey), stepsToString(steps));
}

QDate OnboardingPlan::planStart(const Onboarding &onboarding, const QList<Step> &steps)
{
    for (const QString &stage : Milestone::stages()) {
        const QDate expected = earliestExpected(onboarding, stage);
        if (!expected.isValid())
            continue;
        const auto day = dayOf(steps, stage);
        return expected.addDays(-qint64(day ? *day : dayOf(defaultSteps(), stage).value_or(0)));
    }
    return {};
}

QList<OnboardingPlan::Step> OnboardingPlan::currentSteps(const Onboarding &onboarding, QDate start,
                                                         const QList<Step> &fallback)
{
    QList<Step> steps = defaultSteps();
    for (Step &s : steps) {
        if (const auto day = dayOf(fallback, s.stage))
            s.day = *day;
        const QDate expected = earliestExpected(onboarding, s.stage);
        if (expected.isValid() && start.isValid())
            s.day = int(std::max<qint64>(0, start.daysTo(expected)));
    }
    return steps;
}

QList<OnboardingPlan::PlannedDate> OnboardingPlan::preview(const Onboarding &onboarding,
                                                           QDate start, const QList<Step> &steps)
{
    Onboarding planned = onboarding;
    replan(planned, start, steps);
    QList<PlannedDate> dates;
    for (const QString &stage : Milestone::stages()) {
        PlannedDate d;
        d.stage = stage;
        d.expected = earliestExpected(planned, stage);
        for (const Milestone &m : onboarding.milestones)
            d.kept = d.kept
                || (m.stage == stage && !m.reached.trimmed().isEmpty()
                    && OnboardingProgress::parseDate(m.expected).isValid());
        dates.append(d);
    }
    return dates;
}

std::optional<OnboardingPlan::OrderProblem> OnboardingPlan::firstOutOfOrder(const QList<Step> &steps)
{
    QList<Step> ordered = steps;
    const QStringList &flow = Milestone::stages();
    std::stable_sort(ordered.begin(), ordered.end(), [&flow](const Step &a, const Step &b) {
        return flow.indexOf(a.stage) < flow.indexOf(b.stage);
    });
    const Step *latest = nullptr;
    for (const Step &s : ordered) {
        if (latest && s.day < latest->day)
            return OrderProblem{s.stage, s.day, latest->stage, latest->day};
        if (!latest || s.day > latest->day)
            latest = &s;
    }
    return std::nullopt;
}

} // namespace Peering
