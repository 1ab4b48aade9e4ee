#include "peeringdbschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace Peering {

namespace {

PeeringDbSchema::Object make(const char *name, QList<PeeringDbSchema::Field> fields)
{
    using T = PeeringDbSchema::Type;
    PeeringDbSchema::Object o;
    o.name = QLatin1String(name);
    o.table = QStringLiteral("pdb_") + o.name;
    o.fields.append({QStringLiteral("id"), T::Integer});
    o.fields += fields;
    o.fields.append({QStringLiteral("status"), T::Text});
    o.fields.append({QStringLiteral("updated"), T::Text});
    QStringList names, marks;
    for (const PeeringDbSchema::Field &f : o.fields) {
        names.append(f.name);
        marks.append(QStringLiteral("?"));
    }
    o.insertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                      .arg(o.table, names.join(u','), marks.join(u','));
    o.deleteSql = QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(o.table);
    return o;
}

} // namespace

const QList<PeeringDbSchema::Object> &PeeringDbSchema::objects()
{
    using T = Type;
    static const QList<Object> list {
        make("fac",
             {{"org_id", T::Integer}, {"campus_id", T::Integer}, {"name", T::Text},
              {"aka", T::Text}, {"address1", T::Text}, {"city", T::Text}, {"state", T::Text},
              {"zipcode", T::Text}, {"country", T::Text}, {"region_continent", T::Text},
              {"latitude", T::Real}, {"longitude", T::Real}}),
        make("ix",
             {{"org_id", T::Integer}, {"name", T::Text}, {"aka", T::Text},
              {"name_long", T::Text}, {"city", T::Text}, {"country", T::Text},
              {"region_continent", T::Text}}),
        make("ixfac", {{"ix_id", T::Integer}, {"fac_id", T::Integer}}),
        make("ixlan",
             {{"ix_id", T::Integer}, {"name", T::Text}, {"mtu", T::Integer},
              {"rs_asn", T::Integer}}),
        make("ixpfx",
             {{"ixlan_id", T::Integer}, {"protocol", T::Text}, {"prefix", T::Text},
              {"in_dfz", T::Boolean}}),
        make("netfac", {{"net_id", T::Integer}, {"fac_id", T::Integer}, {"local_asn", T::Integer}}),
        make("netixlan",
             {{"net_id", T::Integer}, {"ix_id", T::Integer}, {"ixlan_id", T::Integer},
              {"asn", T::Integer}, {"ipaddr4", T::Text}, {"ipaddr6", T::Text},
              {"speed", T::Integer}, {"is_rs_peer", T::Boolean}, {"operational", T::Boolean}}),
        make("net",
             {{"org_id", T::Integer}, {"asn", T::Integer}, {"name", T::Text}, {"aka", T::Text},
              {"irr_as_set", T::Text}, {"info_type", T::Text}}),
    };
    return list;
}

const PeeringDbSchema::Object *PeeringDbSchema::object(const QString &name)
{
    for (const Object &o : objects())
        if (o.name == name)
            return &o;
    return nullptr;
}

QStringList PeeringDbSchema::objectNames()
{
    QStringList out;
    for (const Object &o : objects())
        out.append(o.name);
    return out;
}

Result<PeeringDbSchema::Page> PeeringDbSchema::parsePage(const Object &object,
                                                         const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<Page>::failure(tr("the answer is not JSON (%1 at byte %2)")
                                         .arg(error.errorString())
                                         .arg(error.offset));
    if (!doc.isObject() || !doc.object().value(QLatin1String("data")).isArray())
        return Result<Page>::failure(
            tr("the answer is not a PeeringDB list (an object with a \"data\" array)"));
    const QJsonArray data = doc.object().value(QLatin1String("data")).toArray();
    Page page;
    page.received = data.size();
    page.rows.reserve(data.size());
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonValue v = data.at(i);
        if (!v.isObject())
            return Result<Page>::failure(tr("row %1 of %2 is not an object").arg(i).arg(object.name));
        const QJsonObject o = v.toObject();
        const QJsonValue id = o.value(QLatin1String("id"));
        const double idValue = id.toDouble(-1);
        if (!id.isDouble() || idValue < 1 || idValue != double(qint64(idValue)))
            return Result<Page>::failure(
                tr("row %1 of %2 has no positive integer id").arg(i).arg(object.name));
        const QString status = o.value(QLatin1String("status")).toString();
        if (!status.isEmpty() && status != QLatin1String("ok")) {
            page.deleted.append(qint64(idValue));
            continue;
        }
        Row row;
        row.reserve(object.fields.size());
        for (const Field &f : object.fields) {
            const QJsonValue value = o.value(f.name);
            if (value.isUndefined() || value.isNull()) {
                row.append(f.name == QLatin1String("status") ? QVariant(QStringLiteral("ok"))
                                                              : QVariant());
                continue;
            }
            bool good = true;
            switch (f.type) {
            case Type::Integer:
                good = value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
                if (good)
                    row.append(qint64(value.toDouble()));
                break;
            case Type::Real:
                good = value.isDouble();
                if (good)
                    row.append(value.toDouble());
                break;
            case Type::Text:
                good = value.isString();
                if (good)
                    row.append(value.toString());
                break;
            case Type::Boolean:
                good = value.isBool();
                if (good)
                    row.append(value.toBool() ? 1 : 0);
                break;
            }
            if (!good)
                return Result<Page>::failure(tr("field %1 of %2 %3 has the wrong type")
                                                 .arg(f.name, object.name)
                                                 .arg(qint64(idValue)));
        }
        page.rows.append(std::move(row));
    }
    return page;
}

} // namespace Peering
