// peering-wizard export with every format, run as a process: exit codes, output, secrets,
// options, the PDF path on the offscreen platform, and export --name from a store. HOME and the
// XDG folders point into a temporary folder, so the user's real store is never touched.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include "clirun.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <sys/stat.h>

namespace {

using Run = Peering::TestSupport::CliRun;

Run runWizard(const QStringList &args, bool withoutDisplay = false)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (withoutDisplay) {
        // As on a server: no display at all; the PDF export must pick offscreen itself.
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    }
    env.insert(QStringLiteral("SOURCE_DATE_EPOCH"), QStringLiteral("1795350600")); // 2026-11-22
    // Qt's PDF writer numbers the embedded fonts in QHash order, which is seeded per process:
    // a fixed seed makes two runs' PDFs comparable byte for byte.
    env.insert(QStringLiteral("QT_HASH_SEED"), QStringLiteral("0"));
    return Peering::TestSupport::runCli(QStringLiteral(PEERING_WIZARD_BIN), args, {}, env);
}

QString full()
{
    return QStringLiteral(PEERING_TEST_DATA_DIR "/golden/input-full.json");
}

const QString kName = QStringLiteral("Example-IX to Microsoft"); // the name in input-full.json

// An exported document without the line that names the stored version it is a copy of; empty
// when that line is not there with the version expected.
QByteArray withoutStoredVersion(const QByteArray &json, int version)
{
    QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.take(QLatin1String("storedVersion")) != QJsonValue(version))
        return {};
    return QJsonDocument(o).toJson(QJsonDocument::Indented); // as the exporter writes it
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The store's file and journal: what a read-only command must leave as it found it.
QByteArray storeHash(const QString &path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &file : {path, path + QStringLiteral("-wal")}) {
        hash.addData(file.toUtf8());
        hash.addData(readAll(file));
    }
    return hash.result();
}

// The one line of a store error after "peering-wizard COMMAND: ".
QString reasonOf(const QByteArray &err)
{
    const QString line = QString::fromUtf8(err).trimmed();
    return line.mid(line.indexOf(QStringLiteral(": ")) + 2);
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textFormats_data();
    void textFormats();
    void sameAsGolden();
    void secretsOnRequest();
    void apiVersion();
    void azRefusesValuesStartingWithAt();
    void pdfNeedsOutput();
    void pdf_data();
    void pdf();
    void badOptions_data();
    void badOptions();
    void documentWithErrorsExports();
    void helpListsFormats();
    void fullDiskNeverReplacesAGoodExport_data();
    void fullDiskNeverReplacesAGoodExport();
    void fifoAndDevicesAreWrittenNotReplaced();
    void exportsWithSecretsAreTheOwnersOnly();

    void initTestCase();
    void byName_data();
    void byName();
    void byNameLeavesTheStoreAsItWas();
    void unknownName_data();
    void unknownName();
    void fileOrName_data();
    void fileOrName();
    void storeErrorsAsList_data();
    void storeErrorsAsList();
    void defaultStore();
    void damagedIndexIsReported();

private:
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    // A store made by the command line, as users make one.
    void importInto(const QString &store, const QString &file, bool keepKeys);
    // Runs one statement on an SQLite store behind the program's back; the error, if any.
    static QString execOn(const QString &file, const char *sql);

    QTemporaryDir m_dir;
};

// Runs the program in sh with a file-size limit of 1 block (512 bytes), SIGXFSZ ignored, so every
// write beyond it fails with EFBIG as on a full disk; or on a real full disk (/dev/full, a small
// tmpfs when this machine lets the test mount one).
namespace {

Run runLimited(const QStringList &args)
{
    QStringList quoted;
    for (const QString &a : args)
        quoted.append(u'\'' + QString(a).replace(u'\'', QStringLiteral("'\\''")) + u'\'');
    return Peering::TestSupport::runCli(
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 1; exec %1 %2")
                                   .arg(QStringLiteral(PEERING_WIZARD_BIN), quoted.join(u' '))});
}

} // namespace

void TestCliExport::fullDiskNeverReplacesAGoodExport_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("how");
    for (const char *format : {"arm", "markdown", "pdf"}) {
        QTest::addRow("%s-file-size-limit", format) << QString::fromLatin1(format) << "limit";
        QTest::addRow("%s-tmpfs", format) << QString::fromLatin1(format) << "tmpfs";
    }
    QTest::newRow("json-dev-full") << "json" << "devfull";
}

