// Rules on the peerings and their connections: Basics, Configuration, each connection, and the
// rules that span peerings (bandwidth, local and geo redundancy, router diversity, backups, mesh,
// connection identifiers). One pass over the peerings after one pass that gathers what the
// cross-peering rules need, so findings come out in document order.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

namespace Peering {

class ValidationRun;
struct Connection;
struct PeeringResource;

class PeeringRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PeeringRules)
public:
    // Microsoft's minimum link speed for the service (bandwidth.minimum).
    static constexpr qint64 MinimumBandwidthMbps = 10000;

    explicit PeeringRules(ValidationRun &run);

    void check();

private:
    struct Place
    {
        qsizetype peering = -1;
        qsizetype connection = -1;
        qsizetype router = -1;
    };
    // The connections of all peerings in one metro (or of one peering without a metro).
    struct Location
    {
        qsizetype firstPeering = -1;
        bool hasConnections = false;
        bool hasPrimary = false;
        QHash<QString, Place> routers; // normalized router name -> first place it terminates
    };

    void gather();
    void checkBasics(qsizetype i, const PeeringResource &p);
    void checkConfiguration(qsizetype i, const PeeringResource &p);
    void checkLocation(qsizetype i);
    void checkConnection(qsizetype i, qsizetype j, const Connection &c);
    qsizetype firstSameFacility(qsizetype j, const Connection &c);
    void checkRouters(qsizetype i, qsizetype j, const Connection &c);
    QString connectionName(qsizetype i, qsizetype j) const;
    QString locationName(qsizetype location) const;

    ValidationRun &m_run;
    QList<Location> m_locations;
    QList<qsizetype> m_locationOfPeering;
    qsizetype m_distinctMetros = 0;
    qint64 m_referenceBandwidth = 0;
    qsizetype m_referenceCount = 0;
    // The current peering's connections by facility (first index of each); emptied by check()
    // for each peering.
    struct Facilities
    {
        QHash<qint64, qsizetype> byId;
        QHash<QString, qsizetype> byName;
        QHash<QString, qsizetype> byNameWithoutId;
    } m_facilities;
    QHash<QUuid, Place> m_connectionIds; // connection identifier -> first connection with it
};

} // namespace Peering
