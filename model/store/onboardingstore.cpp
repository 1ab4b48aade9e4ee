#include "onboardingstore.h"

#include "storetransaction.h"

#include "auditdiff.h"
#include "migrator.h"
#include "onboardingrows.h"
#include "sqlsession.h"

#include "document/onboardingdocument.h"
#include "domain/textchecks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <vector>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace Peering {

struct OnboardingStore::Stamp
{
    QString user;
    QDateTime time;
    QString text; // ISO 8601 UTC with milliseconds, as stored
};

namespace {

int digits(QStringView s, qsizetype from, qsizetype count)
{
    int n = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = s.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        n = n * 10 + (c - u'0');
    }
    return n;
}

// "2026-02-10". The store writes exactly this form, so the list reads it without the general
// parser (a measurable share of listing 5,000 onboardings).
QDate parseDate(QStringView s)
{
    if (s.size() == 10 && s.at(4) == u'-' && s.at(7) == u'-') {
        const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
        if (y >= 0 && m >= 0 && d >= 0)
            return QDate(y, m, d);
    }
    return QDate::fromString(s.toString(), Qt::ISODate);
}

// "2026-11-21T23:43:00.123Z", as stamp() writes it; anything else through the general parser.
QDateTime parseTime(QStringView s)
{
    if (s.size() == 24 && s.at(10) == u'T' && s.at(19) == u'.' && s.at(23) == u'Z') {
        const QDate date = parseDate(s.left(10));
        const int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2),
                  ms = digits(s, 20, 3);
        if (date.isValid() && h >= 0 && mi >= 0 && sec >= 0 && ms >= 0)
            return QDateTime(date, QTime(h, mi, sec, ms), Qt::UTC);
    }
    return QDateTime::fromString(s.toString(), Qt::ISODateWithMs);
}

QDateTime parseTime(const QVariant &v)
{
    return parseTime(QStringView(v.toString()));
}

QString showTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                       : OnboardingStore::tr("an unknown time");
}

QStringList parseMetros(const QString &text)
{
    // The store writes a compact JSON array of strings: read the plain case directly.
    if (text == QLatin1String("[]"))
        return {};
    if (text.size() > 4 && text.startsWith(QLatin1String("[\""))
        && text.endsWith(QLatin1String("\"]")) && !text.contains(u'\\'))
        return QStringView(text).mid(2, text.size() - 4).toString().split(QStringLiteral("\",\""));
    QStringList out;
    const QJsonArray a = QJsonDocument::fromJson(text.toUtf8()).array();
    out.reserve(a.size());
    for (const QJsonValue &v : a)
        out.append(v.toString());
    return out;
}

} // namespace

OnboardingStore::OnboardingStore(std::unique_ptr<SqlSession> session, const StoreOptions &options)
    : m_session(std::move(session))
    , m_options(options)
    , m_user(options.userName.isEmpty() ? osUserName() : options.userName)
{ }

OnboardingStore::~OnboardingStore() = default;

const StoreLocation &OnboardingStore::location() const
{
    return m_copyOf ? *m_copyOf : m_session->location();
}

int OnboardingStore::latestSchemaVersion()
{
    return Migrator::latestVersion();
}

QString OnboardingStore::osUserName()
{
    for (const char *var : {"USER", "LOGNAME", "USERNAME"}) {
        const QString v = qEnvironmentVariable(var).trimmed();
        if (!v.isEmpty())
            return v;
    }
#ifdef Q_OS_UNIX
    // Services and cron jobs often run without USER; the account database still knows.
    if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    return QStringLiteral("unknown");
}

QString OnboardingStore::connectionName() const
{
    return m_session->connectionName();
}

// --- opening

StoreResult<std::unique_ptr<OnboardingStore>> OnboardingStore::open(const StoreLocation &location,
                                                                    const StoreOptions &options)
{
    StoreResult<std::unique_ptr<OnboardingStore>> store = openOnce(location, options);
    if (!store || !(*store)->isReadOnly() || (*store)->m_schemaVersion >= latestSchemaVersion())
        return store;
    // A read-only open never changes the store. A store of an older schema is read from an
    // upgraded private copy (SQLite: VACUUM INTO gives a consistent one); a team store is
    // upgraded by its next writer.
    const QString doing = tr("cannot open the store");
    OnboardingStore &old = **store;
    if ((*store)->m_schemaVersion == 0)
        return old.m_session->error(StoreError::Kind::NotAStore, doing,
                                    tr("it is an SQLite file that holds no onboarding store"));
    if (!location.isSqlite())
        return old.m_session->error(
            StoreError::Kind::ReadOnly, doing,
            tr("its schema version is %1, older than this peering-wizard's %2, and reading does "
               "not change it; open it once for writing (the window, or import) to upgrade it")
                .arg(old.m_schemaVersion)
                .arg(latestSchemaVersion()));
    auto copyDir = std::make_unique<QTemporaryDir>();
    if (!copyDir->isValid())
        return old.m_session->error(StoreError::Kind::ReadOnly, doing,
                                    tr("no private folder for a copy to upgrade: %1")
                                        .arg(copyDir->errorString()));
    const QString copy = copyDir->filePath(QStringLiteral("upgraded.sqlite"));
    QString escaped = copy;
    escaped.replace(u'\'', QStringLiteral("''"));
    StoreStatus copied = old.m_session->exec(QStringLiteral("VACUUM INTO '%1'").arg(escaped), doing);
    if (!copied)
        return copied.error();
    store->reset();
    const StoreLocation copyLocation = StoreLocation::sqliteFile(copy);
    StoreOptions upgrade = options;
    upgrade.mode = StoreOptions::Mode::ReadWrite;
    StoreResult<std::unique_ptr<OnboardingStore>> writer = openOnce(copyLocation, upgrade);
    if (!writer)
        return writer.error();
    writer->reset();
    StoreResult<std::unique_ptr<OnboardingStore>> reader = openOnce(copyLocation, options);
    if (!reader)
        return reader.error();
    (*reader)->m_copyOf = std::make_unique<StoreLocation>(location);
    (*reader)->m_copyDir = std::move(copyDir);
    return reader;
}

