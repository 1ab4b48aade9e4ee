#include "onboardingprogress.h"

#include "onboardingtracker.h"

#include <QDateTime>

namespace Peering {

OnboardingProgress::OnboardingProgress(const Onboarding &onboarding)
{
    const OnboardingTracker tracker(onboarding);
    for (const OnboardingTracker::Stage &s : tracker.stages())
        if (tracker.isDone(s.id))
            m_done.append(s.id);
    m_currentStage = tracker.currentStage();
    if (isComplete())
        return;
    // The next milestone is the one that can be missed first: of every stage not done (the
    // current one and those after it, a stage planned twice too), the earliest expected date.
    // Once that date has passed it is the most overdue stage, so the list says overdue whenever
    // the tracker does, also while the current stage itself has no planned date.
    for (const Milestone &m : onboarding.milestones) {
        if (m_done.contains(m.stage) || !Milestone::stages().contains(m.stage))
            continue;
        const QDate expected = parseDate(m.expected);
        if (!expected.isValid())
            continue;
        if (!m_nextExpected.isValid() || expected < m_nextExpected) {
            m_nextExpected = expected;
            m_next = m;
        }
    }
}

bool OnboardingProgress::isReached(const QString &stage) const
{
    return m_done.contains(stage);
}

bool OnboardingProgress::isOverdue(QDate today) const
{
    const auto days = daysLeft(today);
    return days && *days < 0;
}

std::optional<qint64> OnboardingProgress::daysLeft(QDate expected, QDate today)
{
    if (!expected.isValid() || !today.isValid())
        return std::nullopt;
    return today.daysTo(expected);
}

QDate OnboardingProgress::parseDate(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    QDate d = QDate::fromString(t, Qt::ISODate);
    if (d.isValid())
        return d;
    const QDateTime dt = QDateTime::fromString(t, Qt::ISODate);
    return dt.isValid() ? dt.date() : QDate();
}

} // namespace Peering
