// Every change the tracker makes to a stored onboarding, as a pure function of the onboarding:
// the same input gives the same output, nothing is read from a clock, a store or a widget. A
// change that cannot be made returns why, and the onboarding is then untouched. TrackingService
// loads, applies one of these, validates and saves; the GUI and the command line call it.
#pragma once

#include "domain/onboarding.h"
#include "domain/result.h"
#include "tracking/onboardingplan.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Peering {

class TrackingChange
{
    Q_DECLARE_TR_FUNCTIONS(Peering::TrackingChange)
public:
    // The stage reached at a time (UTC), with a note; source manual.
    static Result<Onboarding> markReached(const Onboarding &o, const QString &stage,
                                          const QDateTime &reached, const QString &note);
    // The stage's expected date; an invalid date clears it.
    static Result<Onboarding> setExpected(const Onboarding &o, const QString &stage, QDate date);
    // The explicit step after Create: the user says the portal deployment of the peering
    // succeeded (Azure's "Your deployment is complete"). Storing an onboarding is not evidence
    // that Azure created anything; this is (peering-created, source manual). Refused while the
    // peer ASN is not Approved (Azure creates no peering for it), for an onboarding without
    // peerings, and when the stage is reached already.
    static Result<Onboarding> recordDeployment(const Onboarding &o, const QDateTime &at,
                                               const QString &note);
    // Every stage not reached planned again from a start date.
    static Result<Onboarding> replan(const Onboarding &o, QDate start,
                                     const QList<OnboardingPlan::Step> &steps);
    // A new onboarding's plan (on Create): the steps from the start date.
    static Result<Onboarding> applyPlan(const Onboarding &o, QDate start,
                                        const QList<OnboardingPlan::Step> &steps);
    // A connection's ARM state at a time: its history and the stages the states prove
    // (peering-created, and the connection stages once every connection reached them) recorded
    // with source "state".
    static Result<Onboarding> setConnectionState(const Onboarding &o, int peering, int connection,
                                                 const QString &state, const QDateTime &at);
    // A connection's link utilization in percent, measured at a time.
    static Result<Onboarding> setUtilization(const Onboarding &o, int peering, int connection,
                                             int percent, const QDateTime &at);
    // A registered customer ASN changed (name, ASN, peering, key) or removed; the service checks
    // the result with the validator's registered-asn rules.
    static Result<Onboarding> editCustomerAsn(const Onboarding &o, int customer,
                                              const RegisteredAsn &edited);
    static Result<Onboarding> removeCustomerAsn(const Onboarding &o, int customer);
    // A customer's prefix key handed over at a time.
    static Result<Onboarding> recordKeyDelivery(const Onboarding &o, int customer,
                                                const QDateTime &at);

    // An imported milestone e-mail: kept in the mail log once (by Message-ID), and, when it is
    // classified to a stage not yet reached, recorded as that stage's milestone with source mail
    // at the mail's date. A mail already in the log changes nothing.
    static Result<Onboarding> attachMail(const Onboarding &o, const MailRecord &mail);

    // A mail of the log assigned to a stage by hand (an unclassified one, or a correction): the
    // record's stage and, for a stage, its milestone at the mail's date as attachMail records it.
    // An empty stage takes the mail back to unclassified (a milestone it made stays).
    static Result<Onboarding> assignMail(const Onboarding &o, const QString &messageId,
                                         const QString &stage);

    // The BGP session addresses of a connection, as Microsoft sent them (the port-configured
    // mail): the fields given (not empty) replace the connection's; the service validates them.
    struct SessionAddresses
    {
        QString sessionPrefixV4, peerIPv4, microsoftIPv4;
        QString sessionPrefixV6, peerIPv6, microsoftIPv6;
        bool isEmpty() const
        {
            return sessionPrefixV4.isEmpty() && peerIPv4.isEmpty() && microsoftIPv4.isEmpty()
                && sessionPrefixV6.isEmpty() && peerIPv6.isEmpty() && microsoftIPv6.isEmpty();
        }
    };
    static Result<Onboarding> setSessionAddresses(const Onboarding &o, int peering,
                                                  int connection, const SessionAddresses &a);

    // Connections in document order: the index of a connection across all peerings.
    static std::optional<std::pair<int, int>> connectionAt(const Onboarding &o, int row);

private:
    // The stage's milestone from a classified mail: reached at the mail's date unless an earlier
    // date is recorded already.
    static void recordMailMilestone(Onboarding &o, const MailRecord &mail, const QDateTime &at);
};

} // namespace Peering
