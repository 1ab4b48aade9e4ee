#include "peeringdblookup.h"

#include "peeringdbclient.h"
#include "peeringdbschema.h"

namespace Peering {

PeeringDbLookup::PeeringDbLookup(PeeringDbOptions options, QObject *parent)
    : QObject(parent)
    , m_client(new PeeringDbClient(std::move(options), this))
{
    connect(m_client, &PeeringDbClient::finished, this, &PeeringDbLookup::onFinished);
}

PeeringDbLookup::~PeeringDbLookup() = default;

std::optional<QString> PeeringDbLookup::known(qint64 asn) const
{
    const auto it = m_answers.constFind(asn);
    if (it == m_answers.constEnd())
        return std::nullopt;
    return *it;
}

void PeeringDbLookup::lookUp(qint64 asn)
{
    if (asn <= 0 || m_answers.contains(asn) || asn == m_running)
        return;
    m_waiting = asn;
    if (!m_running)
        startNext();
}

void PeeringDbLookup::startNext()
{
    if (!m_waiting)
        return;
    m_running = m_waiting;
    m_waiting = 0;
    Q_EMIT started(m_running);
    m_client->start({PeeringDbRequestPlan {QStringLiteral("net"),
                                           QStringLiteral("asn=%1").arg(m_running), 0}});
}

void PeeringDbLookup::onFinished(bool ok)
{
    const qint64 asn = m_running;
    m_running = 0;
    if (!ok) {
        Q_EMIT failed(asn, m_client->errorString());
    } else {
        const PeeringDbFetch fetch = m_client->takeFetch();
        const PeeringDbSchema::Object *net = PeeringDbSchema::object(QStringLiteral("net"));
        const qsizetype asnField = net ? net->fieldIndex(QLatin1String("asn")) : -1;
        const qsizetype nameField = net ? net->fieldIndex(QLatin1String("name")) : -1;
        QString name;
        for (const PeeringDbObjectFetch &o : fetch.objects)
            o.rows.forEach([&](const PeeringDbSchema::Row &row) {
                if (asnField >= 0 && nameField >= 0 && row.value(asnField).toLongLong() == asn)
                    name = row.value(nameField).toString().trimmed();
                return true;
            });
        m_answers.insert(asn, name);
        if (name.isEmpty())
            Q_EMIT notFound(asn);
        else
            Q_EMIT found(asn, name);
    }
    startNext();
}

} // namespace Peering
