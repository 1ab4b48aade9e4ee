// The live net?asn= lookup of one ASN at a time (the Peer ASN page's, when the cache does not
// know the network): one PeeringDbClient kept for the lookups, so its rate limit counts them all;
// a lookup asked while one runs replaces any waiting one, and an ASN is asked once per lookup
// object (the answer, found or not, is remembered).
#pragma once

#include "peeringdboptions.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace Peering {

class PeeringDbClient;

class PeeringDbLookup : public QObject
{
    Q_OBJECT
public:
    explicit PeeringDbLookup(PeeringDbOptions options, QObject *parent = nullptr);
    ~PeeringDbLookup() override;

    // Asks PeeringDB for the network of asn, unless it was asked before; the answer comes as
    // found(), notFound() or failed().
    void lookUp(qint64 asn);
    // A remembered answer: the name (empty when PeeringDB has no network for it), or nothing.
    std::optional<QString> known(qint64 asn) const;

Q_SIGNALS:
    void started(qint64 asn);
    void found(qint64 asn, const QString &name);
    void notFound(qint64 asn);
    // One line, never holding a key; the ASN may be asked again later.
    void failed(qint64 asn, const QString &reason);

private:
    void startNext();
    void onFinished(bool ok);

    PeeringDbClient *m_client = nullptr;
    qint64 m_running = 0;
    qint64 m_waiting = 0;
    QHash<qint64, QString> m_answers;
};

} // namespace Peering
