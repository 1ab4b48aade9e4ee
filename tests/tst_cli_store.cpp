// Runs the built peering-wizard binary's store commands: import and list, on a temporary SQLite
// store (and on the PostgreSQL test server when PEERING_TEST_PG_URL is set). HOME and the XDG
// folders point into a temporary folder, so the user's real store is never touched.
#include "skipexit.h"
#include "tempstore.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include "clirun.h"

#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Peering;

namespace {

using Run = Peering::TestSupport::CliRun;

QString data(const char *name)
{
    return QStringLiteral(PEERING_TEST_DATA_DIR "/") + QLatin1String(name);
}

QByteArray hashOf(const QStringList &files)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &f : files) {
        QFile file(f);
        hash.addData(f.toUtf8());
        hash.addData(QByteArray::number(file.exists()));
        // Regular files only: opening a FIFO would wait for a writer.
        if (QFileInfo(f).isFile() && file.open(QIODevice::ReadOnly))
            hash.addData(file.readAll());
    }
    return hash.result();
}

} // namespace

class TestCliStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importThenListText();
    void readersNeverCreateOrChange_data();
    void readersNeverCreateOrChange();
    void readersReadAStoreInAReadOnlyFolder();
    void replaceRefusesAStaleExport();
    void terminalsGetEscapedText();
    void listJson();
    void trackPrintsEveryStage();
    void trackUsage_data();
    void trackUsage();
    void markGoesThroughTheTrackingService();
    void markRefused_data();
    void markRefused();
    void importMailDryRun();
    void importMailAsEvidence();
    void importMailUsage_data();
    void importMailUsage();
    void importRefusesExistingNameUnlessReplace();
    void importRefusesTakenCustomerAsn();
    void unreadableFileDoesNotStopTheOthers();
    void storeErrors_data();
    void storeErrors();
    void defaultStoreIsPerUser();
    void secretsAreLeftOutUnlessAsked();
    void usage();
    void postgresql();

private:
    Run run(const QStringList &args);
    QString store(const char *name) const
    {
        return "sqlite:" + m_dir.filePath(QLatin1String(name));
    }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
};

void TestCliStore::readersNeverCreateOrChange_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("command");
    for (const char *kind : {"empty file", "device", "fifo", "older store"})
        for (const char *command : {"list", "export", "track"})
            QTest::addRow("%s: %s", kind, command) << QString::fromLatin1(kind) << QString::fromLatin1(command);
}

// list, export --name and track only read: a path that is not a store is refused with the
// reason, and nothing is made or changed: no migration of an empty file, no journal beside a
// device (/dev/null-journal), no upgrade of an older store.
void TestCliStore::readersNeverCreateOrChange()
{
    QFETCH(QString, kind);
    QFETCH(QString, command);
    QString path;
    QString expected;
    if (kind == QLatin1String("empty file")) {
        path = m_dir.filePath(QStringLiteral("empty-%1.sqlite").arg(command));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        expected = QStringLiteral("it is an empty file, not a store yet");
    } else if (kind == QLatin1String("device")) {
        path = QStringLiteral("/dev/null");
        QFile::remove(QStringLiteral("/dev/null-journal")); // left by an older peering-wizard
        expected = QStringLiteral("it is not a regular file");
    } else if (kind == QLatin1String("fifo")) {
        path = m_dir.filePath(QStringLiteral("store-%1.fifo").arg(command));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        expected = QStringLiteral("it is not a regular file");
    } else {
        // A version-1 store, as an older peering-wizard left it.
        static TestSupport::TempStore v1(StoreLocation::Backend::Sqlite, QStringLiteral("v1"));
        QVERIFY(v1.reset());
        QFile fixture(data("store-v1.sql"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QCOMPARE(v1.execScript(QString::fromUtf8(fixture.readAll())), QString());
        v1.closeRaw();
        path = v1.location().filePath();
    }
    const QStringList files {path, path + QStringLiteral("-journal"), path + QStringLiteral("-wal"),
                             path + QStringLiteral("-shm")};
    const QByteArray before = hashOf(files);
    QStringList args {command};
    if (command == QLatin1String("export"))
        args << QStringLiteral("--name") << QStringLiteral("Example-IX to Microsoft") << QStringLiteral("--format")
             << QStringLiteral("json");
    if (command == QLatin1String("track"))
        args << QStringLiteral("--name") << QStringLiteral("Example-IX to Microsoft");
    args << QStringLiteral("--store") << path;
    const Run r = run(args);
    if (kind == QLatin1String("older store")) {
        // Read from an upgraded private copy; the store stays as it was.
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Example-IX to Microsoft"));
    } else {
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected.toUtf8()), r.err.constData());
    }
    QCOMPARE(hashOf(files), before);
}

