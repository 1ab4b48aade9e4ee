// The PeeringDB client against the fake server on 127.0.0.1 (every path: paging, since, the
// key header, 429, 401, timeouts, bad answers, cancel), the offline folder, and the cache in the
// store on SQLite (tst_peeringdb) and PostgreSQL (tst_peeringdb_postgresql): one transaction per
// sync, deletions applied, a failed write leaving the cache as it was.
#include "fakepeeringdb.h"
#include "skipexit.h"
#include "tempstore.h"

#include "peeringdb/metroaliases.h"
#include "peeringdb/peeringdbcache.h"
#include "peeringdb/peeringdbclient.h"
#include "peeringdb/peeringdbdirectory.h"
#include "peeringdb/peeringdbpagereader.h"
#include "peeringdb/peeringdbrows.h"
#include "peeringdb/peeringdbsync.h"
#include "store/onboardingstore.h"
#include "tracking/trackedstore.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Peering;
using Peering::TestSupport::FakePeeringDb;
using Peering::TestSupport::TempStore;

Q_DECLARE_METATYPE(Peering::TestSupport::FakePeeringDb::Misbehaviour)

namespace {

PeeringDbOptions optionsFor(const FakePeeringDb &server)
{
    PeeringDbOptions o;
    o.baseUrl = QUrl(server.baseUrl());
    o.pageSize = 2;
    o.requestsPerMinute = 1000;
    o.idleTimeoutMs = 2000;
    o.requestTimeoutMs = 4000;
    o.maxBodyBytes = 1024 * 1024;
    return o;
}

struct Run
{
    bool ok = false;
    QString error;
    PeeringDbFetch fetch;
    qint64 ms = 0;
    int requests = 0;
    int progress = 0;
    int waiting = 0;
};

Run runClient(const PeeringDbOptions &options, const QList<PeeringDbRequestPlan> &plan,
              int cancelAfterMs = -1)
{
    PeeringDbClient client(options);
    QSignalSpy finished(&client, &PeeringDbClient::finished);
    QSignalSpy progress(&client, &PeeringDbClient::progress);
    QSignalSpy waiting(&client, &PeeringDbClient::waiting);
    QElapsedTimer t;
    t.start();
    client.start(plan);
    if (cancelAfterMs >= 0)
        QTimer::singleShot(cancelAfterMs, &client, &PeeringDbClient::cancel);
    finished.wait(30000);
    Run r;
    r.ms = t.elapsed();
    r.ok = finished.size() == 1 && finished.at(0).at(0).toBool();
    r.error = client.errorString();
    if (r.ok)
        r.fetch = client.takeFetch();
    r.requests = client.requestCount();
    r.progress = int(progress.size());
    r.waiting = int(waiting.size());
    return r;
}

QList<PeeringDbRequestPlan> freshPlan()
{
    return PeeringDbSync::plan({}, {64500});
}

const PeeringDbObjectFetch *objectOf(const PeeringDbFetch &f, const char *name)
{
    for (const PeeringDbObjectFetch &o : f.objects)
        if (o.object == QLatin1String(name))
            return &o;
    return nullptr;
}

QString isoIn(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODate);
}

} // namespace

#define CHECK_OK(expr)                                                                             \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.ok(), qPrintable(r_.error().message()));                                       \
    } while (false)

class TestPeeringDb : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void metroAliases();
    void pageReader_data();
    void pageReader();
    void pageReaderResumesAtEveryByte();
    void pageReaderBoundsOneValue();
    void rowsSpoolToAFileInOrder();
    void fetchesEveryObjectPagedAtDepth0();
    void apiKeyOnlyInTheAuthorizationHeader();
    void refusedKeyIsNotRetried();
    void rateLimitWaitsRetryAfterThenRetries();
    void longRetryAfterStopsAndSaysWhen();
    void rateLimitWithoutRetryAfterIsNotRetried();
    void slidingWindowSpacesRequests();
    void badAnswersGiveOneLine_data();
    void badAnswersGiveOneLine();
    void refusedConnection();
    void cancelEndsAtOnce();

    void syncFillsTheCache();
    void incrementalSyncAppliesChangesAndDeletions();
    void changedFilterFetchesTheObjectWhole();
    void failedWriteLeavesTheCacheAsItWas();
    void readOnlyStoreRefusesASync();
    void offlineFolder();
    void factsForTheRules();

private:
    std::unique_ptr<OnboardingStore> open(StoreOptions::Mode mode = StoreOptions::Mode::ReadWrite);
    void syncOnce(OnboardingStore &store, FakePeeringDb &server);

    std::unique_ptr<TempStore> m_temp;
};

void TestPeeringDb::initTestCase()
{
    const StoreLocation::Backend backend = TempStore::backendFromEnvironment();
    qInfo("store back end: %s", qPrintable(TempStore::backendName(backend)));
    m_temp = std::make_unique<TempStore>(backend, QStringLiteral("tst_peeringdb"));
    if (!m_temp->unavailableReason().isEmpty()) {
        TestSupport::exitAsSkipped();
        QSKIP(qPrintable(m_temp->unavailableReason()));
    }
}

