// Store passwords in a real keychain (gnome-keyring's Secret Service in a private D-Bus session,
// see support/with-keyring.sh): written, read back, replaced, removed, and a clear refusal when
// there is none.
#include "store/storepasswords.h"

#include <QTest>

using namespace Peering;

class TestStorePasswords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void missingPasswordIsSaid();
    void noKeychainAnswersInTime();
};

void TestStorePasswords::roundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("password");
    QTest::newRow("plain") << "postgresql://noc@db.example.net:5432/peering" << "s3cret";
    QTest::newRow("quotes and spaces") << "postgresql://a@b:1/c" << "it's \"quoted\" & spaced";
    QTest::newRow("unicode") << "postgresql://ü@b:1/c" << QStringLiteral("pässwört-€");
}

void TestStorePasswords::roundTrip()
{
    QFETCH(QString, key);
    QFETCH(QString, password);
    const Status written = StorePasswords::write(key, password);
    QVERIFY2(written, qPrintable(written.error()));
    Result<QString> read = StorePasswords::read(key);
    QVERIFY2(read, qPrintable(read.error()));
    QCOMPARE(read.value(), password);
    QVERIFY(StorePasswords::write(key, password + QStringLiteral("-new")));
    QCOMPARE(StorePasswords::read(key).value(), password + QStringLiteral("-new"));
    const Status removed = StorePasswords::remove(key);
    QVERIFY2(removed, qPrintable(removed.error()));
    QVERIFY(!StorePasswords::read(key));
}

void TestStorePasswords::missingPasswordIsSaid()
{
    const Result<QString> r = StorePasswords::read(QStringLiteral("postgresql://nobody@nowhere:1/none"));
    QVERIFY(!r);
    QVERIFY(r.error().contains(QStringLiteral("postgresql://nobody@nowhere:1/none")));
}

void TestStorePasswords::noKeychainAnswersInTime()
{
    // Without a session bus there is no keychain: the answer is a refusal, quickly, never a hang.
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    QElapsedTimer t;
    t.start();
    const Result<QString> r = StorePasswords::read(QStringLiteral("postgresql://x@y:1/z"), 2000);
    qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    QVERIFY(!r);
    QVERIFY(t.elapsed() < 10000); // bounded by the timeout (a guard against hangs, not a speed test)
}

QTEST_GUILESS_MAIN(TestStorePasswords)
#include "tst_storepasswords.moc"
