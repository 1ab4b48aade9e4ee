// The offline sync of an air-gapped desk: DIR/<object>-0.json (then -1, -2, ... while they
// exist), each in the shape of a PeeringDB list answer {"meta":{...},"data":[...]}, as the
// public dump files are, read as a stream. Every object is read whole and replaces the cached one.
#pragma once

#include "peeringdbfetch.h"

#include "domain/result.h"

#include <QCoreApplication>

namespace Peering {

class PeeringDbDirectory
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PeeringDbDirectory)
public:
    // A file larger than this is refused (the whole netixlan dump is well under it).
    static constexpr qint64 MaxFileBytes = qint64(1024) * 1024 * 1024;
    // Files are read in chunks of this size.
    static constexpr qint64 ChunkBytes = 1024 * 1024;

    static Result<PeeringDbFetch> read(const QString &folder);
};

} // namespace Peering
