// The ASN, IPv4 and IPv6 parsers on any text: no crash, and a value that parses prints as text
// that parses to the same value (the stored form is that text).
#include "fuzzcheck.h"

#include "domain/asn.h"
#include "domain/ipv4.h"
#include "domain/ipv6.h"

using namespace Peering;
using PeeringFuzz::check;

namespace {

template<typename T>
void roundTrips(const QString &text, const char *what)
{
    const Result<T> value = T::parse(text);
    if (!value) {
        check(!value.error().isEmpty(), what, QStringLiteral("a refusal without a reason: ") + text);
        return;
    }
    const QString printed = value->toString();
    const Result<T> again = T::parse(printed);
    check(again.ok(), what, text + QStringLiteral(" printed as ") + printed + QStringLiteral(", which does not parse"));
    check(*again == *value, what, text + QStringLiteral(" -> ") + printed + QStringLiteral(" is another value"));
    check(again->toString() == printed, what, QStringLiteral("printing is not stable: ") + printed);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size > 4096)
        return 0;
    const QString text = QString::fromUtf8(PeeringFuzz::bytes(data, size));

    roundTrips<Asn>(text, "ASN");
    if (const Result<Asn> asn = Asn::parse(text)) {
        (void)Asn::className(asn->classify());
        const Result<Asn> dotted = Asn::parse(asn->toAsdot());
        check(dotted && *dotted == *asn, "ASN asdot", asn->toAsdot());
        check(Asn::normalized(text) == asn->toString(), "ASN normalized", text);
    } else {
        check(Asn::normalized(text) == text.trimmed(), "ASN normalized keeps what does not parse", text);
    }

    roundTrips<Ipv4Address>(text, "IPv4 address");
    roundTrips<Ipv4Prefix>(text, "IPv4 prefix");
    if (const Result<Ipv4Prefix> p = Ipv4Prefix::parse(text)) {
        check(p->contains(p->network()) && p->contains(p->last()), "IPv4 prefix holds its ends", text);
        check(p->isPubliclyRoutable() == p->nonRoutableBlock().isEmpty(), "IPv4 routability", text);
        check(p->overlaps(*p), "IPv4 prefix overlaps itself", text);
    }
    if (const Result<Ipv4Address> a = Ipv4Address::parse(text))
        (void)a->isPubliclyRoutable();

    roundTrips<Ipv6Address>(text, "IPv6 address");
    roundTrips<Ipv6Prefix>(text, "IPv6 prefix");
    if (const Result<Ipv6Prefix> p = Ipv6Prefix::parse(text))
        check(p->contains(p->network()) && p->contains(p->last()), "IPv6 prefix holds its ends", text);
    return 0;
}
