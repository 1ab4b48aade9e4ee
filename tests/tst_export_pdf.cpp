// The PDF exports (review summary and customer key sheets), read back with poppler's pdftotext,
// pdfinfo and pdftoppm: names, facilities and session IPs present, MD5 keys absent, paper sizes,
// page numbers, the validation notice on the first page, and the page breaks: every heading once
// and never last on a page, every table row once, table headers repeated on continued pages and
// never broken inside a word, nothing but black, white and grey.
#include "document/onboardingdocument.h"
#include "export/reviewreport.h"
#include "exportdialog.h"
#include "pdfexporter.h"
#include "skipexit.h"
#include "samplegenerator.h"
#include "domain/milestone.h"
#include "validation/onboardingvalidator.h"

#include <QCheckBox>
#include <QComboBox>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

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

// pdftotext's text of each page (it ends every page with a form feed).
QStringList pageTexts(const QByteArray &pdf, const QStringList &args = {})
{
    QStringList pages = poppler("pdftotext", pdf, args).split(u'\f');
    if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
        pages.removeLast();
    return pages;
}

// The lines of a page's text without its footer (export line and page number) and blank lines.
QStringList bodyLines(const QString &page)
{
    static const QRegularExpression pageNumber(QStringLiteral("^Page \\d+ of \\d+$"));
    QStringList out;
    for (const QString &raw : page.split(u'\n')) {
        const QString line = raw.trimmed();
        if (!line.isEmpty() && !pageNumber.match(line).hasMatch()
            && !line.contains(QLatin1String(" - exported ")))
            out.append(line);
    }
    return out;
}

// Documents of many sizes, so that headings and table rows fall at every height of a page,
// and some at its foot.
Onboarding sample(const QString &name)
{
    if (name == QLatin1String("full"))
        return full();
    if (name == QLatin1String("many-findings"))
        return load(QStringLiteral(PEERING_TEST_DATA_DIR "/many-findings.json"));
    // large-C-P-R: C connections, P prefixes, R registered customer ASNs
    const QStringList n = name.split(u'-');
    return TestSupport::makeLargeOnboarding(n.value(1).toInt(), n.value(2).toInt(),
                                            n.value(3).toInt());
}

QStringList samples()
{
    return {QStringLiteral("full"),
            QStringLiteral("many-findings"),
            QStringLiteral("large-64-100-50"),
            QStringLiteral("large-9-0-1"),
            QStringLiteral("large-12-5-3"),
            QStringLiteral("large-17-11-2"),
            QStringLiteral("large-20-23-7"),
            QStringLiteral("large-26-31-0"),
            QStringLiteral("large-30-40-12")};
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
    void headingsOnceAndKeptWithNext_data();
    void headingsOnceAndKeptWithNext();
    void tableRowsOnceWithHeaderOnEveryPage_data();
    void tableRowsOnceWithHeaderOnEveryPage();
    void noPageHoldsOneRowOfATable_data();
    void noPageHoldsOneRowOfATable();
    void headerWordsIntact_data();
    void headerWordsIntact();
    void rowTallerThanAPage();
    void blackAndWhite();
    void createCoversEveryFormat();
    void exportDialogOffersEveryFormat();
};

void TestExportPdf::initTestCase()
{
    if (tool("pdftotext").isEmpty() || tool("pdfinfo").isEmpty() || tool("pdftoppm").isEmpty()) {
        Peering::TestSupport::exitAsSkipped();
        QSKIP("poppler-utils (pdftotext, pdfinfo, pdftoppm) are not installed: "
              "scripts/install-deps.sh");
    }
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
    // Each sheet is numbered as a sheet: it is handed on alone.
    QVERIFY2(page1.contains(QStringLiteral("Sheet 1 of %1").arg(o.registeredAsns.size())),
             qPrintable(page1));
    QVERIFY(page1.contains(QLatin1String("AS396982")));
    QVERIFY(page1.contains(QLatin1String("7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5f6")));
    QVERIFY(page1.contains(QLatin1String("Peering Service")));
    QVERIFY(!page1.contains(QLatin1String("Fabrikam")));
    QVERIFY(!page1.contains(o.peerings[0].connections[0].bgp.md5Key));
}

