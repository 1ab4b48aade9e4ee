#include "documentrules.h"

#include "domain/textchecks.h"
#include "ruleids.h"
#include "validationrun.h"

#include <QSet>

namespace Peering {

void DocumentRules::checkScriptValues(ValidationRun &run)
{
    const Onboarding &o = run.onboarding();
    QList<std::pair<QString, QString>> values {
        {QStringLiteral("peerAsn.name"), o.peerAsn.name},
        {QStringLiteral("peerAsn.peerName"), o.peerAsn.peerName},
    };
    for (qsizetype i = 0; i < o.peerings.size(); ++i) {
        values.append({ValidationRun::itemPath(QLatin1String("peerings"), i,
                                               QLatin1String("azureRegion")),
                       o.peerings[i].azureRegion});
        values.append({ValidationRun::itemPath(QLatin1String("peerings"), i, QLatin1String("metro")),
                       o.peerings[i].metro});
    }
    // Registered ASN names go to az as RegisteredAsn::resourceName(), a slug that never starts
    // with "@".
    for (const auto &[path, value] : std::as_const(values))
        if (value.startsWith(u'@'))
            run.warning(RuleId::ValueLeadingAt, path,
                        tr("\"%1\" starts with \"@\": the Azure CLI reads such a value as a file "
                           "to load (\"%2\") and sends its contents, whatever the quoting; the az "
                           "export refuses it unless asked (--allow-at). Remove the \"@\"")
                            .arg(value, value.mid(1)));
}

void DocumentRules::checkHiddenCharacters(ValidationRun &run)
{
    const Onboarding &o = run.onboarding();
    QList<std::pair<QString, const QString *>> values {{QStringLiteral("name"), &o.name},
                                                       {QStringLiteral("peerAsn.name"), &o.peerAsn.name},
                                                       {QStringLiteral("peerAsn.peerName"), &o.peerAsn.peerName}};
    for (qsizetype i = 0; i < o.peerings.size(); ++i) {
        const PeeringResource &p = o.peerings[i];
        for (const auto &[field, value] : {std::pair {"name", &p.name}, std::pair {"resourceGroup", &p.resourceGroup},
                                           std::pair {"metro", &p.metro}, std::pair {"azureRegion", &p.azureRegion}})
            values.append({ValidationRun::itemPath(QLatin1String("peerings"), i, QLatin1String(field)), value});
        for (qsizetype c = 0; c < p.connections.size(); ++c)
            values.append({ValidationRun::itemPath(QLatin1String("peerings"), i, QLatin1String("connections"))
                               + QStringLiteral("[%1].facilityName").arg(c),
                           &p.connections[c].facilityName});
    }
    for (qsizetype i = 0; i < o.registeredAsns.size(); ++i)
        values.append({ValidationRun::itemPath(QLatin1String("registeredAsns"), i, QLatin1String("name")),
                       &o.registeredAsns[i].name});
    for (const auto &[path, value] : std::as_const(values)) {
        const std::optional<char32_t> hidden = TextChecks::firstHiddenCharacter(*value);
        if (!hidden)
            continue;
        run.error(RuleId::TextHiddenCharacters, path,
                  tr("the text holds %1, which is not shown as it is (a control character can "
                     "change the terminal or cut the text; a bidi control shows it reversed or "
                     "reordered); remove it")
                      .arg(TextChecks::describeCharacter(*hidden)));
    }
}

void DocumentRules::check(ValidationRun &run)
{
    const Onboarding &o = run.onboarding();
    if (o.name.trimmed().isEmpty())
        run.error(RuleId::OnboardingName, QStringLiteral("name"),
                  tr("The onboarding has no name; give it one that says who connects where, "
                     "such as \"Example-IX to Microsoft\" (it identifies it in the store)"));

    static const QSet<QString> known = [] {
        QSet<QString> ids;
        for (const RequirementInfo &info : RequirementCheck::catalogue())
            ids.insert(info.id);
        return ids;
    }();
    QSet<QString> seen;
    for (qsizetype i = 0; i < o.requirements.size(); ++i) {
        const RequirementCheck &r = o.requirements[i];
        const auto path = [i](const char *field) {
            return ValidationRun::itemPath(QLatin1String("requirements"), i, QLatin1String(field));
        };
        if (!known.contains(r.id)) {
            QStringList ids(known.begin(), known.end());
            ids.sort();
            run.error(RuleId::RequirementStatus, path("id"),
                      tr("\"%1\" is not a requirement of the checklist; use one of %2")
                          .arg(r.id, ValidationRun::joinValues(ids)));
        } else if (seen.contains(r.id)) {
            run.error(RuleId::RequirementStatus, path("id"),
                      tr("Requirement \"%1\" is listed twice; keep one entry").arg(r.id));
        }
        seen.insert(r.id);
        if (!RequirementCheck::statuses().contains(r.status))
            run.error(RuleId::RequirementStatus, path("status"),
                      tr("Status \"%1\" is not known; use one of %2")
                          .arg(r.status, ValidationRun::joinValues(RequirementCheck::statuses())));
        else if (r.status == QLatin1String("waived") && r.note.trimmed().isEmpty())
            run.error(RuleId::RequirementStatus, path("note"),
                      tr("Requirement \"%1\" is waived without a note; say why it is waived, for "
                         "the record")
                          .arg(r.id));
    }
}

void DocumentRules::checkChecklist(ValidationRun &run)
{
    const Onboarding &o = run.onboarding();
    // An item the document does not list is open, as the wizard's checklist and the summary
    // show it.
    // Copies, not pointers: every warning below is appended to the same findings.
    QHash<QString, QStringList> byRule;
    for (const Finding &f : run.findings())
        byRule[f.rule].append(f.message);
    QStringList open;
    for (const RequirementInfo &info : RequirementCheck::catalogue()) {
        qsizetype index = -1;
        for (qsizetype i = 0; i < o.requirements.size(); ++i)
            if (o.requirements[i].id == info.id) {
                index = i;
                break;
            }
        const QString status = index < 0 ? QStringLiteral("open") : o.requirements[index].status;
        if (status == QLatin1String("open")) {
            open.append(info.title);
            continue;
        }
        if (status != QLatin1String("met") || info.rule.isEmpty())
            continue;
        const QStringList against = byRule.value(info.rule);
        if (against.isEmpty())
            continue;
        run.warning(RuleId::RequirementContradicted,
                    ValidationRun::itemPath(QLatin1String("requirements"), index,
                                            QLatin1String("status")),
                    tr("\"%1\" is ticked met, but rule %2 has %n finding(s) in the document "
                       "(%3); fix the finding, or set the requirement back to open",
                       nullptr, int(against.size()))
                        .arg(info.title, info.rule, against.front()));
    }
    if (!open.isEmpty())
        run.warning(RuleId::RequirementOpen, QStringLiteral("requirements"),
                    tr("%n requirement(s) of the checklist still open: %1; mark each met, or "
                       "waived with a note, on the Requirements page before Review + create",
                       nullptr, int(open.size()))
                        .arg(open.join(QStringLiteral("; "))));
}

} // namespace Peering
