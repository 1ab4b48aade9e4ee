#include "asn.h"

namespace Peering {

namespace {

// Parses a run of decimal digits without sign or leading zeros; limit is inclusive.
std::optional<quint64> parseDecimal(QStringView digits, quint64 limit)
{
    if (digits.isEmpty() || digits.size() > 10)
        return std::nullopt;
    if (digits.size() > 1 && digits.front() == u'0')
        return std::nullopt;
    quint64 v = 0;
    for (QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        v = v * 10 + (c.unicode() - u'0');
    }
    if (v > limit)
        return std::nullopt;
    return v;
}

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

} // namespace

QString Asn::normalized(const QString &text)
{
    const Result<Asn> asn = parse(text);
    return asn ? asn->toString() : text.trimmed();
}

Result<Asn> Asn::parse(QStringView text)
{
    QStringView t = text.trimmed();
    if (t.isEmpty())
        return Result<Asn>::failure(tr("no ASN given; enter a number such as 64500 or AS64500"));
    QStringView body = t;
    if (body.size() >= 2 && body.left(2).compare(u"AS", Qt::CaseInsensitive) == 0)
        body = body.mid(2);

    const qsizetype dot = body.indexOf(u'.');
    if (dot >= 0) {
        const QStringView high = body.left(dot);
        const QStringView low = body.mid(dot + 1);
        if (!allDigits(high) || !allDigits(low))
            return Result<Asn>::failure(
                tr("\"%1\" is not an ASN; asdot notation is two numbers such as 64086.59904")
                    .arg(t.toString()));
        const auto h = parseDecimal(high, 65535);
        const auto l = parseDecimal(low, 65535);
        if (!h || !l)
            return Result<Asn>::failure(
                tr("\"%1\" is not an ASN; each half of asdot notation is 0 to 65535 without "
                   "leading zeros")
                    .arg(t.toString()));
        return Asn(quint32((*h << 16) | *l));
    }
    if (!allDigits(body))
        return Result<Asn>::failure(
            tr("\"%1\" is not an ASN; enter a number such as 64500, AS64500 or 64086.59904")
                .arg(t.toString()));
    if (body.size() > 1 && body.front() == u'0')
        return Result<Asn>::failure(
            tr("\"%1\" is not an ASN; leading zeros are not allowed").arg(t.toString()));
    const auto v = parseDecimal(body, 4294967295ull);
    if (!v)
        return Result<Asn>::failure(
            tr("\"%1\" is not an ASN; the largest ASN is 4294967295").arg(t.toString()));
    return Asn(quint32(*v));
}

AsnClass Asn::classify(quint32 v)
{
    if (v == 0)
        return AsnClass::Reserved;
    if (v == 23456)
        return AsnClass::AsTrans;
    if ((v >= 64496 && v <= 64511) || (v >= 65536 && v <= 65551))
        return AsnClass::Documentation;
    if ((v >= 64512 && v <= 65534) || (v >= 4200000000u && v <= 4294967294u))
        return AsnClass::Private;
    if (v == 65535 || v == 4294967295u)
        return AsnClass::Reserved;
    if (v >= 65552 && v <= 131071)
        return AsnClass::IanaReserved;
    return AsnClass::Public;
}

QString Asn::className(AsnClass c)
{
    switch (c) {
    case AsnClass::Public:
        return tr("public");
    case AsnClass::Reserved:
        return tr("reserved (RFC 7607, RFC 7300)");
    case AsnClass::AsTrans:
        return tr("AS_TRANS (RFC 6793)");
    case AsnClass::Documentation:
        return tr("documentation (RFC 5398)");
    case AsnClass::Private:
        return tr("private use (RFC 6996)");
    case AsnClass::IanaReserved:
        return tr("reserved by IANA");
    }
    return {};
}

QString Asn::toAsdot() const
{
    if (m_value <= 65535)
        return QString::number(m_value);
    return QStringLiteral("%1.%2").arg(m_value >> 16).arg(m_value & 0xffff);
}

} // namespace Peering