StoreResult<std::unique_ptr<OnboardingStore>>
OnboardingStore::openOnce(const StoreLocation &location, const StoreOptions &options)
{
    static std::atomic<int> counter {0};
    const QString doing = tr("cannot open the store");
    const bool readOnly = options.mode == StoreOptions::Mode::ReadOnly;
    // A writer derives the list columns of every document it saves; without the function it
    // would store wrong ones. Open through TrackedStore::open, which supplies it.
    if (!readOnly && !options.listColumns)
        return StoreError(StoreError::Kind::Invalid,
                          tr("%1: the store was opened for writing without its list columns")
                              .arg(doing));
    auto session
        = std::make_unique<SqlSession>(location, QStringLiteral("peering-store-%1").arg(++counter));
    QSqlDatabase &db = session->database();
    QString createdFile;

    if (location.isSqlite()) {
        const QString path = location.filePath();
        const QFileInfo info(path);
        if (info.isDir())
            return session->error(StoreError::Kind::NotAStore, doing, tr("it is a folder"));
        // A device or a FIFO is no store, and SQLite would make a journal beside it
        // (/dev/null-journal).
        if (info.exists() && !info.isFile())
            return session->error(StoreError::Kind::NotAStore, doing,
                                  tr("it is not a regular file"));
        if (readOnly && info.exists() && info.size() == 0)
            return session->error(StoreError::Kind::NotAStore, doing,
                                  tr("it is an empty file, not a store yet (import into it to "
                                     "make one)"));
        if (!info.exists()) {
            if (readOnly)
                return session->error(StoreError::Kind::Missing, doing, tr("no such file"));
            const QString folder = info.absolutePath();
            if (!QFileInfo::exists(folder)) {
                // Only the default location is ours to create; a missing folder elsewhere is a
                // typo or an unmounted disk, not something to paper over.
                if (!location.isDefault())
                    return session->error(StoreError::Kind::Missing, doing,
                                          tr("the folder %1 does not exist").arg(folder));
                if (!QDir().mkpath(folder))
                    return session->error(StoreError::Kind::ReadOnly, doing,
                                          tr("cannot create the folder %1").arg(folder));
                QFile::setPermissions(folder,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            }
            // A journal without its database (the store file was deleted or moved): SQLite
            // would replay it into the new file. It may be all that is left of someone's data,
            // so it is not ours to delete either.
            for (const char *suffix : {"-wal", "-journal"}) {
                if (QFileInfo::exists(path + QLatin1String(suffix)))
                    return session->error(StoreError::Kind::Missing, doing,
                                          tr("there is no store file, but its journal %1 is still "
                                             "there; restore the store file or move the journal "
                                             "away")
                                              .arg(path + QLatin1String(suffix)));
            }
            // Owner only (created so, not changed after): the store holds contacts, prefix keys
            // and, when asked, MD5 keys. SQLite gives its -wal and -shm files the same mode.
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                           QFile::ReadOwner | QFile::WriteOwner))
                return session->error(StoreError::Kind::ReadOnly, doing, file.errorString());
            file.close();
            createdFile = path;
        }
        QStringList connectOptions {
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(qMax(0, options.busyTimeoutMs))};
        QString name = path;
        if (readOnly) {
            connectOptions.append(QStringLiteral("QSQLITE_OPEN_READONLY"));
            // In a folder we cannot write, SQLite cannot make the -shm file a WAL reader needs
            // ("attempt to write a readonly database"). No writer can change the store there
            // either (it could not make its journal): read it as immutable.
            if (!QFileInfo(info.absolutePath()).isWritable()) {
                connectOptions.append(QStringLiteral("QSQLITE_OPEN_URI"));
                QString uriPath = QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded);
                name = uriPath + QStringLiteral("?mode=ro&immutable=1");
            }
        }
        db.setConnectOptions(connectOptions.join(u';'));
        db.setDatabaseName(name);
    } else {
        db.setHostName(location.host());
        db.setPort(location.port());
        db.setUserName(location.userName());
        db.setDatabaseName(location.databaseName());
        if (!options.password.isEmpty())
            db.setPassword(options.password);
        QStringList connectOptions;
        bool timeout = false;
        for (const auto &option : location.options()) {
            connectOptions.append(option.first + u'=' + option.second);
            timeout = timeout || option.first == QLatin1String("connect_timeout");
        }
        // A server that does not answer is an error after a while, not a hang.
        if (!timeout)
            connectOptions.append(QStringLiteral("connect_timeout=10"));
        db.setConnectOptions(connectOptions.join(u';'));
    }

    // A store we made and could not set up goes again, with any journal it got.
    auto removeCreated = [&createdFile] {
        if (createdFile.isEmpty())
            return;
        for (const char *suffix : {"-wal", "-shm", "-journal"})
            QFile::remove(createdFile + QLatin1String(suffix));
        QFile::remove(createdFile);
    };
    if (!db.open()) {
        StoreError e = session->error(db.lastError(), doing);
        if (location.isPostgreSql() && e.kind() == StoreError::Kind::Database)
            e = session->error(StoreError::Kind::Connection, doing, e.databaseText());
        removeCreated();
        return e;
    }
    session->connected();
    std::unique_ptr<OnboardingStore> store(new OnboardingStore(std::move(session), options));
    StoreStatus prepared = store->prepare();
    if (!prepared) {
        store.reset();
        removeCreated();
        return prepared.error();
    }
    return store;
}