// A write that fails part way (ENOSPC, EFBIG) exits 2 with a message that says what failed, and
// the good export from before is still there, byte for byte; no temporary file is left.
void TestCliExport::fullDiskNeverReplacesAGoodExport()
{
    QFETCH(QString, format);
    QFETCH(QString, how);
    const QStringList exportArgs {QStringLiteral("export"), full(), QStringLiteral("--format"), format};
    if (how == QLatin1String("devfull")) {
        const Run r = runWizard(exportArgs + QStringList {QStringLiteral("--output"), QStringLiteral("/dev/full")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("cannot write /dev/full: No space left on device"), r.err.constData());
        return;
    }
    QTemporaryDir folder(m_dir.filePath(QStringLiteral("full-XXXXXX")));
    QString dir = folder.path();
    bool mounted = false;
    if (how == QLatin1String("tmpfs")) {
        // 64 KB: the good export fits, the second one (a bigger document) does not.
        const Run mount = Peering::TestSupport::runCli(
            QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                      QStringLiteral("size=64k"), QStringLiteral("tmpfs"), dir});
        if (mount.exitCode != 0)
            QSKIP("this machine does not let the test mount a tmpfs; the file-size-limit rows cover the same path");
        mounted = true;
    }
    const QString out = dir + QStringLiteral("/onboarding.out");
    const Run good = runWizard(exportArgs + QStringList {QStringLiteral("--output"), out});
    QCOMPARE(good.exitCode, 0);
    const QByteArray before = readAll(out);
    QVERIFY(before.size() > 0);
    QStringList left {QStringLiteral("onboarding.out")};
    if (mounted) {
        // Whatever room is left, taken: the next write fails with ENOSPC.
        QFile filler(dir + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, '\0');
        while (filler.write(block) == block.size()) { }
        filler.close();
        left.prepend(QStringLiteral("filler"));
    }
    // With the limit: a document whose export is bigger than 512 bytes, as any is.
    const Run r = mounted ? runWizard(exportArgs + QStringList {QStringLiteral("--output"), out})
                          : runLimited(exportArgs + QStringList {QStringLiteral("--output"), out});
    const QByteArray after = readAll(out);
    const QStringList files = QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
    if (mounted)
        Peering::TestSupport::runCli(QStringLiteral("umount"), {dir});
    QCOMPARE(r.exitCode, 2);
    const QByteArray reason = mounted ? QByteArray("No space left on device") : QByteArray("File too large");
    QVERIFY2(r.err.contains("cannot write " + out.toUtf8() + ": " + reason)
                 && r.err.contains("the file there is unchanged"),
             r.err.constData());
    QCOMPARE(after, before);
    QCOMPARE(files, left); // no temporary file left behind
}

void TestCliExport::fifoAndDevicesAreWrittenNotReplaced()
{
    const QString fifo = m_dir.filePath(QStringLiteral("export.fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const Run lonely = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                                  QStringLiteral("json"), QStringLiteral("--output"), fifo});
    QCOMPARE(lonely.exitCode, 2);
    QVERIFY2(lonely.err.contains("is a FIFO that no program reads"), lonely.err.constData());
    QProcess reader;
    reader.start(QStringLiteral("cat"), {fifo});
    QVERIFY(reader.waitForStarted());
    // cat opens the FIFO for reading a moment after it starts.
    Run r;
    for (int attempt = 0; attempt < 50; ++attempt) {
        r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--output"), fifo});
        if (r.exitCode == 0)
            break;
        QTest::qWait(50);
    }
    QCOMPARE(r.exitCode, 0);
    QVERIFY(reader.waitForFinished(10000));
    QVERIFY(reader.readAllStandardOutput().contains("\"format\": \"peering-onboarding/1\""));
    QVERIFY(QFileInfo(fifo).exists());
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));
    // A device: written, not replaced.
    const Run null = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                                QStringLiteral("json"), QStringLiteral("--output"), QStringLiteral("/dev/null")});
    QCOMPARE(null.exitCode, 0);
    QCOMPARE(::stat("/dev/null", &st), 0);
    QVERIFY(S_ISCHR(st.st_mode));
    // A folder is refused with a word on what to give.
    const Run folder = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                                  QStringLiteral("json"), QStringLiteral("--output"), m_dir.path()});
    QCOMPARE(folder.exitCode, 2);
    QVERIFY(folder.err.contains("it is a folder; give a file name"));
}