void TestExportPdf::headingsOnceAndKeptWithNext_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("pageSize");
    for (const QString &name : samples())
        for (const char *size : {"a4", "letter"})
            QTest::addRow("%s-%s", qPrintable(name), size) << name << QString::fromLatin1(size);
}

void TestExportPdf::headingsOnceAndKeptWithNext()
{
    QFETCH(QString, sample);
    QFETCH(QString, pageSize);
    const Onboarding o = ::sample(sample);
    const ExportOptions options = pinned(pageSize);
    const ReviewReport report = ReviewReport::build(o, options);
    QMap<QString, int> expected; // section and subsection headings, as often as the report has them
    for (const ReportBlock &b : report.blocks())
        if (b.kind == ReportBlock::Heading && b.level >= 2)
            ++expected[b.text];
    QVERIFY(expected.size() >= 10);
    const QStringList pages = pageTexts(exportPdf(o, options));
    QVERIFY(!pages.isEmpty());
    QMap<QString, int> seen;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QStringList lines = bodyLines(pages[i]);
        QVERIFY2(!lines.isEmpty(), qPrintable(QStringLiteral("page %1 is empty").arg(i + 1)));
        for (const QString &line : lines)
            if (expected.contains(line))
                ++seen[line];
        // A heading at the foot of a page, with what it heads on the next one, is kept with it.
        QVERIFY2(!expected.contains(lines.last()),
                 qPrintable(QStringLiteral("page %1 ends with the heading \"%2\"")
                                .arg(i + 1)
                                .arg(lines.last())));
    }
    // Neither clipped at a page break and printed again on the next page, nor lost.
    QCOMPARE(seen, expected);
}

void TestExportPdf::tableRowsOnceWithHeaderOnEveryPage_data()
{
    QTest::addColumn<QString>("pageSize");
    QTest::newRow("a4") << QStringLiteral("a4");
    QTest::newRow("letter") << QStringLiteral("letter");
}

void TestExportPdf::tableRowsOnceWithHeaderOnEveryPage()
{
    QFETCH(QString, pageSize);
    const Onboarding o = TestSupport::makeLargeOnboarding(64, 150, 80);
    const QStringList pages = pageTexts(exportPdf(o, pinned(pageSize)));
    QVERIFY(pages.size() > 5);
    const QString all = pages.join(u'\n');
    const auto count = [](const QString &text, const QString &word) {
        return text.count(QRegularExpression(
            QStringLiteral("(?<![\\w.])%1(?![\\w.])").arg(QRegularExpression::escape(word))));
    };
    // Every row once: none lost or printed twice at a page break.
    for (const AdvertisedPrefix &p : o.prefixes)
        QVERIFY2(count(all, p.prefix) == 1, qPrintable(p.prefix));
    for (const RegisteredAsn &r : o.registeredAsns)
        QVERIFY2(count(all, QStringLiteral("AS") + r.asn) == 1, qPrintable(r.asn));
    for (const PeeringResource &p : o.peerings)
        for (const Connection &c : p.connections) {
            QVERIFY2(count(all, c.bgp.peerIPv4) == 1, qPrintable(c.bgp.peerIPv4));
            QVERIFY2(
                all.count(QStringLiteral("%1 (%2)").arg(c.facilityName).arg(c.peeringDbFacilityId))
                    == 1,
                qPrintable(c.facilityName));
        }
    // A table that goes on over a page break shows its header again.
    static const QRegularExpression prefixRow(QStringLiteral("^20\\.\\d+\\.\\d+\\.0/24$"),
                                              QRegularExpression::MultilineOption);
    static const QRegularExpression customerRow(QStringLiteral("^Customer \\d+$"),
                                                QRegularExpression::MultilineOption);
    int prefixPages = 0;
    int customerPages = 0;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QString where = QStringLiteral("page %1").arg(i + 1);
        if (prefixRow.match(pages[i]).hasMatch()) {
            ++prefixPages;
            QVERIFY2(pages[i].contains(QLatin1String("Communities")), qPrintable(where));
        }
        if (customerRow.match(pages[i]).hasMatch()) {
            ++customerPages;
            QVERIFY2(pages[i].contains(QLatin1String("Key delivered")), qPrintable(where));
        }
    }
    QVERIFY(prefixPages >= 2);
    QVERIFY(customerPages >= 2);
}

