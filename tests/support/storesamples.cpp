#include "storesamples.h"

#include "domain/ipv4.h"

#include <QDate>
#include <QUuid>

namespace Peering::TestSupport {

namespace {

QString guid(quint32 a, quint16 b)
{
    return QUuid(a, b, 0x4abc, 0x8d, 0x9e, 0xaf, 0xb0, 0xc1, 0xd2, 0xe3, 0xf4)
        .toString(QUuid::WithoutBraces);
}

// The default plan of domain.md section 2: days after the start for each stage.
const int kPlanDays[] = {0, 1, 1, 8, 12, 18, 21, 22, 23, 30};

} // namespace

QString storeOnboardingName(int index)
{
    return QStringLiteral("Onboarding %1").arg(index, 6, 10, QLatin1Char('0'));
}

Onboarding makeStoreOnboarding(int index, int connections, int milestones, int mails)
{
    Onboarding o;
    o.name = storeOnboardingName(index);
    o.peerAsn.name = QStringLiteral("ix-%1").arg(index);
    o.peerAsn.asn = QString::number(200000 + index % 100000);
    o.peerAsn.peerName = QStringLiteral("Exchange %1").arg(index);
    o.peerAsn.validationState = QStringLiteral("Approved");
    o.peerAsn.contacts = {{QStringLiteral("Noc"),
                           QStringLiteral("noc@ix%1.net").arg(index),
                           QStringLiteral("+31 20 555 %1").arg(index % 10000),
                           {}}};

    const QStringList metros {QStringLiteral("Amsterdam"), QStringLiteral("Frankfurt"),
                              QStringLiteral("London"),    QStringLiteral("Ashburn"),
                              QStringLiteral("Singapore"), QStringLiteral("Paris")};
    quint32 session = Ipv4Address::parse(u"185.1.0.0")->value() + quint32(index % 4096) * 64;
    for (int c = 0; c < connections; ++c) {
        if (c % 4 == 0) {
            PeeringResource p;
            p.subscriptionId = guid(quint32(index), 1);
            p.resourceGroup = QStringLiteral("rg-peering");
            p.metro = metros.at((index + c / 4) % metros.size());
            p.name = QStringLiteral("ix%1-%2").arg(index).arg(p.metro.toLower());
            p.azureRegion = QStringLiteral("westeurope");
            p.maxPrefixesFromMicrosoft = 450;
            o.peerings.append(p);
        }
        Connection k;
        k.id = guid(quint32(index), quint16(100 + c));
        k.role = c % 4 == 1 ? QStringLiteral("redundant") : QStringLiteral("primary");
        k.peeringDbFacilityId = 60 + c;
        k.facilityName = QStringLiteral("Facility %1").arg(60 + c);
        k.peerRouters = {QStringLiteral("r%1a.ix%2.net").arg(c).arg(index),
                         QStringLiteral("r%1b.ix%2.net").arg(c).arg(index)};
        k.bandwidthMbps = 100000;
        k.lacp = true;
        k.state = QStringLiteral("Active");
        k.bgp.sessionPrefixV4 = Ipv4Prefix(Ipv4Address(session), 31).toString();
        k.bgp.microsoftIPv4 = Ipv4Address(session).toString();
        k.bgp.peerIPv4 = Ipv4Address(session + 1).toString();
        k.bgp.maxPrefixesAdvertisedV4 = 1000;
        session += 2;
        o.peerings.last().connections.append(k);
    }

    o.prefixes.append({QStringLiteral("20.%1.%2.0/24").arg((index / 256) % 256).arg(index % 256),
                       o.peerAsn.asn,
                       true,
                       {QStringLiteral("8075:8007")},
                       {o.peerAsn.asn},
                       QStringLiteral("SBC voice"),
                       {}});
    for (int k = 0; k < 2; ++k) {
        RegisteredAsn r;
        r.name = QStringLiteral("Customer %1-%2").arg(index).arg(k);
        // Unique across every index a test uses (also the kill test's large ones).
        r.asn = QString::number(1000000 + quint32(index) * 2 + quint32(k));
        r.peering = o.peerings.isEmpty() ? QString() : o.peerings.first().name;
        r.prefixKey = guid(quint32(index), quint16(900 + k));
        o.registeredAsns.append(r);
    }

    const QDate start = QDate(2026, 1, 5).addDays(index % 300);
    const int reached = index % 11;
    const int stageCount = int(std::size(kPlanDays));
    for (int m = 0; m < milestones; ++m) {
        Milestone ms;
        const int stage = m % stageCount;
        ms.stage = Milestone::stages().at(stage);
        const int replan = m / stageCount; // later rounds re-plan a stage a week later
        ms.expected = start.addDays(kPlanDays[stage] + 7 * replan).toString(Qt::ISODate);
        if (stage < reached && replan == 0)
            ms.reached = start.addDays(kPlanDays[stage]).toString(Qt::ISODate)
                + QStringLiteral("T09:00:00Z");
        ms.source = replan == 0 ? QStringLiteral("manual") : QStringLiteral("mail");
        ms.note = replan == 0 ? QString() : QStringLiteral("re-planned");
        o.milestones.append(ms);
    }
    for (int m = 0; m < mails; ++m) {
        MailRecord r;
        r.messageId = QStringLiteral("<%1.%2@mail.example.microsoft.com>").arg(index).arg(m);
        r.from = QStringLiteral("peering@microsoft.com");
        r.subject = QStringLiteral("Peering update %1 for %2").arg(m).arg(o.name);
        r.date = QDateTime(start.addDays(m), QTime(8, 30), Qt::UTC).toString(Qt::ISODate);
        r.stage = Milestone::stages().at(m % stageCount);
        o.mail.append(r);
    }
    // An unknown key: the store must keep it.
    o.extra.insert(QStringLiteral("x-sample-index"), index);
    return o;
}

} // namespace Peering::TestSupport
