// The wizard with a PeeringDB cache (synced from the fake server on 127.0.0.1 into a temporary
// store): the metro picker grouped by country, the facility picker filtered by the peering's
// metro filling id and name together, "Common with my exchange", the peer name offered from
// net?asn=, and the lines shown without a cache.
#include "clirun.h"
#include "fakepeeringdb.h"
#include "tempstore.h"
#include "wizarddriver.h"

#include "connectiondialog.h"
#include "peerasnpage.h"
#include "peeringdbdialog.h"
#include "peeringdb/peeringdblookup.h"
#include "peeringdb/peeringdbapikey.h"
#include "peeringdb/peeringdbsettings.h"
#include "document/onboardingdocument.h"
#include "onboardingwizard.h"
#include "peeringdb/peeringdbcache.h"
#include "peeringdb/peeringdbchoices.h"
#include "peeringdb/peeringdbsync.h"
#include "store/onboardingstore.h"
#include "tracking/trackedstore.h"

#include <QApplication>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>

using namespace Peering;
using namespace Peering::TestSupport;

namespace {

Onboarding readSample(const char *name)
{
    const auto r = OnboardingDocument::readFile(QStringLiteral(PEERING_TEST_DATA_DIR "/")
                                                + QLatin1String(name));
    if (!r)
        qFatal("%s", qPrintable(r.error()));
    return *r;
}

} // namespace

class TestPeeringDbWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void choicesFromTheCache();
    void metroPickerGroupedByCountry();
    void withoutACacheTheFieldsAreTyped();
    void facilityPickerFillsIdAndName();
    void peerNameFromPeeringDb();
    void liveLookupOffersTheName();
    void liveLookupSaysWhenUnknownOrFailed();
    void dialogSyncsAndShowsTheLastSync();
    void dialogCancelLeavesTheCache();
    void dialogRefusesABadUrlAndKeepsSettings();
    void dialogSendsTheTypedKey();
    void dialogKeepsTheKeyInTheKeychain();

private:
    PeeringDbChoices m_choices;
};

namespace {

// A network with a public ASN (the sample's are documentation ASNs, never looked up).
QJsonObject publicNet(qint64 id, qint64 asn, const QString &name)
{
    return QJsonObject {{"id", id}, {"status", "ok"}, {"created", "2020-01-01T00:00:00Z"},
                        {"updated", "2024-01-01T00:00:00Z"}, {"org_id", 3000 + id},
                        {"name", name}, {"aka", ""}, {"name_long", ""},
                        {"website", "https://example.net/"}, {"asn", asn},
                        {"looking_glass", ""}, {"route_server", ""}, {"irr_as_set", ""},
                        {"info_type", "NSP"}, {"info_prefixes4", 10}, {"info_prefixes6", 1},
                        {"policy_general", "Open"}};
}

int requestsFor(const FakePeeringDb &server, const QString &object)
{
    int n = 0;
    for (const FakePeeringDb::Request &r : server.requests())
        n += r.object == object ? 1 : 0;
    return n;
}

struct OpenStore
{
    explicit OpenStore(const char *name)
        : temp(StoreLocation::Backend::Sqlite, QLatin1String(name))
    {
        if (!temp.reset())
            qFatal("cannot reset the store");
        StoreOptions o;
        o.userName = QStringLiteral("tester");
        auto opened = TrackedStore::open(temp.location(), o);
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message()));
        store = std::move(opened.value());
    }
    TempStore temp;
    std::unique_ptr<OnboardingStore> store;
};

} // namespace

void TestPeeringDbWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("peeringdb"));
    FakePeeringDb server;
    server.loadSample();
    TempStore temp(StoreLocation::Backend::Sqlite, QStringLiteral("tst_peeringdb_wizard"));
    QVERIFY(temp.reset());
    StoreOptions o;
    o.userName = QStringLiteral("tester");
    auto store = TrackedStore::open(temp.location(), o);
    QVERIFY2(store.ok(), qPrintable(store.error().message()));
    PeeringDbCache cache(**store);
    PeeringDbOptions options;
    options.baseUrl = QUrl(server.baseUrl());
    auto fetched = PeeringDbSync::fetch(options, PeeringDbSync::plan({}, {64500}));
    QVERIFY2(fetched.ok(), qPrintable(fetched.error()));
    QVERIFY(cache.apply(*fetched, QStringLiteral("tester")).ok());
    auto choices = cache.choices();
    QVERIFY2(choices.ok(), qPrintable(choices.error().message()));
    m_choices = *choices;
}

