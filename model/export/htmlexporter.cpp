#include "htmlexporter.h"

#include "reviewreport.h"

namespace Peering {

Result<QByteArray> HtmlExporter::exportOnboarding(const Onboarding &onboarding,
                                                  const ExportOptions &options) const
{
    return ReviewReport::build(onboarding, options).toHtml().toUtf8();
}

} // namespace Peering
