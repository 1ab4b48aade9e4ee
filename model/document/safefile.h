// Writes a whole file so that a failure never leaves a bad file where a good one was: the bytes
// go to a temporary file beside the target, every write, the flush to disk and the close are
// checked (a full disk, a file-size limit, an I/O error), and only then does it take the target's
// place. A target that exists and is not a regular file (a FIFO, a terminal, /dev/stdout) is
// written to as it is, never replaced by a regular file; a FIFO that no program reads is refused
// at once instead of waiting forever.
#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Peering {

class SafeFile
{
    Q_DECLARE_TR_FUNCTIONS(Peering::SafeFile)
public:
    // secret: the file holds secrets (MD5 keys): readable by its owner only (0600), also when it
    // replaces a file that others could read. Otherwise a new file gets 0666 less the umask, and
    // a replaced one keeps its mode. The error names the file and what failed.
    static Status write(const QString &path, const QByteArray &bytes, bool secret = false);
};

} // namespace Peering
