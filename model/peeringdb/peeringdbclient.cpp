#include "peeringdbclient.h"

#include "peeringdbpagereader.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace Peering {

namespace {

// Retry-After: delta seconds or an HTTP date; -1 when absent or unreadable.
qint64 retryAfterSeconds(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(at));
}

} // namespace

PeeringDbClient::PeeringDbClient(PeeringDbOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
    // The key goes with a request to the host it was given for, never on to another one.
    m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    m_waitTimer.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_waitTimer, &QTimer::timeout, this, &PeeringDbClient::send);
    connect(&m_deadline, &QTimer::timeout, this, &PeeringDbClient::onDeadline);
    m_clock.start();
}

PeeringDbClient::~PeeringDbClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QUrl PeeringDbClient::pageUrl(const PeeringDbRequestPlan &plan, qint64 skip) const
{
    QUrl url = m_options.baseUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + plan.object);
    QUrlQuery query(plan.scope);
    query.addQueryItem(QStringLiteral("depth"), QStringLiteral("0"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    query.addQueryItem(QStringLiteral("skip"), QString::number(skip));
    if (plan.since > 0)
        query.addQueryItem(QStringLiteral("since"), QString::number(plan.since));
    url.setQuery(query);
    return url;
}

void PeeringDbClient::start(const QList<PeeringDbRequestPlan> &plan)
{
    m_plan = plan;
    m_index = 0;
    m_skip = 0;
    m_retries = 0;
    m_requests = 0;
    m_error.clear();
    m_done = false;
    m_running = true;
    m_fetch = PeeringDbFetch();
    m_fetch.source = m_options.baseUrl.toString(QUrl::RemoveUserInfo);
    m_fetch.startedAt = QDateTime::currentSecsSinceEpoch();
    for (const PeeringDbRequestPlan &p : plan) {
        PeeringDbObjectFetch o;
        o.object = p.object;
        o.scope = p.scope;
        o.whole = p.since <= 0;
        m_fetch.objects.append(o);
    }
    if (plan.isEmpty()) {
        // Still asynchronous: finished() never comes before start() returns.
        QTimer::singleShot(0, this, &PeeringDbClient::finish);
        return;
    }
    scheduleNext();
}

void PeeringDbClient::cancel()
{
    if (!m_running)
        return;
    fail(tr("cancelled"));
}

void PeeringDbClient::scheduleNext()
{
    const qint64 now = m_clock.elapsed();
    const qint64 WindowMs = m_options.rateWindowMs;
    while (!m_starts.isEmpty() && m_starts.constFirst() <= now - WindowMs)
        m_starts.removeFirst();
    qint64 at = now;
    const int limit = qMax(1, m_options.effectiveRequestsPerMinute());
    if (m_starts.size() >= limit)
        at = m_starts.at(m_starts.size() - limit) + WindowMs;
    at = qMax(at, m_pausedUntil);
    if (at > now) {
        Q_EMIT waiting(int((at - now + 999) / 1000));
        m_waitTimer.start(int(at - now));
    } else {
        m_waitTimer.start(0);
    }
}

QString PeeringDbClient::where() const
{
    const PeeringDbRequestPlan &p = m_plan.at(m_index);
    return tr("%1, rows from %2 (%3)")
        .arg(p.object)
        .arg(m_skip)
        .arg(pageUrl(p, m_skip).toString(QUrl::RemoveUserInfo));
}

void PeeringDbClient::send()
{
    if (!m_running)
        return;
    const PeeringDbRequestPlan &p = m_plan.at(m_index);
    QNetworkRequest request(pageUrl(p, m_skip));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "peering-wizard/" PEERING_VERSION);
    if (!m_options.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Api-Key " + m_options.apiKey.toUtf8());
    request.setTransferTimeout(m_options.idleTimeoutMs);
    m_reader.reset();
    m_bodyBytes = 0;
    m_status = -1;
    m_timedOut = false;
    m_tooLarge = false;
    m_starts.append(m_clock.elapsed());
    ++m_requests;
    ++m_fetch.objects[m_index].requests;
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &PeeringDbClient::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &PeeringDbClient::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &PeeringDbClient::onFinished);
    m_deadline.start(m_options.requestTimeoutMs);
}

