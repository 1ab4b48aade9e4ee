#include "peeringdbcache.h"

#include "metroaliases.h"
#include "peeringdbchoices.h"

#include "store/onboardingstore.h"
#include "store/sqlsession.h"
#include "store/storetransaction.h"

#include "domain/asn.h"

#include <QSqlQuery>

#include <algorithm>

namespace Peering {

PeeringDbCache::PeeringDbCache(OnboardingStore &store)
    : m_store(store)
{ }

StoreResult<QList<PeeringDbCache::ObjectState>> PeeringDbCache::state()
{
    const QString doing = tr("cannot read the PeeringDB cache");
    StoreResult<QList<SqlSession::Row>> rows = m_store.session().select(
        QStringLiteral("SELECT object, scope, synced_at, row_count, source, synced_by FROM "
                       "pdb_sync ORDER BY object"),
        {}, doing);
    if (!rows)
        return rows.error();
    QList<ObjectState> out;
    for (const SqlSession::Row &r : *rows)
        out.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toLongLong(),
                    r.at(3).toLongLong(), r.at(4).toString(), r.at(5).toString()});
    return out;
}

StoreResult<QDateTime> PeeringDbCache::lastSync()
{
    StoreResult<QList<ObjectState>> s = state();
    if (!s)
        return s.error();
    if (s->isEmpty())
        return QDateTime();
    qint64 oldest = s->constFirst().syncedAt;
    for (const ObjectState &o : *s)
        oldest = qMin(oldest, o.syncedAt);
    return QDateTime::fromSecsSinceEpoch(oldest, Qt::UTC);
}

StoreResult<bool> PeeringDbCache::isAvailable()
{
    StoreResult<QList<ObjectState>> s = state();
    if (!s)
        return s.error();
    bool fac = false, netfac = false;
    for (const ObjectState &o : *s) {
        fac = fac || o.object == QLatin1String("fac");
        netfac = netfac || o.object == QLatin1String("netfac");
    }
    return fac && netfac;
}

StoreStatus PeeringDbCache::apply(const PeeringDbFetch &fetch, const QString &userName)
{
    const QString doing = tr("cannot write the PeeringDB cache");
    if (m_store.isReadOnly())
        return StoreError(StoreError::Kind::ReadOnly,
                          tr("%1: the store was opened read-only").arg(doing));
    SqlSession &s = m_store.session();
    StoreTransaction t(s, doing);
    if (!t.begun())
        return t.begun();
    // Runs sql for each fetched row of an object: with the row's id only, or with the whole row.
    const auto eachRow = [&](const PeeringDbObjectFetch &o, const QString &sql,
                             bool idOnly) -> StoreStatus {
        StoreError failed;
        const bool done = o.rows.forEach([&](const PeeringDbSchema::Row &row) {
            StoreResult<QSqlQuery *> r
                = idOnly ? s.run(sql, {row.constFirst()}, doing) : s.run(sql, row, doing);
            if (!r)
                failed = r.error();
            return r.ok();
        });
        if (done)
            return StoreDone {};
        // A row that could not be written, or the spool of rows that could not be read.
        if (!failed.message().isEmpty())
            return failed;
        return StoreError(StoreError::Kind::Database,
                          QStringLiteral("%1: %2").arg(doing, o.rows.error()));
    };
    for (const PeeringDbObjectFetch &o : fetch.objects) {
        const PeeringDbSchema::Object *object = PeeringDbSchema::object(o.object);
        if (!object)
            return StoreError(StoreError::Kind::Invalid,
                              tr("%1: no such PeeringDB object %2").arg(doing, o.object));
        if (o.whole) {
            StoreStatus cleared
                = s.exec(QStringLiteral("DELETE FROM %1").arg(object->table), doing);
            if (!cleared)
                return cleared.error();
        } else {
            // A changed row replaces the cached one: its old row goes first.
            if (StoreStatus removed = eachRow(o, object->deleteSql, true); !removed)
                return removed;
            for (qint64 id : o.deleted) {
                StoreResult<QSqlQuery *> d = s.run(object->deleteSql, {id}, doing);
                if (!d)
                    return d.error();
            }
        }
        if (StoreStatus inserted = eachRow(o, object->insertSql, false); !inserted)
            return inserted;
        StoreResult<QList<SqlSession::Row>> count = s.select(
            QStringLiteral("SELECT count(*) FROM %1").arg(object->table), {}, doing);
        if (!count)
            return count.error();
        StoreResult<QSqlQuery *> d
            = s.run(QStringLiteral("DELETE FROM pdb_sync WHERE object = ?"), {o.object}, doing);
        if (!d)
            return d.error();
        StoreResult<QSqlQuery *> i = s.run(
            QStringLiteral("INSERT INTO pdb_sync (object, scope, synced_at, row_count, source, "
                           "synced_by) VALUES (?, ?, ?, ?, ?, ?)"),
            // Non-null texts: Qt Sql binds a null QString as NULL.
            {o.object, o.scope.isEmpty() ? QStringLiteral("") : o.scope, fetch.startedAt,
             count->constFirst().constFirst().toLongLong(),
             fetch.source.isEmpty() ? QStringLiteral("") : fetch.source,
             userName.isEmpty() ? QStringLiteral("") : userName},
            doing);
        if (!i)
            return i.error();
    }
    return t.commit();
}

