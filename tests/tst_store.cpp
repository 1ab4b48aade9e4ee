// The store test suite. The same cases run against SQLite (ctest: tst_store) and against the
// throwaway PostgreSQL server (ctest: tst_store_postgresql, PEERING_TEST_STORE_BACKEND=postgresql
// and PEERING_TEST_PG_URL from scripts/pg-test-server.sh). Cases about files (permissions,
// corruption, WAL) are SQLite only and say so.
#include "tracking/trackedstore.h"
#include "document/onboardingdocument.h"
#include "tracking/onboardingprogress.h"
#include "store/onboardingstore.h"
#include "skipexit.h"
#include "storesamples.h"
#include "tempstore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Peering;
using Peering::TestSupport::makeStoreOnboarding;
using Peering::TestSupport::TempStore;

namespace {

QString data(const char *name)
{
    return QStringLiteral(PEERING_TEST_DATA_DIR "/") + QLatin1String(name);
}

Onboarding readDocument(const char *name)
{
    Result<Onboarding> r = OnboardingDocument::readFile(data(name));
    if (!r)
        qFatal("test data %s: %s", name, qPrintable(r.error()));
    return r.value();
}

Onboarding withoutSecrets(Onboarding o)
{
    for (PeeringResource &p : o.peerings)
        for (Connection &c : p.connections)
            c.bgp.md5Key.clear();
    return o;
}

StoreOptions as(const QString &user, bool keepSecrets = false)
{
    StoreOptions o;
    o.userName = user;
    o.keepSecrets = keepSecrets;
    return o;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

// Opens the test store or fails the test with the store's message.
#define OPEN(var, options)                                                                         \
    auto var##Opened = TrackedStore::open(m_temp->location(), options);                         \
    QVERIFY2(var##Opened.ok(), qPrintable(var##Opened.error().message()));                         \
    std::unique_ptr<OnboardingStore> var = std::move(var##Opened.value())

#define CHECK_OK(expr)                                                                             \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.ok(), qPrintable(r_.error().message()));                                       \
    } while (false)

class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void freshStoreHasLatestSchema();
    void roundTripIsLossless();
    void secretsStayOutByDefault();
    void keptSecretsAreMaskedInTheAudit();
    void createRefusesDuplicateName();
    void createRefusesNamelessOnboarding();
    void listShowsStageAndNextMilestone();
    void listSortsByName();
    void listColumnsComeFromTheOpener();
    void saveBumpsVersionAndWritesAudit();
    void saveWithoutChangesKeepsVersion();
    void renameKeepsTheAuditTrail();
    void conflictBetweenTwoConnections();
    void conflictOnRemove();
    void saveAfterRemoveSaysWhoRemoved();
    void removeDeletesEveryRow();
    void registeredAsnUniqueAcrossStore();
    void registeredAsnTwiceInOneOnboarding();
    void registerCustomerAsnAtTheSameTime();
    void uniqueConstraintHoldsBelowTheStore();
    void validationContextNamesOtherOnboardings();
    void importIsAtomicPerDocument();
    void importRefusesOrReplacesExistingNames();
    void draftsAreOfferedAgain();
    void draftsBelongToTheirUser();
    void newerSchemaIsRefusedUntouched();
    void upgradesVersion1Fixture();
    void upgradeRecomputesStagesOfVersion2();
    void readOnlyModeNeverWrites();
    void fullStoreGivesOneErrorAndNoDamage();
    void lockedStoreGivesOneError();
    void readOnlyStoreGivesOneError();

    // SQLite files
    void sqliteFileIsPrivateWithWalAndForeignKeys();
    void missingFolderIsAnError();
    void leftoverJournalIsNotReplayed();
    void notADatabaseIsRefusedUntouched();
    void failingIntegrityCheckIsRefusedUntouched();
    void foreignSqliteDatabaseIsRefused();

private:
    std::unique_ptr<TempStore> m_temp;
};

void TestStore::initTestCase()
{
    const StoreLocation::Backend backend = TempStore::backendFromEnvironment();
    qInfo("store back end: %s", qPrintable(TempStore::backendName(backend)));
    m_temp = std::make_unique<TempStore>(backend, QStringLiteral("tst_store"));
    if (!m_temp->unavailableReason().isEmpty()) {
        TestSupport::exitAsSkipped();
        QSKIP(qPrintable(m_temp->unavailableReason()));
    }
}

void TestStore::init()
{
    QVERIFY2(m_temp->reset(), qPrintable(m_temp->reason()));
}

void TestStore::cleanup()
{
    m_temp->closeRaw();
}

void TestStore::freshStoreHasLatestSchema()
{
    OPEN(store, as("alice"));
    QCOMPARE(store->schemaVersion(), OnboardingStore::latestSchemaVersion());
    QVERIFY(OnboardingStore::latestSchemaVersion() >= 2);
    QCOMPARE(m_temp->scalar("SELECT MAX(version) FROM schema_version").toInt(),
             OnboardingStore::latestSchemaVersion());
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM schema_version").toInt(),
             OnboardingStore::latestSchemaVersion());
    QCOMPARE(m_temp->scalar("SELECT applied_by FROM schema_version WHERE version = 1").toString(),
             QStringLiteral("alice"));
    auto list = store->list();
    CHECK_OK(list);
    QVERIFY(list->isEmpty());
    // Opening again changes nothing.
    OPEN(again, as("bob"));
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM schema_version").toInt(),
             OnboardingStore::latestSchemaVersion());
}

void TestStore::roundTripIsLossless()
{
    Onboarding doc = readDocument("clean.json");
    // Unknown keys at several levels must come back.
    doc.extra.insert("x-top",
                     QJsonObject {{"a", 1}, {"b", QJsonArray {QJsonValue(1), QJsonValue("two")}}});
    doc.peerings[0].extra.insert("x-peering", true);
    doc.peerings[0].connections[0].extra.insert("x-connection", "kept");
    doc.peerings[0].connections[0].bgp.extra.insert("x-bgp", 7);
    doc.milestones[0].extra.insert("x-milestone", "m");

    OPEN(store, as("alice", true));
    auto created = store->create(doc);
    CHECK_OK(created);
    QCOMPARE(created->version, 1);
    QCOMPARE(created->onboarding, doc);
    QCOMPARE(created->createdBy, QStringLiteral("alice"));

    OPEN(other, as("bob", true));
    auto loaded = other->load(doc.name);
    CHECK_OK(loaded);
    QCOMPARE(loaded->onboarding, doc);
    QCOMPARE(loaded->id, created->id);
    QCOMPARE(loaded->version, 1);
    QCOMPARE(loaded->updatedBy, QStringLiteral("alice"));
    QVERIFY(qAbs(loaded->updatedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // The normalized rows hold the parts.
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM peerings").toInt(), 2);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM connections").toInt(), 2);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM milestones").toInt(), 3);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM contacts").toInt(), 2);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM prefixes").toInt(), 2);
    QCOMPARE(m_temp->scalar("SELECT peer_routers FROM connections WHERE peering_position = 0")
                 .toString(),
             QStringLiteral("[\"rs1.ams.example-ix.net\",\"rs2.ams.example-ix.net\"]"));

    // A generated one with every part.
    const Onboarding big = makeStoreOnboarding(3, 16, 30, 12);
    CHECK_OK(store->create(big));
    auto bigLoaded = other->load(big.name);
    CHECK_OK(bigLoaded);
    QCOMPARE(bigLoaded->onboarding, big);
}

