// IPv6 session addresses and prefixes (RFC 4291 text forms, RFC 5952 output). Peering Service
// prefixes are IPv4 only; IPv6 appears on BGP sessions.
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <compare>

namespace Peering {

class Ipv6Address
{
    Q_DECLARE_TR_FUNCTIONS(Peering::Ipv6Address)
public:
    using Bytes = std::array<quint8, 16>;

    Ipv6Address() = default;
    explicit Ipv6Address(const Bytes &bytes)
        : m_bytes(bytes)
    {}

    // Full, "::"-compressed and embedded-IPv4 forms; no zone index, no brackets.
    static Result<Ipv6Address> parse(QStringView text);

    const Bytes &bytes() const { return m_bytes; }
    QString toString() const; // RFC 5952 canonical form

    friend auto operator<=>(const Ipv6Address &, const Ipv6Address &) = default;

private:
    Bytes m_bytes{};
};

class Ipv6Prefix
{
    Q_DECLARE_TR_FUNCTIONS(Peering::Ipv6Prefix)
public:
    Ipv6Prefix() = default;
    Ipv6Prefix(const Ipv6Address &network, int length)
        : m_network(network)
        , m_length(length)
    {}

    // "address/len" with len 0-128; host bits set is an error that names the prefix meant.
    static Result<Ipv6Prefix> parse(QStringView text);

    const Ipv6Address &network() const { return m_network; }
    int length() const { return m_length; }
    bool contains(const Ipv6Address &a) const;
    Ipv6Address last() const;
    QString toString() const;

    friend auto operator<=>(const Ipv6Prefix &, const Ipv6Prefix &) = default;

private:
    Ipv6Address m_network;
    int m_length = 0;
};

} // namespace Peering
