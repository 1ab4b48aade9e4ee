#include "jsonexporter.h"

#include "document/onboardingdocument.h"

namespace Peering {

Result<QByteArray> JsonExporter::exportOnboarding(const Onboarding &onboarding,
                                                  const ExportOptions &options) const
{
    // QJsonDocument escapes quotes, control characters and backslashes itself.
    return OnboardingDocument::serialize(onboarding, options.includeSecrets);
}

} // namespace Peering