void TestStore::secretsStayOutByDefault()
{
    const Onboarding doc = readDocument("clean.json");
    QVERIFY(!doc.peerings[0].connections[0].bgp.md5Key.isEmpty());
    OPEN(store, as("alice"));
    auto created = store->create(doc);
    CHECK_OK(created);
    QVERIFY(created->onboarding.peerings[0].connections[0].bgp.md5Key.isEmpty());
    auto loaded = store->load(doc.name);
    CHECK_OK(loaded);
    QCOMPARE(loaded->onboarding, withoutSecrets(doc));
    QVERIFY(
        !m_temp->scalar("SELECT document FROM onboarding_documents").toString().contains("s3cret"));
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM audit WHERE new_value LIKE '%s3cret%'").toInt(),
             0);

    // importDocuments says how many were left out.
    Onboarding second = doc;
    second.name = "Second copy";
    auto imported = store->importDocuments({second});
    CHECK_OK(imported);
    QCOMPARE(imported->size(), 1);
    QCOMPARE(imported->at(0).secretsLeftOut, 1);
}

void TestStore::keptSecretsAreMaskedInTheAudit()
{
    const Onboarding doc = readDocument("clean.json");
    OPEN(store, as("alice", true));
    auto created = store->create(doc);
    CHECK_OK(created);
    StoredOnboarding edited = *created;
    edited.onboarding.peerings[0].connections[0].bgp.md5Key = "n3w-s3cret";
    auto saved = store->save(edited);
    CHECK_OK(saved);
    auto trail = store->auditTrail(doc.name);
    CHECK_OK(trail);
    bool found = false;
    for (const AuditEntry &e : *trail) {
        QVERIFY(!e.oldValue.contains("s3cret"));
        QVERIFY(!e.newValue.contains("s3cret"));
        if (e.field == "peerings[0].connections[0].bgp.md5Key") {
            found = true;
            QCOMPARE(e.newValue, QStringLiteral("(secret)"));
        }
    }
    QVERIFY2(found, "a changed MD5 key is recorded as changed");
}

void TestStore::createRefusesDuplicateName()
{
    OPEN(store, as("alice"));
    const Onboarding doc = makeStoreOnboarding(1, 2, 5, 1);
    CHECK_OK(store->create(doc));
    Onboarding again = makeStoreOnboarding(2, 2, 5, 1);
    again.name = doc.name;
    auto r = store->create(again);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::Duplicate);
    QVERIFY2(r.error().message().contains("already in the store"), qPrintable(r.error().message()));
    QVERIFY(r.error().message().contains(doc.name));
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM onboardings").toInt(), 1);
}

void TestStore::createRefusesNamelessOnboarding()
{
    OPEN(store, as("alice"));
    Onboarding doc = makeStoreOnboarding(1, 1, 1, 0);
    doc.name = "  ";
    auto r = store->create(doc);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::Invalid);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM onboardings").toInt(), 0);
}

// The store does not derive stages itself: it writes what the opener's function says, and a
// writer without one is refused rather than storing wrong list columns.
void TestStore::listColumnsComeFromTheOpener()
{
    StoreOptions bare = as("alice");
    auto refused = OnboardingStore::open(m_temp->location(), bare);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), StoreError::Kind::Invalid);
    QVERIFY2(refused.error().message().contains(QLatin1String("list columns")),
             qPrintable(refused.error().message()));

    StoreOptions custom = bare;
    custom.listColumns = [](const Onboarding &o) {
        return ListColumns {QStringLiteral("stage-of-") + o.name, QStringLiteral("active"),
                            QDate(2030, 1, 2)};
    };
    auto opened = OnboardingStore::open(m_temp->location(), custom);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    CHECK_OK((*opened)->create(readDocument("clean.json")));
    auto list = (*opened)->list();
    CHECK_OK(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).stage, QStringLiteral("stage-of-Example-IX to Microsoft"));
    QCOMPARE(list->at(0).nextStage, QStringLiteral("active"));
    QCOMPARE(list->at(0).nextExpected, QDate(2030, 1, 2));
}

void TestStore::listShowsStageAndNextMilestone()
{
    OPEN(store, as("alice"));
    CHECK_OK(store->create(readDocument("clean.json")));
    CHECK_OK(store->create(readDocument("store-v1-second.json")));
    CHECK_OK(store->create(makeStoreOnboarding(10, 8, 10, 0))); // index 10: every stage reached
    auto list = store->list();
    CHECK_OK(list);
    QCOMPARE(list->size(), 3);

    const OnboardingSummary &clean = list->at(0);
    QCOMPARE(clean.name, QStringLiteral("Example-IX to Microsoft"));
    QCOMPARE(clean.peerAsn, QStringLiteral("213999"));
    QCOMPARE(clean.metros, (QStringList {"Amsterdam", "Frankfurt"}));
    QCOMPARE(clean.stage,
             QStringLiteral("peering-created")); // requirements, asn-association reached
    // peering-created has no planned date: the next milestone is the earliest planned stage not
    // done (active, which the tracker shows as overdue once its date has passed).
    QCOMPARE(clean.nextStage, QStringLiteral("active"));
    QCOMPARE(clean.nextExpected, QDate(2026, 11, 23));
    QCOMPARE(clean.version, 1);
    QCOMPARE(clean.updatedBy, QStringLiteral("alice"));

    const OnboardingSummary &done = list->at(1);
    QCOMPARE(done.name, QStringLiteral("Onboarding 000010"));
    QCOMPARE(done.stage, QLatin1String(OnboardingProgress::Complete));
    QVERIFY(!done.nextExpected.isValid());
    QCOMPARE(done.metros.size(), 2);

    const OnboardingSummary &second = list->at(2);
    QCOMPARE(second.name, QStringLiteral("Second-IX to Microsoft"));
    QCOMPARE(second.peerAsn, QStringLiteral("AS212100"));
    // Milestones stop at peering-created, but the connection is Active and both customer ASNs
    // have prefix keys: the tracker's evidence implies every stage up to customer-asns, and one key
    // is not delivered yet.
    QCOMPARE(second.stage, QStringLiteral("keys-delivered"));
    QCOMPARE(second.nextStage, QStringLiteral("keys-delivered"));
    QCOMPARE(second.nextExpected, QDate(2026, 3, 5));
    QCOMPARE(OnboardingProgress::daysLeft(second.nextExpected, QDate(2026, 3, 8)).value(), -3);
}