// An export holding MD5 keys is readable by its owner only, also when it replaces a readable
// file; without keys, the usual mode.
void TestCliExport::exportsWithSecretsAreTheOwnersOnly()
{
    const QString secret = m_dir.filePath(QStringLiteral("secret.json"));
    QFile old(secret);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    QVERIFY(old.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    for (const char *format : {"json", "arm", "pdf"}) {
        const QString out = QLatin1String(format) == QLatin1String("json")
            ? secret
            : m_dir.filePath(QStringLiteral("secret.%1").arg(QLatin1String(format)));
        const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                                 QLatin1String(format), QStringLiteral("--include-secrets"),
                                 QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QFileInfo(out).permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
                 QFile::ReadOwner | QFile::WriteOwner);
    }
    const QString plain = m_dir.filePath(QStringLiteral("plain.json"));
    const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--output"), plain});
    QCOMPARE(r.exitCode, 0);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(plain).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0666 & ~mask);
}

void TestCliExport::importInto(const QString &store, const QString &file, bool keepKeys)
{
    QStringList args {QStringLiteral("import"), file, QStringLiteral("--store"), store};
    if (keepKeys)
        args.append(QStringLiteral("--include-secrets"));
    const Run r = runWizard(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestCliExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("HOME", path("home").toUtf8());
    qputenv("XDG_DATA_HOME", path("home/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", path("home/config").toUtf8());

    importInto(path("keys.sqlite"), full(), true);
    importInto(path("nokeys.sqlite"), full(), false);
    importInto(path("the team's store.sqlite"), full(), false);

    // The document as a store without MD5 keys holds it.
    QJsonObject doc = QJsonDocument::fromJson(readAll(full())).object();
    QJsonArray peerings = doc.value(QLatin1String("peerings")).toArray();
    int removed = 0;
    for (QJsonValueRef p : peerings) {
        QJsonObject peering = p.toObject();
        QJsonArray connections = peering.value(QLatin1String("connections")).toArray();
        for (QJsonValueRef c : connections) {
            QJsonObject connection = c.toObject();
            QJsonObject bgp = connection.value(QLatin1String("bgp")).toObject();
            removed += bgp.contains(QLatin1String("md5Key")) ? 1 : 0;
            bgp.remove(QLatin1String("md5Key"));
            connection.insert(QLatin1String("bgp"), bgp);
            c = connection;
        }
        peering.insert(QLatin1String("connections"), connections);
        p = peering;
    }
    QCOMPARE(removed, 1);
    doc.insert(QLatin1String("peerings"), peerings);
    QFile keyless(path("keyless.json"));
    QVERIFY(keyless.open(QIODevice::WriteOnly));
    keyless.write(QJsonDocument(doc).toJson());
    keyless.close();

    // A store from a newer peering-wizard.
    importInto(path("newer.sqlite"), full(), false);
    QCOMPARE(execOn(path("newer.sqlite"),
                    "INSERT INTO schema_version (version, applied_at, applied_by, app_version) "
                    "VALUES (99, '2030-01-01T00:00:00.000Z', 'future', '9.0')"),
             QString());
    // The audit trail of an onboarding that was removed from the store.
    QCOMPARE(execOn(path("nokeys.sqlite"),
                    "INSERT INTO audit (onboarding_id, onboarding_name, changed_by, changed_at, "
                    "field) VALUES (7, 'Gone-IX to Microsoft', 'alice', "
                    "'2026-10-01T08:00:00.000Z', '(removed)')"),
             QString());
}

QString TestCliExport::execOn(const QString &file, const char *sql)
{
    const QString connection = QStringLiteral("raw");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(file);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(QString::fromUtf8(sql)))
                error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return error;
}

// An index of names that lost its entries (here: its leaf page emptied behind SQLite's back) is
// reported as damage, with the repair, never as "no onboarding named X ... did you mean X?".
void TestCliExport::damagedIndexIsReported()
{
    const QString file = path("damaged.sqlite");
    importInto(file, full(), false);
    int rootPage = 0;
    int pageSize = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
        pageSize = q.value(0).toInt();
        QVERIFY(q.exec(QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = "
                                      "'onboardings' AND sql IS NULL")) && q.next());
        rootPage = q.value(0).toInt();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));
    QVERIFY(rootPage > 1 && pageSize > 0);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(qint64(rootPage - 1) * pageSize));
    QCOMPARE(f.read(1), QByteArray("\x0a")); // a leaf page of an index
    QVERIFY(f.seek(qint64(rootPage - 1) * pageSize + 3));
    f.write(QByteArray(2, '\0')); // no cells
    f.close();

    const Run r = runWizard({QStringLiteral("export"), QStringLiteral("--name"), kName, QStringLiteral("--store"),
                             file, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("the store's index of onboarding names is damaged")
                 && r.err.contains("REINDEX") && !r.err.contains("did you mean"),
             r.err.constData());
}

