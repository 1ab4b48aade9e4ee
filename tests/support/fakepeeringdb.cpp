#include "fakepeeringdb.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Peering::TestSupport {

namespace {

constexpr qint64 HugeBytes = qint64(300) * 1024 * 1024;

QString fieldText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

QByteArray statusLine(int status)
{
    switch (status) {
    case 200: return "200 OK";
    case 401: return "401 Unauthorized";
    case 404: return "404 Not Found";
    case 429: return "429 Too Many Requests";
    default: return QByteArray::number(status) + " Internal Server Error";
    }
}

// Streams count bytes of filler as the socket drains, without holding them in memory.
void stream(QTcpSocket *socket, qint64 count)
{
    auto left = std::make_shared<qint64>(count);
    const QByteArray chunk(256 * 1024, ' ');
    auto more = [socket, left, chunk] {
        while (*left > 0 && socket->bytesToWrite() < 1024 * 1024) {
            const qint64 n = qMin<qint64>(*left, chunk.size());
            socket->write(chunk.constData(), n);
            *left -= n;
        }
        if (*left <= 0)
            socket->disconnectFromHost();
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
    more();
}

} // namespace

FakePeeringDb::FakePeeringDb()
    : m_thread(std::make_unique<QThread>())
{
    auto *context = new QObject;
    context->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, context, &QObject::deleteLater);
    m_thread->start();
    QMetaObject::invokeMethod(
        context,
        [this, context] {
            auto *server = new QTcpServer(context);
            if (!server->listen(QHostAddress::LocalHost, 0))
                qFatal("FakePeeringDb: cannot listen on 127.0.0.1: %s",
                       qPrintable(server->errorString()));
            m_port = server->serverPort();
            QObject::connect(server, &QTcpServer::newConnection, server, [this, server] {
                while (QTcpSocket *socket = server->nextPendingConnection()) {
                    QObject::connect(socket, &QTcpSocket::disconnected, socket,
                                     &QObject::deleteLater);
                    auto buffer = std::make_shared<QByteArray>();
                    auto handled = std::make_shared<bool>(false);
                    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, handled] {
                        if (*handled) {
                            socket->readAll();
                            return;
                        }
                        *buffer += socket->readAll();
                        const qsizetype end = buffer->indexOf("\r\n\r\n");
                        if (end < 0)
                            return;
                        const QList<QByteArray> lines = buffer->left(end).split('\n');
                        buffer->clear();
                        *handled = true;
                        Request request;
                        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                        request.rawTarget = first.value(1);
                        const qsizetype q = request.rawTarget.indexOf('?');
                        const QByteArray path = q < 0 ? request.rawTarget : request.rawTarget.left(q);
                        if (q >= 0)
                            request.query = QUrlQuery(QString::fromUtf8(request.rawTarget.mid(q + 1)));
                        request.object = QString::fromUtf8(path.mid(path.lastIndexOf('/') + 1));
                        for (qsizetype i = 1; i < lines.size(); ++i) {
                            const qsizetype colon = lines.at(i).indexOf(':');
                            if (colon > 0)
                                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                                       lines.at(i).mid(colon + 1).trimmed());
                        }
                        int status = 200;
                        int retryAfter = -1;
                        Misbehaviour how = Misbehaviour::None;
                        QByteArray body = answer(request, &status, &how, &retryAfter);
                        QByteArray head = "HTTP/1.1 " + statusLine(status)
                            + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
                        if (retryAfter >= 0)
                            head += "Retry-After: " + QByteArray::number(retryAfter) + "\r\n";
                        switch (how) {
                        case Misbehaviour::NeverAnswers:
                            return;
                        case Misbehaviour::Huge:
                            socket->write(head + "Content-Length: " + QByteArray::number(HugeBytes)
                                          + "\r\n\r\n");
                            stream(socket, HugeBytes);
                            return;
                        case Misbehaviour::HugeUnannounced:
                            socket->write(head + "\r\n");
                            stream(socket, HugeBytes);
                            return;
                        case Misbehaviour::Truncated:
                            socket->write(head + "Content-Length: " + QByteArray::number(body.size())
                                          + "\r\n\r\n" + body.left(body.size() / 2));
                            socket->flush();
                            socket->disconnectFromHost();
                            return;
                        case Misbehaviour::Slow: {
                            socket->write(head + "Content-Length: " + QByteArray::number(body.size())
                                          + "\r\n\r\n");
                            auto *timer = new QTimer(socket);
                            auto rest = std::make_shared<QByteArray>(body);
                            QObject::connect(timer, &QTimer::timeout, socket, [socket, rest, timer] {
                                socket->write(rest->left(64));
                                rest->remove(0, 64);
                                if (rest->isEmpty()) {
                                    timer->stop();
                                    socket->disconnectFromHost();
                                }
                            });
                            timer->start(200);
                            return;
                        }
                        default:
                            break;
                        }
                        socket->write(head + "Content-Length: " + QByteArray::number(body.size())
                                      + "\r\n\r\n" + body);
                        socket->disconnectFromHost();
                    });
                }
            });
        },
        Qt::BlockingQueuedConnection);
}