void TestStore::listSortsByName()
{
    OPEN(store, as("alice"));
    const QStringList names {"beta", "Alpha", "alpha", "Gamma-IX", "gamma ix", "Delta"};
    int i = 0;
    for (const QString &name : names) {
        Onboarding o = makeStoreOnboarding(++i, 1, 2, 0);
        o.name = name;
        CHECK_OK(store->create(o));
    }
    auto list = store->list();
    CHECK_OK(list);
    QStringList got;
    for (const OnboardingSummary &s : *list)
        got.append(s.name);
    QCOMPARE(got, (QStringList {"Alpha", "alpha", "beta", "Delta", "gamma ix", "Gamma-IX"}));
}

void TestStore::saveBumpsVersionAndWritesAudit()
{
    OPEN(store, as("alice"));
    auto created = store->create(readDocument("store-v1-second.json"));
    CHECK_OK(created);
    OPEN(bobs, as("bob"));
    auto loaded = bobs->load("Second-IX to Microsoft");
    CHECK_OK(loaded);
    StoredOnboarding edited = *loaded;
    edited.onboarding.peerings[0].connections[0].bandwidthMbps = 200000;
    edited.onboarding.milestones[5].reached = "2026-03-04T08:00:00Z"; // keys-delivered
    auto saved = bobs->save(edited);
    CHECK_OK(saved);
    QCOMPARE(saved->version, 2);
    QCOMPARE(saved->updatedBy, QStringLiteral("bob"));
    QCOMPARE(saved->createdBy, QStringLiteral("alice"));

    auto reloaded = store->load("Second-IX to Microsoft");
    CHECK_OK(reloaded);
    QCOMPARE(reloaded->version, 2);
    QCOMPARE(reloaded->onboarding, edited.onboarding);
    QCOMPARE(m_temp->scalar("SELECT bandwidth_mbps FROM connections").toLongLong(), 200000);

    auto list = store->list();
    CHECK_OK(list);
    QCOMPARE(list->at(0).stage, QStringLiteral("prefixes-activated"));
    QCOMPARE(list->at(0).version, 2);

    auto trail = store->auditTrail("Second-IX to Microsoft");
    CHECK_OK(trail);
    QCOMPARE(trail->size(), 3);
    QCOMPARE(trail->at(0).field, QLatin1String(AuditEntry::Created));
    QCOMPARE(trail->at(0).user, QStringLiteral("alice"));
    QCOMPARE(trail->at(1).field, QStringLiteral("milestones[5].reached"));
    QCOMPARE(trail->at(1).oldValue, QStringLiteral("null"));
    QCOMPARE(trail->at(1).newValue, QStringLiteral("2026-03-04T08:00:00Z"));
    QCOMPARE(trail->at(2).field, QStringLiteral("peerings[0].connections[0].bandwidthMbps"));
    QCOMPARE(trail->at(2).oldValue, QStringLiteral("100000"));
    QCOMPARE(trail->at(2).newValue, QStringLiteral("200000"));
    QCOMPARE(trail->at(2).user, QStringLiteral("bob"));
    QVERIFY(trail->at(2).time.isValid());
}

void TestStore::saveWithoutChangesKeepsVersion()
{
    OPEN(store, as("alice"));
    auto created = store->create(makeStoreOnboarding(1, 2, 4, 1));
    CHECK_OK(created);
    auto saved = store->save(*created);
    CHECK_OK(saved);
    QCOMPARE(saved->version, 1);
    auto trail = store->auditTrail(created->onboarding.name);
    CHECK_OK(trail);
    QCOMPARE(trail->size(), 1);
}

void TestStore::renameKeepsTheAuditTrail()
{
    OPEN(store, as("alice"));
    auto created = store->create(makeStoreOnboarding(1, 2, 4, 1));
    CHECK_OK(created);
    StoredOnboarding edited = *created;
    edited.onboarding.name = "Renamed";
    auto saved = store->save(edited);
    CHECK_OK(saved);
    QVERIFY(!store->load(created->onboarding.name).ok());
    auto loaded = store->load("Renamed");
    CHECK_OK(loaded);
    QCOMPARE(loaded->id, created->id);
    auto trail = store->auditTrail("Renamed");
    CHECK_OK(trail);
    QCOMPARE(trail->size(), 2);
    QCOMPARE(trail->at(1).field, QStringLiteral("name"));
    QCOMPARE(trail->at(1).newValue, QStringLiteral("Renamed"));

    // A rename onto a taken name is refused.
    CHECK_OK(store->create(makeStoreOnboarding(2, 1, 1, 0)));
    StoredOnboarding clash = *saved;
    clash.onboarding.name = makeStoreOnboarding(2, 1, 1, 0).name;
    auto refused = store->save(clash);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), StoreError::Kind::Duplicate);
}