StoreStatus OnboardingStore::prepare()
{
    SqlSession &s = *m_session;
    const QString doing = tr("cannot open the store");
    const bool sqlite = s.dialect().isSqlite();
    if (!sqlite) {
        for (const QString &sql :
             {QStringLiteral("SET client_min_messages TO warning"),
              QStringLiteral("SET lock_timeout = %1").arg(qMax(1, m_options.busyTimeoutMs))}) {
            StoreStatus st = s.exec(sql, doing);
            if (!st)
                return st;
        }
        if (isReadOnly()) {
            StoreStatus st = s.exec(
                QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"), doing);
            if (!st)
                return st;
        }
    }

    // Read before anything is written: a store we do not understand is left as it is.
    StoreResult<int> version = Migrator::currentVersion(s);
    if (!version)
        return version.error();
    m_schemaVersion = *version;
    const int latest = Migrator::latestVersion();
    if (*version > latest)
        return s.error(StoreError::Kind::NewerSchema, doing,
                       tr("its schema version is %1, this peering-wizard knows versions up to %2; "
                          "update peering-wizard to use it")
                           .arg(*version)
                           .arg(latest));

    if (sqlite) {
        StoreStatus fk = s.exec(QStringLiteral("PRAGMA foreign_keys = ON"), doing);
        if (!fk)
            return fk;
    }
    if (isReadOnly())
        return StoreDone {};

    if (sqlite && *version > 0) {
        StoreStatus intact = checkIntegrity();
        if (!intact)
            return intact;
    }
    if (*version > 0) {
        // Can we write at all? Take the write lock and touch nothing: a read-only file,
        // database or session, or another program's lock, shows here rather than half-way
        // through the user's first save.
        StoreTransaction t(s, doing);
        if (!t.begun())
            return t.begun();
        StoreResult<QSqlQuery *> probe
            = s.run(QStringLiteral("DELETE FROM schema_version WHERE 1 = 0"), {}, doing);
        t.rollback();
        if (!probe)
            return probe.error();
    }
    if (sqlite) {
        StoreResult<QList<SqlSession::Row>> wal
            = s.select(QStringLiteral("PRAGMA journal_mode = WAL"), {}, doing);
        if (!wal)
            return wal.error();
        // FULL: a commit is on disk before it is reported, also across a power cut.
        StoreStatus sync = s.exec(QStringLiteral("PRAGMA synchronous = FULL"), doing);
        if (!sync)
            return sync;
    }
    const int target
        = m_options.targetSchemaVersion > 0 ? qMin(m_options.targetSchemaVersion, latest) : latest;
    StoreStatus migrated = Migrator::migrate(
        s, target, m_user, [this] { return OnboardingRows::refreshSummaries(*m_session, m_options.listColumns); });
    if (!migrated)
        return migrated;
    StoreResult<int> now = Migrator::currentVersion(s);
    if (!now)
        return now.error();
    m_schemaVersion = *now;
    return StoreDone {};
}

StoreStatus OnboardingStore::checkIntegrity()
{
    SqlSession &s = *m_session;
    const QString doing = tr("cannot check the store");
    if (!s.dialect().isSqlite()) {
        StoreResult<QList<SqlSession::Row>> r
            = s.select(QStringLiteral("SELECT count(*) FROM onboarding_documents"), {}, doing);
        return r ? StoreStatus(StoreDone {}) : StoreStatus(r.error());
    }
    StoreResult<QList<SqlSession::Row>> r
        = s.select(QStringLiteral("PRAGMA integrity_check"), {}, doing);
    if (!r)
        return r.error();
    if (r->size() == 1 && r->constFirst().constFirst().toString() == QLatin1String("ok"))
        return StoreDone {};
    QStringList problems;
    for (const SqlSession::Row &row : *r) {
        if (problems.size() == 3) {
            problems.append(tr("..."));
            break;
        }
        problems.append(row.constFirst().toString());
    }
    return s.error(StoreError::Kind::Corrupt, doing,
                   tr("integrity_check: %1").arg(problems.join(QStringLiteral("; "))));
}

// --- helpers

OnboardingStore::Stamp OnboardingStore::stamp() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return {m_user, now, now.toString(Qt::ISODateWithMs)};
}

QString OnboardingStore::documentText(const Onboarding &onboarding) const
{
    return QString::fromUtf8(
        QJsonDocument(onboarding.toJson(m_options.keepSecrets)).toJson(QJsonDocument::Compact));
}

StoreStatus OnboardingStore::refuseWhenReadOnly(const QString &doing) const
{
    if (isReadOnly())
        return m_session->error(StoreError::Kind::ReadOnly, doing, tr("it was opened read-only"));
    return StoreDone {};
}

StoreError OnboardingStore::notFound(const QString &name, const QString &doing)
{
    QString message = tr("%1: there is no onboarding named \"%2\" in the store").arg(doing, name);
    StoreResult<QList<SqlSession::Row>> removed = m_session->select(
        QStringLiteral("SELECT changed_by, changed_at FROM audit WHERE onboarding_name = ? "
                       "AND field = ? ORDER BY id DESC LIMIT 1"),
        {name, QLatin1String(AuditEntry::Removed)}, doing);
    StoreError e(StoreError::Kind::NotFound, message);
    if (removed && !removed->isEmpty()) {
        const QString by = removed->constFirst().at(0).toString();
        const QDateTime at = parseTime(removed->constFirst().at(1));
        e = StoreError(StoreError::Kind::NotFound,
                       message + tr(" (removed by %1 at %2)").arg(by, showTime(at)));
        e.setConflict(by, at, 0);
    }
    return e;
}

StoreStatus OnboardingStore::checkRegisteredAsns(const Onboarding &onboarding,
                                                 qint64 ownId,
                                                 const QString &doing)
{
    QHash<quint32, qsizetype> seen;
    for (qsizetype i = 0; i < onboarding.registeredAsns.size(); ++i) {
        const std::optional<quint32> v
            = OnboardingRows::asnValue(onboarding.registeredAsns.at(i).asn);
        if (!v)
            continue;
        const QString path = QStringLiteral("registeredAsns[%1].asn").arg(i);
        if (seen.contains(*v)) {
            StoreError e(StoreError::Kind::AsnTaken,
                         tr("%1: [%2] %3: AS%4 is registered twice in this onboarding (also "
                            "registeredAsns[%5]); a customer ASN is registered once")
                             .arg(doing, QLatin1String(UniqueAsnRule), path)
                             .arg(*v)
                             .arg(seen.value(*v)));
            e.setField(QLatin1String(UniqueAsnRule), path, onboarding.name);
            return e;
        }
        seen.insert(*v, i);
        StoreResult<QList<SqlSession::Row>> holder = m_session->select(
            QStringLiteral(
                "SELECT o.name FROM registered_asns r JOIN onboardings o "
                "ON o.id = r.onboarding_id WHERE r.asn_value = ? AND r.onboarding_id <> ?"),
            {qint64(*v), ownId}, doing);
        if (!holder)
            return holder.error();
        if (!holder->isEmpty()) {
            const QString other = holder->constFirst().constFirst().toString();
            StoreError e(StoreError::Kind::AsnTaken,
                         tr("%1: [%2] %3: AS%4 is already registered by the onboarding \"%5\"; a "
                            "customer ASN is registered once in the whole store")
                             .arg(doing, QLatin1String(UniqueAsnRule), path)
                             .arg(*v)
                             .arg(other));
            e.setField(QLatin1String(UniqueAsnRule), path, other);
            return e;
        }
    }
    return StoreDone {};
}