void TestPeeringDbWizard::choicesFromTheCache()
{
    QVERIFY(m_choices.available);
    QVERIFY(m_choices.lastSync.isValid());
    QCOMPARE(m_choices.facilities.size(), 5);
    QCOMPARE(m_choices.exchanges.size(), 2); // both share a facility with Microsoft
    QCOMPARE(m_choices.facilitiesOfExchange.value(10), (QList<qint64> {1}));
    QCOMPARE(m_choices.networkNames.value(64500), QStringLiteral("Example-IX Route Servers"));
    const auto countries = m_choices.metrosByCountry();
    QCOMPARE(countries.size(), 4);
    QCOMPARE(countries.at(0).country, QStringLiteral("DE"));
    QCOMPARE(countries.at(3).country, QStringLiteral("US"));
    QCOMPARE(countries.at(3).metros, (QStringList {"Ashburn"}));
    QCOMPARE(m_choices.facilitiesIn(QStringLiteral("ashburn")).size(), 2);
    QCOMPARE(m_choices.facilitiesIn(QStringLiteral("Amsterdam"), 10).size(), 1);
    QCOMPARE(m_choices.facilitiesIn(QStringLiteral("Amsterdam"), 20).size(), 0);
}

void TestPeeringDbWizard::metroPickerGroupedByCountry()
{
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.setPeeringDbChoices(m_choices);
    w.show();
    QVERIFY(w.goToField(QStringLiteral("peerings[0].metro")));
    auto *metro = child<QComboBox>(&w, "metroCombo");
    QVERIFY(metro);
    const QStringList expected {"Germany (DE)", "Frankfurt", "United Kingdom (GB)", "London",
                                "Netherlands (NL)", "Amsterdam", "United States (US)", "Ashburn"};
    QStringList items;
    for (int i = 0; i < metro->count(); ++i)
        items.append(metro->itemText(i));
    QCOMPARE(items, expected);
    auto *model = qobject_cast<QStandardItemModel *>(metro->model());
    QVERIFY(model);
    QVERIFY(!(model->item(0)->flags() & Qt::ItemIsEnabled)); // a country is a heading
    QVERIFY(model->item(1)->flags() & Qt::ItemIsEnabled);
    QCOMPARE(metro->currentText(), QStringLiteral("Amsterdam"));
    auto *line = child<QLabel>(&w, "peeringDbMetroLine");
    QVERIFY(line->text().contains(QStringLiteral("synced")));
    // Choosing a metro by keyboard edits the draft.
    chooseByKeyboard(metro, QStringLiteral("Ashburn"));
    QCOMPARE(w.draft().peerings.at(0).metro, QStringLiteral("Ashburn"));
}

void TestPeeringDbWizard::withoutACacheTheFieldsAreTyped()
{
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.show();
    QVERIFY(w.goToField(QStringLiteral("peerings[0].metro")));
    auto *metro = child<QComboBox>(&w, "metroCombo");
    QVERIFY(metro->findText(QStringLiteral("Tokyo")) >= 0); // the built-in list
    QVERIFY(child<QLabel>(&w, "peeringDbMetroLine")->text().contains(QStringLiteral("peeringdb sync")));

    ConnectionDialog d(readSample("clean.json"), 0, 0);
    QVERIFY(!child<QComboBox>(&d, "facilityPickerCombo")->isEnabled());
    QVERIFY(child<QLabel>(&d, "peeringDbFacilityLine")->text().contains(QStringLiteral("peeringdb sync")));
    QCOMPARE(child<QSpinBox>(&d, "facilityIdSpin")->value(), 62);
}

void TestPeeringDbWizard::facilityPickerFillsIdAndName()
{
    ConnectionDialog d(readSample("clean.json"), 0, 0); // Amsterdam
    d.setPeeringDbChoices(m_choices);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    auto *picker = child<QComboBox>(&d, "facilityPickerCombo");
    auto *common = child<QComboBox>(&d, "commonExchangeCombo");
    QVERIFY(picker->isEnabled());
    QCOMPARE(picker->count(), 2); // the prompt and Equinix AM5 (Nikhef is not Microsoft's)
    chooseByKeyboard(picker, QStringLiteral("Equinix AM5, Amsterdam (1)"));
    QCOMPARE(child<QSpinBox>(&d, "facilityIdSpin")->value(), 1);
    QCOMPARE(child<QLineEdit>(&d, "facilityNameEdit")->text(), QStringLiteral("Equinix AM5"));
    QCOMPARE(d.connection().peeringDbFacilityId, 1);
    QCOMPARE(d.connection().facilityName, QStringLiteral("Equinix AM5"));

    // Common with my exchange: Example-IX Frankfurt shares no Amsterdam facility with Microsoft.
    chooseByKeyboard(common, QStringLiteral("Example-IX Frankfurt (20)"));
    QCOMPARE(picker->count(), 1);
    QVERIFY(child<QLabel>(&d, "peeringDbFacilityLine")->text().contains(QStringLiteral("Example-IX Frankfurt")));
    chooseByKeyboard(common, QStringLiteral("Example-IX Amsterdam (10)"));
    QCOMPARE(picker->count(), 2);
    QCOMPARE(picker->itemData(1).toLongLong(), 1);
}

