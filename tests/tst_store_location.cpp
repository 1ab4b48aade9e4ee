// StoreLocation: parsing --store values, the default location, and display strings that never
// carry a password. Also the store's answer for a server that is not there.
#include "tracking/trackedstore.h"
#include "store/onboardingstore.h"
#include "store/storelocation.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Peering;

class TestStoreLocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void defaultLocationIsPerUser();
    void settingsChooseTheStore();
    void unreachableServerIsOneError();
};

void TestStoreLocation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("peering-wizard");
    QCoreApplication::setApplicationName("peering-wizard");
}

void TestStoreLocation::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("sqlite");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("display");

    QTest::newRow("plain path") << "/tmp/x/store.sqlite" << true << "/tmp/x/store.sqlite"
                                << "" << 0 << ""
                                << ""
                                << "sqlite:/tmp/x/store.sqlite";
    QTest::newRow("sqlite:") << "sqlite:/var/tmp/a.sqlite" << true << "/var/tmp/a.sqlite"
                             << "" << 0 << ""
                             << ""
                             << "sqlite:/var/tmp/a.sqlite";
    QTest::newRow("sqlite://") << "sqlite:///var/tmp/a.sqlite" << true << "/var/tmp/a.sqlite"
                               << "" << 0 << ""
                               << ""
                               << "sqlite:/var/tmp/a.sqlite";
    QTest::newRow("relative") << "sqlite:rel/a.sqlite" << true
                              << QDir::current().absoluteFilePath("rel/a.sqlite") << "" << 0 << ""
                              << ""
                              << "sqlite:" + QDir::current().absoluteFilePath("rel/a.sqlite");
    QTest::newRow("postgresql") << "postgresql://ix@db.example.net:6543/peering" << false << ""
                                << "db.example.net" << 6543 << "ix"
                                << "peering"
                                << "postgresql://ix@db.example.net:6543/peering";
    QTest::newRow("default port") << "postgres://ix@db.example.net/peering" << false << ""
                                  << "db.example.net" << 5432 << "ix"
                                  << "peering"
                                  << "postgresql://ix@db.example.net:5432/peering";
    QTest::newRow("options") << "postgresql://ix@10.0.0.5:5432/peering?sslmode=require" << false
                             << ""
                             << "10.0.0.5" << 5432 << "ix"
                             << "peering"
                             << "postgresql://ix@10.0.0.5:5432/peering"; // options never shown
    QTest::newRow("ipv6") << "postgresql://ix@[2001:db8::5]:5432/peering" << false << ""
                          << "2001:db8::5" << 5432 << "ix"
                          << "peering"
                          << "postgresql://ix@[2001:db8::5]:5432/peering";
}

void TestStoreLocation::parses()
{
    QFETCH(QString, text);
    QFETCH(bool, sqlite);
    QFETCH(QString, file);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, database);
    QFETCH(QString, display);
    Result<StoreLocation> r = StoreLocation::parse(text);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->isSqlite(), sqlite);
    QVERIFY(!r->isDefault());
    if (sqlite) {
        QCOMPARE(r->filePath(), file);
    } else {
        QCOMPARE(r->host(), host);
        QCOMPARE(r->port(), port);
        QCOMPARE(r->userName(), user);
        QCOMPARE(r->databaseName(), database);
    }
    QCOMPARE(r->displayString(), display);
}