FakePeeringDb::~FakePeeringDb()
{
    m_thread->quit();
    m_thread->wait();
}

QString FakePeeringDb::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/api").arg(m_port);
}

void FakePeeringDb::setRows(const QString &object, const QList<QJsonObject> &rows)
{
    QMutexLocker lock(&m_mutex);
    m_rows.insert(object, rows);
    m_json.remove(object);
}

void FakePeeringDb::addRow(const QString &object, const QJsonObject &row)
{
    QMutexLocker lock(&m_mutex);
    QList<QJsonObject> &rows = m_rows[object];
    for (QJsonObject &r : rows)
        if (r.value(QLatin1String("id")) == row.value(QLatin1String("id"))) {
            r = row;
            m_json.remove(object);
            return;
        }
    rows.append(row);
    m_json.remove(object);
}

void FakePeeringDb::setRawRows(const QString &object, QList<QByteArray> rows)
{
    QMutexLocker lock(&m_mutex);
    m_raw.insert(object, std::move(rows));
}

void FakePeeringDb::requireApiKey(const QByteArray &key)
{
    QMutexLocker lock(&m_mutex);
    m_key = key;
}

void FakePeeringDb::rateLimitOnce(int retryAfterSeconds, const QString &object)
{
    QMutexLocker lock(&m_mutex);
    m_rateLimitSeconds = retryAfterSeconds;
    m_rateLimitObject = object;
}

void FakePeeringDb::misbehave(Misbehaviour what, const QString &object, int fromNth)
{
    QMutexLocker lock(&m_mutex);
    m_misbehaviour = what;
    m_misbehaviourObject = object;
    m_misbehaviourFrom = fromNth;
    m_perObject.clear();
}

QList<FakePeeringDb::Request> FakePeeringDb::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int FakePeeringDb::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

void FakePeeringDb::clearRequests()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

