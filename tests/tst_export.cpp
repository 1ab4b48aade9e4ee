// The text exporters: golden files for every format, the ARM template parsed back field by field,
// the scripts checked by bash, quoting and escaping of hostile user text, secrets left out.
// PEERING_UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing them).
#include "document/onboardingdocument.h"
#include "export/armexporter.h"
#include "export/exporter.h"
#include "export/reviewreport.h"
#include "export/shellquote.h"
#include "validation/onboardingvalidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUuid>

using namespace Peering;

namespace {

const QString kGoldenDir = QStringLiteral(PEERING_TEST_DATA_DIR "/golden");

ExportOptions pinned(bool secrets = false)
{
    ExportOptions o;
    o.includeSecrets = secrets;
    o.now = QDateTime(QDate(2026, 11, 22), QTime(10, 30), Qt::UTC);
    return o;
}

Onboarding full()
{
    auto r = OnboardingDocument::readFile(kGoldenDir + QStringLiteral("/input-full.json"));
    if (!r)
        qFatal("input-full.json: %s", qPrintable(r.error()));
    return *r;
}

const QString kNastyName = QStringLiteral("x\"; rm -rf / #");

// Hostile text in every field a user types: names, notes, metro, contacts.
Onboarding nasty()
{
    Onboarding o = full();
    o.name = QStringLiteral("<script>alert('name')</script> & $(reboot)");
    o.peerAsn.peerName = QStringLiteral("O'Brien `id` Networks\n| # *bold* [link](javascript:x)");
    o.peerings[0].name = kNastyName;
    o.peerings[0].metro = QStringLiteral("Amster'dam $(reboot)");
    o.peerings[0].resourceGroup = QStringLiteral("rg'; Remove-Item -Recurse C:\\ #");
    o.peerings[0].connections[0].facilityName = QStringLiteral("<img src=x onerror=alert(1)>");
    o.registeredAsns[0].peering = kNastyName;
    o.registeredAsns[0].name = QStringLiteral("Cust‘omer’ $env:PATH");
    o.requirements[1].note = QStringLiteral("<script>alert(1)</script>\nPEERING_DIRECT_JSON");
    o.milestones[0].note = QStringLiteral("[ARM] starts with a bracket");
    return o;
}

QByteArray exportAs(const QString &format, const Onboarding &o, const ExportOptions &options)
{
    const auto exporter = Exporter::create(format);
    if (!exporter)
        qFatal("no exporter for %s", qPrintable(format));
    const auto bytes = exporter->exportOnboarding(o, options);
    if (!bytes)
        qFatal("export %s failed: %s", qPrintable(format), qPrintable(bytes.error()));
    return *bytes;
}

QStringList textFormats()
{
    return {QStringLiteral("json"),    QStringLiteral("markdown"), QStringLiteral("html"),
            QStringLiteral("arm"),     QStringLiteral("az"),       QStringLiteral("powershell"),
            QStringLiteral("keysheet")};
}

struct Proc
{
    int exit = -1;
    QByteArray out;
    QByteArray err;
};

Proc run(const QString &program,
         const QStringList &args,
         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QStringList hostileStrings()
{
    return {QStringLiteral("x\"; rm -rf / #"),
            QStringLiteral("$(reboot)"),
            QStringLiteral("'"),
            QStringLiteral("''"),
            QStringLiteral("`id`"),
            QStringLiteral("a\nb\n"),
            QStringLiteral("back\\slash"),
            QStringLiteral("${HOME}"),
            QStringLiteral("!!"),
            QStringLiteral("it's a 'quote'"),
            QStringLiteral(""),
            QStringLiteral("tab\there"),
            QStringLiteral("ünïcødé ‘curly’"),
            QStringLiteral("-n"),
            QStringLiteral("*")};
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void formatsListed();
    void golden_data();
    void golden();
    void armParseBack();
    void armSecretsAndApiVersion();
    void armDeterministicConnectionId();
    void armEscapesExpressions();
    void scriptsStartWithNotice();
    void bashSyntax_data();
    void bashSyntax();
    void bashQuoting_data();
    void bashQuoting();
    void azScriptPassesArgumentsIntact();
    void powerShellQuoting_data();
    void powerShellQuoting();
    void htmlAndMarkdownEscape();
    void jsonRoundTripsHostileText();
    void secretsLeftOut_data();
    void secretsLeftOut();
    void secretsIncludedOnRequest();
    void errorsSaidOnFirstPage();
    void keySheetNeedsRegisteredAsns();
};

void TestExport::formatsListed()
{
    const QStringList ids = Exporter::formatIds();
    for (const QString &f : textFormats()) {
        QVERIFY2(ids.contains(f), qPrintable(f));
        QCOMPARE(Exporter::create(f)->formatId(), f);
    }
    QVERIFY(ids.contains(QStringLiteral("pdf")));
    QVERIFY(ids.contains(QStringLiteral("keysheet-pdf")));
    QVERIFY(!Exporter::create(QStringLiteral("pdf"))); // rendered by the GUI layer
    QVERIFY(!Exporter::create(QStringLiteral("yaml")));
}

void TestExport::golden_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("format");
    for (const char *sample : {"full", "nasty"})
        for (const QString &f : textFormats())
            QTest::addRow("%s-%s", sample, qPrintable(f)) << QString::fromLatin1(sample) << f;
}

void TestExport::golden()
{
    QFETCH(QString, sample);
    QFETCH(QString, format);
    const Onboarding o = sample == QLatin1String("full") ? full() : nasty();
    const QByteArray actual = exportAs(format, o, pinned());
    const auto exporter = Exporter::create(format);
    const QString file
        = QStringLiteral("%1/%2.%3.%4").arg(kGoldenDir, sample, format, exporter->fileSuffix());
    if (qEnvironmentVariableIntValue("PEERING_UPDATE_GOLDEN") == 1) {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(actual);
        QSKIP("golden file rewritten");
    }
    QFile in(file);
    QVERIFY2(in.open(QIODevice::ReadOnly),
             qPrintable(file + QStringLiteral(" (run with PEERING_UPDATE_GOLDEN=1)")));
    const QByteArray expected = in.readAll();
    if (actual != expected) {
        const QList<QByteArray> a = actual.split('\n');
        const QList<QByteArray> e = expected.split('\n');
        for (qsizetype i = 0; i < qMax(a.size(), e.size()); ++i)
            if (a.value(i) != e.value(i))
                QFAIL(qPrintable(
                    QStringLiteral("%1 line %2:\n  expected: %3\n  actual:   %4")
                        .arg(file)
                        .arg(i + 1)
                        .arg(QString::fromUtf8(e.value(i)), QString::fromUtf8(a.value(i)))));
    }
}

void TestExport::armParseBack()
{
    const Onboarding o = full();
    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson(exportAs(QStringLiteral("arm"), o, pinned()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    QCOMPARE(
        root.value(QLatin1String("$schema")).toString(),
        QStringLiteral(
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"));
    QCOMPARE(root.value(QLatin1String("contentVersion")).toString(), QStringLiteral("1.0.0.0"));
    QVERIFY(root.value(QLatin1String("metadata"))
                .toObject()
                .value(QLatin1String("_comment"))
                .toString()
                .contains(QLatin1String("does not support onboarding")));
    const QJsonArray resources = root.value(QLatin1String("resources")).toArray();
    QCOMPARE(resources.size(), 1 + o.peerings.size() + o.registeredAsns.size());

    const QJsonObject asn = resources.at(0).toObject();
    QCOMPARE(asn.value(QLatin1String("type")).toString(),
             QStringLiteral("Microsoft.Peering/peerAsns"));
    QCOMPARE(asn.value(QLatin1String("apiVersion")).toString(), QStringLiteral("2022-10-01"));
    QCOMPARE(asn.value(QLatin1String("name")).toString(), o.peerAsn.name);
    const QJsonObject asnProps = asn.value(QLatin1String("properties")).toObject();
    QCOMPARE(asnProps.value(QLatin1String("peerAsn")).toInteger(), 213999);
    QCOMPARE(asnProps.value(QLatin1String("peerName")).toString(), o.peerAsn.peerName);
    const QJsonArray contacts = asnProps.value(QLatin1String("peerContactDetail")).toArray();
    QCOMPARE(contacts.size(), o.peerAsn.contacts.size());
    QCOMPARE(contacts.at(0).toObject().value(QLatin1String("email")).toString(),
             o.peerAsn.contacts[0].email);

    int registered = 0;
    int peeringIndex = 0;
    for (qsizetype r = 1; r < resources.size(); ++r) {
        const QJsonObject res = resources.at(r).toObject();
        const QString type = res.value(QLatin1String("type")).toString();
        if (type == QLatin1String("Microsoft.Peering/peerings/registeredAsns")) {
            const RegisteredAsn &ra = o.registeredAsns[registered++];
            QCOMPARE(res.value(QLatin1String("name")).toString(), ra.peering + u'/' + ra.name);
            QCOMPARE(res.value(QLatin1String("properties"))
                         .toObject()
                         .value(QLatin1String("asn"))
                         .toInteger(),
                     ra.asn.toLongLong());
            QVERIFY(res.value(QLatin1String("dependsOn"))
                        .toArray()
                        .at(0)
                        .toString()
                        .contains(ra.peering));
            continue;
        }
        QCOMPARE(type, QStringLiteral("Microsoft.Peering/peerings"));
        const PeeringResource &p = o.peerings[peeringIndex++];
        QCOMPARE(res.value(QLatin1String("name")).toString(), p.name);
        QCOMPARE(res.value(QLatin1String("apiVersion")).toString(), QStringLiteral("2022-10-01"));
        QCOMPARE(res.value(QLatin1String("location")).toString(), p.azureRegion);
        QCOMPARE(res.value(QLatin1String("kind")).toString(), QStringLiteral("Direct"));
        QCOMPARE(res.value(QLatin1String("sku")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Premium_Direct_Free"));
        const QJsonObject props = res.value(QLatin1String("properties")).toObject();
        QCOMPARE(props.value(QLatin1String("peeringLocation")).toString(), p.metro);
        const QJsonObject direct = props.value(QLatin1String("direct")).toObject();
        QCOMPARE(direct.value(QLatin1String("directPeeringType")).toString(),
                 QStringLiteral("IxRs"));
        QCOMPARE(
            direct.value(QLatin1String("peerAsn")).toObject().value(QLatin1String("id")).toString(),
            QStringLiteral(
                "[subscriptionResourceId('Microsoft.Peering/peerAsns', 'example-ix-asn')]"));
        const QJsonArray conns = direct.value(QLatin1String("connections")).toArray();
        QCOMPARE(conns.size(), p.connections.size());
        for (qsizetype i = 0; i < conns.size(); ++i) {
            const QJsonObject c = conns.at(i).toObject();
            const Connection &e = p.connections[i];
            QCOMPARE(c.value(QLatin1String("connectionIdentifier")).toString(), e.id);
            QCOMPARE(c.value(QLatin1String("peeringDBFacilityId")).toInteger(),
                     e.peeringDbFacilityId);
            QCOMPARE(c.value(QLatin1String("bandwidthInMbps")).toInteger(), e.bandwidthMbps);
            QCOMPARE(c.value(QLatin1String("sessionAddressProvider")).toString(),
                     QStringLiteral("Peer"));
            QCOMPARE(c.value(QLatin1String("useForPeeringService")).toBool(false), true);
            const QJsonObject b = c.value(QLatin1String("bgpSession")).toObject();
            QCOMPARE(b.value(QLatin1String("sessionPrefixV4")).toString(), e.bgp.sessionPrefixV4);
            QCOMPARE(b.value(QLatin1String("peerSessionIPv4Address")).toString(), e.bgp.peerIPv4);
            QCOMPARE(b.value(QLatin1String("microsoftSessionIPv4Address")).toString(),
                     e.bgp.microsoftIPv4);
            QCOMPARE(b.value(QLatin1String("maxPrefixesAdvertisedV4")).toInteger(),
                     e.bgp.maxPrefixesAdvertisedV4);
            QCOMPARE(b.contains(QLatin1String("sessionPrefixV6")), e.bgp.hasIpv6());
            if (e.bgp.hasIpv6()) {
                QCOMPARE(b.value(QLatin1String("sessionPrefixV6")).toString(),
                         e.bgp.sessionPrefixV6);
                QCOMPARE(b.value(QLatin1String("peerSessionIPv6Address")).toString(),
                         e.bgp.peerIPv6);
                QCOMPARE(b.value(QLatin1String("microsoftSessionIPv6Address")).toString(),
                         e.bgp.microsoftIPv6);
                QCOMPARE(b.value(QLatin1String("maxPrefixesAdvertisedV6")).toInteger(),
                         e.bgp.maxPrefixesAdvertisedV6);
            }
            QVERIFY(!b.contains(QLatin1String("md5AuthenticationKey")));
        }
    }
    QCOMPARE(peeringIndex, o.peerings.size());
    QCOMPARE(registered, o.registeredAsns.size());
}

void TestExport::armSecretsAndApiVersion()
{
    ExportOptions options = pinned(true);
    options.apiVersion = QStringLiteral("2025-05-01");
    const Onboarding o = full();
    const QJsonObject root
        = QJsonDocument::fromJson(exportAs(QStringLiteral("arm"), o, options)).object();
    for (const QJsonValue &r : root.value(QLatin1String("resources")).toArray())
        QCOMPARE(r.toObject().value(QLatin1String("apiVersion")).toString(),
                 QStringLiteral("2025-05-01"));
    const QJsonObject bgp = root.value(QLatin1String("resources"))
                                .toArray()
                                .at(1)
                                .toObject()
                                .value(QLatin1String("properties"))
                                .toObject()
                                .value(QLatin1String("direct"))
                                .toObject()
                                .value(QLatin1String("connections"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QLatin1String("bgpSession"))
                                .toObject();
    QCOMPARE(bgp.value(QLatin1String("md5AuthenticationKey")).toString(),
             o.peerings[0].connections[0].bgp.md5Key);
}

void TestExport::armDeterministicConnectionId()
{
    Onboarding o = full();
    o.peerings[0].connections[0].id.clear();
    const QString a = ArmExporter::connectionIdentifier(o.peerings[0], 0);
    const QString b = ArmExporter::connectionIdentifier(o.peerings[0], 0);
    QCOMPARE(a, b);
    QVERIFY(!QUuid::fromString(a).isNull());
    o.peerings[0].name += QStringLiteral("-2");
    QVERIFY(ArmExporter::connectionIdentifier(o.peerings[0], 0) != a);
    QCOMPARE(exportAs(QStringLiteral("arm"), full(), pinned()),
             exportAs(QStringLiteral("arm"), full(), pinned()));
}

void TestExport::armEscapesExpressions()
{
    const Onboarding o = nasty();
    const QJsonObject root
        = QJsonDocument::fromJson(exportAs(QStringLiteral("arm"), o, pinned())).object();
    QVERIFY(!root.isEmpty());
    const QJsonArray resources = root.value(QLatin1String("resources")).toArray();
    // A user value starting with "[" would be evaluated by ARM: it must come out as "[[".
    QCOMPARE(resources.at(1).toObject().value(QLatin1String("name")).toString(), kNastyName);
    Onboarding bracket = full();
    bracket.peerings[0].metro = QStringLiteral("[concat('a')]");
    const QJsonObject r2
        = QJsonDocument::fromJson(exportAs(QStringLiteral("arm"), bracket, pinned())).object();
    QCOMPARE(r2.value(QLatin1String("resources"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QLatin1String("properties"))
                 .toObject()
                 .value(QLatin1String("peeringLocation"))
                 .toString(),
             QStringLiteral("[[concat('a')]"));
    Onboarding quote = full();
    quote.peerAsn.name = QStringLiteral("it's");
    const QByteArray arm = exportAs(QStringLiteral("arm"), quote, pinned());
    QVERIFY(arm.contains("'it''s'"));
}

void TestExport::scriptsStartWithNotice()
{
    const Onboarding o = full();
    const QByteArray az = exportAs(QStringLiteral("az"), o, pinned());
    QVERIFY(az.startsWith("#!/usr/bin/env bash\n# NOTICE: Microsoft does not support onboarding"));
    const QByteArray ps = exportAs(QStringLiteral("powershell"), o, pinned());
    QVERIFY(ps.startsWith("# NOTICE: Microsoft does not support onboarding"));
    const QJsonObject arm
        = QJsonDocument::fromJson(exportAs(QStringLiteral("arm"), o, pinned())).object();
    QVERIFY(arm.value(QLatin1String("metadata"))
                .toObject()
                .value(QLatin1String("_comment"))
                .toString()
                .startsWith(QLatin1String("NOTICE: Microsoft does not support onboarding")));
}

void TestExport::bashSyntax_data()
{
    QTest::addColumn<bool>("hostile");
    QTest::addColumn<bool>("secrets");
    QTest::newRow("full") << false << false;
    QTest::newRow("full-secrets") << false << true;
    QTest::newRow("nasty") << true << false;
    QTest::newRow("nasty-secrets") << true << true;
}

void TestExport::bashSyntax()
{
    QFETCH(bool, hostile);
    QFETCH(bool, secrets);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(QStringLiteral("onboard.sh")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(exportAs(QStringLiteral("az"), hostile ? nasty() : full(), pinned(secrets)));
    f.close();
    const Proc p = run(QStringLiteral("bash"), {QStringLiteral("-n"), f.fileName()});
    QVERIFY2(p.exit == 0, p.err.constData());
}

void TestExport::bashQuoting_data()
{
    QTest::addColumn<QString>("text");
    int i = 0;
    for (const QString &s : hostileStrings())
        QTest::addRow("%d", i++) << s;
}

void TestExport::bashQuoting()
{
    QFETCH(QString, text);
    // bash itself reads the quoted word back: nothing may be expanded or lost.
    const Proc p
        = run(QStringLiteral("bash"),
              {QStringLiteral("-c"), QStringLiteral("printf %s ") + ShellQuote::bash(text)});
    QCOMPARE(p.exit, 0);
    QCOMPARE(QString::fromUtf8(p.out), text);
}

void TestExport::azScriptPassesArgumentsIntact()
{
    // Runs the generated script against a stub "az" that records its arguments: the hostile
    // peering name must arrive as one argument, unchanged, and nothing else may run.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString log = dir.filePath(QStringLiteral("az.log"));
    QFile stub(dir.filePath(QStringLiteral("az")));
    QVERIFY(stub.open(QIODevice::WriteOnly));
    stub.write(
        "#!/bin/bash\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done >> \"$AZ_LOG\"\n"
        "for a in \"$@\"; do case \"$a\" in @*) cat \"${a#@}\" >> \"$AZ_LOG.direct\";; esac; done\n"
        "printf '\\n\\0' >> \"$AZ_LOG\"\n");
    stub.close();
    stub.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile script(dir.filePath(QStringLiteral("onboard.sh")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    const Onboarding o = nasty();
    script.write(exportAs(QStringLiteral("az"), o, pinned()));
    script.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), dir.path() + u':' + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("AZ_LOG"), log);
    const Proc p = run(QStringLiteral("bash"), {script.fileName()}, env);
    QVERIFY2(p.exit == 0, p.err.constData());
    QFile in(log);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QList<QByteArray> args = in.readAll().split('\0');
    QVERIFY(args.contains(kNastyName.toUtf8()));
    QVERIFY(args.contains(o.peerings[0].metro.toUtf8()));
    QVERIFY(args.contains(o.peerings[0].resourceGroup.toUtf8()));
    QVERIFY(args.contains(o.peerAsn.peerName.toUtf8()));
    QVERIFY(args.contains(o.registeredAsns[0].name.toUtf8()));
    QFile direct(log + QStringLiteral(".direct"));
    QVERIFY(direct.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = direct.readAll().split('\n');
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
    QCOMPARE(first.value(QLatin1String("directPeeringType")).toString(), QStringLiteral("IxRs"));
    QCOMPARE(first.value(QLatin1String("connections")).toArray().size(),
             o.peerings[0].connections.size());
}

void TestExport::powerShellQuoting_data()
{
    bashQuoting_data();
}

void TestExport::powerShellQuoting()
{
    QFETCH(QString, text);
    const QString q = ShellQuote::powerShell(text);
    QVERIFY(q.size() >= 2);
    QVERIFY(q.startsWith(u'\'') && q.endsWith(u'\''));
    // Inside: every quote character (ASCII and typographic) comes in pairs, and reading the
    // pairs back as one gives the original text.
    const auto isQuote = [](QChar c) {
        return c == u'\'' || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201A)
            || c == QChar(0x201B);
    };
    const QString inner = q.mid(1, q.size() - 2);
    QString back;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        back += inner[i];
        if (isQuote(inner[i])) {
            QVERIFY2(i + 1 < inner.size() && inner[i + 1] == inner[i], qPrintable(q));
            ++i;
        }
    }
    QCOMPARE(back, text);
}

void TestExport::htmlAndMarkdownEscape()
{
    const Onboarding o = nasty();
    const QByteArray html = exportAs(QStringLiteral("html"), o, pinned());
    QVERIFY(!html.contains("<script"));
    QVERIFY(!html.contains("<img"));
    QVERIFY(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    QVERIFY(html.contains("x&quot;; rm -rf / #"));
    const QByteArray md = exportAs(QStringLiteral("markdown"), o, pinned());
    QVERIFY(!md.contains("<script"));
    QVERIFY(!md.contains("<img"));
    QVERIFY(!md.contains("[link](javascript"));
    QVERIFY(md.contains("&lt;script&gt;"));
    // Table rows stay rows: a "|" or a line break in a value must not split the table.
    for (const QByteArray &line : md.split('\n'))
        if (line.startsWith("| "))
            QVERIFY2(line.endsWith(" |"), line.constData());
}

void TestExport::jsonRoundTripsHostileText()
{
    const Onboarding o = nasty();
    const auto back = OnboardingDocument::parse(exportAs(QStringLiteral("json"), o, pinned(true)));
    QVERIFY(back);
    QCOMPARE(back->name, o.name);
    QCOMPARE(back->peerings[0].name, kNastyName);
    QCOMPARE(back->requirements[1].note, o.requirements[1].note);
}

void TestExport::secretsLeftOut_data()
{
    QTest::addColumn<QString>("format");
    for (const QString &f : textFormats())
        QTest::newRow(qPrintable(f)) << f;
}

void TestExport::secretsLeftOut()
{
    QFETCH(QString, format);
    const Onboarding o = full();
    const QByteArray bytes = exportAs(format, o, pinned(false));
    for (const PeeringResource &p : o.peerings)
        for (const Connection &c : p.connections)
            if (!c.bgp.md5Key.isEmpty())
                QVERIFY2(!bytes.contains(c.bgp.md5Key.toUtf8()), qPrintable(c.bgp.md5Key));
    if (format == QLatin1String("markdown") || format == QLatin1String("html"))
        QVERIFY(bytes.contains("set (not shown)"));
}

void TestExport::secretsIncludedOnRequest()
{
    const Onboarding o = full();
    const QByteArray key = o.peerings[0].connections[0].bgp.md5Key.toUtf8();
    QVERIFY(!key.isEmpty());
    for (const char *f : {"json", "markdown", "html", "arm", "az", "powershell"})
        QVERIFY2(exportAs(QLatin1String(f), o, pinned(true)).contains(key), f);
}

void TestExport::errorsSaidOnFirstPage()
{
    auto bad
        = OnboardingDocument::readFile(QStringLiteral(PEERING_TEST_DATA_DIR "/many-findings.json"));
    QVERIFY(bad);
    QVERIFY(hasErrors(OnboardingValidator::validate(*bad)));
    const QByteArray md = exportAs(QStringLiteral("markdown"), *bad, pinned());
    // Within the title block, before any section.
    const qsizetype notice = md.indexOf("DOES NOT PASS VALIDATION");
    QVERIFY(notice > 0);
    QVERIFY(notice < md.indexOf("\n## "));
    QVERIFY(exportAs(QStringLiteral("html"), *bad, pinned()).contains("DOES NOT PASS VALIDATION"));
    QVERIFY(!exportAs(QStringLiteral("markdown"), full(), pinned()).contains("DOES NOT PASS"));
}

void TestExport::keySheetNeedsRegisteredAsns()
{
    Onboarding o = full();
    const QByteArray text = exportAs(QStringLiteral("keysheet"), o, pinned());
    QVERIFY(text.contains("7f3e2a10-4b5c-4d6e-8f90-a1b2c3d4e5f6"));
    QVERIFY(text.contains("Contoso Hosting"));
    QVERIFY(text.contains("AS396982"));
    QCOMPARE(text.count('\f'), o.registeredAsns.size() - 1);
    o.registeredAsns.clear();
    QVERIFY(!Exporter::create(QStringLiteral("keysheet"))->exportOnboarding(o, pinned()));
}

void TestExport::initTestCase()
{
    // The English the program speaks (plural forms come from its translation), so that the
    // golden files hold what users get from `peering-wizard export`.
    auto *english = new QTranslator(this);
    QVERIFY2(english->load(QStringLiteral(PEERING_QM_DIR "/peering-wizard_en.qm")),
             "the English translation was not built (build the peering-wizard target)");
    QCoreApplication::installTranslator(english);
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
