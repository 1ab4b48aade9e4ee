// One interface for every export format, and the list of formats that the command line, the
// Review page and the main window share. Text formats live here (Qt Core only); the PDF
// renderers live in the GUI layer (wizard/pdfexporter.h) and are only listed here.
#pragma once

#include "domain/onboarding.h"
#include "domain/result.h"
#include "exportoptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <memory>
#include <optional>

namespace Peering {

struct ExportFormat
{
    QString id; // json, markdown, html, arm, az, powershell, keysheet, pdf, keysheet-pdf
    QString suffix; // file suffix without the dot
    QString description; // translated, for file dialogs and --help
    bool binary = false; // never written to a terminal
    bool needsGui = false; // rendered by the GUI layer (QTextDocument, QPdfWriter)
};

class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Peering::Exporter)
public:
    virtual ~Exporter() = default;
    virtual QString formatId() const = 0;
    virtual QString fileSuffix() const = 0;
    virtual Result<QByteArray> exportOnboarding(const Onboarding &onboarding,
                                                const ExportOptions &options) const = 0;

    // Every format in menu order.
    static QList<ExportFormat> formats();
    static std::optional<ExportFormat> format(const QString &id);
    static QStringList formatIds();
    // The exporter of a text format; nullptr for unknown ids and for the GUI formats.
    static std::unique_ptr<Exporter> create(const QString &id);

    // The notice every script and template starts with (domain.md section 5).
    static QString apiNotice();
    // One warning per ASN of the onboarding (peer and customers) above 2147483647, which the
    // Microsoft.Peering API (int32) and Az.Peering ([System.Int32]) cannot take; the scripts say
    // them in their header.
    static QStringList int32Warnings(const Onboarding &onboarding);
    // How many MD5 keys an export without secrets leaves out.
    static int secretCount(const Onboarding &onboarding);
};

} // namespace Peering