void TestStore::conflictBetweenTwoConnections()
{
    OPEN(alice, as("alice"));
    OPEN(bob, as("bob"));
    auto created = alice->create(makeStoreOnboarding(7, 4, 10, 2));
    CHECK_OK(created);
    const QString name = created->onboarding.name;

    auto a = alice->load(name);
    auto b = bob->load(name);
    CHECK_OK(a);
    CHECK_OK(b);
    QCOMPARE(a->version, 1);
    QCOMPARE(b->version, 1);

    StoredOnboarding aliceEdit = *a;
    aliceEdit.onboarding.peerAsn.peerName = "Alice's name";
    auto aliceSaved = alice->save(aliceEdit);
    CHECK_OK(aliceSaved);
    QCOMPARE(aliceSaved->version, 2);

    StoredOnboarding bobEdit = *b;
    bobEdit.onboarding.peerAsn.peerName = "Bob's name";
    auto refused = bob->save(bobEdit);
    QVERIFY(!refused.ok());
    const StoreError &e = refused.error();
    QCOMPARE(e.kind(), StoreError::Kind::Conflict);
    QCOMPARE(e.changedBy(), QStringLiteral("alice"));
    QCOMPARE(e.currentVersion(), 2);
    QVERIFY(qAbs(e.changedAt().msecsTo(aliceSaved->updatedAt)) < 2);
    QVERIFY2(e.message().contains("alice") && e.message().contains("version 2"),
             qPrintable(e.message()));
    QVERIFY(e.isRefusal());

    // Never a silent overwrite: Alice's change is what is stored.
    auto now = bob->load(name);
    CHECK_OK(now);
    QCOMPARE(now->onboarding.peerAsn.peerName, QStringLiteral("Alice's name"));
    QCOMPARE(now->version, 2);

    // Bob reloads and saves again: accepted.
    StoredOnboarding retry = *now;
    retry.onboarding.peerAsn.peerName = "Bob's name";
    auto accepted = bob->save(retry);
    CHECK_OK(accepted);
    QCOMPARE(accepted->version, 3);
}

void TestStore::conflictOnRemove()
{
    OPEN(alice, as("alice"));
    OPEN(bob, as("bob"));
    auto created = alice->create(makeStoreOnboarding(7, 1, 2, 0));
    CHECK_OK(created);
    StoredOnboarding edit = *created;
    edit.onboarding.peerAsn.peerName = "changed";
    CHECK_OK(alice->save(edit));
    auto refused = bob->remove(created->onboarding.name, 1);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), StoreError::Kind::Conflict);
    QCOMPARE(refused.error().changedBy(), QStringLiteral("alice"));
    QVERIFY(alice->load(created->onboarding.name).ok());
}

void TestStore::saveAfterRemoveSaysWhoRemoved()
{
    OPEN(alice, as("alice"));
    OPEN(bob, as("bob"));
    auto created = alice->create(makeStoreOnboarding(8, 1, 2, 0));
    CHECK_OK(created);
    auto b = bob->load(created->onboarding.name);
    CHECK_OK(b);
    CHECK_OK(alice->remove(created->onboarding.name, 1));
    StoredOnboarding edit = *b;
    edit.onboarding.peerAsn.peerName = "too late";
    auto refused = bob->save(edit);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), StoreError::Kind::NotFound);
    QVERIFY2(refused.error().message().contains("removed by alice"),
             qPrintable(refused.error().message()));
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM onboardings").toInt(), 0);
}

void TestStore::removeDeletesEveryRow()
{
    OPEN(store, as("alice"));
    auto keep = store->create(makeStoreOnboarding(1, 4, 10, 3));
    auto gone = store->create(makeStoreOnboarding(2, 4, 10, 3));
    CHECK_OK(keep);
    CHECK_OK(gone);
    CHECK_OK(store->remove(gone->onboarding.name, 1));
    for (const char *table :
         {"onboarding_documents", "peer_asn_associations", "contacts", "peerings", "connections",
          "prefixes", "registered_asns", "milestones", "mail"}) {
        QCOMPARE(m_temp
                     ->scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE onboarding_id = %2")
                                  .arg(QLatin1String(table))
                                  .arg(gone->id))
                     .toInt(),
                 0);
        QVERIFY(m_temp
                    ->scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE onboarding_id = %2")
                                 .arg(QLatin1String(table))
                                 .arg(keep->id))
                    .toInt()
                > 0);
    }
    auto missing = store->load(gone->onboarding.name);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind(), StoreError::Kind::NotFound);
    auto trail = store->auditTrail(gone->onboarding.name);
    CHECK_OK(trail);
    QCOMPARE(trail->size(), 2);
    QCOMPARE(trail->at(1).field, QLatin1String(AuditEntry::Removed));
    // Its customer ASNs are free again.
    Onboarding reuse = makeStoreOnboarding(3, 1, 1, 0);
    reuse.registeredAsns = gone->onboarding.registeredAsns;
    CHECK_OK(store->create(reuse));
}

void TestStore::registeredAsnUniqueAcrossStore()
{
    OPEN(store, as("alice"));
    const Onboarding first = makeStoreOnboarding(1, 2, 4, 1);
    CHECK_OK(store->create(first));
    Onboarding second = makeStoreOnboarding(2, 2, 4, 1);
    RegisteredAsn dup = first.registeredAsns.at(0);
    dup.asn = "AS" + dup.asn; // written differently, the same ASN
    second.registeredAsns.append(dup);
    auto r = store->create(second);
    QVERIFY(!r.ok());
    const StoreError &e = r.error();
    QCOMPARE(e.kind(), StoreError::Kind::AsnTaken);
    QCOMPARE(e.rule(), QStringLiteral("registered-asn.unique"));
    QCOMPARE(e.path(), QStringLiteral("registeredAsns[2].asn"));
    QCOMPARE(e.otherOnboarding(), first.name);
    QVERIFY2(e.message().contains(first.name) && e.message().contains("registered-asn.unique"),
             qPrintable(e.message()));
    // All or nothing: no part of the refused onboarding is stored.
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM onboardings").toInt(), 1);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM registered_asns").toInt(), 2);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM milestones").toInt(), 4);
}

void TestStore::registeredAsnTwiceInOneOnboarding()
{
    OPEN(store, as("alice"));
    Onboarding doc = makeStoreOnboarding(1, 1, 1, 0);
    RegisteredAsn dup = doc.registeredAsns.at(0);
    const quint32 value = dup.asn.toUInt();
    dup.asn = QStringLiteral("%1.%2").arg(value >> 16).arg(value & 0xffff); // asdot
    doc.registeredAsns.append(dup);
    auto r = store->create(doc);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::AsnTaken);
    QCOMPARE(r.error().path(), QStringLiteral("registeredAsns[2].asn"));
    QVERIFY(r.error().message().contains("registeredAsns[0]"));
}

