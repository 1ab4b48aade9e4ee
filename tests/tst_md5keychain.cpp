// MD5 keys kept in a real keychain (gnome-keyring's Secret Service in a private D-Bus session,
// support/with-keyring.sh) rather than lost: typed, created, stored without the key, read back
// from the keychain, exported with --include-secrets, summarised truthfully, changed, cleared,
// renamed, removed, imported; and, with no keychain at all, dropped with the reason said at the
// moment it happens (the connection dialog, the save's outcome, the import's output).
#include "clirun.h"
#include "connectiondialog.h"
#include "document/onboardingdocument.h"
#include "export/reviewreport.h"
#include "store/md5keychain.h"
#include "store/onboardingstore.h"
#include "tempstore.h"
#include "tracking/trackedstore.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QTimeZone>

using namespace Peering;
using namespace Peering::TestSupport;

namespace {

constexpr const char *AmsId = "6b1f0c52-3d8e-4a71-9f2a-0c4e5d6f7a81";

Onboarding clean()
{
    auto r = OnboardingDocument::readFile(QStringLiteral(PEERING_TEST_DATA_DIR "/clean.json"));
    if (!r)
        qFatal("clean.json: %s", qPrintable(r.error()));
    return r.value();
}

// clean.json as exported without its keys.
Onboarding cleanWithoutKeys()
{
    Onboarding o = clean();
    for (PeeringResource &p : o.peerings)
        for (Connection &c : p.connections)
            c.bgp.md5Key.clear();
    return o;
}

QString md5Of(const Onboarding &o, int peering = 0, int connection = 0)
{
    return o.peerings.at(peering).connections.at(connection).bgp.md5Key;
}

QString sessionsTable(const Onboarding &o, bool secrets)
{
    ExportOptions options;
    options.includeSecrets = secrets;
    options.now = QDateTime(QDate(2026, 11, 22), QTime(10, 30), QTimeZone::utc());
    return ReviewReport::build(o, options).toMarkdown();
}

bool noBus()
{
    return qgetenv("DBUS_SESSION_BUS_ADDRESS").startsWith("unix:path=/nonexistent");
}

} // namespace

class TestMd5Keychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void keptInTheKeychainNotTheStore();
    void changedClearedRenamedRemoved();
    void otherSavesLeaveTheKeyAlone();
    void commandLineImportAndExport();
    void noKeychainIsSaidWhenTheKeyWouldBeDropped();

private:
    std::unique_ptr<OnboardingStore> open();
    std::unique_ptr<TempStore> m_temp;
};

void TestMd5Keychain::init()
{
    Md5Keychain::clearCache();
    m_temp = std::make_unique<TempStore>(StoreLocation::Backend::Sqlite, QStringLiteral("md5"));
    QVERIFY2(m_temp->reset(), qPrintable(m_temp->reason()));
}

std::unique_ptr<OnboardingStore> TestMd5Keychain::open()
{
    auto opened = TrackedStore::open(m_temp->location());
    if (!opened)
        qFatal("%s", qPrintable(opened.error().message()));
    return opened.takeValue();
}

void TestMd5Keychain::keptInTheKeychainNotTheStore()
{
    if (noBus())
        QSKIP("the keychain cases run under support/with-keyring.sh");
    QString reason;
    QVERIFY2(Md5Keychain::available(&reason), qPrintable(reason));
    auto store = open();
    const Onboarding typed = clean();
    QCOMPARE(md5Of(typed), QStringLiteral("s3cret-ams"));
    // Typed, not yet saved: in this document only.
    QVERIFY(sessionsTable(typed, false).contains(QStringLiteral("set (not shown)")));

    const auto created = store->create(typed);
    QVERIFY2(created, qPrintable(created.error().message()));
    QCOMPARE(created->secrets.kept, 1);
    QCOMPARE(created->secrets.dropped, 0);
    // The caller's copy keeps its key, now known to be in the keychain.
    QCOMPARE(md5Of(created->onboarding), QStringLiteral("s3cret-ams"));
    QVERIFY(created->onboarding.peerings[0].connections[0].bgp.md5InKeychain);
    // The store's file holds no key.
    const QString document = m_temp->scalar(QStringLiteral("SELECT document FROM onboarding_documents")).toString();
    QVERIFY(!document.isEmpty());
    QVERIFY(!document.contains(QStringLiteral("s3cret-ams")));
    QFile file(m_temp->location().filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("s3cret-ams"));

    // Loaded again, in a new process as far as the cache goes: the keychain gives it back.
    Md5Keychain::clearCache();
    const auto loaded = open()->load(typed.name);
    QVERIFY(loaded);
    QCOMPARE(md5Of(loaded->onboarding), QStringLiteral("s3cret-ams"));
    QVERIFY(loaded->onboarding.peerings[0].connections[0].bgp.md5InKeychain);
    QCOMPARE(md5Of(loaded->onboarding, 1), QString()); // Frankfurt has none
    const QString summary = sessionsTable(loaded->onboarding, false);
    QVERIFY2(summary.contains(QStringLiteral("| set (in the keychain) |")), qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("| not set |")));
    QVERIFY(!summary.contains(QStringLiteral("s3cret-ams")));
    QVERIFY(sessionsTable(loaded->onboarding, true).contains(QStringLiteral("| s3cret-ams |")));
}