void PeeringDbClient::onMetaData()
{
    if (!m_reply)
        return;
    bool ok = false;
    const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
    if (ok && length > m_options.maxBodyBytes) {
        m_tooLarge = true;
        m_reply->abort();
        return;
    }
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && m_status < 0) {
        m_status = status.toInt();
        if (m_status >= 200 && m_status <= 299) {
            const PeeringDbSchema::Object *object
                = PeeringDbSchema::object(m_plan.at(m_index).object);
            if (object) {
                PeeringDbObjectFetch &into = m_fetch.objects[m_index];
                m_reader = std::make_unique<PeeringDbPageReader>(*object, into.rows, into.deleted);
            }
        }
    }
}

void PeeringDbClient::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_status < 0)
        onMetaData();
    if (!m_reply || m_tooLarge)
        return;
    const QByteArray bytes = m_reply->readAll();
    m_bodyBytes += bytes.size();
    if (m_bodyBytes > m_options.maxBodyBytes) {
        m_tooLarge = true;
        m_reply->abort();
        return;
    }
    // Only a list answer is read; the body of an error answer is not kept.
    if (m_reader && !m_reader->feed(bytes))
        m_reply->abort(); // onFinished() names the reader's error
}

void PeeringDbClient::onDeadline()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void PeeringDbClient::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_deadline.stop();
    if (!m_running)
        return;
    if (m_tooLarge) {
        fail(tr("%1: the answer is larger than %2 MB; refused")
                 .arg(where())
                 .arg(m_options.maxBodyBytes / (1024 * 1024)));
        return;
    }
    if (m_timedOut) {
        fail(tr("%1: no complete answer within %2 s").arg(where()).arg(m_options.requestTimeoutMs / 1000.0));
        return;
    }
    if (m_reader && !m_reader->error().isEmpty()) { // the answer went wrong as it was read
        fail(tr("%1: %2").arg(where(), m_reader->error()));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason
        = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().simplified();
    if (status == 429) {
        const qint64 wait = retryAfterSeconds(reply->rawHeader("Retry-After"));
        if (wait < 0) {
            fail(tr("%1: HTTP 429 Too Many Requests without Retry-After (PeeringDB answers so to "
                    "an API key it does not accept)")
                     .arg(where()));
            return;
        }
        if (wait > m_options.maxRetryAfterSeconds) {
            const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(wait);
            fail(tr("%1: PeeringDB's rate limit asks to wait %2 s; try again after %3")
                     .arg(where())
                     .arg(wait)
                     .arg(when.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
            return;
        }
        if (m_retries >= m_options.maxRetries) {
            fail(tr("%1: still HTTP 429 Too Many Requests after %2 waits").arg(where()).arg(m_retries));
            return;
        }
        ++m_retries;
        m_pausedUntil = m_clock.elapsed() + wait * 1000;
        scheduleNext();
        return;
    }
    if (status == 401 || status == 403) {
        fail(tr("%1: HTTP %2 %3: PeeringDB refused %4; not retried")
                 .arg(where())
                 .arg(status)
                 .arg(reason,
                      m_options.apiKey.isEmpty() ? tr("the anonymous request")
                                                 : tr("the API key")));
        return;
    }
    if (status != 0 && (status < 200 || status > 299)) {
        fail(tr("%1: HTTP %2 %3").arg(where()).arg(status).arg(reason));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        QString text = reply->errorString().simplified();
        if (reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError)
            text = tr("no data for %1 s").arg(m_options.idleTimeoutMs / 1000.0);
        fail(tr("%1: %2").arg(where(), text));
        return;
    }
    if (!m_reader) {
        fail(tr("%1: not an object the cache keeps").arg(where()));
        return;
    }
    if (!m_reader->feed(reply->readAll()) || !m_reader->finish()) {
        fail(tr("%1: %2").arg(where(), m_reader->error()));
        return;
    }
    const qsizetype received = m_reader->received();
    m_reader.reset();
    m_retries = 0;
    PeeringDbObjectFetch &into = m_fetch.objects[m_index];
    const bool last = received < m_options.pageSize;
    Q_EMIT progress(into.object, into.rows.size(), int(m_index), int(m_plan.size()));
    if (last) {
        ++m_index;
        m_skip = 0;
    } else {
        m_skip += m_options.pageSize;
    }
    if (m_index >= m_plan.size()) {
        finish();
        return;
    }
    scheduleNext();
}

void PeeringDbClient::fail(const QString &reason)
{
    m_waitTimer.stop();
    m_deadline.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_error = reason;
    m_fetch = PeeringDbFetch();
    m_running = false;
    m_done = true;
    Q_EMIT finished(false);
}

void PeeringDbClient::finish()
{
    m_running = false;
    m_done = true;
    Q_EMIT finished(true);
}

} // namespace Peering