void TestPeeringDb::init()
{
    QVERIFY2(m_temp->reset(), qPrintable(m_temp->reason()));
}

void TestPeeringDb::cleanup()
{
    m_temp->closeRaw();
}

std::unique_ptr<OnboardingStore> TestPeeringDb::open(StoreOptions::Mode mode)
{
    StoreOptions o;
    o.userName = QStringLiteral("tester");
    o.mode = mode;
    auto opened = TrackedStore::open(m_temp->location(), o);
    if (!opened)
        qWarning("open: %s", qPrintable(opened.error().message()));
    return opened ? std::move(opened.value()) : nullptr;
}

void TestPeeringDb::syncOnce(OnboardingStore &store, FakePeeringDb &server)
{
    PeeringDbCache cache(store);
    auto state = cache.state();
    CHECK_OK(state);
    Run r = runClient(optionsFor(server), PeeringDbSync::plan(*state, {64500}));
    QVERIFY2(r.ok, qPrintable(r.error));
    CHECK_OK(cache.apply(r.fetch, store.userName()));
}

void TestPeeringDb::metroAliases()
{
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("Sterling")), QStringLiteral("Ashburn"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("Frankfurt am Main")),
             QStringLiteral("Frankfurt"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("ZÜRICH")), QStringLiteral("Zurich"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("São Paulo")), QStringLiteral("Sao Paulo"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral(" Reykjavik ")), QStringLiteral("Reykjavik"));
    QVERIFY(MetroAliases::sameMetro(QStringLiteral("ashburn"), QStringLiteral("Sterling")));
    QVERIFY(MetroAliases::sameMetro(QStringLiteral("Silicon Valley"), QStringLiteral("Santa Clara")));
    QVERIFY(!MetroAliases::sameMetro(QStringLiteral("Frankfort"), QStringLiteral("Frankfurt am Main")));
    // Local spellings of Azure's location names.
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("Genève")), QStringLiteral("Geneva"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("Lisboa")), QStringLiteral("Lisbon"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("Capetown")), QStringLiteral("Cape Town"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("Athina")), QStringLiteral("Athens"));
    // With the facility's country: an alias or a metro's name elsewhere is not that metro.
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("Alexandria"), QStringLiteral("AU")),
             QStringLiteral("Sydney"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("Alexandria"), QStringLiteral("US")),
             QStringLiteral("Alexandria, US"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("San Jose"), QStringLiteral("cr")),
             QStringLiteral("San Jose, CR"));
    QCOMPARE(MetroAliases::metroOfCity(QStringLiteral("Reston"), QStringLiteral("US")),
             QStringLiteral("Ashburn"));
    QVERIFY(MetroAliases::sameMetro(QStringLiteral("Ashburn"), QStringLiteral("Sterling"),
                                    QStringLiteral("US")));
    QVERIFY(!MetroAliases::sameMetro(QStringLiteral("Vienna"), QStringLiteral("Vienna"),
                                     QStringLiteral("US")));
    QVERIFY(MetroAliases::sameMetro(QStringLiteral("Vienna, US"), QStringLiteral("Vienna"),
                                    QStringLiteral("US")));
    QVERIFY(MetroAliases::sameMetro(QStringLiteral("vienna"), QStringLiteral("Wien"),
                                    QStringLiteral("AT")));
    // Every location Microsoft's own examples name is a metro of the table.
    const QStringList metros = MetroAliases::azureMetros();
    for (const char *name : {"Amsterdam", "Ashburn", "Athens", "Atlanta", "Auckland", "Barcelona",
                             "Berlin", "Cape Town", "Denver", "Frankfurt", "Geneva", "Johannesburg",
                             "Lagos", "Lisbon", "London", "Los Angeles", "Madrid", "Marseille",
                             "Nairobi", "Newark", "Osaka", "Paris", "Singapore", "Sydney", "Tokyo",
                             "Zurich"})
        QVERIFY2(metros.contains(QLatin1String(name)), name);
}

namespace {

struct ReadPage
{
    bool ok = false;
    QString error;
    QList<PeeringDbSchema::Row> rows;
    QList<qint64> deleted;
    qsizetype received = 0;
};

// Reads an answer for an object in pieces of `piece` bytes (0: at once).
ReadPage readPage(const char *object, const QByteArray &body, qsizetype piece = 0)
{
    ReadPage out;
    PeeringDbRows rows;
    PeeringDbPageReader reader(*PeeringDbSchema::object(QLatin1String(object)), rows, out.deleted);
    bool ok = true;
    if (piece <= 0)
        ok = reader.feed(body);
    for (qsizetype at = 0; piece > 0 && ok && at < body.size(); at += piece)
        ok = reader.feed(QByteArrayView(body).sliced(at, qMin(piece, body.size() - at)));
    out.ok = ok && reader.finish();
    out.error = reader.error();
    out.rows = rows.toList();
    out.received = reader.received();
    return out;
}

} // namespace

