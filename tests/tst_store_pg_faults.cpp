// Faults of a PostgreSQL server under a store that is open, on a server of this test's own
// (scripts/pg-test-server.sh start): frozen (every server process stopped: connections held,
// nothing answered), and stopped and started again. Each is reported as one line naming what
// happened, nothing half-written is left, nothing committed is lost, and the store goes on
// once the server is back. Runs where scripts/test.sh provides PostgreSQL (PEERING_TEST_PG_URL);
// skipped (77) elsewhere.
#include "document/onboardingdocument.h"
#include "store/onboardingstore.h"
#include "store/statementwatchdog.h"
#include "tracking/trackedstore.h"

#include "skipexit.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Peering;

namespace {

const QString Script = QStringLiteral(PEERING_SOURCE_DIR "/scripts/pg-test-server.sh");

QString server(const QStringList &arguments, QString *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("bash"), QStringList {Script} + arguments);
    if (!p.waitForFinished(120000))
        return QStringLiteral("timed out");
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    return p.exitCode() == 0 ? QString() : QString::fromUtf8(p.readAllStandardError());
}

Onboarding sample(const QString &name)
{
    Result<Onboarding> o = OnboardingDocument::readFile(QStringLiteral(PEERING_TEST_DATA_DIR "/clean.json"));
    Q_ASSERT(o);
    o->name = name;
    return *o;
}

QtMessageHandler previous = nullptr;
int messages = 0;

void countMessages(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    ++messages;
    previous(type, context, text);
}

} // namespace

class TestStorePgFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void frozenServerTimesOut();
    void stoppedServerIsReportedAndReconnected();

private:
    QString m_dir;
    QString m_url;
};

void TestStorePgFaults::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("PEERING_TEST_PG_URL")) {
        TestSupport::exitAsSkipped();
        QSKIP("PEERING_TEST_PG_URL is not set: no PostgreSQL here (scripts/test.sh provides it)");
    }
    QString out;
    const QString failed = server({QStringLiteral("start")}, &out);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    m_url = QRegularExpression(QStringLiteral("PEERING_TEST_PG_URL=(\\S+)")).match(out).captured(1);
    m_dir = QRegularExpression(QStringLiteral("PEERING_TEST_PG_DIR=(\\S+)")).match(out).captured(1);
    QVERIFY2(!m_url.isEmpty() && !m_dir.isEmpty(), qPrintable(out));
    qputenv("PEERING_PG_TIMEOUT", "3");
    QCOMPARE(StatementWatchdog::timeoutSeconds(), 3);
    previous = qInstallMessageHandler(countMessages);
}

void TestStorePgFaults::cleanupTestCase()
{
    if (!m_dir.isEmpty()) {
        server({QStringLiteral("thaw"), m_dir});
        server({QStringLiteral("stop"), m_dir});
    }
}

void TestStorePgFaults::frozenServerTimesOut()
{
    const Result<StoreLocation> location = StoreLocation::parse(m_url);
    QVERIFY(location);
    StoreResult<std::unique_ptr<OnboardingStore>> opened = TrackedStore::open(*location);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    OnboardingStore &store = **opened;
    QVERIFY(store.create(sample(QStringLiteral("Before the freeze"))));

    QCOMPARE(server({QStringLiteral("freeze"), m_dir}), QString());
    messages = 0;
    QElapsedTimer timer;
    timer.start();
    const StoreResult<StoredOnboarding> frozen = store.create(sample(QStringLiteral("During it")));
    const qint64 ms = timer.elapsed();
    QCOMPARE(server({QStringLiteral("thaw"), m_dir}), QString());
    QVERIFY(!frozen);
    const QString message = frozen.error().message();
    QVERIFY2(message.contains(QLatin1String("did not answer within 3 second")) && message.contains(QLatin1String("(PEERING_PG_TIMEOUT)")),
             qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    QCOMPARE(frozen.error().kind(), StoreError::Kind::Connection);
    // The first statement waits its 3 s; nothing after it waits again.
    QVERIFY2(ms >= 2900 && ms < 20000, qPrintable(QString::number(ms)));
    QCOMPARE(messages, 0); // no driver noise on the way

    // Thawed: the same store object reconnects; the change that timed out was not written, the
    // one before it is there, and the store takes changes again.
    const StoreResult<QList<OnboardingSummary>> after = store.list();
    QVERIFY2(after, qPrintable(after ? QString() : after.error().message()));
    QStringList names;
    for (const OnboardingSummary &s : *after)
        names.append(s.name);
    QCOMPARE(names, QStringList {QStringLiteral("Before the freeze")});
    QVERIFY(store.create(sample(QStringLiteral("After the thaw"))));
    QVERIFY(store.remove(QStringLiteral("After the thaw"), store.load(QStringLiteral("After the thaw"))->version));
    QVERIFY(store.remove(QStringLiteral("Before the freeze"), store.load(QStringLiteral("Before the freeze"))->version));
}

void TestStorePgFaults::stoppedServerIsReportedAndReconnected()
{
    const Result<StoreLocation> location = StoreLocation::parse(m_url);
    QVERIFY(location);
    StoreResult<std::unique_ptr<OnboardingStore>> opened = TrackedStore::open(*location);
    QVERIFY(opened);
    OnboardingStore &store = **opened;
    StoreResult<StoredOnboarding> saved = store.create(sample(QStringLiteral("Committed")));
    QVERIFY(saved);

    QCOMPARE(server({QStringLiteral("halt"), m_dir}), QString());
    messages = 0;
    StoredOnboarding edited = *saved;
    edited.onboarding.peerAsn.peerName = QStringLiteral("Edited while the server was down");
    const StoreResult<StoredOnboarding> lost = store.save(edited);
    QVERIFY(!lost);
    const QString message = lost.error().message();
    QVERIFY2(lost.error().kind() == StoreError::Kind::Connection, qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("connection")), qPrintable(message));
    QVERIFY2(message.size() < 400, qPrintable(message));
    QVERIFY2(messages <= 1, qPrintable(QString::number(messages)));

    // Still down: a clear connection error again, not a hang.
    const StoreResult<QList<OnboardingSummary>> down = store.list();
    QVERIFY(!down);
    QCOMPARE(down.error().kind(), StoreError::Kind::Connection);

    QCOMPARE(server({QStringLiteral("restart"), m_dir}), QString());
    // Back: the committed onboarding is whole, the failed edit is not in it, and the same
    // edit saves now (the version it started from is still the stored one).
    const StoreResult<StoredOnboarding> back = store.load(QStringLiteral("Committed"));
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message()));
    QCOMPARE(back->version, saved->version);
    QCOMPARE(back->onboarding.peerAsn.peerName, saved->onboarding.peerAsn.peerName);
    const StoreResult<StoredOnboarding> again = store.save(edited);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message()));
    QCOMPARE(store.load(QStringLiteral("Committed"))->onboarding.peerAsn.peerName,
             QStringLiteral("Edited while the server was down"));
}

QTEST_GUILESS_MAIN(TestStorePgFaults)
#include "tst_store_pg_faults.moc"
