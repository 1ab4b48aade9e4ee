#include "onboardingdocument.h"

#include "document/jsonkeyscan.h"
#include "document/safefile.h"
#include "domain/jsonreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cctype>

namespace Peering {

namespace {

QString tooLarge(qint64 size)
{
    // Rounded up, so that a file just over the limit does not read "16 MiB, larger than 16 MiB".
    constexpr qint64 MiB = 1024 * 1024;
    return OnboardingDocument::tr("the document is %1 MiB, larger than the %2 MiB an onboarding "
                                  "can be")
        .arg((size + MiB - 1) / MiB)
        .arg(OnboardingDocument::MaxBytes / MiB);
}

constexpr QByteArrayView ByteOrderMark("\xEF\xBB\xBF");

// Qt's reader drops a raw U+FEFF at the start of a string (it decodes each string as UTF-8
// text, which takes a leading U+FEFF for a byte order mark), so a name that begins with one,
// as Qt itself writes it, would not read back the same. Written as the escape \ufeff it is
// kept. Outside strings it is left alone: there it is not JSON, and stays refused.
QByteArray escapeByteOrderMarksInStrings(const QByteArray &bytes)
{
    if (!bytes.contains(ByteOrderMark))
        return bytes;
    QByteArray out;
    out.reserve(bytes.size() + 16);
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (inString && c == '\\' && i + 1 < bytes.size()) {
            out += c;
            out += bytes[++i];
            continue;
        }
        if (c == '"')
            inString = !inString;
        if (inString && QByteArrayView(bytes).sliced(i).startsWith(ByteOrderMark)) {
            out += "\\ufeff";
            i += ByteOrderMark.size() - 1;
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace

Result<Onboarding> OnboardingDocument::parse(const QByteArray &input)
{
    // Size first: trimmed() below copies the input.
    if (input.size() > MaxBytes)
        return Result<Onboarding>::failure(tooLarge(input.size()));
    // A byte order mark before the document is allowed (editors write one); the key scan below
    // reads the text without it, as Qt does.
    const QByteArray bytes = escapeByteOrderMarksInStrings(
        input.startsWith(ByteOrderMark) ? input.sliced(ByteOrderMark.size()) : input);
    if (bytes.trimmed().isEmpty())
        return Result<Onboarding>::failure(
            tr("the document is empty; expected a JSON object with \"format\": \"%1\"")
                .arg(QLatin1String(Format)));
    if (bytes.contains('\0'))
        return Result<Onboarding>::failure(
            tr("the document is binary, not JSON text; expected a peering-onboarding/1 document"));

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        // A bare number, string, true or null is JSON too, but Qt reports it as an illegal value:
        // say what the document is instead.
        qsizetype first = 0;
        while (first < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[first])))
            ++first;
        if (first < bytes.size() && bytes[first] != '{' && bytes[first] != '[')
            return Result<Onboarding>::failure(
                tr("the document is not a JSON object; expected an object with \"format\": "
                   "\"%1\"")
                    .arg(QLatin1String(Format)));
        // Count the line and column so the user can find the spot.
        const qsizetype upTo = qMin<qsizetype>(error.offset, bytes.size());
        const qsizetype line = bytes.left(upTo).count('\n') + 1;
        const qsizetype column = upTo - (bytes.left(upTo).lastIndexOf('\n') + 1) + 1;
        return Result<Onboarding>::failure(tr("not valid JSON at line %1, column %2: %3")
                                               .arg(line)
                                               .arg(column)
                                               .arg(error.errorString()));
    }
    if (!doc.isObject())
        return Result<Onboarding>::failure(
            tr("the document is a JSON %1, expected an object with \"format\": \"%2\"")
                .arg(doc.isArray() ? tr("array") : tr("value"), QLatin1String(Format)));
    // What Qt's reader hides: a duplicated key (the last one would win) and an MD5 key under
    // another name.
    if (const std::optional<QString> problem = JsonKeyScan::problem(bytes))
        return Result<Onboarding>::failure(*problem);
    const QJsonObject root = doc.object();
    const QJsonValue format = root.value(QLatin1String("format"));
    if (format.isUndefined())
        return Result<Onboarding>::failure(
            tr("format: missing; expected \"format\": \"%1\"").arg(QLatin1String(Format)));
    if (!format.isString()) {
        JsonReader reader;
        reader.fail(QStringLiteral("format"),
                    tr("the string \"%1\"").arg(QLatin1String(Format)), format);
        return Result<Onboarding>::failure(reader.error());
    }
    if (format.toString() != QLatin1String(Format)) {
        const QString found = format.toString();
        return Result<Onboarding>::failure(
            tr("format: \"%1\" is not supported; this version reads \"%2\"")
                .arg(found, QLatin1String(Format)));
    }
    JsonReader reader;
    Onboarding onboarding = Onboarding::fromJson(root, reader);
    if (!reader.ok())
        return Result<Onboarding>::failure(reader.error());
    return onboarding;
}

namespace {

// Up to limit bytes from fd, to its end; a FIFO or pipe that gives nothing for timeoutMs is an
// error that says what was waited for, never a wait without end.
Result<QByteArray> readBounded(int fd, qint64 limit, int timeoutMs, const QString &what)
{
    QByteArray out;
    char buffer[65536];
    for (;;) {
        pollfd p {fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, timeoutMs);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            return Result<QByteArray>::failure(OnboardingDocument::tr("%1: cannot be read: %2")
                                                   .arg(what, QString::fromLocal8Bit(std::strerror(errno))));
        }
        if (ready == 0)
            return Result<QByteArray>::failure(
                OnboardingDocument::tr("%1: no data came within %2 s (is the program that writes "
                                       "to it running?)")
                    .arg(what)
                    .arg(timeoutMs / 1000.0));
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return Result<QByteArray>::failure(OnboardingDocument::tr("%1: cannot be read: %2")
                                                   .arg(what, QString::fromLocal8Bit(std::strerror(errno))));
        }
        if (n == 0)
            return out;
        out.append(buffer, n);
        if (out.size() > limit)
            return out; // parse() says it is too large
    }
}

} // namespace