void TestPeeringDbWizard::peerNameFromPeeringDb()
{
    OnboardingWizard w;
    Onboarding o = readSample("clean.json");
    w.setDraft(o);
    w.setPeeringDbChoices(m_choices);
    w.show();
    QVERIFY(w.goToField(QStringLiteral("peerAsn.peerName")));
    auto *button = child<QPushButton>(&w, "peeringDbNameButton");
    QVERIFY(!button->isVisible()); // AS213999 is not in the cache
    typeInto(child<QLineEdit>(&w, "asnEdit"), QStringLiteral("64500"));
    QVERIFY(button->isVisible());
    QVERIFY(button->text().contains(QStringLiteral("Example-IX Route Servers")));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(&w, "peerNameEdit")->text(), QStringLiteral("Example-IX Route Servers"));
    QCOMPARE(w.draft().peerAsn.peerName, QStringLiteral("Example-IX Route Servers"));
    QVERIFY(!button->isVisible());
}

void TestPeeringDbWizard::liveLookupOffersTheName()
{
    FakePeeringDb server;
    server.loadSample();
    server.addRow(QStringLiteral("net"), publicNet(950, 196615, QStringLiteral("Real Transit AB")));
    PeeringDbOptions options;
    options.baseUrl = QUrl(server.baseUrl());
    PeeringDbLookup lookup(options);
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.setPeeringDbChoices(m_choices);
    w.setPeeringDbLookup(&lookup);
    w.show();
    QVERIFY(w.goToField(QStringLiteral("peerAsn.peerName")));
    auto *button = child<QPushButton>(&w, "peeringDbNameButton");
    auto *asn = child<QLineEdit>(&w, "asnEdit");
    asn->selectAll();
    QTest::keyClick(asn, Qt::Key_Backspace);
    QTest::keyClicks(asn, QStringLiteral("196615"));
    // Asked once, after the pause in typing, not per keystroke.
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), 5000);
    QVERIFY2(button->text().contains(QStringLiteral("Real Transit AB")), qPrintable(button->text()));
    QCOMPARE(requestsFor(server, QStringLiteral("net")), 1);
    const FakePeeringDb::Request asked = server.requests().constLast();
    QCOMPARE(asked.query.queryItemValue(QStringLiteral("asn")), QStringLiteral("196615"));
    QCOMPARE(asked.query.queryItemValue(QStringLiteral("depth")), QStringLiteral("0"));
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(w.draft().peerAsn.peerName, QStringLiteral("Real Transit AB"));

    // The answer is remembered: the same ASN again asks nothing.
    typeInto(asn, QStringLiteral("213999"));
    typeInto(asn, QStringLiteral("196615"));
    QTest::qWait(PeerAsnPage::LookupPauseMs + 300);
    // 213999 was typed but replaced before the pause ended: not asked either.
    QCOMPARE(requestsFor(server, QStringLiteral("net")), 1);

    // A private ASN is never in PeeringDB: not asked.
    typeInto(asn, QStringLiteral("4200000001"));
    QTest::qWait(PeerAsnPage::LookupPauseMs + 300);
    QCOMPARE(requestsFor(server, QStringLiteral("net")), 1);
    QVERIFY(!child<QLabel>(&w, "peeringDbLookupNote")->isVisible());
}

