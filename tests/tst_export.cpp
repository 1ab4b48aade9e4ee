// The text exporters: golden files for every format, the ARM template parsed back field by field,
// the scripts checked by bash, quoting and escaping of hostile user text, secrets left out.
// PEERING_UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing them).
#include "document/onboardingdocument.h"
#include "domain/asn.h"
#include "domain/requirementcheck.h"
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
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUuid>

#include <utility>

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

// One run of an exported az script against a stub "az" that records its arguments.
struct AzRun
{
    bool ok = false;
    QByteArray err;
    QList<QStringList> calls; // the arguments of every az call, in order
    QList<QJsonObject> direct; // the --direct @FILE contents of every peering create, in order
};

AzRun runAzScript(const Onboarding &o, const ExportOptions &options)
{
    AzRun result;
    QTemporaryDir dir;
    if (!dir.isValid())
        return result;
    const QString log = dir.filePath(QStringLiteral("az.log"));
    QFile stub(dir.filePath(QStringLiteral("az")));
    if (!stub.open(QIODevice::WriteOnly))
        return result;
    // Every argument NUL-terminated, one "\n" entry after each call; a "@FILE" argument also
    // copies the file (one JSON line) to az.log.direct.
    stub.write(
        "#!/bin/bash\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done >> \"$AZ_LOG\"\n"
        "for a in \"$@\"; do case \"$a\" in @*) cat \"${a#@}\" >> \"$AZ_LOG.direct\";; esac; done\n"
        "printf '\\n\\0' >> \"$AZ_LOG\"\n");
    stub.close();
    stub.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile script(dir.filePath(QStringLiteral("onboard.sh")));
    if (!script.open(QIODevice::WriteOnly))
        return result;
    script.write(exportAs(QStringLiteral("az"), o, options));
    script.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), dir.path() + u':' + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("AZ_LOG"), log);
    const Proc p = run(QStringLiteral("bash"), {script.fileName()}, env);
    result.err = p.err;
    QFile in(log);
    if (p.exit != 0 || !in.open(QIODevice::ReadOnly))
        return result;
    QStringList call;
    for (const QByteArray &arg : in.readAll().split('\0')) {
        if (arg == "\n") {
            result.calls.append(call);
            call.clear();
        } else if (!arg.isEmpty() || !call.isEmpty()) {
            call.append(QString::fromUtf8(arg));
        }
    }
    QFile direct(log + QStringLiteral(".direct"));
    if (direct.open(QIODevice::ReadOnly))
        for (const QByteArray &line : direct.readAll().split('\n'))
            if (!line.isEmpty())
                result.direct.append(QJsonDocument::fromJson(line).object());
    result.ok = true;
    return result;
}

// One az call: its options in order, each with the words that follow it.
struct AzCall
{
    QList<std::pair<QString, QStringList>> options;
    QStringList names() const
    {
        QStringList n;
        for (const auto &[name, values] : options)
            n.append(name);
        return n;
    }
    QStringList values(const QString &name) const
    {
        for (const auto &[n, v] : options)
            if (n == name)
                return v;
        return {};
    }
    QString value(const QString &name) const { return values(name).value(0); }
};

// The calls of one az command ("peering asn create").
QList<AzCall> azCalls(const AzRun &r, const QString &command)
{
    const QStringList words = command.split(u' ');
    QList<AzCall> out;
    for (const QStringList &args : r.calls) {
        if (args.mid(0, words.size()) != words)
            continue;
        AzCall call;
        for (const QString &arg : args.mid(words.size())) {
            const qsizetype eq = arg.indexOf(u'=');
            if (arg.startsWith(QLatin1String("--")) && eq > 0) // --option=value
                call.options.append({arg.left(eq), {arg.mid(eq + 1)}});
            else if (arg.startsWith(QLatin1String("--")))
                call.options.append({arg, {}});
            else if (!call.options.isEmpty())
                call.options.last().second.append(arg);
        }
        out.append(call);
    }
    return out;
}

// A PowerShell statement as written: the cmdlet and its -Parameter value pairs (value empty when
// none follows). Reads quoted strings the way PowerShell does (any single-quote character,
// doubled inside), joins backtick line continuations, skips comment lines.
struct PsCall
{
    QString target; // "$connection1_1" for an assignment
    QString cmdlet;
    QList<std::pair<QString, QString>> params;
    QString value(const QString &name) const
    {
        for (const auto &[n, v] : params)
            if (n == name)
                return v;
        return QString();
    }
    bool has(const QString &name) const
    {
        for (const auto &[n, v] : params)
            if (n == name)
                return true;
        return false;
    }
};

QList<PsCall> psStatements(const QString &script)
{
    const auto isQuote = [](QChar c) {
        return c == u'\'' || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201A)
            || c == QChar(0x201B);
    };
    struct Token
    {
        QString text;
        bool quoted = false;
    };
    QList<QList<Token>> statements;
    QList<Token> tokens;
    Token token;
    bool inToken = false;
    const auto endToken = [&] {
        if (inToken)
            tokens.append(token);
        token = Token();
        inToken = false;
    };
    const auto endStatement = [&] {
        endToken();
        if (!tokens.isEmpty())
            statements.append(tokens);
        tokens.clear();
    };
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script[i];
        if (isQuote(c)) {
            inToken = true;
            token.quoted = true;
            for (++i; i < script.size(); ++i) {
                if (isQuote(script[i])) {
                    if (i + 1 < script.size() && isQuote(script[i + 1])) {
                        token.text += script[i];
                        ++i;
                        continue;
                    }
                    break;
                }
                token.text += script[i];
            }
        } else if (c == u'`' && i + 1 < script.size() && script[i + 1] == u'\n') {
            endToken();
            ++i;
        } else if (c == u'\n') {
            endStatement();
        } else if (c == u'#' && !inToken) {
            while (i + 1 < script.size() && script[i + 1] != u'\n')
                ++i;
        } else if (c == u' ' || c == u'\t') {
            endToken();
        } else {
            inToken = true;
            token.text += c;
        }
    }
    endStatement();

    QList<PsCall> calls;
    for (const QList<Token> &st : statements) {
        PsCall call;
        qsizetype i = 0;
        if (st.size() > 2 && st[1].text == QLatin1String("=") && !st[1].quoted) {
            call.target = st[0].text;
            i = 2;
        }
        call.cmdlet = st[i++].text;
        const auto isParam = [](const Token &t) {
            return !t.quoted && t.text.size() > 1 && t.text[0] == u'-' && t.text[1].isLetter();
        };
        for (; i < st.size(); ++i) {
            if (!isParam(st[i]))
                continue;
            const QString value
                = i + 1 < st.size() && !isParam(st[i + 1]) ? st[i + 1].text : QString();
            call.params.append({st[i].text.mid(1), value});
        }
        calls.append(call);
    }
    return calls;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void longTablesAreCut();
    void formatsListed();
    void golden_data();
    void golden();
    void armParseBack();
    void armSubscriptionsAndGroups();
    void registeredAsnResourceName_data();
    void registeredAsnResourceName();
    void armSecretsAndApiVersion();
    void armDeterministicConnectionId();
    void armEscapesExpressions();
    void scriptsStartWithNotice();
    void progressTableFollowsTracker();
    void scriptsWarnOfAsnsAboveInt32();
    void bashSyntax_data();
    void bashSyntax();
    void bashQuoting_data();
    void bashQuoting();
    void azScriptPassesArgumentsIntact();
    void azDashValuesStayValues_data();
    void azDashValuesStayValues();
    void azOptionsFollowExtension_data();
    void azOptionsFollowExtension();
    void azValuesFollowExtension();
    void peerAsnInEverySubscription();
    void azDirectJsonFollowsRestApi_data();
    void azDirectJsonFollowsRestApi();
    void powerShellParametersFollowModule_data();
    void powerShellParametersFollowModule();
    void powerShellValues();
    void powerShellReadsHostileValuesBack();
    void powerShellQuoting_data();
    void powerShellQuoting();
    void htmlAndMarkdownEscape();
    void jsonRoundTripsHostileText();
    void secretsLeftOut_data();
    void secretsLeftOut();
    void secretsIncludedOnRequest();
    void errorsSaidOnFirstPage();
    void metNeverBesideAFinding();
    void keySheetNeedsRegisteredAsns();
    void reviewSummaryForTheBoard();
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

