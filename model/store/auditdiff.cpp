#include "auditdiff.h"

#include <QJsonArray>
#include <QJsonValue>

namespace Peering {

namespace {

bool isSecret(const QString &path)
{
    return path.endsWith(QLatin1String("md5Key"));
}

QString leafText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const qint64 i = qint64(d);
        return double(i) == d ? QString::number(i) : QString::number(d, 'g', 17);
    }
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QStringLiteral("[]");
    case QJsonValue::Object:
        return QStringLiteral("{}");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

void walk(const QJsonValue &v, const QString &path, QMap<QString, QString> &out)
{
    if (v.isObject() && !v.toObject().isEmpty()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            walk(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key(), out);
        return;
    }
    if (v.isArray() && !v.toArray().isEmpty()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            walk(a.at(i), path + u'[' + QString::number(i) + u']', out);
        return;
    }
    out.insert(path, leafText(v));
}

} // namespace

QMap<QString, QString> AuditDiff::flatten(const QJsonObject &document)
{
    QMap<QString, QString> out;
    walk(document, QString(), out);
    return out;
}

QList<AuditEntry> AuditDiff::diff(const QJsonObject &before, const QJsonObject &after)
{
    const QMap<QString, QString> a = flatten(before);
    const QMap<QString, QString> b = flatten(after);
    QList<AuditEntry> out;
    // Both maps are sorted by path: merge them.
    auto i = a.constBegin();
    auto j = b.constBegin();
    while (i != a.constEnd() || j != b.constEnd()) {
        AuditEntry e;
        if (j == b.constEnd() || (i != a.constEnd() && i.key() < j.key())) {
            e.field = i.key();
            e.oldValue = i.value();
            ++i;
        } else if (i == a.constEnd() || j.key() < i.key()) {
            e.field = j.key();
            e.newValue = j.value();
            ++j;
        } else {
            const bool same = i.value() == j.value();
            e.field = i.key();
            e.oldValue = i.value();
            e.newValue = j.value();
            ++i;
            ++j;
            if (same)
                continue;
        }
        // A changed secret is recorded as changed, never with its value.
        if (isSecret(e.field)) {
            if (!e.oldValue.isEmpty())
                e.oldValue = QLatin1String(AuditDiff::SecretMask);
            if (!e.newValue.isEmpty())
                e.newValue = QLatin1String(AuditDiff::SecretMask);
        }
        out.append(e);
    }
    return out;
}

} // namespace Peering
