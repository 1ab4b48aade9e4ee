// Export of a 64-connection onboarding to PDF and to an ARM template: the case (100
// advertised prefixes, 50 registered customer ASNs; target: PDF under 300 ms) and the full-size
// one (2,000 prefixes, 1,000 registered ASNs). Reports medians; never fails on speed.
// Baselines measured in the same run: for the PDF, Qt's stock path for the same summary
// (QTextDocument::setHtml of the HTML export, then print() to a QPdfWriter); for ARM, writing the
// onboarding document itself as JSON.
#include "median.h"
#include "document/onboardingdocument.h"
#include "export/exporter.h"
#include "pdfexporter.h"
#include "samplegenerator.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Peering;

using Peering::TestSupport::medianMs;

namespace {

// target: the PDF figure to stay under, in ms (0: none).
void report(const char *what, const Onboarding &o, int runs, int target = 0)
{
    ExportOptions options;
    options.now = QDateTime(QDate(2026, 11, 22), QTime(10, 30), Qt::UTC);
    const PdfExporter pdf;
    const auto arm = Exporter::create(QStringLiteral("arm"));
    const auto pdfBytes = pdf.exportOnboarding(o, options); // warm-up: fonts, static tables
    const auto armBytes = arm->exportOnboarding(o, options);
    if (!pdfBytes || !armBytes) {
        std::fprintf(stderr, "bench_export: export failed\n");
        std::exit(1);
    }
    volatile qsizetype sink = 0;
    const double pdfMs = medianMs(runs, [&] { sink = pdf.exportOnboarding(o, options)->size(); });
    const double armMs
        = medianMs(runs * 4 + 1, [&] { sink = arm->exportOnboarding(o, options)->size(); });
    // Baselines.
    const QString html
        = QString::fromUtf8(*Exporter::create(QStringLiteral("html"))->exportOnboarding(o, options));
    const auto stockPdf = [&html] {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        QTextDocument doc;
        doc.setHtml(html);
        doc.print(&writer);
        return buffer.size();
    };
    const int stockRuns = std::max(3, runs / 2); // seconds per run on the full document
    const double stockMs = medianMs(stockRuns, [&] { sink = stockPdf(); });
    const double jsonMs
        = medianMs(runs * 4 + 1, [&] { sink = OnboardingDocument::serialize(o, false).size(); });
    (void)sink;
    std::printf("bench_export: %s: %d connections, %lld prefixes, %lld registered ASNs\n", what,
                o.connectionCount(), qlonglong(o.prefixes.size()),
                qlonglong(o.registeredAsns.size()));
    std::printf("bench_export: %s: PDF median %.1f ms (%d runs, %lld bytes)", what, pdfMs, runs,
                qlonglong(pdfBytes->size()));
    if (target > 0)
        std::printf("; target < %d ms", target);
    std::printf("\n");
    std::printf("bench_export: %s: baseline: Qt's stock HTML-to-PDF of the same summary (QTextDocument"
                "::print) median %.1f ms (%d runs); PDF / baseline = %.2f\n",
                what, stockMs, stockRuns, pdfMs / stockMs);
    std::printf("bench_export: %s: ARM median %.2f ms (%d runs, %lld bytes)\n", what, armMs,
                runs * 4 + 1, qlonglong(armBytes->size()));
    std::printf("bench_export: %s: baseline: the document as JSON median %.2f ms; ARM / baseline = "
                "%.2f\n",
                what, jsonMs, armMs / jsonMs);
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    // The figure: 64 connections with their sessions, a small prefix list...
    report("64 connections", TestSupport::makeLargeOnboarding(64, 100, 50), 11, 300);
    // ...and the full-size document: every prefix and registered ASN is a table row in the PDF.
    if (!qEnvironmentVariableIsSet("BENCH_EXPORT_SMALL_ONLY"))
        report("64 connections, full", TestSupport::makeLargeOnboarding(64, 2000, 1000), 5);
    return 0;
}
