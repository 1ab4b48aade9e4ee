// The kill test: a helper process imports onboardings into an SQLite store in a loop and is
// killed with SIGKILL at random moments, at least 50 times. Afterwards the store passes
// integrity_check and every onboarding is either fully there (equal to the one generated, with
// all its rows) or absent.
#include "tracking/trackedstore.h"
#include "store/onboardingstore.h"
#include "storesamples.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Peering;

namespace {

constexpr int Kills = 55;
constexpr int Connections = 8;
constexpr int Milestones = 20;
constexpr int Mails = 10;

} // namespace

class TestStoreKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedImportsLeaveAWholeStore();

private:
    void verifyStore(const QString &path, int *stored);
};

void TestStoreKill::verifyStore(const QString &path, int *stored)
{
    // Straight SQLite first: integrity_check and no orphans.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "kill-check");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec("PRAGMA integrity_check") && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        q.finish();
        for (const char *table : {"onboarding_documents", "peer_asn_associations", "peerings",
                                  "connections", "registered_asns", "milestones", "mail"}) {
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE onboarding_id NOT IN "
                                          "(SELECT id FROM onboardings)")
                               .arg(QLatin1String(table)))
                    && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            q.finish();
        }
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase("kill-check");

    // Then through the store: every onboarding loads and equals what was generated.
    auto opened = TrackedStore::open(StoreLocation::sqliteFile(path));
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    std::unique_ptr<OnboardingStore> store = std::move(opened.value());
    auto list = store->list();
    QVERIFY2(list.ok(), qPrintable(list.error().message()));
    static const QRegularExpression name(QStringLiteral("^Onboarding (\\d+)$"));
    QSqlQuery q(QSqlDatabase::database(store->connectionName()));
    for (const OnboardingSummary &s : *list) {
        const QRegularExpressionMatch m = name.match(s.name);
        QVERIFY2(m.hasMatch(), qPrintable(s.name));
        const int index = m.captured(1).toInt();
        const Onboarding expected
            = TestSupport::makeStoreOnboarding(index, Connections, Milestones, Mails);
        auto loaded = store->load(s.name);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
        QVERIFY2(loaded->onboarding == expected, qPrintable(s.name));
        QCOMPARE(s.version, 1);
        const struct
        {
            const char *table;
            int rows;
        } parts[] = {{"connections", Connections}, {"milestones", Milestones},    {"mail", Mails},
                     {"registered_asns", 2},       {"peerings", Connections / 4}, {"audit", 1}};
        for (const auto &part : parts) {
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE onboarding_id = %2")
                               .arg(QLatin1String(part.table))
                               .arg(s.id))
                    && q.next());
            QCOMPARE(q.value(0).toInt(), part.rows);
            q.finish();
        }
    }
    *stored = int(list->size());
}

void TestStoreKill::killedImportsLeaveAWholeStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("kill.sqlite");
    const quint32 seed = qEnvironmentVariableIsSet("PEERING_KILL_SEED")
        ? quint32(qEnvironmentVariableIntValue("PEERING_KILL_SEED"))
        : QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    qInfo("kill test: seed %u (PEERING_KILL_SEED=%u repeats this run)", seed, seed);

    int kills = 0;
    int midImport = 0;
    int beforeOpen = 0;
    int imported = 0;
    QElapsedTimer timer;
    timer.start();
    for (int run = 0; run < Kills; ++run) {
        QProcess p;
        p.setProgram(QStringLiteral(PEERING_STORE_IMPORT_LOOP_BIN));
        p.setArguments({path, QString::number(run * 100000)});
        p.start();
        QVERIFY(p.waitForStarted());
        // Early kills land in start-up and schema creation, later ones in imports.
        const int delay = int(random.bounded(5, 350));
        if (p.waitForFinished(delay))
            QFAIL(qPrintable("the import loop stopped by itself: " + p.readAllStandardOutput()));
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        ++kills;
        const QStringList lines
            = QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
        for (const QString &l : lines)
            QVERIFY2(!l.startsWith("error"), qPrintable(l));
        imported += int(lines.filter(QRegularExpression("^imported ")).size());
        if (lines.isEmpty() || !lines.contains("opened"))
            ++beforeOpen;
        else if (lines.last().startsWith("importing"))
            ++midImport;
        if (run % 10 == 9) {
            int stored = 0;
            verifyStore(path, &stored);
            if (QTest::currentTestFailed())
                return;
        }
    }
    int stored = 0;
    verifyStore(path, &stored);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(kills >= 50);
    QVERIFY2(stored > 0, "the loop imported nothing before being killed");
    // An import reported done is never lost.
    QVERIFY2(
        stored >= imported,
        qPrintable(QStringLiteral("%1 stored, %2 reported imported").arg(stored).arg(imported)));
    QVERIFY2(stored <= imported + kills,
             qPrintable(QStringLiteral("%1 stored, %2 reported imported, %3 kills")
                            .arg(stored)
                            .arg(imported)
                            .arg(kills))); // at most the one in flight per kill
    qInfo("kill test: %d SIGKILLs in %.1f s (%d during start-up, %d during an import); %d "
          "onboardings reported imported, %d stored, every one whole; integrity_check ok",
          kills, timer.elapsed() / 1000.0, beforeOpen, midImport, imported, stored);
}

QTEST_GUILESS_MAIN(TestStoreKill)
#include "tst_store_kill.moc"
