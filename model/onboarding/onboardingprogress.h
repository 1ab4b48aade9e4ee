// Where an onboarding stands in the flow of domain.md section 2: the stage in progress (the first
// stage not yet reached) and its milestone. The list view, the command line and the store's
// precomputed list columns all derive it here, so a later state machine has one place to grow.
#pragma once

#include "domain/onboarding.h"

#include <QDate>

#include <optional>

namespace Peering {

class OnboardingProgress
{
public:
    // The stage id reported once every stage of the flow has been reached.
    static constexpr const char *Complete = "complete";

    explicit OnboardingProgress(const Onboarding &onboarding);

    // True when a milestone of this stage has a reached date.
    bool isReached(const QString &stage) const;

    // The first stage of Milestone::stages() that is not reached, or Complete.
    const QString &currentStage() const { return m_currentStage; }
    bool isComplete() const { return m_currentStage == QLatin1String(Complete); }

    // The milestone of the current stage with the earliest valid expected date; nothing when
    // the stage has no planned milestone (or the onboarding is complete).
    const std::optional<Milestone> &nextMilestone() const { return m_next; }
    QDate nextExpected() const { return m_nextExpected; }

    // Days from today to the next milestone's expected date: negative when overdue, nothing
    // when there is no next milestone. today is a parameter so tests and reports can pin it.
    std::optional<qint64> daysLeft(QDate today) const { return daysLeft(m_nextExpected, today); }
    bool isOverdue(QDate today) const;

    // The same arithmetic for values read back from the store's precomputed columns.
    static std::optional<qint64> daysLeft(QDate expected, QDate today);
    // Accepts "2026-11-23" and, leniently, a date-time ("2026-11-23T00:00:00Z").
    static QDate parseDate(const QString &text);

private:
    QStringList m_reached;
    QString m_currentStage;
    std::optional<Milestone> m_next;
    QDate m_nextExpected;
};

} // namespace Peering