namespace {

QJsonObject armTemplate(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

// Every resource of a template and of its nested templates, with the deployment that holds it
// ("" at the top).
QList<std::pair<QString, QJsonObject>> armResources(const QJsonObject &root, const QString &in = {})
{
    QList<std::pair<QString, QJsonObject>> out;
    for (const QJsonValue &v : root.value(QLatin1String("resources")).toArray()) {
        const QJsonObject r = v.toObject();
        out.append({in, r});
        if (r.value(QLatin1String("type")).toString() == QLatin1String("Microsoft.Resources/deployments"))
            out += armResources(r.value(QLatin1String("properties"))
                                    .toObject()
                                    .value(QLatin1String("template"))
                                    .toObject(),
                                r.value(QLatin1String("name")).toString());
    }
    return out;
}

QList<QJsonObject> ofType(const QJsonObject &root, const QString &type)
{
    QList<QJsonObject> out;
    for (const auto &[in, r] : armResources(root))
        if (r.value(QLatin1String("type")).toString() == type)
            out.append(r);
    return out;
}

} // namespace

void TestExport::armParseBack()
{
    const Onboarding o = full();
    const QJsonObject root = armTemplate(exportAs(QStringLiteral("arm"), o, pinned()));
    QVERIFY(!root.isEmpty());
    // peerAsns is a subscription-scope resource: the template is a subscription-scope one.
    QCOMPARE(root.value(QLatin1String("$schema")).toString(),
             QStringLiteral("https://schema.management.azure.com/schemas/2018-05-01/"
                            "subscriptionDeploymentTemplate.json#"));
    QCOMPARE(root.value(QLatin1String("contentVersion")).toString(), QStringLiteral("1.0.0.0"));
    // The schema allows no top-level metadata: the notice is the first resource's comment.
    QCOMPARE(root.keys(), (QStringList {QStringLiteral("$schema"), QStringLiteral("contentVersion"),
                                        QStringLiteral("parameters"), QStringLiteral("resources")}));
    const QString comments = root.value(QLatin1String("resources")).toArray().at(0).toObject()
                                 .value(QLatin1String("comments")).toString();
    QVERIFY(comments.startsWith(QLatin1String("NOTICE: Microsoft does not support onboarding")));
    QVERIFY2(comments.contains(QStringLiteral("az deployment sub create --subscription %1 --location westeurope")
                                   .arg(o.peerings[0].subscriptionId)),
             qPrintable(comments));
    QVERIFY(comments.contains(QLatin1String("MD5 keys left out")));

    // The regions are parameters with the document's values as defaults.
    const QJsonObject parameters = root.value(QLatin1String("parameters")).toObject();
    QCOMPARE(parameters.keys(), (QStringList {QStringLiteral("location"), QStringLiteral("location2")}));
    QCOMPARE(parameters.value(QLatin1String("location")).toObject().value(QLatin1String("defaultValue")).toString(),
             QStringLiteral("westeurope"));
    QCOMPARE(parameters.value(QLatin1String("location2")).toObject().value(QLatin1String("defaultValue")).toString(),
             QStringLiteral("germanywestcentral"));

    // One subscription and one group: the association at the top, one nested group deployment.
    const QJsonArray top = root.value(QLatin1String("resources")).toArray();
    QCOMPARE(top.size(), 2);
    const QJsonObject asn = top.at(0).toObject();
    QCOMPARE(asn.value(QLatin1String("type")).toString(), QStringLiteral("Microsoft.Peering/peerAsns"));
    QCOMPARE(asn.value(QLatin1String("apiVersion")).toString(), QStringLiteral("2025-05-01"));
    QCOMPARE(asn.value(QLatin1String("name")).toString(), o.peerAsn.name);
    const QJsonObject asnProps = asn.value(QLatin1String("properties")).toObject();
    QCOMPARE(asnProps.value(QLatin1String("peerAsn")).toInteger(), 213999);
    QCOMPARE(asnProps.value(QLatin1String("peerName")).toString(), o.peerAsn.peerName);
    const QJsonArray contacts = asnProps.value(QLatin1String("peerContactDetail")).toArray();
    QCOMPARE(contacts.size(), o.peerAsn.contacts.size());
    QCOMPARE(contacts.at(0).toObject().value(QLatin1String("email")).toString(), o.peerAsn.contacts[0].email);

    const QJsonObject group = top.at(1).toObject();
    QCOMPARE(group.value(QLatin1String("type")).toString(), QStringLiteral("Microsoft.Resources/deployments"));
    QCOMPARE(group.value(QLatin1String("resourceGroup")).toString(), o.peerings[0].resourceGroup);
    QVERIFY(!group.contains(QLatin1String("subscriptionId"))); // the deployment's own
    QCOMPARE(group.value(QLatin1String("dependsOn")).toArray(),
             QJsonArray {QStringLiteral("[subscriptionResourceId('Microsoft.Peering/peerAsns', 'example-ix-asn')]")});
    const QJsonObject groupProps = group.value(QLatin1String("properties")).toObject();
    QCOMPARE(groupProps.value(QLatin1String("expressionEvaluationOptions")).toObject().value(QLatin1String("scope")).toString(),
             QStringLiteral("inner"));
    QCOMPARE(groupProps.value(QLatin1String("parameters")).toObject().value(QLatin1String("location2")).toObject().value(QLatin1String("value")).toString(),
             QStringLiteral("[parameters('location2')]"));
    const QJsonObject inner = groupProps.value(QLatin1String("template")).toObject();
    QCOMPARE(inner.value(QLatin1String("$schema")).toString(),
             QStringLiteral("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"));
    QCOMPARE(inner.value(QLatin1String("parameters")).toObject().keys(),
             (QStringList {QStringLiteral("location"), QStringLiteral("location2")}));

    int registered = 0;
    int peeringIndex = 0;
    for (const QJsonValue &v : inner.value(QLatin1String("resources")).toArray()) {
        const QJsonObject res = v.toObject();
        const QString type = res.value(QLatin1String("type")).toString();
        if (type == QLatin1String("Microsoft.Peering/peerings/registeredAsns")) {
            const RegisteredAsn &ra = o.registeredAsns[registered++];
            QCOMPARE(res.value(QLatin1String("name")).toString(), ra.peering + u'/' + ra.resourceName());
            QCOMPARE(res.value(QLatin1String("comments")).toString(), ra.name);
            QCOMPARE(res.value(QLatin1String("properties")).toObject().value(QLatin1String("asn")).toInteger(),
                     ra.asn.toLongLong());
            QCOMPARE(res.value(QLatin1String("dependsOn")).toArray(),
                     QJsonArray {QStringLiteral("[resourceId('Microsoft.Peering/peerings', '%1')]").arg(ra.peering)});
            continue;
        }
        QCOMPARE(type, QStringLiteral("Microsoft.Peering/peerings"));
        const PeeringResource &p = o.peerings[peeringIndex];
        QCOMPARE(res.value(QLatin1String("name")).toString(), p.name);
        QCOMPARE(res.value(QLatin1String("apiVersion")).toString(), QStringLiteral("2025-05-01"));
        QCOMPARE(res.value(QLatin1String("location")).toString(),
                 peeringIndex == 0 ? QStringLiteral("[parameters('location')]")
                                   : QStringLiteral("[parameters('location2')]"));
        ++peeringIndex;
        QCOMPARE(res.value(QLatin1String("kind")).toString(), QStringLiteral("Direct"));
        QCOMPARE(res.value(QLatin1String("sku")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Premium_Direct_Free"));
        const QJsonObject props = res.value(QLatin1String("properties")).toObject();
        QCOMPARE(props.value(QLatin1String("peeringLocation")).toString(), p.metro);
        const QJsonObject direct = props.value(QLatin1String("direct")).toObject();
        QCOMPARE(direct.value(QLatin1String("directPeeringType")).toString(), QStringLiteral("IxRs"));
        QCOMPARE(direct.value(QLatin1String("peerAsn")).toObject().value(QLatin1String("id")).toString(),
                 QStringLiteral("[subscriptionResourceId('Microsoft.Peering/peerAsns', 'example-ix-asn')]"));
        const QJsonArray conns = direct.value(QLatin1String("connections")).toArray();
        QCOMPARE(conns.size(), p.connections.size());
        for (qsizetype i = 0; i < conns.size(); ++i) {
            const QJsonObject c = conns.at(i).toObject();
            const Connection &e = p.connections[i];
            QCOMPARE(c.value(QLatin1String("connectionIdentifier")).toString(), e.id);
            QCOMPARE(c.value(QLatin1String("peeringDBFacilityId")).toInteger(), e.peeringDbFacilityId);
            QCOMPARE(c.value(QLatin1String("bandwidthInMbps")).toInteger(), e.bandwidthMbps);
            QCOMPARE(c.value(QLatin1String("sessionAddressProvider")).toString(), QStringLiteral("Peer"));
            QCOMPARE(c.value(QLatin1String("useForPeeringService")).toBool(false), true);
            const QJsonObject b = c.value(QLatin1String("bgpSession")).toObject();
            QCOMPARE(b.value(QLatin1String("sessionPrefixV4")).toString(), e.bgp.sessionPrefixV4);
            QCOMPARE(b.value(QLatin1String("peerSessionIPv4Address")).toString(), e.bgp.peerIPv4);
            QCOMPARE(b.value(QLatin1String("microsoftSessionIPv4Address")).toString(), e.bgp.microsoftIPv4);
            QCOMPARE(b.value(QLatin1String("maxPrefixesAdvertisedV4")).toInteger(), e.bgp.maxPrefixesAdvertisedV4);
            QCOMPARE(b.contains(QLatin1String("sessionPrefixV6")), e.bgp.hasIpv6());
            if (e.bgp.hasIpv6()) {
                QCOMPARE(b.value(QLatin1String("sessionPrefixV6")).toString(), e.bgp.sessionPrefixV6);
                QCOMPARE(b.value(QLatin1String("peerSessionIPv6Address")).toString(), e.bgp.peerIPv6);
                QCOMPARE(b.value(QLatin1String("microsoftSessionIPv6Address")).toString(), e.bgp.microsoftIPv6);
                QCOMPARE(b.value(QLatin1String("maxPrefixesAdvertisedV6")).toInteger(), e.bgp.maxPrefixesAdvertisedV6);
            }
            QVERIFY(!b.contains(QLatin1String("md5AuthenticationKey")));
        }
    }
    QCOMPARE(peeringIndex, o.peerings.size());
    QCOMPARE(registered, o.registeredAsns.size());
}

// Three peerings in two subscriptions and three resource groups: an association per
// subscription, a nested deployment per group with subscriptionId where it is not the
// deployment's, each peering naming its own subscription's association, dependsOn in place.
void TestExport::armSubscriptionsAndGroups()
{
    Onboarding o = full();
    const QString subA = o.peerings[0].subscriptionId;
    const QString subB = QStringLiteral("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    PeeringResource third = o.peerings[1];
    third.name = QStringLiteral("exampleix-lon-ixrs");
    third.azureRegion = QStringLiteral("uksouth");
    third.metro = QStringLiteral("London");
    third.resourceGroup = QStringLiteral("rg-peering-uk");
    third.subscriptionId = subB;
    for (Connection &c : third.connections)
        c.id += QStringLiteral("-lon");
    o.peerings[1].resourceGroup = QStringLiteral("rg-peering-de");
    o.peerings.append(third);
    RegisteredAsn customer;
    customer.name = QStringLiteral("Northwind Traders");
    customer.asn = QStringLiteral("AS64496");
    customer.peering = third.name;
    o.registeredAsns.append(customer);

    const QJsonObject root = armTemplate(exportAs(QStringLiteral("arm"), o, pinned()));
    const QJsonArray top = root.value(QLatin1String("resources")).toArray();
    QCOMPARE(top.size(), 1 + 1 + 3); // the association, the other subscription's, three groups

    const QList<QJsonObject> associations = ofType(root, QStringLiteral("Microsoft.Peering/peerAsns"));
    QCOMPARE(associations.size(), 2);
    const QJsonObject other = top.at(1).toObject();
    QCOMPARE(other.value(QLatin1String("type")).toString(), QStringLiteral("Microsoft.Resources/deployments"));
    QCOMPARE(other.value(QLatin1String("subscriptionId")).toString(), subB);
    QVERIFY(!other.contains(QLatin1String("resourceGroup")));
    QCOMPARE(other.value(QLatin1String("location")).toString(), QStringLiteral("[deployment().location]"));
    QVERIFY(other.value(QLatin1String("properties")).toObject().value(QLatin1String("template")).toObject()
                .value(QLatin1String("$schema")).toString().contains(QLatin1String("subscriptionDeploymentTemplate")));

    QStringList groups;
    QStringList names;
    for (int i = 2; i < top.size(); ++i) {
        const QJsonObject g = top.at(i).toObject();
        groups.append(g.value(QLatin1String("resourceGroup")).toString());
        names.append(g.value(QLatin1String("name")).toString());
        QVERIFY(QRegularExpression(QStringLiteral("^[-\\w._()]{1,64}$")).match(names.last()).hasMatch());
        const bool inB = i == 4;
        QCOMPARE(g.value(QLatin1String("subscriptionId")).toString(), inB ? subB : QString());
        QCOMPARE(g.value(QLatin1String("dependsOn")).toArray(),
                 inB ? QJsonArray {other.value(QLatin1String("name")).toString()}
                     : QJsonArray {QStringLiteral("[subscriptionResourceId('Microsoft.Peering/peerAsns', 'example-ix-asn')]")});
        const QJsonArray inner = g.value(QLatin1String("properties")).toObject().value(QLatin1String("template"))
                                     .toObject().value(QLatin1String("resources")).toArray();
        const QJsonObject peering = inner.at(0).toObject();
        QCOMPARE(peering.value(QLatin1String("name")).toString(), o.peerings[i - 2].name);
        const QString id = peering.value(QLatin1String("properties")).toObject().value(QLatin1String("direct"))
                               .toObject().value(QLatin1String("peerAsn")).toObject().value(QLatin1String("id")).toString();
        QCOMPARE(id, inB ? QStringLiteral("[subscriptionResourceId('%1', 'Microsoft.Peering/peerAsns', 'example-ix-asn')]").arg(subB)
                         : QStringLiteral("[subscriptionResourceId('Microsoft.Peering/peerAsns', 'example-ix-asn')]"));
    }
    QCOMPARE(groups, (QStringList {QStringLiteral("rg-peering-prod"), QStringLiteral("rg-peering-de"),
                                   QStringLiteral("rg-peering-uk")}));
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 3);
    QCOMPARE(root.value(QLatin1String("parameters")).toObject().keys(),
             (QStringList {QStringLiteral("location"), QStringLiteral("location2"), QStringLiteral("location3")}));
    const QList<QJsonObject> registered = ofType(root, QStringLiteral("Microsoft.Peering/peerings/registeredAsns"));
    QCOMPARE(registered.size(), 3);
    QCOMPARE(registered.last().value(QLatin1String("name")).toString(),
             QStringLiteral("exampleix-lon-ixrs/northwind-traders-as64496"));
    QCOMPARE(registered.last().value(QLatin1String("comments")).toString(), QStringLiteral("Northwind Traders"));
    // The same document gives the same template, names and all.
    QCOMPARE(exportAs(QStringLiteral("arm"), o, pinned()), exportAs(QStringLiteral("arm"), o, pinned()));
}

void TestExport::registeredAsnResourceName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("asn");
    QTest::addColumn<QString>("expected");
    QTest::newRow("spaces") << "Customer One" << "64500" << "customer-one-as64500";
    QTest::newRow("AS prefix") << "Contoso Hosting" << "AS396982" << "contoso-hosting-as396982";
    QTest::newRow("asdot") << "Fabrikam" << "1.10" << "fabrikam-as65546";
    QTest::newRow("accents") << "São Paulo Telecom" << "64501" << "sao-paulo-telecom-as64501";
    QTest::newRow("punctuation") << "  A&B / (Hosting), Ltd.  " << "64502" << "a-b-hosting-ltd-as64502";
    QTest::newRow("no ASCII") << "日本ネット" << "64503" << "as64503";
    QTest::newRow("empty name") << "" << "64504" << "as64504";
    QTest::newRow("name is the ASN") << "AS64505" << "64505" << "as64505";
    QTest::newRow("name holds the ASN") << "Contoso AS64506" << "64506" << "contoso-as64506";
    QTest::newRow("unparsed ASN") << "Contoso" << "AS 12x" << "contoso-as-12x";
    QTest::newRow("nothing") << "" << "" << "registered-asn";
    QTest::newRow("leading @") << "@customers.txt" << "64507" << "customers-txt-as64507";
    QTest::newRow("long") << QString(200, u'x') << "4200000000"
                          << QString(80 - 13, u'x') + QStringLiteral("-as4200000000");
}

void TestExport::registeredAsnResourceName()
{
    QFETCH(QString, name);
    QFETCH(QString, asn);
    QFETCH(QString, expected);
    RegisteredAsn r;
    r.name = name;
    r.asn = asn;
    QCOMPARE(r.resourceName(), expected);
    QVERIFY(r.resourceName().size() <= 80);
    QVERIFY(QRegularExpression(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$")).match(r.resourceName()).hasMatch());
}

void TestExport::armSecretsAndApiVersion()
{
    ExportOptions options = pinned(true);
    options.apiVersion = QStringLiteral("2022-10-01");
    const Onboarding o = full();
    const QJsonObject root = armTemplate(exportAs(QStringLiteral("arm"), o, options));
    int peeringResources = 0;
    for (const auto &[in, r] : armResources(root)) {
        const QString type = r.value(QLatin1String("type")).toString();
        if (type == QLatin1String("Microsoft.Resources/deployments"))
            continue;
        QCOMPARE(r.value(QLatin1String("apiVersion")).toString(), QStringLiteral("2022-10-01"));
        peeringResources += type == QLatin1String("Microsoft.Peering/peerings");
    }
    QCOMPARE(peeringResources, o.peerings.size());
    const QJsonObject bgp = ofType(root, QStringLiteral("Microsoft.Peering/peerings"))
                                .at(0)
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
    // A user value starting with "[" would be evaluated by ARM: it must come out as "[[".
    QCOMPARE(ofType(root, QStringLiteral("Microsoft.Peering/peerings")).at(0).value(QLatin1String("name")).toString(),
             kNastyName);
    Onboarding bracket = full();
    bracket.peerings[0].metro = QStringLiteral("[concat('a')]");
    const QJsonObject r2
        = QJsonDocument::fromJson(exportAs(QStringLiteral("arm"), bracket, pinned())).object();
    QCOMPARE(ofType(r2, QStringLiteral("Microsoft.Peering/peerings"))
                 .at(0)
                 .value(QLatin1String("properties"))
                 .toObject()
                 .value(QLatin1String("peeringLocation"))
                 .toString(),
             QStringLiteral("[[concat('a')]"));
    // Only ARM evaluates "[": the az --direct JSON and PowerShell take the value as it is.
    bracket.peerings[0].connections[0].id = QStringLiteral("[c1]");
    const auto connectionId = [&](bool arm) {
        return ArmExporter::directProperties(bracket, bracket.peerings[0], pinned(), arm)
            .value(QLatin1String("connections"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("connectionIdentifier"))
            .toString();
    };
    QCOMPARE(connectionId(true), QStringLiteral("[[c1]"));
    QCOMPARE(connectionId(false), QStringLiteral("[c1]"));
    QVERIFY(exportAs(QStringLiteral("powershell"), bracket, pinned()).contains("'[c1]'"));
    Onboarding quote = full();
    quote.peerAsn.name = QStringLiteral("it's");
    const QByteArray arm = exportAs(QStringLiteral("arm"), quote, pinned());
    QVERIFY(arm.contains("'it''s'"));
    // Every value ARM reads, the metadata and the nested deployments' scopes too.
    Onboarding scoped = full();
    scoped.name = QStringLiteral("[concat('x')]");
    scoped.peerings[0].resourceGroup = QStringLiteral("[resourceGroup().name]");
    scoped.peerings[0].azureRegion = QStringLiteral("[deployment().location]");
    const QJsonObject r3 = armTemplate(exportAs(QStringLiteral("arm"), scoped, pinned()));
    QVERIFY(r3.value(QLatin1String("resources")).toArray().at(0).toObject().value(QLatin1String("comments"))
                .toString().startsWith(QLatin1String("NOTICE:")));
    scoped.peerAsn.peerName = QStringLiteral("[concat('y')]");
    const QJsonObject r4 = armTemplate(exportAs(QStringLiteral("arm"), scoped, pinned()));
    QCOMPARE(r4.value(QLatin1String("resources")).toArray().at(0).toObject().value(QLatin1String("properties"))
                 .toObject().value(QLatin1String("peerName")).toString(),
             QStringLiteral("[[concat('y')]"));
    QCOMPARE(r3.value(QLatin1String("resources")).toArray().at(1).toObject().value(QLatin1String("resourceGroup")).toString(),
             QStringLiteral("[[resourceGroup().name]"));
    QCOMPARE(r3.value(QLatin1String("parameters")).toObject().value(QLatin1String("location")).toObject()
                 .value(QLatin1String("defaultValue")).toString(),
             QStringLiteral("[[deployment().location]"));
}

// The summary's Progress section is the tracker's: every stage, days early or late, overdue on the
// export's date, and the going-back note while a connection is ProvisioningFailed.
// Azure's API and Az.Peering take ASNs as int32: the scripts say so in their header for a larger
// one, and say nothing for the usual ASNs.
void TestExport::scriptsWarnOfAsnsAboveInt32()
{
    Onboarding o = full();
    for (const char *format : {"az", "powershell"})
        QVERIFY(!QString::fromUtf8(exportAs(QLatin1String(format), o, pinned())).contains(QLatin1String("WARNING")));
    o.peerAsn.asn = QStringLiteral("3000000000");
    if (!o.registeredAsns.isEmpty())
        o.registeredAsns[0].asn = QStringLiteral("2147483648");
    for (const char *format : {"az", "powershell"}) {
        const QString script = QString::fromUtf8(exportAs(QLatin1String(format), o, pinned()));
        const QString header = script.left(script.indexOf(QLatin1String("\n\n")));
        QVERIFY2(header.contains(QLatin1String("# WARNING: Peer ASN AS3000000000 is above 2147483647")),
                 qPrintable(header));
        if (!o.registeredAsns.isEmpty())
            QVERIFY2(header.contains(QLatin1String("AS2147483648 is above 2147483647")), qPrintable(header));
        QVERIFY(header.contains(QLatin1String("[System.Int32]")));
    }
}

// 1,500 prefixes: the summary lists the first 1,000 and says where the rest are, in every review
// format; the document itself keeps them all.
void TestExport::longTablesAreCut()
{
    Onboarding o = full();
    o.prefixes.clear();
    for (int i = 0; i < 1500; ++i) {
        AdvertisedPrefix p;
        p.prefix = QStringLiteral("20.%1.%2.0/24").arg(i / 256).arg(i % 256);
        o.prefixes.append(p);
    }
    for (const QString format : {QStringLiteral("markdown"), QStringLiteral("html")}) {
        const QString text = QString::fromUtf8(exportAs(format, o, pinned()));
        QVERIFY2(text.contains(QLatin1String("The first 1000 of 1500 rows are shown; the "
                                             "document (export --format json) holds all of them.")),
                 qPrintable(format));
        QVERIFY2(text.contains(QLatin1String("20.3.231.0/24")), qPrintable(format)); // row 1,000
        QVERIFY2(!text.contains(QLatin1String("20.3.232.0/24")), qPrintable(format)); // row 1,001
    }
    QVERIFY(exportAs(QStringLiteral("json"), o, pinned()).contains("20.5.219.0/24")); // the last
}

void TestExport::progressTableFollowsTracker()
{
    Onboarding o = full();
    Milestone keys;
    keys.stage = QStringLiteral("customer-asns");
    keys.expected = QStringLiteral("2026-11-19");
    keys.note = QStringLiteral("waiting for Fabrikam's key");
    keys.source = QStringLiteral("manual");
    o.milestones.append(keys);
    o.milestones[0].reached = QStringLiteral("2026-11-04T09:30:00Z"); // expected 2026-11-02
    const QString md = QString::fromUtf8(exportAs(QStringLiteral("markdown"), o, pinned()));
    QVERIFY2(md.contains(QStringLiteral(
                 "**Current stage:** Registering customer ASNs (customer-asns)")),
             qPrintable(md));
    for (const QString &id : Milestone::stages())
        QVERIFY2(md.contains(QStringLiteral("(%1) |").arg(id)), qPrintable(id));
    QVERIFY(md.contains(QStringLiteral("| Requirements checked (requirements) | done | 2026-11-02 "
                                       "| 2026-11-04 09:30 | 2 days late |")));
    // Exported on 2026-11-22: three days past the plan, with the planned milestone's note.
    QVERIFY(md.contains(QStringLiteral("| Customer ASNs (customer-asns) | current | 2026-11-19 | - "
                                       "| OVERDUE by 3 days | Planned: waiting for Fabrikam's key |")));
    // Every connection Active: its ports are configured by that evidence (rule 6), not implied.
    QVERIFY2(md.contains(QStringLiteral("| Ports configured (port-configured) | done |")), qPrintable(md));
    QVERIFY(!md.contains(QStringLiteral("ProvisioningFailed")));

    o.peerings[0].connections[0].state = QStringLiteral("ProvisioningFailed");
    const QString back = QString::fromUtf8(exportAs(QStringLiteral("markdown"), o, pinned()));
    QVERIFY(back.contains(QStringLiteral("**Current stage:** Configuring ports (port-configured)")));
    QVERIFY(back.contains(QStringLiteral("A connection is ProvisioningFailed")));
    QVERIFY(back.contains(QStringLiteral("| current (went back) |")));
}

void TestExport::scriptsStartWithNotice()
{
    const Onboarding o = full();
    const QByteArray az = exportAs(QStringLiteral("az"), o, pinned());
    QVERIFY(az.startsWith("#!/usr/bin/env bash\n# NOTICE: Microsoft does not support onboarding"));
    const QByteArray ps = exportAs(QStringLiteral("powershell"), o, pinned());
    QVERIFY(ps.startsWith("# NOTICE: Microsoft does not support onboarding"));
    const QJsonObject arm = armTemplate(exportAs(QStringLiteral("arm"), o, pinned()));
    QVERIFY(arm.value(QLatin1String("resources"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("comments"))
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
    // values must arrive as one argument each, unchanged, after the right option, and nothing
    // else may run.
    const Onboarding o = nasty();
    const AzRun r = runAzScript(o, pinned());
    QVERIFY2(r.ok, r.err.constData());
    const QList<AzCall> asn = azCalls(r, QStringLiteral("peering asn create"));
    QCOMPARE(asn.size(), 1);
    QCOMPARE(asn[0].value(QStringLiteral("--peer-name")), o.peerAsn.peerName);
    const QList<AzCall> peerings = azCalls(r, QStringLiteral("peering peering create"));
    QCOMPARE(peerings.size(), o.peerings.size());
    QCOMPARE(peerings[0].value(QStringLiteral("--peering-name")), kNastyName);
    QCOMPARE(peerings[0].value(QStringLiteral("--peering-location")), o.peerings[0].metro);
    QCOMPARE(peerings[0].value(QStringLiteral("--resource-group")), o.peerings[0].resourceGroup);
    const QList<AzCall> registered = azCalls(r, QStringLiteral("peering registered-asn create"));
    QCOMPARE(registered.size(), o.registeredAsns.size());
    QCOMPARE(registered[0].value(QStringLiteral("--peering-name")), kNastyName);
    QCOMPARE(registered[0].value(QStringLiteral("--registered-asn-name")),
             o.registeredAsns[0].resourceName());
    QCOMPARE(r.calls.size(), 1 + peerings.size() + registered.size());
    QCOMPARE(r.direct.size(), o.peerings.size());
    QCOMPARE(r.direct[0].value(QLatin1String("directPeeringType")).toString(),
             QStringLiteral("IxRs"));
    QCOMPARE(r.direct[0].value(QLatin1String("connections")).toArray().size(),
             o.peerings[0].connections.size());
}

void TestExport::azDashValuesStayValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("-x") << QStringLiteral("-x");
    QTest::newRow("--help") << QStringLiteral("--help");
    QTest::newRow("-") << QStringLiteral("-");
    QTest::newRow("-n 'quoted'") << QStringLiteral("-n 'quoted'");
}

void TestExport::azDashValuesStayValues()
{
    // argparse reads a word that starts with "-" as an option: such values must still reach az
    // as the value of their own option (written --option='-x').
    QFETCH(QString, text);
    Onboarding o = full();
    o.peerAsn.peerName = text;
    o.peerings[0].resourceGroup = text;
    o.peerings[0].metro = text;
    o.registeredAsns[0].name = text;
    const AzRun r = runAzScript(o, pinned());
    QVERIFY2(r.ok, r.err.constData());
    const AzCall asn = azCalls(r, QStringLiteral("peering asn create")).value(0);
    QCOMPARE(asn.values(QStringLiteral("--peer-name")), QStringList {text});
    const AzCall peering = azCalls(r, QStringLiteral("peering peering create")).value(0);
    QCOMPARE(peering.values(QStringLiteral("--resource-group")), QStringList {text});
    QCOMPARE(peering.values(QStringLiteral("--peering-location")), QStringList {text});
    QCOMPARE(peering.value(QStringLiteral("--peering-name")), o.peerings[0].name);
    const AzCall registered = azCalls(r, QStringLiteral("peering registered-asn create")).value(0);
    QCOMPARE(registered.values(QStringLiteral("--registered-asn-name")),
             QStringList {o.registeredAsns[0].resourceName()});
    QCOMPARE(registered.values(QStringLiteral("--resource-group")), QStringList {text});
    // Each such value is one word of the form --option=value, never a word of its own.
    for (const QStringList &call : r.calls)
        QVERIFY2(!call.contains(text), qPrintable(call.join(u' ')));
}

void TestExport::azOptionsFollowExtension_data()
{
    // The options of the Azure CLI "peering" extension 0.2.0 (azext_peering/generated/_params.py
    // and custom.py in Azure/azure-cli-extensions, and the reference on learn.microsoft.com),
    // plus the global --subscription. "required" are those without a default in custom.py.
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("documented");
    QTest::addColumn<QStringList>("required");
    QTest::addColumn<int>("calls");
    const Onboarding o = full();
    QTest::newRow("asn create")
        << QStringLiteral("peering asn create")
        << QStringList {QStringLiteral("--subscription"), QStringLiteral("--peer-asn-name"),
                        QStringLiteral("--peer-asn"),     QStringLiteral("--peer-contact-detail"),
                        QStringLiteral("--peer-name"),    QStringLiteral("--validation-state")}
        << QStringList {QStringLiteral("--peer-asn-name"), QStringLiteral("--peer-asn"),
                        QStringLiteral("--peer-name"), QStringLiteral("--peer-contact-detail")}
        << 1;
    QTest::newRow("peering create")
        << QStringLiteral("peering peering create")
        << QStringList {QStringLiteral("--subscription"), QStringLiteral("--resource-group"),
                        QStringLiteral("--peering-name"), QStringLiteral("--sku"),
                        QStringLiteral("--kind"),         QStringLiteral("--location"),
                        QStringLiteral("--tags"),         QStringLiteral("--direct"),
                        QStringLiteral("--exchange"),     QStringLiteral("--peering-location")}
        << QStringList {QStringLiteral("--resource-group"),
                        QStringLiteral("--peering-name"),
                        QStringLiteral("--sku"),
                        QStringLiteral("--kind"),
                        QStringLiteral("--location"),
                        QStringLiteral("--direct"),
                        QStringLiteral("--peering-location")}
        << int(o.peerings.size());
    QTest::newRow("registered-asn create")
        << QStringLiteral("peering registered-asn create")
        << QStringList {QStringLiteral("--subscription"), QStringLiteral("--resource-group"),
                        QStringLiteral("--peering-name"), QStringLiteral("--registered-asn-name"),
                        QStringLiteral("--asn")}
        << QStringList {QStringLiteral("--resource-group"), QStringLiteral("--peering-name"),
                        QStringLiteral("--registered-asn-name"), QStringLiteral("--asn")}
        << int(o.registeredAsns.size());
}

void TestExport::azOptionsFollowExtension()
{
    QFETCH(QString, command);
    QFETCH(QStringList, documented);
    QFETCH(QStringList, required);
    QFETCH(int, calls);
    const AzRun r = runAzScript(full(), pinned());
    QVERIFY2(r.ok, r.err.constData());
    const QList<AzCall> found = azCalls(r, command);
    QCOMPARE(int(found.size()), calls);
    for (const AzCall &call : found) {
        const QStringList names = call.names();
        for (const QString &name : names) {
            QVERIFY2(documented.contains(name), qPrintable(name));
            if (name != QLatin1String("--peer-contact-detail")) // the one that repeats
                QVERIFY2(names.count(name) == 1, qPrintable(name));
            // Every option here takes a value (--peer-contact-detail and --sku several words).
            QVERIFY2(!call.values(name).isEmpty(), qPrintable(name));
        }
        for (const QString &name : required)
            QVERIFY2(names.contains(name), qPrintable(name));
    }
}

// A PeerAsn is a subscription-level resource: with peerings in two subscriptions, both scripts
// associate the peer ASN in each, and each peering points at the one in its own subscription.
void TestExport::peerAsnInEverySubscription()
{
    Onboarding o = full();
    QVERIFY(o.peerings.size() >= 2);
    const QString other = QStringLiteral("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    o.peerings[1].subscriptionId = other;
    QCOMPARE(o.subscriptionIds(), (QStringList {o.peerings[0].subscriptionId, other}));

    const AzRun r = runAzScript(o, pinned());
    QVERIFY2(r.ok, r.err.constData());
    const QList<AzCall> asns = azCalls(r, QStringLiteral("peering asn create"));
    QCOMPARE(asns.size(), 2);
    QCOMPARE(asns[0].value(QStringLiteral("--subscription")), o.peerings[0].subscriptionId);
    QCOMPARE(asns[1].value(QStringLiteral("--subscription")), other);
    QCOMPARE(r.direct.size(), 2);
    for (int i = 0; i < 2; ++i)
        QVERIFY(r.direct[i]
                    .value(QLatin1String("peerAsn"))
                    .toObject()
                    .value(QLatin1String("id"))
                    .toString()
                    .startsWith(QStringLiteral("/subscriptions/") + o.peerings[i].subscriptionId
                                + u'/'));

    const QString ps = QString::fromUtf8(exportAs(QStringLiteral("powershell"), o, pinned()));
    QCOMPARE(ps.count(QStringLiteral("New-AzPeeringAsn `")), 2);
    QVERIFY(ps.contains(QStringLiteral("New-AzPeeringAsn `\n    -SubscriptionId '%1'").arg(other)));
    // One subscription: one association.
    QCOMPARE(QString::fromUtf8(exportAs(QStringLiteral("powershell"), full(), pinned()))
                 .count(QStringLiteral("New-AzPeeringAsn `")),
             1);
}

void TestExport::azValuesFollowExtension()
{
    const Onboarding o = full();
    const AzRun r = runAzScript(o, pinned());
    QVERIFY2(r.ok, r.err.constData());

    const AzCall asn = azCalls(r, QStringLiteral("peering asn create")).value(0);
    QCOMPARE(asn.value(QStringLiteral("--peer-asn-name")), o.peerAsn.name);
    QCOMPARE(asn.value(QStringLiteral("--peer-asn")), QStringLiteral("213999"));
    // One --peer-contact-detail per contact, with the KEY=VALUE words the extension reads.
    QStringList contacts;
    for (const auto &[name, words] : asn.options)
        if (name == QLatin1String("--peer-contact-detail"))
            contacts.append(words.join(u'|'));
    QCOMPARE(contacts.size(), o.peerAsn.contacts.size());
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        const Contact &c = o.peerAsn.contacts[i];
        QCOMPARE(contacts[i],
                 QStringLiteral("role=%1|email=%2|phone=%3").arg(c.role, c.email, c.phone));
    }

    const QList<AzCall> peerings = azCalls(r, QStringLiteral("peering peering create"));
    QCOMPARE(peerings.size(), o.peerings.size());
    for (qsizetype i = 0; i < peerings.size(); ++i) {
        const AzCall &call = peerings[i];
        const PeeringResource &p = o.peerings[i];
        QCOMPARE(call.value(QStringLiteral("--subscription")), p.subscriptionId);
        QCOMPARE(call.value(QStringLiteral("--peering-name")), p.name);
        QCOMPARE(call.value(QStringLiteral("--location")), p.azureRegion);
        QCOMPARE(call.values(QStringLiteral("--kind")), QStringList {QStringLiteral("Direct")});
        QCOMPARE(call.values(QStringLiteral("--sku")),
                 QStringList {QStringLiteral("name=Premium_Direct_Free")});
        QCOMPARE(call.value(QStringLiteral("--peering-location")), p.metro);
        QVERIFY(call.value(QStringLiteral("--direct")).startsWith(u'@'));
    }
    const QList<AzCall> registered = azCalls(r, QStringLiteral("peering registered-asn create"));
    QCOMPARE(registered.size(), o.registeredAsns.size());
    for (qsizetype i = 0; i < registered.size(); ++i) {
        QCOMPARE(registered[i].value(QStringLiteral("--peering-name")),
                 o.registeredAsns[i].peering);
        QCOMPARE(registered[i].value(QStringLiteral("--registered-asn-name")),
                 o.registeredAsns[i].resourceName());
        QCOMPARE(registered[i].value(QStringLiteral("--asn")),
                 QString::number(Asn::parse(o.registeredAsns[i].asn)->value()));
    }
}

void TestExport::azDirectJsonFollowsRestApi_data()
{
    QTest::addColumn<bool>("secrets");
    QTest::newRow("without keys") << false;
    QTest::newRow("with keys") << true;
}

void TestExport::azDirectJsonFollowsRestApi()
{
    // --direct is read as the REST API's PeeringPropertiesDirect: camelCase property names.
    QFETCH(bool, secrets);
    const Onboarding o = full();
    const AzRun r = runAzScript(o, pinned(secrets));
    QVERIFY2(r.ok, r.err.constData());
    const QString asnName = azCalls(r, QStringLiteral("peering asn create"))
                                .value(0)
                                .value(QStringLiteral("--peer-asn-name"));
    const QList<AzCall> peerings = azCalls(r, QStringLiteral("peering peering create"));
    QCOMPARE(r.direct.size(), o.peerings.size());
    const QStringList directKeys {QStringLiteral("connections"),
                                  QStringLiteral("directPeeringType"), QStringLiteral("peerAsn")};
    const QStringList connectionKeys {
        QStringLiteral("bandwidthInMbps"),        QStringLiteral("bgpSession"),
        QStringLiteral("connectionIdentifier"),   QStringLiteral("peeringDBFacilityId"),
        QStringLiteral("sessionAddressProvider"), QStringLiteral("useForPeeringService")};
    for (qsizetype i = 0; i < r.direct.size(); ++i) {
        const QJsonObject &direct = r.direct[i];
        const PeeringResource &p = o.peerings[i];
        QCOMPARE(direct.keys(), directKeys);
        QCOMPARE(direct.value(QLatin1String("directPeeringType")).toString(),
                 QStringLiteral("IxRs"));
        // The peer ASN created above, in the subscription of this peering.
        QCOMPARE(
            direct.value(QLatin1String("peerAsn")).toObject().value(QLatin1String("id")),
            QJsonValue(QStringLiteral("/subscriptions/%1/providers/Microsoft.Peering/peerAsns/%2")
                           .arg(peerings[i].value(QStringLiteral("--subscription")), asnName)));
        const QJsonArray connections = direct.value(QLatin1String("connections")).toArray();
        QCOMPARE(connections.size(), p.connections.size());
        for (qsizetype j = 0; j < connections.size(); ++j) {
            const QJsonObject c = connections[j].toObject();
            const Connection &e = p.connections[j];
            QCOMPARE(c.keys(), connectionKeys);
            QCOMPARE(c.value(QLatin1String("connectionIdentifier")).toString(), e.id);
            QCOMPARE(c.value(QLatin1String("peeringDBFacilityId")).toInteger(),
                     e.peeringDbFacilityId);
            QCOMPARE(c.value(QLatin1String("bandwidthInMbps")).toInteger(), e.bandwidthMbps);
            QCOMPARE(c.value(QLatin1String("sessionAddressProvider")),
                     QJsonValue(QStringLiteral("Peer")));
            QCOMPARE(c.value(QLatin1String("useForPeeringService")), QJsonValue(true));
            const QJsonObject b = c.value(QLatin1String("bgpSession")).toObject();
            QStringList bgpKeys {QStringLiteral("maxPrefixesAdvertisedV4"),
                                 QStringLiteral("microsoftSessionIPv4Address"),
                                 QStringLiteral("peerSessionIPv4Address"),
                                 QStringLiteral("sessionPrefixV4")};
            if (e.bgp.hasIpv6())
                bgpKeys << QStringLiteral("maxPrefixesAdvertisedV6")
                        << QStringLiteral("microsoftSessionIPv6Address")
                        << QStringLiteral("peerSessionIPv6Address")
                        << QStringLiteral("sessionPrefixV6");
            if (secrets && !e.bgp.md5Key.isEmpty())
                bgpKeys << QStringLiteral("md5AuthenticationKey");
            bgpKeys.sort(); // QJsonObject keys come sorted
            QCOMPARE(b.keys(), bgpKeys);
            QCOMPARE(b.value(QLatin1String("sessionPrefixV4")).toString(), e.bgp.sessionPrefixV4);
            QCOMPARE(b.value(QLatin1String("peerSessionIPv4Address")).toString(), e.bgp.peerIPv4);
            QCOMPARE(b.value(QLatin1String("microsoftSessionIPv4Address")).toString(),
                     e.bgp.microsoftIPv4);
            QCOMPARE(b.value(QLatin1String("maxPrefixesAdvertisedV4")).toInteger(),
                     e.bgp.maxPrefixesAdvertisedV4);
            if (secrets && !e.bgp.md5Key.isEmpty())
                QCOMPARE(b.value(QLatin1String("md5AuthenticationKey")).toString(), e.bgp.md5Key);
        }
    }
}

void TestExport::powerShellParametersFollowModule_data()
{
    // Parameters of Az.Peering 0.5.0 (AutoRest, REST API 2022-10-01): the help files in
    // Azure/azure-powershell src/Peering/Peering/help and the generated
    // Peering.Autorest/custom/autogen-model-cmdlets/*.ps1. "required" are Required: True there,
    // plus what this script needs.
    QTest::addColumn<QString>("cmdlet");
    QTest::addColumn<QStringList>("documented");
    QTest::addColumn<QStringList>("required");
    QTest::addColumn<int>("calls");
    const Onboarding o = full();
    int connections = 0;
    for (const PeeringResource &p : o.peerings)
        connections += int(p.connections.size());
    const auto list = [](const char *names) { return QString::fromLatin1(names).split(u' '); };
    QTest::newRow("New-AzPeeringContactDetailObject")
        << QStringLiteral("New-AzPeeringContactDetailObject") << list("Email Phone Role")
        << list("Email Phone Role") << int(o.peerAsn.contacts.size());
    QTest::newRow("New-AzPeeringAsn")
        << QStringLiteral("New-AzPeeringAsn")
        << list("Name SubscriptionId PeerAsn PeerContactDetail PeerName")
        << list("Name SubscriptionId PeerAsn PeerContactDetail PeerName") << 1;
    QTest::newRow("New-AzPeeringDirectConnectionObject")
        << QStringLiteral("New-AzPeeringDirectConnectionObject")
        << list("BandwidthInMbps BgpSessionMaxPrefixesAdvertisedV4 "
                "BgpSessionMaxPrefixesAdvertisedV6 BgpSessionMd5AuthenticationKey "
                "BgpSessionMicrosoftSessionIPv4Address BgpSessionMicrosoftSessionIPv6Address "
                "BgpSessionPeerSessionIPv4Address BgpSessionPeerSessionIPv6Address "
                "BgpSessionPrefixV4 BgpSessionPrefixV6 ConnectionIdentifier PeeringDbFacilityId "
                "SessionAddressProvider UseForPeeringService")
        << list("BandwidthInMbps BgpSessionMaxPrefixesAdvertisedV4 "
                "BgpSessionMicrosoftSessionIPv4Address BgpSessionPeerSessionIPv4Address "
                "BgpSessionPrefixV4 ConnectionIdentifier PeeringDbFacilityId "
                "SessionAddressProvider UseForPeeringService")
        << connections;
    QTest::newRow("New-AzPeering")
        << QStringLiteral("New-AzPeering")
        << list("Name ResourceGroupName SubscriptionId Kind Location DirectConnection "
                "DirectPeerAsnId DirectPeeringType ExchangeConnection ExchangePeerAsnId "
                "PeeringLocation Sku Tag")
        << list("Name ResourceGroupName SubscriptionId Kind Location DirectConnection "
                "DirectPeerAsnId DirectPeeringType PeeringLocation Sku")
        << int(o.peerings.size());
    QTest::newRow("New-AzPeeringRegisteredAsn")
        << QStringLiteral("New-AzPeeringRegisteredAsn")
        << list("Name PeeringName ResourceGroupName SubscriptionId Asn")
        << list("Name PeeringName ResourceGroupName SubscriptionId Asn")
        << int(o.registeredAsns.size());
}

void TestExport::powerShellParametersFollowModule()
{
    QFETCH(QString, cmdlet);
    QFETCH(QStringList, documented);
    QFETCH(QStringList, required);
    QFETCH(int, calls);
    const QString script
        = QString::fromUtf8(exportAs(QStringLiteral("powershell"), full(), pinned(true)));
    int found = 0;
    for (const PsCall &call : psStatements(script)) {
        if (call.cmdlet != cmdlet)
            continue;
        ++found;
        QStringList names;
        for (const auto &[name, value] : call.params) {
            QVERIFY2(documented.contains(name), qPrintable(name)); // also the exact spelling
            QVERIFY2(!names.contains(name), qPrintable(name));
            QVERIFY2(!value.isEmpty(), qPrintable(name)); // no switches among them
            names.append(name);
        }
        for (const QString &name : required)
            QVERIFY2(names.contains(name), qPrintable(name));
    }
    QCOMPARE(found, calls);
}

void TestExport::powerShellValues()
{
    const Onboarding o = full();
    const QList<PsCall> calls
        = psStatements(QString::fromUtf8(exportAs(QStringLiteral("powershell"), o, pinned())));
    QString asnName;
    QStringList contactVars;
    for (const PsCall &c : calls) {
        if (c.cmdlet == QLatin1String("New-AzPeeringContactDetailObject"))
            contactVars.append(c.target);
        if (c.cmdlet == QLatin1String("New-AzPeeringAsn")) {
            asnName = c.value(QStringLiteral("Name"));
            QCOMPARE(c.value(QStringLiteral("PeerAsn")), QStringLiteral("213999"));
            QCOMPARE(c.value(QStringLiteral("PeerName")), o.peerAsn.peerName);
            QCOMPARE(c.value(QStringLiteral("SubscriptionId")), o.peerings[0].subscriptionId);
        }
    }
    QCOMPARE(asnName, o.peerAsn.name);
    QCOMPARE(contactVars.size(), o.peerAsn.contacts.size());

    int peering = 0;
    int connection = 0;
    QStringList connectionVars;
    for (const PsCall &c : calls) {
        if (c.cmdlet == QLatin1String("New-AzPeeringDirectConnectionObject")) {
            const Connection &e = o.peerings[peering].connections[connection++];
            connectionVars.append(c.target);
            QCOMPARE(c.value(QStringLiteral("ConnectionIdentifier")), e.id);
            QCOMPARE(c.value(QStringLiteral("PeeringDbFacilityId")),
                     QString::number(e.peeringDbFacilityId));
            QCOMPARE(c.value(QStringLiteral("BandwidthInMbps")), QString::number(e.bandwidthMbps));
            QCOMPARE(c.value(QStringLiteral("SessionAddressProvider")), QStringLiteral("Peer"));
            // A Boolean parameter, not a switch: given alone it would fail.
            QCOMPARE(c.value(QStringLiteral("UseForPeeringService")), QStringLiteral("$true"));
            QCOMPARE(c.value(QStringLiteral("BgpSessionPrefixV4")), e.bgp.sessionPrefixV4);
            QCOMPARE(c.value(QStringLiteral("BgpSessionPeerSessionIPv4Address")), e.bgp.peerIPv4);
            QCOMPARE(c.value(QStringLiteral("BgpSessionMicrosoftSessionIPv4Address")),
                     e.bgp.microsoftIPv4);
            QCOMPARE(c.has(QStringLiteral("BgpSessionPrefixV6")), e.bgp.hasIpv6());
            QVERIFY(!c.has(QStringLiteral("BgpSessionMd5AuthenticationKey"))); // no secrets asked
        }
        if (c.cmdlet == QLatin1String("New-AzPeering")) {
            const PeeringResource &p = o.peerings[peering];
            QCOMPARE(qsizetype(connection), p.connections.size());
            QCOMPARE(c.value(QStringLiteral("Name")), p.name);
            QCOMPARE(c.value(QStringLiteral("ResourceGroupName")), p.resourceGroup);
            QCOMPARE(c.value(QStringLiteral("SubscriptionId")), p.subscriptionId);
            QCOMPARE(c.value(QStringLiteral("Location")), p.azureRegion);
            QCOMPARE(c.value(QStringLiteral("Kind")), QStringLiteral("Direct"));
            QCOMPARE(c.value(QStringLiteral("Sku")), QStringLiteral("Premium_Direct_Free"));
            QCOMPARE(c.value(QStringLiteral("PeeringLocation")), p.metro);
            QCOMPARE(c.value(QStringLiteral("DirectPeeringType")), QStringLiteral("IxRs"));
            QCOMPARE(c.value(QStringLiteral("DirectPeerAsnId")),
                     QStringLiteral("/subscriptions/%1/providers/Microsoft.Peering/peerAsns/%2")
                         .arg(p.subscriptionId, asnName));
            // "@($connection1_1, ...)" split at the blanks: its first word names the first one.
            QCOMPARE(c.value(QStringLiteral("DirectConnection")),
                     QStringLiteral("@(%1%2").arg(
                         connectionVars.value(0),
                         connectionVars.size() == 1 ? QStringLiteral(")") : QStringLiteral(",")));
            ++peering;
            connection = 0;
            connectionVars.clear();
        }
        if (c.cmdlet == QLatin1String("New-AzPeeringRegisteredAsn")) {
            const PeeringResource &p = o.peerings[peering - 1];
            QCOMPARE(c.value(QStringLiteral("PeeringName")), p.name);
            QCOMPARE(c.value(QStringLiteral("ResourceGroupName")), p.resourceGroup);
        }
    }
    QCOMPARE(qsizetype(peering), o.peerings.size());
}

void TestExport::powerShellReadsHostileValuesBack()
{
    // The statement reader undoes the quoting: every hostile value comes back as it was, after
    // its own parameter, and no value spills into a parameter of its own.
    const Onboarding o = nasty();
    const QList<PsCall> calls
        = psStatements(QString::fromUtf8(exportAs(QStringLiteral("powershell"), o, pinned())));
    bool sawPeering = false;
    for (const PsCall &c : calls) {
        if (c.cmdlet == QLatin1String("New-AzPeeringAsn"))
            QCOMPARE(c.value(QStringLiteral("PeerName")), o.peerAsn.peerName);
        if (c.cmdlet == QLatin1String("New-AzPeering") && !sawPeering) {
            sawPeering = true;
            QCOMPARE(c.value(QStringLiteral("Name")), kNastyName);
            QCOMPARE(c.value(QStringLiteral("ResourceGroupName")), o.peerings[0].resourceGroup);
            QCOMPARE(c.value(QStringLiteral("PeeringLocation")), o.peerings[0].metro);
            QCOMPARE(c.params.size(), qsizetype(10));
        }
        if (c.cmdlet == QLatin1String("New-AzPeeringRegisteredAsn")
            && c.value(QStringLiteral("PeeringName")) == kNastyName)
            QCOMPARE(c.value(QStringLiteral("Name")), o.registeredAsns[0].resourceName());
    }
    QVERIFY(sawPeering);
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

// A requirement ticked met while its rule has a finding is not reported as met: the row says
// what contradicts it, and the findings carry requirement.contradicted naming both.
void TestExport::metNeverBesideAFinding()
{
    Onboarding o = full();
    o.requirements.clear();
    for (const RequirementInfo &info : RequirementCheck::catalogue())
        o.requirements.append(RequirementCheck{info.id, QStringLiteral("met"), {}, {}});
    o.peerings[0].connections[0].lacp = false;
    const QString md = QString::fromUtf8(exportAs(QStringLiteral("markdown"), o, pinned()));
    const qsizetype row = md.indexOf(QStringLiteral("| LACP on every interconnect link |"));
    QVERIFY(row > 0);
    const QString line = md.mid(row, md.indexOf(u'\n', row) - row);
    QVERIFY2(!line.contains(QStringLiteral("| met |")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("interconnect.lacp")), qPrintable(line));
    QVERIFY(md.contains(QStringLiteral("requirement.contradicted")));
    // Every other requirement has no finding of its rule and stays met.
    QVERIFY(md.contains(QStringLiteral("| Every interconnect is at least 10 Gbps | met |")));
}

// What a change board signs: the onboarding's name as the title, the checklist's open items
// listed (a requirement ticked met against a finding of its rule among them, never "met"), and a
// sign-off block for the three who sign, with their dates.
void TestExport::reviewSummaryForTheBoard()
{
    Onboarding o = full();
    const ReviewReport clean = ReviewReport::build(o, pinned());
    QCOMPARE(clean.title(), QStringLiteral("Review summary: Example-IX to Microsoft"));
    QCOMPARE(clean.blocks().first().text, clean.title());
    o.name.clear();
    QCOMPARE(ReviewReport::build(o, pinned()).title(),
             QStringLiteral("Review summary: exampleix-ams-ixrs, exampleix-fra-ixrs"));

    o = full();
    o.requirements.clear();
    for (const RequirementInfo &info : RequirementCheck::catalogue())
        o.requirements.append(RequirementCheck{info.id, QStringLiteral("met"), {}, {}});
    o.requirements[2].status = QStringLiteral("open");
    o.requirements[3].status = QStringLiteral("waived");
    o.requirements[3].note = QStringLiteral("backup in the same building until March");
    o.peerings[0].connections[0].lacp = false; // contradicts "LACP on every interconnect link"
    const ReviewReport r = ReviewReport::build(o, pinned());
    const auto blockAfter = [&r](const QString &heading) {
        const QList<ReportBlock> &b = r.blocks();
        for (qsizetype i = 0; i + 1 < b.size(); ++i)
            if (b[i].kind == ReportBlock::Heading && b[i].text == heading)
                return b[i + 1];
        return ReportBlock();
    };
    const ReportBlock open = blockAfter(QStringLiteral("Open items"));
    QCOMPARE(open.kind, ReportBlock::Table);
    QCOMPARE(open.rows.size(), 2);
    QCOMPARE(open.rows[0].value(1), RequirementCheck::catalogue().at(2).title);
    QCOMPARE(open.rows[0].value(2), QStringLiteral("open"));
    QCOMPARE(open.rows[1].value(1), QStringLiteral("LACP on every interconnect link"));
    QVERIFY2(open.rows[1].value(2).startsWith(QLatin1String("NOT MET: 1 finding")), qPrintable(open.rows[1].value(2)));
    const QString md = r.toMarkdown();
    QVERIFY2(md.contains(QStringLiteral("- **Open checklist items:** 2 of the checklist")), qPrintable(md));
    // The waived one is not open; the met ones without a finding are not listed.
    QVERIFY(!open.rows[0].join(u' ').contains(QLatin1String("waived")));

    const ReportBlock sign = blockAfter(QStringLiteral("Sign-off"));
    QVERIFY(sign.signatures);
    QCOMPARE(sign.headers, (QStringList {QStringLiteral("Role"), QStringLiteral("Name"),
                                         QStringLiteral("Signature"), QStringLiteral("Date")}));
    QCOMPARE(sign.rows.size(), 3);
    QCOMPARE(sign.rows[0].value(0), QStringLiteral("Prepared by"));
    QCOMPARE(sign.rows[1].value(0), QStringLiteral("Reviewed by"));
    QCOMPARE(sign.rows[2].value(0), QStringLiteral("Approved by"));
    QVERIFY(md.contains(QStringLiteral("| Approved by |  |  |  |")));
    QVERIFY(r.toHtml().contains(QStringLiteral("<tr style=\"height: 3em\"><td>Approved by</td>")));
    // Nothing open: said so.
    Onboarding allMet = full();
    allMet.requirements.clear();
    for (const RequirementInfo &info : RequirementCheck::catalogue())
        allMet.requirements.append(RequirementCheck{info.id, QStringLiteral("met"), {}, {}});
    const ReviewReport none = ReviewReport::build(allMet, pinned());
    QVERIFY(none.toMarkdown().contains(QStringLiteral("None: every requirement is met or waived.")));
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
