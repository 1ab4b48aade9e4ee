// What one sync brought, object by object, before it goes into the cache: rows to write, ids to
// delete, and whether the object is whole (replaces the cached one) or an increment (since=).
#pragma once

#include "peeringdbrows.h"

#include <QList>
#include <QString>

namespace Peering {

struct PeeringDbObjectFetch
{
    QString object; // "fac"
    QString scope; // the filter it was asked with ("" for every row, "net_id__in=694")
    bool whole = true; // false: since=, apply rows and deletions to the cached object
    PeeringDbRows rows; // spooled to a temporary file when many
    QList<qint64> deleted;
    int requests = 0;
};

struct PeeringDbFetch
{
    QList<PeeringDbObjectFetch> objects;
    QString source; // the base URL or the folder
    qint64 startedAt = 0; // unix seconds, when the sync began (the next since= is this - 1)

    qsizetype rowCount() const
    {
        qsizetype n = 0;
        for (const PeeringDbObjectFetch &o : objects)
            n += o.rows.size();
        return n;
    }
    qsizetype deletedCount() const
    {
        qsizetype n = 0;
        for (const PeeringDbObjectFetch &o : objects)
            n += o.deleted.size();
        return n;
    }
};

// One object to fetch: its filter and, for an increment, the since= time.
struct PeeringDbRequestPlan
{
    QString object;
    QString scope; // query filter, e.g. "net_id=694" or "asn__in=8075,64500"; "" for all rows
    qint64 since = 0; // 0: the whole object
};

} // namespace Peering
