#include "peeringdbsync.h"

#include "peeringdbclient.h"

#include <QEventLoop>

#include <algorithm>

namespace Peering {

QList<PeeringDbRequestPlan> PeeringDbSync::plan(const QList<PeeringDbCache::ObjectState> &cached,
                                                const QList<qint64> &asns, Scope scope)
{
    QList<qint64> wanted {PeeringDbSchema::MicrosoftAsn};
    for (qint64 asn : asns)
        if (asn > 0 && !wanted.contains(asn))
            wanted.append(asn);
    std::sort(wanted.begin(), wanted.end());
    QStringList asnText;
    for (qint64 asn : wanted)
        asnText.append(QString::number(asn));
    const QString byAsn = QStringLiteral("asn__in=") + asnText.join(u',');

    QList<PeeringDbRequestPlan> out;
    for (const PeeringDbSchema::Object &o : PeeringDbSchema::objects()) {
        PeeringDbRequestPlan p;
        p.object = o.name;
        if (scope == Scope::Microsoft) {
            if (o.name == QLatin1String("netfac"))
                p.scope = QStringLiteral("net_id=%1").arg(PeeringDbSchema::MicrosoftNetId);
            else if (o.name == QLatin1String("netixlan") || o.name == QLatin1String("net"))
                p.scope = byAsn;
        }
        for (const PeeringDbCache::ObjectState &s : cached)
            if (s.object == p.object && s.scope == p.scope && s.syncedAt > 1)
                p.since = s.syncedAt - 1; // PeeringDB compares whole seconds strictly
        out.append(p);
    }
    return out;
}

Result<PeeringDbFetch> PeeringDbSync::fetch(const PeeringDbOptions &options,
                                            const QList<PeeringDbRequestPlan> &plan,
                                            const Progress &progress)
{
    PeeringDbClient client(options);
    QEventLoop loop;
    QObject::connect(&client, &PeeringDbClient::finished, &loop, &QEventLoop::quit);
    if (progress)
        QObject::connect(&client, &PeeringDbClient::progress, &loop,
                         [&progress](const QString &object, qsizetype rows, int, int) {
                             progress(object, rows);
                         });
    client.start(plan);
    loop.exec();
    if (!client.succeeded())
        return Result<PeeringDbFetch>::failure(client.errorString());
    return client.takeFetch();
}

} // namespace Peering