void TestMd5Keychain::changedClearedRenamedRemoved()
{
    if (noBus())
        QSKIP("the keychain cases run under support/with-keyring.sh");
    auto store = open();
    auto stored = store->create(clean());
    QVERIFY(stored);

    // A new key replaces the kept one.
    StoredOnboarding edited = stored.value();
    edited.onboarding.peerings[0].connections[0].bgp.md5Key = QStringLiteral("n3w-key");
    edited.onboarding.peerings[0].connections[0].bgp.md5InKeychain = false;
    edited.onboarding.peerings[1].connections[0].bgp.md5Key = QStringLiteral("fra-key");
    auto saved = store->save(edited);
    QVERIFY2(saved, qPrintable(saved.error().message()));
    QCOMPARE(saved->secrets.kept, 2);
    Md5Keychain::clearCache();
    auto loaded = store->load(edited.onboarding.name);
    QCOMPARE(md5Of(loaded->onboarding), QStringLiteral("n3w-key"));
    QCOMPARE(md5Of(loaded->onboarding, 1), QStringLiteral("fra-key"));

    // Cleared in the dialog: removed from the keychain, the other stays.
    edited = loaded.value();
    edited.onboarding.peerings[0].connections[0].bgp.md5Key.clear(); // md5InKeychain stays set
    QVERIFY(store->save(edited));
    Md5Keychain::clearCache();
    loaded = store->load(edited.onboarding.name);
    QCOMPARE(md5Of(loaded->onboarding), QString());
    QCOMPARE(md5Of(loaded->onboarding, 1), QStringLiteral("fra-key"));

    // Renamed: the keys move with it.
    edited = loaded.value();
    edited.onboarding.name = QStringLiteral("Example-IX to Microsoft (renamed)");
    QVERIFY(store->save(edited));
    Md5Keychain::clearCache();
    loaded = store->load(edited.onboarding.name);
    QVERIFY(loaded);
    QCOMPARE(md5Of(loaded->onboarding, 1), QStringLiteral("fra-key"));
    Onboarding oldName = cleanWithoutKeys();
    QCOMPARE(Md5Keychain::fill(oldName), 0); // nothing left under the old name

    // Removed: its keys go.
    QVERIFY(store->remove(loaded->onboarding.name, loaded->version));
    Md5Keychain::clearCache();
    Onboarding gone = loaded->onboarding;
    gone.peerings[1].connections[0].bgp.md5Key.clear();
    QCOMPARE(Md5Keychain::fill(gone), 0);
}

// Saves that never saw the key (a customer ASN registered, a file without keys imported with
// --replace) do not remove it; autosaves that change no key make no keychain call.
void TestMd5Keychain::otherSavesLeaveTheKeyAlone()
{
    if (noBus())
        QSKIP("the keychain cases run under support/with-keyring.sh");
    auto store = open();
    auto stored = store->create(clean());
    QVERIFY(stored);
    RegisteredAsn asn;
    asn.name = QStringLiteral("Northwind Traders");
    asn.asn = QStringLiteral("397100");
    asn.peering = stored->onboarding.peerings[0].name;
    QVERIFY(store->registerCustomerAsn(stored->onboarding.name, asn, stored->version));
    const Onboarding withoutKeys = cleanWithoutKeys();
    const auto replaced = store->importDocuments({withoutKeys}, true);
    QVERIFY(replaced);
    QCOMPARE(replaced->at(0).secretsKept, 0);
    Md5Keychain::clearCache();
    QCOMPARE(md5Of(store->load(withoutKeys.name)->onboarding), QStringLiteral("s3cret-ams"));
    // A draft keeps the key too, so a crash loses none.
    const auto draft = store->saveDraft(QStringLiteral("d1"), clean(), 0);
    QVERIFY(draft);
    QCOMPARE(draft->secrets.kept, 1);
}

