#include "metroaliases.h"

#include <QHash>

namespace Peering {

namespace {

struct Metro
{
    const char *name;
    const char *country; // ISO 3166 code, as PeeringDB's country field
    QList<const char *> cities; // PeeringDB spellings and suburbs, besides the name itself
};

struct Entry
{
    QString metro;
    QString country;
};

// Azure peering locations (the names Get-AzPeeringLocation and Get-AzPeeringServiceProvider
// print, e.g. "Amsterdam", "Ashburn", "Cape Town"), and the PeeringDB cities of their facilities
// that are not spelled as the location (suburbs, local spellings). A city not in this table is
// its own metro, so a location missing here still matches by its name.
const QList<Metro> &metros()
{
    static const QList<Metro> list {
        {"Amsterdam", "NL", {"Schiphol", "Schiphol-Rijk", "Amsterdam-Zuidoost", "Haarlem"}},
        {"Ashburn", "US", {"Sterling", "Reston", "Herndon", "Leesburg", "Manassas", "Vienna VA"}},
        {"Athens", "GR", {"Athina", "Athinai", "Peristeri", "Koropi"}},
        {"Atlanta", "US", {"Suwanee", "Norcross"}},
        {"Auckland", "NZ", {"East Tamaki"}},
        {"Barcelona", "ES", {"Sant Adria de Besos", "L'Hospitalet de Llobregat"}},
        {"Berlin", "DE", {}},
        {"Cape Town", "ZA", {"Capetown", "Kaapstad", "Bellville", "Parow"}},
        {"Chicago", "US", {"Elk Grove Village", "Franklin Park", "Northlake"}},
        {"Copenhagen", "DK", {"Kobenhavn", "Ballerup", "Albertslund"}},
        {"Dallas", "US", {"Richardson", "Plano", "Irving", "Garland", "Carrollton", "Fort Worth"}},
        {"Denver", "US", {"Englewood", "Aurora"}},
        {"Dubai", "AE", {}},
        {"Dublin", "IE", {"Clonshaugh"}},
        {"Frankfurt", "DE", {"Frankfurt am Main", "Frankfurt/Main", "Frankfurt a. M.", "Offenbach",
                       "Offenbach am Main", "Eschborn"}},
        {"Geneva", "CH", {"Geneve", "Genf", "Ginevra", "Plan-les-Ouates", "Meyrin", "Vernier"}},
        {"Hong Kong", "HK", {"Tseung Kwan O", "Kwai Chung", "Chai Wan", "Tsuen Wan"}},
        {"Johannesburg", "ZA", {"Isando", "Midrand", "Sandton"}},
        {"Lagos", "NG", {"Lekki", "Ikeja", "Victoria Island"}},
        {"Lisbon", "PT", {"Lisboa", "Amadora", "Prior Velho"}},
        {"London", "GB", {"Slough", "Docklands", "Hayes", "Park Royal"}},
        {"Los Angeles", "US", {"El Segundo"}},
        {"Madrid", "ES", {"Alcobendas"}},
        {"Marseille", "FR", {}},
        {"Melbourne", "AU", {"Port Melbourne"}},
        {"Miami", "US", {"Boca Raton"}},
        {"Milan", "IT", {"Milano", "Settimo Milanese"}},
        {"Mumbai", "IN", {"Navi Mumbai"}},
        {"Munich", "DE", {"Munchen"}},
        {"Nairobi", "KE", {}},
        {"New York", "US", {"New York City", "Secaucus", "Weehawken", "Carteret"}},
        {"Newark", "US", {}},
        {"Osaka", "JP", {}},
        {"Oslo", "NO", {}},
        {"Paris", "FR", {"Pantin", "Aubervilliers", "Saint-Denis", "Courbevoie", "La Courneuve"}},
        {"Queretaro", "MX", {}},
        {"Rio de Janeiro", "BR", {}},
        {"San Jose", "US", {"Santa Clara", "Palo Alto", "Sunnyvale", "Milpitas", "Fremont",
                      "Silicon Valley"}},
        {"Sao Paulo", "BR", {"Barueri", "Santana de Parnaiba", "Tambore"}},
        {"Seattle", "US", {"Tukwila"}},
        {"Seoul", "KR", {}},
        {"Singapore", "SG", {}},
        {"Stockholm", "SE", {"Bromma", "Kista", "Sundbyberg"}},
        {"Sydney", "AU", {"Alexandria", "Ultimo", "Macquarie Park"}},
        {"Taipei", "TW", {}},
        {"Tokyo", "JP", {"Chiyoda", "Koto", "Shinagawa", "Inzai", "Otemachi"}},
        {"Toronto", "CA", {"Markham", "Mississauga"}},
        {"Vancouver", "CA", {}},
        {"Vienna", "AT", {"Wien"}},
        {"Warsaw", "PL", {"Warszawa"}},
        {"Washington DC", "US", {"Washington", "Washington D.C."}},
        {"Zurich", "CH", {"Glattbrugg", "Rumlang", "Opfikon"}},
    };
    return list;
}

const QHash<QString, Entry> &byKey()
{
    static const QHash<QString, Entry> table = [] {
        QHash<QString, Entry> out;
        for (const Metro &m : metros()) {
            const Entry e {QLatin1String(m.name), QLatin1String(m.country)};
            out.insert(MetroAliases::key(e.metro), e);
            for (const char *c : m.cities)
                out.insert(MetroAliases::key(QLatin1String(c)), e);
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

QString MetroAliases::metroOfCity(const QString &city, const QString &country)
{
    const QString trimmed = city.trimmed();
    const auto it = byKey().constFind(key(trimmed));
    if (it == byKey().cend())
        return trimmed;
    const QString c = country.trimmed();
    if (c.isEmpty() || c.compare(it->country, Qt::CaseInsensitive) == 0)
        return it->metro;
    // The same name in another country (Vienna, US; San Jose, CR): a metro of its own.
    return QStringLiteral("%1, %2").arg(trimmed, c.toUpper());
}

bool MetroAliases::sameMetro(const QString &metro, const QString &city, const QString &country)
{
    return key(metroOfCity(metro)) == key(metroOfCity(city, country));
}

QStringList MetroAliases::azureMetros()
{
    QStringList out;
    for (const Metro &m : metros())
        out.append(QLatin1String(m.name));
    return out;
}

} // namespace Peering
