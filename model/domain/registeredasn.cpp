#include "registeredasn.h"

#include "domain/asn.h"
#include "domain/jsonreader.h"

namespace Peering {

namespace {

// Lower-case ASCII letters and digits, every other run of characters one "-"; accents dropped
// ("São Paulo" -> "sao-paulo"); characters with no ASCII form (Japanese, say) drop out.
QString slug(const QString &text)
{
    QString out;
    bool gap = false;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        const char16_t u = c.unicode();
        const bool keep = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        if (!keep) {
            gap = true;
            continue;
        }
        if (gap && !out.isEmpty())
            out += u'-';
        gap = false;
        out += c.toLower();
    }
    return out;
}

} // namespace

QString RegisteredAsn::resourceName() const
{
    constexpr qsizetype MaxLength = 80; // ARM resource names; ours stay well within
    const auto parsed = Asn::parse(asn);
    const QString asPart = parsed ? QStringLiteral("as") + QString::number(parsed->value()) : slug(asn);
    const QString nameSlug = slug(name);
    if (asPart.isEmpty())
        return nameSlug.isEmpty() ? QStringLiteral("registered-asn") : nameSlug.left(MaxLength);
    if (nameSlug.isEmpty())
        return asPart;
    if (nameSlug.split(u'-').contains(asPart))
        return nameSlug.left(MaxLength); // "AS64500" or "Contoso AS64500": the ASN is not doubled
    QString base = nameSlug.left(MaxLength - asPart.size() - 1);
    while (base.endsWith(u'-'))
        base.chop(1);
    return base + u'-' + asPart;
}

QJsonObject RegisteredAsn::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("asn"), asnToJson(asn));
    o.insert(QLatin1String("peering"), peering);
    o.insert(QLatin1String("prefixKey"), prefixKey);
    o.insert(QLatin1String("keyDeliveredAt"),
             keyDeliveredAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(keyDeliveredAt));
    return o;
}

RegisteredAsn RegisteredAsn::fromJson(const QJsonObject &o, JsonReader &r, const QString &path)
{
    RegisteredAsn a;
    a.name = r.string(o, QLatin1String("name"), path);
    a.asn = r.asnText(o, QLatin1String("asn"), path);
    a.peering = r.string(o, QLatin1String("peering"), path);
    a.prefixKey = r.string(o, QLatin1String("prefixKey"), path);
    a.keyDeliveredAt = r.nullableString(o, QLatin1String("keyDeliveredAt"), path);
    a.extra = JsonReader::extras(o, {"name", "asn", "peering", "prefixKey", "keyDeliveredAt"});
    return a;
}

} // namespace Peering