void TestStore::registerCustomerAsnAtTheSameTime()
{
    OPEN(alice, as("alice"));
    OPEN(bob, as("bob"));
    auto x = alice->create(makeStoreOnboarding(1, 1, 2, 0));
    auto y = bob->create(makeStoreOnboarding(2, 1, 2, 0));
    CHECK_OK(x);
    CHECK_OK(y);
    RegisteredAsn customer;
    customer.name = "Shared customer";
    customer.asn = "4200100";
    customer.peering = x->onboarding.peerings.at(0).name;
    // Both look first and see the ASN free ...
    auto ctxX = alice->validationContextFor(x->onboarding.name);
    auto ctxY = bob->validationContextFor(y->onboarding.name);
    CHECK_OK(ctxX);
    CHECK_OK(ctxY);
    QVERIFY(!ctxX->registeredElsewhere.contains(4200100));
    QVERIFY(!ctxY->registeredElsewhere.contains(4200100));
    // ... then both register: one wins, the other is refused by the store.
    auto first = alice->registerCustomerAsn(x->onboarding.name, customer, x->version);
    CHECK_OK(first);
    QCOMPARE(first->version, 2);
    auto second = bob->registerCustomerAsn(y->onboarding.name, customer, y->version);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind(), StoreError::Kind::AsnTaken);
    QCOMPARE(second.error().otherOnboarding(), x->onboarding.name);
    auto yNow = bob->load(y->onboarding.name);
    CHECK_OK(yNow);
    QCOMPARE(yNow->version, 1);
    QCOMPARE(yNow->onboarding.registeredAsns.size(), 2);
    // A stale version is a conflict, not a registration.
    auto stale = alice->registerCustomerAsn(x->onboarding.name, customer, 1);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().kind(), StoreError::Kind::Conflict);
}

void TestStore::uniqueConstraintHoldsBelowTheStore()
{
    OPEN(store, as("alice"));
    auto a = store->create(makeStoreOnboarding(1, 1, 1, 0));
    CHECK_OK(a);
    const qint64 taken = a->onboarding.registeredAsns.at(0).asn.toLongLong();
    // Straight SQL, past every check of the store class: the database refuses it.
    const QString error = m_temp->exec(
        QStringLiteral("INSERT INTO registered_asns (onboarding_id, position, asn, asn_value) "
                       "VALUES (%1, 99, 'x', %2)")
            .arg(a->id)
            .arg(taken));
    QVERIFY2(!error.isEmpty(), "the unique constraint must refuse a second registration");
}

void TestStore::validationContextNamesOtherOnboardings()
{
    OPEN(store, as("alice"));
    const Onboarding one = makeStoreOnboarding(1, 1, 1, 0);
    const Onboarding two = makeStoreOnboarding(2, 1, 1, 0);
    CHECK_OK(store->create(one));
    CHECK_OK(store->create(two));
    auto ctx = store->validationContextFor(one.name);
    CHECK_OK(ctx);
    QCOMPARE(ctx->registeredElsewhere.size(), 2);
    for (const RegisteredAsn &r : two.registeredAsns)
        QCOMPARE(ctx->registeredElsewhere.value(r.asn.toUInt()), two.name);
    for (const RegisteredAsn &r : one.registeredAsns)
        QVERIFY(!ctx->registeredElsewhere.contains(r.asn.toUInt()));
}

void TestStore::importIsAtomicPerDocument()
{
    OPEN(store, as("alice"));
    const Onboarding a = makeStoreOnboarding(3, 4, 10, 2);
    Onboarding b = makeStoreOnboarding(4, 4, 10, 2);
    b.registeredAsns.append(a.registeredAsns.at(1)); // taken by a, in the same batch
    const Onboarding c = makeStoreOnboarding(5, 4, 10, 2);
    auto outcomes = store->importDocuments({a, b, c});
    CHECK_OK(outcomes);
    QCOMPARE(outcomes->size(), 3);
    QCOMPARE(outcomes->at(0).action, ImportOutcome::Action::Created);
    QCOMPARE(outcomes->at(0).version, 1);
    QCOMPARE(outcomes->at(1).action, ImportOutcome::Action::Refused);
    QVERIFY(outcomes->at(1).error.has_value());
    QCOMPARE(outcomes->at(1).error->kind(), StoreError::Kind::AsnTaken);
    QCOMPARE(outcomes->at(1).error->otherOnboarding(), a.name);
    QCOMPARE(outcomes->at(2).action, ImportOutcome::Action::Created);

    auto list = store->list();
    CHECK_OK(list);
    QCOMPARE(list->size(), 2);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM milestones").toInt(), 20);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM connections").toInt(), 8);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM mail").toInt(), 4);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM registered_asns").toInt(), 4);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM audit").toInt(), 2);
    CHECK_OK(store->load(a.name));
    CHECK_OK(store->load(c.name));
    QVERIFY(!store->load(b.name).ok());
}

void TestStore::importRefusesOrReplacesExistingNames()
{
    OPEN(store, as("alice"));
    const Onboarding a = makeStoreOnboarding(1, 2, 4, 1);
    CHECK_OK(store->importDocuments({a}));
    Onboarding changed = a;
    changed.peerAsn.peerName = "Replaced";
    auto refused = store->importDocuments({changed});
    CHECK_OK(refused);
    QCOMPARE(refused->at(0).action, ImportOutcome::Action::Refused);
    QCOMPARE(refused->at(0).error->kind(), StoreError::Kind::Duplicate);
    QVERIFY(refused->at(0).error->message().contains("already in the store"));

    auto replaced = store->importDocuments({changed}, true);
    CHECK_OK(replaced);
    QCOMPARE(replaced->at(0).action, ImportOutcome::Action::Replaced);
    QCOMPARE(replaced->at(0).version, 2);
    auto loaded = store->load(a.name);
    CHECK_OK(loaded);
    QCOMPARE(loaded->onboarding, changed);
    auto trail = store->auditTrail(a.name);
    CHECK_OK(trail);
    QCOMPARE(trail->at(1).field, QLatin1String(AuditEntry::Replaced));
}

void TestStore::draftsAreOfferedAgain()
{
    Onboarding draft;
    draft.peerAsn.asn = "2135";
    {
        OPEN(store, as("alice"));
        auto d = store->saveDraft("wizard-1", draft);
        CHECK_OK(d);
        // Every change saves again: the last one wins.
        draft.peerAsn.peerName = "Typed so far";
        CHECK_OK(store->saveDraft("wizard-1", draft));
        draft.name = "Almost done";
        CHECK_OK(store->saveDraft("wizard-1", draft, 0));
    }
    // The next start offers it.
    OPEN(store, as("alice"));
    auto drafts = store->drafts();
    CHECK_OK(drafts);
    QCOMPARE(drafts->size(), 1);
    QCOMPARE(drafts->at(0).id, QStringLiteral("wizard-1"));
    QCOMPARE(drafts->at(0).owner, QStringLiteral("alice"));
    QCOMPARE(drafts->at(0).onboarding, draft);
    QVERIFY(drafts->at(0).updatedAt.isValid());
    CHECK_OK(store->discardDraft("wizard-1"));
    auto none = store->drafts();
    CHECK_OK(none);
    QVERIFY(none->isEmpty());
}