void TestPeeringDbWizard::liveLookupSaysWhenUnknownOrFailed()
{
    FakePeeringDb server;
    server.loadSample();
    PeeringDbOptions options;
    options.baseUrl = QUrl(server.baseUrl());
    options.idleTimeoutMs = 2000;
    options.requestTimeoutMs = 3000;
    PeeringDbLookup lookup(options);
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.setPeeringDbChoices(m_choices);
    w.setPeeringDbLookup(&lookup);
    w.show();
    QVERIFY(w.goToField(QStringLiteral("peerAsn.peerName")));
    auto *note = child<QLabel>(&w, "peeringDbLookupNote");
    auto *button = child<QPushButton>(&w, "peeringDbNameButton");
    typeInto(child<QLineEdit>(&w, "asnEdit"), QStringLiteral("196616"));
    QTRY_VERIFY_WITH_TIMEOUT(note->isVisible()
                                 && note->text().contains(QStringLiteral("no network")),
                             5000);
    QVERIFY2(note->text().contains(QStringLiteral("AS196616")), qPrintable(note->text()));
    QVERIFY(!button->isVisible());

    server.misbehave(FakePeeringDb::Misbehaviour::ServerError, QStringLiteral("net"));
    typeInto(child<QLineEdit>(&w, "asnEdit"), QStringLiteral("196617"));
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(QStringLiteral("could not be asked")), 8000);
    QVERIFY2(note->text().contains(QStringLiteral("500")), qPrintable(note->text()));
    QVERIFY(note->text().contains(QStringLiteral("type the peer name yourself")));
    QVERIFY(!button->isVisible());
}

void TestPeeringDbWizard::dialogSyncsAndShowsTheLastSync()
{
    FakePeeringDb server;
    server.loadSample();
    OpenStore s("tst_peeringdb_wizard_dialog");
    PeeringDbDialog dialog(*s.store);
    dialog.show();
    auto *last = child<QLabel>(&dialog, "lastSyncLabel");
    QVERIFY2(last->text().contains(QStringLiteral("Never synced")), qPrintable(last->text()));
    typeInto(child<QLineEdit>(&dialog, "peeringDbUrlEdit"), server.baseUrl());
    QSignalSpy finished(&dialog, &PeeringDbDialog::syncFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, "syncButton"), Qt::LeftButton);
    QVERIFY(dialog.isSyncing());
    QVERIFY(child<QProgressBar>(&dialog, "syncProgress")->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "cancelSyncButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, "syncButton")->isEnabled());
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), true);
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Synced:")),
             qPrintable(dialog.statusText()));
    QVERIFY2(last->text().contains(QStringLiteral("Last synced")), qPrintable(last->text()));
    QVERIFY(last->text().contains(server.baseUrl()));
    QVERIFY(!child<QProgressBar>(&dialog, "syncProgress")->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "syncButton")->isEnabled());
    auto facilities = PeeringDbCache(*s.store).microsoftFacilities();
    QVERIFY(facilities.ok());
    QCOMPARE(facilities->size(), 5);
    // Synced from the window, nothing of the URL was saved yet (Cancel keeps the settings).
    dialog.reject();
    QVERIFY(!QSettings().contains(QLatin1String(PeeringDbSettings::BaseUrlKey)));
}

void TestPeeringDbWizard::dialogCancelLeavesTheCache()
{
    FakePeeringDb server;
    server.loadSample();
    server.misbehave(FakePeeringDb::Misbehaviour::NeverAnswers, QStringLiteral("ixfac"));
    OpenStore s("tst_peeringdb_wizard_cancel");
    PeeringDbDialog dialog(*s.store);
    dialog.show();
    typeInto(child<QLineEdit>(&dialog, "peeringDbUrlEdit"), server.baseUrl());
    QSignalSpy finished(&dialog, &PeeringDbDialog::syncFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, "syncButton"), Qt::LeftButton);
    // fac and ix arrive, then ixfac never answers: the bar stands at the second of eight.
    auto *bar = child<QProgressBar>(&dialog, "syncProgress");
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() >= 1, 10000);
    QCOMPARE(bar->maximum(), 8);
    QTest::mouseClick(child<QPushButton>(&dialog, "cancelSyncButton"), Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    QVERIFY2(dialog.statusText().contains(QStringLiteral("cancelled")),
             qPrintable(dialog.statusText()));
    QVERIFY(dialog.statusText().contains(QStringLiteral("left as it was")));
    auto state = PeeringDbCache(*s.store).state();
    QVERIFY(state.ok());
    QVERIFY(state->isEmpty()); // nothing of fac or ix was written
    QVERIFY(child<QPushButton>(&dialog, "syncButton")->isEnabled());
}