void TestStoreLocation::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("password") << "postgresql://ix:hunter2@db.example.net/peering"
                              << "password";
    QTest::newRow("password option") << "postgresql://ix@db.example.net/peering?password=hunter2"
                                     << "password";
    QTest::newRow("no database") << "postgresql://ix@db.example.net/"
                                 << "no database";
    QTest::newRow("no host") << "postgresql:///peering"
                             << "no host";
    QTest::newRow("other scheme") << "mysql://ix@db/peering"
                                  << "neither";
    QTest::newRow("empty sqlite") << "sqlite:"
                                  << "no file";
    // A value that adds a word of its own to libpq's "key=value" list.
    QTest::newRow("smuggled password") << "postgresql://ix@db/peering?connect_timeout=5%20password=hunter2"
                                       << "option connect_timeout has a value that is not allowed (a whole number";
    QTest::newRow("smuggled in a text option") << "postgresql://ix@db/peering?application_name=x%20password=hunter2"
                                               << "option application_name has a value that is not allowed";
    QTest::newRow("quote") << "postgresql://ix@db/peering?sslrootcert=/a'hunter2" << "not allowed";
    QTest::newRow("sslpassword") << "postgresql://ix@db/peering?sslpassword=hunter2" << "secret (sslpassword)";
    QTest::newRow("passfile") << "postgresql://ix@db/peering?passfile=/tmp/hunter2" << "secret (passfile)";
    QTest::newRow("PASSWORD in capitals") << "postgresql://ix@db/peering?PASSWORD=hunter2" << "secret";
    QTest::newRow("unknown option") << "postgresql://ix@db/peering?options=-c%20hunter2" << "option \"options\" that is not one of";
    QTest::newRow("secret as a key") << "postgresql://ix@db/peering?hunter2=1" << "an option that is not one of";
    QTest::newRow("empty value") << "postgresql://ix@db/peering?sslmode=" << "not allowed";
}

void TestStoreLocation::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    Result<StoreLocation> r = StoreLocation::parse(text);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(reason), qPrintable(r.error()));
    QVERIFY2(!r.error().contains("hunter2"), "the password never shows");
}

void TestStoreLocation::defaultLocationIsPerUser()
{
    const StoreLocation l = StoreLocation::defaultLocation();
    QVERIFY(l.isSqlite());
    QVERIFY(l.isDefault());
    QCOMPARE(l.filePath(),
             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                 + "/onboardings.sqlite");
    QVERIFY(l.filePath().contains("peering-wizard"));
    Result<StoreLocation> empty = StoreLocation::parse("");
    QVERIFY(empty.ok());
    QVERIFY(empty->isDefault());
}

void TestStoreLocation::settingsChooseTheStore()
{
    QSettings settings;
    settings.setValue(QLatin1String(StoreLocation::SettingsKey),
                      "postgresql://team@db.example.net/ix");
    settings.sync();
    Result<StoreLocation> fromSettings = StoreLocation::resolve(QString());
    QVERIFY2(fromSettings.ok(), qPrintable(fromSettings.error()));
    QCOMPARE(fromSettings->databaseName(), QStringLiteral("ix"));
    Result<StoreLocation> fromCommandLine = StoreLocation::resolve("/tmp/cli.sqlite");
    QVERIFY(fromCommandLine.ok());
    QCOMPARE(fromCommandLine->filePath(), QStringLiteral("/tmp/cli.sqlite"));
    settings.setValue(QLatin1String(StoreLocation::SettingsKey), "postgresql://a:b@h/d");
    settings.sync();
    Result<StoreLocation> bad = StoreLocation::resolve(QString());
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().contains(QLatin1String(StoreLocation::SettingsKey)));
    settings.remove(QLatin1String(StoreLocation::SettingsKey));
    settings.sync();
    Result<StoreLocation> fallback = StoreLocation::resolve(QString());
    QVERIFY(fallback.ok());
    QVERIFY(fallback->isDefault());
}

void TestStoreLocation::unreachableServerIsOneError()
{
    // Port 1 on the loopback: refused at once.
    Result<StoreLocation> l
        = StoreLocation::parse("postgresql://nobody@127.0.0.1:1/none?connect_timeout=3");
    QVERIFY(l.ok());
    auto r = TrackedStore::open(*l);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind(), StoreError::Kind::Connection);
    QVERIFY2(r.error().message().contains("cannot connect")
                 && r.error().message().contains("postgresql://nobody@127.0.0.1:1/none"),
             qPrintable(r.error().message()));
    QCOMPARE(r.error().message().trimmed().count(u'\n'), 0);
}

QTEST_GUILESS_MAIN(TestStoreLocation)
#include "tst_store_location.moc"
