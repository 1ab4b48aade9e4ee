// Ipv6Address and Ipv6Prefix: RFC 4291 text forms in, RFC 5952 canonical text out.
#include "domain/ipv6.h"

#include <QTest>

using namespace Peering;

namespace {

Ipv6Address address(const QString &text)
{
    const Result<Ipv6Address> r = Ipv6Address::parse(text);
    if (!r)
        qFatal("bad address in test data: %s: %s", qPrintable(text), qPrintable(r.error()));
    return *r;
}

Ipv6Prefix prefix(const QString &text)
{
    const Result<Ipv6Prefix> r = Ipv6Prefix::parse(text);
    if (!r)
        qFatal("bad prefix in test data: %s: %s", qPrintable(text), qPrintable(r.error()));
    return *r;
}

// Eight hextets written out, independent of the parser under test.
Ipv6Address fromGroups(std::initializer_list<quint16> groups)
{
    Ipv6Address::Bytes b{};
    int i = 0;
    for (quint16 g : groups) {
        b[2 * i] = quint8(g >> 8);
        b[2 * i + 1] = quint8(g & 0xff);
        ++i;
    }
    return Ipv6Address(b);
}

} // namespace

Q_DECLARE_METATYPE(Peering::Ipv6Address)

class TestIpv6 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();
    void canonical_data();
    void canonical();
    void prefixAccepts_data();
    void prefixAccepts();
    void prefixRejects_data();
    void prefixRejects();
    void contains_data();
    void contains();
    void last_data();
    void last();
    void ordering();
};

void TestIpv6::parseAccepts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Peering::Ipv6Address>("expected");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("unspecified") << "::" << fromGroups({0, 0, 0, 0, 0, 0, 0, 0}) << "::";
    QTest::newRow("loopback") << "::1" << fromGroups({0, 0, 0, 0, 0, 0, 0, 1}) << "::1";
    QTest::newRow("trailing ::") << "1::" << fromGroups({1, 0, 0, 0, 0, 0, 0, 0}) << "1::";
    QTest::newRow("documentation")
        << "2001:db8::1" << fromGroups({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1}) << "2001:db8::1";
    QTest::newRow("full form")
        << "2001:0db8:0000:0000:0000:ff00:0042:8329"
        << fromGroups({0x2001, 0xdb8, 0, 0, 0, 0xff00, 0x42, 0x8329}) << "2001:db8::ff00:42:8329";
    QTest::newRow("full form no zeros")
        << "1:2:3:4:5:6:7:8" << fromGroups({1, 2, 3, 4, 5, 6, 7, 8}) << "1:2:3:4:5:6:7:8";
    QTest::newRow("all ones")
        << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
        << fromGroups({0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff})
        << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    QTest::newRow("ipv4-mapped")
        << "::ffff:192.0.2.1" << fromGroups({0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201})
        << "::ffff:192.0.2.1";
    QTest::newRow("ipv4-mapped in hex")
        << "::ffff:c000:201" << fromGroups({0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201})
        << "::ffff:192.0.2.1";
    QTest::newRow("ipv4 tail in full form")
        << "0:0:0:0:0:ffff:192.0.2.1" << fromGroups({0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201})
        << "::ffff:192.0.2.1";
    QTest::newRow("longest ipv4 tail")
        << "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"
        << fromGroups({0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff})
        << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    // Only ::ffff:0:0/96 has a well-known embedded IPv4 form; others stay hexadecimal.
    QTest::newRow("ipv4-compatible (deprecated)")
        << "::192.0.2.1" << fromGroups({0, 0, 0, 0, 0, 0, 0xc000, 0x0201}) << "::c000:201";
    QTest::newRow("nat64 tail")
        << "64:ff9b::192.0.2.1" << fromGroups({0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0201})
        << "64:ff9b::c000:201";
    QTest::newRow("upper case")
        << "2001:DB8::A" << fromGroups({0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xa}) << "2001:db8::a";
    QTest::newRow("mixed case")
        << "FE80::aBcD" << fromGroups({0xfe80, 0, 0, 0, 0, 0, 0, 0xabcd}) << "fe80::abcd";
    QTest::newRow("surrounding spaces")
        << "  2001:db8::1 " << fromGroups({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1}) << "2001:db8::1";
    QTest::newRow(":: for one group at end")
        << "1:2:3:4:5:6:7::" << fromGroups({1, 2, 3, 4, 5, 6, 7, 0}) << "1:2:3:4:5:6:7:0";
    QTest::newRow(":: for one group at start")
        << "::2:3:4:5:6:7:8" << fromGroups({0, 2, 3, 4, 5, 6, 7, 8}) << "0:2:3:4:5:6:7:8";
    QTest::newRow(":: for one group inside")
        << "2001:db8::1:1:1:1:1" << fromGroups({0x2001, 0xdb8, 0, 1, 1, 1, 1, 1})
        << "2001:db8:0:1:1:1:1:1";
    QTest::newRow("leading zeros in groups")
        << "0000:0000::0001" << fromGroups({0, 0, 0, 0, 0, 0, 0, 1}) << "::1";
    QTest::newRow("session address")
        << "2001:7f8:1::a500:8075:1" << fromGroups({0x2001, 0x7f8, 1, 0, 0, 0xa500, 0x8075, 1})
        << "2001:7f8:1::a500:8075:1";
}

