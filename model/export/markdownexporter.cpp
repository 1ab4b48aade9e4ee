#include "markdownexporter.h"

#include "reviewreport.h"

namespace Peering {

Result<QByteArray> MarkdownExporter::exportOnboarding(const Onboarding &onboarding,
                                                      const ExportOptions &options) const
{
    return ReviewReport::build(onboarding, options).toMarkdown().toUtf8();
}

} // namespace Peering