void TestExportPdf::noPageHoldsOneRowOfATable_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("pageSize");
    QStringList names = samples();
    names.append(QStringLiteral("example"));
    for (int c = 1; c <= 24; c += 1)
        names.append(QStringLiteral("large-%1-%2-%3").arg(c).arg((c * 7) % 19).arg(c % 5));
    for (const QString &name : std::as_const(names))
        for (const char *size : {"a4", "letter"})
            QTest::addRow("%s-%s", qPrintable(name), size) << name << QString::fromLatin1(size);
}

// A table that goes on over a page break leaves at least two of its rows on each page: never
// one row alone below its header at the foot of a page, nor one alone at the top of the next
// (the example's third page once held only "Prefixes activated").
void TestExportPdf::noPageHoldsOneRowOfATable()
{
    QFETCH(QString, sample);
    QFETCH(QString, pageSize);
    const Onboarding o = sample == QLatin1String("example")
        ? load(QStringLiteral(PEERING_TEST_DATA_DIR "/../../docs/examples/example-ix.json"))
        : ::sample(sample);
    const QByteArray pdf = exportPdf(o, pinned(pageSize));
    // The rows of three tables, recognised by their text: the progress stages (raw text: a
    // status, then the expected date or "-"), the prefixes and the registered customers.
    static const QRegularExpression stageRow(
        QStringLiteral("(?:^|\\) )(?:done|current|waiting)(?: \\((?:went back|implied)\\))? (?:\\d{4}-\\d{2}-\\d{2}|-) "),
        QRegularExpression::MultilineOption);
    static const QRegularExpression prefixRow(QStringLiteral("^\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+$"),
                                              QRegularExpression::MultilineOption);
    const QStringList raw = pageTexts(pdf, {QStringLiteral("-raw")});
    const QStringList plain = pageTexts(pdf);
    QCOMPARE(raw.size(), plain.size());
    // The rows of the table on each page, and the first page that holds just one of them.
    QSet<QString> advertised;
    for (const AdvertisedPrefix &a : o.prefixes)
        advertised.insert(a.prefix);
    const auto rowsPerPage = [](const QRegularExpression &row, const QStringList &pages,
                                const QSet<QString> *only = nullptr) {
        QList<qsizetype> perPage;
        for (const QString &page : pages) {
            qsizetype n = 0;
            for (auto it = row.globalMatch(page); it.hasNext();) {
                const QString text = it.next().captured(0);
                n += !only || only->contains(text) ? 1 : 0;
            }
            perPage.append(n);
        }
        return perPage;
    };
    const std::pair<const char *, QList<qsizetype>> tables[] = {
        {"progress", rowsPerPage(stageRow, raw)},
        {"prefix", rowsPerPage(prefixRow, plain, &advertised)}};
    const qsizetype expected[] = {qsizetype(Milestone::stages().size()), o.prefixes.size()};
    for (int t = 0; t < 2; ++t) {
        const auto &[table, perPage] = tables[t];
        const qsizetype total = std::accumulate(perPage.cbegin(), perPage.cend(), qsizetype(0));
        QCOMPARE(total, expected[t]); // every row recognised, once
        for (qsizetype i = 0; i < perPage.size() && total > 1; ++i)
            QVERIFY2(perPage[i] != 1,
                     qPrintable(QStringLiteral("page %1 of %2 holds one row of the %3 table (of %4)")
                                    .arg(i + 1)
                                    .arg(perPage.size())
                                    .arg(QLatin1String(table))
                                    .arg(total)));
    }
}

void TestExportPdf::headerWordsIntact_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("pageSize");
    for (const char *name : {"full", "many-findings", "large-64-100-50"})
        for (const char *size : {"a4", "letter"})
            QTest::addRow("%s-%s", name, size)
                << QString::fromLatin1(name) << QString::fromLatin1(size);
}

