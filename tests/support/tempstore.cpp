#include "tempstore.h"

#include "store/sqldialect.h"
#include "store/sqlscript.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace Peering::TestSupport {

namespace {

int g_connections = 0;

QSqlDatabase openPostgreSql(const StoreLocation &l, const QString &name, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(l.host());
    db.setPort(l.port());
    db.setUserName(l.userName());
    db.setDatabaseName(l.databaseName());
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return db;
    }
    // Quiet: "drop cascades to ..." notices are not news in a test log.
    QSqlQuery(db).exec(QStringLiteral("SET client_min_messages TO warning"));
    return db;
}

QString postgresUrl(const StoreLocation &l, const QString &database)
{
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(l.userName(), l.host())
        .arg(l.port())
        .arg(database);
}

} // namespace

StoreLocation::Backend TempStore::backendFromEnvironment()
{
    return qEnvironmentVariable(BackendVariable)
                .compare(QLatin1String("postgresql"), Qt::CaseInsensitive)
            == 0
        ? StoreLocation::Backend::PostgreSql
        : StoreLocation::Backend::Sqlite;
}

QString TempStore::backendName(StoreLocation::Backend backend)
{
    return backend == StoreLocation::Backend::Sqlite ? QStringLiteral("sqlite")
                                                     : QStringLiteral("postgresql");
}

TempStore::TempStore(StoreLocation::Backend backend, const QString &tag)
    : m_backend(backend)
    , m_tag(tag)
    , m_dir(std::make_unique<QTemporaryDir>())
{
    if (!m_dir->isValid()) {
        m_unavailable
            = QStringLiteral("cannot make a temporary folder: %1").arg(m_dir->errorString());
        return;
    }
    if (isSqlite())
        return;
    const QString url = qEnvironmentVariable(PostgreSqlUrlVariable);
    if (url.isEmpty()) {
        m_unavailable = QStringLiteral(
            "PEERING_TEST_PG_URL is not set: no PostgreSQL test server (scripts/test.sh starts "
            "one; by hand: eval \"$(scripts/pg-test-server.sh start)\")");
        return;
    }
    Result<StoreLocation> admin = StoreLocation::parse(url);
    if (!admin || !admin->isPostgreSql()) {
        m_unavailable = QStringLiteral("PEERING_TEST_PG_URL is not a postgresql:// URL: %1")
                            .arg(admin ? url : admin.error());
        return;
    }
    m_admin = *admin;
    m_database = QStringLiteral("peering_%1_%2")
                     .arg(tag.toLower())
                     .arg(QCoreApplication::applicationPid());
    const QString name = QStringLiteral("tempstore-admin-%1").arg(++g_connections);
    {
        QString error;
        QSqlDatabase db = openPostgreSql(m_admin, name, &error);
        if (error.isEmpty()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_database));
            if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(m_database)))
                error = q.lastError().text();
        }
        if (!error.isEmpty())
            m_unavailable = QStringLiteral("cannot prepare a database on the PostgreSQL test "
                                           "server %1: %2")
                                .arg(m_admin.displayString(), error);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (m_unavailable.isEmpty())
        m_location = *StoreLocation::parse(postgresUrl(m_admin, m_database));
}

TempStore::~TempStore()
{
    closeRaw();
    if (isSqlite() || !m_unavailable.isEmpty() || m_database.isEmpty())
        return;
    const QString name = QStringLiteral("tempstore-admin-%1").arg(++g_connections);
    {
        QString error;
        QSqlDatabase db = openPostgreSql(m_admin, name, &error);
        if (error.isEmpty())
            QSqlQuery(db).exec(
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString TempStore::folder() const
{
    return m_dir->path();
}

bool TempStore::reset()
{
    if (!m_unavailable.isEmpty())
        return false;
    closeRaw();
    if (isSqlite()) {
        m_location = StoreLocation::sqliteFile(
            m_dir->filePath(QStringLiteral("store-%1.sqlite").arg(++m_files)));
        return true;
    }
    const QString error = exec(QStringLiteral("DROP SCHEMA IF EXISTS public CASCADE"));
    const QString error2
        = error.isEmpty() ? exec(QStringLiteral("CREATE SCHEMA public")) : QString();
    closeRaw();
    if (!error.isEmpty() || !error2.isEmpty()) {
        m_unavailable = QStringLiteral("cannot empty the test database: %1").arg(error + error2);
        return false;
    }
    return true;
}

QSqlDatabase TempStore::raw()
{
    if (!m_rawName.isEmpty())
        return QSqlDatabase::database(m_rawName);
    m_rawName = QStringLiteral("tempstore-raw-%1").arg(++g_connections);
    if (isSqlite()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_rawName);
        db.setDatabaseName(m_location.filePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        db.open();
        return db;
    }
    QString error;
    return openPostgreSql(m_location, m_rawName, &error);
}

void TempStore::closeRaw()
{
    if (m_rawName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_rawName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_rawName);
    m_rawName.clear();
}

QString TempStore::exec(const QString &sql)
{
    QSqlDatabase db = raw();
    if (!db.isOpen())
        return db.lastError().text().isEmpty() ? QStringLiteral("not open") : db.lastError().text();
    QSqlQuery q(db);
    if (!q.exec(sql))
        return q.lastError().text();
    return {};
}

QString TempStore::execScript(const QString &text)
{
    const SqlDialect dialect(m_backend);
    const SqlScript script = SqlScript::parse(text);
    for (const QString &statement : script.statements()) {
        const QString error = exec(dialect.expand(statement));
        if (!error.isEmpty())
            return error + QStringLiteral(" in: ") + statement.left(200);
    }
    return {};
}

QVariant TempStore::scalar(const QString &sql, QString *error)
{
    QSqlDatabase db = raw();
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        if (error)
            *error
                = q.lastError().text().isEmpty() ? QStringLiteral("no row") : q.lastError().text();
        return {};
    }
    const QVariant v = q.value(0);
    q.finish();
    return v;
}

} // namespace Peering::TestSupport
