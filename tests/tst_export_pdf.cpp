// The PDF exports (review summary and customer key sheets), read back with poppler's pdftotext
// and pdfinfo: names, facilities and session IPs present, MD5 keys absent, paper sizes, page
// numbers, and the validation notice on the first page.
#include "document/onboardingdocument.h"
#include "exportdialog.h"
#include "pdfexporter.h"

#include <QCheckBox>
#include <QComboBox>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Peering;

namespace {

ExportOptions pinned(const QString &pageSize = QStringLiteral("a4"), bool secrets = false)
{
    ExportOptions o;
    o.includeSecrets = secrets;
    o.pageSize = pageSize;
    o.now = QDateTime(QDate(2026, 11, 22), QTime(10, 30), Qt::UTC);
    return o;
}

Onboarding load(const QString &file)
{
    auto r = OnboardingDocument::readFile(file);
    if (!r)
        qFatal("%s: %s", qPrintable(file), qPrintable(r.error()));
    return *r;
}

Onboarding full()
{
    return load(QStringLiteral(PEERING_TEST_DATA_DIR "/golden/input-full.json"));
}

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QLatin1String(name));
}

// Runs a poppler tool on the PDF bytes; returns its standard output.
QString poppler(const char *name, const QByteArray &pdf, const QStringList &args = {})
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("export.pdf"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(pdf);
    f.close();
    QProcess p;
    QStringList all = args;
    all << file;
    if (qstrcmp(name, "pdftotext") == 0)
        all << QStringLiteral("-");
    p.start(tool(name), all);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QByteArray exportPdf(const Onboarding &o,
                     const ExportOptions &options,
                     PdfExporter::Kind kind = PdfExporter::ReviewSummary)
{
    const auto bytes = PdfExporter(kind).exportOnboarding(o, options);
    if (!bytes)
        qFatal("PDF export failed: %s", qPrintable(bytes.error()));
    return *bytes;
}

} // namespace

class TestExportPdf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reviewSummaryText();
    void secretsOnlyOnRequest();
    void pageSizes_data();
    void pageSizes();
    void pageNumbers();
    void errorsOnFirstPage();
    void hostileTextIsText();
    void keySheets();
    void createCoversEveryFormat();
    void exportDialogOffersEveryFormat();
};

void TestExportPdf::initTestCase()
{
    if (tool("pdftotext").isEmpty() || tool("pdfinfo").isEmpty())
        QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed: scripts/install-deps.sh");
}

void TestExportPdf::reviewSummaryText()
{
    const Onboarding o = full();
    const QByteArray pdf = exportPdf(o, pinned());
    QVERIFY(pdf.startsWith("%PDF-"));
    // Table cells wrap (an IPv6 address may break after "::"): compare without any whitespace.
    const auto squeeze
        = [](QString s) { return s.remove(QRegularExpression(QStringLiteral("\\s+"))); };
    const QString text = squeeze(poppler("pdftotext", pdf, {QStringLiteral("-raw")}));
    QVERIFY(!text.isEmpty());
    QVERIFY(text.contains(QLatin1String("Reviewsummary")));
    QVERIFY(text.contains(QLatin1String("AS213999")));
    QVERIFY(text.contains(QLatin1String("2026-11-22")));
    for (const PeeringResource &p : o.peerings) {
        QVERIFY2(text.contains(squeeze(p.name)), qPrintable(p.name));
        QVERIFY2(text.contains(squeeze(p.metro)), qPrintable(p.metro));
        for (const Connection &c : p.connections) {
            QVERIFY2(text.contains(squeeze(c.facilityName)), qPrintable(c.facilityName));
            QVERIFY2(text.contains(c.bgp.peerIPv4), qPrintable(c.bgp.peerIPv4));
            QVERIFY2(text.contains(c.bgp.microsoftIPv4), qPrintable(c.bgp.microsoftIPv4));
            if (!c.bgp.peerIPv6.isEmpty())
                QVERIFY2(text.contains(c.bgp.peerIPv6), qPrintable(c.bgp.peerIPv6));
        }
    }
    for (const char *section : {"Basics", "Configuration", "Connections", "BGPsessions", "Prefixes",
                                "Requirements", "Findings", "Progress", "Currentstage"})
        QVERIFY2(text.contains(QLatin1String(section)), section);
    // Tabs in the portal's order.
    QVERIFY(text.indexOf(QLatin1String("Basics")) < text.indexOf(QLatin1String("Configuration")));
    QVERIFY(text.indexOf(QLatin1String("Configuration"))
            < text.indexOf(QLatin1String("Connections")));
    QVERIFY(text.indexOf(QLatin1String("Connections")) < text.indexOf(QLatin1String("Prefixes")));
    QVERIFY(text.contains(QLatin1String("Frankfurtruns10Guntilthenewportisdelivered"))); // waiver
}