// A store in a folder no one may write (here a read-only file system) is read, not refused with
// "attempt to write a readonly database".
void TestCliStore::readersReadAStoreInAReadOnlyFolder()
{
    QTemporaryDir folder(m_dir.filePath(QStringLiteral("ro-XXXXXX")));
    const QString dir = folder.path();
    const Run mount = Peering::TestSupport::runCli(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"),
                                                       QStringLiteral("-o"), QStringLiteral("size=4m"),
                                                       QStringLiteral("tmpfs"), dir});
    if (mount.exitCode != 0)
        QSKIP("this machine does not let the test mount a file system it can make read-only");
    const QString path = dir + QStringLiteral("/store.sqlite");
    QCOMPARE(run({"import", data("clean.json"), "--store", path}).exitCode, 0);
    const Run remount = Peering::TestSupport::runCli(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,ro"), dir});
    QCOMPARE(remount.exitCode, 0);
    const Run listed = run({"list", "--store", path});
    const Run exported = run({"export", "--name", "Example-IX to Microsoft", "--format", "json", "--store", path});
    const Run tracked = run({"track", "--name", "Example-IX to Microsoft", "--store", path});
    const Run written = run({"import", data("store-v1-second.json"), "--store", path});
    Peering::TestSupport::runCli(QStringLiteral("umount"), {dir});
    QVERIFY2(listed.exitCode == 0 && listed.out.contains("Example-IX to Microsoft"), listed.err.constData());
    QVERIFY2(exported.exitCode == 0 && exported.out.contains("\"format\": \"peering-onboarding/1\""),
             exported.err.constData());
    QVERIFY2(tracked.exitCode == 0, tracked.err.constData());
    // A writer is refused, with the reason.
    QCOMPARE(written.exitCode, 2);
    QVERIFY2(written.err.contains("read"), written.err.constData());
}

// Two users export the same onboarding, edit their copies and import --replace: the second is
// refused (it would revert the first's change without a word), says by whom and what to do, and
// goes through only with --force.
void TestCliStore::replaceRefusesAStaleExport()
{
    const QString s = store("stale.sqlite");
    QCOMPARE(run({"import", data("clean.json"), "--store", s}).exitCode, 0);
    const auto exportTo = [&](const QString &file) {
        const Run r = run({"export", "--name", "Example-IX to Microsoft", "--format", "json", "--store", s});
        QFile f(file);
        if (r.exitCode != 0 || !f.open(QIODevice::WriteOnly))
            return false;
        f.write(r.out);
        return true;
    };
    const auto edit = [](const QString &file, const QString &peerName) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonObject asn = o.value(QLatin1String("peerAsn")).toObject();
        asn.insert(QStringLiteral("peerName"), peerName);
        o.insert(QStringLiteral("peerAsn"), asn);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write(QJsonDocument(o).toJson());
        return true;
    };
    const QString alice = m_dir.filePath(QStringLiteral("alice.json"));
    const QString bob = m_dir.filePath(QStringLiteral("bob.json"));
    QVERIFY(exportTo(alice));
    QVERIFY(exportTo(bob));
    QVERIFY(edit(alice, QStringLiteral("Alice's name")));
    QVERIFY(edit(bob, QStringLiteral("Bob's name")));

    const Run first = run({"import", alice, "--replace", "--store", s});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY(first.out.contains("now version 2"));
    const Run second = run({"import", bob, "--replace", "--store", s});
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains("the file was exported from version 1, but ")
                 && second.err.contains("(now version 2)") && second.err.contains("--force"),
             second.err.constData());
    const Run listed = run({"export", "--name", "Example-IX to Microsoft", "--format", "json", "--store", s});
    QVERIFY(listed.out.contains("Alice's name"));
    QVERIFY(listed.out.contains("\"storedVersion\": 2"));

    const Run forced = run({"import", bob, "--replace", "--force", "--store", s});
    QVERIFY2(forced.exitCode == 0, forced.err.constData());
    QVERIFY(forced.out.contains("now version 3"));
    const Run now = run({"export", "--name", "Example-IX to Microsoft", "--format", "json", "--store", s});
    QVERIFY(now.out.contains("Bob's name"));
    // The version a file was exported from is not kept in the store's own copy.
    QFile db(s.mid(7));
    QVERIFY(db.open(QIODevice::ReadOnly));
    QVERIFY(!db.readAll().contains("storedVersion"));
    // A hand-written document (no version) replaces as before.
    QVERIFY(edit(bob, QStringLiteral("Hand-written")));
    QFile f(bob);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    o.remove(QStringLiteral("storedVersion"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(o).toJson());
    f.close();
    QCOMPARE(run({"import", bob, "--replace", "--store", s}).exitCode, 0);
}

