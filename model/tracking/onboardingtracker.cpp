#include "onboardingtracker.h"

#include "onboardingprogress.h"

#include "domain/textchecks.h"
#include "validation/fieldlabel.h"

namespace Peering {

namespace {

QDateTime parseTime(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    if (auto dt = TextChecks::parseIsoDateTime(t))
        return dt->toUTC();
    const QDate d = QDate::fromString(t, Qt::ISODate);
    return d.isValid() ? QDateTime(d, QTime(0, 0), QTimeZone::utc()) : QDateTime();
}

const QStringList &provisioningStates()
{
    // States that say the deployment succeeded and provisioning began (our reading).
    static const QStringList s {QStringLiteral("ProvisioningStarted"),
                                QStringLiteral("ProvisioningCompleted"),
                                QStringLiteral("Validating"), QStringLiteral("Active")};
    return s;
}

// Rule 6: how many connection stages (OnboardingTracker::connectionStages) a state shows reached
// (our reading of Azure's connectionState); -1 while the connection is not provisioning yet.
int connectionLevel(const QString &state)
{
    if (state == QLatin1String("ProvisioningStarted")
        || state == QLatin1String("ProvisioningFailed"))
        return 0;
    if (state == QLatin1String("ProvisioningCompleted"))
        return 1;
    if (state == QLatin1String("Validating"))
        return 3;
    if (state == QLatin1String("Active") || state == QLatin1String("TypeChangeRequested")
        || state == QLatin1String("TypeChangeInProgress"))
        return 4;
    return -1;
}

} // namespace

const QStringList &OnboardingTracker::connectionStages()
{
    static const QStringList s {QStringLiteral("port-configured"), QStringLiteral("lag-up"),
                                QStringLiteral("bgp-mesh"), QStringLiteral("active")};
    return s;
}

std::optional<OnboardingTracker::Count> OnboardingTracker::connectionCount(const QString &stage) const
{
    const qsizetype k = connectionStages().indexOf(stage);
    if (k < 0 || m_connections.isEmpty())
        return std::nullopt;
    Count count;
    count.of = int(m_connections.size());
    for (const ConnectionProgress &c : m_connections)
        if (!c.failed && connectionLevel(c.state) > k)
            ++count.reached;
    return count;
}

QString OnboardingTracker::connectionStatus(const ConnectionProgress &c)
{
    if (c.failed)
        return tr("Provisioning failed: the ports must be configured again (%1)").arg(c.state);
    if (c.blocked)
        return tr("Held up outside Microsoft (%1)").arg(c.state);
    if (c.stage == QLatin1String(OnboardingProgress::Complete))
        return tr("Active (%1)").arg(c.state);
    if (c.stage == QLatin1String("peering-created"))
        return tr("Waiting for the deployment (%1)").arg(c.state);
    return tr("%1 (%2)").arg(inProgressTitle(c.stage), c.state);
}

OnboardingTracker::OnboardingTracker(const Onboarding &onboarding)
{
    for (const QString &id : Milestone::stages())
        m_stages.append(Stage {id, Status::Waiting, {}, {}, {}});
    collect(onboarding);
    derive(onboarding);
}

const OnboardingTracker::Stage *OnboardingTracker::stage(const QString &id) const
{
    for (const Stage &s : m_stages)
        if (s.id == id)
            return &s;
    return nullptr;
}

bool OnboardingTracker::isDone(const QString &id) const
{
    const Stage *s = stage(id);
    return s && (s->status == Status::Done || s->status == Status::Implied);
}

void OnboardingTracker::collect(const Onboarding &o)
{
    const auto add = [this](const QString &id, Evidence e) {
        for (Stage &s : m_stages)
            if (s.id == id)
                s.evidence.append(std::move(e));
    };
    for (const Milestone &m : o.milestones) {
        for (Stage &s : m_stages) {
            if (s.id != m.stage)
                continue;
            const QDate expected = OnboardingProgress::parseDate(m.expected);
            if (expected.isValid() && (!s.expected.isValid() || expected < s.expected))
                s.expected = expected;
        }
        if (m.reached.trimmed().isEmpty())
            continue;
        add(m.stage,
            Evidence {m.source, parseTime(m.reached),
                      m.note.isEmpty() ? tr("Milestone reached (%1)").arg(m.source)
                                       : tr("Milestone reached (%1): %2").arg(m.source, m.note)});
    }
    // Imported mail: the importer records the stage as a milestone with source "mail"; the mail
    // log itself is shown beside the evidence but does not count twice.
    for (const MailRecord &mail : o.mail)
        if (!mail.stage.isEmpty())
            add(mail.stage,
                Evidence {QStringLiteral("mail-log"), parseTime(mail.date),
                          tr("Mail from %1: %2").arg(mail.from, mail.subject), false, true});

    // Approval of the association is Microsoft's own answer, whether or not a mail was kept.
    if (o.peerAsn.validationState == QLatin1String("Approved"))
        add(QStringLiteral("asn-association"),
            Evidence{QStringLiteral("state"), {},
                     tr("The peer ASN association is Approved (validation state)")});

    int connections = 0;
    QStringList failed;
    // Rule 6: for each connection stage, when the last connection reached it (from the state
    // history), and how many have.
    const QStringList &perConnection = connectionStages();
    QList<int> reachedBy(perConnection.size(), 0);
    QList<QDateTime> lastReached(perConnection.size());
    for (qsizetype pi = 0; pi < o.peerings.size(); ++pi) {
        const PeeringResource &p = o.peerings.at(pi);
        for (qsizetype ci = 0; ci < p.connections.size(); ++ci) {
            const Connection &c = p.connections.at(ci);
            // Named as the wizard names it (metro, facility and role), where a text needs it.
            const auto connectionName = [&] { return FieldLabel::connectionLocation(o, pi, ci); };
            ++connections;
            const int level = connectionLevel(c.state);
            ConnectionProgress progress;
            progress.peering = pi;
            progress.connection = ci;
            progress.state = c.state;
            progress.failed = c.state == QLatin1String("ProvisioningFailed");
            progress.blocked = c.state == QLatin1String("ExternalBlocker");
            progress.stage = level < 0 ? QStringLiteral("peering-created")
                : level >= perConnection.size() ? QLatin1String(OnboardingProgress::Complete)
                                                 : perConnection.at(progress.failed ? 0 : level);
            m_connections.append(progress);

            const StateChange *since = c.currentStateChange();
            const QDateTime at = since ? parseTime(since->since) : QDateTime();
            if (!progress.failed)
                for (int k = 0; k < std::min<int>(level, int(perConnection.size())); ++k) {
                    ++reachedBy[k];
                    if (at.isValid() && (!lastReached[k].isValid() || at > lastReached[k]))
                        lastReached[k] = at;
                }
            if (progress.failed)
                failed.append(connectionName());
            if (provisioningStates().contains(c.state)) {
                // The first time any connection entered a provisioning state.
                QDateTime first = at;
                for (const StateChange &h : c.stateHistory) {
                    const QDateTime t = parseTime(h.since);
                    if (provisioningStates().contains(h.state) && t.isValid()
                        && (!first.isValid() || t < first))
                        first = t;
                }
                add(QStringLiteral("peering-created"),
                    Evidence {QStringLiteral("state"), first,
                              tr("Connection %1 is %2").arg(connectionName(), c.state)});
            }
            if (c.utilizationPercent >= LagAugmentationThreshold
                && c.utilizationPercent > m_lag.utilizationPercent) {
                m_lag.needed = true;
                m_lag.connectionId = c.id;
                m_lag.utilizationPercent = c.utilizationPercent;
                m_lagMeasured = c.utilizationMeasuredAt;
            }
        }
    }
    for (qsizetype k = 0; k < perConnection.size(); ++k) {
        const bool all = connections > 0 && reachedBy.at(k) == connections;
        if (reachedBy.at(k) == 0)
            continue;
        const QString &id = perConnection.at(k);
        const QString what = id == QLatin1String("active")
            ? tr("Active")
            : id == QLatin1String("port-configured") ? tr("ports configured")
            : id == QLatin1String("lag-up")          ? tr("LAG up")
                                                     : tr("BGP sessions established");
        // Short of every connection the count is shown and does not count.
        add(id, Evidence {QStringLiteral("state"), lastReached.at(k),
                          all ? tr("All %n connection(s): %1", nullptr, connections).arg(what)
                              : tr("%1 of %n connection(s): %2", nullptr, connections)
                                    .arg(reachedBy.at(k))
                                    .arg(what),
                          false, !all});
    }

    if (!failed.isEmpty()) {
        m_regressed = true;
        // Rule 3: provisioning went back; what was reached from port-configured on no longer
        // counts, but stays visible.
        const qsizetype from = Milestone::stages().indexOf(QLatin1String("port-configured"));
        for (qsizetype i = from; i < m_stages.size(); ++i)
            for (Evidence &e : m_stages[i].evidence)
                e.superseded = true;
        m_stages[from].evidence.append(
            Evidence {QStringLiteral("state"),
                      {},
                      tr("Provisioning failed on connection %1: the ports must be configured "
                         "again")
                          .arg(failed.join(QLatin1String(", ")))});
    }

    if (!o.registeredAsns.isEmpty()) {
        bool allKeys = true, allDelivered = true;
        QDateTime lastDelivered;
        for (const RegisteredAsn &r : o.registeredAsns) {
            allKeys = allKeys && TextChecks::isGuid(r.prefixKey);
            const QDateTime at = parseTime(r.keyDeliveredAt);
            allDelivered = allDelivered && at.isValid();
            if (at.isValid() && (!lastDelivered.isValid() || at > lastDelivered))
                lastDelivered = at;
        }
        if (allKeys)
            add(QStringLiteral("customer-asns"),
                Evidence {QStringLiteral("registered-asn"),
                          {},
                          tr("%n customer ASN(s) registered with a prefix key", nullptr,
                             int(o.registeredAsns.size()))});
        if (allKeys && allDelivered)
            add(QStringLiteral("keys-delivered"),
                Evidence {QStringLiteral("key-delivered"), lastDelivered,
                          tr("Every prefix key delivered")});
    }
    if (m_regressed) // customer-ASN evidence added above is after port-configured too
        for (qsizetype i = Milestone::stages().indexOf(QLatin1String("customer-asns"));
             i < m_stages.size(); ++i)
            for (Evidence &e : m_stages[i].evidence)
                e.superseded = true;
}

void OnboardingTracker::derive(const Onboarding &o)
{
    qsizetype last = -1;
    for (qsizetype i = 0; i < m_stages.size(); ++i) {
        Stage &s = m_stages[i];
        for (const Evidence &e : s.evidence) {
            if (e.superseded || e.logOnly)
                continue;
            s.status = Status::Done;
            if (e.at.isValid() && (!s.reached.isValid() || e.at < s.reached))
                s.reached = e.at;
        }
        if (s.status == Status::Done)
            last = i;
    }
    for (qsizetype i = 0; i < last; ++i) {
        Stage &s = m_stages[i];
        if (s.status != Status::Waiting)
            continue;
        // Rule 5: a connection whose state says it has not reached the stage contradicts the
        // implication: any connection not Active for active, a connection still provisioning
        // for the other connection stages.
        const qsizetype k = connectionStages().indexOf(s.id);
        if (k >= 0) {
            QStringList which;
            for (const ConnectionProgress &c : m_connections) {
                const int level = connectionLevel(c.state);
                const bool behind = s.id == QLatin1String("active")
                    ? c.state != QLatin1String("Active")
                    : level >= 0 && !c.failed && level <= k;
                if (behind)
                    // Worded only here, where it is shown: the list builds a tracker on every save.
                    which.append(tr("%1 is %2").arg(
                        FieldLabel::connectionLocation(o, c.peering, c.connection), c.state));
            }
            if (!which.isEmpty()) {
                s.evidence.append(Evidence {QStringLiteral("state"),
                                            {},
                                            tr("Not implied by later evidence while %1")
                                                .arg(which.join(QStringLiteral("; "))),
                                            false, true});
                continue;
            }
        }
        s.status = Status::Implied;
    }

    m_current = QLatin1String(OnboardingProgress::Complete);
    if (m_regressed) {
        const qsizetype at = Milestone::stages().indexOf(QLatin1String("port-configured"));
        for (qsizetype i = at; i < m_stages.size(); ++i)
            m_stages[i].status = Status::Waiting;
        // Earlier stages are still done (or implied) as derived above.
        for (qsizetype i = 0; i < at; ++i)
            if (m_stages[i].status == Status::Waiting)
                m_stages[i].status = Status::Implied;
        m_stages[at].status = Status::Regressed;
        m_current = m_stages[at].id;
        return;
    }
    for (Stage &s : m_stages) {
        if (s.status == Status::Waiting) {
            s.status = Status::Current;
            m_current = s.id;
            break;
        }
    }
}

QStringList OnboardingTracker::transitions(const QString &id)
{
    const QStringList &all = Milestone::stages();
    const qsizetype i = all.indexOf(id);
    QStringList next;
    if (i >= 0 && i + 1 < all.size())
        next.append(all.at(i + 1));
    // Going back is part of the flow: provisioning can fail from any provisioning stage.
    if (id == QLatin1String("lag-up") || id == QLatin1String("bgp-mesh")
        || id == QLatin1String("active"))
        next.append(QStringLiteral("port-configured"));
    return next;
}

namespace {

// Each stage's two names: as a milestone ("Peering created") and while in progress ("Creating the
// peering").
struct StageTitles
{
    const char *done;
    const char *inProgress;
};

const StageTitles *stageTitles(const QString &id)
{
    static const QHash<QString, StageTitles> titles {
        {QStringLiteral("requirements"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Requirements checked"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Checking requirements")}},
        {QStringLiteral("asn-association"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Peer ASN approved"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Awaiting peer ASN approval")}},
        {QStringLiteral("peering-created"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Peering created"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Creating the peering")}},
        {QStringLiteral("port-configured"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Ports configured"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Configuring ports")}},
        {QStringLiteral("lag-up"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "LAG up"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Bringing up the LAG")}},
        {QStringLiteral("bgp-mesh"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "BGP mesh"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Building the BGP mesh")}},
        {QStringLiteral("active"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Active"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Awaiting Active")}},
        {QStringLiteral("customer-asns"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Customer ASNs"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Registering customer ASNs")}},
        {QStringLiteral("keys-delivered"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Keys delivered"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Delivering prefix keys")}},
        {QStringLiteral("prefixes-activated"),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Prefixes activated"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Activating prefixes")}},
        {QLatin1String(OnboardingProgress::Complete),
         {QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Complete"),
          QT_TRANSLATE_NOOP("Peering::OnboardingTracker", "Complete")}},
    };
    const auto it = titles.constFind(id);
    return it == titles.cend() ? nullptr : &it.value();
}

} // namespace

