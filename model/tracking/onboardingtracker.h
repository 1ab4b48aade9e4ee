// The onboarding flow of domain.md section 2 as a state machine over evidence. Nothing here is
// stored: every stage's status is derived from the document (reached milestones, imported mail,
// connection states and their history, registered customer ASNs and key deliveries), so the
// current stage can never disagree with the evidence. OnboardingProgress (the list, the command
// line, the exports and the store's precomputed list columns) takes its stage from here too.
// "Today" and the time zone are parameters: the model never reads a clock.
//
// Rules (docs/tracking.md says the same for users):
// 1. Direct evidence: a milestone with a reached date (source manual, mail or state; the mail
//    importer records a classified mail as a milestone, the mail log is shown only), connection
//    states (any connection ProvisioningStarted or later:
//    peering-created; every connection Active: active), customer ASNs registered with a prefix
//    key (customer-asns), every key delivered (keys-delivered).
// 2. Out of order: evidence for a later stage implies every earlier stage without its own
//    evidence; those are "implied" (done, shown differently).
// 3. Going back: while any connection is ProvisioningFailed, evidence for port-configured and
//    every later stage is superseded (kept and shown, not counted) and port-configured is the
//    current stage with status Regressed.
// 4. The current stage is the first stage that is neither done nor implied.
// 5. Direct evidence beats implication: while a connection is not Active, active is not implied
//    by later evidence (a customer ASN registered), and while a connection is still provisioning
//    (ProvisioningStarted, ProvisioningCompleted, Validating) no connection stage it has not
//    reached is implied; the contradiction is shown as evidence that does not count. The peer ASN
//    association in state Approved is evidence for asn-association.
// 6. Per connection: the stages that need every connection (port-configured, lag-up, bgp-mesh,
//    active) are read from each connection's state (ProvisioningCompleted: ports configured;
//    Validating: LAG up and BGP sessions established, under validation; Active, or a type change
//    of an Active connection: active). A stage every connection has reached is done by that
//    evidence; short of that the count ("1 of 2 connections") is shown and does not count.
#pragma once

#include "domain/onboarding.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace Peering {

class OnboardingTracker
{
    Q_DECLARE_TR_FUNCTIONS(Peering::OnboardingTracker)
public:
    enum class Status { Done, Implied, Current, Regressed, Waiting };

    struct Evidence
    {
        QString kind; // manual, mail, state, registered-asn, key-delivered
        QDateTime at; // UTC; invalid when the evidence has no time
        QString text; // one line for people
        bool superseded = false; // kept for the record, no longer counted (rule 3)
        bool logOnly = false; // an imported mail of the log: shown, never counted
    };

    struct Stage
    {
        QString id;
        Status status = Status::Waiting;
        QList<Evidence> evidence;
        QDate expected; // earliest planned date of the stage, invalid when unplanned
        QDateTime reached; // earliest counted evidence time, UTC
    };

    explicit OnboardingTracker(const Onboarding &onboarding);

    const QList<Stage> &stages() const { return m_stages; }
    const Stage *stage(const QString &id) const;
    // The current stage id, or OnboardingProgress::Complete when every stage is done.
    const QString &currentStage() const { return m_current; }
    bool isRegressed() const { return m_regressed; }
    bool isDone(const QString &id) const;

    // The stages the flow allows from a stage: the next one, and the way back where the flow
    // has one (provisioning can fail after the peering is created).
    static QStringList transitions(const QString &id);
    // A stage's name as a milestone, for what has happened or is planned: "Peering created".
    static QString title(const QString &id);
    // The same stage while it is the one in progress, for the list's Stage column, so that the
    // stage being waited for never reads as done: "Creating the peering".
    static QString inProgressTitle(const QString &id);
    static QString statusName(Status status);

    // The calendar date of a UTC time in a zone: a mail at 2026-11-23T23:30Z is Nov 24 in Berlin.
    static QDate dateIn(const QDateTime &utc, const QTimeZone &zone);
    // Reached date (in zone) minus expected date: positive late, negative early, nothing when
    // not reached or not planned.
    std::optional<qint64> daysLate(const QString &id, const QTimeZone &zone) const;
    // Not done, planned, and today is past the expected date.
    bool isOverdue(const QString &id, QDate today) const;
    QStringList overdueStages(QDate today) const;

    // Rule 6: where each connection stands.
    struct ConnectionProgress
    {
        qsizetype peering = 0, connection = 0;
        QString state;
        // The connection's own stage: the first connection stage it has not reached, "complete"
        // once Active, or peering-created while it is not provisioning yet.
        QString stage;
        bool failed = false; // ProvisioningFailed: back to port-configured
        bool blocked = false; // ExternalBlocker: held up outside Microsoft
    };
    const QList<ConnectionProgress> &connections() const { return m_connections; }
    // The stages counted per connection, in flow order.
    static const QStringList &connectionStages();
    // How many connections have reached a connection stage, of how many; nothing for the other
    // stages and for an onboarding without connections.
    struct Count
    {
        int reached = 0, of = 0;
    };
    std::optional<Count> connectionCount(const QString &stage) const;
    // One line for people about a connection's own progress: "Configuring ports (ProvisioningStarted)".
    static QString connectionStatus(const ConnectionProgress &progress);

    // SLA: the first connection at 40% utilization or more starts the LAG augmentation.
    static constexpr int LagAugmentationThreshold = 40;
    struct LagAugmentation
    {
        bool needed = false;
        QString connectionId;
        qint64 utilizationPercent = 0;
        QDate start, earliestEnd, latestEnd; // start + 45 and + 60 days
    };
    // today: the start when the measurement has no date.
    LagAugmentation lagAugmentation(QDate today) const;

private:
    void collect(const Onboarding &onboarding);
    void derive(const Onboarding &onboarding);

    QList<Stage> m_stages;
    QString m_current;
    bool m_regressed = false;
    QList<ConnectionProgress> m_connections;
    LagAugmentation m_lag;
    QString m_lagMeasured;
};

} // namespace Peering