void TestCliExport::byName_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("storeKeys"); // imported with --include-secrets
    QTest::addColumn<bool>("exportKeys"); // exported with --include-secrets
    for (const char *format : {"json", "markdown", "arm", "pdf"}) {
        for (const bool storeKeys : {true, false}) {
            for (const bool exportKeys : {true, false}) {
                QTest::addRow("%s, store %s keys, export %s keys", format,
                              storeKeys ? "with" : "without", exportKeys ? "with" : "without")
                    << QString::fromLatin1(format) << storeKeys << exportKeys;
            }
        }
    }
}

// The same bytes as exporting the stored document from a file: the document itself when the
// store kept the MD5 keys, the document without them when it did not.
void TestCliExport::byName()
{
    QFETCH(QString, format);
    QFETCH(bool, storeKeys);
    QFETCH(bool, exportKeys);
    const bool pdf = format == QLatin1String("pdf");
    const QString store = storeKeys ? path("keys.sqlite") : path("nokeys.sqlite");
    const QString document = storeKeys ? full() : path("keyless.json");
    QTemporaryDir out;
    QStringList common {QStringLiteral("--format"), format};
    if (exportKeys)
        common.append(QStringLiteral("--include-secrets"));

    QStringList byName = QStringList {QStringLiteral("export"), QStringLiteral("--name"), kName,
                                      QStringLiteral("--store"), store}
        + common;
    QStringList byFile = QStringList {QStringLiteral("export"), document} + common;
    if (pdf) {
        byName << QStringLiteral("--output") << out.filePath(QStringLiteral("name.pdf"));
        byFile << QStringLiteral("--output") << out.filePath(QStringLiteral("file.pdf"));
    }
    // PDF without a display: the program must start its Gui offscreen for --name too.
    const Run fromStore = runWizard(byName, pdf);
    QVERIFY2(fromStore.exitCode == 0, fromStore.err.constData());
    const Run fromFile = runWizard(byFile, pdf);
    QVERIFY2(fromFile.exitCode == 0, fromFile.err.constData());

    QByteArray stored = pdf ? readAll(out.filePath(QStringLiteral("name.pdf"))) : fromStore.out;
    QByteArray expected = pdf ? readAll(out.filePath(QStringLiteral("file.pdf"))) : fromFile.out;
    QVERIFY(!stored.isEmpty());
    if (pdf) {
        QVERIFY(stored.startsWith("%PDF-"));
        // Qt writes the clock time into a PDF's CreationDate; everything else must match.
        for (QByteArray *bytes : {&stored, &expected}) {
            const qsizetype at = bytes->indexOf("/CreationDate (D:");
            QVERIFY(at > 0);
            bytes->replace(at + 17, 14, QByteArray(14, '0'));
        }
    }
    // The document of a stored onboarding says which version it is a copy of (import --replace
    // checks it); otherwise the same, byte for byte.
    if (format == QLatin1String("json"))
        stored = withoutStoredVersion(stored, 1);
    QVERIFY(stored == expected);
    QCOMPARE(fromStore.err, fromFile.err);
    // Keys come out only when the store has them and they are asked for.
    if (!pdf)
        QCOMPARE(stored.contains("s3cret-ams"), storeKeys && exportKeys);
    QCOMPARE(fromStore.err.contains("1 MD5 key left out"), storeKeys && !exportKeys);
}

