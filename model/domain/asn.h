// Autonomous system numbers: parsing (asplain, asdot, optional "AS") and classification (RFC 6996, 5398, 7300, 7607, 6793).
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>

#include <compare>

namespace Peering {

enum class AsnClass { Public, Reserved, AsTrans, Documentation, Private, IanaReserved };

class Asn
{
    Q_DECLARE_TR_FUNCTIONS(Peering::Asn)
public:
    static constexpr quint32 Microsoft = 8075;

    constexpr Asn() = default;
    constexpr explicit Asn(quint32 value)
        : m_value(value)
    {}

    constexpr quint32 value() const { return m_value; }

    // Accepts "64500", "AS64500", "as64500", "1.10" (asdot), with surrounding white space.
    static Result<Asn> parse(QStringView text);
    // The text as it is stored: asplain when it parses ("AS64500" -> "64500"), else trimmed, so
    // that the validator can say what is wrong with it.
    static QString normalized(const QString &text);

    static AsnClass classify(quint32 value);
    AsnClass classify() const { return classify(m_value); }
    bool isPublic() const { return classify() == AsnClass::Public; }
    // Azure's Microsoft.Peering API takes ASNs as int32 (and Az.Peering as [System.Int32]): a
    // larger ASN cannot be created through it.
    static constexpr quint32 MaxAzureApi = 2147483647;
    constexpr bool fitsAzureApi() const { return m_value <= MaxAzureApi; }

    // "private use (RFC 6996)" and so on, translated.
    static QString className(AsnClass c);

    QString toString() const { return QString::number(m_value); }
    QString toAsdot() const;

    friend constexpr auto operator<=>(Asn, Asn) = default;

private:
    quint32 m_value = 0;
};

} // namespace Peering