QByteArray FakePeeringDb::answer(const Request &request, int *status, Misbehaviour *how,
                                 int *retryAfter)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
    const int nth = m_perObject[request.object]++;
    if (!m_key.isEmpty() && request.headers.value("authorization") != "Api-Key " + m_key) {
        *status = 401;
        return R"({"meta":{"error":"Invalid API key"},"data":[]})";
    }
    if (m_rateLimitSeconds >= 0
        && (m_rateLimitObject.isEmpty() || m_rateLimitObject == request.object)) {
        *status = 429;
        *retryAfter = m_rateLimitSeconds;
        m_rateLimitSeconds = -1;
        return R"({"message":"Request was throttled."})";
    }
    if (m_misbehaviour != Misbehaviour::None
        && (m_misbehaviourObject.isEmpty() || m_misbehaviourObject == request.object)
        && nth >= m_misbehaviourFrom) {
        switch (m_misbehaviour) {
        case Misbehaviour::Malformed:
            return R"({"meta":{},"data":[{"id":1,"name":"cut)";
        case Misbehaviour::WrongShape:
            return R"({"meta":{},"data":{"id":1}})";
        case Misbehaviour::WrongFieldType:
            return R"({"meta":{},"data":[{"id":1,"city":7,"status":"ok"}]})";
        case Misbehaviour::ServerError:
            *status = 500;
            return R"({"meta":{"error":"Internal error"}})";
        case Misbehaviour::Unauthorized:
            *status = 401;
            return R"({"meta":{"error":"Authentication credentials were not provided."}})";
        case Misbehaviour::RateLimitedWithoutRetryAfter:
            *status = 429;
            return R"({"message":"Request was throttled."})";
        default:
            *how = m_misbehaviour;
            break;
        }
    }
    if (!m_rows.contains(request.object) && request.object != QLatin1String("fac")
        && request.object != QLatin1String("ix") && request.object != QLatin1String("ixfac")
        && request.object != QLatin1String("ixlan") && request.object != QLatin1String("ixpfx")
        && request.object != QLatin1String("netfac")
        && request.object != QLatin1String("netixlan") && request.object != QLatin1String("net")) {
        *status = 404;
        return R"({"meta":{"error":"Not found"}})";
    }
    const QUrlQuery &q = request.query;
    const qint64 since = q.queryItemValue(QStringLiteral("since")).toLongLong();
    const qint64 skip = q.queryItemValue(QStringLiteral("skip")).toLongLong();
    bool limited = false;
    const qint64 limit = q.queryItemValue(QStringLiteral("limit")).toLongLong(&limited);
    QList<std::pair<QString, QStringList>> filters;
    for (const auto &[key, value] : q.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("depth") || key == QLatin1String("limit")
            || key == QLatin1String("skip") || key == QLatin1String("since"))
            continue;
        if (key.endsWith(QLatin1String("__in")))
            filters.append({key.chopped(4), value.split(u',')});
        else
            filters.append({key, {value}});
    }
    QByteArray body = R"({"meta":{},"data":[)";
    if (const auto raw = m_raw.constFind(request.object); raw != m_raw.cend()) {
        const qint64 end = limited && limit > 0 ? qMin<qint64>(raw->size(), skip + limit)
                                                : raw->size();
        for (qint64 i = skip; i < end; ++i) {
            if (i > skip)
                body += ',';
            body += raw->at(i);
        }
        body += "]}";
        return body;
    }
    qint64 index = 0, written = 0;
    const QList<QJsonObject> rows = m_rows.value(request.object);
    if (!m_json.contains(request.object)) {
        QList<QByteArray> json;
        json.reserve(rows.size());
        for (const QJsonObject &row : rows)
            json.append(QJsonDocument(row).toJson(QJsonDocument::Compact));
        m_json.insert(request.object, json);
    }
    const QList<QByteArray> &json = m_json[request.object];
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonObject &row = rows.at(r);
        const bool ok = row.value(QLatin1String("status")).toString() == QLatin1String("ok");
        if (since > 0) {
            const QDateTime updated = QDateTime::fromString(
                row.value(QLatin1String("updated")).toString(), Qt::ISODate);
            if (updated.toSecsSinceEpoch() <= since)
                continue;
        } else if (!ok) {
            continue;
        }
        bool match = true;
        for (const auto &[field, values] : filters)
            match = match && values.contains(fieldText(row.value(field)));
        if (!match)
            continue;
        if (index++ < skip)
            continue;
        if (limited && limit > 0 && written >= limit)
            break;
        if (written++ > 0)
            body += ',';
        body += json.at(r);
    }
    body += "]}";
    return body;
}

