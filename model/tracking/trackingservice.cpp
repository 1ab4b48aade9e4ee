#include "trackingservice.h"

#include "validation/onboardingvalidator.h"

namespace Peering {

StoreResult<StoredOnboarding> TrackingService::apply(const QString &name, int expectedVersion,
                                                     const Change &change)
{
    auto loaded = m_store.load(name);
    if (!loaded)
        return loaded.error();
    StoredOnboarding stored = loaded.takeValue();
    if (expectedVersion > 0 && stored.version != expectedVersion) {
        // The caller acts on what it saw: refused like a save from that version would be.
        StoredOnboarding seen = stored;
        seen.version = expectedVersion;
        return m_store.save(seen);
    }
    const Result<Onboarding> changed = change(stored.onboarding);
    if (!changed)
        return StoreError(StoreError::Kind::Invalid, changed.error());
    if (changed.value() == stored.onboarding)
        return stored; // nothing to save
    // A tracking change never adds an error (a document imported with errors can still be
    // tracked): the first new error is the reason for the refusal.
    auto context = m_store.validationContextFor(name);
    const ValidationContext ctx = context ? context.value() : ValidationContext{};
    const Findings before = OnboardingValidator::validate(stored.onboarding, ctx);
    for (const Finding &f : OnboardingValidator::validate(changed.value(), ctx)) {
        if (f.severity != Severity::Error || before.contains(f))
            continue;
        StoreError refused(StoreError::Kind::Invalid,
                           tr("Not saved: %1 (%2)").arg(f.message, f.rule));
        return refused;
    }
    StoredOnboarding next = stored;
    next.onboarding = changed.value();
    return m_store.save(next);
}

} // namespace Peering