void TestStore::draftsBelongToTheirUser()
{
    OPEN(alice, as("alice"));
    OPEN(bob, as("bob"));
    CHECK_OK(alice->saveDraft("a-1", makeStoreOnboarding(1, 1, 1, 0)));
    CHECK_OK(bob->saveDraft("b-1", makeStoreOnboarding(2, 1, 1, 0), 3));
    auto mine = bob->drafts();
    CHECK_OK(mine);
    QCOMPARE(mine->size(), 1);
    QCOMPARE(mine->at(0).id, QStringLiteral("b-1"));
    QCOMPARE(mine->at(0).baseVersion, 3);
    CHECK_OK(bob->discardDraft("a-1")); // someone else's: nothing happens
    auto hers = alice->drafts();
    CHECK_OK(hers);
    QCOMPARE(hers->size(), 1);
}

void TestStore::newerSchemaIsRefusedUntouched()
{
    {
        OPEN(store, as("alice"));
        CHECK_OK(store->create(makeStoreOnboarding(1, 2, 4, 1)));
    }
    QCOMPARE(m_temp->exec("INSERT INTO schema_version (version, applied_at, applied_by, "
                          "app_version) VALUES (99, '2030-01-01T00:00:00.000Z', 'future', '9.0')"),
             QString());
    m_temp->closeRaw();
    const QByteArray before
        = m_temp->isSqlite() ? fileHash(m_temp->location().filePath()) : QByteArray();

    for (StoreOptions::Mode mode : {StoreOptions::Mode::ReadWrite, StoreOptions::Mode::ReadOnly}) {
        StoreOptions o = as("alice");
        o.mode = mode;
        auto r = TrackedStore::open(m_temp->location(), o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), StoreError::Kind::NewerSchema);
        const QString message = r.error().message();
        QVERIFY2(message.contains("99")
                     && message.contains(QString::number(OnboardingStore::latestSchemaVersion())),
                 qPrintable(message));
        QVERIFY2(message.contains("newer"), qPrintable(message));
    }
    if (m_temp->isSqlite()) {
        QCOMPARE(fileHash(m_temp->location().filePath()), before);
    }
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM schema_version").toInt(),
             OnboardingStore::latestSchemaVersion() + 1);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM onboardings").toInt(), 1);
}

void TestStore::upgradesVersion1Fixture()
{
    const QString fixture = readAll(data("store-v1.sql"));
    QVERIFY(!fixture.isEmpty());
    QCOMPARE(m_temp->execScript(fixture), QString());
    QCOMPARE(m_temp->scalar("SELECT MAX(version) FROM schema_version").toInt(), 1);
    m_temp->closeRaw();

    if (!m_temp->isSqlite()) {
        // A team store of an older schema is upgraded by its next writer: a reader says so and
        // changes nothing.
        StoreOptions readOnly = as("carol");
        readOnly.mode = StoreOptions::Mode::ReadOnly;
        auto refused = TrackedStore::open(m_temp->location(), readOnly);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QStringLiteral("open it once for writing")),
                 qPrintable(refused.error().message()));
        QCOMPARE(m_temp->scalar("SELECT MAX(version) FROM schema_version").toInt(), 1);
    } else {
        // A version-1 store opened read-only is read from an upgraded private copy: the store
        // itself is not changed (a reader never writes).
        const QByteArray untouched = fileHash(m_temp->location().filePath());
        StoreOptions readOnly = as("carol");
        readOnly.mode = StoreOptions::Mode::ReadOnly;
        OPEN(reader, readOnly);
        QCOMPARE(reader->schemaVersion(), OnboardingStore::latestSchemaVersion());
        auto list = reader->list();
        CHECK_OK(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).name, QStringLiteral("Example-IX to Microsoft"));
        QCOMPARE(list->at(0).stage, QStringLiteral("peering-created"));
        QCOMPARE(list->at(0).metros, (QStringList {"Amsterdam", "Frankfurt"}));
        QCOMPARE(list->at(1).stage, QStringLiteral("keys-delivered")); // the tracker's stage
        QCOMPARE(list->at(1).nextExpected, QDate(2026, 3, 5));
        QCOMPARE(list->at(1).updatedBy, QStringLiteral("v1-user"));
        QCOMPARE(reader->location().displayString(), m_temp->location().displayString());
        QCOMPARE(m_temp->scalar("SELECT MAX(version) FROM schema_version").toInt(), 1);
        QCOMPARE(fileHash(m_temp->location().filePath()), untouched);
        reader.reset();
        m_temp->closeRaw();
    }

    // The first writer upgrades it.
    OPEN(store, as("carol"));
    QCOMPARE(m_temp->scalar("SELECT applied_by FROM schema_version WHERE version = 2").toString(),
             QStringLiteral("carol"));
    auto clean = store->load("Example-IX to Microsoft");
    CHECK_OK(clean);
    QCOMPARE(clean->onboarding, withoutSecrets(readDocument("clean.json")));
    auto second = store->load("Second-IX to Microsoft");
    CHECK_OK(second);
    QCOMPARE(second->onboarding, readDocument("store-v1-second.json"));
    QCOMPARE(second->onboarding.extra.value("x-team-note").toString().isEmpty(), false);

    // What version 1 stored still holds: its registered ASNs, its audit trail.
    Onboarding clash = makeStoreOnboarding(1, 1, 1, 0);
    clash.registeredAsns[0].asn = "212201";
    auto refused = store->create(clash);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().otherOnboarding(), QStringLiteral("Second-IX to Microsoft"));
    auto trail = store->auditTrail("Second-IX to Microsoft");
    CHECK_OK(trail);
    QCOMPARE(trail->size(), 1);
    QCOMPARE(trail->at(0).user, QStringLiteral("v1-user"));
    // And what version 2 added works.
    CHECK_OK(store->saveDraft("after-upgrade", clash));
    StoredOnboarding edit = *second;
    edit.onboarding.milestones[3].reached = "2026-02-10T10:00:00Z";
    auto saved = store->save(edit);
    CHECK_OK(saved);
    QCOMPARE(saved->version, 2);
}

