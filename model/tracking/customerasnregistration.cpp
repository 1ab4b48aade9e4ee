#include "customerasnregistration.h"

#include "domain/asn.h"
#include "validation/onboardingvalidator.h"

namespace Peering {

StoreResult<StoredOnboarding> CustomerAsnRegistration::registerAsn(OnboardingStore &store,
                                                                   const QString &onboardingName,
                                                                   const RegisteredAsn &asn,
                                                                   int expectedVersion)
{
    StoreResult<StoredOnboarding> loaded = store.load(onboardingName);
    if (!loaded)
        return loaded.error();
    StoreResult<ValidationContext> context = store.validationContextFor(onboardingName);
    if (!context)
        return context.error();

    Onboarding candidate = loaded->onboarding;
    candidate.registeredAsns.append(asn);
    const QString path
        = QStringLiteral("registeredAsns[%1]").arg(candidate.registeredAsns.size() - 1);
    // Only the findings about the new entry: the rest of the document is not this action's
    // business. Every one of them at once, so a second problem does not wait for the first fix.
    QList<Finding> against;
    for (const Finding &f : OnboardingValidator::validate(candidate, *context))
        if (f.severity == Severity::Error
            && (f.path == path || f.path.startsWith(path + QLatin1Char('.'))))
            against.append(f);
    if (!against.isEmpty()) {
        // Held by another onboarding: that is the finding the refusal is about (AsnTaken).
        const Finding *f = &against.front();
        QString other;
        for (const Finding &g : against)
            if (g.rule == QLatin1String(OnboardingStore::UniqueAsnRule))
                if (const auto parsed = Asn::parse(asn.asn)) {
                    other = context->registeredElsewhere.value(parsed.value().value());
                    if (!other.isEmpty())
                        f = &g;
                }
        QStringList messages;
        for (const Finding &g : against)
            messages.append(against.size() > 1 ? QStringLiteral("%1 (%2)").arg(g.message, g.rule)
                                               : g.message);
        StoreError error(other.isEmpty() ? StoreError::Kind::Invalid : StoreError::Kind::AsnTaken,
                         tr("Cannot register customer ASN %1: %2")
                             .arg(asn.asn, messages.join(QStringLiteral("; "))));
        error.setField(f->rule, f->path, other);
        return error;
    }
    return store.registerCustomerAsn(onboardingName, asn, expectedVersion);
}

} // namespace Peering
