// The PeeringDB objects the cache keeps, with the fields it keeps of each (PeeringDB's own field
// names, as depth=0 list answers give them); PeeringDbPageReader reads the answers.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace Peering {

class PeeringDbSchema
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PeeringDbSchema)
public:
    // Microsoft's network: PeeringDB net 694, AS8075.
    static constexpr qint64 MicrosoftNetId = 694;
    static constexpr qint64 MicrosoftAsn = 8075;

    enum class Type { Integer, Text, Real, Boolean };
    struct Field
    {
        QString name;
        Type type;
    };
    struct Object
    {
        QString name; // "fac", as in the URL path and the dump file name
        QString table; // "pdb_fac"
        QList<Field> fields; // id first, then the kept fields, status and updated last
        QString insertSql; // INSERT of every field, positional
        QString deleteSql; // DELETE ... WHERE id = ?

        // The position of a field in a Row, -1 when the object does not keep it.
        qsizetype fieldIndex(QLatin1String field) const
        {
            for (qsizetype i = 0; i < fields.size(); ++i)
                if (fields.at(i).name == field)
                    return i;
            return -1;
        }
    };

    // fac, ix, ixfac, ixlan, ixpfx, netfac, netixlan, net: in an order where what a row names
    // comes before it.
    static const QList<Object> &objects();
    static const Object *object(const QString &name);
    static QStringList objectNames();

    // One row of an object: the values in the order of its fields.
    using Row = QList<QVariant>;
};

} // namespace Peering