void TestMd5Keychain::commandLineImportAndExport()
{
    if (noBus())
        QSKIP("the keychain cases run under support/with-keyring.sh");
    const QString url = m_temp->location().displayString();
    const CliRun imported = runCli(QStringLiteral(PEERING_WIZARD_BIN),
                                   {QStringLiteral("import"), QStringLiteral(PEERING_TEST_DATA_DIR "/clean.json"),
                                    QStringLiteral("--store"), url});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains("1 MD5 key moved to the desktop keychain"), imported.out.constData());
    QVERIFY2(imported.err.isEmpty(), imported.err.constData());
    const auto exportAs = [&url](const QStringList &extra) {
        return runCli(QStringLiteral(PEERING_WIZARD_BIN),
                      QStringList {QStringLiteral("export"), QStringLiteral("--name"),
                                   QStringLiteral("Example-IX to Microsoft"), QStringLiteral("--store"), url,
                                   QStringLiteral("--format")}
                          + extra);
    };
    const CliRun withKeys = exportAs({QStringLiteral("arm"), QStringLiteral("--include-secrets")});
    QCOMPARE(withKeys.exitCode, 0);
    QVERIFY2(withKeys.out.contains("\"md5AuthenticationKey\": \"s3cret-ams\""), withKeys.out.constData());
    const CliRun summary = exportAs({QStringLiteral("markdown")});
    QCOMPARE(summary.exitCode, 0);
    QVERIFY(summary.out.contains("| set (in the keychain) |"));
    QVERIFY(!summary.out.contains("s3cret-ams"));
    QVERIFY(summary.err.contains("1 MD5 key left out"));
}

// Run as its own test, tst_md5keychain_without_keychain, with no session bus at all (a process
// that has talked to a keychain keeps its connection).
void TestMd5Keychain::noKeychainIsSaidWhenTheKeyWouldBeDropped()
{
    if (!noBus())
        QSKIP("runs as tst_md5keychain_without_keychain, without a session bus");
    Md5Keychain::clearCache();
    QString reason;
    QVERIFY(!Md5Keychain::available(&reason));
    QVERIFY2(reason.startsWith(QLatin1String("the desktop keychain is not available")), qPrintable(reason));

    // In the dialog, as the key is typed.
    Onboarding o = clean();
    o.peerings[0].connections[0].bgp.md5Key.clear();
    ConnectionDialog dialog(o, 0, 0);
    dialog.show();
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("md5KeychainNote"));
    QVERIFY(note);
    QVERIFY(!note->isVisible());
    QLineEdit *md5 = nullptr;
    for (QLineEdit *e : dialog.findChildren<QLineEdit *>())
        if (e->accessibleName() == QLatin1String("MD5 key"))
            md5 = e;
    QVERIFY(md5);
    md5->setFocus();
    QTest::keyClicks(md5, QStringLiteral("typed-key"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("will not be kept")) && note->text().contains(reason),
             qPrintable(note->text()));
    QCOMPARE(dialog.connection().bgp.md5Key, QStringLiteral("typed-key"));
    md5->clear();
    QVERIFY(!note->isVisible());

    // The save says how many were dropped and why; the caller's copy has no key it would think kept.
    auto store = open();
    const auto created = store->create(clean());
    QVERIFY(created);
    QCOMPARE(created->secrets.kept, 0);
    QCOMPARE(created->secrets.dropped, 1);
    QCOMPARE(created->secrets.reason, reason);
    QCOMPARE(md5Of(created->onboarding), QString());
    QVERIFY(sessionsTable(created->onboarding, false).contains(QStringLiteral("| not set |")));

    // The command line says it too.
    TempStore other(StoreLocation::Backend::Sqlite, QStringLiteral("md5-cli"));
    QVERIFY(other.reset());
    const CliRun imported = runCli(QStringLiteral(PEERING_WIZARD_BIN),
                                   {QStringLiteral("import"), QStringLiteral(PEERING_TEST_DATA_DIR "/clean.json"),
                                    QStringLiteral("--store"), other.location().displayString()});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.err.contains("1 MD5 key not kept: the desktop keychain is not available"),
             imported.err.constData());
}

QTEST_MAIN(TestMd5Keychain)
#include "tst_md5keychain.moc"