void TestPeeringDb::pageReader_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("rows"); // -1: the answer is refused
    QTest::addColumn<QString>("expected"); // a part of the error, or of the first row's name
    const QByteArray ok = R"("status":"ok")";
    QTest::newRow("two rows, meta last")
        << QByteArray(R"({"data":[{"id":1,"asn":8075,"name":"Microsoft",)" + ok
                      + R"(},{"id":2,"asn":64500,"name":"B",)" + ok + R"(}],"meta":{}})")
        << 2 << "Microsoft";
    QTest::newRow("whitespace everywhere")
        << QByteArray(" \n{ \"meta\" : { } ,\r\n \"data\" : [ { \"id\" : 1 , \"name\" : \"A\" } ] }\t\n")
        << 1 << "A";
    QTest::newRow("escapes and surrogates")
        << QByteArray(R"({"data":[{"id":1,"name":"S\u00e3o \"P\" \\ \/ \ud83d\ude00 \n"}]})") << 1
        << QString::fromUtf8("São \"P\" \\ / \xF0\x9F\x98\x80 \n");
    QTest::newRow("raw UTF-8") << QByteArray(R"({"data":[{"id":1,"name":"Zürich"}]})") << 1
                               << QString::fromUtf8("Zürich");
    QTest::newRow("unknown fields of any shape skipped")
        << QByteArray(R"({"data":[{"social_media":[{"service":"x","id":[1,{"a":null}]}],"id":1,)"
                      R"("info_prefixes4":1.5e3,"info_ipv6":true,"name":"N"}]})")
        << 1 << "N";
    QTest::newRow("empty data") << QByteArray(R"({"meta":{},"data":[]})") << 0 << "";
    QTest::newRow("null name is kept null") << QByteArray(R"({"data":[{"id":3,"name":null}]})")
                                            << 1 << "";
    QTest::newRow("deleted rows are not rows")
        << QByteArray(R"({"data":[{"id":4,"status":"deleted","asn":"not checked"}]})") << 0 << "";

    QTest::newRow("empty answer") << QByteArray("") << -1 << "empty answer";
    QTest::newRow("truncated in a string") << QByteArray(R"({"data":[{"id":1,"name":"cut)") << -1
                                           << "ends early";
    QTest::newRow("truncated after a row") << QByteArray(R"({"data":[{"id":1}],)") << -1
                                           << "ends early";
    QTest::newRow("trailing comma in data") << QByteArray(R"({"data":[{"id":1},]})") << -1
                                            << "not JSON";
    QTest::newRow("trailing comma in a row") << QByteArray(R"({"data":[{"id":1,}]})") << -1
                                             << "not JSON";
    QTest::newRow("garbage after the end") << QByteArray(R"({"data":[]} x)") << -1
                                           << "more after the end";
    QTest::newRow("bad escape") << QByteArray(R"({"data":[{"id":1,"name":"\q"}]})") << -1
                                << "invalid string escape";
    QTest::newRow("bad unicode escape") << QByteArray(R"({"data":[{"id":1,"name":"\u12G4"}]})")
                                        << -1 << "invalid \\u escape";
    QTest::newRow("control character") << QByteArray("{\"data\":[{\"id\":1,\"name\":\"a\tb\"}]}")
                                       << -1 << "control character";
    QTest::newRow("leading zero") << QByteArray(R"({"data":[{"id":01}]})") << -1
                                  << "malformed number";
    QTest::newRow("nested too deep")
        << QByteArray(R"({"data":[{"id":1,"x":)" + QByteArray(100, '[') + QByteArray(100, ']')
                      + "}]}")
        << -1 << "nested deeper than 64";
    QTest::newRow("top level is an array") << QByteArray(R"([{"id":1}])") << -1
                                           << "not a PeeringDB list";
    QTest::newRow("no data") << QByteArray(R"({"meta":{"error":"x"}})") << -1
                             << "not a PeeringDB list";
    QTest::newRow("data is an object") << QByteArray(R"({"data":{"id":1}})") << -1
                                       << "not a PeeringDB list";
    QTest::newRow("row is a number") << QByteArray(R"({"data":[7]})") << -1
                                     << "row 0 of net is not an object";
    QTest::newRow("no id") << QByteArray(R"({"data":[{"name":"x"}]})") << -1
                           << "no positive integer id";
    QTest::newRow("id is text") << QByteArray(R"({"data":[{"id":"1"}]})") << -1
                                << "no positive integer id";
    QTest::newRow("id is fractional") << QByteArray(R"({"data":[{"id":1.5}]})") << -1
                                      << "no positive integer id";
    QTest::newRow("asn is text") << QByteArray(R"({"data":[{"id":9,"asn":"8075"}]})") << -1
                                 << "field asn of net 9 has the wrong type";
    QTest::newRow("name is a number") << QByteArray(R"({"data":[{"id":9,"name":5}]})") << -1
                                      << "field name of net 9 has the wrong type";
}

