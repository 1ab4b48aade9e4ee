// Runs the built peering-wizard binary on sample documents: exit codes, text and JSON output.
#include "clirun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

using Run = Peering::TestSupport::CliRun;

Run runWizard(const QStringList &args, const QByteArray &input = {})
{
    return Peering::TestSupport::runCli(QStringLiteral(PEERING_WIZARD_BIN), args, input);
}

QString data(const char *name)
{
    return QStringLiteral(PEERING_TEST_DATA_DIR "/") + QLatin1String(name);
}

QSet<QString> rulesOf(const QByteArray &json)
{
    QSet<QString> rules;
    const QJsonArray findings = QJsonDocument::fromJson(json).object().value(u"findings").toArray();
    for (const QJsonValue &f : findings)
        rules.insert(f.toObject().value(u"rule").toString());
    return rules;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validateExitCodes_data();
    void validateExitCodes();
    void validateJsonShape();
    void validateTextGroupsBySeverity();
    void fifosAndPipesNeverHang();
    void unreadableInput_data();
    void unreadableInput();
    void deepNestingIsRefused();
    void usageErrors_data();
    void usageErrors();
    void helpAndVersion();
    void validateFromStdin();
    void exportJsonRoundTrip();
    void exportSecrets();
    void exportUnsupportedFormat();
    void userExampleIsClean();
};

void TestCli::validateExitCodes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expectedRules");
    QTest::newRow("clean") << data("clean.json") << 0 << QStringList();
    QTest::newRow("many findings")
        << data("many-findings.json") << 1
        << QStringList{"asn.public", "peer-asn.approved", "contact.noc", "contact.email",
                       "basics.subscription-id", "basics.resource-group", "basics.peering-name",
                       "config.network", "config.sku", "bandwidth.minimum",
                       "redundancy.local", "diversity.routers", "backup.other-location",
                       "redundancy.geo", "mesh.extra-connection", "interconnect.lacp",
                       "interconnect.stateful-firewall", "interconnect.rate-limit",
                       "connection.session-address-provider",
                       "connection.use-for-peering-service", "connection.facility",
                       "bgp.session-prefix", "bgp.max-prefix-from-microsoft",
                       "prefix.ipv4-public", "prefix.registered", "prefix.community",
                       "prefix.traffic-class", "aspath.private-asn", "aspath.length",
                       "registered-asn.requires-active", "registered-asn.public"};
    QTest::newRow("backup in the primary's metro")
        << data("backup-same-metro.json") << 1 << QStringList{"backup.other-location"};
    QTest::newRow("backup in another metro") << data("backup-other-metro.json") << 0 << QStringList();
}

void TestCli::validateExitCodes()
{
    QFETCH(QString, file);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expectedRules);
    const Run r = runWizard({"validate", file, "--format", "json"});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QSet<QString> rules = rulesOf(r.out);
    for (const QString &rule : expectedRules)
        QVERIFY2(rules.contains(rule), qPrintable(QStringLiteral("missing %1 in %2")
                                                      .arg(rule, QString::fromUtf8(r.out))));
    if (exitCode == 0) {
        // Clean documents may have warnings, never errors.
        const QJsonArray findings = QJsonDocument::fromJson(r.out).object().value(u"findings").toArray();
        for (const QJsonValue &f : findings)
            QVERIFY(f.toObject().value(u"severity").toString() != QLatin1String("error"));
    }
}

