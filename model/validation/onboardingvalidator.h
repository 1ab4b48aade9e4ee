// Every rule of domain.md section 4. Pure: no I/O, no state between calls.
#pragma once

#include "finding.h"
#include "validationcontext.h"

#include "domain/onboarding.h"

#include <QCoreApplication>

namespace Peering {

class OnboardingValidator
{
    Q_DECLARE_TR_FUNCTIONS(Peering::OnboardingValidator)
public:
    static Findings validate(const Onboarding &onboarding, const ValidationContext &context = {});

    // Every rule id the validator can report, in table order (for documentation and tests).
    static const QStringList &ruleIds();
};

} // namespace Peering
