// Export of a 64-connection onboarding to PDF and to an ARM template: the case (100
// advertised prefixes, 50 registered customer ASNs; target: PDF under 300 ms) and the full-size
// one (2,000 prefixes, 1,000 registered ASNs). Reports medians; never fails on speed.
#include "median.h"
#include "export/exporter.h"
#include "pdfexporter.h"
#include "samplegenerator.h"

#include <QElapsedTimer>
#include <QGuiApplication>

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
    (void)sink;
    std::printf("bench_export: %s: %d connections, %lld prefixes, %lld registered ASNs\n", what,
                o.connectionCount(), qlonglong(o.prefixes.size()),
                qlonglong(o.registeredAsns.size()));
    std::printf("bench_export: %s: PDF median %.1f ms (%d runs, %lld bytes)", what, pdfMs, runs,
                qlonglong(pdfBytes->size()));
    if (target > 0)
        std::printf("; target < %d ms", target);
    std::printf("\n");
    std::printf("bench_export: %s: ARM median %.2f ms (%d runs, %lld bytes)\n", what, armMs,
                runs * 4 + 1, qlonglong(armBytes->size()));
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
