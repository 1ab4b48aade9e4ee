// Where an onboarding stands in the flow of domain.md section 2, in the few values the list shows:
// the current stage as OnboardingTracker derives it from all the evidence (milestones, connection
// states, customer ASNs and key deliveries, implied and going-back rules), and that stage's next
// planned milestone. The list view, the command line, the exports and the store's precomputed
// list columns all read it here, so the list and the tracker can never disagree.
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

    // True when the tracker counts the stage as done, by its own evidence or implied by a later
    // stage's (OnboardingTracker::isDone).
    bool isReached(const QString &stage) const;

    // OnboardingTracker::currentStage(): the first stage neither done nor implied, port-configured
    // while a connection is ProvisioningFailed, or Complete.
    const QString &currentStage() const { return m_currentStage; }
    bool isComplete() const { return m_currentStage == QLatin1String(Complete); }

    // Of the stages not done, the planned milestone with the earliest expected date: the most
    // overdue stage once that date has passed, else the next one due; nothing when no stage
    // left is planned (or the onboarding is complete).
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
    QStringList m_done;
    QString m_currentStage;
    std::optional<Milestone> m_next;
    QDate m_nextExpected;
};

} // namespace Peering
