#include "onboardingplan.h"

namespace Peering {

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
            return fail(QStringLiteral("\"%1\" is not stage=days").arg(part.trimmed()));
        const QString stage = kv.at(0).trimmed();
        bool known = false;
        for (Step &s : steps) {
            if (s.stage == stage) {
                s.day = day;
                known = true;
            }
        }
        if (!known)
            return fail(QStringLiteral("\"%1\" is not a stage").arg(stage));
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

} // namespace Peering
