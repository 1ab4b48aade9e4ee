// The document reader on any bytes: it never crashes, and what it reads is written and read again
// unchanged (a value that does not survive its own file format is lost on the next save).
#include "fuzzcheck.h"

#include "document/onboardingdocument.h"

#include <QJsonDocument>

using namespace Peering;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray input = PeeringFuzz::bytes(data, size);
    const Result<Onboarding> first = OnboardingDocument::parse(input);
    if (!first) {
        PeeringFuzz::check(!first.error().isEmpty(), "a refused document has a reason");
        return 0;
    }
    const QByteArray written = OnboardingDocument::serialize(*first);
    const Result<Onboarding> second = OnboardingDocument::parse(written);
    PeeringFuzz::check(second.ok(), "a written document reads again", second.ok() ? QString() : second.error());
    const QByteArray rewritten = OnboardingDocument::serialize(*second);
    PeeringFuzz::check(rewritten == written, "a document round-trips unchanged",
                       QString::fromUtf8(written + "\n----\n" + rewritten));
    PeeringFuzz::check(*second == *first, "the value read again equals the value read");
    // Without its secrets the document is still readable.
    const Result<Onboarding> noSecrets = OnboardingDocument::parse(OnboardingDocument::serialize(*first, false));
    PeeringFuzz::check(noSecrets.ok(), "a document written without secrets reads again",
                       noSecrets.ok() ? QString() : noSecrets.error());
    return 0;
}
