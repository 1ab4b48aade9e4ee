#include "terminaloutput.h"

#include "domain/textchecks.h"

#include <unistd.h>

namespace Peering {

TerminalOutput::TerminalOutput(FILE *stream)
    : m_stream(stream)
    , m_escape(::isatty(::fileno(stream)) == 1)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

TerminalOutput::~TerminalOutput()
{
    if (!m_pending.isEmpty())
        std::fwrite(m_pending.constData(), 1, size_t(m_pending.size()), m_stream);
    std::fflush(m_stream);
}

QByteArray TerminalOutput::escaped(const QByteArray &utf8, QByteArray *pending)
{
    const QByteArray in = *pending + utf8;
    pending->clear();
    QByteArray out;
    out.reserve(in.size());
    const auto hex = [&out](const char *format, uint value) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, format, value);
        out += buffer;
    };
    qsizetype i = 0;
    while (i < in.size()) {
        const uchar b = uchar(in[i]);
        if (b < 0x80) {
            if (TextChecks::isHiddenCharacter(b))
                hex("\\x%02x", b);
            else
                out += char(b);
            ++i;
            continue;
        }
        const int length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
        if (length == 0) { // a stray continuation byte
            hex("\\x%02x", b);
            ++i;
            continue;
        }
        if (i + length > in.size()) { // the rest comes with the next write
            *pending = in.mid(i);
            break;
        }
        char32_t c = b & (0xff >> (length + 1));
        bool valid = true;
        for (int k = 1; k < length; ++k) {
            const uchar next = uchar(in[i + k]);
            valid = valid && (next & 0xc0) == 0x80;
            c = (c << 6) | (next & 0x3f);
        }
        if (!valid) {
            hex("\\x%02x", b);
            ++i;
            continue;
        }
        if (TextChecks::isHiddenCharacter(c))
            hex(c > 0xff ? "\\u%04x" : "\\x%02x", uint(c));
        else
            out += in.mid(i, length);
        i += length;
    }
    return out;
}

qint64 TerminalOutput::writeData(const char *data, qint64 length)
{
    const QByteArray text = m_escape ? escaped(QByteArray(data, length), &m_pending)
                                     : QByteArray::fromRawData(data, length);
    if (!text.isEmpty() && std::fwrite(text.constData(), 1, size_t(text.size()), m_stream) != size_t(text.size()))
        return -1;
    std::fflush(m_stream);
    return length;
}

} // namespace Peering