namespace {

QJsonObject base(qint64 id, const char *updated = "2026-01-01T00:00:00Z")
{
    return QJsonObject {{"id", id},
                        {"status", "ok"},
                        {"created", "2020-01-01T00:00:00Z"},
                        {"updated", QLatin1String(updated)}};
}

QJsonObject with(QJsonObject o, const QJsonObject &more)
{
    for (auto it = more.begin(); it != more.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

void FakePeeringDb::loadSample()
{
    auto fac = [](qint64 id, const char *name, const char *city, const char *state,
                  const char *country, const char *continent, double lat, double lon) {
        return with(base(id), {{"org_id", 1000 + id},
                               {"org_name", "Org " + QString::number(id)},
                               {"campus_id", QJsonValue::Null},
                               {"name", name},
                               {"aka", ""},
                               {"name_long", ""},
                               {"website", "https://example.net/"},
                               {"clli", ""},
                               {"rencode", ""},
                               {"npanxx", ""},
                               {"tech_email", ""},
                               {"sales_email", ""},
                               {"property", "Owner"},
                               {"notes", ""},
                               {"net_count", 10},
                               {"ix_count", 2},
                               {"address1", "1 Example Street"},
                               {"address2", ""},
                               {"city", city},
                               {"state", state},
                               {"zipcode", "12345"},
                               {"country", country},
                               {"region_continent", continent},
                               {"latitude", lat},
                               {"longitude", lon}});
    };
    setRows("fac", {fac(1, "Equinix AM5", "Amsterdam", "", "NL", "Europe", 52.29, 4.94),
                    fac(2, "Interxion FRA1", "Frankfurt am Main", "", "DE", "Europe", 50.11, 8.73),
                    fac(3, "Equinix DC2", "Ashburn", "VA", "US", "North America", 39.01, -77.46),
                    fac(4, "Digital Realty IAD", "Sterling", "VA", "US", "North America", 39.0, -77.4),
                    fac(5, "Telehouse North", "London", "", "GB", "Europe", 51.51, 0.0),
                    fac(6, "Nikhef", "Amsterdam", "", "NL", "Europe", 52.35, 4.95),
                    fac(7, "Frankfort Data Center", "Frankfort", "KY", "US", "North America",
                        38.2, -84.87)});
    auto ix = [](qint64 id, const char *name, const char *city, const char *country) {
        return with(base(id), {{"org_id", 2000 + id},
                               {"name", name},
                               {"aka", ""},
                               {"name_long", QString::fromLatin1(name) + " Internet Exchange"},
                               {"city", city},
                               {"country", country},
                               {"region_continent", "Europe"},
                               {"media", "Ethernet"},
                               {"proto_unicast", true},
                               {"proto_multicast", false},
                               {"proto_ipv6", true},
                               {"website", "https://ix.example/"},
                               {"net_count", 3},
                               {"fac_count", 2}});
    };
    setRows("ix", {ix(10, "Example-IX Amsterdam", "Amsterdam", "NL"),
                   ix(20, "Example-IX Frankfurt", "Frankfurt", "DE")});
    auto ixfac = [](qint64 id, qint64 ixId, qint64 facId) {
        return with(base(id), {{"ix_id", ixId}, {"fac_id", facId}, {"name", ""}, {"city", ""},
                               {"country", ""}});
    };
    setRows("ixfac", {ixfac(100, 10, 1), ixfac(101, 10, 6), ixfac(102, 20, 2)});
    auto ixlan = [](qint64 id, qint64 ixId) {
        return with(base(id), {{"ix_id", ixId},
                               {"name", ""},
                               {"descr", ""},
                               {"mtu", 1500},
                               {"dot1q_support", false},
                               {"rs_asn", 64500},
                               {"arp_sponge", QJsonValue::Null},
                               {"ixf_ixp_member_list_url_visible", "Private"},
                               {"ixf_ixp_import_enabled", false}});
    };
    setRows("ixlan", {ixlan(10, 10), ixlan(20, 20)});
    auto ixpfx = [](qint64 id, qint64 ixlanId, const char *protocol, const char *prefix) {
        return with(base(id), {{"ixlan_id", ixlanId}, {"protocol", protocol},
                               {"prefix", prefix}, {"in_dfz", true}});
    };
    setRows("ixpfx", {ixpfx(1000, 10, "IPv4", "185.1.0.0/24"),
                      ixpfx(1001, 10, "IPv6", "2001:7f8:1::/64"),
                      ixpfx(1002, 20, "IPv4", "185.2.0.0/23")});
    auto netfac = [](qint64 id, qint64 netId, qint64 facId, qint64 asn) {
        return with(base(id), {{"net_id", netId}, {"fac_id", facId}, {"local_asn", asn},
                               {"name", ""}, {"city", ""}, {"country", ""}});
    };
    setRows("netfac", {netfac(500, 694, 1, 8075), netfac(501, 694, 2, 8075),
                       netfac(502, 694, 3, 8075), netfac(503, 694, 4, 8075),
                       netfac(504, 694, 5, 8075), netfac(505, 900, 6, 64500)});
    auto netixlan = [](qint64 id, qint64 netId, qint64 ixId, qint64 asn, const char *v4,
                       const char *v6, bool rs) {
        return with(base(id), {{"net_id", netId},
                               {"ix_id", ixId},
                               {"name", ""},
                               {"ixlan_id", ixId},
                               {"notes", ""},
                               {"speed", 100000},
                               {"asn", asn},
                               {"ipaddr4", v4},
                               {"ipaddr6", v6 ? QJsonValue(QLatin1String(v6)) : QJsonValue()},
                               {"is_rs_peer", rs},
                               {"bfd_support", false},
                               {"operational", true},
                               {"net_side_id", QJsonValue::Null},
                               {"ix_side_id", QJsonValue::Null}});
    };
    setRows("netixlan", {netixlan(600, 694, 10, 8075, "185.1.0.10", "2001:7f8:1::a500:8075:1", true),
                         netixlan(601, 900, 10, 64500, "185.1.0.1", nullptr, false),
                         netixlan(602, 900, 20, 64500, "185.2.0.1", nullptr, false)});
    auto net = [](qint64 id, qint64 asn, const char *name) {
        return with(base(id), {{"org_id", 3000 + id},
                               {"name", name},
                               {"aka", ""},
                               {"name_long", ""},
                               {"website", "https://example.net/"},
                               {"asn", asn},
                               {"looking_glass", ""},
                               {"route_server", ""},
                               {"irr_as_set", "AS-EXAMPLE"},
                               {"info_type", "Content"},
                               {"info_prefixes4", 100},
                               {"info_prefixes6", 10},
                               {"policy_general", "Selective"}});
    };
    setRows("net", {net(694, 8075, "Microsoft"), net(900, 64500, "Example-IX Route Servers"),
                    net(901, 64501, "Other Network")});
}

} // namespace Peering::TestSupport