void TestCliExport::byNameLeavesTheStoreAsItWas()
{
    const QString store = path("keys.sqlite");
    const QByteArray before = storeHash(store);
    const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files, QDir::Name);
    QTemporaryDir out;
    for (const QStringList &args :
         {QStringList {QStringLiteral("--name"), kName, QStringLiteral("--format"),
                       QStringLiteral("json")},
          QStringList {QStringLiteral("--name"), kName, QStringLiteral("--format"),
                       QStringLiteral("pdf"), QStringLiteral("--output"),
                       out.filePath(QStringLiteral("o.pdf"))},
          QStringList {QStringLiteral("--name"), QStringLiteral("nobody"),
                       QStringLiteral("--format"), QStringLiteral("json")}}) {
        runWizard(QStringList {QStringLiteral("export"), QStringLiteral("--store"), store} + args);
    }
    QVERIFY(QFileInfo::exists(out.filePath(QStringLiteral("o.pdf"))));
    QVERIFY(storeHash(store) == before);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files, QDir::Name), filesBefore);
}

void TestCliExport::unknownName_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QString>("listCommand"); // as the line suggests it, ready for a shell
    const QString keys = path("keys.sqlite");
    const QString listKeys = QStringLiteral("peering-wizard list --store ") + keys;
    QTest::newRow("unknown") << keys << QStringLiteral("Other-IX to Microsoft") << QString()
                             << listKeys;
    // Names are matched exactly, as the store matches them; the line says which one is meant.
    QTest::newRow("other case") << keys << QStringLiteral("example-ix to microsoft")
                                << QStringLiteral(" (upper and lower case count: did you mean "
                                                  "\"Example-IX to Microsoft\"?)")
                                << listKeys;
    QTest::newRow("trailing space") << keys << kName + u' ' << QString() << listKeys;
    QTest::newRow("removed") << path("nokeys.sqlite") << QStringLiteral("Gone-IX to Microsoft")
                             << QStringLiteral(" (removed by alice at 2026-10-01 08:00:00 UTC)")
                             << QStringLiteral("peering-wizard list --store ")
                                    + path("nokeys.sqlite");
    const QString quoted = path("the team's store.sqlite").replace(u'\'', QStringLiteral("'\\''"));
    QTest::newRow("store path to quote")
        << path("the team's store.sqlite") << QStringLiteral("Other-IX to Microsoft") << QString()
        << QStringLiteral("peering-wizard list --store '") + quoted + u'\'';
}

void TestCliExport::unknownName()
{
    QFETCH(QString, store);
    QFETCH(QString, name);
    QFETCH(QString, hint);
    QFETCH(QString, listCommand);
    const Run r = runWizard({QStringLiteral("export"), QStringLiteral("--name"), name,
                             QStringLiteral("--store"), store, QStringLiteral("--format"),
                             QStringLiteral("json")});
    QCOMPARE(r.exitCode, 2); // as for a document file that does not exist
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY2(err.startsWith(QStringLiteral("peering-wizard export: there is no onboarding named \"")
                            + name + u'"'),
             qPrintable(err));
    QVERIFY2(err.endsWith(QStringLiteral("; run ") + listCommand
                          + QStringLiteral(" to see the names\n")),
             qPrintable(err));
    QVERIFY2(err.contains(u'"' + name + QStringLiteral("\" in sqlite:") + store + hint
                          + QStringLiteral("; run ")),
             qPrintable(err));
    QCOMPARE(err.contains(QStringLiteral("did you mean")),
             hint.contains(QStringLiteral("did you mean")));
}

void TestCliExport::fileOrName_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList format {QStringLiteral("--format"), QStringLiteral("json")};
    QTest::newRow("both")
        << QStringList {QStringLiteral("export"), full(), QStringLiteral("--name"), kName} + format
        << "give either a document FILE or --name NAME, not both";
    QTest::newRow("neither") << QStringList {QStringLiteral("export")} + format
                             << "give the document FILE to export, or --name NAME";
    QTest::newRow("neither, with a store")
        << QStringList {QStringLiteral("export"), QStringLiteral("--store"), path("keys.sqlite")}
               + format
        << "give the document FILE to export, or --name NAME";
    QTest::newRow("store with a file")
        << QStringList {QStringLiteral("export"), full(), QStringLiteral("--store"),
                        path("keys.sqlite")} + format
        << "--store goes with --name NAME";
    QTest::newRow("empty name") << QStringList {QStringLiteral("export"), QStringLiteral("--name"),
                                                QString()} + format
                                << "--name needs the name of an onboarding";
    QTest::newRow("two names") << QStringList {QStringLiteral("export"), QStringLiteral("--name"),
                                               kName, QStringLiteral("--name"), kName} + format
                               << "give --name only once";
    QTest::newRow("name without a value")
        << QStringList {QStringLiteral("export"), QStringLiteral("--format"),
                        QStringLiteral("json"), QStringLiteral("--name")}
        << "Missing value after '--name'";
}