void TestPeeringDbWizard::dialogRefusesABadUrlAndKeepsSettings()
{
    OpenStore s("tst_peeringdb_wizard_settings");
    {
        PeeringDbDialog dialog(*s.store);
        dialog.show();
        auto *url = child<QLineEdit>(&dialog, "peeringDbUrlEdit");
        typeInto(url, QStringLiteral("ftp://mirror.example/api"));
        dialog.accept();
        QVERIFY(dialog.isVisible()); // not closed
        auto *problem = child<QLabel>(&dialog, "peeringDbProblem");
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().startsWith(QStringLiteral("Base URL:")), qPrintable(problem->text()));
        QVERIFY(problem->text().contains(QStringLiteral("ftp://mirror.example/api")));
        QVERIFY(!QSettings().contains(QLatin1String(PeeringDbSettings::BaseUrlKey)));
        // Sync Now refuses it the same way, asking nothing.
        QTest::mouseClick(child<QPushButton>(&dialog, "syncButton"), Qt::LeftButton);
        QVERIFY(!dialog.isSyncing());

        typeInto(url, QStringLiteral("http://127.0.0.1:9/api"));
        auto *rate = child<QSpinBox>(&dialog, "peeringDbRateSpin");
        QCOMPARE(rate->value(), 0);
        QVERIFY(rate->text().contains(QStringLiteral("PeeringDB's limit")));
        rate->setFocus();
        rate->selectAll();
        QTest::keyClicks(rate, QStringLiteral("120"));
        QCOMPARE(rate->value(), 120);
        dialog.accept();
        QVERIFY(!dialog.isVisible());
    }
    const PeeringDbOptions saved = PeeringDbSettings::load();
    QCOMPARE(saved.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9/api")));
    QCOMPARE(saved.requestsPerMinute, 120);
    {
        PeeringDbDialog dialog(*s.store);
        QCOMPARE(child<QLineEdit>(&dialog, "peeringDbUrlEdit")->text(),
                 QStringLiteral("http://127.0.0.1:9/api"));
        QCOMPARE(child<QSpinBox>(&dialog, "peeringDbRateSpin")->value(), 120);
        // Emptied: back to the real service, and the key is removed from the settings.
        child<QLineEdit>(&dialog, "peeringDbUrlEdit")->clear();
        child<QSpinBox>(&dialog, "peeringDbRateSpin")->setValue(0);
        QVERIFY(dialog.save());
    }
    QVERIFY(!QSettings().contains(QLatin1String(PeeringDbSettings::BaseUrlKey)));
    QVERIFY(!QSettings().contains(QLatin1String(PeeringDbSettings::RequestsPerMinuteKey)));
    QCOMPARE(PeeringDbSettings::load().baseUrl,
             QUrl(QLatin1String(PeeringDbOptions::DefaultBaseUrl)));
}

void TestPeeringDbWizard::dialogSendsTheTypedKey()
{
    FakePeeringDb server;
    server.loadSample();
    server.requireApiKey("k3y-for-tests");
    OpenStore s("tst_peeringdb_wizard_key");
    PeeringDbDialog dialog(*s.store);
    dialog.show();
    typeInto(child<QLineEdit>(&dialog, "peeringDbUrlEdit"), server.baseUrl());
    auto *key = child<QLineEdit>(&dialog, "peeringDbKeyEdit");
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    typeInto(key, QStringLiteral("wrong-key"));
    QSignalSpy finished(&dialog, &PeeringDbDialog::syncFinished);
    QTest::mouseClick(child<QPushButton>(&dialog, "syncButton"), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.takeFirst().constFirst().toBool(), false);
    QVERIFY2(dialog.statusText().contains(QStringLiteral("401")), qPrintable(dialog.statusText()));
    QVERIFY(!dialog.statusText().contains(QStringLiteral("wrong-key")));

    typeInto(key, QStringLiteral("k3y-for-tests"));
    QTest::mouseClick(child<QPushButton>(&dialog, "syncButton"), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.takeFirst().constFirst().toBool(), true);
    QCOMPARE(server.requests().constLast().headers.value("authorization"),
             QByteArray("Api-Key k3y-for-tests"));
    // Never in the settings.
    for (const QString &k : QSettings().allKeys())
        QVERIFY(!QSettings().value(k).toString().contains(QStringLiteral("k3y-for-tests")));
}

