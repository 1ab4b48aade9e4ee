#include "trackingchange.h"

#include "domain/milestone.h"
#include "domain/textchecks.h"
#include "tracking/onboardingtracker.h"

namespace Peering {

namespace {

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

bool hasConnection(const Onboarding &o, int peering, int connection)
{
    return peering >= 0 && peering < o.peerings.size() && connection >= 0
           && connection < o.peerings.at(peering).connections.size();
}

Result<Onboarding> unknownStage(const QString &stage)
{
    return Result<Onboarding>::failure(
        TrackingChange::tr("\"%1\" is not a stage of the onboarding; use one of %2")
            .arg(stage, Milestone::stages().join(QStringLiteral(", "))));
}

// A state the user entered is evidence; recording it as a milestone with source "state" (what
// that source is for) lets the list columns, which read milestones, follow it.
void recordStateMilestones(Onboarding &o, const QDateTime &fallback)
{
    const OnboardingTracker tracker(o);
    QStringList stages {QStringLiteral("peering-created")};
    stages += OnboardingTracker::connectionStages();
    for (const QString &stage : std::as_const(stages)) {
        const OnboardingTracker::Stage *s = tracker.stage(stage);
        QString evidence;
        QDateTime at;
        for (const auto &e : s->evidence) {
            if (e.kind == QLatin1String("state") && !e.superseded && !e.logOnly) {
                evidence = e.text;
                at = e.at; // from the state history: when it really happened
            }
        }
        if (evidence.isEmpty())
            continue;
        Milestone *target = nullptr;
        bool reached = false;
        for (Milestone &m : o.milestones) {
            if (m.stage != stage)
                continue;
            reached = reached || !m.reached.trimmed().isEmpty();
            if (!target)
                target = &m;
        }
        if (reached)
            continue;
        if (!target) {
            o.milestones.append(Milestone{});
            target = &o.milestones.last();
            target->stage = stage;
        }
        target->reached = isoUtc(at.isValid() ? at : fallback);
        target->source = QStringLiteral("state");
        target->note = evidence;
    }
}

} // namespace

Result<Onboarding> TrackingChange::markReached(const Onboarding &in, const QString &stage,
                                               const QDateTime &reached, const QString &note)
{
    if (!Milestone::stages().contains(stage))
        return unknownStage(stage);
    if (!reached.isValid())
        return Result<Onboarding>::failure(tr("Enter the date %1 was reached.")
                                               .arg(OnboardingTracker::title(stage)));
    Onboarding o = in;
    bool found = false;
    for (Milestone &m : o.milestones) {
        if (m.stage == stage && !found) {
            m.reached = isoUtc(reached);
            m.source = QStringLiteral("manual");
            m.note = note;
            found = true;
        }
    }
    if (!found) {
        Milestone m;
        m.stage = stage;
        m.reached = isoUtc(reached);
        m.note = note;
        o.milestones.append(m);
    }
    return o;
}

Result<Onboarding> TrackingChange::recordDeployment(const Onboarding &in, const QDateTime &at,
                                                    const QString &note)
{
    const QString stage = QStringLiteral("peering-created");
    if (in.peerings.isEmpty())
        return Result<Onboarding>::failure(
            tr("The onboarding has no peering, so there is no deployment to record; add the "
               "peering in the wizard first."));
    if (in.peerAsn.validationState != QLatin1String("Approved"))
        return Result<Onboarding>::failure(
            tr("The peer ASN's validation state is %1, not Approved: Azure deploys a peering only "
               "for an Approved peer ASN. Record the approval (Peer ASN page) first.")
                .arg(in.peerAsn.validationState.isEmpty() ? tr("empty")
                                                          : in.peerAsn.validationState));
    if (!at.isValid())
        return Result<Onboarding>::failure(tr("Enter the date the deployment succeeded."));
    for (const Milestone &m : in.milestones)
        if (m.stage == stage && !m.reached.trimmed().isEmpty())
            return Result<Onboarding>::failure(
                tr("The deployment was recorded already (%1 reached %2); change that milestone "
                   "instead.")
                    .arg(OnboardingTracker::title(stage), m.reached));
    const QString what = tr("Portal deployment succeeded");
    return markReached(in, stage, at,
                       note.trimmed().isEmpty() ? what
                                                : tr("%1: %2").arg(what, note.trimmed()));
}

Result<Onboarding> TrackingChange::setExpected(const Onboarding &in, const QString &stage,
                                               QDate date)
{
    if (!Milestone::stages().contains(stage))
        return unknownStage(stage);
    Onboarding o = in;
    const QString text = date.isValid() ? date.toString(Qt::ISODate) : QString();
    bool found = false;
    for (Milestone &m : o.milestones)
        if (m.stage == stage) {
            m.expected = text;
            found = true;
        }
    if (!found && date.isValid()) {
        Milestone m;
        m.stage = stage;
        m.expected = text;
        o.milestones.append(m);
    }
    return o;
}

Result<Onboarding> TrackingChange::replan(const Onboarding &in, QDate start,
                                          const QList<OnboardingPlan::Step> &steps)
{
    if (!start.isValid())
        return Result<Onboarding>::failure(tr("Enter a valid start date to replan."));
    for (const OnboardingPlan::Step &s : steps) {
        if (!Milestone::stages().contains(s.stage))
            return Result<Onboarding>::failure(
                tr("\"%1\" is not a stage; the plan was not changed.").arg(s.stage));
        if (s.day < 0)
            return Result<Onboarding>::failure(
                tr("%1: the days after the start must be 0 or more; the plan was not changed.")
                    .arg(OnboardingTracker::title(s.stage)));
    }
    Onboarding o = in;
    OnboardingPlan::replan(o, start, steps);
    return o;
}

Result<Onboarding> TrackingChange::applyPlan(const Onboarding &in, QDate start,
                                             const QList<OnboardingPlan::Step> &steps)
{
    if (!start.isValid())
        return Result<Onboarding>::failure(tr("Enter a valid start date for the plan."));
    Onboarding o = in;
    OnboardingPlan::apply(o, start, steps);
    return o;
}

Result<Onboarding> TrackingChange::attachMail(const Onboarding &in, const MailRecord &mail)
{
    if (mail.messageId.trimmed().isEmpty())
        return Result<Onboarding>::failure(
            tr("The mail \"%1\" has no Message-ID; it cannot be told apart from others")
                .arg(mail.subject));
    if (!mail.stage.isEmpty() && !Milestone::stages().contains(mail.stage))
        return unknownStage(mail.stage);
    const QDateTime at = QDateTime::fromString(mail.date, Qt::ISODate);
    if (!mail.stage.isEmpty() && !at.isValid())
        return Result<Onboarding>::failure(
            tr("The mail \"%1\" has no valid date; a milestone needs the time it was reached")
                .arg(mail.subject));
    Onboarding o = in;
    for (const MailRecord &m : o.mail)
        if (m.messageId == mail.messageId)
            return o; // imported before: nothing new
    o.mail.append(mail);
    if (mail.stage.isEmpty())
        return o; // unclassified: in the log, to be assigned by hand
    recordMailMilestone(o, mail, at);
    return o;
}

Result<Onboarding> TrackingChange::assignMail(const Onboarding &in, const QString &messageId,
                                              const QString &stage)
{
    if (!stage.isEmpty() && !Milestone::stages().contains(stage))
        return unknownStage(stage);
    Onboarding o = in;
    MailRecord *record = nullptr;
    for (MailRecord &m : o.mail)
        if (m.messageId == messageId)
            record = &m;
    if (!record)
        return Result<Onboarding>::failure(tr("Select a mail of this onboarding first."));
    const QDateTime at = QDateTime::fromString(record->date, Qt::ISODate);
    if (!stage.isEmpty() && !at.isValid())
        return Result<Onboarding>::failure(
            tr("The mail \"%1\" has no valid date, so it cannot say when %2 was reached; mark "
               "the stage reached with its date instead.")
                .arg(record->subject, OnboardingTracker::title(stage)));
    record->stage = stage;
    if (!stage.isEmpty())
        recordMailMilestone(o, *record, at);
    return o;
}

Result<Onboarding> TrackingChange::setSessionAddresses(const Onboarding &in, int peering,
                                                       int connection, const SessionAddresses &a)
{
    if (!hasConnection(in, peering, connection))
        return Result<Onboarding>::failure(tr("Select a connection first."));
    if (a.isEmpty())
        return Result<Onboarding>::failure(tr("There are no session addresses to apply."));
    Onboarding o = in;
    BgpSession &b = o.peerings[peering].connections[connection].bgp;
    const auto set = [](QString &field, const QString &value) {
        if (!value.trimmed().isEmpty())
            field = value.trimmed();
    };
    set(b.sessionPrefixV4, a.sessionPrefixV4);
    set(b.peerIPv4, a.peerIPv4);
    set(b.microsoftIPv4, a.microsoftIPv4);
    set(b.sessionPrefixV6, a.sessionPrefixV6);
    set(b.peerIPv6, a.peerIPv6);
    set(b.microsoftIPv6, a.microsoftIPv6);
    return o;
}

void TrackingChange::recordMailMilestone(Onboarding &o, const MailRecord &mail, const QDateTime &at)
{
    for (Milestone &m : o.milestones) {
        if (m.stage != mail.stage || m.reached.trimmed().isEmpty())
            continue;
        // Reached already: an earlier date stays, a later one gives way to the mail's.
        const auto reached = TextChecks::parseIsoDateTime(m.reached.trimmed());
        if (!reached || *reached <= at)
            return; // the mail stays as evidence in the log
        m.reached = isoUtc(at);
        m.source = QStringLiteral("mail");
        m.note = mail.subject;
        return;
    }
    Milestone *target = nullptr;
    for (Milestone &m : o.milestones)
        if (m.stage == mail.stage && !target)
            target = &m;
    if (!target) {
        o.milestones.append(Milestone{});
        target = &o.milestones.last();
        target->stage = mail.stage;
    }
    target->reached = isoUtc(at);
    target->source = QStringLiteral("mail");
    target->note = mail.subject;
}

std::optional<std::pair<int, int>> TrackingChange::connectionAt(const Onboarding &o, int row)
{
    if (row < 0)
        return std::nullopt;
    for (int p = 0; p < o.peerings.size(); ++p) {
        if (row < o.peerings.at(p).connections.size())
            return std::make_pair(p, row);
        row -= int(o.peerings.at(p).connections.size());
    }
    return std::nullopt;
}

Result<Onboarding> TrackingChange::setConnectionState(const Onboarding &in, int peering,
                                                      int connection, const QString &state,
                                                      const QDateTime &at)
{
    if (!hasConnection(in, peering, connection))
        return Result<Onboarding>::failure(tr("Select a connection first."));
    if (!Connection::states().contains(state))
        return Result<Onboarding>::failure(
            tr("\"%1\" is not a connection state; use one of %2")
                .arg(state, Connection::states().join(QStringLiteral(", "))));
    Onboarding o = in;
    Connection &c = o.peerings[peering].connections[connection];
    if (c.state != state || c.stateHistory.isEmpty()) {
        c.state = state;
        c.stateHistory.append(StateChange{state, isoUtc(at), QStringLiteral("manual"), {}});
    }
    recordStateMilestones(o, at);
    return o;
}

Result<Onboarding> TrackingChange::setUtilization(const Onboarding &in, int peering,
                                                  int connection, int percent,
                                                  const QDateTime &at)
{
    if (!hasConnection(in, peering, connection))
        return Result<Onboarding>::failure(tr("Select a connection first."));
    if (percent < 0 || percent > 100)
        return Result<Onboarding>::failure(
            tr("Utilization %1% is not a percentage; enter 0 to 100.").arg(percent));
    Onboarding o = in;
    Connection &c = o.peerings[peering].connections[connection];
    if (c.utilizationPercent != percent) {
        c.utilizationPercent = percent;
        c.utilizationMeasuredAt = isoUtc(at);
    }
    return o;
}

Result<Onboarding> TrackingChange::editCustomerAsn(const Onboarding &in, int customer,
                                                   const RegisteredAsn &edited)
{
    if (customer < 0 || customer >= in.registeredAsns.size())
        return Result<Onboarding>::failure(tr("Select a customer ASN first."));
    if (edited.name.trimmed().isEmpty())
        return Result<Onboarding>::failure(tr("Enter the customer's name."));
    Onboarding o = in;
    RegisteredAsn &r = o.registeredAsns[customer];
    const bool sameKey = r.prefixKey == edited.prefixKey.trimmed();
    r.name = edited.name.trimmed();
    r.asn = edited.asn.trimmed();
    r.peering = edited.peering;
    r.prefixKey = edited.prefixKey.trimmed();
    // A new key has not been handed over yet.
    if (!sameKey)
        r.keyDeliveredAt.clear();
    return o;
}

Result<Onboarding> TrackingChange::removeCustomerAsn(const Onboarding &in, int customer)
{
    if (customer < 0 || customer >= in.registeredAsns.size())
        return Result<Onboarding>::failure(tr("Select a customer ASN first."));
    Onboarding o = in;
    o.registeredAsns.removeAt(customer);
    return o;
}

Result<Onboarding> TrackingChange::recordKeyDelivery(const Onboarding &in, int customer,
                                                     const QDateTime &at)
{
    if (customer < 0 || customer >= in.registeredAsns.size())
        return Result<Onboarding>::failure(tr("Select a customer ASN first."));
    if (in.registeredAsns.at(customer).prefixKey.trimmed().isEmpty())
        return Result<Onboarding>::failure(
            tr("%1 has no prefix key yet: register it in the portal, enter the key, then hand "
               "it over.")
                .arg(in.registeredAsns.at(customer).name));
    if (!at.isValid())
        return Result<Onboarding>::failure(tr("Enter the date the key was delivered."));
    Onboarding o = in;
    o.registeredAsns[customer].keyDeliveredAt = isoUtc(at);
    return o;
}

} // namespace Peering