void TestExportPdf::headerWordsIntact()
{
    QFETCH(QString, sample);
    QFETCH(QString, pageSize);
    const Onboarding o = ::sample(sample);
    const ExportOptions options = pinned(pageSize);
    const QByteArray pdf = exportPdf(o, options);
    const QString layout = poppler("pdftotext", pdf, {QStringLiteral("-layout")});
    QVERIFY(!layout.isEmpty());
    // Column headers wrap between words, never inside one (a column too narrow for its header
    // shows "Addr", "esse", "s /" on lines of their own).
    static const QRegularExpression wordPattern(QStringLiteral("[A-Za-z0-9]+"));
    const ReviewReport report = ReviewReport::build(o, options);
    for (const ReportBlock &b : report.blocks()) {
        if (b.kind != ReportBlock::Table)
            continue;
        for (const QString &header : b.headers) {
            for (const QRegularExpressionMatch &m : wordPattern.globalMatch(header)) {
                const QString word = m.captured();
                QVERIFY2(layout.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(word))),
                         qPrintable(header + QStringLiteral(": ") + word));
            }
        }
    }
    // The connections header: every column's header starts on the header's first line.
    QVERIFY(layout.contains(QRegularExpression(QStringLiteral(
        "#\\s+Facility\\b.*\\bBandwidth\\s+Role\\s+State\\s+Peer routers\\s+Addresses"))));
    // Addresses stay whole (an IPv6 address broken after "::" misleads).
    for (const PeeringResource &p : o.peerings)
        for (const Connection &c : p.connections)
            for (const QString &ip : {c.bgp.peerIPv4, c.bgp.microsoftIPv4, c.bgp.peerIPv6,
                                      c.bgp.microsoftIPv6, c.bgp.sessionPrefixV6})
                if (!ip.isEmpty())
                    QVERIFY2(
                        layout.contains(QRegularExpression(
                            QStringLiteral("(^|\\s)%1(\\s|$)").arg(QRegularExpression::escape(ip)),
                            QRegularExpression::MultilineOption)),
                        qPrintable(ip));
    // Field paths break after a dot, with nothing printed there.
    QString squeezed = poppler("pdftotext", pdf, {QStringLiteral("-raw")});
    squeezed.remove(QRegularExpression(QStringLiteral("\\s+")));
    for (const Finding &f : OnboardingValidator::validate(o))
        QVERIFY2(squeezed.contains(f.path), qPrintable(f.path));
}

void TestExportPdf::rowTallerThanAPage()
{
    // A waiver note longer than a page: its row is cut between lines, nothing lost or doubled.
    Onboarding o = full();
    QStringList words;
    for (int i = 0; i < 900; ++i)
        words.append(QStringLiteral("w%1").arg(i, 4, 10, QLatin1Char('0')));
    o.requirements[0].status = QStringLiteral("waived");
    o.requirements[0].note = words.join(u' ');
    // And a word too long for any column: it breaks wherever it must.
    o.requirements[1].note = QString(300, u'x') + QStringLiteral("END");
    for (const char *size : {"a4", "letter"}) {
        // In the order of drawing: the lines of a cell one after the other.
        const QString text = poppler("pdftotext", exportPdf(o, pinned(QLatin1String(size))),
                                     {QStringLiteral("-raw")});
        for (const QString &w : words)
            QVERIFY2(text.count(QRegularExpression(QStringLiteral("\\b%1\\b").arg(w))) == 1,
                     qPrintable(w));
        QString squeezed = text;
        squeezed.remove(QRegularExpression(QStringLiteral("\\s+")));
        QCOMPARE(squeezed.count(QString(300, u'x') + QStringLiteral("END")), 1);
    }
}

void TestExportPdf::blackAndWhite()
{
    // Nothing is said with colour: every pixel of every page is a shade of grey.
    const QByteArray pdf
        = exportPdf(load(QStringLiteral(PEERING_TEST_DATA_DIR "/many-findings.json")), pinned());
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("export.pdf")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pdf);
    f.close();
    QProcess p;
    p.start(tool("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"), f.fileName(),
             dir.filePath(QStringLiteral("page"))});
    QVERIFY(p.waitForFinished(60000) && p.exitCode() == 0);
    const QStringList pngs = QDir(dir.path()).entryList({QStringLiteral("page*.png")});
    QVERIFY(pngs.size() >= 2);
    for (const QString &png : pngs) {
        const QImage image(dir.filePath(png));
        QVERIFY(!image.isNull());
        int dark = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QRgb c = image.pixel(x, y);
                QVERIFY2(qRed(c) == qGreen(c) && qGreen(c) == qBlue(c),
                         qPrintable(QStringLiteral("%1 (%2, %3)").arg(png).arg(x).arg(y)));
                dark += qGray(c) < 128 ? 1 : 0;
            }
        QVERIFY(dark > 100); // there is something on the page
    }
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
