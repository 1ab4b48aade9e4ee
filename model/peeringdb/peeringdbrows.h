// The rows of one PeeringDB object as a sync brings them, in the order they came: held in memory
// while they are few, then spooled to a temporary file, so that a sync of the whole of PeeringDB
// holds about one page at a time however large the data set is. Copies share the same rows.
#pragma once

#include "peeringdbschema.h"

#include <QString>

#include <functional>
#include <memory>

namespace Peering {

class PeeringDbRows
{
public:
    using Row = PeeringDbSchema::Row;

    // Rows kept in memory before they go to the spool file (a few MB).
    static constexpr qsizetype MemoryBytes = 4 * 1024 * 1024;

    PeeringDbRows();
    PeeringDbRows(std::initializer_list<Row> rows);

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }

    // false when the spool cannot be written (a full disk): error() says why.
    bool append(const Row &row);
    QString error() const;

    // Each row in order; stops early (and returns false) when f returns false or the spool
    // cannot be read (error() says why then).
    bool forEach(const std::function<bool(const Row &row)> &f) const;
    // Every row at once (small fetches and tests).
    QList<Row> toList() const;

private:
    struct Data;
    std::shared_ptr<Data> d;
};

} // namespace Peering