void TestIpv6::parseAccepts()
{
    QFETCH(QString, input);
    QFETCH(Peering::Ipv6Address, expected);
    QFETCH(QString, canonical);
    const Result<Ipv6Address> r = Ipv6Address::parse(input);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QVERIFY(*r == expected);
    QCOMPARE(r->toString(), canonical);
    // The canonical text parses back to the same address.
    const Result<Ipv6Address> again = Ipv6Address::parse(canonical);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QVERIFY(*again == expected);
}

void TestIpv6::parseRejects_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("single colon") << ":";
    QTest::newRow("triple colon") << ":::";
    QTest::newRow("two ::") << "1::2::3";
    QTest::newRow("two :: adjacent groups") << "::1::";
    QTest::newRow("five hex digits") << "12345::";
    QTest::newRow("non-hex letter") << "g::1";
    QTest::newRow("nine groups") << "1:2:3:4:5:6:7:8:9";
    QTest::newRow("seven groups") << "1:2:3:4:5:6:7";
    QTest::newRow("eight groups plus ::") << "1:2:3:4:5:6:7:8::";
    QTest::newRow(":: plus eight groups") << "::1:2:3:4:5:6:7:8";
    QTest::newRow(":: standing for no group") << "1::2:3:4:5:6:7:8";
    QTest::newRow("leading single colon") << ":1:2:3:4:5:6:7:8";
    QTest::newRow("trailing single colon") << "1:2:3:4:5:6:7:8:";
    QTest::newRow("leading colon before ::") << ":1::2";
    QTest::newRow("trailing colon after ::") << "1::2:";
    QTest::newRow("ipv4 octet too big") << "::ffff:256.1.1.1";
    QTest::newRow("ipv4 too short") << "::ffff:1.2.3";
    QTest::newRow("ipv4 leading zero") << "::ffff:01.2.3.4";
    QTest::newRow("ipv4 not last") << "::1.2.3.4:5";
    QTest::newRow("ipv4 before ::") << "1.2.3.4::";
    QTest::newRow("plain ipv4") << "192.0.2.1";
    QTest::newRow("too many groups with ipv4") << "1:2:3:4:5:6:7:1.2.3.4";
    QTest::newRow("too few groups with ipv4") << "1:2:3:4:5:1.2.3.4";
    QTest::newRow("space before ipv4 tail") << "::ffff: 192.0.2.1";
    QTest::newRow("inner space") << "2001:db8:: 1";
    QTest::newRow("zone index") << "fe80::1%eth0";
    QTest::newRow("brackets") << "[::1]";
    QTest::newRow("with port") << "[::1]:179";
    QTest::newRow("prefix") << "2001:db8::/64";
    QTest::newRow("hex prefix 0x") << "0x1::";
    QTest::newRow("sign") << "::-1";
    QTest::newRow("plus") << "::+1";
    QTest::newRow("dot separator") << "2001.db8::1";
    QTest::newRow("too long") << "0000:0000:0000:0000:0000:0000:0000:0000:0000";
    QTest::newRow("fullwidth digit") << QString::fromUtf8("2001:db8::\xEF\xBC\x91");
    QTest::newRow("arabic-indic digit") << QString::fromUtf8("2001:db8::\xD9\xA1");
}

void TestIpv6::parseRejects()
{
    QFETCH(QString, input);
    const Result<Ipv6Address> r = Ipv6Address::parse(input);
    QVERIFY2(!r.ok(), qPrintable(QStringLiteral("accepted as ") + (r ? r->toString() : QString())));
    QVERIFY(!r.error().isEmpty());
    QVERIFY2(r.error().contains(input.trimmed()), qPrintable(r.error()));
}