void TestExportPdf::secretsOnlyOnRequest()
{
    const Onboarding o = full();
    const QString key = o.peerings[0].connections[0].bgp.md5Key;
    QVERIFY(!key.isEmpty());
    const QString without = poppler("pdftotext", exportPdf(o, pinned()));
    QVERIFY(!without.isEmpty());
    QVERIFY(!without.contains(key));
    QVERIFY(without.contains(QLatin1String("set (not shown)")));
    QVERIFY(poppler("pdftotext", exportPdf(o, pinned(QStringLiteral("a4"), true))).contains(key));
}

void TestExportPdf::pageSizes_data()
{
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a4") << QStringLiteral("a4") << QStringLiteral("595 x 842");
    QTest::newRow("letter") << QStringLiteral("letter") << QStringLiteral("612 x 792");
}

void TestExportPdf::pageSizes()
{
    QFETCH(QString, pageSize);
    QFETCH(QString, expected);
    const QString info = poppler("pdfinfo", exportPdf(full(), pinned(pageSize)));
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("Page size:\\s+(.*)")).match(info);
    QVERIFY2(m.hasMatch(), qPrintable(info));
    QVERIFY2(m.captured(1).contains(expected), qPrintable(m.captured(1)));
}

void TestExportPdf::pageNumbers()
{
    const QByteArray pdf = exportPdf(full(), pinned());
    const QString info = poppler("pdfinfo", pdf);
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    QVERIFY(m.hasMatch());
    const int pages = m.captured(1).toInt();
    QVERIFY(pages >= 1);
    const QString text = poppler("pdftotext", pdf);
    for (int i = 1; i <= pages; ++i)
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(i).arg(pages)),
                 qPrintable(QString::number(i)));
}

void TestExportPdf::errorsOnFirstPage()
{
    const Onboarding bad = load(QStringLiteral(PEERING_TEST_DATA_DIR "/many-findings.json"));
    const QString first = poppler(
        "pdftotext", exportPdf(bad, pinned()),
        {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1")});
    QVERIFY(first.contains(QLatin1String("DOES NOT PASS VALIDATION")));
    QVERIFY(!poppler("pdftotext", exportPdf(full(), pinned()))
                 .contains(QLatin1String("DOES NOT PASS")));
}

void TestExportPdf::hostileTextIsText()
{
    Onboarding o = full();
    o.peerings[0].name = QStringLiteral("x\"; rm -rf / #");
    o.requirements[1].note = QStringLiteral("<script>alert(1)</script>");
    const QString text = poppler("pdftotext", exportPdf(o, pinned()));
    QVERIFY(text.contains(QLatin1String("x\"; rm -rf / #")));
    QVERIFY(text.contains(QLatin1String("<script>alert(1)</script>"))); // shown, not interpreted
}

void TestExportPdf::keySheets()
{
    const Onboarding o = full();
    const QByteArray pdf = exportPdf(o, pinned(), PdfExporter::KeySheets);
    const QString info = poppler("pdfinfo", pdf);
    QVERIFY2(info.contains(QRegularExpression(
                 QStringLiteral("Pages:\\s+%1\\b").arg(o.registeredAsns.size()))),
             qPrintable(info));
    const QString page1 = poppler(
        "pdftotext", pdf,
        {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1")});
    QVERIFY(page1.contains(QLatin1String("Contoso Hosting")));
    QVERIFY(page1.contains(QLatin1String("AS396982")));
    QVERIFY(page1.contains(QLatin1String("7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5f6")));
    QVERIFY(page1.contains(QLatin1String("Peering Service")));
    QVERIFY(!page1.contains(QLatin1String("Fabrikam")));
    QVERIFY(!page1.contains(o.peerings[0].connections[0].bgp.md5Key));
}

void TestExportPdf::createCoversEveryFormat()
{
    for (const ExportFormat &f : Exporter::formats()) {
        const auto e = PdfExporter::create(f.id);
        QVERIFY2(e, qPrintable(f.id));
        QCOMPARE(e->formatId(), f.id);
        QCOMPARE(e->fileSuffix(), f.suffix);
    }
}

void TestExportPdf::exportDialogOffersEveryFormat()
{
    ExportDialog dialog;
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("exportFormatCombo"));
    auto *paper = dialog.findChild<QComboBox *>(QStringLiteral("exportPageSizeCombo"));
    auto *secrets = dialog.findChild<QCheckBox *>(QStringLiteral("exportSecretsCheck"));
    QVERIFY(format && paper && secrets);
    QCOMPARE(format->count(), Exporter::formats().size());
    QVERIFY(!secrets->isChecked()); // secrets stay out unless asked for
    QVERIFY(!dialog.includeSecrets());
    format->setCurrentIndex(format->findData(QStringLiteral("pdf")));
    QVERIFY(paper->isEnabled());
    paper->setCurrentIndex(paper->findData(QStringLiteral("letter")));
    QCOMPARE(dialog.pageSize(), QStringLiteral("letter"));
    format->setCurrentIndex(format->findData(QStringLiteral("arm")));
    QCOMPARE(dialog.formatId(), QStringLiteral("arm"));
    QVERIFY(!paper->isEnabled());
}

QTEST_MAIN(TestExportPdf)
#include "tst_export_pdf.moc"
