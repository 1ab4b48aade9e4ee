// The store's list on a large SQLite store: 5,000 onboardings (20,000 connections, 100,000
// milestones, 50,000 mail records). Measures opening the store and producing the list (as
// `peering-wizard list` does: read-only open, one scan, progress per row), the whole
// `peering-wizard list --format json` process, and as the floor the same query run by the sqlite3
// shell on the same file in the same run. Reports medians, ratios and the file size; never fails
// on speed (target: open + list within 2x of the floor and under 200 ms).
#include "tracking/trackedstore.h"
#include "median.h"
#include "tracking/onboardingprogress.h"
#include "store/onboardingstore.h"
#include "storesamples.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Peering;

using Peering::TestSupport::medianMs;

namespace {

constexpr int Onboardings = 5000;
constexpr int ConnectionsEach = 4;
constexpr int MilestonesEach = 20;
constexpr int MailsEach = 10;

int runProcess(const QString &program, const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_store: no temporary folder\n");
        return 1;
    }
    const QString path = dir.filePath("bench.sqlite");
    const StoreLocation location = StoreLocation::sqliteFile(path);

    // Build the store: bulk inserts, 500 onboardings per transaction.
    QElapsedTimer build;
    build.start();
    {
        StoreOptions o;
        o.userName = QStringLiteral("bench");
        auto opened = TrackedStore::open(location, o);
        if (!opened) {
            std::fprintf(stderr, "bench_store: %s\n", qPrintable(opened.error().message()));
            return 1;
        }
        for (int first = 0; first < Onboardings; first += 500) {
            QList<Onboarding> batch;
            for (int i = first; i < first + 500 && i < Onboardings; ++i)
                batch.append(TestSupport::makeStoreOnboarding(i, ConnectionsEach, MilestonesEach,
                                                              MailsEach));
            auto r = opened.value()->importDocuments(batch);
            if (!r) {
                std::fprintf(stderr, "bench_store: %s\n", qPrintable(r.error().message()));
                return 1;
            }
        }
    }
    const double buildSeconds = build.elapsed() / 1000.0;
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + "-wal").size();

    StoreOptions readOnly;
    readOnly.mode = StoreOptions::Mode::ReadOnly;
    qsizetype rows = 0;
    int overdue = 0;
    const QDate today = QDate::currentDate();
    auto openAndList = [&] {
        auto store = TrackedStore::open(location, readOnly);
        if (!store)
            qFatal("bench_store: %s", qPrintable(store.error().message()));
        auto list = store.value()->list();
        if (!list)
            qFatal("bench_store: %s", qPrintable(list.error().message()));
        rows = list->size();
        overdue = 0;
        for (const OnboardingSummary &s : *list) {
            const auto days = OnboardingProgress::daysLeft(s.nextExpected, today);
            overdue += days && *days < 0 ? 1 : 0;
        }
    };
    openAndList(); // warm the page cache and the driver
    const double ours = medianMs(21, openAndList);
    // Where the time goes: opening alone, and list() on an open store.
    const double openOnly = medianMs(21, [&] {
        if (!TrackedStore::open(location, readOnly))
            qFatal("bench_store: open failed");
    });
    double listOnly = 0;
    {
        auto store = TrackedStore::open(location, readOnly);
        listOnly = medianMs(21, [&] { rows = store.value()->list()->size(); });
    }

    // The whole command, process start to exit.
    const QString wizard = QStringLiteral(PEERING_WIZARD_BIN);
    QByteArray json;
    double cli = -1;
    if (QFileInfo::exists(wizard)) {
        const QStringList args {"list", "--store", path, "--format", "json"};
        if (runProcess(wizard, args, &json) == 0)
            cli = medianMs(11, [&] { runProcess(wizard, args); });
    }

    // The floor: the same query through the sqlite3 shell on the same file.
    const QString sqlite3 = QStandardPaths::findExecutable("sqlite3");
    double floor = -1;
    qsizetype floorRows = 0;
    if (!sqlite3.isEmpty()) {
        QByteArray out;
        const QStringList args {"-readonly", path, OnboardingStore::listQuery()};
        if (runProcess(sqlite3, args, &out) == 0) {
            floorRows = out.count('\n');
            floor = medianMs(21, [&] { runProcess(sqlite3, args); });
        }
    }

    std::printf("bench_store: store of %d onboardings (%d connections, %d milestones, %d mail "
                "records), built in %.1f s; file size %.1f MiB (%lld bytes)\n",
                Onboardings, Onboardings * ConnectionsEach, Onboardings * MilestonesEach,
                Onboardings * MailsEach, buildSeconds, bytes / 1048576.0, qlonglong(bytes));
    std::printf("bench_store: open + list (read-only open, %lld rows, %d overdue) median %.2f ms "
                "(21 runs)\n",
                qlonglong(rows), overdue, ours);
    std::printf("bench_store:   of which open %.2f ms, list() on an open store %.2f ms\n", openOnly,
                listOnly);
    if (cli >= 0)
        std::printf("bench_store: peering-wizard list --format json (whole process, %lld bytes of "
                    "JSON) median %.2f ms (11 runs)\n",
                    qlonglong(json.size()), cli);
    else
        std::printf("bench_store: peering-wizard binary not available; CLI figure not measured\n");
    if (floor >= 0) {
        std::printf("bench_store: floor: sqlite3 shell, same query, same file (%lld rows) median "
                    "%.2f ms (21 runs)\n",
                    qlonglong(floorRows), floor);
        std::printf("bench_store: open + list / floor = %.2f (target <= 2.0 and open + list < 200 "
                    "ms: %s)\n",
                    ours / floor, ours / floor <= 2.0 && ours < 200 ? "met" : "NOT met");
        if (cli >= 0)
            std::printf("bench_store: peering-wizard list process / floor = %.2f\n", cli / floor);
    } else {
        std::printf("bench_store: sqlite3 shell not found; floor not measured\n");
    }
    return 0;
}
