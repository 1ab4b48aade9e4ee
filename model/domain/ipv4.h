// IPv4 addresses and prefixes: strict parsing, containment, overlap, and the public-routability test
// against the IANA special-purpose registry plus multicast and class E (domain.md section 7).
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

#include <compare>

namespace Peering {

class Ipv4Prefix;

class Ipv4Address
{
    Q_DECLARE_TR_FUNCTIONS(Peering::Ipv4Address)
public:
    constexpr Ipv4Address() = default;
    constexpr explicit Ipv4Address(quint32 value)
        : m_value(value)
    {}

    // Strict dotted quad: four decimal octets 0-255, no leading zeros, no other forms.
    static Result<Ipv4Address> parse(QStringView text);

    constexpr quint32 value() const { return m_value; }
    QString toString() const;
    bool isPubliclyRoutable() const;

    friend constexpr auto operator<=>(Ipv4Address, Ipv4Address) = default;

private:
    quint32 m_value = 0;
};

class Ipv4Prefix
{
    Q_DECLARE_TR_FUNCTIONS(Peering::Ipv4Prefix)
public:
    constexpr Ipv4Prefix() = default;
    // The caller guarantees that no host bits are set (see parse()).
    constexpr Ipv4Prefix(Ipv4Address network, int length)
        : m_network(network)
        , m_length(length)
    {}

    // "a.b.c.d/len" with len 0-32; host bits set is an error that names the prefix meant.
    static Result<Ipv4Prefix> parse(QStringView text);

    static constexpr quint32 maskFor(int length)
    {
        return length <= 0 ? 0u : (length >= 32 ? 0xffffffffu : ~((1u << (32 - length)) - 1u));
    }

    constexpr Ipv4Address network() const { return m_network; }
    constexpr int length() const { return m_length; }
    constexpr quint32 mask() const { return maskFor(m_length); }
    constexpr Ipv4Address last() const { return Ipv4Address(m_network.value() | ~mask()); }

    constexpr bool contains(Ipv4Address a) const
    {
        return (a.value() & mask()) == m_network.value();
    }
    constexpr bool contains(const Ipv4Prefix &p) const
    {
        return p.m_length >= m_length && contains(p.m_network);
    }
    constexpr bool overlaps(const Ipv4Prefix &p) const { return contains(p) || p.contains(*this); }

    // Publicly routable: neither inside nor containing a non-routable block (192.0.0.9/32 and
    // 192.0.0.10/32 are global).
    bool isPubliclyRoutable() const { return nonRoutableBlock().isEmpty(); }
    // The special-purpose block that makes this prefix non-routable, e.g. "10.0.0.0/8 (private use,
    // RFC 1918)"; empty when routable.
    QString nonRoutableBlock() const;

    QString toString() const;

    friend constexpr auto operator<=>(const Ipv4Prefix &, const Ipv4Prefix &) = default;

private:
    Ipv4Address m_network;
    int m_length = 0;
};

} // namespace Peering