void TestPeeringDb::pageReader()
{
    QFETCH(QByteArray, body);
    QFETCH(int, rows);
    QFETCH(QString, expected);
    const ReadPage page = readPage("net", body);
    if (rows < 0) {
        QVERIFY(!page.ok);
        QVERIFY2(page.error.contains(expected), qPrintable(page.error));
        QVERIFY(!page.error.contains(u'\n'));
        return;
    }
    QVERIFY2(page.ok, qPrintable(page.error));
    QCOMPARE(page.rows.size(), rows);
    const PeeringDbSchema::Object &net = *PeeringDbSchema::object(QStringLiteral("net"));
    if (rows > 0) {
        const PeeringDbSchema::Row &first = page.rows.constFirst();
        QCOMPARE(first.size(), net.fields.size());
        QCOMPARE(first.at(net.fieldIndex(QLatin1String("name"))).toString(), expected);
        QCOMPARE(first.at(net.fieldIndex(QLatin1String("status"))).toString(), QStringLiteral("ok"));
    }
    // Either the same page at once or byte by byte.
    const ReadPage bytewise = readPage("net", body, 1);
    QCOMPARE(bytewise.ok, page.ok);
    QCOMPARE(bytewise.rows, page.rows);
    QCOMPARE(bytewise.deleted, page.deleted);
}

void TestPeeringDb::pageReaderResumesAtEveryByte()
{
    // One answer of every kind of value, cut at every place: the same rows each time.
    const QByteArray body = R"({"meta":{"generated":1733.5},"data":[)"
                            R"({"id":11,"org_id":3,"campus_id":null,"name":"F \u00e9 \ud83d\ude00",)"
                            R"("city":"Frankfurt am Main","country":"DE","latitude":-50.125,)"
                            R"("longitude":8.5e0,"social_media":[{"a":[true,false,null]}],"status":"ok"},)"
                            R"({"id":12,"status":"deleted"},)"
                            R"({"id":13,"name":"G","updated":"2025-01-01T00:00:00Z"}]})";
    const ReadPage whole = readPage("fac", body);
    QVERIFY2(whole.ok, qPrintable(whole.error));
    QCOMPARE(whole.rows.size(), 2);
    QCOMPARE(whole.deleted, QList<qint64> {12});
    QCOMPARE(whole.received, 3);
    const PeeringDbSchema::Object &fac = *PeeringDbSchema::object(QStringLiteral("fac"));
    const PeeringDbSchema::Row &f = whole.rows.constFirst();
    QCOMPARE(f.at(0).toLongLong(), 11);
    QCOMPARE(f.at(fac.fieldIndex(QLatin1String("name"))).toString(),
             QString::fromUtf8("F \xC3\xA9 \xF0\x9F\x98\x80"));
    QCOMPARE(f.at(fac.fieldIndex(QLatin1String("latitude"))).toDouble(), -50.125);
    QCOMPARE(f.at(fac.fieldIndex(QLatin1String("longitude"))).toDouble(), 8.5);
    QVERIFY(f.at(fac.fieldIndex(QLatin1String("campus_id"))).isNull());
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        ReadPage two;
        PeeringDbRows rows;
        PeeringDbPageReader reader(fac, rows, two.deleted);
        QVERIFY2(reader.feed(body.first(cut)), qPrintable(reader.error()));
        QVERIFY2(reader.feed(body.sliced(cut)), qPrintable(reader.error()));
        QVERIFY2(reader.finish(), qPrintable(reader.error()));
        QCOMPARE(rows.toList(), whole.rows);
        QCOMPARE(two.deleted, whole.deleted);
    }
}

void TestPeeringDb::pageReaderBoundsOneValue()
{
    // A row that never ends is refused once it passes the bound, not held until memory runs out.
    PeeringDbRows rows;
    QList<qint64> deleted;
    PeeringDbPageReader reader(*PeeringDbSchema::object(QStringLiteral("net")), rows, deleted);
    const QByteArray start = R"({"data":[{"id":1,"notes":")";
    QVERIFY(reader.feed(start));
    const QByteArray filler(1024 * 1024, 'x');
    bool ok = true;
    int fed = 0;
    while (ok && fed < 64) {
        ok = reader.feed(filler);
        ++fed;
    }
    QVERIFY(!ok);
    QCOMPARE(fed, int(PeeringDbPageReader::MaxValueBytes / filler.size()));
    QVERIFY2(reader.error().contains(QLatin1String("larger than 16 MB")), qPrintable(reader.error()));
}

