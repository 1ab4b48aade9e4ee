#include "peeringdbrows.h"

#include <QCoreApplication>
#include <QTemporaryFile>

#include <cstring>

namespace Peering {

namespace {

// A row: its byte length (u32), its value count (u16), then each value: a tag byte and the
// value (int64, double, or a u32 count of UTF-16 units and the units), in native byte order:
// the spool lives and dies with the process that wrote it.
enum Tag : char { Null = 0, Integer = 1, Real = 2, Text = 3 };

template<typename T>
void put(QByteArray &out, T value)
{
    out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

template<typename T>
T take(const char *&p)
{
    T value;
    std::memcpy(&value, p, sizeof value);
    p += sizeof value;
    return value;
}

void encode(QByteArray &out, const PeeringDbSchema::Row &row)
{
    const qsizetype start = out.size();
    put<quint32>(out, 0);
    put<quint16>(out, quint16(row.size()));
    for (const QVariant &v : row) {
        switch (v.typeId()) {
        case QMetaType::UnknownType:
            out.append(char(Null));
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            out.append(char(Real));
            put<double>(out, v.toDouble());
            break;
        case QMetaType::QString: {
            const QString text = v.toString();
            out.append(char(Text));
            put<quint32>(out, quint32(text.size()));
            out.append(reinterpret_cast<const char *>(text.constData()),
                       text.size() * qsizetype(sizeof(QChar)));
            break;
        }
        default:
            if (v.isNull()) {
                out.append(char(Null));
            } else {
                out.append(char(Integer));
                put<qint64>(out, v.toLongLong());
            }
        }
    }
    const quint32 length = quint32(out.size() - start);
    std::memcpy(out.data() + start, &length, sizeof length);
}

// Decodes the rows of [p, end) that are whole; returns where the first incomplete one begins.
const char *decode(const char *p, const char *end,
                   const std::function<bool(const PeeringDbSchema::Row &)> &f, bool *stopped)
{
    while (end - p >= qsizetype(sizeof(quint32))) {
        quint32 length;
        std::memcpy(&length, p, sizeof length);
        if (end - p < qsizetype(length))
            break;
        const char *q = p + sizeof(quint32);
        const quint16 count = take<quint16>(q);
        PeeringDbSchema::Row row;
        row.reserve(count);
        for (quint16 i = 0; i < count; ++i) {
            switch (*q++) {
            case Integer:
                row.append(take<qint64>(q));
                break;
            case Real:
                row.append(take<double>(q));
                break;
            case Text: {
                const quint32 n = take<quint32>(q);
                row.append(QString(reinterpret_cast<const QChar *>(q), qsizetype(n)));
                q += qsizetype(n) * qsizetype(sizeof(QChar));
                break;
            }
            default:
                row.append(QVariant());
            }
        }
        p += length;
        if (!f(row)) {
            *stopped = true;
            return p;
        }
    }
    return p;
}

} // namespace

struct PeeringDbRows::Data
{
    qsizetype count = 0;
    QByteArray buffer; // rows not yet in the file
    std::unique_ptr<QTemporaryFile> file;
    QString error;

    bool spill()
    {
        if (!file) {
            file = std::make_unique<QTemporaryFile>();
            if (!file->open()) {
                error = QCoreApplication::translate("Peering::PeeringDbRows",
                                                    "cannot make a temporary file for the rows "
                                                    "of the sync: %1")
                            .arg(file->errorString());
                return false;
            }
        }
        if (file->write(buffer) != buffer.size()) {
            error = QCoreApplication::translate("Peering::PeeringDbRows",
                                                "cannot write the rows of the sync to %1: %2")
                        .arg(file->fileName(), file->errorString());
            return false;
        }
        buffer.clear();
        return true;
    }
};

PeeringDbRows::PeeringDbRows()
    : d(std::make_shared<Data>())
{ }

PeeringDbRows::PeeringDbRows(std::initializer_list<Row> rows)
    : PeeringDbRows()
{
    for (const Row &row : rows)
        append(row);
}

qsizetype PeeringDbRows::size() const
{
    return d->count;
}

QString PeeringDbRows::error() const
{
    return d->error;
}

bool PeeringDbRows::append(const Row &row)
{
    if (!d->error.isEmpty())
        return false;
    encode(d->buffer, row);
    ++d->count;
    return d->buffer.size() < MemoryBytes || d->spill();
}

bool PeeringDbRows::forEach(const std::function<bool(const Row &row)> &f) const
{
    if (!d->error.isEmpty())
        return false;
    bool stopped = false;
    if (d->file) {
        QTemporaryFile &file = *d->file;
        const qint64 end = file.pos();
        if (!file.flush() || !file.seek(0)) {
            d->error = QCoreApplication::translate("Peering::PeeringDbRows",
                                                   "cannot read the rows of the sync from %1: %2")
                           .arg(file.fileName(), file.errorString());
            return false;
        }
        QByteArray chunk;
        qint64 read = 0;
        while (read < end && !stopped) {
            const qsizetype carried = chunk.size();
            const qint64 want = qMin<qint64>(MemoryBytes, end - read);
            chunk.resize(carried + want);
            const qint64 got = file.read(chunk.data() + carried, want);
            if (got <= 0) {
                d->error = QCoreApplication::translate("Peering::PeeringDbRows",
                                                       "cannot read the rows of the sync from "
                                                       "%1: %2")
                               .arg(file.fileName(), file.errorString());
                file.seek(end);
                return false;
            }
            read += got;
            chunk.resize(carried + got);
            const char *rest = decode(chunk.constData(), chunk.constData() + chunk.size(), f,
                                      &stopped);
            chunk.remove(0, rest - chunk.constData());
        }
        file.seek(end);
    }
    if (!stopped)
        decode(d->buffer.constData(), d->buffer.constData() + d->buffer.size(), f, &stopped);
    return !stopped;
}

QList<PeeringDbRows::Row> PeeringDbRows::toList() const
{
    QList<Row> out;
    out.reserve(d->count);
    forEach([&out](const Row &row) {
        out.append(row);
        return true;
    });
    return out;
}

} // namespace Peering