// Version 2 precomputed the list's stage from reached milestones only; version 3 recomputes it
// with the tracker. A store written by version 2 (stale columns) is brought up to date on opening.
void TestStore::upgradeRecomputesStagesOfVersion2()
{
    {
        StoreOptions v2 = as("alice");
        v2.targetSchemaVersion = 2;
        OPEN(old, v2);
        QCOMPARE(old->schemaVersion(), 2);
        CHECK_OK(old->create(readDocument("store-v1-second.json")));
    }
    // What version 2 wrote for this document.
    QCOMPARE(m_temp->exec("UPDATE onboardings SET stage = 'port-configured', "
                          "next_stage = 'port-configured', next_expected = '2026-02-10'"),
             QString());
    m_temp->closeRaw();

    OPEN(store, as("bob"));
    QCOMPARE(store->schemaVersion(), OnboardingStore::latestSchemaVersion());
    QVERIFY(store->schemaVersion() >= 3);
    auto list = store->list();
    CHECK_OK(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).stage, QStringLiteral("keys-delivered"));
    QCOMPARE(list->at(0).nextStage, QStringLiteral("keys-delivered"));
    QCOMPARE(list->at(0).nextExpected, QDate(2026, 3, 5));
    QCOMPARE(list->at(0).version, 1); // recomputing the list columns is not an edit
    QCOMPARE(m_temp->scalar("SELECT applied_by FROM schema_version WHERE version = 3").toString(),
             QStringLiteral("bob"));
}

void TestStore::readOnlyModeNeverWrites()
{
    {
        OPEN(store, as("alice"));
        CHECK_OK(store->create(makeStoreOnboarding(1, 2, 4, 1)));
    }
    const QByteArray before
        = m_temp->isSqlite() ? fileHash(m_temp->location().filePath()) : QByteArray();
    StoreOptions o = as("alice");
    o.mode = StoreOptions::Mode::ReadOnly;
    OPEN(reader, o);
    QVERIFY(reader->isReadOnly());
    auto list = reader->list();
    CHECK_OK(list);
    QCOMPARE(list->size(), 1);
    auto refused = reader->create(makeStoreOnboarding(2, 1, 1, 0));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), StoreError::Kind::ReadOnly);
    QVERIFY(!reader->saveDraft("x", makeStoreOnboarding(2, 1, 1, 0)).ok());
    reader.reset();
    if (m_temp->isSqlite())
        QCOMPARE(fileHash(m_temp->location().filePath()), before);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM onboardings").toInt(), 1);

    // A missing file is an error in read-only mode, and nothing is created.
    if (m_temp->isSqlite()) {
        const QString missing = m_temp->folder() + "/never-made.sqlite";
        auto r = TrackedStore::open(StoreLocation::sqliteFile(missing), o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), StoreError::Kind::Missing);
        QVERIFY(!QFileInfo::exists(missing));
    }
}

void TestStore::fullStoreGivesOneErrorAndNoDamage()
{
    OPEN(store, as("alice"));
    const Onboarding small = makeStoreOnboarding(1, 2, 4, 1);
    CHECK_OK(store->create(small));
    const Onboarding big = makeStoreOnboarding(2, 64, 400, 200);
    if (m_temp->isSqlite()) {
        // SQLite's own limit on the file's size: the same SQLITE_FULL a full disk gives.
        QSqlDatabase db = QSqlDatabase::database(store->connectionName());
        QSqlQuery q(db);
        QVERIFY(q.exec("PRAGMA page_count") && q.next());
        const int pages = q.value(0).toInt();
        q.finish();
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 2)));
        q.finish();
    } else {
        // The server's disk-full error (SQLSTATE 53100), raised where a real one would come from.
        QCOMPARE(m_temp->exec("CREATE FUNCTION peering_test_full() RETURNS trigger AS $$ BEGIN "
                              "RAISE EXCEPTION 'could not extend file: No space left on device' "
                              "USING ERRCODE = '53100'; END $$ LANGUAGE plpgsql"),
                 QString());
        QCOMPARE(m_temp->exec("CREATE TRIGGER peering_test_full BEFORE INSERT ON mail FOR EACH "
                              "ROW EXECUTE FUNCTION peering_test_full()"),
                 QString());
    }
    auto r = store->create(big);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::Full);
    QVERIFY2(r.error().message().contains("full") && !r.error().databaseText().isEmpty(),
             qPrintable(r.error().message()));
    QCOMPARE(r.error().message().count(u'\n'), 0);
    // A batch import: the store error undoes the whole batch.
    auto batch = store->importDocuments({makeStoreOnboarding(3, 1, 1, 0), big});
    QVERIFY(!batch.ok());
    QCOMPARE(batch.error().kind(), StoreError::Kind::Full);

    // No damage: what was there is there, nothing of the refused ones is.
    auto list = store->list();
    CHECK_OK(list);
    QCOMPARE(list->size(), 1);
    auto loaded = store->load(small.name);
    CHECK_OK(loaded);
    QCOMPARE(loaded->onboarding, small);
    QCOMPARE(m_temp->scalar("SELECT count(*) FROM milestones").toInt(), 4);
    CHECK_OK(store->checkIntegrity());

    // Room again: writing works.
    if (m_temp->isSqlite()) {
        QSqlQuery q(QSqlDatabase::database(store->connectionName()));
        QVERIFY(q.exec("PRAGMA max_page_count = 1073741823"));
        q.finish();
    } else {
        QCOMPARE(m_temp->exec("DROP TRIGGER peering_test_full ON mail"), QString());
    }
    CHECK_OK(store->create(big));
}

void TestStore::lockedStoreGivesOneError()
{
    StoreOptions quick = as("alice");
    quick.busyTimeoutMs = 300;
    OPEN(store, quick);
    CHECK_OK(store->create(makeStoreOnboarding(1, 1, 1, 0)));

    // Another program takes the write lock and keeps it.
    if (m_temp->isSqlite()) {
        QCOMPARE(m_temp->exec("BEGIN EXCLUSIVE"), QString());
    } else {
        QCOMPARE(m_temp->exec("BEGIN"), QString());
        QCOMPARE(m_temp->exec("LOCK TABLE onboardings, schema_version IN ACCESS EXCLUSIVE MODE"),
                 QString());
    }
    QElapsedTimer timer;
    timer.start();
    auto r = store->create(makeStoreOnboarding(2, 1, 1, 0));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::Locked);
    QVERIFY2(r.error().message().contains("locked"), qPrintable(r.error().message()));
    QVERIFY(timer.elapsed() < 10000);

    auto opened = TrackedStore::open(m_temp->location(), quick);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind(), StoreError::Kind::Locked);

    QCOMPARE(m_temp->exec("ROLLBACK"), QString());
    CHECK_OK(store->create(makeStoreOnboarding(2, 1, 1, 0)));
    auto list = store->list();
    CHECK_OK(list);
    QCOMPARE(list->size(), 2);
}