void TestIpv6::canonical_data()
{
    QTest::addColumn<Peering::Ipv6Address>("address");
    QTest::addColumn<QString>("text");

    // RFC 5952 section 4: lower case, no leading zeros, the longest run of two or more zero groups
    // compressed, the first one when runs tie, a single zero group never compressed.
    QTest::newRow("single zero group stays")
        << fromGroups({0x2001, 0xdb8, 0, 1, 1, 1, 1, 1}) << "2001:db8:0:1:1:1:1:1";
    QTest::newRow("longest run wins")
        << fromGroups({0x2001, 0, 0, 1, 0, 0, 0, 1}) << "2001:0:0:1::1";
    QTest::newRow("tie: leftmost")
        << fromGroups({0x2001, 0xdb8, 0, 0, 1, 0, 0, 1}) << "2001:db8::1:0:0:1";
    QTest::newRow("tie at edges: leftmost")
        << fromGroups({0, 0, 1, 2, 3, 4, 0, 0}) << "::1:2:3:4:0:0";
    QTest::newRow("run at end") << fromGroups({0, 0, 1, 0, 0, 0, 0, 0}) << "0:0:1::";
    QTest::newRow("run at start") << fromGroups({0, 0, 0, 0, 0, 0, 1, 2}) << "::1:2";
    QTest::newRow("two groups of zeros") << fromGroups({1, 0, 0, 2, 3, 4, 5, 6}) << "1::2:3:4:5:6";
    QTest::newRow("alternating zeros")
        << fromGroups({0, 1, 0, 1, 0, 1, 0, 1}) << "0:1:0:1:0:1:0:1";
    QTest::newRow("no leading zeros") << fromGroups({0x2001, 0x0db8, 0x00a0, 0x000b, 1, 2, 3, 4})
                                      << "2001:db8:a0:b:1:2:3:4";
    QTest::newRow("lower case") << fromGroups({0xABCD, 0xEF01, 0, 0, 0, 0, 0, 0xFFFF})
                                << "abcd:ef01::ffff";
    QTest::newRow("all zero") << fromGroups({0, 0, 0, 0, 0, 0, 0, 0}) << "::";
    QTest::newRow("ipv4-mapped") << fromGroups({0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001})
                                 << "::ffff:10.0.0.1";
    QTest::newRow("ipv4-mapped zero") << fromGroups({0, 0, 0, 0, 0, 0xffff, 0, 0}) << "::ffff:0.0.0.0";
    QTest::newRow("not mapped: ffff elsewhere")
        << fromGroups({0, 0, 0, 0, 0xffff, 0, 0x0a00, 1}) << "::ffff:0:a00:1";
}

void TestIpv6::canonical()
{
    QFETCH(Peering::Ipv6Address, address);
    QFETCH(QString, text);
    QCOMPARE(address.toString(), text);
    const Result<Ipv6Address> back = Ipv6Address::parse(text);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QVERIFY(*back == address);
}

void TestIpv6::prefixAccepts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("network");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("/32") << "2001:db8::/32" << "2001:db8::" << 32 << "2001:db8::/32";
    QTest::newRow("/0") << "::/0" << "::" << 0 << "::/0";
    QTest::newRow("/128") << "2001:db8::1/128" << "2001:db8::1" << 128 << "2001:db8::1/128";
    QTest::newRow("/128 all ones") << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"
                                   << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" << 128
                                   << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128";
    QTest::newRow("/126 session") << "2001:db8::4/126" << "2001:db8::4" << 126 << "2001:db8::4/126";
    QTest::newRow("/127") << "2001:db8::2/127" << "2001:db8::2" << 127 << "2001:db8::2/127";
    QTest::newRow("/64 long form") << "2001:DB8:0:0::/64" << "2001:db8::" << 64 << "2001:db8::/64";
    QTest::newRow("/65 odd bit") << "2001:db8:0:0:8000::/65" << "2001:db8:0:0:8000::" << 65
                                 << "2001:db8:0:0:8000::/65";
    QTest::newRow("/1") << "8000::/1" << "8000::" << 1 << "8000::/1";
    QTest::newRow("spaces around") << " 2001:db8::/48 " << "2001:db8::" << 48 << "2001:db8::/48";
}

void TestIpv6::prefixAccepts()
{
    QFETCH(QString, input);
    QFETCH(QString, network);
    QFETCH(int, length);
    QFETCH(QString, canonical);
    const Result<Ipv6Prefix> r = Ipv6Prefix::parse(input);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->network().toString(), network);
    QCOMPARE(r->length(), length);
    QCOMPARE(r->toString(), canonical);
    QVERIFY(*Ipv6Prefix::parse(canonical) == *r);
}