void TestPeeringDb::rowsSpoolToAFileInOrder()
{
    // Enough rows to pass the memory part several times: they come back in order, whole.
    PeeringDbRows rows;
    const int count = 60000;
    for (int i = 0; i < count; ++i)
        QVERIFY(rows.append({qint64(i + 1), QStringLiteral("name %1 é").arg(i), double(i) / 4,
                             QVariant(), i % 2}));
    QCOMPARE(rows.size(), count);
    int seen = 0;
    bool inOrder = true;
    QVERIFY(rows.forEach([&](const PeeringDbSchema::Row &row) {
        inOrder = inOrder && row.size() == 5 && row.at(0).toLongLong() == seen + 1
            && row.at(1).toString() == QStringLiteral("name %1 é").arg(seen)
            && row.at(2).toDouble() == double(seen) / 4 && row.at(3).isNull()
            && row.at(4).toInt() == seen % 2;
        ++seen;
        return true;
    }));
    QVERIFY(inOrder);
    QCOMPARE(seen, count);
    // Read twice, and appended to after a read: the spool is still whole.
    QVERIFY(rows.append({qint64(count + 1)}));
    QCOMPARE(rows.toList().size(), count + 1);
    QCOMPARE(rows.toList().constLast().constFirst().toLongLong(), qint64(count + 1));
    // Stopping early stops.
    int stoppedAt = 0;
    QVERIFY(!rows.forEach([&](const PeeringDbSchema::Row &) { return ++stoppedAt < 10; }));
    QCOMPARE(stoppedAt, 10);
}

void TestPeeringDb::fetchesEveryObjectPagedAtDepth0()
{
    FakePeeringDb server;
    server.loadSample();
    Run r = runClient(optionsFor(server), freshPlan());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(objectOf(r.fetch, "fac")->rows.size(), 7);
    QCOMPARE(objectOf(r.fetch, "ix")->rows.size(), 2);
    QCOMPARE(objectOf(r.fetch, "netfac")->rows.size(), 5); // net_id=694 only
    QCOMPARE(objectOf(r.fetch, "netixlan")->rows.size(), 3); // AS8075 and AS64500
    QCOMPARE(objectOf(r.fetch, "net")->rows.size(), 2);
    QVERIFY(objectOf(r.fetch, "fac")->whole);
    QVERIFY(r.progress >= 8);
    // 7 fac rows in pages of 2: skip 0, 2, 4, 6.
    QStringList facSkips;
    for (const FakePeeringDb::Request &q : server.requests()) {
        QCOMPARE(q.query.queryItemValue("depth"), QStringLiteral("0"));
        QCOMPARE(q.query.queryItemValue("limit"), QStringLiteral("2"));
        QVERIFY(!q.query.hasQueryItem("since"));
        QVERIFY(!q.headers.contains("authorization"));
        if (q.object == QLatin1String("fac"))
            facSkips.append(q.query.queryItemValue("skip"));
        if (q.object == QLatin1String("netfac"))
            QCOMPARE(q.query.queryItemValue("net_id"), QStringLiteral("694"));
        if (q.object == QLatin1String("net"))
            QCOMPARE(q.query.queryItemValue("asn__in", QUrl::FullyDecoded),
                     QStringLiteral("8075,64500"));
    }
    QCOMPARE(facSkips, (QStringList {"0", "2", "4", "6"}));
    QCOMPARE(r.requests, server.requestCount());
}

void TestPeeringDb::apiKeyOnlyInTheAuthorizationHeader()
{
    FakePeeringDb server;
    server.loadSample();
    server.requireApiKey("k3y-s3cret");
    PeeringDbOptions o = optionsFor(server);
    o.apiKey = QStringLiteral("k3y-s3cret");
    Run r = runClient(o, freshPlan());
    QVERIFY2(r.ok, qPrintable(r.error));
    for (const FakePeeringDb::Request &q : server.requests()) {
        QCOMPARE(q.headers.value("authorization"), QByteArray("Api-Key k3y-s3cret"));
        QVERIFY(!q.rawTarget.contains("k3y"));
    }
}

void TestPeeringDb::refusedKeyIsNotRetried()
{
    FakePeeringDb server;
    server.loadSample();
    server.requireApiKey("right");
    PeeringDbOptions o = optionsFor(server);
    o.apiKey = QStringLiteral("wrong-key-value");
    Run r = runClient(o, freshPlan());
    QVERIFY(!r.ok);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY2(r.error.contains(QLatin1String("401")), qPrintable(r.error));
    QVERIFY(!r.error.contains(QLatin1String("wrong-key-value")));
    QVERIFY(r.fetch.objects.isEmpty());
}

void TestPeeringDb::rateLimitWaitsRetryAfterThenRetries()
{
    FakePeeringDb server;
    server.loadSample();
    server.rateLimitOnce(1, QStringLiteral("ixfac"));
    Run r = runClient(optionsFor(server), freshPlan());
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY2(r.ms >= 950, qPrintable(QString::number(r.ms)));
    QVERIFY(r.waiting >= 1);
    int ixfac = 0;
    for (const FakePeeringDb::Request &q : server.requests())
        ixfac += q.object == QLatin1String("ixfac");
    QCOMPARE(ixfac, 3); // the refused page once more, then the second page
    QCOMPARE(objectOf(r.fetch, "ixfac")->rows.size(), 3);
}

void TestPeeringDb::longRetryAfterStopsAndSaysWhen()
{
    FakePeeringDb server;
    server.loadSample();
    server.rateLimitOnce(3600);
    Run r = runClient(optionsFor(server), freshPlan());
    QVERIFY(!r.ok);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY2(r.error.contains(QLatin1String("3600 s")) && r.error.contains(QLatin1String("try again after")),
             qPrintable(r.error));
    QVERIFY(r.ms < 3000);
}