StoreError OnboardingStore::completeAsnError(StoreError error, const Onboarding &onboarding)
{
    // The checks before writing see every committed registration; a unique violation means
    // another user committed the same ASN (or name) at the same moment. Say which, now that
    // their transaction is visible.
    const QString text = error.databaseText();
    if (error.kind() != StoreError::Kind::Database)
        return error;
    const QString doing = tr("cannot store \"%1\"").arg(onboarding.name);
    if (text.contains(QLatin1String("registered_asns"))) {
        StoreStatus again = checkRegisteredAsns(onboarding, -1, doing);
        if (!again && again.error().kind() == StoreError::Kind::AsnTaken)
            return again.error();
        StoreError e(StoreError::Kind::AsnTaken,
                     tr("%1: [%2] a customer ASN of this onboarding was registered by someone "
                        "else at the same moment (%3)")
                         .arg(doing, QLatin1String(UniqueAsnRule), text),
                     text);
        e.setField(QLatin1String(UniqueAsnRule), QStringLiteral("registeredAsns"));
        return e;
    }
    if (text.contains(QLatin1String("onboardings.name"))
        || text.contains(QLatin1String("onboardings_name_key")))
        return StoreError(StoreError::Kind::Duplicate,
                          tr("%1: an onboarding named \"%2\" was stored by someone else at the "
                             "same moment; use a new name")
                              .arg(doing, onboarding.name),
                          text);
    return error;
}