void TestIpv6::prefixRejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("needle");

    QTest::newRow("empty") << "" << "";
    QTest::newRow("no length") << "2001:db8::" << "2001:db8::";
    QTest::newRow("empty length") << "2001:db8::/" << "2001:db8::/";
    QTest::newRow("no address") << "/64" << "";
    QTest::newRow("/129") << "2001:db8::/129" << "2001:db8::/129";
    QTest::newRow("/1000") << "2001:db8::/1000" << "2001:db8::/1000";
    QTest::newRow("/064") << "2001:db8::/064" << "2001:db8::/064";
    QTest::newRow("/-1") << "2001:db8::/-1" << "2001:db8::/-1";
    QTest::newRow("two lengths") << "2001:db8::/64/64" << "2001:db8::/64/64";
    QTest::newRow("space before slash") << "2001:db8:: /64" << "2001:db8:: /64";
    QTest::newRow("space after slash") << "2001:db8::/ 64" << "2001:db8::/ 64";
    QTest::newRow("bad address") << "2001:db8:::/64" << "2001:db8:::";
    QTest::newRow("zone") << "fe80::%eth0/64" << "fe80::%eth0";
    // Host bits set: the message names the prefix that was probably meant.
    QTest::newRow("host bits /64") << "2001:db8::1/64" << "2001:db8::/64";
    QTest::newRow("host bits /0") << "::1/0" << "::/0";
    QTest::newRow("host bits /127") << "2001:db8::3/127" << "2001:db8::2/127";
    QTest::newRow("host bits /65") << "2001:db8:0:0:c000::/65" << "2001:db8:0:0:8000::/65";
    QTest::newRow("host bits /32 long form")
        << "2001:0DB8:0001:0000:0000:0000:0000:0000/32" << "2001:db8::/32";
}

void TestIpv6::prefixRejects()
{
    QFETCH(QString, input);
    QFETCH(QString, needle);
    const Result<Ipv6Prefix> r = Ipv6Prefix::parse(input);
    QVERIFY2(!r.ok(), qPrintable(QStringLiteral("accepted as ") + (r ? r->toString() : QString())));
    QVERIFY(!r.error().isEmpty());
    QVERIFY2(r.error().contains(needle), qPrintable(r.error()));
}

void TestIpv6::contains_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contains");

    QTest::newRow("network") << "2001:db8::/32" << "2001:db8::" << true;
    QTest::newRow("inside") << "2001:db8::/32" << "2001:db8:ffff::1" << true;
    QTest::newRow("last") << "2001:db8::/32" << "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff" << true;
    QTest::newRow("next") << "2001:db8::/32" << "2001:db9::" << false;
    QTest::newRow("previous") << "2001:db8::/32" << "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff"
                              << false;
    QTest::newRow("/0 holds all") << "::/0" << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" << true;
    QTest::newRow("/128 itself") << "2001:db8::1/128" << "2001:db8::1" << true;
    QTest::newRow("/128 neighbour") << "2001:db8::1/128" << "2001:db8::2" << false;
    QTest::newRow("/126 members") << "2001:db8::4/126" << "2001:db8::7" << true;
    QTest::newRow("/126 outside") << "2001:db8::4/126" << "2001:db8::8" << false;
    QTest::newRow("/65 odd bit in") << "2001:db8::8000:0:0:0/65" << "2001:db8::ffff:0:0:1" << true;
    QTest::newRow("/65 odd bit out") << "2001:db8::8000:0:0:0/65" << "2001:db8::7fff:0:0:1"
                                     << false;
}

void TestIpv6::contains()
{
    QFETCH(QString, prefix);
    QFETCH(QString, address);
    QFETCH(bool, contains);
    QCOMPARE(::prefix(prefix).contains(::address(address)), contains);
}

void TestIpv6::last_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("last");
    QTest::newRow("/0") << "::/0" << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
    QTest::newRow("/32") << "2001:db8::/32" << "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff";
    QTest::newRow("/64") << "2001:db8::/64" << "2001:db8::ffff:ffff:ffff:ffff";
    QTest::newRow("/65") << "2001:db8::/65" << "2001:db8::7fff:ffff:ffff:ffff";
    QTest::newRow("/126") << "2001:db8::4/126" << "2001:db8::7";
    QTest::newRow("/127") << "2001:db8::/127" << "2001:db8::1";
    QTest::newRow("/128") << "2001:db8::1/128" << "2001:db8::1";
}

void TestIpv6::last()
{
    QFETCH(QString, prefix);
    QFETCH(QString, last);
    const Ipv6Prefix p = ::prefix(prefix);
    QCOMPARE(p.last().toString(), last);
    QVERIFY(p.contains(p.last()));
    QVERIFY(p.contains(p.network()));
}

void TestIpv6::ordering()
{
    QVERIFY(address(QStringLiteral("::1")) < address(QStringLiteral("::2")));
    QVERIFY(address(QStringLiteral("2001:db8::")) > address(QStringLiteral("2001:db7::ffff")));
    QVERIFY(address(QStringLiteral("2001:DB8::1")) == address(QStringLiteral("2001:db8:0::1")));
    QVERIFY(prefix(QStringLiteral("2001:db8::/32")) != prefix(QStringLiteral("2001:db8::/33")));
    QCOMPARE(Ipv6Address().toString(), QStringLiteral("::"));
}

QTEST_GUILESS_MAIN(TestIpv6)
#include "tst_ipv6.moc"
