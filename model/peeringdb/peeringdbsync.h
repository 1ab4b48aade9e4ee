// One sync of the PeeringDB cache, for the command line and the window alike: what to ask for
// (each object whole the first time or when its filter changed, else since= the last sync minus
// one second), the fetch (network or folder), then one transaction into the cache.
#pragma once

#include "peeringdbcache.h"
#include "peeringdbfetch.h"
#include "peeringdboptions.h"

#include "domain/result.h"

#include <QCoreApplication>

#include <functional>

namespace Peering {

class PeeringDbSync
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PeeringDbSync)
public:
    enum class Scope {
        // Every exchange and facility, Microsoft's presence, and the networks of Microsoft and
        // of the given ASNs (their netixlan too): a few requests, within the anonymous limit.
        Microsoft,
        // Every row of every object (mirrors, the benchmark).
        Everything,
    };

    static QList<PeeringDbRequestPlan> plan(const QList<PeeringDbCache::ObjectState> &cached,
                                            const QList<qint64> &asns,
                                            Scope scope = Scope::Microsoft);

    // Runs a client to its end in a local event loop (the command line). progress, when set,
    // is called with the client's progress.
    using Progress = std::function<void(const QString &object, qsizetype rows)>;
    static Result<PeeringDbFetch> fetch(const PeeringDbOptions &options,
                                        const QList<PeeringDbRequestPlan> &plan,
                                        const Progress &progress = {});
};

} // namespace Peering