// Hostile names (terminal escapes, a bidi override) reach a terminal escaped, from every command
// that prints them; a file or a pipe gets the text as it is. Such a name is a finding, and the
// store refuses it (it could not be found by --name).
void TestCliStore::terminalsGetEscapedText()
{
    if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
        QSKIP("script (util-linux) is needed to give the program a terminal");
    QFile clean(data("clean.json"));
    QVERIFY(clean.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(clean.readAll()).object();
    const QString evil = QStringLiteral("Evil\x1b]0;pwned\x07\x1b[2J-IX ") + QChar(0x202e) + QStringLiteral("XI");
    doc.insert(QStringLiteral("name"), evil);
    const QString file = m_dir.filePath(QStringLiteral("evil.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(doc).toJson());
    out.close();
    const QString s = m_dir.filePath(QStringLiteral("evil.sqlite"));
    // On a terminal (script gives the program one, and prints what it wrote).
    const auto onTerminal = [&](const QString &command) {
        return Peering::TestSupport::runCli(
            QStringLiteral("script"),
            {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
             QStringLiteral(PEERING_WIZARD_BIN) + u' ' + command, QStringLiteral("/dev/null")},
            {}, m_env);
    };
    for (const QString &command : {QStringLiteral("import %1 --store %2").arg(file, s),
                                   QStringLiteral("export %1 --format markdown").arg(file),
                                   QStringLiteral("export %1 --format az").arg(file)}) {
        const Run r = onTerminal(command);
        // (Markdown escapes its brackets, the pty adds carriage returns.)
        QVERIFY2(r.out.contains("Evil\\x1b") && r.out.contains("pwned\\x07\\x1b")
                     && r.out.contains("-IX \\u202eXI"),
                 r.out.constData());
        QVERIFY2(!r.out.contains('\x1b') && !r.out.contains('\x07'), qPrintable(command));
        QVERIFY(!r.out.contains(QString(QChar(0x202e)).toUtf8()));
    }
    // The store refused it, saying why.
    const Run imported = onTerminal(QStringLiteral("import %1 --store %2").arg(file, s));
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.out.contains("U+001B (ESC)"), imported.out.constData());
    // To a pipe: as it is.
    const Run piped = run({"export", file, "--format", "markdown"});
    QCOMPARE(piped.exitCode, 0);
    QVERIFY(piped.out.contains("Evil\x1b"));
}

void TestCliStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert("HOME", m_dir.filePath("home"));
    m_env.insert("XDG_DATA_HOME", m_dir.filePath("home/data"));
    m_env.insert("XDG_CONFIG_HOME", m_dir.filePath("home/config"));
    m_env.insert("USER", "cli-tester");
    // The PostgreSQL run (tst_cli_store_postgresql) without a server is a skipped suite.
    if (TestSupport::TempStore::backendFromEnvironment() == StoreLocation::Backend::PostgreSql) {
        const TestSupport::TempStore pg(StoreLocation::Backend::PostgreSql,
                                        QStringLiteral("tst_cli_store"));
        if (!pg.unavailableReason().isEmpty()) {
            TestSupport::exitAsSkipped();
            QSKIP(qPrintable(pg.unavailableReason()));
        }
    }
}

Run TestCliStore::run(const QStringList &args)
{
    return Peering::TestSupport::runCli(QStringLiteral(PEERING_WIZARD_BIN), args, {}, m_env);
}

void TestCliStore::importThenListText()
{
    const QString s = store("text.sqlite");
    const Run imported
        = run({"import", data("clean.json"), data("store-v1-second.json"), "--store", s});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    const QString out = QString::fromUtf8(imported.out);
    QVERIFY2(out.contains("imported \"Example-IX to Microsoft\"")
                 && out.contains("imported \"Second-IX to Microsoft\""),
             qPrintable(out));

    const Run listed = run({"list", "--store", s});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.err.isEmpty(), listed.err.constData());
    const QStringList lines = QString::fromUtf8(listed.out).split('\n');
    QVERIFY(lines.size() >= 3);
    QVERIFY(lines[0].startsWith("NAME"));
    QVERIFY(lines[0].contains("PEER ASN") && lines[0].contains("STAGE")
            && lines[0].contains("NEXT MILESTONE") && lines[0].contains("EXPECTED")
            && lines[0].contains("DAYS LEFT"));
    QVERIFY2(lines[1].startsWith("Example-IX to Microsoft") && lines[1].contains("213999")
                 && lines[1].contains("Amsterdam, Frankfurt")
                 && lines[1].contains("peering-created"),
             qPrintable(lines[1]));
    QVERIFY2(lines[2].startsWith("Second-IX to Microsoft") && lines[2].contains("212100")
                 && lines[2].contains("keys-delivered   keys-delivered  2026-03-05"),
             qPrintable(lines[2]));
    const qint64 days = QDate::currentDate().daysTo(QDate(2026, 3, 5));
    QVERIFY2(lines[2].contains(QString::number(days))
                 || lines[2].contains(QString::number(days - 1)),
             qPrintable(lines[2]));
    QCOMPARE(lines[2].contains("(overdue)"), days < 0);
    QVERIFY(QString::fromUtf8(listed.out).contains("Onboardings: 2, in sqlite:"));
}

