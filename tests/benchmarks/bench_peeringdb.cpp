// A PeeringDB-sized sync: 6,000 fac, 1,300 ix, 4,000 ixfac, 1,300 ixlan, 2,600 ixpfx, 40,000
// netfac, 80,000 netixlan and 35,000 net rows, in PeeringDB's depth=0 shapes, from the fake
// server on 127.0.0.1 (pages of 5,000, no rate limit: a mirror's setting) into a fresh SQLite
// store, as `peeringdb sync` does it (fetch, parse, one transaction). The floor, measured in the
// same run: the same rows inserted into the same tables with one prepared statement per table in
// one transaction on raw Qt Sql, run by turns with the syncs. Reports medians of 3, rows/s and the
// ratio; never fails on speed
// (goal: under 5 s and within 2x of the floor).
#include "fakepeeringdb.h"

#include "peeringdb/peeringdbcache.h"
#include "peeringdb/peeringdbsync.h"
#include "store/onboardingstore.h"
#include "tracking/trackedstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>
#include <fstream>
#include <string>

using namespace Peering;
using Peering::TestSupport::FakePeeringDb;

namespace {

const char *const Updated = R"("created":"2016-03-14T21:02:11Z","updated":"2025-11-01T08:00:00Z","status":"ok")";

QList<QByteArray> generate(const char *object, int count)
{
    QList<QByteArray> rows;
    rows.reserve(count);
    const QByteArray o(object);
    for (int i = 1; i <= count; ++i) {
        const QByteArray n = QByteArray::number(i);
        QByteArray r = "{\"id\":" + n + ',';
        if (o == "fac")
            r += "\"org_id\":" + QByteArray::number(i % 4000 + 1) + ",\"org_name\":\"Org " + n
                + "\",\"campus_id\":null,\"name\":\"Facility " + n
                + "\",\"aka\":\"\",\"name_long\":\"\",\"website\":\"https://fac" + n
                + ".example\",\"social_media\":[],\"clli\":\"\",\"rencode\":\"\",\"npanxx\":\"\","
                  "\"tech_email\":\"noc@fac.example\",\"tech_phone\":\"\",\"sales_email\":\"\","
                  "\"sales_phone\":\"\",\"property\":\"Owner\",\"diverse_serving_substations\":false,"
                  "\"available_voltage_services\":[],\"notes\":\"\",\"net_count\":12,\"ix_count\":2,"
                  "\"carrier_count\":3,\"address1\":\"" + n + " Example Road\",\"address2\":\"\","
                  "\"city\":\"City " + QByteArray::number(i % 900) + "\",\"country\":\"NL\","
                  "\"state\":\"\",\"zipcode\":\"1234 AB\",\"floor\":\"\",\"suite\":\"\","
                  "\"latitude\":52.3" + n + ",\"longitude\":4.9" + n
                + ",\"region_continent\":\"Europe\",\"status_dashboard\":null,";
        else if (o == "ix")
            r += "\"org_id\":" + n + ",\"name\":\"IX " + n + "\",\"aka\":\"\",\"name_long\":\"Exchange " + n
                + "\",\"city\":\"City " + QByteArray::number(i % 900)
                + "\",\"country\":\"DE\",\"region_continent\":\"Europe\",\"media\":\"Ethernet\","
                  "\"notes\":\"\",\"proto_unicast\":true,\"proto_multicast\":false,"
                  "\"proto_ipv6\":true,\"website\":\"https://ix.example\",\"url_stats\":\"\","
                  "\"tech_email\":\"\",\"tech_phone\":\"\",\"policy_email\":\"\","
                  "\"policy_phone\":\"\",\"sales_email\":\"\",\"sales_phone\":\"\","
                  "\"net_count\":60,\"fac_count\":3,\"ixf_net_count\":0,\"service_level\":\"Not Disclosed\","
                  "\"terms\":\"Not Disclosed\",";
        else if (o == "ixfac")
            r += "\"ix_id\":" + QByteArray::number(i % 1300 + 1) + ",\"fac_id\":"
                + QByteArray::number(i % 6000 + 1) + ",\"name\":\"Facility\",\"city\":\"City\","
                  "\"country\":\"NL\",";
        else if (o == "ixlan")
            r += "\"ix_id\":" + n + ",\"name\":\"\",\"descr\":\"\",\"mtu\":1500,"
                  "\"dot1q_support\":false,\"rs_asn\":" + QByteArray::number(64500 + i)
                + ",\"arp_sponge\":null,\"ixf_ixp_member_list_url_visible\":\"Private\","
                  "\"ixf_ixp_import_enabled\":false,";
        else if (o == "ixpfx")
            r += "\"ixlan_id\":" + QByteArray::number((i - 1) / 2 + 1) + ",\"protocol\":\""
                + (i % 2 ? "IPv4\",\"prefix\":\"185." + QByteArray::number(i % 250) + "."
                               + QByteArray::number(i % 200) + ".0/24\""
                         : "IPv6\",\"prefix\":\"2001:7f8:" + QByteArray::number(i, 16) + "::/64\"")
                + ",\"in_dfz\":true,";
        else if (o == "netfac")
            r += "\"net_id\":" + QByteArray::number(i % 35000 + 1) + ",\"fac_id\":"
                + QByteArray::number(i % 6000 + 1) + ",\"local_asn\":" + QByteArray::number(i % 35000 + 1000)
                + ",\"avail_sonet\":false,\"avail_ethernet\":true,\"avail_atm\":false,"
                  "\"name\":\"Facility\",\"city\":\"City\",\"country\":\"NL\",";
        else if (o == "netixlan")
            r += "\"net_id\":" + QByteArray::number(i % 35000 + 1) + ",\"ix_id\":"
                + QByteArray::number(i % 1300 + 1) + ",\"name\":\"IX\",\"ixlan_id\":"
                + QByteArray::number(i % 1300 + 1) + ",\"notes\":\"\",\"speed\":10000,\"asn\":"
                + QByteArray::number(i % 35000 + 1000) + ",\"ipaddr4\":\"185." + QByteArray::number(i % 250)
                + "." + QByteArray::number(i % 200) + "." + QByteArray::number(i % 250 + 1)
                + "\",\"ipaddr6\":\"2001:7f8:" + QByteArray::number(i, 16)
                + "::1\",\"is_rs_peer\":true,\"bfd_support\":false,\"operational\":true,"
                  "\"net_side_id\":null,\"ix_side_id\":null,";
        else if (o == "net")
            r += "\"org_id\":" + n + ",\"name\":\"Network " + n + "\",\"aka\":\"\",\"name_long\":\"\","
                  "\"website\":\"https://net.example\",\"social_media\":[],\"asn\":"
                + QByteArray::number(i + 1000) + ",\"looking_glass\":\"\",\"route_server\":\"\","
                  "\"irr_as_set\":\"AS-NET" + n + "\",\"info_type\":\"NSP\",\"info_types\":[\"NSP\"],"
                  "\"info_prefixes4\":10,\"info_prefixes6\":2,\"info_traffic\":\"\","
                  "\"info_ratio\":\"Balanced\",\"info_scope\":\"Regional\",\"info_unicast\":true,"
                  "\"info_multicast\":false,\"info_ipv6\":true,\"info_never_via_route_servers\":false,"
                  "\"notes\":\"\",\"policy_url\":\"\",\"policy_general\":\"Open\","
                  "\"policy_locations\":\"Not Required\",\"policy_ratio\":false,"
                  "\"policy_contracts\":\"Not Required\",\"allow_ixp_update\":false,"
                  "\"status_dashboard\":null,\"rir_status\":\"ok\",\"rir_status_updated\":null,";
        r += Updated;
        r += '}';
        rows.append(std::move(r));
    }
    return rows;
}

long peakRssKb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const struct
    {
        const char *object;
        int count;
    } sizes[] = {{"fac", 6000},    {"ix", 1300},      {"ixfac", 4000},    {"ixlan", 1300},
                 {"ixpfx", 2600},  {"netfac", 40000}, {"netixlan", 80000}, {"net", 35000}};
    FakePeeringDb server;
    qint64 total = 0;
    for (const auto &s : sizes) {
        // PEERING_BENCH_SCALE=N: N times the rows (to see that the sync's own memory stays put).
        const int count = s.count * qMax(1, qEnvironmentVariableIntValue("PEERING_BENCH_SCALE"));
        server.setRawRows(QLatin1String(s.object), generate(s.object, count));
        total += count;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_peeringdb: no temporary folder\n");
        return 1;
    }
    PeeringDbOptions options;
    options.baseUrl = QUrl(server.baseUrl());
    options.requestsPerMinute = 100000;
    options.pageSize = 5000;

