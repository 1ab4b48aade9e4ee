// A fake PeeringDB API on 127.0.0.1 (QTcpServer on an ephemeral port, in its own thread, so a
// test may block on a child process while the server answers it). It serves rows written for the
// tests in the shapes of PeeringDB's depth=0 list answers ({"meta":{},"data":[...]}), honours
// limit, skip, since (rows updated strictly after, deleted ones included) and equality and __in
// filters, checks the Authorization header, answers 429 with Retry-After once when asked, and
// misbehaves on demand. Every request is recorded for the tests to inspect.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <QThread>
#include <QUrlQuery>

#include <memory>

class QTcpServer;

namespace Peering::TestSupport {

class FakePeeringDb
{
public:
    enum class Misbehaviour {
        None,
        Slow, // the body drips, 64 bytes every 200 ms
        Truncated, // half the body, then the connection closes
        Huge, // announces and streams 300 MB
        HugeUnannounced, // streams without a Content-Length
        Malformed, // not JSON
        WrongShape, // JSON, but "data" is an object
        WrongFieldType, // a row whose "city" is a number
        ServerError, // HTTP 500
        NeverAnswers, // reads the request, says nothing, keeps the connection
        Unauthorized, // HTTP 401
        RateLimitedWithoutRetryAfter, // 429 without Retry-After
    };

    struct Request
    {
        QString object;
        QUrlQuery query;
        QByteArray rawTarget;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };

    FakePeeringDb();
    ~FakePeeringDb();

    // http://127.0.0.1:PORT/api
    QString baseUrl() const;
    quint16 port() const { return m_port; }

    // Rows of an object; each must have "id", "status" and "updated" (ISO 8601 UTC).
    void setRows(const QString &object, const QList<QJsonObject> &rows);
    void addRow(const QString &object, const QJsonObject &row);
    // Rows already serialized (status ok), served with limit and skip only: the benchmark's
    // PeeringDB-sized set without a QJsonObject per row.
    void setRawRows(const QString &object, QList<QByteArray> rows);
    // A test data set in PeeringDB's shapes: Microsoft (net 694, AS8075) at five facilities in
    // Amsterdam, Frankfurt (am Main), Ashburn (Sterling) and London; two exchanges, one peer
    // network AS64500 with its ixlan prefixes.
    void loadSample();

    // Requests must carry "Authorization: Api-Key <key>"; others get 401. Empty: anything goes.
    void requireApiKey(const QByteArray &key);
    // The next request of object (any when empty) gets HTTP 429 with this Retry-After.
    void rateLimitOnce(int retryAfterSeconds, const QString &object = {});
    // Every request of object (any when empty), from its nth on (0 = first), misbehaves.
    void misbehave(Misbehaviour what, const QString &object = {}, int fromNth = 0);

    QList<Request> requests() const;
    int requestCount() const;
    void clearRequests();

private:
    friend class FakePeeringDbWorker;
    QByteArray answer(const Request &request, int *status, Misbehaviour *misbehaviour,
                      int *retryAfter);

    mutable QMutex m_mutex;
    QHash<QString, QList<QJsonObject>> m_rows;
    QHash<QString, QList<QByteArray>> m_json; // the rows serialized, made on first use
    QHash<QString, QList<QByteArray>> m_raw;
    QByteArray m_key;
    int m_rateLimitSeconds = -1;
    QString m_rateLimitObject;
    Misbehaviour m_misbehaviour = Misbehaviour::None;
    QString m_misbehaviourObject;
    int m_misbehaviourFrom = 0;
    QHash<QString, int> m_perObject;
    QList<Request> m_requests;
    std::unique_ptr<QThread> m_thread;
    quint16 m_port = 0;
};

} // namespace Peering::TestSupport
