// Runs the built peering-wizard binary's PeeringDB commands against the fake PeeringDB on
// 127.0.0.1: peeringdb sync (network, folder, key from the environment, failures that leave the
// cache as it was, usage errors) and facilities (metro, common exchange, text and JSON). HOME
// and the XDG folders point into a temporary folder.
#include "clirun.h"
#include "fakepeeringdb.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Peering;
using Peering::TestSupport::FakePeeringDb;
using Run = Peering::TestSupport::CliRun;

class TestCliPeeringDb : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void syncThenFacilities();
    void facilitiesByMetroAndExchange();
    void facilitiesText();
    void apiKeyFromTheEnvironment();
    void failedSyncLeavesTheCacheAsItWas_data();
    void failedSyncLeavesTheCacheAsItWas();
    void offlineFolder();
    void noCacheYet();
    void usage_data();
    void usage();

private:
    Run run(const QStringList &args, const QProcessEnvironment &extra = {});
    QByteArray storeHash() const;
    QString m_store;
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    std::unique_ptr<FakePeeringDb> m_server;
    int m_count = 0;
};

void TestCliPeeringDb::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert("HOME", m_dir.filePath("home"));
    m_env.insert("XDG_DATA_HOME", m_dir.filePath("home/data"));
    m_env.insert("XDG_CONFIG_HOME", m_dir.filePath("home/config"));
    m_env.insert("PEERING_PEERINGDB_TIMEOUT", "2");
    QDir().mkpath(m_dir.filePath("home"));
}

void TestCliPeeringDb::init()
{
    m_store = m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_count));
    m_server = std::make_unique<FakePeeringDb>();
    m_server->loadSample();
}

Run TestCliPeeringDb::run(const QStringList &args, const QProcessEnvironment &extra)
{
    QProcessEnvironment env = m_env;
    for (const QString &k : extra.keys())
        env.insert(k, extra.value(k));
    return TestSupport::runCli(QStringLiteral(PEERING_WIZARD_BIN), args, {}, env);
}

QByteArray TestCliPeeringDb::storeHash() const
{
    QFile f(m_store);
    return f.open(QIODevice::ReadOnly)
        ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
        : QByteArray();
}

static QList<qint64> ids(const QByteArray &json)
{
    QList<qint64> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).object().value("facilities").toArray())
        out.append(v.toObject().value("id").toInteger());
    return out;
}

