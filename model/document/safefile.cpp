#include "safefile.h"

#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Peering {

namespace {

QString reason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Every byte, or the errno of the write that failed (a short write on a full disk is retried
// and then fails with ENOSPC).
int writeAll(int fd, const QByteArray &bytes)
{
    const char *p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return EIO;
        p += n;
        left -= n;
    }
    return 0;
}

mode_t currentUmask()
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

} // namespace

Status SafeFile::write(const QString &path, const QByteArray &bytes, bool secret)
{
    const QByteArray target = QFile::encodeName(path);
    // The target is left as it was: say so.
    const auto fail = [&path](const QString &what, int error) {
        return Status::failure(tr("cannot write %1: %2 (while %3); the file there is unchanged")
                                   .arg(path, reason(error), what));
    };
    const auto failDirect = [&path](int error) {
        return Status::failure(tr("cannot write %1: %2").arg(path, reason(error)));
    };
    struct stat st {};
    const bool exists = ::stat(target.constData(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return Status::failure(tr("cannot write %1: it is a folder; give a file name").arg(path));
    if (exists && !S_ISREG(st.st_mode)) {
        // A FIFO, a terminal, a device: written to as it is. O_NONBLOCK so that a FIFO without a
        // reader is an error (ENXIO) rather than a wait with no end.
        const int fd = ::open(target.constData(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            return errno == ENXIO
                ? Status::failure(tr("cannot write %1: it is a FIFO that no program reads; "
                                     "start the reader first")
                                      .arg(path))
                : failDirect(errno);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        const int error = writeAll(fd, bytes);
        const int closed = ::close(fd) == 0 ? 0 : errno;
        if (error || closed)
            return failDirect(error ? error : closed);
        return {};
    }

    const QFileInfo info(path);
    const QByteArray folder = QFile::encodeName(info.absolutePath());
    QByteArray temporary = folder + "/." + QFile::encodeName(info.fileName()) + ".XXXXXX";
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return fail(tr("creating a file in %1").arg(info.absolutePath()), errno);
    const auto abandon = [&](const QString &what, int error) {
        ::close(fd);
        ::unlink(temporary.constData());
        return fail(what, error);
    };
    const mode_t mode = secret ? mode_t(0600)
        : exists             ? mode_t(st.st_mode & 07777)
                             : mode_t(0666 & ~currentUmask());
    if (::fchmod(fd, mode) != 0)
        return abandon(tr("setting its permissions"), errno);
    if (const int error = writeAll(fd, bytes))
        return abandon(tr("writing"), error);
    // The data is on disk before it takes the target's place: a full disk or an I/O error that
    // shows only now still leaves the old file.
    if (::fsync(fd) != 0)
        return abandon(tr("flushing it to disk"), errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return fail(tr("closing it"), error);
    }
    if (::rename(temporary.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return fail(tr("putting it in place"), error);
    }
    // The rename itself is durable once the folder is flushed.
    const int dir = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

} // namespace Peering