QString OnboardingTracker::title(const QString &id)
{
    const StageTitles *t = stageTitles(id);
    return t ? tr(t->done) : id;
}

QString OnboardingTracker::inProgressTitle(const QString &id)
{
    const StageTitles *t = stageTitles(id);
    return t ? tr(t->inProgress) : id;
}

QString OnboardingTracker::statusName(Status status)
{
    switch (status) {
    case Status::Done:
        return tr("done");
    case Status::Implied:
        return tr("done (implied)");
    case Status::Current:
        return tr("current");
    case Status::Regressed:
        return tr("current (went back)");
    case Status::Waiting:
        return tr("waiting");
    }
    return {};
}

QDate OnboardingTracker::dateIn(const QDateTime &utc, const QTimeZone &zone)
{
    if (!utc.isValid())
        return {};
    return zone.isValid() ? utc.toTimeZone(zone).date() : utc.toLocalTime().date();
}

std::optional<qint64> OnboardingTracker::daysLate(const QString &id, const QTimeZone &zone) const
{
    const Stage *s = stage(id);
    if (!s || !s->expected.isValid() || !s->reached.isValid())
        return std::nullopt;
    return s->expected.daysTo(dateIn(s->reached, zone));
}

bool OnboardingTracker::isOverdue(const QString &id, QDate today) const
{
    const Stage *s = stage(id);
    return s && !isDone(id) && s->expected.isValid() && today.isValid() && today > s->expected;
}

QStringList OnboardingTracker::overdueStages(QDate today) const
{
    QStringList ids;
    for (const Stage &s : m_stages)
        if (isOverdue(s.id, today))
            ids.append(s.id);
    return ids;
}

OnboardingTracker::LagAugmentation OnboardingTracker::lagAugmentation(QDate today) const
{
    LagAugmentation lag = m_lag;
    if (!lag.needed)
        return lag;
    const QDate measured = OnboardingProgress::parseDate(m_lagMeasured);
    lag.start = measured.isValid() ? measured : today;
    lag.earliestEnd = lag.start.addDays(45);
    lag.latestEnd = lag.start.addDays(60);
    return lag;
}

} // namespace Peering