void TestCli::validateJsonShape()
{
    const Run r = runWizard({"validate", data("many-findings.json"), "--format", "json"});
    QCOMPARE(r.exitCode, 1);
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &e);
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().keys(), QStringList{"findings"});
    const QJsonArray findings = doc.object().value(u"findings").toArray();
    QVERIFY(findings.size() >= 30);
    for (const QJsonValue &v : findings) {
        const QJsonObject f = v.toObject();
        QCOMPARE(f.keys(), (QStringList{"message", "path", "rule", "severity"}));
        QVERIFY(!f.value(u"rule").toString().isEmpty());
        QVERIFY(!f.value(u"path").toString().isEmpty());
        QVERIFY(!f.value(u"message").toString().isEmpty());
        const QString sev = f.value(u"severity").toString();
        QVERIFY(sev == "error" || sev == "warning" || sev == "info");
    }
    // The bandwidth finding points at the field.
    bool found = false;
    for (const QJsonValue &v : findings)
        found = found
                || (v.toObject().value(u"rule").toString() == "bandwidth.minimum"
                    && v.toObject().value(u"path").toString()
                           == "peerings[0].connections[0].bandwidthMbps");
    QVERIFY(found);
}

void TestCli::validateTextGroupsBySeverity()
{
    const Run r = runWizard({"validate", data("many-findings.json")});
    QCOMPARE(r.exitCode, 1);
    const QString text = QString::fromUtf8(r.out);
    const qsizetype errors = text.indexOf(QStringLiteral("Errors"));
    const qsizetype warnings = text.indexOf(QStringLiteral("Warnings"));
    QVERIFY(errors > 0);
    QVERIFY(warnings > errors);
    QVERIFY(text.contains(QStringLiteral("[bandwidth.minimum] peerings[0].connections[0].bandwidthMbps: ")));
    // Every finding line is in its group: the warning rules come after the Warnings heading.
    QVERIFY(text.indexOf(QStringLiteral("[redundancy.geo]")) > warnings);
    QVERIFY(text.indexOf(QStringLiteral("[asn.public]")) < warnings);
}

// A FIFO or a pipe that no program writes to: an error within the input time limit that says
// what was waited for, never a wait without end; one that is written to is read as a file.
void TestCli::fifosAndPipesNeverHang()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("document.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PEERING_INPUT_TIMEOUT"), QStringLiteral("1"));
    QElapsedTimer t;
    t.start();
    const Run lonely = Peering::TestSupport::runCli(QStringLiteral(PEERING_WIZARD_BIN),
                                                    {QStringLiteral("validate"), fifo}, {}, env);
    QCOMPARE(lonely.exitCode, 2);
    QVERIFY2(lonely.err.contains(": no data came within 1 s (is the program that writes to it running?)"),
             lonely.err.constData());
    QVERIFY(t.elapsed() < 20000);
    // Standard input from a pipe whose writer (this test) holds it open and never writes.
    QProcess quiet;
    quiet.setProcessEnvironment(env);
    quiet.start(QStringLiteral(PEERING_WIZARD_BIN), {QStringLiteral("validate"), QStringLiteral("-")});
    QVERIFY(quiet.waitForStarted());
    QVERIFY(quiet.waitForFinished(20000));
    QCOMPARE(quiet.exitCode(), 2);
    const QByteArray quietErr = quiet.readAllStandardError();
    QVERIFY2(quietErr.contains("standard input: no data came within 1 s"), quietErr.constData());
    // Written to: read like a file.
    QProcess writer;
    writer.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), QStringLiteral("sleep 0.3; cat '%1' > '%2'")
                                            .arg(QStringLiteral(PEERING_TEST_DATA_DIR "/clean.json"), fifo)});
    QVERIFY(writer.waitForStarted());
    env.insert(QStringLiteral("PEERING_INPUT_TIMEOUT"), QStringLiteral("10"));
    const Run fed = Peering::TestSupport::runCli(QStringLiteral(PEERING_WIZARD_BIN),
                                                 {QStringLiteral("validate"), fifo}, {}, env);
    QVERIFY(writer.waitForFinished(10000));
    QVERIFY2(fed.exitCode == 0, fed.err.constData());
    QVERIFY(fed.out.contains("0 errors"));
}