void TestCliExport::fileOrName()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runWizard(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY2(err.startsWith(QStringLiteral("peering-wizard export: ")) && err.contains(message),
             qPrintable(err));
}

void TestCliExport::storeErrorsAsList_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing file") << path("never.sqlite") << "does not exist";
    QTest::newRow("missing file, sqlite:") << "sqlite:" + path("never.sqlite") << "does not exist";
    QTest::newRow("missing folder") << path("no/such/folder/s.sqlite") << "does not exist";
    QTest::newRow("newer schema") << path("newer.sqlite") << "written by a newer version";
    QTest::newRow("not a store") << full() << "not a peering-wizard store";
    QTest::newRow("PostgreSQL refused")
        << QStringLiteral("postgresql://ix@127.0.0.1:1/db") << "cannot connect to the store";
    QTest::newRow("password in the URL")
        << QStringLiteral("postgresql://ix:hunter2@127.0.0.1:1/db") << "PGPASSWORD";
}

// The same one line as list gives for the same store, and nothing made or changed.
void TestCliExport::storeErrorsAsList()
{
    QFETCH(QString, store);
    QFETCH(QString, reason);
    const QByteArray newerBefore = storeHash(path("newer.sqlite"));
    const QByteArray documentBefore = readAll(full());

    const Run exported = runWizard({QStringLiteral("export"), QStringLiteral("--name"), kName,
                                    QStringLiteral("--store"), store, QStringLiteral("--format"),
                                    QStringLiteral("json")});
    QCOMPARE(exported.exitCode, 2);
    QVERIFY(exported.out.isEmpty());
    const QString err = QString::fromUtf8(exported.err);
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY2(err.startsWith(QStringLiteral("peering-wizard export: ")) && err.contains(reason),
             qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("hunter2")), "a password never shows");

    const Run listed = runWizard({QStringLiteral("list"), QStringLiteral("--store"), store});
    QCOMPARE(listed.exitCode, 2);
    QCOMPARE(reasonOf(exported.err), reasonOf(listed.err));

    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QVERIFY(!QFileInfo::exists(path("never.sqlite") + QLatin1String(suffix)));
    QVERIFY(!QFileInfo::exists(path("no")));
    QVERIFY(storeHash(path("newer.sqlite")) == newerBefore);
    QVERIFY(readAll(full()) == documentBefore);
}

// Without --store: the store list and import use (here the per-user default, as no store is
// chosen in the settings).
void TestCliExport::defaultStore()
{
    const QString file = path("home/data/peering-wizard/peering-wizard/onboardings.sqlite");
    const QStringList exportArgs {QStringLiteral("export"), QStringLiteral("--name"), kName,
                                  QStringLiteral("--format"), QStringLiteral("json")};
    // Nothing imported yet: the name is not there, and no store is made for asking.
    const Run before = runWizard(exportArgs);
    QCOMPARE(before.exitCode, 2);
    QVERIFY2(before.err.contains("there is no onboarding named \"Example-IX to Microsoft\"")
                 && before.err.contains("; run peering-wizard list to see the names"),
             before.err.constData());
    QVERIFY(!QFileInfo::exists(file));
    QVERIFY(!QFileInfo::exists(path("home/data")));

    const Run imported = runWizard({QStringLiteral("import"), full()});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY(QFileInfo::exists(file));
    const Run after = runWizard(exportArgs);
    QVERIFY2(after.exitCode == 0, after.err.constData());
    const Run fromFile = runWizard(
        {QStringLiteral("export"), path("keyless.json"), QStringLiteral("--format"),
         QStringLiteral("json")});
    QVERIFY(withoutStoredVersion(after.out, 1) == fromFile.out);
}