void TestCliPeeringDb::syncThenFacilities()
{
    Run sync = run({"peeringdb", "sync", "--url", m_server->baseUrl(), "--store", m_store,
                    "--format", "json"});
    QVERIFY2(sync.exitCode == 0, sync.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(sync.out).object();
    QCOMPARE(report.value("source").toString(), m_server->baseUrl());
    QCOMPARE(report.value("objects").toArray().size(), 8);
    QCOMPARE(report.value("objects").toArray().at(0).toObject().value("object").toString(),
             QStringLiteral("fac"));
    QCOMPARE(report.value("objects").toArray().at(0).toObject().value("cached").toInt(), 7);

    Run list = run({"facilities", "--store", m_store, "--format", "json"});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const QJsonArray facilities = QJsonDocument::fromJson(list.out).object().value("facilities").toArray();
    QCOMPARE(facilities.size(), 5);
    QCOMPARE(facilities.at(1).toObject(),
             (QJsonObject {{"id", 2}, {"name", "Interxion FRA1"}, {"city", "Frankfurt am Main"},
                           {"country", "DE"}, {"metro", "Frankfurt"}}));
    QCOMPARE(facilities.at(1).toObject().keys(),
             (QStringList {"city", "country", "id", "metro", "name"}));
    QCOMPARE(ids(list.out), (QList<qint64> {1, 2, 3, 4, 5}));

    // The second sync asks only for changes.
    m_server->clearRequests();
    Run again = run({"peeringdb", "sync", "--url", m_server->baseUrl(), "--store", m_store});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY(!m_server->requests().isEmpty());
    for (const auto &q : m_server->requests())
        QVERIFY(q.query.hasQueryItem("since"));
}

void TestCliPeeringDb::facilitiesByMetroAndExchange()
{
    QCOMPARE(run({"peeringdb", "sync", "--url", m_server->baseUrl(), "--store", m_store}).exitCode, 0);
    auto facilities = [&](const QStringList &more) {
        Run r = run(QStringList {"facilities", "--store", m_store, "--format", "json"} + more);
        if (r.exitCode != 0)
            qWarning("%s", r.err.constData());
        return ids(r.out);
    };
    QCOMPARE(facilities({"--metro", "ashburn"}), (QList<qint64> {3, 4}));
    QCOMPARE(facilities({"--metro", "Frankfurt"}), (QList<qint64> {2}));
    QCOMPARE(facilities({"--metro", "Frankfurt am Main"}), (QList<qint64> {2}));
    QCOMPARE(facilities({"--metro", "Frankfort"}), QList<qint64>());
    QCOMPARE(facilities({"--common-with-ix", "10"}), (QList<qint64> {1}));
    QCOMPARE(facilities({"--common-with-ix", "20", "--metro", "frankfurt"}), (QList<qint64> {2}));
    QCOMPARE(facilities({"--common-with-ix", "20", "--metro", "Amsterdam"}), QList<qint64>());
    Run unknown = run({"facilities", "--store", m_store, "--common-with-ix", "99"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains("no exchange 99"));
}

void TestCliPeeringDb::facilitiesText()
{
    QCOMPARE(run({"peeringdb", "sync", "--url", m_server->baseUrl(), "--store", m_store}).exitCode, 0);
    Run r = run({"facilities", "--store", m_store, "--metro", "Ashburn"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.split('\n');
    QVERIFY(lines.at(0).startsWith("ID"));
    QVERIFY(lines.at(1).startsWith("3 ") && lines.at(1).contains("Equinix DC2"));
    QVERIFY(lines.at(2).startsWith("4 ") && lines.at(2).contains("Sterling")
            && lines.at(2).contains("Ashburn"));
    QVERIFY(r.out.contains("Facilities where Microsoft is present: 2"));
}

void TestCliPeeringDb::apiKeyFromTheEnvironment()
{
    m_server->requireApiKey("pdb-k3y-0123456789");
    QProcessEnvironment key;
    key.insert("MY_PDB_KEY", "pdb-k3y-0123456789");
    Run r = run({"peeringdb", "sync", "--url", m_server->baseUrl(), "--store", m_store,
                 "--api-key-env", "MY_PDB_KEY"},
                key);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const auto &q : m_server->requests())
        QCOMPARE(q.headers.value("authorization"), QByteArray("Api-Key pdb-k3y-0123456789"));
    QVERIFY(!r.out.contains("k3y") && !r.err.contains("k3y"));
    QFile store(m_store);
    QVERIFY(store.open(QIODevice::ReadOnly));
    QVERIFY(!store.readAll().contains("k3y"));

    // A wrong key: refused once, never retried, not echoed.
    key.insert("MY_PDB_KEY", "wrong-k3y");
    m_server->clearRequests();
    Run wrong = run({"peeringdb", "sync", "--url", m_server->baseUrl(), "--store", m_store,
                     "--api-key-env", "MY_PDB_KEY"},
                    key);
    QCOMPARE(wrong.exitCode, 1);
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY(wrong.err.contains("401"));
    QVERIFY(!wrong.err.contains("k3y"));
}

void TestCliPeeringDb::failedSyncLeavesTheCacheAsItWas_data()
{
    QTest::addColumn<int>("how");
    using M = FakePeeringDb::Misbehaviour;
    QTest::newRow("server-error") << int(M::ServerError);
    QTest::newRow("truncated") << int(M::Truncated);
    QTest::newRow("malformed") << int(M::Malformed);
    QTest::newRow("wrong-shape") << int(M::WrongShape);
    QTest::newRow("huge") << int(M::Huge);
    QTest::newRow("never-answers") << int(M::NeverAnswers);
}

void TestCliPeeringDb::failedSyncLeavesTheCacheAsItWas()
{
    QFETCH(int, how);
    QCOMPARE(run({"peeringdb", "sync", "--url", m_server->baseUrl(), "--store", m_store}).exitCode, 0);
    const QByteArray before = run({"facilities", "--store", m_store, "--format", "json"}).out;
    // Something changed upstream, but the last object's answer is bad.
    m_server->addRow("netfac", QJsonObject {{"id", 504}, {"net_id", 694}, {"fac_id", 5},
                                            {"status", "deleted"},
                                            {"updated", QDateTime::currentDateTimeUtc().addSecs(5).toString(Qt::ISODate)}});
    m_server->misbehave(FakePeeringDb::Misbehaviour(how), QStringLiteral("net"));
    const QByteArray hash = storeHash();
    QElapsedTimer t;
    t.start();
    Run r = run({"peeringdb", "sync", "--url", m_server->baseUrl(), "--store", m_store});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(t.elapsed() < 60000);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("the cache was left as it was"), r.err.constData());
    QCOMPARE(storeHash(), hash);
    QCOMPARE(run({"facilities", "--store", m_store, "--format", "json"}).out, before);
}

void TestCliPeeringDb::offlineFolder()
{
    // Dump files: the server's answers for whole lists.
    QTemporaryDir dumps;
    QVERIFY(dumps.isValid());
    const QStringList objects {"fac", "ix", "ixfac", "ixlan", "ixpfx", "netfac", "netixlan", "net"};
    for (const QString &object : objects) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /api/" + object.toUtf8() + "?depth=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(5000) || socket.bytesAvailable())
            answer += socket.readAll();
        const qsizetype body = answer.indexOf("\r\n\r\n");
        QVERIFY(body > 0);
        QFile f(dumps.filePath(object + "-0.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(answer.mid(body + 4));
    }
    const int before = m_server->requestCount();
    Run r = run({"peeringdb", "sync", "--from-dir", dumps.path(), "--store", m_store, "--format",
                 "json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(m_server->requestCount(), before); // no network
    QCOMPARE(ids(run({"facilities", "--store", m_store, "--format", "json"}).out),
             (QList<qint64> {1, 2, 3, 4, 5}));
    QFile::remove(dumps.filePath("net-0.json"));
    Run missing = run({"peeringdb", "sync", "--from-dir", dumps.path(), "--store", m_store});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("net-0.json"));
}

void TestCliPeeringDb::noCacheYet()
{
    const QString other = m_dir.filePath("empty.sqlite");
    QCOMPARE(run({"import", QStringLiteral(PEERING_TEST_DATA_DIR "/clean.json"), "--store", other}).exitCode, 0);
    Run r = run({"facilities", "--store", other});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("peeringdb sync"), r.err.constData());
}

void TestCliPeeringDb::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no-action") << QStringList {"peeringdb"};
    QTest::newRow("unknown-action") << QStringList {"peeringdb", "pull"};
    QTest::newRow("url-and-dir") << QStringList {"peeringdb", "sync", "--url", "http://127.0.0.1:1/api", "--from-dir", "/tmp"};
    QTest::newRow("bad-url") << QStringList {"peeringdb", "sync", "--url", "ftp://127.0.0.1/api"};
    QTest::newRow("url-with-password") << QStringList {"peeringdb", "sync", "--url", "https://u:p@127.0.0.1/api"};
    QTest::newRow("bad-format") << QStringList {"peeringdb", "sync", "--format", "xml"};
    QTest::newRow("unset-key-variable") << QStringList {"peeringdb", "sync", "--api-key-env", "PEERING_NO_SUCH_VARIABLE"};
    QTest::newRow("facilities-bad-ix") << QStringList {"facilities", "--common-with-ix", "ten"};
    QTest::newRow("facilities-zero-ix") << QStringList {"facilities", "--common-with-ix", "0"};
    QTest::newRow("facilities-bad-format") << QStringList {"facilities", "--format", "csv"};
    QTest::newRow("facilities-argument") << QStringList {"facilities", "Amsterdam"};
}

void TestCliPeeringDb::usage()
{
    QFETCH(QStringList, args);
    Run r = run(args + QStringList {"--store", m_store});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(m_store));
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCliPeeringDb)
#include "tst_cli_peeringdb.moc"
