#include "migrator.h"

#include "storetransaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

// The migrations are compiled into the static peering_model library; make sure their resource
// is registered even when nothing else references the object file that holds it.
static void initSqlResources()
{
    Q_INIT_RESOURCE(sql);
}

namespace Peering {

const QList<Migrator::Migration> &Migrator::migrations()
{
    static const QList<Migration> list = [] {
        initSqlResources();
        QList<Migration> out;
        static const QRegularExpression name(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
        const QStringList files
            = QDir(QStringLiteral(":/sql"))
                  .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        for (const QString &f : files) {
            const QRegularExpressionMatch m = name.match(f);
            if (m.hasMatch())
                out.append({m.captured(1).toInt(), QStringLiteral(":/sql/") + f});
        }
        return out;
    }();
    return list;
}

int Migrator::latestVersion()
{
    return migrations().isEmpty() ? 0 : migrations().constLast().version;
}

Result<SqlScript> Migrator::script(const Migration &migration)
{
    QFile f(migration.resource);
    if (!f.open(QIODevice::ReadOnly))
        return Result<SqlScript>::failure(
            tr("the migration %1 cannot be read: %2").arg(migration.resource, f.errorString()));
    return SqlScript::parse(QString::fromUtf8(f.readAll()));
}

StoreResult<int> Migrator::currentVersion(SqlSession &s)
{
    const QString doing = tr("cannot read the store's schema version");
    const QString exists = s.dialect().tableExistsQuery();
    if (s.dialect().isSqlite()) {
        // The first read of the file: "file is not a database" shows here.
        StoreResult<QList<SqlSession::Row>> any
            = s.select(QStringLiteral("SELECT count(*) FROM sqlite_master"), {}, doing);
        if (!any)
            return any.error();
        StoreResult<QList<SqlSession::Row>> t
            = s.select(exists, {QStringLiteral("schema_version")}, doing);
        if (!t)
            return t.error();
        if (t->isEmpty()) {
            if (any->constFirst().constFirst().toInt() > 0)
                return s.error(StoreError::Kind::NotAStore, tr("cannot open the store"),
                               tr("an SQLite database of some other program: it has tables but "
                                  "no schema_version"));
            return 0;
        }
    } else {
        StoreResult<QList<SqlSession::Row>> t
            = s.select(exists, {QStringLiteral("schema_version")}, doing);
        if (!t)
            return t.error();
        if (t->isEmpty()) {
            StoreResult<QList<SqlSession::Row>> o
                = s.select(exists, {QStringLiteral("onboardings")}, doing);
            if (!o)
                return o.error();
            if (!o->isEmpty())
                return s.error(StoreError::Kind::NotAStore, tr("cannot open the store"),
                               tr("the database has an onboardings table but no schema_version"));
            return 0;
        }
    }
    StoreResult<QList<SqlSession::Row>> v
        = s.select(QStringLiteral("SELECT MAX(version) FROM schema_version"), {}, doing);
    if (!v)
        return v.error();
    return v->isEmpty() ? 0 : v->constFirst().constFirst().toInt();
}

StoreStatus Migrator::migrate(SqlSession &s,
                              int target,
                              const QString &userName,
                              const std::function<StoreStatus()> &refreshSummaries)
{
    const QString doing = tr("cannot upgrade the store to schema version %1").arg(target);
    StoreResult<int> before = currentVersion(s);
    if (!before)
        return before.error();
    if (*before >= target)
        return StoreDone {};

    StoreTransaction t(s, doing);
    if (!t.begun())
        return t.begun();
    auto fail = [&s, &t](const StoreError &e) {
        t.rollback();
        s.clearStatements(); // prepared statements may refer to the rolled-back schema
        return StoreStatus(e);
    };
    if (!s.dialect().isSqlite()) {
        // Two clients upgrading one team store at once: the second waits here, then sees the
        // new version and has nothing left to do.
        StoreStatus locked = s.exec(QStringLiteral("SELECT pg_advisory_xact_lock(8075)"), doing);
        if (!locked)
            return fail(locked.error());
    }
    StoreResult<int> now = currentVersion(s);
    if (!now)
        return fail(now.error());
    if (*now >= target) {
        t.rollback();
        return StoreDone {};
    }
    const QString appliedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    bool refresh = false;
    for (const Migration &m : migrations()) {
        if (m.version <= *now || m.version > target)
            continue;
        const Result<SqlScript> script = Migrator::script(m);
        if (!script)
            return fail(s.error(StoreError::Kind::Database, doing, script.error()));
        for (const QString &statement : script->statements()) {
            StoreStatus done = s.exec(s.dialect().expand(statement), doing);
            if (!done)
                return fail(done.error());
        }
        // The schema changed under any statement prepared before.
        s.clearStatements();
        StoreResult<QSqlQuery *> row
            = s.run(QStringLiteral("INSERT INTO schema_version (version, applied_at, applied_by, "
                                   "app_version) VALUES (?, ?, ?, ?)"),
                    {m.version, appliedAt, userName, QStringLiteral(PEERING_VERSION)}, doing);
        if (!row)
            return fail(row.error());
        refresh = refresh || script->hasDirective(QStringLiteral("refresh-summaries"));
    }
    // After the last step, so that the refresh writes the columns of the final schema.
    if (refresh && refreshSummaries) {
        StoreStatus refreshed = refreshSummaries();
        if (!refreshed)
            return fail(refreshed.error());
    }
    StoreStatus committed = t.commit();
    s.clearStatements();
    return committed;
}

} // namespace Peering
