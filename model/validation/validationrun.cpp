#include "validationrun.h"

namespace Peering {

ValidationRun::ValidationRun(const Onboarding &onboarding, const ValidationContext &context)
    : m_onboarding(onboarding)
    , m_context(context)
    , m_peerAsn(Asn::parse(onboarding.peerAsn.asn))
{
    for (const PeeringResource &p : onboarding.peerings) {
        for (const Connection &c : p.connections) {
            if (c.state == QLatin1String("Active")) {
                m_anyConnectionActive = true;
                break;
            }
        }
        if (m_anyConnectionActive)
            break;
    }

    const qsizetype n = onboarding.registeredAsns.size();
    m_registeredValues.resize(size_t(n), -1);
    for (qsizetype i = 0; i < n; ++i) {
        const Result<Asn> asn = Asn::parse(onboarding.registeredAsns[i].asn);
        if (asn)
            m_registeredValues[size_t(i)] = asn->value();
    }
    // Walking backwards leaves the first index of every ASN with one hash operation each.
    m_firstRegistration.reserve(n);
    for (qsizetype i = n - 1; i >= 0; --i) {
        if (m_registeredValues[size_t(i)] >= 0)
            m_firstRegistration.insert(quint32(m_registeredValues[size_t(i)]), i);
    }
}

void ValidationRun::add(QLatin1String rule, Severity severity, QString path, QString message)
{
    const QPair<QLatin1String, int> key(rule, int(severity));
    RuleCount &count = m_ruleCounts[key];
    if (count.listed >= MaxFindingsPerRule) {
        if (count.omitted++ == 0)
            m_capped.append({key, std::move(path)});
        return;
    }
    ++count.listed;
    m_findings.append(Finding {QString(rule), severity, std::move(path), std::move(message)});
}

Findings ValidationRun::takeFindings()
{
    for (const auto &[key, firstPath] : std::as_const(m_capped)) {
        const int omitted = m_ruleCounts.value(key).omitted;
        Finding f {QString(key.first), Severity(key.second), firstPath,
                   tr("%n more finding(s) of this rule, from this field on, are not listed; "
                      "correct those listed and validate again",
                      nullptr, omitted)};
        f.omitted = omitted;
        m_findings.append(std::move(f));
    }
    m_capped.clear();
    return std::move(m_findings);
}

QString ValidationRun::peeringPath(qsizetype peering, QLatin1String field)
{
    return itemPath(QLatin1String("peerings"), peering, field);
}

QString ValidationRun::connectionPath(qsizetype peering, qsizetype connection, QLatin1String field)
{
    QString path = peeringPath(peering, QLatin1String("connections"));
    path.append(u'[').append(QString::number(connection)).append(u']');
    if (!field.isEmpty())
        path.append(u'.').append(field);
    return path;
}

QString ValidationRun::itemPath(QLatin1String list, qsizetype index, QLatin1String field)
{
    QString path;
    path.reserve(list.size() + field.size() + 8);
    path.append(list).append(u'[').append(QString::number(index)).append(u']');
    if (!field.isEmpty())
        path.append(u'.').append(field);
    return path;
}

QString ValidationRun::joinValues(const QStringList &values)
{
    return values.join(QLatin1String(", "));
}

} // namespace Peering
