#include "peerasnrules.h"

#include "ruleids.h"
#include "validationrun.h"

#include "domain/textchecks.h"


namespace Peering {

void PeerAsnRules::check(ValidationRun &run)
{
    checkAsn(run);
    checkApproval(run);
    checkContacts(run);
}

void PeerAsnRules::checkAsn(ValidationRun &run)
{
    const Result<Asn> &asn = run.peerAsn();
    const QString path = QStringLiteral("peerAsn.asn");
    if (!asn) {
        run.error(RuleId::AsnPublic, path,
                  tr("The peer ASN is not valid: %1. Microsoft requires the peer's own public ASN.")
                      .arg(asn.error()));
        return;
    }
    if (!asn->isPublic())
        run.error(RuleId::AsnPublic, path,
                  tr("Peer ASN %1 is %2; Microsoft requires the peer's own public ASN: enter the "
                     "public ASN of the exchange's route-server network, as in PeeringDB")
                      .arg(asn->toString(), Asn::className(asn->classify())));
    else if (!asn->fitsAzureApi())
        run.warning(RuleId::AsnInt32, path,
                    tr("Peer ASN %1 is above %2: the Microsoft.Peering API takes the peer "
                       "ASN as a 32-bit signed integer and Az.Peering's -PeerAsn is "
                       "[System.Int32], so neither the API (ARM, az) nor PowerShell can create "
                       "its association; ask Microsoft how to onboard it")
                        .arg(asn->value())
                        .arg(Asn::MaxAzureApi));
}

void PeerAsnRules::checkApproval(ValidationRun &run)
{
    const QString &state = run.onboarding().peerAsn.validationState;
    if (state == QLatin1String("Approved"))
        return;
    QString message;
    if (state == QLatin1String("Pending"))
        message = tr("The peer ASN association is Pending; Microsoft approves it within up to 12 "
                     "hours: wait for Approved before creating the peering");
    else if (state == QLatin1String("Failed"))
        message = tr("The peer ASN association failed validation; correct the association (peer "
                     "ASN, peer name as in PeeringDB, contacts) and resubmit it, then wait for "
                     "Approved before creating the peering");
    else if (state == QLatin1String("None"))
        message = tr("The peer ASN association has not been submitted (state None); associate "
                     "the peer ASN with the subscription and wait for Approved (up to 12 hours) "
                     "before creating the peering");
    else
        message
            = tr("Validation state \"%1\" of the peer ASN association is not known; use the "
                 "state the portal shows (%2): the peering needs Approved")
                  .arg(state, ValidationRun::joinValues(PeerAsnAssociation::validationStates()));
    run.error(RuleId::PeerAsnApproved, QStringLiteral("peerAsn.validationState"), message);
}

void PeerAsnRules::checkContacts(ValidationRun &run)
{
    static const QString noc = QStringLiteral("Noc");
    const QList<Contact> &contacts = run.onboarding().peerAsn.contacts;
    bool nocWithEmail = false;
    bool nocWithoutEmail = false;
    for (const Contact &c : contacts) {
        if (c.role != noc)
            continue;
        const bool valid = TextChecks::isEmail(c.email);
        nocWithEmail = nocWithEmail || valid;
        nocWithoutEmail = nocWithoutEmail || !valid;
    }
    if (!nocWithEmail)
        run.error(RuleId::ContactNoc, QStringLiteral("peerAsn.contacts"),
                  nocWithoutEmail
                      ? tr("The Noc contact has no valid e-mail address; Microsoft requires a Noc "
                           "contact it can reach: enter the NOC's e-mail address")
                      : tr("There is no contact with role Noc; Microsoft requires one: add a Noc "
                           "contact with the NOC's e-mail address"));

    const auto path = [](qsizetype i, const char *field) {
        return ValidationRun::itemPath(QLatin1String("peerAsn.contacts"), i, QLatin1String(field));
    };
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        const Contact &c = contacts[i];
        if (!Contact::roles().contains(c.role)) {
            QString message;
            if (c.role.trimmed().isEmpty()) {
                message = tr("Contact %1 has no role; choose one of %2")
                              .arg(i + 1)
                              .arg(ValidationRun::joinValues(Contact::roles()));
            } else {
                message = tr("Contact role \"%1\" is not known; use one of %2")
                              .arg(c.role, ValidationRun::joinValues(Contact::roles()));
                for (const QString &role : Contact::roles())
                    if (role.compare(c.role.trimmed(), Qt::CaseInsensitive) == 0)
                        message += QLatin1Char(' ') + tr("(did you mean %1?)").arg(role);
            }
            run.error(RuleId::ContactRole, path(i, "role"), message);
        }

        if (c.email.isEmpty()) {
            run.error(RuleId::ContactEmail, path(i, "email"),
                      tr("Contact %1 has no e-mail address; enter one such as noc@example.net")
                          .arg(i + 1));
        } else if (!TextChecks::isEmail(c.email)) {
            run.error(RuleId::ContactEmail, path(i, "email"),
                      tr("\"%1\" is not a valid e-mail address; enter an address such as "
                         "noc@example.net")
                          .arg(c.email));
        } else if (c.role == noc) {
            const QString domain = TextChecks::emailDomain(c.email);
            if (TextChecks::isFreeMailDomain(domain))
                run.warning(RuleId::ContactCorporateDomain, path(i, "email"),
                            tr("NOC e-mail %1 is on the free-mail domain %2; Microsoft's peering "
                               "policy asks for a corporate address: use an address on the "
                               "exchange's own domain, such as noc@your-exchange.net")
                                .arg(c.email, domain));
        }
    }
}

} // namespace Peering