void TestCliStore::listJson()
{
    const QString s = store("json.sqlite");
    QCOMPARE(
        run({"import", data("clean.json"), data("store-v1-second.json"), "--store", s}).exitCode,
        0);
    const Run listed = run({"list", "--store", s, "--format", "json"});
    QCOMPARE(listed.exitCode, 0);
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(listed.out, &e);
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().keys(), QStringList {"onboardings"});
    const QJsonArray list = doc.object().value("onboardings").toArray();
    QCOMPARE(list.size(), 2);
    for (const QJsonValue &v : list)
        QCOMPARE(v.toObject().keys(),
                 (QStringList {"metros", "name", "nextMilestone", "overdue", "peerAsn", "stage"}));

    const QJsonObject clean = list.at(0).toObject();
    QCOMPARE(clean.value("name").toString(), QStringLiteral("Example-IX to Microsoft"));
    QCOMPARE(clean.value("peerAsn").toInteger(), 213999);
    QCOMPARE(clean.value("metros").toArray(), (QJsonArray {"Amsterdam", "Frankfurt"}));
    QCOMPARE(clean.value("stage").toString(), QStringLiteral("peering-created"));
    // The earliest planned stage not done is the next milestone (the tracker's overdue stage
    // once 2026-11-23 has passed), even though the current stage has no planned date.
    const QJsonObject cleanNext = clean.value("nextMilestone").toObject();
    QCOMPARE(cleanNext.value("stage").toString(), QStringLiteral("active"));
    QCOMPARE(cleanNext.value("expected").toString(), QStringLiteral("2026-11-23"));
    QCOMPARE(clean.value("overdue").toBool(), QDate::currentDate() > QDate(2026, 11, 23));

    // --overdue keeps exactly the overdue ones: an onboarding planned far ahead is left out.
    QFile cleanFile(data("clean.json"));
    QVERIFY(cleanFile.open(QIODevice::ReadOnly));
    QByteArray ahead = cleanFile.readAll();
    ahead.replace("\"Example-IX to Microsoft\"", "\"Planned-Ahead-IX\"");
    ahead.replace("\"2026-11-23\"", "\"2099-11-23\"");
    QFile aheadFile(m_dir.filePath("ahead.json"));
    QVERIFY(aheadFile.open(QIODevice::WriteOnly));
    aheadFile.write(ahead);
    aheadFile.close();
    QCOMPARE(run({"import", aheadFile.fileName(), "--store", s}).exitCode, 0);
    const Run all = run({"list", "--store", s, "--format", "json"});
    const QJsonArray allList = QJsonDocument::fromJson(all.out).object().value("onboardings").toArray();
    QCOMPARE(allList.size(), 3);
    const Run late = run({"list", "--store", s, "--format", "json", "--overdue"});
    QCOMPARE(late.exitCode, 0);
    const QJsonArray lateList = QJsonDocument::fromJson(late.out).object().value("onboardings").toArray();
    int overdueCount = 0;
    for (const QJsonValue &v : allList)
        overdueCount += v.toObject().value("overdue").toBool() ? 1 : 0;
    QVERIFY(overdueCount < 3); // the one planned ahead is not overdue
    QCOMPARE(lateList.size(), overdueCount);
    for (const QJsonValue &v : lateList)
        QVERIFY(v.toObject().value("overdue").toBool());

    const QJsonObject second = list.at(1).toObject();
    QCOMPARE(second.value("peerAsn").toInteger(), 212100); // "AS212100" in the document
    QCOMPARE(second.value("stage").toString(), QStringLiteral("keys-delivered"));
    const QJsonObject next = second.value("nextMilestone").toObject();
    QCOMPARE(next.keys(), (QStringList {"daysLeft", "expected", "stage"}));
    QCOMPARE(next.value("stage").toString(), QStringLiteral("keys-delivered"));
    QCOMPARE(next.value("expected").toString(), QStringLiteral("2026-03-05"));
    const qint64 days = next.value("daysLeft").toInteger();
    const qint64 expected = QDate::currentDate().daysTo(QDate(2026, 3, 5));
    QVERIFY(qAbs(days - expected) <= 1); // a run across midnight
    QCOMPARE(second.value("overdue").toBool(), days < 0);
}

// track --format json: the documented shape, every stage with a stable status id, dates in
// ISO 8601, null where there is nothing, and overdue on the pinned day.
void TestCliStore::trackPrintsEveryStage()
{
    const QString s = store("track.sqlite");
    QCOMPARE(run({"import", data("clean.json"), "--store", s}).exitCode, 0);
    QProcessEnvironment env = m_env;
    env.insert("SOURCE_DATE_EPOCH", QString::number(QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toSecsSinceEpoch()));
    const Run tracked = Peering::TestSupport::runCli(
        QStringLiteral(PEERING_WIZARD_BIN),
        {"track", "--name", "Example-IX to Microsoft", "--store", s, "--format", "json"}, {}, env);
    QCOMPARE(tracked.exitCode, 0);
    QJsonParseError e;
    const QJsonObject doc = QJsonDocument::fromJson(tracked.out, &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(doc.keys(), (QStringList{"current", "name", "stages"}));
    QCOMPARE(doc.value("name").toString(), QStringLiteral("Example-IX to Microsoft"));
    QCOMPARE(doc.value("current").toString(), QStringLiteral("peering-created"));
    const QJsonArray stages = doc.value("stages").toArray();
    QCOMPARE(stages.size(), 10);
    const QStringList statuses{"done", "implied", "current", "regressed", "waiting"};
    for (const QJsonValue &v : stages) {
        const QJsonObject st = v.toObject();
        QCOMPARE(st.keys(), (QStringList{"daysLate", "evidence", "expected", "id", "overdue",
                                         "reached", "status"}));
        QVERIFY2(statuses.contains(st.value("status").toString()), qPrintable(st.value("status").toString()));
        for (const QJsonValue &ev : st.value("evidence").toArray())
            QCOMPARE(ev.toObject().keys(), (QStringList{"at", "kind", "text"}));
    }
    const QJsonObject requirements = stages.at(0).toObject();
    QCOMPARE(requirements.value("status").toString(), QStringLiteral("done"));
    QCOMPARE(requirements.value("reached").toString(), QStringLiteral("2026-11-02T09:30:00Z"));
    QCOMPARE(requirements.value("daysLate").toInt(), 0);
    QCOMPARE(stages.at(2).toObject().value("status").toString(), QStringLiteral("current"));
    QVERIFY(stages.at(2).toObject().value("reached").isNull());
    QVERIFY(stages.at(2).toObject().value("daysLate").isNull());
    // Active was expected on 2026-11-23: overdue on 2026-12-01.
    const QJsonObject active = stages.at(6).toObject();
    QCOMPARE(active.value("id").toString(), QStringLiteral("active"));
    QCOMPARE(active.value("expected").toString(), QStringLiteral("2026-11-23"));
    QVERIFY(active.value("overdue").toBool());
    QVERIFY(!requirements.value("overdue").toBool());
    // The text format says the same for people.
    const Run text = Peering::TestSupport::runCli(
        QStringLiteral(PEERING_WIZARD_BIN), {"track", "--name", "Example-IX to Microsoft", "--store", s}, {}, env);
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("active") || text.out.contains("Active"), text.out.constData());
    QVERIFY2(text.out.contains("OVERDUE by 8 day"), text.out.constData());
    QVERIFY(text.out.contains("Checklist signed off by the NOC"));
}