    // The server's own data (the generated answers) is resident before the first sync.
    const long serverKb = peakRssKb();
    int run = 0;
    PeeringDbFetch kept;
    double fetchMs = 0, applyMs = 0;
    bool failed = false;
    // Each run on a fresh store; the times exclude making the store (the same for the floor).
    std::vector<double> syncTimes, floorTimes;
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[v.size() / 2];
    };
    auto syncOnce = [&] {
        const StoreLocation location
            = StoreLocation::sqliteFile(dir.filePath(QStringLiteral("sync-%1.sqlite").arg(++run)));
        StoreOptions o;
        o.userName = QStringLiteral("bench");
        auto store = TrackedStore::open(location, o);
        if (!store) {
            std::fprintf(stderr, "bench_peeringdb: %s\n", qPrintable(store.error().message()));
            failed = true;
            return;
        }
        QElapsedTimer t;
        t.start();
        PeeringDbCache cache(**store);
        const auto plan = PeeringDbSync::plan(cache.state().value(), {}, PeeringDbSync::Scope::Everything);
        Result<PeeringDbFetch> fetched = PeeringDbSync::fetch(options, plan);
        if (!fetched) {
            std::fprintf(stderr, "bench_peeringdb: %s\n", qPrintable(fetched.error()));
            failed = true;
            return;
        }
        fetchMs = double(t.nsecsElapsed()) / 1e6;
        const StoreStatus applied = cache.apply(*fetched, QStringLiteral("bench"));
        if (!applied) {
            std::fprintf(stderr, "bench_peeringdb: %s\n", qPrintable(applied.error().message()));
            failed = true;
            return;
        }
        applyMs = double(t.nsecsElapsed()) / 1e6 - fetchMs;
        syncTimes.push_back(double(t.nsecsElapsed()) / 1e6);
        if (fetched->rowCount() != total) {
            std::fprintf(stderr, "bench_peeringdb: %lld rows synced, %lld expected\n",
                         qint64(fetched->rowCount()), total);
            failed = true;
        }
        kept = fetched.takeValue();
    };
    syncOnce(); // the first one alone: its peak memory is the sync's own
    if (failed)
        return 1;
    // The sync's rows are spooled to a file as they arrive: its peak above the server's data
    // stays about one page, whatever the size of the set.
    const long syncPeakKb = peakRssKb();

    // The floor inserts from memory: its rows are read out of the spool before it is timed.
    QList<QList<PeeringDbSchema::Row>> floorRows;
    for (const PeeringDbObjectFetch &o : kept.objects)
        floorRows.append(o.rows.toList());

    // The floor: the same rows, one prepared statement per table, one transaction, raw Qt Sql.
    auto floorOnce = [&] {
        const QString path = dir.filePath(QStringLiteral("floor-%1.sqlite").arg(++run));
        {
            StoreOptions o;
            o.userName = QStringLiteral("bench");
            auto store = TrackedStore::open(StoreLocation::sqliteFile(path), o); // the same schema
            if (!store)
                failed = true;
        }
        QElapsedTimer t;
        t.start();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("floor"));
            db.setDatabaseName(path);
            db.open();
            QSqlQuery(db).exec(QStringLiteral("PRAGMA journal_mode=WAL"));
            db.transaction();
            for (qsizetype k = 0; k < kept.objects.size(); ++k) {
                QSqlQuery q(db);
                q.prepare(PeeringDbSchema::object(kept.objects.at(k).object)->insertSql);
                for (const PeeringDbSchema::Row &row : floorRows.at(k)) {
                    for (qsizetype i = 0; i < row.size(); ++i)
                        q.bindValue(int(i), row.at(i));
                    if (!q.exec()) {
                        std::fprintf(stderr, "bench_peeringdb: floor: %s\n",
                                     qPrintable(q.lastError().text()));
                        failed = true;
                        return;
                    }
                }
            }
            db.commit();
            db.close();
        }
        floorTimes.push_back(double(t.nsecsElapsed()) / 1e6);
        QSqlDatabase::removeDatabase(QStringLiteral("floor"));
    };
    // Then the floor and the sync by turns, so that the machine's changing pace falls on both.
    for (int i = 0; i < 3 && !failed; ++i) {
        floorOnce();
        if (i < 2 && !failed)
            syncOnce();
    }
    if (failed)
        return 1;
    const double floorMs = median(floorTimes);
    const double syncMs = median(syncTimes);

    int requests = 0;
    for (const PeeringDbObjectFetch &o : kept.objects)
        requests += o.requests;
    const double syncS = syncMs / 1000.0, floorS = floorMs / 1000.0;
    std::printf("bench_peeringdb: PeeringDB-sized set%s: %lld rows (6,000 fac, 1,300 ix, 4,000 ixfac, "
                "1,300 ixlan, 2,600 ixpfx, 40,000 netfac, 80,000 netixlan, 35,000 net) in %d "
                "requests of 5,000 rows from 127.0.0.1\n",
                qEnvironmentVariableIntValue("PEERING_BENCH_SCALE") > 1
                    ? qPrintable(QStringLiteral(" times %1").arg(qEnvironmentVariableIntValue("PEERING_BENCH_SCALE")))
                    : "",
                total, requests);
    std::printf("bench_peeringdb: sync into a fresh SQLite store median %.3f s (%.0f rows/s)\n", syncS,
                double(total) / syncS);
    std::printf("bench_peeringdb:   of which fetch + parse %.3f s, one transaction into the cache %.3f s "
                "(last run)\n",
                fetchMs / 1000.0, applyMs / 1000.0);
    std::printf("bench_peeringdb: floor: same rows, one prepared statement per table, one transaction, "
                "median %.3f s (%.0f rows/s)\n",
                floorS, double(total) / floorS);
    std::printf("bench_peeringdb: sync / floor = %.2f (goal <= 2.0 and sync < 5 s)\n", syncS / floorS);
    std::printf("bench_peeringdb: peak resident memory during the syncs %ld MB, of which the fake "
                "server's generated data %ld MB: the sync's own peak %ld MB (rows spooled to a "
                "temporary file, not held)\n",
                syncPeakKb / 1024, serverKb / 1024, (syncPeakKb - serverKb) / 1024);
    return 0;
}
