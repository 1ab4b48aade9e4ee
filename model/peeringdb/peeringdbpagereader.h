// Reads one PeeringDB list answer {"meta":{...},"data":[...]} as its bytes arrive, row by row,
// without building the whole document: the kept fields of each row go to a PeeringDbRows (the
// others are skipped), rows whose status is not "ok" to the deleted ids. Memory stays at about
// one row whatever the size of the answer; a single value larger than MaxValueBytes is refused.
#pragma once

#include "peeringdbrows.h"
#include "peeringdbschema.h"

#include <QByteArray>
#include <QCoreApplication>

namespace Peering {

class PeeringDbPageReader
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PeeringDbPageReader)
public:
    static constexpr qsizetype MaxValueBytes = 16 * 1024 * 1024;
    static constexpr int MaxDepth = 64;

    // Rows go to rows, the ids of rows that are not "ok" to deleted.
    PeeringDbPageReader(const PeeringDbSchema::Object &object, PeeringDbRows &rows,
                        QList<qint64> &deleted);

    // The next bytes of the answer; false after the first error (error() says what).
    bool feed(QByteArrayView bytes);
    // The answer ended: false unless it was one whole list answer.
    bool finish();
    const QString &error() const { return m_error; }
    // Rows in the answer's data array so far (ok and deleted).
    qsizetype received() const { return m_received; }

private:
    enum class State { Start, Key, Colon, Value, Data, DataNext, Next, End };
    enum class Got { Ok, More, Bad };

    bool step();
    Got row(const char *&p, const char *end);
    Got skipValue(const char *&p, const char *end, int depth);
    Got string(const char *&p, const char *end, QString *out, QByteArray *raw);
    Got number(const char *&p, const char *end, double *value, bool *integral, qint64 *whole);
    Got literal(const char *&p, const char *end, const char *word);
    bool fail(const char *at, const QString &what);
    bool notAList();

    const PeeringDbSchema::Object &m_object;
    PeeringDbRows &m_rows;
    QList<qint64> &m_deleted;
    QList<QByteArray> m_fieldNames;
    qsizetype m_idField = -1;
    qsizetype m_statusField = -1;
    QByteArray m_buffer; // bytes not yet read
    qint64 m_offset = 0; // of m_buffer's first byte in the answer
    State m_state = State::Start;
    QByteArray m_key;
    bool m_sawData = false;
    bool m_afterComma = false; // a ',' was the last thing read: no '}' or ']' now
    qsizetype m_received = 0;
    QString m_error;
};

} // namespace Peering
