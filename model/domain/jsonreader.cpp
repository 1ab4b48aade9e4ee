#include "jsonreader.h"

#include <QLocale>

#include <cmath>

namespace Peering {

QString JsonReader::join(const QString &path, QLatin1String key)
{
    return path.isEmpty() ? QString(key) : path + u'.' + key;
}

QString JsonReader::index(const QString &path, qsizetype i)
{
    return path + u'[' + QString::number(i) + u']';
}

QString JsonReader::typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("true or false");
    case QJsonValue::Double:
        // The value itself: "expected a whole number, found a number" would not say what is wrong.
        return tr("the number %1").arg(QString::number(v.toDouble(), 'g',
                                                       QLocale::FloatingPointShortest));
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        return tr("nothing");
    }
    return {};
}

void JsonReader::fail(const QString &path, const QString &expected, const QJsonValue &found)
{
    if (!m_error.isEmpty())
        return;
    // A secret is never echoed, whatever its type.
    const bool secret = path.endsWith(QLatin1String("md5Key"));
    m_error = tr("%1: expected %2, found %3")
                  .arg(path, expected,
                       secret && found.isDouble() ? tr("a number") : typeName(found));
}

QString JsonReader::string(const QJsonObject &o, QLatin1String key, const QString &path,
                           const QString &fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isString()) {
        fail(join(path, key), tr("a string"), v);
        return fallback;
    }
    return v.toString();
}

QString JsonReader::nullableString(const QJsonObject &o, QLatin1String key, const QString &path)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        fail(join(path, key), tr("a string or null"), v);
        return {};
    }
    return v.toString();
}

QString JsonReader::asnText(const QJsonValue &v, const QString &path)
{
    if (v.isUndefined() || v.isNull())
        return {};
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= 0 && d <= 4294967295.0 && std::floor(d) == d)
            return QString::number(qint64(d));
        // Out of range or fractional: keep the text so the validator names it.
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    fail(path, tr("an ASN as a number or a string"), v);
    return {};
}

QString JsonReader::asnText(const QJsonObject &o, QLatin1String key, const QString &path)
{
    return asnText(o.value(key), join(path, key));
}

qint64 JsonReader::integer(const QJsonObject &o, QLatin1String key, const QString &path,
                           qint64 fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble();
    if (!v.isDouble() || std::floor(d) != d || std::fabs(d) > 9.0e15) {
        fail(join(path, key), tr("a whole number"), v);
        return fallback;
    }
    return qint64(d);
}

bool JsonReader::boolean(const QJsonObject &o, QLatin1String key, const QString &path,
                         bool fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(join(path, key), tr("true or false"), v);
        return fallback;
    }
    return v.toBool();
}

qsizetype JsonReader::maxEntries(QLatin1String key)
{
    struct Limit
    {
        const char *key;
        qsizetype max;
    };
    // Far above any real onboarding, and low enough that the worst document within them is
    // read, validated and exported in a few seconds and a few hundred MB.
    static constexpr Limit limits[] = {
        {"peerings", 128},        {"connections", MaxConnections},
        {"peerRouters", 64},      {"prefixes", 50000},
        {"registeredAsns", 20000}, {"milestones", 1000},
        {"mail", 20000},          {"mailText", 20000},
        {"requirements", 1000},   {"contacts", 100},
        {"communities", 64},      {"asPath", 64},
        {"stateHistory", 1000},
    };
    for (const Limit &l : limits)
        if (key == QLatin1String(l.key))
            return l.max;
    return 1000;
}

void JsonReader::failTooMany(const QString &path, qsizetype count, qsizetype max)
{
    if (!m_error.isEmpty())
        return;
    m_error = tr("%1: %2 entries, more than a document may hold (at most %3); remove entries or "
                 "split the onboarding into smaller ones")
                  .arg(path)
                  .arg(count)
                  .arg(max);
}

QJsonArray JsonReader::array(const QJsonObject &o, QLatin1String key, const QString &path)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        fail(join(path, key), tr("an array"), v);
        return {};
    }
    QJsonArray a = v.toArray();
    if (const qsizetype max = maxEntries(key); a.size() > max) {
        failTooMany(join(path, key), a.size(), max);
        return {};
    }
    return a;
}

QJsonObject JsonReader::object(const QJsonObject &o, QLatin1String key, const QString &path)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    return objectAt(v, join(path, key));
}

QJsonObject JsonReader::objectAt(const QJsonValue &v, const QString &path)
{
    if (!v.isObject()) {
        fail(path, tr("an object"), v);
        return {};
    }
    return v.toObject();
}

QStringList JsonReader::stringList(const QJsonObject &o, QLatin1String key, const QString &path)
{
    QStringList out;
    const QJsonArray a = array(o, key, path);
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString()) {
            fail(index(join(path, key), i), tr("a string"), a[i]);
            return {};
        }
        out.append(a[i].toString());
    }
    return out;
}

QJsonObject JsonReader::extras(const QJsonObject &o, std::initializer_list<const char *> known)
{
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool isKnown = false;
        for (const char *k : known)
            if (it.key() == QLatin1String(k)) {
                isKnown = true;
                break;
            }
        if (!isKnown)
            out.insert(it.key(), it.value());
    }
    return out;
}

QJsonValue asnToJson(const QString &text)
{
    bool ok = false;
    const qulonglong v = text.toULongLong(&ok);
    if (ok && v <= 4294967295ull && !text.isEmpty() && text.front().isDigit()
        && (text.size() == 1 || text.front() != u'0') && QString::number(v) == text)
        return QJsonValue(qint64(v));
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Null);
    return QJsonValue(text);
}

} // namespace Peering
