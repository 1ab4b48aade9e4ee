// The state of one OnboardingValidator::validate() call, shared by the rule groups: the findings
// collected so far, and facts several groups need (parsed once, because the document may hold
// thousands of prefixes and registered ASNs).
#pragma once

#include "finding.h"
#include "validationcontext.h"

#include "domain/asn.h"
#include "domain/onboarding.h"

#include <QCoreApplication>
#include <QHash>
#include <QPair>
#include <QLatin1String>

#include <vector>

namespace Peering {

class ValidationRun
{
    Q_DECLARE_TR_FUNCTIONS(Peering::ValidationRun)
public:
    ValidationRun(const Onboarding &onboarding, const ValidationContext &context);

    const Onboarding &onboarding() const { return m_onboarding; }
    const ValidationContext &context() const { return m_context; }

    void error(QLatin1String rule, QString path, QString message)
    {
        add(rule, Severity::Error, std::move(path), std::move(message));
    }
    void warning(QLatin1String rule, QString path, QString message)
    {
        add(rule, Severity::Warning, std::move(path), std::move(message));
    }
    // Findings of one rule and severity beyond MaxFindingsPerRule are counted, not kept: the
    // output stays bounded whatever the document's size.
    static constexpr int MaxFindingsPerRule = 100;
    void add(QLatin1String rule, Severity severity, QString path, QString message);
    // The findings, with one finding for each rule and severity whose rest was not listed.
    Findings takeFindings();
    // The findings so far (the checklist's rules compare ticks with them, so they run last).
    const Findings &findings() const { return m_findings; }

    // The peer ASN as parsed (with the parser's reason when it does not parse).
    const Result<Asn> &peerAsn() const { return m_peerAsn; }
    // Registration of customer ASNs is only possible once a connection is Active.
    bool anyConnectionActive() const { return m_anyConnectionActive; }
    // registeredAsns[i].asn parsed; -1 where it does not parse.
    qint64 registeredAsnValue(qsizetype i) const { return m_registeredValues[size_t(i)]; }
    // customer ASN -> index of its first entry in registeredAsns
    const QHash<quint32, qsizetype> &firstRegistration() const { return m_firstRegistration; }

    // Field paths in the document's keys; built only when there is a finding.
    static QString peeringPath(qsizetype peering, QLatin1String field = {});
    static QString
    connectionPath(qsizetype peering, qsizetype connection, QLatin1String field = {});
    static QString itemPath(QLatin1String list, qsizetype index, QLatin1String field = {});
    // "a, b, c" for messages that list the allowed values.
    static QString joinValues(const QStringList &values);

private:
    const Onboarding &m_onboarding;
    const ValidationContext &m_context;
    Findings m_findings;
    struct RuleCount
    {
        int listed = 0;
        int omitted = 0;
    };
    QHash<QPair<QLatin1String, int>, RuleCount> m_ruleCounts; // (rule, severity)
    // (rule, severity) and the path of its first finding not listed, in the order the cap
    // was reached
    QList<std::pair<QPair<QLatin1String, int>, QString>> m_capped;
    Result<Asn> m_peerAsn;
    bool m_anyConnectionActive = false;
    std::vector<qint64> m_registeredValues;
    QHash<quint32, qsizetype> m_firstRegistration;
};

} // namespace Peering