void TestCliStore::trackUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("no name") << QStringList{"track"} << "--name NAME is required";
    QTest::newRow("unknown name") << QStringList{"track", "--name", "Nobody"} << "no onboarding named \"Nobody\"";
    QTest::newRow("bad format") << QStringList{"track", "--name", "X", "--format", "xml"} << "--format must be text or json";
    QTest::newRow("positional") << QStringList{"track", "X"} << "unexpected argument";
}

void TestCliStore::trackUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const QString s = "sqlite:" + m_dir.filePath(QStringLiteral("track-usage-%1.sqlite").arg(QString::fromUtf8(QTest::currentDataTag()).replace(u' ', u'-')));
    QCOMPARE(run({"import", data("clean.json"), "--store", s}).exitCode, 0);
    const Run r = run(args + QStringList{"--store", s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
    QCOMPARE(QString::fromUtf8(r.err).count(u'\n'), 1); // one line
    QVERIFY(r.out.isEmpty());
}

// mark: the command line's changes go through the same tracking service as the window: each
// saved with a new version, and what track prints follows.
void TestCliStore::markGoesThroughTheTrackingService()
{
    const QString s = store("mark.sqlite");
    QCOMPARE(run({"import", data("clean.json"), "--store", s}).exitCode, 0);
    QProcessEnvironment env = m_env;
    env.insert("SOURCE_DATE_EPOCH", QString::number(QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toSecsSinceEpoch()));
    env.insert("TZ", "UTC");
    const auto cli = [&](const QStringList &args) {
        return Peering::TestSupport::runCli(QStringLiteral(PEERING_WIZARD_BIN), args, {}, env);
    };
    const QString name = QStringLiteral("Example-IX to Microsoft");
    Run r = cli({"mark", "--name", name, "--store", s, "--deployed", "--reached", "2026-11-04",
                 "--note", "deployment peering-ams"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("deployment recorded: peering-created reached on 2026-11-04T12:00:00Z (version 2)"),
             r.out.constData());
    r = cli({"mark", "--name", name, "--store", s, "--stage", "port-configured", "--note", "IP mail"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("port-configured marked reached on 2026-12-01T12:00:00Z (version 3)"),
             r.out.constData());
    r = cli({"mark", "--name", name, "--store", s, "--stage", "lag-up", "--expected", "2026-12-05"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Nothing to change: saved as it is, no new version.
    r = cli({"mark", "--name", name, "--store", s, "--stage", "lag-up", "--expected", "2026-12-05"});
    QVERIFY2(r.exitCode == 0 && r.out.contains("(version 4)"), r.out.constData());

    const Run tracked = cli({"track", "--name", name, "--store", s, "--format", "json"});
    QCOMPARE(tracked.exitCode, 0);
    const QJsonArray stages = QJsonDocument::fromJson(tracked.out).object().value("stages").toArray();
    const QJsonObject created = stages.at(2).toObject();
    QCOMPARE(created.value("status").toString(), QStringLiteral("done"));
    QCOMPARE(created.value("reached").toString(), QStringLiteral("2026-11-04T12:00:00Z"));
    QVERIFY(created.value("evidence").toArray().at(0).toObject().value("text").toString().contains(
        QLatin1String("Portal deployment succeeded: deployment peering-ams")));
    QCOMPARE(stages.at(3).toObject().value("status").toString(), QStringLiteral("done"));
    QCOMPARE(stages.at(4).toObject().value("status").toString(), QStringLiteral("current"));
    QCOMPARE(stages.at(4).toObject().value("expected").toString(), QStringLiteral("2026-12-05"));
    QCOMPARE(QJsonDocument::fromJson(tracked.out).object().value("current").toString(),
             QStringLiteral("lag-up"));

    // Refused by the service (exit 1, one line, the stored onboarding untouched).
    r = cli({"mark", "--name", name, "--store", s, "--deployed"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("recorded already"), r.err.constData());
    QCOMPARE(QString::fromUtf8(r.err).count(u'\n'), 1);
    QVERIFY(cli({"track", "--name", name, "--store", s, "--format", "json"}).out == tracked.out);
}

void TestCliStore::markRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    const QString n = QStringLiteral("Example-IX to Microsoft");
    QTest::newRow("no name") << QStringList{"mark", "--stage", "lag-up"} << 2 << "--name NAME is required";
    QTest::newRow("neither") << QStringList{"mark", "--name", n} << 2 << "either --stage STAGE or --deployed";
    QTest::newRow("both") << QStringList{"mark", "--name", n, "--stage", "lag-up", "--deployed"} << 2 << "either --stage STAGE or --deployed";
    QTest::newRow("unknown stage") << QStringList{"mark", "--name", n, "--stage", "lagup"} << 2 << "--stage must be one of";
    QTest::newRow("bad date") << QStringList{"mark", "--name", n, "--stage", "lag-up", "--reached", "yesterday"} << 2 << "--reached must be a date";
    QTest::newRow("future") << QStringList{"mark", "--name", n, "--stage", "lag-up", "--reached", "2099-01-01"} << 2 << "in the future";
    QTest::newRow("expected and reached") << QStringList{"mark", "--name", n, "--stage", "lag-up", "--expected", "2026-12-01", "--reached", "2026-11-01"} << 2 << "leave out --reached";
    QTest::newRow("expected with deployed") << QStringList{"mark", "--name", n, "--deployed", "--expected", "2026-12-01"} << 2 << "--expected goes with --stage";
    QTest::newRow("bad expected") << QStringList{"mark", "--name", n, "--stage", "lag-up", "--expected", "soon"} << 2 << "--expected must be a date";
    QTest::newRow("positional") << QStringList{"mark", "lag-up", "--name", n} << 2 << "unexpected argument";
    QTest::newRow("unknown name") << QStringList{"mark", "--name", "Nobody", "--stage", "lag-up"} << 2 << "no onboarding named \"Nobody\"";
    QTest::newRow("twice") << QStringList{"mark", "--name", n, "--stage", "lag-up", "--stage", "bgp-mesh"} << 2 << "give --stage only once";
}

void TestCliStore::markRefused()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const QString s = "sqlite:" + m_dir.filePath(QStringLiteral("mark-refused-%1.sqlite").arg(QString::fromUtf8(QTest::currentDataTag()).replace(u' ', u'-')));
    QCOMPARE(run({"import", data("clean.json"), "--store", s}).exitCode, 0);
    const Run r = run(args + QStringList{"--store", s});
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
    QCOMPARE(QString::fromUtf8(r.err).count(u'\n'), 1); // one line
    QVERIFY(r.out.isEmpty());
    // Nothing was saved: the stage is still the imported one.
    const Run listed = run({"list", "--store", s, "--format", "json"});
    QVERIFY2(listed.out.contains("\"stage\": \"peering-created\""), listed.out.constData());
}

// import-mail --dry-run --format json: exactly the documented shape, refusals included, exit 0.
void TestCliStore::importMailDryRun()
{
    const QString dir = QStringLiteral(PEERING_TEST_DATA_DIR "/mail/");
    const Run r = run({"import-mail", dir + "port-configured.eml", dir + "mailbox.mbox",
                       dir + "no-date.eml", dir + "binary.bin", "--dry-run", "--format", "json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError e;
    const QJsonObject doc = QJsonDocument::fromJson(r.out, &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(doc.keys(), (QStringList {"messages", "refused"}));
    const QJsonArray messages = doc.value("messages").toArray();
    QCOMPARE(messages.size(), 5);
    for (const QJsonValue &v : messages)
        QCOMPARE(v.toObject().keys(), (QStringList {"date", "extracted", "file", "from", "fromName",
                                                    "index", "messageId", "stage", "subject"}));
    const QJsonObject port = messages.at(0).toObject();
    QCOMPARE(port.value("file").toString(), dir + "port-configured.eml");
    QCOMPARE(port.value("index").toInt(), 0);
    QCOMPARE(port.value("messageId").toString(), QStringLiteral("<port-1@peering.microsoft.com>"));
    QCOMPARE(port.value("from").toString(), QStringLiteral("peeringservice@microsoft.com"));
    QCOMPARE(port.value("fromName").toString(), QStringLiteral("Microsoft Peering"));
    QCOMPARE(port.value("subject").toString(), QStringLiteral("Port configured: exampleix-ams-ixrs"));
    QCOMPARE(port.value("date").toString(), QStringLiteral("2026-11-23T22:30:00Z"));
    QCOMPARE(port.value("stage").toString(), QStringLiteral("port-configured"));
    const QJsonObject extracted = port.value("extracted").toObject();
    QCOMPARE(extracted.keys(), (QStringList {"microsoftIPv4", "microsoftIPv6", "peerIPv4", "peerIPv6"}));
    QCOMPARE(extracted.value("microsoftIPv4").toArray(), QJsonArray({"192.0.2.0/31"}));
    QCOMPARE(extracted.value("peerIPv6").toArray(), QJsonArray({"2001:db8:100::1"}));
    // The mbox's messages by position; the unclassified one has a null stage.
    QCOMPARE(messages.at(2).toObject().value("index").toInt(), 1);
    QVERIFY(messages.at(2).toObject().value("stage").isNull());
    // No Date: null, never the import time.
    QVERIFY(messages.at(4).toObject().value("date").isNull());
    const QJsonArray refused = doc.value("refused").toArray();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).toObject().keys(), (QStringList {"file", "index", "reason"}));
    QVERIFY(refused.at(0).toObject().value("reason").toString().contains("binary"));
}

// --name: the mails become evidence of the stored onboarding; a second import adds nothing.
void TestCliStore::importMailAsEvidence()
{
    const QString s = store("mail.sqlite");
    QCOMPARE(run({"import", data("clean.json"), "--store", s}).exitCode, 0);
    const QString dir = QStringLiteral(PEERING_TEST_DATA_DIR "/mail/");
    const QString name = QStringLiteral("Example-IX to Microsoft");
    Run r = run({"import-mail", dir + "mailbox.mbox", dir + "maildir", "--name", name, "--store", s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("4 new mails in the log, 1 imported before"), r.out.constData());
    r = run({"import-mail", dir + "mailbox.mbox", dir + "maildir", "--name", name, "--store", s,
             "--format", "json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject again = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(again.value("added").toInt(), 0);
    QCOMPARE(again.value("already").toInt(), 5);
    QCOMPARE(again.value("version").toInt(), 2); // nothing saved the second time

    const Run tracked = run({"track", "--name", name, "--store", s, "--format", "json"});
    const QJsonArray stages = QJsonDocument::fromJson(tracked.out).object().value("stages").toArray();
    const QJsonObject port = stages.at(3).toObject();
    QCOMPARE(port.value("id").toString(), QStringLiteral("port-configured"));
    QCOMPARE(port.value("status").toString(), QStringLiteral("done"));
    QCOMPARE(port.value("reached").toString(), QStringLiteral("2026-11-23T22:30:00Z"));
    QCOMPARE(port.value("evidence").toArray().at(0).toObject().value("kind").toString(), QStringLiteral("mail"));
    QCOMPARE(stages.at(6).toObject().value("status").toString(), QStringLiteral("done")); // active mail

    // The document keeps the log: {messageId, from, subject, date, stage}.
    const Run exported = run({"export", "--name", name, "--store", s, "--format", "json"});
    const QJsonArray log = QJsonDocument::fromJson(exported.out).object().value("mail").toArray();
    QCOMPARE(log.size(), 4);
    // Each record is exactly the five fields; names and texts are kept beside them.
    for (const QJsonValue &v : log)
        QCOMPARE(v.toObject().keys(), (QStringList {"date", "from", "messageId", "stage", "subject"}));
    const QJsonArray texts = QJsonDocument::fromJson(exported.out).object().value("mailText").toArray();
    QCOMPARE(texts.size(), 4);
    QCOMPARE(texts.at(0).toObject().keys(), (QStringList {"fromName", "messageId", "text"}));
    bool found = false;
    for (const QJsonValue &v : log) {
        const QJsonObject m = v.toObject();
        if (m.value("messageId").toString() == QLatin1String("<lunch@example.net>")) {
            found = true;
            QCOMPARE(m.value("stage").toString(), QString()); // unclassified: kept, not guessed
            QCOMPARE(m.value("date").toString(), QStringLiteral("2026-11-24T10:00:00Z"));
        }
    }
    QVERIFY(found);
}

void TestCliStore::importMailUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    const QString mail = QStringLiteral(PEERING_TEST_DATA_DIR "/mail/no-date.eml");
    QTest::newRow("no path") << QStringList {"import-mail", "--dry-run"} << "give the mail to import";
    QTest::newRow("neither mode") << QStringList {"import-mail", mail} << "either --name NAME";
    QTest::newRow("both modes") << QStringList {"import-mail", mail, "--dry-run", "--name", "X"} << "either --name NAME";
    QTest::newRow("store without name") << QStringList {"import-mail", mail, "--dry-run", "--store", "x.sqlite"} << "--store goes with --name";
    QTest::newRow("bad format") << QStringList {"import-mail", mail, "--dry-run", "--format", "xml"} << "--format must be text or json";
    QTest::newRow("unreadable path") << QStringList {"import-mail", "/nonexistent/inbox", "--dry-run"} << "no such file or folder";
    QTest::newRow("folder, no Maildir") << QStringList {"import-mail", QStringLiteral(PEERING_TEST_DATA_DIR), "--dry-run"} << "not a Maildir";
    QTest::newRow("rules file missing") << QStringList {"import-mail", mail, "--dry-run", "--rules", "/nonexistent.json"} << "--rules /nonexistent.json: cannot be read";
    QTest::newRow("unknown onboarding") << QStringList {"import-mail", mail, "--name", "Nobody", "--store", "sqlite:/nonexistent/x.sqlite"} << "peering-wizard import-mail:";
}

void TestCliStore::importMailUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
    QCOMPARE(QString::fromUtf8(r.err).count(u'\n'), 1); // one line
}

void TestCliStore::importRefusesExistingNameUnlessReplace()
{
    const QString s = store("replace.sqlite");
    QCOMPARE(run({"import", data("clean.json"), "--store", s}).exitCode, 0);
    const Run again = run({"import", data("clean.json"), "--store", s});
    QCOMPARE(again.exitCode, 1);
    const QString err = QString::fromUtf8(again.err);
    QVERIFY2(err.contains("already in the store") && err.contains("--replace"), qPrintable(err));
    QVERIFY(err.contains("clean.json"));
    const Run replaced = run({"import", data("clean.json"), "--store", s, "--replace"});
    QCOMPARE(replaced.exitCode, 0);
    QVERIFY2(QString::fromUtf8(replaced.out).contains("replaced \"Example-IX to Microsoft\""),
             replaced.out.constData());
}

void TestCliStore::importRefusesTakenCustomerAsn()
{
    const QString s = store("asn.sqlite");
    QCOMPARE(run({"import", data("store-v1-second.json"), "--store", s}).exitCode, 0);
    // The same document under another name registers the same customer ASNs.
    QFile in(data("store-v1-second.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(in.readAll()).object();
    o.insert("name", "Third-IX to Microsoft");
    const QString copy = m_dir.filePath("third.json");
    QFile out(copy);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(o).toJson());
    out.close();
    const Run r = run({"import", copy, data("clean.json"), "--store", s});
    QCOMPARE(r.exitCode, 1);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains("[registered-asn.unique] registeredAsns[0].asn")
                 && err.contains("Second-IX to Microsoft"),
             qPrintable(err));
    // The other document of the run is stored, the refused one not at all.
    const Run listed = run({"list", "--store", s, "--format", "json"});
    const QJsonArray list
        = QJsonDocument::fromJson(listed.out).object().value("onboardings").toArray();
    QCOMPARE(list.size(), 2);
}

void TestCliStore::unreadableFileDoesNotStopTheOthers()
{
    const QString s = store("mixed.sqlite");
    const Run r = run({"import", data("clean.json"), data("truncated.json"),
                       data("store-v1-second.json"), "--store", s});
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains("truncated.json") && err.contains("line 1, column"), qPrintable(err));
    const Run listed = run({"list", "--store", s, "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(listed.out).object().value("onboardings").toArray().size(), 2);
}

void TestCliStore::storeErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    const QString missingFolder = m_dir.filePath("no/such/folder/s.sqlite");
    QTest::newRow("import: missing folder")
        << QStringList {"import", data("clean.json"), "--store", missingFolder} << "does not exist";
    QTest::newRow("list: missing store")
        << QStringList {"list", "--store", m_dir.filePath("never.sqlite")} << "does not exist";
    QTest::newRow("list: not a store")
        << QStringList {"list", "--store", data("clean.json")} << "not a peering-wizard store";
    QTest::newRow("password in URL")
        << QStringList {"list", "--store", "postgresql://ix:hunter2@127.0.0.1:1/db"}
        << "PGPASSWORD";
    QTest::newRow("no server") << QStringList {"list", "--store", "postgresql://ix@127.0.0.1:1/db"}
                               << "cannot connect";
    QTest::newRow("bad format") << QStringList {"list", "--format", "xml", "--store",
                                                m_dir.filePath("x.sqlite")}
                                << "text or json";
    QTest::newRow("no files") << QStringList {"import", "--store", m_dir.filePath("x.sqlite")}
                              << "give one or more documents";
}

void TestCliStore::storeErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const QByteArray before = QFile::exists(data("clean.json")) ? QByteArray() : QByteArray();
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count('\n'), 1); // one clear line
    QVERIFY2(err.contains(reason), qPrintable(err));
    QVERIFY2(!err.contains("hunter2"), "a password never shows");
    QVERIFY(!QFileInfo::exists(m_dir.filePath("no")));
    QVERIFY(!QFileInfo::exists(m_dir.filePath("never.sqlite")));
    Q_UNUSED(before)
}

void TestCliStore::defaultStoreIsPerUser()
{
    const QString file
        = m_dir.filePath("home/data/peering-wizard/peering-wizard/onboardings.sqlite");
    const Run empty = run({"list"});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY2(QString::fromUtf8(empty.out).contains("No onboardings"), empty.out.constData());
    QVERIFY(!QFileInfo::exists(file)); // listing makes no store
    const Run emptyJson = run({"list", "--format", "json"});
    QCOMPARE(QJsonDocument::fromJson(emptyJson.out).object().value("onboardings").toArray().size(),
             0);

    QCOMPARE(run({"import", data("clean.json")}).exitCode, 0);
    QVERIFY(QFileInfo::exists(file));
    QCOMPARE(QFileInfo(file).permissions()
                 & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFileDevice::Permissions());
    const Run listed = run({"list"});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(QString::fromUtf8(listed.out).contains("Example-IX to Microsoft"));
}

void TestCliStore::secretsAreLeftOutUnlessAsked()
{
    const QString s = store("secrets.sqlite");
    const Run r = run({"import", data("clean.json"), "--store", s});
    QCOMPARE(r.exitCode, 0);
    // No keychain answers here (the tests run without a session bus): kept nowhere, and why.
    QVERIFY2(QString::fromUtf8(r.err).contains("1 MD5 key not kept: the desktop keychain is not available")
                 && QString::fromUtf8(r.err).contains("--include-secrets"),
             r.err.constData());
    QFile f(s.mid(7));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("s3cret-ams"));
    const Run kept
        = run({"import", data("clean.json"), "--store", store("kept.sqlite"), "--include-secrets"});
    QCOMPARE(kept.exitCode, 0);
    QVERIFY(kept.err.isEmpty());
}

void TestCliStore::usage()
{
    const Run help = run({"--help"});
    QVERIFY(QString::fromUtf8(help.out).contains("peering-wizard import FILE..."));
    QVERIFY(QString::fromUtf8(help.out).contains("peering-wizard list [--store URL]"));
    QVERIFY(QString::fromUtf8(help.out).contains("peering-wizard mark --name NAME"));
    for (const char *command : {"import", "list", "track", "mark"}) {
        const Run r = run({command, "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains("--store"), r.out.constData());
    }
}

void TestCliStore::postgresql()
{
    TestSupport::TempStore pg(StoreLocation::Backend::PostgreSql, QStringLiteral("tst_cli_store"));
    if (!pg.unavailableReason().isEmpty())
        QSKIP(qPrintable(pg.unavailableReason()));
    QVERIFY(pg.reset());
    const QString url = pg.location().displayString();
    const Run imported
        = run({"import", data("clean.json"), data("store-v1-second.json"), "--store", url});
    QVERIFY2(imported.exitCode == 0, imported.err.constData() + QByteArray(" ") + imported.out);
    const Run again = run({"import", data("clean.json"), "--store", url});
    QCOMPARE(again.exitCode, 1);
    const Run listed = run({"list", "--store", url, "--format", "json"});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray list
        = QJsonDocument::fromJson(listed.out).object().value("onboardings").toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(1).toObject().value("stage").toString(), QStringLiteral("keys-delivered"));
    const Run text = run({"list", "--store", url});
    QVERIFY(QString::fromUtf8(text.out).contains(url));
}

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_cli_store.moc"