void TestCliExport::textFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("json") << "json" << QByteArray("\"format\": \"peering-onboarding/1\"");
    QTest::newRow("markdown") << "markdown" << QByteArray("# Review summary");
    QTest::newRow("html") << "html" << QByteArray("<!DOCTYPE html>");
    QTest::newRow("arm") << "arm" << QByteArray("deploymentTemplate.json#");
    QTest::newRow("az") << "az" << QByteArray("az peering peering create");
    QTest::newRow("powershell") << "powershell" << QByteArray("\nNew-AzPeering ");
    QTest::newRow("keysheet") << "keysheet" << QByteArray("Contoso Hosting");
}

void TestCliExport::textFormats()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, expected);
    const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"), format});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains(expected), r.out.left(400).constData());
    QVERIFY(!r.out.contains("s3cret-ams"));
    QVERIFY(r.err.contains("1 MD5 key left out"));
}

void TestCliExport::sameAsGolden()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("review.md"));
    // --format=VALUE as well as --format VALUE.
    const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format=markdown"),
                             QStringLiteral("--output"), out});
    QCOMPARE(r.exitCode, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray md = f.readAll();
    QVERIFY(md.contains("2026-11-22"));
    QFile golden(QStringLiteral(PEERING_TEST_DATA_DIR "/golden/full.markdown.md"));
    QVERIFY(golden.open(QIODevice::ReadOnly));
    // The golden file was exported at 10:30; the CLI's SOURCE_DATE_EPOCH differs only in the time.
    QCOMPARE(md.size(), golden.size());
}

void TestCliExport::secretsOnRequest()
{
    for (const char *f : {"json", "arm", "az", "powershell", "markdown"}) {
        const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                                 QLatin1String(f), QStringLiteral("--include-secrets")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("s3cret-ams"), f);
        QVERIFY(!r.err.contains("left out"));
    }
}

void TestCliExport::apiVersion()
{
    const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                             QStringLiteral("arm"), QStringLiteral("--api-version"),
                             QStringLiteral("2025-05-01")});
    QCOMPARE(r.exitCode, 0);
    // Every Microsoft.Peering resource, in the nested group deployments too (the deployments
    // themselves have Microsoft.Resources' own api-version).
    int peeringResources = 0;
    std::function<void(const QJsonArray &)> visit = [&](const QJsonArray &resources) {
        for (const QJsonValue &v : resources) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("type")).toString().startsWith(QLatin1String("Microsoft.Peering/"))) {
                ++peeringResources;
                QCOMPARE(o.value(QLatin1String("apiVersion")).toString(), QStringLiteral("2025-05-01"));
            }
            visit(o.value(QLatin1String("properties")).toObject().value(QLatin1String("template"))
                      .toObject().value(QLatin1String("resources")).toArray());
        }
    };
    visit(QJsonDocument::fromJson(r.out).object().value(QLatin1String("resources")).toArray());
    QCOMPARE(peeringResources, 5);
    // The default is the latest stable api-version.
    const Run d = runWizard(
        {QStringLiteral("export"), full(), QStringLiteral("--format"), QStringLiteral("arm")});
    QVERIFY(d.out.contains("\"apiVersion\": \"2025-05-01\""));
    QVERIFY(!d.out.contains("2022-10-01"));
    const Run older = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                                 QStringLiteral("arm"), QStringLiteral("--api-version"),
                                 QStringLiteral("2022-10-01")});
    QCOMPARE(older.exitCode, 0);
    // An api-version Azure never published is refused, with the ones it did.
    for (const QString bad : {QStringLiteral("foo"), QStringLiteral("2024-01-01"), QString()}) {
        const Run r = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"),
                                 QStringLiteral("arm"), QStringLiteral("--api-version"), bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("is not an api-version of Microsoft.Peering")
                     && r.err.contains("2025-05-01"),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
}