void TestStore::readOnlyStoreGivesOneError()
{
    {
        OPEN(store, as("alice"));
        CHECK_OK(store->create(makeStoreOnboarding(1, 1, 1, 0)));
    }
    QByteArray before;
    QString path;
    bool immutable = false;
    if (m_temp->isSqlite()) {
        m_temp->closeRaw();
        path = m_temp->location().filePath();
        before = fileHash(path);
        QFile::setPermissions(path, QFile::ReadOwner);
        QFile probe(path);
        if (probe.open(QIODevice::ReadWrite)) {
            // Root writes through permissions: make the file immutable instead.
            probe.close();
            immutable = QProcess::execute("chattr", {"+i", path}) == 0;
            if (!immutable) {
                QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
                QSKIP(
                    "running as root and chattr +i is not available: cannot make a read-only file");
            }
        }
    } else {
        QCOMPARE(
            m_temp->exec(QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = on")
                             .arg(m_temp->location().databaseName())),
            QString());
    }
    auto r = TrackedStore::open(m_temp->location(), as("alice"));
    if (immutable)
        QProcess::execute("chattr", {"-i", path});
    if (m_temp->isSqlite())
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    else
        QCOMPARE(
            m_temp->exec(QStringLiteral("ALTER DATABASE %1 RESET default_transaction_read_only")
                             .arg(m_temp->location().databaseName())),
            QString());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::ReadOnly);
    QVERIFY2(r.error().message().contains("cannot be written"), qPrintable(r.error().message()));
    if (m_temp->isSqlite())
        QCOMPARE(fileHash(path), before);
}

void TestStore::sqliteFileIsPrivateWithWalAndForeignKeys()
{
    if (!m_temp->isSqlite())
        QSKIP("SQLite files only");
    OPEN(store, as("alice"));
    CHECK_OK(store->create(makeStoreOnboarding(1, 1, 1, 0)));
    const QString path = m_temp->location().filePath();
    const QFileDevice::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
        | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QVERIFY(QFileInfo(path).permissions() & QFile::WriteOwner);
    QCOMPARE(QFileInfo(path).permissions() & others, QFileDevice::Permissions());
    QVERIFY(QFileInfo::exists(path + "-wal"));
    QCOMPARE(QFileInfo(path + "-wal").permissions() & others, QFileDevice::Permissions());
    QCOMPARE(m_temp->scalar("PRAGMA journal_mode").toString(), QStringLiteral("wal"));
    QSqlQuery q(QSqlDatabase::database(store->connectionName()));
    QVERIFY(q.exec("PRAGMA foreign_keys") && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec("PRAGMA synchronous") && q.next());
    QCOMPARE(q.value(0).toInt(), 2); // FULL
}

void TestStore::missingFolderIsAnError()
{
    if (!m_temp->isSqlite())
        QSKIP("SQLite files only");
    const QString folder = m_temp->folder() + "/not/there";
    auto r = TrackedStore::open(StoreLocation::sqliteFile(folder + "/store.sqlite"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::Missing);
    QVERIFY2(r.error().message().contains(folder), qPrintable(r.error().message()));
    QVERIFY(!QFileInfo::exists(m_temp->folder() + "/not"));
}

void TestStore::leftoverJournalIsNotReplayed()
{
    if (!m_temp->isSqlite())
        QSKIP("SQLite files only");
    // The store file is gone but its write-ahead log is not: a new store must not start on it.
    const QString path = m_temp->location().filePath();
    QFile wal(path + "-wal");
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.write(QByteArray(4096, '\x01'));
    wal.close();
    auto r = TrackedStore::open(m_temp->location());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::Missing);
    QVERIFY2(r.error().message().contains("journal"), qPrintable(r.error().message()));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(QFileInfo(path + "-wal").size(), 4096);
}

void TestStore::notADatabaseIsRefusedUntouched()
{
    if (!m_temp->isSqlite())
        QSKIP("SQLite files only");
    const QString path = m_temp->location().filePath();
    for (const QByteArray &content :
         {QByteArray("hello, this is a text file and no database\n").repeated(200),
          QByteArray(8192, '\x5a')}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        const QByteArray before = fileHash(path);
        auto r = TrackedStore::open(m_temp->location());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), StoreError::Kind::NotAStore);
        QVERIFY2(r.error().message().contains("not a peering-wizard store"),
                 qPrintable(r.error().message()));
        QCOMPARE(r.error().message().count(u'\n'), 0);
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFileInfo::exists(path + "-wal"));
    }
}

void TestStore::failingIntegrityCheckIsRefusedUntouched()
{
    if (!m_temp->isSqlite())
        QSKIP("SQLite files only");
    {
        OPEN(store, as("alice"));
        for (int i = 1; i <= 3; ++i)
            CHECK_OK(store->create(makeStoreOnboarding(i, 1, 1, 0)));
    }
    const int root = m_temp
                         ->scalar("SELECT rootpage FROM sqlite_master WHERE type = 'index' "
                                  "AND tbl_name = 'onboardings'")
                         .toInt();
    const int pageSize = m_temp->scalar("PRAGMA page_size").toInt();
    m_temp->closeRaw();
    QVERIFY(root > 1 && pageSize > 0);
    const QString path = m_temp->location().filePath();
    QVERIFY(!QFileInfo::exists(path + "-wal")); // checkpointed on close
    // Change a name inside the name index only: every page still reads, the index no longer
    // matches its table.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    const qsizetype page = qsizetype(root - 1) * pageSize;
    const qsizetype at = bytes.indexOf("Onboarding 000002", page);
    QVERIFY(at > page && at < page + pageSize);
    bytes[at + 16] = '7';
    f.seek(0);
    f.write(bytes);
    f.close();
    const QByteArray before = fileHash(path);

    auto r = TrackedStore::open(m_temp->location(), as("alice"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::Corrupt);
    QVERIFY2(r.error().message().contains("integrity_check")
                 && r.error().message().contains("damaged"),
             qPrintable(r.error().message()));
    QCOMPARE(fileHash(path), before);
}

void TestStore::foreignSqliteDatabaseIsRefused()
{
    if (!m_temp->isSqlite())
        QSKIP("SQLite files only");
    QCOMPARE(m_temp->exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, data BLOB)"), QString());
    m_temp->closeRaw();
    const QByteArray before = fileHash(m_temp->location().filePath());
    auto r = TrackedStore::open(m_temp->location());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::NotAStore);
    QCOMPARE(fileHash(m_temp->location().filePath()), before);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
