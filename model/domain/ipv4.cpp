#include "ipv4.h"

#include <array>

namespace Peering {

namespace {

struct SpecialBlock
{
    quint32 network;
    int length;
    const char *name;
};

constexpr quint32 ip(quint32 a, quint32 b, quint32 c, quint32 d)
{
    return (a << 24) | (b << 16) | (c << 8) | d;
}

// IANA IPv4 special-purpose address registry entries that are not globally reachable, plus
// multicast (RFC 5771) and the reserved class E space.
constexpr std::array<SpecialBlock, 16> kBlocks{{
    {ip(0, 0, 0, 0), 8, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "\"this network\", RFC 791")},
    {ip(10, 0, 0, 0), 8, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "private use, RFC 1918")},
    {ip(100, 64, 0, 0), 10, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "shared address space, RFC 6598")},
    {ip(127, 0, 0, 0), 8, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "loopback, RFC 1122")},
    {ip(169, 254, 0, 0), 16, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "link local, RFC 3927")},
    {ip(172, 16, 0, 0), 12, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "private use, RFC 1918")},
    {ip(192, 0, 0, 0), 24, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "IETF protocol assignments, RFC 6890")},
    {ip(192, 0, 2, 0), 24, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "documentation TEST-NET-1, RFC 5737")},
    {ip(192, 88, 99, 0), 24, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "deprecated 6to4 relay anycast, RFC 7526")},
    {ip(192, 168, 0, 0), 16, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "private use, RFC 1918")},
    {ip(198, 18, 0, 0), 15, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "benchmarking, RFC 2544")},
    {ip(198, 51, 100, 0), 24, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "documentation TEST-NET-2, RFC 5737")},
    {ip(203, 0, 113, 0), 24, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "documentation TEST-NET-3, RFC 5737")},
    {ip(224, 0, 0, 0), 4, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "multicast, RFC 5771")},
    {ip(240, 0, 0, 0), 4, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "reserved, RFC 1112")},
    {ip(255, 255, 255, 255), 32, QT_TRANSLATE_NOOP("Peering::Ipv4Prefix", "limited broadcast, RFC 919")},
}};

// Inside 192.0.0.0/24 but globally reachable (RFC 7723 PCP anycast, RFC 8155 TURN anycast).
constexpr std::array<quint32, 2> kGlobalExceptions{ip(192, 0, 0, 9), ip(192, 0, 0, 10)};

std::optional<quint32> parseOctet(QStringView s)
{
    if (s.isEmpty() || s.size() > 3)
        return std::nullopt;
    if (s.size() > 1 && s.front() == u'0')
        return std::nullopt;
    quint32 v = 0;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        v = v * 10 + (c.unicode() - u'0');
    }
    if (v > 255)
        return std::nullopt;
    return v;
}

} // namespace

Result<Ipv4Address> Ipv4Address::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return Result<Ipv4Address>::failure(tr("no IPv4 address given; enter one such as 192.0.2.1"));
    quint32 value = 0;
    int parts = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= t.size(); ++i) {
        if (i < t.size() && t[i] != u'.')
            continue;
        const QStringView octet = t.mid(start, i - start);
        const auto v = parseOctet(octet);
        if (!v || parts == 4) {
            QString why;
            if (parts == 4)
                why = tr("it has more than four parts");
            else if (octet.isEmpty())
                why = tr("a part is missing");
            else if (octet.size() > 1 && octet.front() == u'0' && octet.size() <= 3)
                why = tr("\"%1\" has a leading zero (written so, it could be read as octal)")
                          .arg(octet.toString());
            else
                why = tr("\"%1\" is not a number from 0 to 255").arg(octet.toString());
            return Result<Ipv4Address>::failure(
                tr("\"%1\" is not an IPv4 address: %2; write four numbers 0-255 such as 192.0.2.1")
                    .arg(t.toString(), why));
        }
        value = (value << 8) | *v;
        ++parts;
        start = i + 1;
    }
    if (parts != 4)
        return Result<Ipv4Address>::failure(
            tr("\"%1\" is not an IPv4 address: it has %2 parts instead of four; write four numbers "
               "0-255 such as 192.0.2.1")
                .arg(t.toString())
                .arg(parts));
    return Ipv4Address(value);
}

QString Ipv4Address::toString() const
{
    return QStringLiteral("%1.%2.%3.%4")
        .arg(m_value >> 24)
        .arg((m_value >> 16) & 0xff)
        .arg((m_value >> 8) & 0xff)
        .arg(m_value & 0xff);
}

bool Ipv4Address::isPubliclyRoutable() const
{
    return Ipv4Prefix(*this, 32).isPubliclyRoutable();
}

Result<Ipv4Prefix> Ipv4Prefix::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return Result<Ipv4Prefix>::failure(tr("no IPv4 prefix given; enter one such as 192.0.2.0/24"));
    const qsizetype slash = t.indexOf(u'/');
    if (slash < 0)
        return Result<Ipv4Prefix>::failure(
            tr("\"%1\" is not an IPv4 prefix: the length is missing; write it as address/length, "
               "such as 192.0.2.0/24")
                .arg(t.toString()));
    const QStringView addressText = t.left(slash);
    // Ipv4Address::parse() trims; inside a prefix a space is as wrong as anywhere else.
    if (addressText.trimmed().size() != addressText.size())
        return Result<Ipv4Prefix>::failure(
            tr("\"%1\" is not an IPv4 prefix: it has white space inside; write it such as "
               "192.0.2.0/24")
                .arg(t.toString()));
    const auto address = Ipv4Address::parse(addressText);
    if (!address)
        return Result<Ipv4Prefix>::failure(address.error());
    const QStringView len = t.mid(slash + 1);
    bool digits = !len.isEmpty() && len.size() <= 2;
    for (QChar c : len)
        digits = digits && c >= u'0' && c <= u'9';
    const int length = digits ? len.toInt() : -1;
    if (!digits || length > 32 || (len.size() > 1 && len.front() == u'0'))
        return Result<Ipv4Prefix>::failure(
            tr("\"%1\" is not an IPv4 prefix: the length \"%2\" must be a number from 0 to 32")
                .arg(t.toString(), len.toString()));
    const quint32 m = maskFor(length);
    if ((address->value() & ~m) != 0) {
        const Ipv4Prefix meant(Ipv4Address(address->value() & m), length);
        return Result<Ipv4Prefix>::failure(
            tr("\"%1\" has host bits set; did you mean %2?").arg(t.toString(), meant.toString()));
    }
    return Ipv4Prefix(*address, length);
}

QString Ipv4Prefix::nonRoutableBlock() const
{
    for (const quint32 g : kGlobalExceptions)
        if (m_length == 32 && m_network.value() == g)
            return {};
    // Name the most specific block that holds this prefix (255.255.255.255/32, not 240.0.0.0/4);
    // failing that, the first block this prefix holds.
    const SpecialBlock *found = nullptr;
    for (const SpecialBlock &b : kBlocks)
        if (Ipv4Prefix(Ipv4Address(b.network), b.length).contains(*this)
            && (!found || b.length > found->length))
            found = &b;
    if (!found)
        for (const SpecialBlock &b : kBlocks)
            if (contains(Ipv4Prefix(Ipv4Address(b.network), b.length))) {
                found = &b;
                break;
            }
    if (!found)
        return {};
    return QStringLiteral("%1 (%2)").arg(Ipv4Prefix(Ipv4Address(found->network), found->length)
                                             .toString(),
                                         tr(found->name));
}

QString Ipv4Prefix::toString() const
{
    return m_network.toString() + u'/' + QString::number(m_length);
}

} // namespace Peering
