// The wizard with a PeeringDB cache (synced from the fake server on 127.0.0.1 into a temporary
// store): the metro picker grouped by country, the facility picker filtered by the peering's
// metro filling id and name together, "Common with my exchange", the peer name offered from
// net?asn=, and the lines shown without a cache.
#include "fakepeeringdb.h"
#include "tempstore.h"
#include "wizarddriver.h"

#include "connectiondialog.h"
#include "document/onboardingdocument.h"
#include "onboardingwizard.h"
#include "peeringdb/peeringdbcache.h"
#include "peeringdb/peeringdbchoices.h"
#include "peeringdb/peeringdbsync.h"
#include "store/onboardingstore.h"
#include "tracking/trackedstore.h"

#include <QApplication>
#include <QComboBox>
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

private:
    PeeringDbChoices m_choices;
};

void TestPeeringDbWizard::initTestCase()
{
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

QTEST_MAIN(TestPeeringDbWizard)
#include "tst_peeringdb_wizard.moc"
