// Field paths in words, for people: "peerings[0].connections[1].bgp.peerIPv4" becomes
// "Amsterdam, Equinix AM5 (redundant): Peer IPv4". The GUI shows these instead of raw paths;
// the command line and JSON outputs keep the paths (they are for tools).
#pragma once

#include "domain/onboarding.h"

#include <QCoreApplication>
#include <QString>

namespace Peering {

class FieldLabel
{
    Q_DECLARE_TR_FUNCTIONS(Peering::FieldLabel)
public:
    // Where the field is: "Amsterdam, Equinix AM5 (redundant)", "Prefix 185.1.201.0/24",
    // "Contact 1 (Noc)"; empty for top-level fields.
    static QString location(const Onboarding &onboarding, const QString &path);
    // A connection's location without going through a path: "Amsterdam, Equinix AM5 (primary)".
    static QString connectionLocation(const Onboarding &onboarding, qsizetype peering,
                                      qsizetype connection);
    // What the field is: "Peer IPv4", "Bandwidth", "Subscription ID".
    static QString field(const QString &path);
    // "location: field", or the field alone.
    static QString describe(const Onboarding &onboarding, const QString &path);
    // A connection in words: "the primary connection at Equinix AM5 (Amsterdam)".
    static QString connection(const Onboarding &onboarding, qsizetype peering, qsizetype index);
    // A bandwidth as the portal and the wizard say it: "100 Gbps" for whole gigabits, else
    // "1500 Mbps".
    static QString bandwidth(qint64 mbps);
    // A peering in words: its metro, else its name, else "peering N".
    static QString peering(const Onboarding &onboarding, qsizetype peering);
};

} // namespace Peering
