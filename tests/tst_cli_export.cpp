// peering-wizard export with every format, run as a process: exit codes, output, secrets,
// options, and the PDF path on the offscreen platform.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include "clirun.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = Peering::TestSupport::CliRun;

Run runWizard(const QStringList &args, bool withoutDisplay = false)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (withoutDisplay) {
        // As on a server: no display at all; the PDF export must pick offscreen itself.
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    }
    env.insert(QStringLiteral("SOURCE_DATE_EPOCH"), QStringLiteral("1795350600")); // 2026-11-22
    return Peering::TestSupport::runCli(QStringLiteral(PEERING_WIZARD_BIN), args, {}, env);
}

QString full()
{
    return QStringLiteral(PEERING_TEST_DATA_DIR "/golden/input-full.json");
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textFormats_data();
    void textFormats();
    void sameAsGolden();
    void secretsOnRequest();
    void apiVersion();
    void pdfNeedsOutput();
    void pdf_data();
    void pdf();
    void badOptions_data();
    void badOptions();
    void documentWithErrorsExports();
    void helpListsFormats();
};

void TestCliExport::textFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("json") << "json" << QByteArray("\"format\": \"peering-onboarding/1\"");
    QTest::newRow("markdown") << "markdown" << QByteArray("# Review summary");
    QTest::newRow("html") << "html" << QByteArray("<!DOCTYPE html>");
    QTest::newRow("arm") << "arm" << QByteArray("deploymentTemplate.json#");
    QTest::newRow("az") << "az" << QByteArray("az peering peering create");
    QTest::newRow("powershell") << "powershell" << QByteArray("New-AzPeering -Name");
    QTest::newRow("keysheet") << "keysheet" << QByteArray("Contoso Hosting");
}

void TestCliExport::textFormats()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, expected);
    const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"), format});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains(expected), r.out.left(400).constData());
    QVERIFY(!r.out.contains("s3cret-ams"));
    QVERIFY(r.err.contains("1 MD5 key left out"));
}

void TestCliExport::sameAsGolden()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("review.md"));
    // --format=VALUE as well as --format VALUE.
    const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format=markdown"),
                             QStringLiteral("--output"), out});
    QCOMPARE(r.exitCode, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray md = f.readAll();
    QVERIFY(md.contains("2026-11-22"));
    QFile golden(QStringLiteral(PEERING_TEST_DATA_DIR "/golden/full.markdown.md"));
    QVERIFY(golden.open(QIODevice::ReadOnly));
    // The golden file was exported at 10:30; the CLI's SOURCE_DATE_EPOCH differs only in the time.
    QCOMPARE(md.size(), golden.size());
}

void TestCliExport::secretsOnRequest()
{
    for (const char *f : {"json", "arm", "az", "powershell", "markdown"}) {
        const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                                 QLatin1String(f), QStringLiteral("--include-secrets")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("s3cret-ams"), f);
        QVERIFY(!r.err.contains("left out"));
    }
}

void TestCliExport::apiVersion()
{
    const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                             QStringLiteral("arm"), QStringLiteral("--api-version"),
                             QStringLiteral("2025-05-01")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray resources
        = QJsonDocument::fromJson(r.out).object().value(QLatin1String("resources")).toArray();
    QVERIFY(!resources.isEmpty());
    for (const QJsonValue &v : resources)
        QCOMPARE(v.toObject().value(QLatin1String("apiVersion")).toString(),
                 QStringLiteral("2025-05-01"));
    const Run d = runWizard(
        {QStringLiteral("export"), full(), QStringLiteral("--format"), QStringLiteral("arm")});
    QVERIFY(d.out.contains("\"apiVersion\": \"2022-10-01\""));
}

void TestCliExport::pdfNeedsOutput()
{
    const Run r = runWizard(
        {QStringLiteral("export"), full(), QStringLiteral("--format"), QStringLiteral("pdf")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("--output"));
}

void TestCliExport::pdf_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<bool>("withoutDisplay");
    QTest::newRow("pdf-a4") << "pdf"
                            << "a4" << false;
    QTest::newRow("pdf-letter-no-display") << "pdf"
                                           << "letter" << true;
    QTest::newRow("keysheet-pdf") << "keysheet-pdf"
                                  << "a4" << true;
}

void TestCliExport::pdf()
{
    QFETCH(QString, format);
    QFETCH(QString, pageSize);
    QFETCH(bool, withoutDisplay);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.pdf"));
    const Run r
        = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"), format,
                     QStringLiteral("--page-size"), pageSize, QStringLiteral("--output"), out},
                    withoutDisplay);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.contains(pageSize == QLatin1String("letter")
                             ? "/MediaBox [0 0 612.000000 792.000000]"
                             : "/MediaBox [0 0 595."));
}

void TestCliExport::badOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no-format") << QStringList {QStringLiteral("export"), full()};
    QTest::newRow("yaml") << QStringList {QStringLiteral("export"), full(),
                                          QStringLiteral("--format"), QStringLiteral("yaml")};
    QTest::newRow("page-size") << QStringList {
        QStringLiteral("export"),      full(),
        QStringLiteral("--format"),    QStringLiteral("markdown"),
        QStringLiteral("--page-size"), QStringLiteral("a3")};
    QTest::newRow("missing-file") << QStringList {
        QStringLiteral("export"), QStringLiteral("/nonexistent.json"), QStringLiteral("--format"),
        QStringLiteral("arm")};
    QTest::newRow("two-files") << QStringList {QStringLiteral("export"), full(), full(),
                                               QStringLiteral("--format"), QStringLiteral("az")};
}

void TestCliExport::badOptions()
{
    QFETCH(QStringList, args);
    const Run r = runWizard(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("peering-wizard"));
}

void TestCliExport::documentWithErrorsExports()
{
    const Run r = runWizard({QStringLiteral("export"),
                             QStringLiteral(PEERING_TEST_DATA_DIR "/many-findings.json"),
                             QStringLiteral("--format"), QStringLiteral("markdown")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("DOES NOT PASS VALIDATION"));
    QVERIFY(r.err.contains("does not pass validation"));
}

void TestCliExport::helpListsFormats()
{
    const Run r = runWizard({QStringLiteral("export"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *f : {"json", "arm", "az", "powershell", "markdown", "html", "pdf", "keysheet",
                          "--page-size", "--api-version", "--include-secrets"})
        QVERIFY2(r.out.contains(f), f);
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
