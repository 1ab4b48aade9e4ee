// The BGP session addresses in a mail's text (Microsoft sends them once the port is configured):
// each IPv4 and IPv6 address, with a /31 or /127 session prefix where one is given, sorted to
// the peer's side or Microsoft's by the words on its line ("Microsoft", "MSFT" against "peer",
// "customer", "your", "IXP"). An address on a line naming neither side is not assigned.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace Peering {

class MailExtractor
{
public:
    // The keys of every extraction, in this order.
    static const QStringList &keys(); // peerIPv4, microsoftIPv4, peerIPv6, microsoftIPv6

    // Every key, each with its addresses in the order they appear (no duplicates).
    static QMap<QString, QStringList> extract(const QString &text);
};

} // namespace Peering