void TestCli::unreadableInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << data("empty.json") << "empty";
    QTest::newRow("truncated") << data("truncated.json") << "line 1, column";
    QTest::newRow("future version") << data("future-version.json") << "peering-onboarding/2";
    QTest::newRow("binary") << data("binary.json") << "binary";
    QTest::newRow("wrong type") << data("wrong-type.json")
                                << "peerings[0].connections[0].bandwidthMbps: expected a whole number";
    QTest::newRow("missing file") << data("does-not-exist.json") << "no such file";
    QTest::newRow("folder") << QStringLiteral(PEERING_TEST_DATA_DIR) << "folder";
}

void TestCli::unreadableInput()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    for (const QStringList &args : {QStringList{"validate", file}, QStringList{"validate", file, "--format", "json"},
                                    QStringList{"export", file, "--format", "json"}}) {
        const Run r = runWizard(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        const QString err = QString::fromUtf8(r.err);
        QCOMPARE(err.count(u'\n'), 1); // one clear line
        QVERIFY2(err.contains(reason), qPrintable(err));
    }
}

void TestCli::deepNestingIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("nested.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray chunk(1 << 20, '[');
    for (int i = 0; i < 15; ++i) // under the 16 MiB a document may be
        f.write(chunk);
    f.close();
    const Run r = runWizard({"validate", file});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("not valid JSON"), r.err.constData());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{"validate"} << "exactly one document";
    QTest::newRow("two files") << QStringList{"validate", data("clean.json"), data("clean.json")}
                               << "exactly one document";
    QTest::newRow("bad format") << QStringList{"validate", data("clean.json"), "--format", "xml"}
                                << "--format must be text or json";
    QTest::newRow("unknown option") << QStringList{"validate", data("clean.json"), "--frobnicate"}
                                    << "frobnicate";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command";
    QTest::newRow("export without format") << QStringList{"export", data("clean.json")}
                                           << "--format is required";
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runWizard(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestCli::helpAndVersion()
{
    Run r = runWizard({"--version"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("peering-wizard " PEERING_VERSION));
    r = runWizard({"--help"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("validate FILE"));
    QVERIFY(r.out.contains("export FILE"));
    r = runWizard({"validate", "--help"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Usage: peering-wizard validate"));
    QVERIFY(r.out.contains("--format"));
}

void TestCli::validateFromStdin()
{
    QFile f(data("clean.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Run r = runWizard({"validate", "-"}, f.readAll());
    QCOMPARE(r.exitCode, 0);
    const Run bad = runWizard({"validate", "-"}, QByteArray("{"));
    QCOMPARE(bad.exitCode, 2);
}

void TestCli::exportJsonRoundTrip()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.json"));
    Run r = runWizard({"export", data("clean.json"), "--format", "json", "--output", out,
                       "--include-secrets"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    // The export is itself a document that validates the same.
    r = runWizard({"validate", out});
    QCOMPARE(r.exitCode, 0);
    // Exporting the export again gives the same bytes (stable output).
    const Run a = runWizard({"export", data("clean.json"), "--format", "json", "--include-secrets"});
    const Run b = runWizard({"export", out, "--format", "json", "--include-secrets"});
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(a.out, b.out);
    QVERIFY(a.out.contains("\"format\": \"peering-onboarding/1\""));
}

void TestCli::exportSecrets()
{
    Run r = runWizard({"export", data("clean.json"), "--format", "json"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains("s3cret-ams"));
    QVERIFY(!r.out.contains("md5Key"));
    QVERIFY(r.err.contains("--include-secrets")); // says what was left out
    r = runWizard({"export", data("clean.json"), "--format", "json", "--include-secrets"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("s3cret-ams"));
    QVERIFY(r.err.isEmpty());
}

void TestCli::exportUnsupportedFormat()
{
    const Run r = runWizard({"export", data("clean.json"), "--format", "yaml"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("yaml"));
    QVERIFY(r.out.isEmpty());
}

void TestCli::userExampleIsClean()
{
    const Run r = runWizard({"validate", QStringLiteral(PEERING_DOCS_DIR "/examples/example-ix.json")});
    QCOMPARE(r.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