void TestPeeringDb::rateLimitWithoutRetryAfterIsNotRetried()
{
    FakePeeringDb server;
    server.loadSample();
    server.misbehave(FakePeeringDb::Misbehaviour::RateLimitedWithoutRetryAfter);
    Run r = runClient(optionsFor(server), freshPlan());
    QVERIFY(!r.ok);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY2(r.error.contains(QLatin1String("429")), qPrintable(r.error));
}

void TestPeeringDb::slidingWindowSpacesRequests()
{
    FakePeeringDb server;
    server.loadSample();
    PeeringDbOptions o = optionsFor(server);
    o.pageSize = 1000;
    o.requestsPerMinute = 4;
    o.rateWindowMs = 700;
    Run r = runClient(o, freshPlan()); // 8 requests: two windows
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.requests, 8);
    QVERIFY2(r.ms >= 650, qPrintable(QString::number(r.ms)));
    QVERIFY(r.waiting >= 1);
    // Without a setting: 20 a minute anonymous, 40 with a key.
    PeeringDbOptions d;
    QCOMPARE(d.effectiveRequestsPerMinute(), 20);
    d.apiKey = QStringLiteral("x");
    QCOMPARE(d.effectiveRequestsPerMinute(), 40);
}

void TestPeeringDb::badAnswersGiveOneLine_data()
{
    QTest::addColumn<FakePeeringDb::Misbehaviour>("how");
    QTest::addColumn<QString>("expected");
    using M = FakePeeringDb::Misbehaviour;
    QTest::newRow("slow") << M::Slow << "no complete answer within";
    QTest::newRow("truncated") << M::Truncated << "fac";
    QTest::newRow("huge") << M::Huge << "larger than 1 MB";
    QTest::newRow("huge-unannounced") << M::HugeUnannounced << "larger than 1 MB";
    QTest::newRow("malformed") << M::Malformed << "not JSON";
    QTest::newRow("wrong-shape") << M::WrongShape << "not a PeeringDB list";
    QTest::newRow("wrong-field-type") << M::WrongFieldType << "wrong type";
    QTest::newRow("server-error") << M::ServerError << "HTTP 500";
    QTest::newRow("never-answers") << M::NeverAnswers << "fac";
    QTest::newRow("unauthorized") << M::Unauthorized << "HTTP 401";
}

void TestPeeringDb::badAnswersGiveOneLine()
{
    QFETCH(FakePeeringDb::Misbehaviour, how);
    QFETCH(QString, expected);
    FakePeeringDb server;
    server.loadSample();
    server.misbehave(how, QStringLiteral("fac"), 1); // the second page of fac
    PeeringDbOptions o = optionsFor(server);
    o.idleTimeoutMs = 1000;
    o.requestTimeoutMs = 2000;
    Run r = runClient(o, freshPlan());
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    QVERIFY2(r.error.contains(QLatin1String("fac")), qPrintable(r.error));
    QVERIFY(!r.error.contains(u'\n'));
    QVERIFY(r.fetch.objects.isEmpty());
    QVERIFY2(r.ms < 5000, qPrintable(QString::number(r.ms)));
    QCOMPARE(server.requestCount(), 2); // never retried
}

void TestPeeringDb::refusedConnection()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    PeeringDbOptions o;
    o.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/api").arg(port));
    Run r = runClient(o, freshPlan());
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("refused")), qPrintable(r.error));
}

void TestPeeringDb::cancelEndsAtOnce()
{
    FakePeeringDb server;
    server.loadSample();
    server.misbehave(FakePeeringDb::Misbehaviour::NeverAnswers);
    PeeringDbOptions o = optionsFor(server);
    o.idleTimeoutMs = 20000;
    o.requestTimeoutMs = 20000;
    Run r = runClient(o, freshPlan(), 300);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, QStringLiteral("cancelled"));
    QVERIFY(r.ms < 3000);
}

