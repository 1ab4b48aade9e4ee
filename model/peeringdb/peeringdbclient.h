// Fetches PeeringDB objects over HTTP(S) with QNetworkAccessManager: depth=0 lists paged with
// limit/skip, increments with since=, the API key only in the Authorization header, a sliding
// window of requests per minute, HTTP 429 + Retry-After honoured (every request waits), 401/403
// never retried, an idle and a total timeout on every request, a bounded body, cancel, and
// progress. The first failure ends the fetch with one clear line; nothing is half delivered.
#pragma once

#include "peeringdbfetch.h"
#include "peeringdboptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Peering {

class PeeringDbPageReader;

class PeeringDbClient : public QObject
{
    Q_OBJECT
public:
    explicit PeeringDbClient(PeeringDbOptions options, QObject *parent = nullptr);
    ~PeeringDbClient() override;

    // Fetches the plan's objects in order; finished() follows exactly once (also after cancel).
    void start(const QList<PeeringDbRequestPlan> &plan);
    void cancel();
    bool isRunning() const { return m_running; }

    bool succeeded() const { return m_error.isEmpty() && !m_running && m_done; }
    // One line, never holding the key.
    const QString &errorString() const { return m_error; }
    // After success: every object's rows (takeFetch moves them out).
    PeeringDbFetch takeFetch() { return std::move(m_fetch); }
    int requestCount() const { return m_requests; }

    // The URL of one page, as the client asks it (tests and messages).
    QUrl pageUrl(const PeeringDbRequestPlan &plan, qint64 skip) const;

Q_SIGNALS:
    // rows so far of the object in progress; object index of objectCount.
    void progress(const QString &object, qsizetype rows, int objectIndex, int objectCount);
    // Waiting for the rate limit or a Retry-After: seconds.
    void waiting(int seconds);
    void finished(bool ok);

private:
    void scheduleNext();
    void send();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onDeadline();
    void fail(const QString &reason);
    void finish();
    QString where() const;

    PeeringDbOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer m_waitTimer;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    QList<qint64> m_starts; // m_clock times of the requests of the last minute
    qint64 m_pausedUntil = 0; // m_clock time before which no request starts (Retry-After)
    QList<PeeringDbRequestPlan> m_plan;
    qsizetype m_index = 0;
    qint64 m_skip = 0;
    int m_retries = 0;
    // The page in progress is read as it arrives (a 2xx answer); other answers are not read.
    std::unique_ptr<PeeringDbPageReader> m_reader;
    qint64 m_bodyBytes = 0;
    int m_status = -1; // of the reply in progress, -1 before its headers
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_running = false;
    bool m_done = false;
    int m_requests = 0;
    PeeringDbFetch m_fetch;
    QString m_error;
};

} // namespace Peering
