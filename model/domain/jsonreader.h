// Reads typed values out of JSON objects, remembering the first error with its JSON path
// ("peerings[0].connections[2].bandwidthMbps: expected a whole number, found a string").
#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace Peering {

class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(Peering::JsonReader)
public:
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    static QString join(const QString &path, QLatin1String key);
    static QString index(const QString &path, qsizetype i);

    QString string(const QJsonObject &o, QLatin1String key, const QString &path,
                   const QString &fallback = {});
    // A string or null (null reads as an empty string).
    QString nullableString(const QJsonObject &o, QLatin1String key, const QString &path);
    // An ASN may be written as a number (64500) or a string ("AS64500", "1.10").
    QString asnText(const QJsonValue &v, const QString &path);
    QString asnText(const QJsonObject &o, QLatin1String key, const QString &path);
    qint64 integer(const QJsonObject &o, QLatin1String key, const QString &path, qint64 fallback = 0);
    bool boolean(const QJsonObject &o, QLatin1String key, const QString &path, bool fallback);
    // An array holding more entries than maxEntries(key) fails with the limit named.
    QJsonArray array(const QJsonObject &o, QLatin1String key, const QString &path);
    // The document limits: entries an array of that key may hold.
    static qsizetype maxEntries(QLatin1String key);
    // Connections in a document, over all its peerings.
    static constexpr qsizetype MaxConnections = 1024;
    void failTooMany(const QString &path, qsizetype count, qsizetype max);
    QJsonObject object(const QJsonObject &o, QLatin1String key, const QString &path);
    QJsonObject objectAt(const QJsonValue &v, const QString &path);
    QStringList stringList(const QJsonObject &o, QLatin1String key, const QString &path);

    // The members whose keys are not in known, kept so that a round trip loses nothing.
    static QJsonObject extras(const QJsonObject &o, std::initializer_list<const char *> known);

    void fail(const QString &path, const QString &expected, const QJsonValue &found);

private:
    static QString typeName(const QJsonValue &v);
    QString m_error;
};

// Writes an ASN text back as a JSON number when it is plain digits, as a string otherwise.
QJsonValue asnToJson(const QString &text);

} // namespace Peering