StoreStatus OnboardingStore::audit(qint64 id,
                                   const QString &name,
                                   const QList<AuditEntry> &entries,
                                   const Stamp &st,
                                   const QString &doing)
{
    auto orNull = [](const QString &s) {
        return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
    };
    for (const AuditEntry &e : entries) {
        StoreResult<QSqlQuery *> r = m_session->run(
            QStringLiteral("INSERT INTO audit (onboarding_id, onboarding_name, changed_by, "
                           "changed_at, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {id, name, st.user, st.text, e.field, orNull(e.oldValue), orNull(e.newValue)}, doing);
        if (!r)
            return r.error();
    }
    return StoreDone {};
}

// --- writing

// A name users find the onboarding by: not empty, and nothing in it that a terminal or the
// command line cannot show or pass (NUL, ESC, bidi controls).
StoreStatus OnboardingStore::checkName(const QString &name, const QString &doing)
{
    if (name.trimmed().isEmpty())
        return StoreError(StoreError::Kind::Invalid,
                          tr("%1: the onboarding has no name; give it one before storing it").arg(doing));
    if (const std::optional<char32_t> hidden = TextChecks::firstHiddenCharacter(name))
        return StoreError(StoreError::Kind::Invalid,
                          tr("%1: the name holds %2, which cannot be shown or typed as it is (the "
                             "onboarding could not be found by its name); remove it")
                              .arg(doing, TextChecks::describeCharacter(*hidden)));
    return StoreDone {};
}

StoreResult<StoredOnboarding> OnboardingStore::insertNew(const Onboarding &onboarding,
                                                         const QString &doing)
{
    SqlSession &s = *m_session;
    StoreStatus named = checkName(onboarding.name, doing);
    if (!named)
        return named.error();
    StoreResult<QList<SqlSession::Row>> existing = s.select(
        QStringLiteral("SELECT id FROM onboardings WHERE name = ?"), {onboarding.name}, doing);
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return StoreError(StoreError::Kind::Duplicate,
                          tr("%1: an onboarding named \"%2\" is already in the store; use a new "
                             "name")
                              .arg(doing, onboarding.name));
    StoreStatus asns = checkRegisteredAsns(onboarding, -1, doing);
    if (!asns)
        return asns.error();

    const Stamp st = stamp();
    QList<QVariant> values {onboarding.name,
                            onboarding.peerAsn.asn.isNull() ? QStringLiteral("")
                                                            : onboarding.peerAsn.asn,
                            1,
                            st.user,
                            st.text,
                            st.user,
                            st.text};
    values.append(OnboardingRows::summaryValues(onboarding, m_options.listColumns));
    StoreResult<QSqlQuery *> inserted = s.run(
        QStringLiteral("INSERT INTO onboardings (name, peer_asn, version, created_by, created_at, "
                       "updated_by, updated_at, stage, next_stage, next_expected, metros) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        values, doing);
    if (!inserted)
        return inserted.error();
    StoreResult<QList<SqlSession::Row>> idRow = s.select(
        QStringLiteral("SELECT id FROM onboardings WHERE name = ?"), {onboarding.name}, doing);
    if (!idRow)
        return idRow.error();
    if (idRow->isEmpty())
        return s.error(StoreError::Kind::Database, doing, tr("the new row cannot be read back"));
    const qint64 id = idRow->constFirst().constFirst().toLongLong();

    StoreResult<QSqlQuery *> doc = s.run(
        QStringLiteral("INSERT INTO onboarding_documents (onboarding_id, document) VALUES (?, ?)"),
        {id, documentText(onboarding)}, doing);
    if (!doc)
        return doc.error();
    StoreStatus rows = OnboardingRows::insert(s, id, onboarding, doing);
    if (!rows)
        return rows.error();
    AuditEntry created;
    created.field = QLatin1String(AuditEntry::Created);
    created.newValue = onboarding.name;
    StoreStatus audited = audit(id, onboarding.name, {created}, st, doing);
    if (!audited)
        return audited.error();

    StoredOnboarding stored;
    stored.id = id;
    stored.version = 1;
    stored.createdBy = stored.updatedBy = st.user;
    stored.createdAt = stored.updatedAt = st.time;
    stored.onboarding = onboarding; // its keys go to the keychain after the commit (keepKeys)
    return stored;
}

StoreResult<StoredOnboarding> OnboardingStore::update(qint64 id,
                                                      int expectedVersion,
                                                      const Onboarding &onboarding,
                                                      bool replacing,
                                                      const QString &doing)
{
    SqlSession &s = *m_session;
    const QString select
        = QStringLiteral("SELECT o.name, o.version, o.updated_by, o.updated_at, o.created_by, "
                         "o.created_at, d.document FROM onboardings o JOIN onboarding_documents d "
                         "ON d.onboarding_id = o.id WHERE o.id = ?")
        + s.dialect().forUpdate();
    StoreResult<QList<SqlSession::Row>> rows = s.select(select, {id}, doing);
    if (!rows)
        return rows.error();
    if (rows->isEmpty()) {
        // Removed since it was loaded: say by whom, from the audit trail.
        StoreResult<QList<SqlSession::Row>> gone = s.select(
            QStringLiteral(
                "SELECT onboarding_name FROM audit WHERE onboarding_id = ? AND field = ? "
                "ORDER BY id DESC LIMIT 1"),
            {id, QLatin1String(AuditEntry::Removed)}, doing);
        const QString name = gone && !gone->isEmpty() ? gone->constFirst().constFirst().toString()
                                                      : onboarding.name;
        return notFound(name, doing);
    }
    const SqlSession::Row &row = rows->constFirst();
    const QString oldName = row.at(0).toString();
    const int current = row.at(1).toInt();
    auto conflict = [&](const QString &by, const QDateTime &at, int now) {
        StoreError e(StoreError::Kind::Conflict,
                     tr("%1: \"%2\" was changed by %3 at %4 (version %5; your edit started from "
                        "version %6); reload it and apply your changes again")
                         .arg(doing, oldName, by, showTime(at))
                         .arg(now)
                         .arg(expectedVersion));
        e.setConflict(by, at, now);
        return e;
    };
    if (!replacing && current != expectedVersion)
        return conflict(row.at(2).toString(), parseTime(row.at(3)), current);
    StoreStatus named = checkName(onboarding.name, doing);
    if (!named)
        return named.error();
    if (onboarding.name != oldName) {
        StoreResult<QList<SqlSession::Row>> taken = s.select(
            QStringLiteral("SELECT id FROM onboardings WHERE name = ?"), {onboarding.name}, doing);
        if (!taken)
            return taken.error();
        if (!taken->isEmpty())
            return StoreError(StoreError::Kind::Duplicate,
                              tr("%1: an onboarding named \"%2\" is already in the store; use a "
                                 "new name")
                                  .arg(doing, onboarding.name));
    }
    StoreStatus asns = checkRegisteredAsns(onboarding, id, doing);
    if (!asns)
        return asns.error();

    StoredOnboarding stored;
    stored.id = id;
    stored.createdBy = row.at(4).toString();
    stored.createdAt = parseTime(row.at(5));
    stored.onboarding = onboarding; // its keys go to the keychain after the commit (keepKeys)
    if (oldName != onboarding.name)
        stored.renamedFrom = oldName;

    const QString oldText = row.at(6).toString();
    const QString newText = documentText(onboarding);
    if (oldText == newText) {
        // Nothing changed: no new version, no audit noise (a draft autosave may do this often).
        stored.version = current;
        stored.updatedBy = row.at(2).toString();
        stored.updatedAt = parseTime(row.at(3));
        return stored;
    }

    const Stamp st = stamp();
    QList<QVariant> values {onboarding.name,
                            onboarding.peerAsn.asn.isNull() ? QStringLiteral("")
                                                            : onboarding.peerAsn.asn,
                            current + 1, st.user, st.text};
    values.append(OnboardingRows::summaryValues(onboarding, m_options.listColumns));
    values.append(id);
    values.append(current);
    StoreResult<QSqlQuery *> updated
        = s.run(QStringLiteral(
                    "UPDATE onboardings SET name = ?, peer_asn = ?, version = ?, updated_by = ?, "
                    "updated_at = ?, stage = ?, next_stage = ?, next_expected = ?, metros = ? "
                    "WHERE id = ? AND version = ?"),
                values, doing);
    if (!updated)
        return updated.error();
    if ((*updated)->numRowsAffected() != 1) {
        // Changed between our read and our write (only possible without a row lock).
        StoreResult<QList<SqlSession::Row>> now = s.select(
            QStringLiteral("SELECT version, updated_by, updated_at FROM onboardings WHERE id = ?"),
            {id}, doing);
        if (now && !now->isEmpty())
            return conflict(now->constFirst().at(1).toString(), parseTime(now->constFirst().at(2)),
                            now->constFirst().at(0).toInt());
        return notFound(oldName, doing);
    }
    StoreResult<QSqlQuery *> doc = s.run(
        QStringLiteral("UPDATE onboarding_documents SET document = ? WHERE onboarding_id = ?"),
        {newText, id}, doing);
    if (!doc)
        return doc.error();
    StoreStatus removed = OnboardingRows::remove(s, id, doing);
    if (!removed)
        return removed.error();
    StoreStatus rowsWritten = OnboardingRows::insert(s, id, onboarding, doing);
    if (!rowsWritten)
        return rowsWritten.error();

    QList<AuditEntry> entries;
    if (replacing) {
        AuditEntry e;
        e.field = QLatin1String(AuditEntry::Replaced);
        e.oldValue = QString::number(current);
        e.newValue = QString::number(current + 1);
        entries.append(e);
    }
    entries.append(AuditDiff::diff(QJsonDocument::fromJson(oldText.toUtf8()).object(),
                                   QJsonDocument::fromJson(newText.toUtf8()).object()));
    StoreStatus audited = audit(id, onboarding.name, entries, st, doing);
    if (!audited)
        return audited.error();

    stored.version = current + 1;
    stored.updatedBy = st.user;
    stored.updatedAt = st.time;
    return stored;
}

StoreResult<StoredOnboarding> OnboardingStore::create(const Onboarding &onboarding)
{
    const QString doing = tr("cannot store \"%1\"").arg(onboarding.name);
    StoreStatus writable = refuseWhenReadOnly(doing);
    if (!writable)
        return writable.error();
    StoreTransaction t(*m_session, doing);
    if (!t.begun())
        return t.begun().error();
    StoreResult<StoredOnboarding> r = insertNew(onboarding, doing);
    if (!r) {
        t.rollback();
        return completeAsnError(r.error(), onboarding);
    }
    StoreStatus committed = t.commit();
    if (!committed)
        return committed.error();
    keepKeys(*r);
    return r;
}

StoreResult<StoredOnboarding> OnboardingStore::save(const StoredOnboarding &edited)
{
    const QString doing = tr("cannot save \"%1\"").arg(edited.onboarding.name);
    StoreStatus writable = refuseWhenReadOnly(doing);
    if (!writable)
        return writable.error();
    StoreTransaction t(*m_session, doing);
    if (!t.begun())
        return t.begun().error();
    StoreResult<StoredOnboarding> r
        = update(edited.id, edited.version, edited.onboarding, false, doing);
    if (!r) {
        t.rollback();
        return completeAsnError(r.error(), edited.onboarding);
    }
    StoreStatus committed = t.commit();
    if (!committed)
        return committed.error();
    keepKeys(*r);
    return r;
}

// With keepSecrets the keys are in the store's document itself, and the keychain is not used.
Md5Keychain::Outcome OnboardingStore::keepKeys(Onboarding &onboarding, const QString &renamedFrom) const
{
    if (m_options.keepSecrets)
        return {};
    if (!renamedFrom.isEmpty())
        Md5Keychain::rename(renamedFrom, onboarding.name);
    return Md5Keychain::keep(onboarding);
}

void OnboardingStore::keepKeys(StoredOnboarding &stored) const
{
    stored.secrets = keepKeys(stored.onboarding, stored.renamedFrom);
}

void OnboardingStore::fillKeys(Onboarding &onboarding) const
{
    if (!m_options.keepSecrets)
        Md5Keychain::fill(onboarding);
}

StoreStatus OnboardingStore::remove(const QString &name, int expectedVersion)
{
    SqlSession &s = *m_session;
    const QString doing = tr("cannot remove \"%1\"").arg(name);
    StoreStatus writable = refuseWhenReadOnly(doing);
    if (!writable)
        return writable;
    StoreTransaction t(s, doing);
    if (!t.begun())
        return t.begun();
    // Every early return rolls back (the transaction's destructor).
    auto fail = [](const StoreError &e) { return StoreStatus(e); };
    StoreResult<QList<SqlSession::Row>> rows = s.select(
        QStringLiteral("SELECT id, version, updated_by, updated_at FROM onboardings WHERE name = ?")
            + s.dialect().forUpdate(),
        {name}, doing);
    if (!rows)
        return fail(rows.error());
    if (rows->isEmpty())
        return fail(notFound(name, doing));
    const qint64 id = rows->constFirst().at(0).toLongLong();
    const int current = rows->constFirst().at(1).toInt();
    if (current != expectedVersion) {
        const QString by = rows->constFirst().at(2).toString();
        const QDateTime at = parseTime(rows->constFirst().at(3));
        StoreError e(StoreError::Kind::Conflict,
                     tr("%1: it was changed by %2 at %3 (version %4; you saw version %5); reload "
                        "it before removing it")
                         .arg(doing, by, showTime(at))
                         .arg(current)
                         .arg(expectedVersion));
        e.setConflict(by, at, current);
        return fail(e);
    }
    StoreStatus parts = OnboardingRows::remove(s, id, doing);
    if (!parts)
        return fail(parts.error());
    for (const QString &sql :
         {QStringLiteral("DELETE FROM onboarding_documents WHERE onboarding_id = ?"),
          QStringLiteral("DELETE FROM onboardings WHERE id = ?")}) {
        StoreResult<QSqlQuery *> r = s.run(sql, {id}, doing);
        if (!r)
            return fail(r.error());
    }
    AuditEntry removed;
    removed.field = QLatin1String(AuditEntry::Removed);
    removed.oldValue = name;
    StoreStatus audited = audit(id, name, {removed}, stamp(), doing);
    if (!audited)
        return fail(audited.error());
    StoreStatus committed = t.commit();
    if (committed && !m_options.keepSecrets)
        Md5Keychain::forget(name); // its keys go with it
    return committed;
}

StoreResult<QList<ImportOutcome>>
OnboardingStore::importDocuments(const QList<Onboarding> &documents, bool replace, bool force)
{
    SqlSession &s = *m_session;
    const QString doing = tr("cannot import");
    StoreStatus writable = refuseWhenReadOnly(doing);
    if (!writable)
        return writable.error();
    StoreTransaction t(s, doing);
    if (!t.begun())
        return t.begun().error();
    // Every early return rolls the whole batch back (the transaction's destructor).
    auto fail = [](const StoreError &e) { return e; };
    QList<ImportOutcome> outcomes;
    QList<StoredOnboarding> imported; // their keys go to the keychain after the commit
    for (const Onboarding &given : documents) {
        // The version the file was exported from is for this check only: not stored.
        Onboarding doc = given;
        const QJsonValue exportedFrom = doc.extra.take(QLatin1String(Onboarding::StoredVersionKey));
        const QString what = tr("cannot store \"%1\"").arg(doc.name);
        ImportOutcome outcome;
        outcome.name = doc.name;
        StoreStatus sp = s.exec(QStringLiteral("SAVEPOINT import_document"), what);
        if (!sp)
            return fail(sp.error());
        StoreResult<QList<SqlSession::Row>> existing = s.select(
            QStringLiteral("SELECT id, version, updated_by, updated_at FROM onboardings WHERE name = ?"),
            {doc.name}, what);
        if (!existing)
            return fail(existing.error());
        std::optional<StoreResult<StoredOnboarding>> r;
        const int storedVersion = existing->isEmpty() ? 0 : existing->constFirst().at(1).toInt();
        const bool stale = replace && !force && !existing->isEmpty() && exportedFrom.isDouble()
            && exportedFrom.toInt() != storedVersion;
        if (stale) {
            // Two people export, edit and import: the second must not revert the first.
            const QString by = existing->constFirst().at(2).toString();
            const QDateTime at = parseTime(existing->constFirst().at(3));
            StoreError e(StoreError::Kind::Conflict,
                         tr("%1: the file was exported from version %2, but %3 changed it at %4 "
                            "(now version %5); export it again and apply your changes there, or "
                            "use --force to replace their changes")
                             .arg(what)
                             .arg(exportedFrom.toInt())
                             .arg(by, showTime(at))
                             .arg(storedVersion));
            e.setConflict(by, at, storedVersion);
            r = StoreResult<StoredOnboarding>(e);
        } else if (existing->isEmpty()) {
            r = insertNew(doc, what);
        } else if (replace) {
            r = update(existing->constFirst().at(0).toLongLong(),
                       existing->constFirst().at(1).toInt(), doc, true, what);
        } else {
            r = StoreResult<StoredOnboarding>(StoreError(
                StoreError::Kind::Duplicate,
                tr("%1: an onboarding of that name is already in the store; use a new name")
                    .arg(what)));
        }
        if (r->ok()) {
            StoreStatus released
                = s.exec(QStringLiteral("RELEASE SAVEPOINT import_document"), what);
            if (!released)
                return fail(released.error());
            outcome.action = existing->isEmpty() ? ImportOutcome::Action::Created
                                                 : ImportOutcome::Action::Replaced;
            outcome.version = (*r)->version;
            imported.append(r->value());
        } else {
            // The store itself failed (full, locked, damaged): nothing of this batch stays. (SQLite
            // may already have rolled the whole transaction back after such an error.)
            if (!r->error().isRefusal() && r->error().kind() != StoreError::Kind::Database)
                return fail(r->error());
            // Undo this document only: all of it or none of it.
            StoreStatus back
                = s.exec(QStringLiteral("ROLLBACK TO SAVEPOINT import_document"), what);
            if (!back)
                return fail(r->error().isRefusal() ? back.error() : r->error());
            StoreStatus released
                = s.exec(QStringLiteral("RELEASE SAVEPOINT import_document"), what);
            if (!released)
                return fail(released.error());
            StoreError e = completeAsnError(r->error(), doc);
            if (!e.isRefusal())
                return fail(e);
            outcome.action = ImportOutcome::Action::Refused;
            outcome.error = e;
        }
        outcomes.append(outcome);
    }
    StoreStatus committed = t.commit();
    if (!committed)
        return committed.error();
    // The documents' MD5 keys move to the keychain (the store's copy has none).
    qsizetype next = 0;
    for (ImportOutcome &outcome : outcomes) {
        if (outcome.action == ImportOutcome::Action::Refused)
            continue;
        StoredOnboarding &stored = imported[next++];
        keepKeys(stored);
        outcome.secretsKept = stored.secrets.kept;
        outcome.secretsLeftOut = stored.secrets.dropped;
        outcome.secretsReason = stored.secrets.reason;
    }
    return outcomes;
}

// --- reading

QString OnboardingStore::listQuery()
{
    return QStringLiteral("SELECT id, name, peer_asn, metros, stage, next_stage, next_expected, "
                          "version, updated_by, updated_at FROM onboardings");
}

namespace {

OnboardingSummary summaryOfRow(const QSqlQuery &r)
{
    OnboardingSummary s;
    s.id = r.value(0).toLongLong();
    s.name = r.value(1).toString();
    s.peerAsn = r.value(2).toString();
    s.metros = parseMetros(r.value(3).toString());
    s.stage = r.value(4).toString();
    s.nextStage = r.value(5).toString();
    const QString next = r.value(6).toString();
    if (!next.isEmpty())
        s.nextExpected = parseDate(next);
    s.version = r.value(7).toInt();
    s.updatedBy = r.value(8).toString();
    s.updatedAt = parseTime(QStringView(r.value(9).toString()));
    return s;
}

} // namespace

StoreResult<std::optional<OnboardingSummary>> OnboardingStore::summary(const QString &name)
{
    std::optional<OnboardingSummary> out;
    StoreStatus scanned = m_session->scan(
        listQuery() + QStringLiteral(" WHERE name = ?"), {name},
        tr("cannot read \"%1\" for the list").arg(name),
        [&out](const QSqlQuery &r) { out = summaryOfRow(r); });
    if (!scanned)
        return scanned.error();
    return out;
}

StoreResult<QList<OnboardingSummary>> OnboardingStore::list()
{
    QList<OnboardingSummary> out;
    StoreStatus scanned = m_session->scan(
        listQuery(), {}, tr("cannot list the onboardings"),
        [&out](const QSqlQuery &r) { out.append(summaryOfRow(r)); });
    if (!scanned)
        return scanned.error();
    // Sorted here rather than by the database, so that both back ends (whose collations
    // differ) give the same order: case-insensitive, ties by exact text. The folded keys are
    // made once per row, not once per comparison.
    std::vector<std::pair<QString, qsizetype>> keys;
    keys.reserve(size_t(out.size()));
    for (qsizetype i = 0; i < out.size(); ++i)
        keys.emplace_back(out.at(i).name.toCaseFolded(), i);
    std::sort(keys.begin(), keys.end(), [&out](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return out.at(a.second).name < out.at(b.second).name;
    });
    QList<OnboardingSummary> sorted;
    sorted.reserve(out.size());
    for (const auto &k : keys)
        sorted.append(std::move(out[k.second]));
    return sorted;
}

StoreResult<StoredOnboarding> OnboardingStore::load(const QString &name)
{
    const QString doing = tr("cannot load \"%1\"").arg(name);
    StoreResult<QList<SqlSession::Row>> rows = m_session->select(
        QStringLiteral("SELECT o.id, o.version, o.created_by, o.created_at, o.updated_by, "
                       "o.updated_at, d.document FROM onboardings o JOIN onboarding_documents d "
                       "ON d.onboarding_id = o.id WHERE o.name = ?"),
        {name}, doing);
    if (!rows)
        return rows.error();
    if (rows->isEmpty()) {
        // Not found through the index of names: is it there all the same? Then the index is
        // damaged, and "no onboarding named X" would be a lie.
        if (m_session->dialect().isSqlite()) {
            StoreResult<QList<SqlSession::Row>> scan = m_session->select(
                QStringLiteral("SELECT count(*) FROM onboardings NOT INDEXED WHERE name = ?"), {name},
                doing);
            if (scan && !scan->isEmpty() && scan->constFirst().constFirst().toInt() > 0)
                return m_session->error(
                    StoreError::Kind::Corrupt, doing,
                    tr("the store's index of onboarding names is damaged: \"%1\" is in the "
                       "store, but the index does not find it; after a backup of %2, repair it "
                       "with: sqlite3 %2 REINDEX")
                        .arg(name, location().filePath()));
        }
        return notFound(name, doing);
    }
    const SqlSession::Row &r = rows->constFirst();
    Result<Onboarding> doc = OnboardingDocument::parse(r.at(6).toString().toUtf8());
    if (!doc)
        return m_session->error(StoreError::Kind::Corrupt, doing,
                                tr("the stored document cannot be read: %1").arg(doc.error()));
    StoredOnboarding stored;
    stored.id = r.at(0).toLongLong();
    stored.version = r.at(1).toInt();
    stored.createdBy = r.at(2).toString();
    stored.createdAt = parseTime(r.at(3));
    stored.updatedBy = r.at(4).toString();
    stored.updatedAt = parseTime(r.at(5));
    stored.onboarding = doc.value();
    fillKeys(stored.onboarding);
    return stored;
}

StoreResult<ValidationContext> OnboardingStore::validationContextFor(const QString &name)
{
    StoreResult<QList<SqlSession::Row>> rows = m_session->select(
        QStringLiteral("SELECT r.asn_value, o.name FROM registered_asns r JOIN onboardings o "
                       "ON o.id = r.onboarding_id WHERE r.asn_value IS NOT NULL AND o.name <> ?"),
        {name}, tr("cannot read the registered customer ASNs"));
    if (!rows)
        return rows.error();
    ValidationContext context;
    for (const SqlSession::Row &r : *rows)
        context.registeredElsewhere.insert(quint32(r.at(0).toLongLong()), r.at(1).toString());
    return context;
}

StoreResult<StoredOnboarding> OnboardingStore::registerCustomerAsn(const QString &onboardingName,
                                                                   const RegisteredAsn &asn,
                                                                   int expectedVersion)
{
    StoreResult<StoredOnboarding> loaded = load(onboardingName);
    if (!loaded)
        return loaded.error();
    StoredOnboarding edited = loaded.takeValue();
    edited.version = expectedVersion; // save() refuses it if someone saved in between
    edited.onboarding.registeredAsns.append(asn);
    return save(edited);
}

// --- drafts

StoreResult<StoredDraft>
OnboardingStore::saveDraft(const QString &id, const Onboarding &draft, int baseVersion)
{
    SqlSession &s = *m_session;
    const QString doing = tr("cannot save the draft");
    StoreStatus writable = refuseWhenReadOnly(doing);
    if (!writable)
        return writable.error();
    if (id.trimmed().isEmpty())
        return StoreError(StoreError::Kind::Invalid, tr("%1: a draft needs an id").arg(doing));
    StoreTransaction t(s, doing);
    if (!t.begun())
        return t.begun().error();
    const Stamp st = stamp();
    StoreResult<QSqlQuery *> r = s.run(
        QStringLiteral("INSERT INTO drafts (id, owner, onboarding_name, base_version, updated_at, "
                       "document) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                       "owner = excluded.owner, onboarding_name = excluded.onboarding_name, "
                       "base_version = excluded.base_version, updated_at = excluded.updated_at, "
                       "document = excluded.document"),
        {id, st.user, draft.name.isNull() ? QStringLiteral("") : draft.name, baseVersion, st.text,
         documentText(draft)},
        doing);
    if (!r)
        return r.error();
    StoreStatus committed = t.commit();
    if (!committed)
        return committed.error();
    StoredDraft d;
    d.id = id;
    d.owner = st.user;
    d.baseVersion = baseVersion;
    d.updatedAt = st.time;
    d.onboarding = draft;
    d.secrets = keepKeys(d.onboarding);
    return d;
}

StoreResult<QList<StoredDraft>> OnboardingStore::drafts()
{
    const QString doing = tr("cannot read the drafts");
    StoreResult<QList<SqlSession::Row>> rows = m_session->select(
        QStringLiteral("SELECT id, base_version, updated_at, document FROM drafts WHERE owner = ? "
                       "ORDER BY updated_at DESC, id"),
        {m_user}, doing);
    if (!rows)
        return rows.error();
    QList<StoredDraft> out;
    for (const SqlSession::Row &r : *rows) {
        Result<Onboarding> doc = OnboardingDocument::parse(r.at(3).toString().toUtf8());
        if (!doc)
            return m_session->error(
                StoreError::Kind::Corrupt, doing,
                tr("the draft %1 cannot be read: %2").arg(r.at(0).toString(), doc.error()));
        StoredDraft d;
        d.id = r.at(0).toString();
        d.owner = m_user;
        d.baseVersion = r.at(1).toInt();
        d.updatedAt = parseTime(r.at(2));
        d.onboarding = doc.value();
        fillKeys(d.onboarding);
        out.append(d);
    }
    return out;
}

StoreStatus OnboardingStore::discardDraft(const QString &id)
{
    SqlSession &s = *m_session;
    const QString doing = tr("cannot discard the draft");
    StoreStatus writable = refuseWhenReadOnly(doing);
    if (!writable)
        return writable;
    StoreTransaction t(s, doing);
    if (!t.begun())
        return t.begun();
    StoreResult<QSqlQuery *> r = s.run(
        QStringLiteral("DELETE FROM drafts WHERE id = ? AND owner = ?"), {id, m_user}, doing);
    if (!r)
        return r.error();
    return t.commit();
}

// --- audit

StoreResult<QList<AuditEntry>> OnboardingStore::auditTrail(const QString &name)
{
    StoreResult<QList<SqlSession::Row>> rows = m_session->select(
        QStringLiteral(
            "SELECT onboarding_name, changed_by, changed_at, field, old_value, new_value "
            "FROM audit WHERE onboarding_name = ? OR onboarding_id = "
            "(SELECT id FROM onboardings WHERE name = ?) ORDER BY id"),
        {name, name}, tr("cannot read the audit trail of \"%1\"").arg(name));
    if (!rows)
        return rows.error();
    QList<AuditEntry> out;
    out.reserve(rows->size());
    for (const SqlSession::Row &r : *rows) {
        AuditEntry e;
        e.onboardingName = r.at(0).toString();
        e.user = r.at(1).toString();
        e.time = parseTime(r.at(2));
        e.field = r.at(3).toString();
        e.oldValue = r.at(4).isNull() ? QString() : r.at(4).toString();
        e.newValue = r.at(5).isNull() ? QString() : r.at(5).toString();
        out.append(e);
    }
    return out;
}

} // namespace Peering
