#include "registeredasnrules.h"

#include "ruleids.h"
#include "validationrun.h"

#include "domain/textchecks.h"

namespace Peering {

namespace {

QString itemPath(qsizetype i, const char *field)
{
    return ValidationRun::itemPath(QLatin1String("registeredAsns"), i, QLatin1String(field));
}

int digits(QStringView s, qsizetype from, qsizetype count)
{
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

// "2026-11-25T10:00:00Z", the form the wizard writes, checked without QDateTime: a store of a
// thousand delivered keys would otherwise spend most of validation parsing dates. Anything else
// goes to the full parser.
bool isPlainUtcDateTime(QStringView s)
{
    if (s.size() != 20 || s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':'
        || s[16] != u':' || s[19] != u'Z')
        return false;
    const int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
    const int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
    return year > 0 && QDate::isValid(year, month, day) && hour >= 0 && hour < 24 && minute >= 0
        && minute < 60 && second >= 0 && second < 60;
}

bool isIsoDateTime(const QString &s)
{
    return isPlainUtcDateTime(s) || TextChecks::parseIsoDateTime(s).has_value();
}

} // namespace

void RegisteredAsnRules::check(ValidationRun &run)
{
    const Onboarding &o = run.onboarding();
    if (o.registeredAsns.isEmpty())
        return;

    // peering name -> has an Active connection (duplicate names: any of them)
    QHash<QString, bool> activeByPeering;
    activeByPeering.reserve(o.peerings.size());
    for (const PeeringResource &p : o.peerings) {
        bool active = false;
        for (const Connection &c : p.connections)
            active = active || c.state == QLatin1String("Active");
        bool &entry = activeByPeering[p.name];
        entry = entry || active;
    }
    const auto peeringNames = [&o] {
        QStringList names;
        for (const PeeringResource &p : o.peerings)
            names.append(p.name);
        return names.isEmpty() ? tr("(there are no peerings yet)")
                               : ValidationRun::joinValues(names);
    };
    const QHash<quint32, QString> &elsewhere = run.context().registeredElsewhere;

    for (qsizetype i = 0; i < o.registeredAsns.size(); ++i) {
        const RegisteredAsn &r = o.registeredAsns[i];
        const qint64 value = run.registeredAsnValue(i);

        if (value < 0) {
            run.error(RuleId::RegisteredAsnPublic, itemPath(i, "asn"),
                      tr("Customer ASN is not valid: %1").arg(Asn::parse(r.asn).error()));
        } else {
            const Asn asn {quint32(value)};
            if (!asn.isPublic())
                run.error(RuleId::RegisteredAsnPublic, itemPath(i, "asn"),
                          tr("Customer ASN %1 is %2; only public ASNs can be registered (no "
                             "private ASN may appear in the AS path): register the customer's "
                             "public ASN")
                              .arg(asn.toString(), Asn::className(asn.classify())));
            else if (!asn.fitsAzureApi())
                run.warning(RuleId::RegisteredAsnInt32, itemPath(i, "asn"),
                            tr("Customer ASN %1 is above %2: the Microsoft.Peering API "
                               "takes a registered ASN as a 32-bit signed integer, so the API "
                               "(ARM, az) and PowerShell cannot register it; ask Microsoft how "
                               "to register it")
                                .arg(value)
                                .arg(Asn::MaxAzureApi));

            const qsizetype first = run.firstRegistration().value(quint32(value), i);
            if (first != i)
                run.error(
                    RuleId::RegisteredAsnUnique, itemPath(i, "asn"),
                    tr("Customer ASN %1 is already registered at registeredAsns[%2], under "
                       "peering \"%3\"; one prefix key serves all of a customer's prefixes, so "
                       "an ASN is registered under one peering only: remove this entry")
                        .arg(asn.toString(), QString::number(first),
                             o.registeredAsns[first].peering));
            if (!elsewhere.isEmpty()) {
                const auto other = elsewhere.constFind(quint32(value));
                if (other != elsewhere.cend())
                    run.error(RuleId::RegisteredAsnUnique, itemPath(i, "asn"),
                              tr("Customer ASN %1 is already registered by the onboarding "
                                 "\"%2\"; Azure refuses a duplicate registration: remove it here "
                                 "or there")
                                  .arg(asn.toString(), other.value()));
            }
        }

        const auto active = activeByPeering.constFind(r.peering);
        if (active == activeByPeering.cend()) {
            run.error(RuleId::RegisteredAsnRequiresActive, itemPath(i, "peering"),
                      r.peering.isEmpty()
                          ? tr("Customer ASN %1 does not say which peering it is registered under; "
                               "enter one of: %2")
                                .arg(r.asn.trimmed(), peeringNames())
                          : tr("\"%1\" is not a peering of this onboarding; register the customer "
                               "ASN under one of: %2")
                                .arg(r.peering, peeringNames()));
        } else if (!active.value()) {
            run.error(RuleId::RegisteredAsnRequiresActive, itemPath(i, "asn"),
                      tr("Customer ASN %1 is registered under peering \"%2\", which has no Active "
                         "connection; Azure registers customer ASNs only once a connection of "
                         "the peering is Active: wait for Active, then register it")
                          .arg(r.asn.trimmed(), r.peering));
        }

        if (!r.prefixKey.isEmpty() && !TextChecks::isGuid(r.prefixKey))
            run.error(RuleId::RegisteredAsnPrefixKey, itemPath(i, "prefixKey"),
                      tr("Prefix key \"%1\" is not a GUID; copy the Peering Service prefix key "
                         "from the portal (8-4-4-4-12 hexadecimal digits)")
                          .arg(r.prefixKey));

        if (!r.keyDeliveredAt.isEmpty() && !isIsoDateTime(r.keyDeliveredAt))
            run.error(RuleId::MilestoneDate, itemPath(i, "keyDeliveredAt"),
                      tr("Key delivery time \"%1\" is not an ISO date-time; write it such as "
                         "2026-11-21T10:00:00Z")
                          .arg(r.keyDeliveredAt));
    }
}

} // namespace Peering