// az reads "@path" as a file to load, whatever the quoting: the az export refuses such a value
// unless --allow-at; the PowerShell export has no such reading and goes on.
void TestCliExport::azRefusesValuesStartingWithAt()
{
    QFile in(full());
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(in.readAll()).object();
    QJsonObject peerAsn = doc.value(QLatin1String("peerAsn")).toObject();
    peerAsn.insert(QLatin1String("peerName"), QStringLiteral("@/etc/hostname"));
    doc.insert(QLatin1String("peerAsn"), peerAsn);
    const QString file = path("at.json");
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(doc).toJson());
    out.close();
    const Run refused = runWizard({QStringLiteral("export"), file, QStringLiteral("--format"), QStringLiteral("az")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.contains("--peer-name \"@/etc/hostname\" starts with \"@\"")
                 && refused.err.contains("--allow-at"),
             refused.err.constData());
    const Run allowed = runWizard({QStringLiteral("export"), file, QStringLiteral("--format"),
                                   QStringLiteral("az"), QStringLiteral("--allow-at")});
    QCOMPARE(allowed.exitCode, 0);
    QVERIFY(allowed.out.contains("--peer-name '@/etc/hostname'"));
    const Run ps = runWizard({QStringLiteral("export"), file, QStringLiteral("--format"), QStringLiteral("powershell")});
    QCOMPARE(ps.exitCode, 0);
    // validate warns where the value is.
    const Run v = runWizard({QStringLiteral("validate"), file});
    QVERIFY2(v.out.contains("[value.leading-at] peerAsn.peerName"), v.out.constData());
}

void TestCliExport::pdfNeedsOutput()
{
    const Run r = runWizard(
        {QStringLiteral("export"), full(), QStringLiteral("--format"), QStringLiteral("pdf")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("--output"));
}

void TestCliExport::pdf_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("pageSize");
    QTest::addColumn<bool>("withoutDisplay");
    QTest::newRow("pdf-a4") << "pdf"
                            << "a4" << false;
    QTest::newRow("pdf-letter-no-display") << "pdf"
                                           << "letter" << true;
    QTest::newRow("keysheet-pdf") << "keysheet-pdf"
                                  << "a4" << true;
}

void TestCliExport::pdf()
{
    QFETCH(QString, format);
    QFETCH(QString, pageSize);
    QFETCH(bool, withoutDisplay);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.pdf"));
    const Run r
        = runWizard({QStringLiteral("export"), full(), QStringLiteral("--format"), format,
                     QStringLiteral("--page-size"), pageSize, QStringLiteral("--output"), out},
                    withoutDisplay);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.contains(pageSize == QLatin1String("letter")
                             ? "/MediaBox [0 0 612.000000 792.000000]"
                             : "/MediaBox [0 0 595."));
}

void TestCliExport::badOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no-format") << QStringList {QStringLiteral("export"), full()};
    QTest::newRow("yaml") << QStringList {QStringLiteral("export"), full(),
                                          QStringLiteral("--format"), QStringLiteral("yaml")};
    QTest::newRow("page-size") << QStringList {
        QStringLiteral("export"),      full(),
        QStringLiteral("--format"),    QStringLiteral("markdown"),
        QStringLiteral("--page-size"), QStringLiteral("a3")};
    QTest::newRow("missing-file") << QStringList {
        QStringLiteral("export"), QStringLiteral("/nonexistent.json"), QStringLiteral("--format"),
        QStringLiteral("arm")};
    QTest::newRow("two-files") << QStringList {QStringLiteral("export"), full(), full(),
                                               QStringLiteral("--format"), QStringLiteral("az")};
}

void TestCliExport::badOptions()
{
    QFETCH(QStringList, args);
    const Run r = runWizard(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("peering-wizard"));
}

void TestCliExport::documentWithErrorsExports()
{
    const Run r = runWizard({QStringLiteral("export"),
                             QStringLiteral(PEERING_TEST_DATA_DIR "/many-findings.json"),
                             QStringLiteral("--format"), QStringLiteral("markdown")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("DOES NOT PASS VALIDATION"));
    QVERIFY(r.err.contains("does not pass validation"));
}

void TestCliExport::helpListsFormats()
{
    const Run r = runWizard({QStringLiteral("export"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const char *f : {"json", "arm", "az", "powershell", "markdown", "html", "pdf", "keysheet",
                          "--page-size", "--api-version", "--include-secrets",
                          "Usage: peering-wizard export FILE|--name NAME [--store URL]",
                          "--name <NAME>", "--store <URL>", "PGPASSWORD"})
        QVERIFY2(r.out.contains(f), f);
    const Run all = runWizard({QStringLiteral("--help")});
    QVERIFY(all.out.contains("peering-wizard export FILE|--name NAME [--store URL] --format"));
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
