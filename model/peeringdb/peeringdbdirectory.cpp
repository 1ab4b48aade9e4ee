#include "peeringdbdirectory.h"

#include "peeringdbpagereader.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Peering {

Result<PeeringDbFetch> PeeringDbDirectory::read(const QString &folder)
{
    const QDir dir(folder);
    if (!QFileInfo(folder).isDir())
        return Result<PeeringDbFetch>::failure(tr("%1 is not a folder").arg(folder));
    PeeringDbFetch fetch;
    fetch.source = QDir::cleanPath(dir.absolutePath());
    fetch.startedAt = QDateTime::currentSecsSinceEpoch();
    QByteArray chunk;
    for (const PeeringDbSchema::Object &object : PeeringDbSchema::objects()) {
        PeeringDbObjectFetch into;
        into.object = object.name;
        into.whole = true;
        for (int n = 0;; ++n) {
            const QString path = dir.filePath(QStringLiteral("%1-%2.json").arg(object.name).arg(n));
            const QFileInfo info(path);
            if (!info.exists()) {
                if (n == 0)
                    return Result<PeeringDbFetch>::failure(tr("%1: no such file").arg(path));
                break;
            }
            if (!info.isFile())
                return Result<PeeringDbFetch>::failure(tr("%1: not a regular file").arg(path));
            if (info.size() > MaxFileBytes)
                return Result<PeeringDbFetch>::failure(
                    tr("%1: larger than %2 MB; refused").arg(path).arg(MaxFileBytes >> 20));
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Result<PeeringDbFetch>::failure(tr("%1: %2").arg(path, file.errorString()));
            // Read as a stream: a dump file of any size holds one chunk and one row in memory.
            PeeringDbPageReader reader(object, into.rows, into.deleted);
            qint64 total = 0;
            for (;;) {
                chunk.resize(ChunkBytes);
                const qint64 got = file.read(chunk.data(), ChunkBytes);
                if (got < 0)
                    return Result<PeeringDbFetch>::failure(
                        tr("%1: %2").arg(path, file.errorString()));
                if (got == 0)
                    break;
                total += got;
                if (total > MaxFileBytes)
                    return Result<PeeringDbFetch>::failure(
                        tr("%1: larger than %2 MB; refused").arg(path).arg(MaxFileBytes >> 20));
                if (!reader.feed(QByteArrayView(chunk.constData(), got)))
                    return Result<PeeringDbFetch>::failure(tr("%1: %2").arg(path, reader.error()));
            }
            if (!reader.finish())
                return Result<PeeringDbFetch>::failure(tr("%1: %2").arg(path, reader.error()));
            ++into.requests;
        }
        fetch.objects.append(std::move(into));
    }
    return fetch;
}

} // namespace Peering
