#include "onboardingprogress.h"

#include <QDateTime>

namespace Peering {

OnboardingProgress::OnboardingProgress(const Onboarding &onboarding)
{
    // Reached milestones only: this is what the store's precomputed list columns hold. The
    // tracker (OnboardingTracker) also reads connection states and customer ASNs; see
    // docs/tracking.md for when the two differ.
    for (const Milestone &m : onboarding.milestones)
        if (!m.reached.trimmed().isEmpty() && !m_reached.contains(m.stage))
            m_reached.append(m.stage);

    m_currentStage = QLatin1String(Complete);
    for (const QString &stage : Milestone::stages()) {
        if (!m_reached.contains(stage)) {
            m_currentStage = stage;
            break;
        }
    }
    if (isComplete())
        return;
    // Several milestones may plan the same stage (a re-planned date): the earliest one is the
    // one that can be missed first.
    for (const Milestone &m : onboarding.milestones) {
        if (m.stage != m_currentStage)
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
    return m_reached.contains(stage);
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
