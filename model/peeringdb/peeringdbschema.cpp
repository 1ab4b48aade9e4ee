#include "peeringdbschema.h"


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

} // namespace Peering
