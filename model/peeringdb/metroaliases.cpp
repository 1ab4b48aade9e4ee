#include "metroaliases.h"

#include <QHash>

namespace Peering {

namespace {

struct Metro
{
    const char *name;
    QList<const char *> cities; // PeeringDB spellings and suburbs, besides the name itself
};

// Azure Peering Service metros, and the PeeringDB cities of their facilities that are not
// spelled as the metro (our reading of PeeringDB's facility list).
const QList<Metro> &metros()
{
    static const QList<Metro> list {
        {"Amsterdam", {"Schiphol", "Schiphol-Rijk", "Amsterdam-Zuidoost", "Haarlem"}},
        {"Ashburn", {"Sterling", "Reston", "Herndon", "Leesburg", "Manassas", "Vienna VA"}},
        {"Atlanta", {"Suwanee", "Norcross"}},
        {"Berlin", {}},
        {"Chicago", {"Elk Grove Village", "Franklin Park", "Northlake"}},
        {"Copenhagen", {"Kobenhavn", "Ballerup", "Albertslund"}},
        {"Dallas", {"Richardson", "Plano", "Irving", "Garland", "Carrollton", "Fort Worth"}},
        {"Denver", {"Englewood", "Aurora"}},
        {"Dubai", {}},
        {"Dublin", {"Clonshaugh"}},
        {"Frankfurt", {"Frankfurt am Main", "Frankfurt/Main", "Frankfurt a. M.", "Offenbach",
                       "Offenbach am Main", "Eschborn"}},
        {"Hong Kong", {"Tseung Kwan O", "Kwai Chung", "Chai Wan", "Tsuen Wan"}},
        {"Johannesburg", {"Isando", "Midrand", "Sandton"}},
        {"London", {"Slough", "Docklands", "Hayes", "Park Royal"}},
        {"Los Angeles", {"El Segundo"}},
        {"Madrid", {"Alcobendas"}},
        {"Marseille", {}},
        {"Melbourne", {"Port Melbourne"}},
        {"Miami", {"Boca Raton"}},
        {"Milan", {"Milano", "Settimo Milanese"}},
        {"Mumbai", {"Navi Mumbai"}},
        {"Munich", {"Munchen"}},
        {"New York", {"New York City", "Secaucus", "Weehawken", "Carteret"}},
        {"Newark", {}},
        {"Osaka", {}},
        {"Oslo", {}},
        {"Paris", {"Pantin", "Aubervilliers", "Saint-Denis", "Courbevoie", "La Courneuve"}},
        {"Queretaro", {}},
        {"Rio de Janeiro", {}},
        {"San Jose", {"Santa Clara", "Palo Alto", "Sunnyvale", "Milpitas", "Fremont",
                      "Silicon Valley"}},
        {"Sao Paulo", {"Barueri", "Santana de Parnaiba", "Tambore"}},
        {"Seattle", {"Tukwila"}},
        {"Seoul", {}},
        {"Singapore", {}},
        {"Stockholm", {"Bromma", "Kista", "Sundbyberg"}},
        {"Sydney", {"Alexandria", "Ultimo", "Macquarie Park"}},
        {"Taipei", {}},
        {"Tokyo", {"Chiyoda", "Koto", "Shinagawa", "Inzai", "Otemachi"}},
        {"Toronto", {"Markham", "Mississauga"}},
        {"Vancouver", {}},
        {"Vienna", {"Wien"}},
        {"Warsaw", {"Warszawa"}},
        {"Washington DC", {"Washington", "Washington D.C."}},
        {"Zurich", {"Glattbrugg", "Rumlang", "Opfikon"}},
    };
    return list;
}

const QHash<QString, QString> &byKey()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> out;
        for (const Metro &m : metros()) {
            const QString name = QLatin1String(m.name);
            out.insert(MetroAliases::key(name), name);
            for (const char *c : m.cities)
                out.insert(MetroAliases::key(QLatin1String(c)), name);
        }
        return out;
    }();
    return table;
}

} // namespace

QString MetroAliases::key(const QString &text)
{
    // Decomposed, then only letters and digits: "Zürich" and "Zurich", "São Paulo" and
    // "sao paulo" meet.
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += u' ';
            space = false;
            out += c.toLower();
        } else if (c.category() != QChar::Mark_NonSpacing) {
            space = true;
        }
    }
    return out;
}

QString MetroAliases::metroOfCity(const QString &city)
{
    const auto it = byKey().constFind(key(city));
    return it != byKey().cend() ? *it : city.trimmed();
}

bool MetroAliases::sameMetro(const QString &metro, const QString &city)
{
    return key(metroOfCity(metro)) == key(metroOfCity(city));
}

QStringList MetroAliases::azureMetros()
{
    QStringList out;
    for (const Metro &m : metros())
        out.append(QLatin1String(m.name));
    return out;
}

} // namespace Peering
