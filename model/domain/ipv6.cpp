#include "ipv6.h"

#include "ipv4.h"

namespace Peering {

namespace {

std::optional<quint16> parseHextet(QStringView s)
{
    if (s.isEmpty() || s.size() > 4)
        return std::nullopt;
    quint16 v = 0;
    for (QChar c : s) {
        const int d = c.isDigit() && c.unicode() < 128 ? c.unicode() - u'0'
                      : (c >= u'a' && c <= u'f')      ? c.unicode() - u'a' + 10
                      : (c >= u'A' && c <= u'F')      ? c.unicode() - u'A' + 10
                                                      : -1;
        if (d < 0)
            return std::nullopt;
        v = quint16((v << 4) | d);
    }
    return v;
}

// Splits "a:b:c" into hextets; the last part may be an embedded IPv4 address when allowed.
bool parseGroups(QStringView part, bool allowV4Tail, std::vector<quint16> &out)
{
    if (part.isEmpty())
        return true;
    const auto pieces = part.split(u':');
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const QStringView p = pieces[i];
        if (i == pieces.size() - 1 && allowV4Tail && p.contains(u'.')) {
            // Ipv4Address::parse() trims; white space inside an IPv6 address is an error.
            if (p.trimmed().size() != p.size())
                return false;
            const auto v4 = Ipv4Address::parse(p);
            if (!v4)
                return false;
            out.push_back(quint16(v4->value() >> 16));
            out.push_back(quint16(v4->value() & 0xffff));
            continue;
        }
        const auto h = parseHextet(p);
        if (!h)
            return false;
        out.push_back(*h);
    }
    return true;
}

} // namespace

Result<Ipv6Address> Ipv6Address::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    const auto fail = [&t]() {
        return Result<Ipv6Address>::failure(
            tr("\"%1\" is not an IPv6 address; write it such as 2001:db8::1").arg(t.toString()));
    };
    if (t.isEmpty())
        return Result<Ipv6Address>::failure(tr("no IPv6 address given; enter one such as 2001:db8::1"));
    if (t.size() > 45)
        return fail();
    const qsizetype dc = t.indexOf(u"::");
    std::vector<quint16> head, tail;
    if (dc >= 0) {
        if (t.indexOf(u"::", dc + 1) >= 0)
            return fail();
        if (!parseGroups(t.left(dc), false, head) || !parseGroups(t.mid(dc + 2), true, tail))
            return fail();
        if (head.size() + tail.size() > 7)
            return fail();
    } else {
        if (!parseGroups(t, true, head) || head.size() != 8)
            return fail();
    }
    Bytes b{};
    for (size_t i = 0; i < head.size(); ++i) {
        b[2 * i] = quint8(head[i] >> 8);
        b[2 * i + 1] = quint8(head[i] & 0xff);
    }
    for (size_t i = 0; i < tail.size(); ++i) {
        const size_t at = 8 - tail.size() + i;
        b[2 * at] = quint8(tail[i] >> 8);
        b[2 * at + 1] = quint8(tail[i] & 0xff);
    }
    return Ipv6Address(b);
}

QString Ipv6Address::toString() const
{
    std::array<quint16, 8> h{};
    for (int i = 0; i < 8; ++i)
        h[i] = quint16((m_bytes[2 * i] << 8) | m_bytes[2 * i + 1]);
    // RFC 5952 section 5: IPv4-mapped addresses (::ffff:0:0/96) in mixed notation.
    if (h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 0 && h[4] == 0 && h[5] == 0xffff)
        return QStringLiteral("::ffff:")
               + Ipv4Address((quint32(h[6]) << 16) | h[7]).toString();
    // RFC 5952: compress the longest run of two or more zero groups, the first if tied.
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (h[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && h[j] == 0)
            ++j;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    QString out;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            out += QStringLiteral("::");
            i += bestLen - 1;
            continue;
        }
        if (!out.isEmpty() && !out.endsWith(u':'))
            out += u':';
        out += QString::number(h[i], 16);
    }
    return out;
}

Result<Ipv6Prefix> Ipv6Prefix::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return Result<Ipv6Prefix>::failure(
            tr("no IPv6 prefix given; enter one such as 2001:db8::/126"));
    const qsizetype slash = t.indexOf(u'/');
    if (slash < 0)
        return Result<Ipv6Prefix>::failure(
            tr("\"%1\" is not an IPv6 prefix: the length is missing; write it such as "
               "2001:db8::/126")
                .arg(t.toString()));
    const QStringView addressText = t.left(slash);
    // Ipv6Address::parse() trims; inside a prefix a space is as wrong as anywhere else.
    if (addressText.trimmed().size() != addressText.size())
        return Result<Ipv6Prefix>::failure(
            tr("\"%1\" is not an IPv6 prefix: it has white space inside; write it such as "
               "2001:db8::/126")
                .arg(t.toString()));
    const auto address = Ipv6Address::parse(addressText);
    if (!address)
        return Result<Ipv6Prefix>::failure(address.error());
    const QStringView len = t.mid(slash + 1);
    bool digits = !len.isEmpty() && len.size() <= 3;
    for (QChar c : len)
        digits = digits && c >= u'0' && c <= u'9';
    const int length = digits ? len.toInt() : -1;
    if (!digits || length > 128 || (len.size() > 1 && len.front() == u'0'))
        return Result<Ipv6Prefix>::failure(
            tr("\"%1\" is not an IPv6 prefix: the length \"%2\" must be a number from 0 to 128")
                .arg(t.toString(), len.toString()));
    Ipv6Address::Bytes masked = address->bytes();
    for (int bit = length; bit < 128; ++bit)
        masked[bit / 8] &= quint8(~(0x80 >> (bit % 8)));
    if (masked != address->bytes())
        return Result<Ipv6Prefix>::failure(
            tr("\"%1\" has host bits set; did you mean %2/%3?")
                .arg(t.toString(), Ipv6Address(masked).toString())
                .arg(length));
    return Ipv6Prefix(*address, length);
}

bool Ipv6Prefix::contains(const Ipv6Address &a) const
{
    for (int bit = 0; bit < m_length; ++bit) {
        const quint8 m = quint8(0x80 >> (bit % 8));
        if ((a.bytes()[bit / 8] & m) != (m_network.bytes()[bit / 8] & m))
            return false;
    }
    return true;
}

Ipv6Address Ipv6Prefix::last() const
{
    Ipv6Address::Bytes b = m_network.bytes();
    for (int bit = m_length; bit < 128; ++bit)
        b[bit / 8] |= quint8(0x80 >> (bit % 8));
    return Ipv6Address(b);
}

QString Ipv6Prefix::toString() const
{
    return m_network.toString() + u'/' + QString::number(m_length);
}

} // namespace Peering