int OnboardingDocument::inputTimeoutMs()
{
    bool ok = false;
    const double seconds = qEnvironmentVariable("PEERING_INPUT_TIMEOUT").toDouble(&ok);
    return ok && seconds > 0 ? int(seconds * 1000) : 30000;
}

Result<Onboarding> OnboardingDocument::readStandardInput()
{
    const Result<QByteArray> bytes
        = readBounded(STDIN_FILENO, MaxBytes, inputTimeoutMs(), tr("standard input"));
    if (!bytes)
        return Result<Onboarding>::failure(bytes.error());
    return parse(*bytes);
}

Result<Onboarding> OnboardingDocument::readFile(const QString &fileName)
{
    QFile file(fileName);
    const QFileInfo info(fileName);
    if (!info.exists())
        return Result<Onboarding>::failure(tr("%1: no such file").arg(fileName));
    if (info.isDir())
        return Result<Onboarding>::failure(tr("%1: is a folder, not a document").arg(fileName));
    // Refuse a large regular file by its size, without reading (and allocating) it first.
    if (info.isFile() && info.size() > MaxBytes)
        return Result<Onboarding>::failure(fileName + QStringLiteral(": ") + tooLarge(info.size()));
    // Not a regular file (a FIFO, a device): opened without waiting for a writer, and read with
    // a time limit.
    if (!info.isFile()) {
        const int fd = ::open(QFile::encodeName(fileName).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            return Result<Onboarding>::failure(
                tr("%1: cannot be read: %2").arg(fileName, QString::fromLocal8Bit(std::strerror(errno))));
        const Result<QByteArray> bytes = readBounded(fd, MaxBytes, inputTimeoutMs(), fileName);
        ::close(fd);
        if (!bytes)
            return Result<Onboarding>::failure(bytes.error());
        Result<Onboarding> result = parse(*bytes);
        if (!result)
            return Result<Onboarding>::failure(fileName + QStringLiteral(": ") + result.error());
        return result;
    }
    if (!file.open(QIODevice::ReadOnly))
        return Result<Onboarding>::failure(
            tr("%1: cannot be read: %2").arg(fileName, file.errorString()));
    // Read one byte past the limit so that a file that grew since its size was read is refused
    // without reading it whole.
    const QByteArray bytes = file.read(MaxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return Result<Onboarding>::failure(
            tr("%1: cannot be read: %2").arg(fileName, file.errorString()));
    Result<Onboarding> result = parse(bytes);
    if (!result)
        return Result<Onboarding>::failure(fileName + QStringLiteral(": ") + result.error());
    return result;
}

QByteArray OnboardingDocument::serialize(const Onboarding &onboarding, bool includeSecrets)
{
    return QJsonDocument(onboarding.toJson(includeSecrets)).toJson(QJsonDocument::Indented);
}

Status OnboardingDocument::writeFile(const Onboarding &onboarding, const QString &fileName,
                                     bool includeSecrets)
{
    // With its MD5 keys, the file is a secret: its owner's only.
    return SafeFile::write(fileName, serialize(onboarding, includeSecrets),
                           includeSecrets && onboarding.md5KeyCount() > 0);
}

} // namespace Peering
