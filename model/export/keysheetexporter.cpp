#include "keysheetexporter.h"

#include "domain/asn.h"
#include "reviewreport.h"

namespace Peering {

QList<KeySheetExporter::Sheet> KeySheetExporter::sheets(const Onboarding &o,
                                                        const ExportOptions &options)
{
    QList<Sheet> out;
    for (const RegisteredAsn &r : o.registeredAsns) {
        const auto asn = Asn::parse(r.asn);
        const QString asnText = asn ? QStringLiteral("AS") + asn->toString() : r.asn;
        QString metro;
        for (const PeeringResource &p : o.peerings)
            if (p.name == r.peering)
                metro = p.metro;
        const auto provider = Asn::parse(o.peerAsn.asn);
        const QString providerAsn
            = provider ? QStringLiteral("AS") + provider->toString() : o.peerAsn.asn;
        Sheet s;
        s.title = tr("Peering Service prefix key for %1").arg(r.name);
        s.fields
            = {{tr("Customer"), r.name},
               {tr("Customer ASN"), asnText},
               {tr("Prefix key"), r.prefixKey.isEmpty() ? tr("(not generated yet)") : r.prefixKey},
               {tr("Provider"), o.peerAsn.peerName},
               {tr("Provider ASN"), providerAsn},
               {tr("Peering location"), metro},
               {tr("Issued"), options.effectiveNow().toString(QStringLiteral("yyyy-MM-dd"))}};
        s.steps = {
            tr("Keep this key confidential: it ties your prefixes to your ASN. One key serves all "
               "of "
               "your prefixes in every location."),
            tr("In the Azure portal, create a Peering Service resource: choose the location, the "
               "provider %1 and the provider's peering location %2.")
                .arg(o.peerAsn.peerName, metro),
            tr("Add each prefix you want to activate to the Peering Service, with this prefix "
               "key."),
            tr("Announce the prefixes from %1 to the provider's route server with the community "
               "%2; "
               "no private ASN may appear in the AS path.")
                .arg(asnText, QLatin1String(AdvertisedPrefix::RequiredCommunity)),
            tr("Wait until each prefix shows the validation state Verified (Pending while "
               "Microsoft "
               "checks it). If a prefix shows Failed or Invalid, check the key, the origin ASN and "
               "the route registration, then contact the provider."),
        };
        out.append(s);
    }
    return out;
}

QString KeySheetExporter::sheetHtml(const Sheet &sheet)
{
    const auto e = ReviewReport::escapeHtml;
    // Larger than the review summary: a sheet is read by someone who types the key in.
    QString h = QStringLiteral("<div style=\"font-size: 11pt\"><h1>%1</h1>\n<table "
                               "cellpadding=\"5\" cellspacing=\"0\" border=\"1\">\n")
                    .arg(e(sheet.title));
    for (const QStringList &f : sheet.fields)
        h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>\n")
                 .arg(e(f.value(0)), e(f.value(1)));
    h += QStringLiteral("</table>\n<h2>%1</h2>\n<ol>\n")
             .arg(e(tr("How to activate your prefixes")));
    for (const QString &step : sheet.steps)
        h += QStringLiteral("<li>%1</li>\n").arg(e(step));
    h += QStringLiteral("</ol></div>\n");
    return h;
}

Result<QByteArray> KeySheetExporter::exportOnboarding(const Onboarding &o,
                                                      const ExportOptions &options) const
{
    const QList<Sheet> list = sheets(o, options);
    if (list.isEmpty())
        return Result<QByteArray>::failure(
            tr("no registered customer ASNs: there is no key sheet to export"));
    QString s;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Sheet &sheet = list[i];
        if (i > 0)
            s += u'\f'; // one page per customer when printed
        s += sheet.title + u'\n' + QString(sheet.title.size(), u'=') + QStringLiteral("\n\n");
        for (const QStringList &f : sheet.fields)
            s += QStringLiteral("%1: %2\n").arg(f.value(0), f.value(1));
        s += u'\n' + tr("How to activate your prefixes") + QStringLiteral(":\n");
        for (qsizetype k = 0; k < sheet.steps.size(); ++k)
            s += QStringLiteral("%1. %2\n").arg(QString::number(k + 1), sheet.steps[k]);
        s += u'\n';
    }
    return s.toUtf8();
}

} // namespace Peering
