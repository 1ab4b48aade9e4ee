#include "sqlsession.h"

#include <QSqlError>
#include <QSqlRecord>

namespace Peering {

SqlSession::SqlSession(const StoreLocation &location, const QString &connectionName)
    : m_location(location)
    , m_dialect(location.backend())
    , m_connectionName(connectionName)
    , m_db(QSqlDatabase::addDatabase(location.isSqlite() ? QStringLiteral("QSQLITE")
                                                         : QStringLiteral("QPSQL"),
                                     connectionName))
{ }

SqlSession::~SqlSession()
{
    clearStatements();
    if (m_db.isOpen())
        m_db.close();
    // removeDatabase() wants no QSqlDatabase copy left alive.
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void SqlSession::clearStatements()
{
    m_statements.clear();
}

StoreResult<QSqlQuery *>
SqlSession::run(const QString &sql, const QList<QVariant> &values, const QString &doing)
{
    std::shared_ptr<QSqlQuery> &q = m_statements[sql];
    if (!q) {
        auto fresh = std::make_shared<QSqlQuery>(m_db);
        fresh->setForwardOnly(true);
        if (!fresh->prepare(sql)) {
            const QSqlError e = fresh->lastError();
            m_statements.remove(sql);
            return error(e, doing);
        }
        q = fresh;
    }
    QSqlQuery *query = q.get();
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (!query->exec()) {
        const QSqlError e = query->lastError();
        query->finish();
        return error(e, doing);
    }
    return query;
}

StoreResult<QList<SqlSession::Row>>
SqlSession::select(const QString &sql, const QList<QVariant> &values, const QString &doing)
{
    StoreResult<QSqlQuery *> r = run(sql, values, doing);
    if (!r)
        return r.error();
    QSqlQuery *q = *r;
    QList<Row> rows;
    const int columns = q->record().count();
    while (q->next()) {
        Row row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(q->value(c));
        rows.append(std::move(row));
    }
    const QSqlError e = q->lastError();
    q->finish();
    if (e.isValid())
        return error(e, doing);
    return rows;
}

StoreStatus SqlSession::scan(const QString &sql,
                             const QList<QVariant> &values,
                             const QString &doing,
                             const std::function<void(const QSqlQuery &)> &row)
{
    StoreResult<QSqlQuery *> r = run(sql, values, doing);
    if (!r)
        return r.error();
    QSqlQuery *q = *r;
    while (q->next())
        row(*q);
    const QSqlError e = q->lastError();
    q->finish();
    if (e.isValid())
        return error(e, doing);
    return StoreDone {};
}

StoreStatus SqlSession::exec(const QString &sql, const QString &doing)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return error(q.lastError(), doing);
    q.finish();
    return StoreDone {};
}

StoreStatus SqlSession::beginWrite(const QString &doing)
{
    if (!m_trusted)
        return error(StoreError::Kind::Corrupt, doing,
                     tr("an earlier error showed that the store is damaged; nothing more is "
                        "written to it"));
    return exec(m_dialect.beginWrite(), doing);
}

StoreStatus SqlSession::commit(const QString &doing)
{
    StoreStatus s = exec(QStringLiteral("COMMIT"), doing);
    if (!s)
        rollback();
    return s;
}

void SqlSession::rollback()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

StoreError SqlSession::error(const QSqlError &sqlError, const QString &doing)
{
    // simplified(): libpq writes several lines with tabs; an error is one line.
    QString text = sqlError.databaseText().simplified();
    if (text.isEmpty())
        text = sqlError.driverText().simplified();
    if (text.isEmpty())
        text = tr("no reason given by the database");
    return error(m_dialect.classify(sqlError), doing, text);
}

StoreError
SqlSession::error(StoreError::Kind kind, const QString &doing, const QString &databaseText)
{
    using K = StoreError::Kind;
    const QString where = m_location.displayString();
    QString what;
    switch (kind) {
    case K::Full:
        what = tr("the store %1 is full (no room left on the disk or in the quota); nothing was "
                  "changed")
                   .arg(where);
        break;
    case K::Locked:
        what
            = tr("the store %1 is locked by another program; try again when it is done").arg(where);
        break;
    case K::ReadOnly:
        what = tr("the store %1 cannot be written (read-only file, folder, database or "
                  "permissions)")
                   .arg(where);
        break;
    case K::Corrupt:
        m_trusted = false;
        what = tr("the store %1 is damaged and was left as it is; restore it from a backup")
                   .arg(where);
        break;
    case K::NotAStore:
        m_trusted = false;
        what = tr("%1 is not a peering-wizard store; it was left as it is").arg(where);
        break;
    case K::NewerSchema:
        what = tr("the store %1 was written by a newer version of peering-wizard and was left as "
                  "it is")
                   .arg(where);
        break;
    case K::Missing:
        what = tr("the store %1 does not exist").arg(where);
        break;
    case K::Connection:
        what = tr("cannot connect to the store %1").arg(where);
        break;
    default:
        what = tr("the store %1 reported an error").arg(where);
        break;
    }
    QString message = doing.isEmpty() ? what : doing + QStringLiteral(": ") + what;
    if (!databaseText.isEmpty())
        message += QStringLiteral(" (") + databaseText + u')';
    return StoreError(kind, message, databaseText);
}

} // namespace Peering