void TestPeeringDbWizard::dialogKeepsTheKeyInTheKeychain()
{
    // Run twice by CTest: in a private keyring (support/with-keyring.sh, PEERING_TEST_KEYRING=1),
    // where the key is kept, used by the next dialog and by the command line, and removed; and
    // without a session bus, where the dialog says the key is for this sync only.
    const bool keyring = qEnvironmentVariableIntValue("PEERING_TEST_KEYRING") == 1;
    const QString secret = QStringLiteral("k3y-kept-%1").arg(QCoreApplication::applicationPid());
    FakePeeringDb server;
    server.loadSample();
    server.requireApiKey(secret.toUtf8());
    OpenStore s("tst_peeringdb_wizard_keychain");
    {
        PeeringDbDialog dialog(*s.store);
        dialog.show();
        auto *state = child<QLabel>(&dialog, "keyStateLabel");
        QVERIFY2(state->text().contains(QStringLiteral("No key in the keychain")),
                 qPrintable(state->text()));
        QVERIFY(!child<QPushButton>(&dialog, "removeKeyButton")->isEnabled());
        typeInto(child<QLineEdit>(&dialog, "peeringDbUrlEdit"), server.baseUrl());
        auto *key = child<QLineEdit>(&dialog, "peeringDbKeyEdit");
        typeInto(key, secret);
        QTest::mouseClick(child<QPushButton>(&dialog, "saveKeyButton"), Qt::LeftButton);
        if (!keyring) {
            QVERIFY2(state->text().contains(QStringLiteral("could not be kept in the keychain")),
                     qPrintable(state->text()));
            QVERIFY(!state->text().contains(secret));
            // The typed key still serves this sync.
            QSignalSpy finished(&dialog, &PeeringDbDialog::syncFinished);
            QTest::mouseClick(child<QPushButton>(&dialog, "syncButton"), Qt::LeftButton);
            QVERIFY(finished.wait(15000));
            QVERIFY2(finished.takeFirst().constFirst().toBool(), qPrintable(dialog.statusText()));
            return;
        }
        QVERIFY2(state->text().contains(QStringLiteral("A key is in the keychain")),
                 qPrintable(state->text()));
        QVERIFY(key->text().isEmpty());
        QVERIFY(child<QPushButton>(&dialog, "removeKeyButton")->isEnabled());
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    }
    const Result<QString> kept = PeeringDbApiKey::read();
    QVERIFY2(kept, qPrintable(kept.error()));
    QCOMPARE(kept.value(), secret);
    QCOMPARE(PeeringDbSettings::loadWithKey().apiKey, secret);
    for (const QString &k : QSettings().allKeys())
        QVERIFY(!QSettings().value(k).toString().contains(secret));

    // A new dialog syncs with the kept key, nothing typed.
    {
        PeeringDbDialog dialog(*s.store);
        dialog.show();
        QVERIFY(child<QLineEdit>(&dialog, "peeringDbKeyEdit")->text().isEmpty());
        QVERIFY2(child<QLabel>(&dialog, "keyStateLabel")->text().contains(
                     QStringLiteral("A key is in the keychain")),
                 qPrintable(child<QLabel>(&dialog, "keyStateLabel")->text()));
        QSignalSpy finished(&dialog, &PeeringDbDialog::syncFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "syncButton"), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QVERIFY2(finished.takeFirst().constFirst().toBool(), qPrintable(dialog.statusText()));
        QCOMPARE(server.requests().constLast().headers.value("authorization"),
                 QByteArray("Api-Key ") + secret.toUtf8());
        QVERIFY(!dialog.statusText().contains(secret));
    }

    // The command line finds it too, without --api-key-env.
    server.clearRequests();
    const CliRun cli = runCli(QStringLiteral(PEERING_WIZARD_BIN),
                              {QStringLiteral("peeringdb"), QStringLiteral("sync"),
                               QStringLiteral("--url"), server.baseUrl(), QStringLiteral("--store"),
                               s.temp.location().displayString()});
    QVERIFY2(cli.exitCode == 0, cli.err.constData());
    QVERIFY(!server.requests().isEmpty());
    QCOMPARE(server.requests().constFirst().headers.value("authorization"),
             QByteArray("Api-Key ") + secret.toUtf8());
    QVERIFY(!cli.out.contains(secret.toUtf8()) && !cli.err.contains(secret.toUtf8()));

    // Removed: the keychain no longer has it, and the dialog says requests are anonymous.
    {
        PeeringDbDialog dialog(*s.store);
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "removeKeyButton"), Qt::LeftButton);
        QVERIFY2(child<QLabel>(&dialog, "keyStateLabel")->text().contains(
                     QStringLiteral("No key in the keychain")),
                 qPrintable(child<QLabel>(&dialog, "keyStateLabel")->text()));
    }
    QVERIFY(!PeeringDbApiKey::read());
}

QTEST_MAIN(TestPeeringDbWizard)
#include "tst_peeringdb_wizard.moc"