void TestPeeringDb::syncFillsTheCache()
{
    FakePeeringDb server;
    server.loadSample();
    auto store = open();
    QVERIFY(store);
    PeeringDbCache cache(*store);
    QCOMPARE(cache.isAvailable().value(), false);
    QVERIFY(!cache.lastSync().value().isValid());
    syncOnce(*store, server);
    QCOMPARE(cache.isAvailable().value(), true);
    QVERIFY(cache.lastSync().value().isValid());

    auto all = cache.microsoftFacilities();
    CHECK_OK(all);
    QList<qint64> ids;
    for (const auto &f : *all)
        ids.append(f.id);
    QCOMPARE(ids, (QList<qint64> {1, 2, 3, 4, 5}));
    QCOMPARE(all->at(1).metro, QStringLiteral("Frankfurt"));
    QCOMPARE(all->at(1).city, QStringLiteral("Frankfurt am Main"));
    QCOMPARE(all->at(3).metro, QStringLiteral("Ashburn"));

    auto ashburn = cache.microsoftFacilities(QStringLiteral("ASHBURN"));
    CHECK_OK(ashburn);
    QCOMPARE(ashburn->size(), 2);
    QCOMPARE(cache.microsoftFacilities(QStringLiteral("Frankfort"))->size(), 0);
    auto common = cache.microsoftFacilities({}, 10);
    CHECK_OK(common);
    QCOMPARE(common->size(), 1);
    QCOMPARE(common->constFirst().id, 1);

    auto net = cache.networkByAsn(64500);
    CHECK_OK(net);
    QVERIFY(net->has_value());
    QCOMPARE((*net)->name, QStringLiteral("Example-IX Route Servers"));
    QVERIFY(!cache.networkByAsn(64999)->has_value());
    QCOMPARE(cache.exchangePrefixes(10).value(),
             (QStringList {"185.1.0.0/24", "2001:7f8:1::/64"}));
    QCOMPARE(cache.exchangesOfAsn(64500).value(), (QList<qint64> {10, 20}));
    auto state = cache.state();
    CHECK_OK(state);
    QCOMPARE(state->size(), 8);
    for (const auto &s : *state) {
        QCOMPARE(s.syncedBy, QStringLiteral("tester"));
        QCOMPARE(s.source, server.baseUrl());
    }
}

void TestPeeringDb::incrementalSyncAppliesChangesAndDeletions()
{
    FakePeeringDb server;
    server.loadSample();
    auto store = open();
    QVERIFY(store);
    syncOnce(*store, server);
    PeeringDbCache cache(*store);
    const qint64 syncedAt = cache.state()->constFirst().syncedAt;

    // London closes for Microsoft; a new facility in Amsterdam opens.
    server.addRow("netfac", QJsonObject {{"id", 504}, {"net_id", 694}, {"fac_id", 5},
                                         {"status", "deleted"}, {"updated", isoIn(5)}});
    server.addRow("fac", QJsonObject {{"id", 8}, {"name", "Equinix AM7"}, {"city", "Schiphol-Rijk"},
                                      {"country", "NL"}, {"status", "ok"}, {"updated", isoIn(5)}});
    server.addRow("netfac", QJsonObject {{"id", 506}, {"net_id", 694}, {"fac_id", 8},
                                         {"status", "ok"}, {"updated", isoIn(5)}});
    server.clearRequests();
    syncOnce(*store, server);
    for (const FakePeeringDb::Request &q : server.requests())
        QCOMPARE(q.query.queryItemValue("since"), QString::number(syncedAt - 1));
    QList<qint64> ids;
    const auto facilities = cache.microsoftFacilities();
    CHECK_OK(facilities);
    for (const auto &f : *facilities)
        ids.append(f.id);
    QCOMPARE(ids, (QList<qint64> {1, 2, 3, 4, 8}));
    QCOMPARE(cache.microsoftFacilities(QStringLiteral("Amsterdam"))->size(), 2);
    // Unchanged objects keep their rows.
    QCOMPARE(cache.exchanges()->size(), 2);
}

void TestPeeringDb::changedFilterFetchesTheObjectWhole()
{
    QList<PeeringDbCache::ObjectState> cached;
    for (const PeeringDbRequestPlan &p : PeeringDbSync::plan({}, {64500}))
        cached.append({p.object, p.scope, 1000, 1, QString(), QString()});
    const QList<PeeringDbRequestPlan> same = PeeringDbSync::plan(cached, {64500});
    for (const PeeringDbRequestPlan &p : same)
        QCOMPARE(p.since, 999);
    // Another peer ASN in the store: net and netixlan are asked whole again.
    for (const PeeringDbRequestPlan &p : PeeringDbSync::plan(cached, {64500, 64501})) {
        const bool byAsn = p.object == QLatin1String("net") || p.object == QLatin1String("netixlan");
        QCOMPARE(p.since, byAsn ? 0 : 999);
    }
}

void TestPeeringDb::failedWriteLeavesTheCacheAsItWas()
{
    FakePeeringDb server;
    server.loadSample();
    auto store = open();
    QVERIFY(store);
    syncOnce(*store, server);
    PeeringDbCache cache(*store);
    const auto before = cache.state().value();
    const auto facilitiesBefore = cache.microsoftFacilities().value();

    // A later object fails to insert (the same id twice): everything before it is undone too.
    PeeringDbFetch bad;
    bad.source = QStringLiteral("test");
    bad.startedAt = QDateTime::currentSecsSinceEpoch() + 100;
    PeeringDbObjectFetch fac {QStringLiteral("fac"), QString(), true, {}, {}, 1};
    fac.rows.append({qint64(42), QVariant(), QVariant(), QStringLiteral("X"), QVariant(), QVariant(),
                     QStringLiteral("Amsterdam"), QVariant(), QVariant(), QStringLiteral("NL"),
                     QVariant(), QVariant(), QVariant(), QStringLiteral("ok"), QVariant()});
    PeeringDbObjectFetch netfac {QStringLiteral("netfac"), QStringLiteral("net_id=694"), true, {}, {}, 1};
    const PeeringDbSchema::Row row {qint64(900), qint64(694), qint64(42), qint64(8075),
                                    QStringLiteral("ok"), QVariant()};
    netfac.rows = {row, row};
    bad.objects = {fac, netfac};
    const StoreStatus applied = cache.apply(bad, QStringLiteral("tester"));
    QVERIFY(!applied.ok());
    QVERIFY(!applied.error().message().isEmpty());

    const auto after = cache.state().value();
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i) {
        QCOMPARE(after.at(i).syncedAt, before.at(i).syncedAt);
        QCOMPARE(after.at(i).rows, before.at(i).rows);
    }
    const auto facilitiesAfter = cache.microsoftFacilities().value();
    QCOMPARE(facilitiesAfter.size(), facilitiesBefore.size());
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM pdb_fac").toInt(), 7);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM pdb_fac WHERE id = 42").toInt(), 0);
}