StoreResult<QList<PeeringDbCache::Facility>>
PeeringDbCache::microsoftFacilities(const QString &metro, qint64 commonWithIx)
{
    const QString doing = tr("cannot read the PeeringDB cache");
    QString sql = QStringLiteral(
        "SELECT f.id, f.name, f.city, f.state, f.country FROM pdb_fac f WHERE EXISTS (SELECT 1 "
        "FROM pdb_netfac n WHERE n.fac_id = f.id AND n.net_id = ?)");
    QList<QVariant> values {PeeringDbSchema::MicrosoftNetId};
    if (commonWithIx > 0) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM pdb_ixfac x WHERE x.fac_id = f.id AND "
                              "x.ix_id = ?)");
        values.append(commonWithIx);
    }
    sql += QStringLiteral(" ORDER BY f.id");
    QList<Facility> out;
    StoreStatus scanned = m_store.session().scan(sql, values, doing, [&](const QSqlQuery &q) {
        Facility f {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), {}};
        f.metro = MetroAliases::metroOfCity(f.city, f.country);
        if (metro.isEmpty() || MetroAliases::sameMetro(metro, f.city, f.country))
            out.append(f);
    });
    if (!scanned)
        return scanned.error();
    return out;
}

StoreResult<QList<PeeringDbCache::Exchange>> PeeringDbCache::exchanges()
{
    StoreResult<QList<SqlSession::Row>> rows = m_store.session().select(
        QStringLiteral("SELECT id, name, city, country FROM pdb_ix ORDER BY id"), {},
        tr("cannot read the PeeringDB cache"));
    if (!rows)
        return rows.error();
    QList<Exchange> out;
    for (const SqlSession::Row &r : *rows)
        out.append({r.at(0).toLongLong(), r.at(1).toString(), r.at(2).toString(),
                    r.at(3).toString()});
    return out;
}

