// The JSON key scanner on any bytes (it must not crash on text Qt refuses either), and every rule
// of the validator on whatever the reader makes of them: findings are deterministic, and each
// has a rule id the validator lists and a field path.
#include "fuzzcheck.h"

#include "document/jsonkeyscan.h"
#include "domain/asn.h"
#include "document/onboardingdocument.h"
#include "validation/onboardingvalidator.h"

#include <QJsonDocument>

using namespace Peering;
using PeeringFuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray input = PeeringFuzz::bytes(data, size);
    if (const std::optional<QString> problem = JsonKeyScan::problem(input))
        check(!problem->isEmpty(), "a key problem is said");

    const Result<Onboarding> doc = OnboardingDocument::parse(input);
    if (!doc)
        return 0;
    ValidationContext context;
    // Some customer ASNs of the document are taken elsewhere, so that rule runs too.
    for (const RegisteredAsn &r : doc->registeredAsns)
        if (r.asn.size() % 2 == 0)
            context.registeredElsewhere.insert(Asn::parse(r.asn).valueOr(Asn()).value(),
                                               QStringLiteral("Other-IX"));
    const Findings findings = OnboardingValidator::validate(*doc, context);
    const QStringList &ids = OnboardingValidator::ruleIds();
    for (const Finding &f : findings) {
        check(ids.contains(f.rule), "a finding's rule is a listed rule", f.rule);
        check(!f.message.isEmpty(), "a finding says what is wrong", f.rule);
        (void)f.toJson();
    }
    check(OnboardingValidator::validate(*doc, context) == findings, "validation is deterministic");
    return 0;
}