void TestPeeringDb::readOnlyStoreRefusesASync()
{
    FakePeeringDb server;
    server.loadSample();
    {
        auto store = open();
        QVERIFY(store);
    }
    auto reader = open(StoreOptions::Mode::ReadOnly);
    QVERIFY(reader);
    PeeringDbCache cache(*reader);
    Run r = runClient(optionsFor(server), freshPlan());
    QVERIFY(r.ok);
    const StoreStatus applied = cache.apply(r.fetch, QStringLiteral("tester"));
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().kind(), StoreError::Kind::ReadOnly);
}

void TestPeeringDb::offlineFolder()
{
    FakePeeringDb server;
    server.loadSample();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The folder's files are the server's own list answers.
    PeeringDbOptions o = optionsFor(server);
    o.pageSize = 1000;
    Run r = runClient(o, PeeringDbSync::plan({}, {64500}, PeeringDbSync::Scope::Everything));
    QVERIFY2(r.ok, qPrintable(r.error));
    for (const QString &object : PeeringDbSchema::objectNames()) {
        QFile f(dir.filePath(object + QStringLiteral("-0.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QJsonArray data;
        const PeeringDbSchema::Object *schema = PeeringDbSchema::object(object);
        for (const PeeringDbSchema::Row &row : objectOf(r.fetch, qPrintable(object))->rows.toList()) {
            QJsonObject o;
            for (qsizetype i = 0; i < schema->fields.size(); ++i)
                o.insert(schema->fields.at(i).name,
                         schema->fields.at(i).type == PeeringDbSchema::Type::Boolean
                             ? QJsonValue(row.at(i).toInt() != 0)
                             : QJsonValue::fromVariant(row.at(i)));
            data.append(o);
        }
        f.write(QJsonDocument(QJsonObject {{"meta", QJsonObject {}}, {"data", data}}).toJson());
    }
    auto read = PeeringDbDirectory::read(dir.path());
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(objectOf(*read, "netfac")->rows.size(), 6); // every network's, not only Microsoft's
    auto store = open();
    QVERIFY(store);
    PeeringDbCache cache(*store);
    CHECK_OK(cache.apply(*read, QStringLiteral("tester")));
    QCOMPARE(cache.microsoftFacilities()->size(), 5);
    QCOMPARE(cache.state()->constFirst().source, QDir::cleanPath(QDir(dir.path()).absolutePath()));

    // A missing file and a malformed one: one line naming the file.
    QVERIFY(QFile::remove(dir.filePath("ixpfx-0.json")));
    auto missing = PeeringDbDirectory::read(dir.path());
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QLatin1String("ixpfx-0.json")), qPrintable(missing.error()));
    QFile broken(dir.filePath("ixpfx-0.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"data\": [");
    broken.close();
    auto malformed = PeeringDbDirectory::read(dir.path());
    QVERIFY(!malformed.ok());
    QVERIFY2(malformed.error().contains(QLatin1String("not JSON")), qPrintable(malformed.error()));
}

void TestPeeringDb::factsForTheRules()
{
    FakePeeringDb server;
    server.loadSample();
    auto store = open();
    QVERIFY(store);
    PeeringDbCache cache(*store);
    QVERIFY(!cache.facts({64500})->has_value()); // no cache, no facts
    syncOnce(*store, server);
    auto facts = cache.facts({64500, 64999});
    CHECK_OK(facts);
    QVERIFY(facts->has_value());
    QCOMPARE((*facts)->microsoftMetros,
             (QStringList {"Amsterdam", "Ashburn", "Frankfurt", "London"}));
    QCOMPARE((*facts)->microsoftFacilityMetro.value(4), QStringLiteral("Ashburn"));
    QCOMPARE((*facts)->lansByAsn.size(), 1);
    QCOMPARE((*facts)->lansByAsn.value(64500).prefixes,
             (QStringList {"185.1.0.0/24", "2001:7f8:1::/64", "185.2.0.0/23"}));
    QCOMPARE((*facts)->lansByAsn.value(64500).exchanges,
             (QStringList {"Example-IX Amsterdam", "Example-IX Frankfurt"}));
}

QTEST_GUILESS_MAIN(TestPeeringDb)
#include "tst_peeringdb.moc"