StoreResult<std::optional<PeeringDbCache::Exchange>> PeeringDbCache::exchange(qint64 id)
{
    StoreResult<QList<SqlSession::Row>> rows = m_store.session().select(
        QStringLiteral("SELECT id, name, city, country FROM pdb_ix WHERE id = ?"), {id},
        tr("cannot read the PeeringDB cache"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Exchange>();
    const SqlSession::Row &r = rows->constFirst();
    return std::optional<Exchange>(
        Exchange {r.at(0).toLongLong(), r.at(1).toString(), r.at(2).toString(), r.at(3).toString()});
}

StoreResult<std::optional<PeeringDbCache::Network>> PeeringDbCache::networkByAsn(qint64 asn)
{
    StoreResult<QList<SqlSession::Row>> rows = m_store.session().select(
        QStringLiteral("SELECT id, asn, name, aka FROM pdb_net WHERE asn = ? ORDER BY id"), {asn},
        tr("cannot read the PeeringDB cache"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Network>();
    const SqlSession::Row &r = rows->constFirst();
    return std::optional<Network>(
        Network {r.at(0).toLongLong(), r.at(1).toLongLong(), r.at(2).toString(), r.at(3).toString()});
}

StoreResult<QStringList> PeeringDbCache::exchangePrefixes(qint64 ixId)
{
    StoreResult<QList<SqlSession::Row>> rows = m_store.session().select(
        QStringLiteral("SELECT p.prefix FROM pdb_ixpfx p JOIN pdb_ixlan l ON l.id = p.ixlan_id "
                       "WHERE l.ix_id = ? ORDER BY p.id"),
        {ixId}, tr("cannot read the PeeringDB cache"));
    if (!rows)
        return rows.error();
    QStringList out;
    for (const SqlSession::Row &r : *rows)
        out.append(r.at(0).toString());
    return out;
}

StoreResult<QList<qint64>> PeeringDbCache::exchangesOfAsn(qint64 asn)
{
    StoreResult<QList<SqlSession::Row>> rows = m_store.session().select(
        QStringLiteral("SELECT DISTINCT ix_id FROM pdb_netixlan WHERE asn = ? ORDER BY ix_id"),
        {asn}, tr("cannot read the PeeringDB cache"));
    if (!rows)
        return rows.error();
    QList<qint64> out;
    for (const SqlSession::Row &r : *rows)
        out.append(r.at(0).toLongLong());
    return out;
}

StoreResult<std::optional<PeeringDbFacts>> PeeringDbCache::facts(const QList<qint64> &peerAsns)
{
    StoreResult<bool> available = isAvailable();
    if (!available)
        return available.error();
    if (!*available)
        return std::optional<PeeringDbFacts>();
    StoreResult<QList<Facility>> facilities = microsoftFacilities();
    if (!facilities)
        return facilities.error();
    PeeringDbFacts facts;
    for (const Facility &f : *facilities) {
        facts.microsoftFacilityMetro.insert(f.id, f.metro);
        if (!facts.microsoftMetros.contains(f.metro))
            facts.microsoftMetros.append(f.metro);
    }
    std::sort(facts.microsoftMetros.begin(), facts.microsoftMetros.end());
    for (qint64 peerAsn : peerAsns) {
        StoreResult<QList<qint64>> ixs = exchangesOfAsn(peerAsn);
        if (!ixs)
            return ixs.error();
        if (ixs->isEmpty())
            continue;
        PeeringDbFacts::Lans &lans = facts.lansByAsn[peerAsn];
        for (qint64 ix : *ixs) {
            StoreResult<QStringList> prefixes = exchangePrefixes(ix);
            if (!prefixes)
                return prefixes.error();
            lans.prefixes += *prefixes;
            StoreResult<std::optional<Exchange>> e = exchange(ix);
            if (!e)
                return e.error();
            lans.exchanges.append(*e ? (*e)->name : QString::number(ix));
        }
    }
    return std::optional<PeeringDbFacts>(facts);
}

StoreResult<QList<qint64>> PeeringDbCache::storePeerAsns()
{
    auto listed = m_store.list();
    if (!listed)
        return listed.error();
    QList<qint64> out;
    for (const OnboardingSummary &s : *listed) {
        const Result<Asn> asn = Asn::parse(s.peerAsn);
        if (asn && !out.contains(qint64(asn->value())))
            out.append(asn->value());
    }
    return out;
}

void PeeringDbCache::addFactsTo(ValidationContext &context)
{
    const StoreResult<QList<qint64>> asns = storePeerAsns();
    if (!asns)
        return;
    StoreResult<std::optional<PeeringDbFacts>> f = facts(*asns);
    if (f && *f)
        context.peeringDb = **f;
}

StoreResult<PeeringDbChoices> PeeringDbCache::choices()
{
    PeeringDbChoices c;
    const StoreResult<bool> available = isAvailable();
    if (!available)
        return available.error();
    if (!*available)
        return c;
    c.available = true;
    const StoreResult<QDateTime> last = lastSync();
    if (!last)
        return last.error();
    c.lastSync = *last;
    StoreResult<QList<Facility>> facilities = microsoftFacilities();
    if (!facilities)
        return facilities.error();
    c.facilities = facilities.takeValue();
    const QString doing = tr("cannot read the PeeringDB cache");
    SqlSession &s = m_store.session();
    StoreStatus shared = s.scan(
        QStringLiteral("SELECT x.ix_id, x.fac_id FROM pdb_ixfac x WHERE EXISTS (SELECT 1 FROM "
                       "pdb_netfac n WHERE n.fac_id = x.fac_id AND n.net_id = ?) ORDER BY "
                       "x.ix_id, x.fac_id"),
        {PeeringDbSchema::MicrosoftNetId}, doing, [&c](const QSqlQuery &q) {
            c.facilitiesOfExchange[q.value(0).toLongLong()].append(q.value(1).toLongLong());
        });
    if (!shared)
        return shared.error();
    StoreResult<QList<Exchange>> all = exchanges();
    if (!all)
        return all.error();
    for (const Exchange &e : *all)
        if (c.facilitiesOfExchange.contains(e.id))
            c.exchanges.append(e);
    std::sort(c.exchanges.begin(), c.exchanges.end(), [](const Exchange &a, const Exchange &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    StoreStatus names = s.scan(QStringLiteral("SELECT asn, name FROM pdb_net"), {}, doing,
                               [&c](const QSqlQuery &q) {
                                   c.networkNames.insert(q.value(0).toLongLong(),
                                                         q.value(1).toString());
                               });
    if (!names)
        return names.error();
    return c;
}

} // namespace Peering
