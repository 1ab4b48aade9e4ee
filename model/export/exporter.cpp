#include "exporter.h"

#include "domain/asn.h"


#include "armexporter.h"
#include "azcliexporter.h"
#include "htmlexporter.h"
#include "jsonexporter.h"
#include "keysheetexporter.h"
#include "markdownexporter.h"
#include "powershellexporter.h"

namespace Peering {

QList<ExportFormat> Exporter::formats()
{
    // Built on each call: the descriptions follow the installed translation.
    return {
        {QStringLiteral("pdf"), QStringLiteral("pdf"), tr("Review summary (PDF)"), true, true},
        {QStringLiteral("html"), QStringLiteral("html"), tr("Review summary (HTML)"), false, false},
        {QStringLiteral("markdown"), QStringLiteral("md"), tr("Review summary (Markdown)"), false,
         false},
        {QStringLiteral("json"), QStringLiteral("json"), tr("Onboarding document (JSON)"), false,
         false},
        {QStringLiteral("arm"), QStringLiteral("json"), tr("ARM deployment template"), false,
         false},
        {QStringLiteral("az"), QStringLiteral("sh"), tr("Azure CLI script"), false, false},
        {QStringLiteral("powershell"), QStringLiteral("ps1"), tr("Azure PowerShell script"), false,
         false},
        {QStringLiteral("keysheet"), QStringLiteral("txt"), tr("Customer key sheets (text)"), false,
         false},
        {QStringLiteral("keysheet-pdf"), QStringLiteral("pdf"), tr("Customer key sheets (PDF)"),
         true, true},
    };
}

std::optional<ExportFormat> Exporter::format(const QString &id)
{
    for (const ExportFormat &f : formats())
        if (f.id == id)
            return f;
    return std::nullopt;
}

QStringList Exporter::formatIds()
{
    QStringList ids;
    for (const ExportFormat &f : formats())
        ids.append(f.id);
    return ids;
}

std::unique_ptr<Exporter> Exporter::create(const QString &id)
{
    if (id == QLatin1String("json"))
        return std::make_unique<JsonExporter>();
    if (id == QLatin1String("markdown"))
        return std::make_unique<MarkdownExporter>();
    if (id == QLatin1String("html"))
        return std::make_unique<HtmlExporter>();
    if (id == QLatin1String("arm"))
        return std::make_unique<ArmExporter>();
    if (id == QLatin1String("az"))
        return std::make_unique<AzCliExporter>();
    if (id == QLatin1String("powershell"))
        return std::make_unique<PowerShellExporter>();
    if (id == QLatin1String("keysheet"))
        return std::make_unique<KeySheetExporter>();
    return nullptr;
}

QString Exporter::apiNotice()
{
    return tr("NOTICE: Microsoft does not support onboarding to Peering Service through APIs; use "
              "the Azure portal. This file is for review and records, or for use at your own "
              "risk.");
}

QStringList Exporter::int32Warnings(const Onboarding &onboarding)
{
    QStringList out;
    const auto check = [&out](const QString &text, const QString &what) {
        const Result<Asn> asn = Asn::parse(text);
        if (asn && !asn->fitsAzureApi())
            out.append(tr("WARNING: %1 AS%2 is above %3: the Microsoft.Peering API takes "
                          "ASNs as int32 and Az.Peering's -PeerAsn is [System.Int32], so this "
                          "script cannot create it.")
                           .arg(what)
                           .arg(asn->value())
                           .arg(Asn::MaxAzureApi));
    };
    check(onboarding.peerAsn.asn, tr("Peer ASN"));
    for (const RegisteredAsn &r : onboarding.registeredAsns)
        check(r.asn, tr("Customer ASN of %1:").arg(r.name));
    return out;
}

int Exporter::secretCount(const Onboarding &onboarding)
{
    return onboarding.md5KeyCount();
}

} // namespace Peering
