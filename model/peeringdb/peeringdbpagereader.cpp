#include "peeringdbpagereader.h"

#include <charconv>
#include <cmath>

namespace Peering {

namespace {

const char *skipSpace(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    return p;
}

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out.append(char(c));
    } else if (c < 0x800) {
        out.append(char(0xC0 | (c >> 6)));
        out.append(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.append(char(0xE0 | (c >> 12)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    } else {
        out.append(char(0xF0 | (c >> 18)));
        out.append(char(0x80 | ((c >> 12) & 0x3F)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

PeeringDbPageReader::PeeringDbPageReader(const PeeringDbSchema::Object &object,
                                         PeeringDbRows &rows, QList<qint64> &deleted)
    : m_object(object)
    , m_rows(rows)
    , m_deleted(deleted)
{
    for (const PeeringDbSchema::Field &f : object.fields)
        m_fieldNames.append(f.name.toUtf8());
    m_idField = object.fieldIndex(QLatin1String("id"));
    m_statusField = object.fieldIndex(QLatin1String("status"));
}

bool PeeringDbPageReader::fail(const char *at, const QString &what)
{
    if (m_error.isEmpty())
        m_error = tr("the answer is not JSON (%1 at byte %2)")
                      .arg(what)
                      .arg(m_offset + qint64(at - m_buffer.constData()));
    return false;
}

bool PeeringDbPageReader::notAList()
{
    if (m_error.isEmpty())
        m_error = tr("the answer is not a PeeringDB list (an object with a \"data\" array)");
    return false;
}

bool PeeringDbPageReader::feed(QByteArrayView bytes)
{
    if (!m_error.isEmpty())
        return false;
    m_buffer.append(bytes.data(), bytes.size());
    const bool ok = step();
    if (ok && m_buffer.size() > MaxValueBytes)
        return fail(m_buffer.constData(),
                    tr("a single value larger than %1 MB").arg(MaxValueBytes >> 20));
    return ok;
}

bool PeeringDbPageReader::finish()
{
    if (!m_error.isEmpty())
        return false;
    if (!step())
        return false;
    if (m_state == State::End)
        return true;
    if (m_state == State::Start && skipSpace(m_buffer.constBegin(), m_buffer.constEnd())
                                       == m_buffer.constEnd())
        return fail(m_buffer.constEnd(), tr("an empty answer"));
    return fail(m_buffer.constEnd(), tr("the answer ends early"));
}

// Reads as far as the buffer allows; keeps what is left of an incomplete value for the next feed.
bool PeeringDbPageReader::step()
{
    const char *const begin = m_buffer.constData();
    const char *const end = begin + m_buffer.size();
    const char *p = begin;
    bool ok = true;
    auto consume = [&](const char *to) { p = to; };
    const char *q = p;
    // A value read from q, ending at to: on Bad the reading fails, on More its bytes wait for
    // the next feed (false: stop here); else the state becomes next, past the value.
    auto took = [&](Got got, const char *const &to, State next) {
        if (got == Got::Bad) {
            ok = false;
            return false;
        }
        if (got == Got::More) {
            consume(q);
            return false;
        }
        m_state = next;
        consume(to);
        return true;
    };
    for (;;) {
        q = skipSpace(p, end);
        if (q == end) {
            consume(q);
            break;
        }
        const char c = *q;
        if (m_state == State::End) {
            ok = fail(q, tr("more after the end of the answer"));
            break;
        }
        if (m_state == State::Start) {
            if (c != '{') {
                ok = (c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't'
                      || c == 'f' || c == 'n')
                    ? notAList()
                    : fail(q, tr("unexpected character '%1'").arg(QLatin1Char(c)));
                break;
            }
            m_state = State::Key;
            m_afterComma = false;
            consume(q + 1);
            continue;
        }
        if (m_state == State::Key) {
            if (c == '}' && !m_afterComma) {
                if (!m_sawData) {
                    ok = notAList();
                    break;
                }
                m_state = State::End;
                consume(q + 1);
                continue;
            }
            if (c != '"') {
                ok = fail(q, tr("a name expected"));
                break;
            }
            const char *r = q;
            m_key.clear();
            if (!took(string(r, end, nullptr, &m_key), r, State::Colon))
                break;
            continue;
        }
        if (m_state == State::Colon) {
            if (c != ':') {
                ok = fail(q, tr("':' expected"));
                break;
            }
            m_state = State::Value;
            consume(q + 1);
            continue;
        }
        if (m_state == State::Value) {
            if (m_key == "data") {
                if (c != '[') {
                    ok = notAList();
                    break;
                }
                m_sawData = true;
                m_state = State::Data;
                m_afterComma = false;
                consume(q + 1);
                continue;
            }
            const char *r = q;
            if (!took(skipValue(r, end, 1), r, State::Next))
                break;
            continue;
        }
        if (m_state == State::Data) {
            if (c == ']' && !m_afterComma) {
                m_state = State::Next;
                consume(q + 1);
                continue;
            }
            const char *r = q;
            if (!took(row(r, end), r, State::DataNext))
                break;
            continue;
        }
        if (m_state == State::DataNext) {
            if (c == ',') {
                m_state = State::Data;
                m_afterComma = true;
            } else if (c == ']') {
                m_state = State::Next;
            } else {
                ok = fail(q, tr("',' or ']' expected"));
                break;
            }
            consume(q + 1);
            continue;
        }
        // State::Next: after a value of the answer object.
        if (c == ',') {
            m_state = State::Key;
            m_afterComma = true;
        } else if (c == '}') {
            if (!m_sawData) {
                ok = notAList();
                break;
            }
            m_state = State::End;
        } else {
            ok = fail(q, tr("',' or '}' expected"));
            break;
        }
        consume(q + 1);
    }
    if (!ok)
        return false;
    m_offset += qint64(p - begin);
    m_buffer.remove(0, p - begin);
    return true;
}

PeeringDbPageReader::Got PeeringDbPageReader::literal(const char *&p, const char *end,
                                                      const char *word)
{
    const char *q = p;
    for (const char *w = word; *w; ++w, ++q) {
        if (q == end)
            return Got::More;
        if (*q != *w) {
            fail(q, tr("unexpected character '%1'").arg(QLatin1Char(*q)));
            return Got::Bad;
        }
    }
    p = q;
    return Got::Ok;
}

PeeringDbPageReader::Got PeeringDbPageReader::number(const char *&p, const char *end,
                                                     double *value, bool *integral, qint64 *whole)
{
    const char *q = p;
    auto digits = [&]() {
        const char *s = q;
        while (q < end && *q >= '0' && *q <= '9')
            ++q;
        return qsizetype(q - s);
    };
    if (q < end && *q == '-')
        ++q;
    if (q == end)
        return Got::More;
    const char *intStart = q;
    const qsizetype intDigits = digits();
    if (intDigits == 0 || (intDigits > 1 && *intStart == '0')) {
        fail(q, tr("a malformed number"));
        return Got::Bad;
    }
    bool plain = true;
    if (q < end && *q == '.') {
        ++q;
        plain = false;
        if (digits() == 0) {
            if (q == end)
                return Got::More;
            fail(q, tr("a malformed number"));
            return Got::Bad;
        }
    }
    if (q < end && (*q == 'e' || *q == 'E')) {
        ++q;
        plain = false;
        if (q < end && (*q == '+' || *q == '-'))
            ++q;
        if (digits() == 0) {
            if (q == end)
                return Got::More;
            fail(q, tr("a malformed number"));
            return Got::Bad;
        }
    }
    if (q == end)
        return Got::More; // the number may go on
    if (plain && intDigits <= 18) {
        qint64 n = 0;
        std::from_chars(p, q, n);
        *whole = n;
        *value = double(n);
        *integral = true;
    } else {
        double d = 0;
        const auto r = std::from_chars(p, q, d);
        if (r.ec != std::errc() || !std::isfinite(d)) {
            fail(p, tr("a number out of range"));
            return Got::Bad;
        }
        *value = d;
        *integral = d == std::trunc(d) && std::fabs(d) < 9.2e18;
        *whole = *integral ? qint64(d) : 0;
    }
    p = q;
    return Got::Ok;
}

PeeringDbPageReader::Got PeeringDbPageReader::string(const char *&p, const char *end,
                                                     QString *out, QByteArray *raw)
{
    const char *q = p + 1; // after the opening quote
    const char *run = q;
    QByteArray decoded;
    bool escaped = false;
    while (true) {
        if (q == end)
            return Got::More;
        const unsigned char c = static_cast<unsigned char>(*q);
        if (c == '"')
            break;
        if (c < 0x20) {
            fail(q, tr("a control character in a string"));
            return Got::Bad;
        }
        if (c != '\\') {
            ++q;
            continue;
        }
        if (!escaped) {
            escaped = true;
            decoded.reserve(q - run + 16);
        }
        decoded.append(run, q - run);
        if (end - q < 2)
            return Got::More;
        const char e = q[1];
        q += 2;
        switch (e) {
        case '"': decoded.append('"'); break;
        case '\\': decoded.append('\\'); break;
        case '/': decoded.append('/'); break;
        case 'b': decoded.append('\b'); break;
        case 'f': decoded.append('\f'); break;
        case 'n': decoded.append('\n'); break;
        case 'r': decoded.append('\r'); break;
        case 't': decoded.append('\t'); break;
        case 'u': {
            auto hex4 = [&](const char *h, char32_t *v) -> Got {
                if (end - h < 4)
                    return Got::More;
                char32_t n = 0;
                for (int i = 0; i < 4; ++i) {
                    const int d = hexValue(h[i]);
                    if (d < 0) {
                        fail(h + i, tr("an invalid \\u escape"));
                        return Got::Bad;
                    }
                    n = n * 16 + char32_t(d);
                }
                *v = n;
                return Got::Ok;
            };
            char32_t unit = 0;
            if (const Got g = hex4(q, &unit); g != Got::Ok)
                return g;
            q += 4;
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                if (end - q < 6)
                    return Got::More;
                char32_t low = 0;
                if (q[0] == '\\' && q[1] == 'u') {
                    if (const Got g = hex4(q + 2, &low); g != Got::Ok)
                        return g;
                }
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    q += 6;
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                } else {
                    unit = 0xFFFD;
                }
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                unit = 0xFFFD;
            }
            appendUtf8(decoded, unit);
            break;
        }
        default:
            fail(q - 1, tr("an invalid string escape"));
            return Got::Bad;
        }
        run = q;
    }
    const char *close = q;
    if (escaped)
        decoded.append(run, close - run);
    if (out)
        *out = escaped ? QString::fromUtf8(decoded)
                       : QString::fromUtf8(p + 1, qsizetype(close - (p + 1)));
    if (raw)
        *raw = escaped ? decoded : QByteArray(p + 1, qsizetype(close - (p + 1)));
    p = close + 1;
    return Got::Ok;
}

PeeringDbPageReader::Got PeeringDbPageReader::skipValue(const char *&p, const char *end, int depth)
{
    if (depth > MaxDepth) {
        fail(p, tr("values nested deeper than %1").arg(MaxDepth));
        return Got::Bad;
    }
    const char *q = skipSpace(p, end);
    if (q == end)
        return Got::More;
    const char c = *q;
    Got got = Got::Ok;
    if (c == '{' || c == '[') {
        const char close = c == '{' ? '}' : ']';
        ++q;
        bool first = true;
        for (;;) {
            q = skipSpace(q, end);
            if (q == end)
                return Got::More;
            if (*q == close && first) {
                ++q;
                break;
            }
            if (c == '{') {
                if (*q != '"') {
                    fail(q, tr("a name expected"));
                    return Got::Bad;
                }
                if ((got = string(q, end, nullptr, nullptr)) != Got::Ok)
                    return got;
                q = skipSpace(q, end);
                if (q == end)
                    return Got::More;
                if (*q != ':') {
                    fail(q, tr("':' expected"));
                    return Got::Bad;
                }
                ++q;
            }
            if ((got = skipValue(q, end, depth + 1)) != Got::Ok)
                return got;
            q = skipSpace(q, end);
            if (q == end)
                return Got::More;
            if (*q == close) {
                ++q;
                break;
            }
            if (*q != ',') {
                fail(q, c == '{' ? tr("',' or '}' expected") : tr("',' or ']' expected"));
                return Got::Bad;
            }
            ++q;
            first = false;
        }
    } else if (c == '"') {
        got = string(q, end, nullptr, nullptr);
    } else if (c == 't') {
        got = literal(q, end, "true");
    } else if (c == 'f') {
        got = literal(q, end, "false");
    } else if (c == 'n') {
        got = literal(q, end, "null");
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        double d;
        bool integral;
        qint64 whole;
        got = number(q, end, &d, &integral, &whole);
    } else {
        fail(q, tr("unexpected character '%1'").arg(QLatin1Char(c)));
        return Got::Bad;
    }
    if (got == Got::Ok)
        p = q;
    return got;
}

PeeringDbPageReader::Got PeeringDbPageReader::row(const char *&p, const char *end)
{
    const char *q = p;
    const qsizetype index = m_received;
    if (*q != '{') {
        const Got got = skipValue(q, end, 1); // a whole value first: "not JSON" wins
        if (got != Got::Ok)
            return got;
        m_error = tr("row %1 of %2 is not an object").arg(index).arg(m_object.name);
        return Got::Bad;
    }
    ++q;
    PeeringDbSchema::Row values(m_object.fields.size());
    QByteArray key;
    QString wrongField;
    bool first = true;
    for (;;) {
        q = skipSpace(q, end);
        if (q == end)
            return Got::More;
        if (*q == '}' && first) {
            ++q;
            break;
        }
        if (*q != '"') {
            fail(q, tr("a name expected"));
            return Got::Bad;
        }
        Got got = string(q, end, nullptr, &key);
        if (got != Got::Ok)
            return got;
        q = skipSpace(q, end);
        if (q == end)
            return Got::More;
        if (*q != ':') {
            fail(q, tr("':' expected"));
            return Got::Bad;
        }
        q = skipSpace(q + 1, end);
        if (q == end)
            return Got::More;
        const qsizetype field = m_fieldNames.indexOf(key);
        if (field < 0) {
            if ((got = skipValue(q, end, 2)) != Got::Ok)
                return got;
        } else if (*q == 'n') {
            if ((got = literal(q, end, "null")) != Got::Ok)
                return got;
            values[field] = QVariant();
        } else {
            const PeeringDbSchema::Type type = m_object.fields.at(field).type;
            bool good = false;
            const char c = *q;
            if (c == '"' && type == PeeringDbSchema::Type::Text) {
                QString text;
                if ((got = string(q, end, &text, nullptr)) != Got::Ok)
                    return got;
                values[field] = text;
                good = true;
            } else if ((c == '-' || (c >= '0' && c <= '9'))
                       && (type == PeeringDbSchema::Type::Integer
                           || type == PeeringDbSchema::Type::Real)) {
                double d = 0;
                bool integral = false;
                qint64 whole = 0;
                if ((got = number(q, end, &d, &integral, &whole)) != Got::Ok)
                    return got;
                if (type == PeeringDbSchema::Type::Real) {
                    values[field] = d;
                    good = true;
                } else if (integral) {
                    values[field] = whole;
                    good = true;
                }
            } else if ((c == 't' || c == 'f') && type == PeeringDbSchema::Type::Boolean) {
                if ((got = literal(q, end, c == 't' ? "true" : "false")) != Got::Ok)
                    return got;
                values[field] = c == 't' ? 1 : 0;
                good = true;
            } else {
                if ((got = skipValue(q, end, 2)) != Got::Ok)
                    return got;
            }
            if (!good && wrongField.isEmpty())
                wrongField = m_object.fields.at(field).name;
            if (!good)
                values[field] = QVariant();
        }
        q = skipSpace(q, end);
        if (q == end)
            return Got::More;
        if (*q == '}') {
            ++q;
            break;
        }
        if (*q != ',') {
            fail(q, tr("',' or '}' expected"));
            return Got::Bad;
        }
        ++q;
        first = false;
    }
    p = q;
    ++m_received;
    const QVariant &id = values.at(m_idField);
    const qint64 idValue = id.typeId() == QMetaType::LongLong ? id.toLongLong() : 0;
    if (idValue < 1) {
        m_error = tr("row %1 of %2 has no positive integer id").arg(index).arg(m_object.name);
        return Got::Bad;
    }
    QVariant &status = values[m_statusField];
    const QString statusText = status.typeId() == QMetaType::QString ? status.toString() : QString();
    if (!statusText.isEmpty() && statusText != QLatin1String("ok")) {
        m_deleted.append(idValue);
        return Got::Ok;
    }
    if (!wrongField.isEmpty()) {
        m_error = tr("field %1 of %2 %3 has the wrong type").arg(wrongField, m_object.name).arg(idValue);
        return Got::Bad;
    }
    if (status.isNull())
        status = QStringLiteral("ok");
    if (!m_rows.append(values)) {
        m_error = m_rows.error();
        return Got::Bad;
    }
    return Got::Ok;
}

} // namespace Peering
