// Ipv4Address and Ipv4Prefix: strict parsing, containment, and public routability against every
// block of domain.md section 7.
#include "domain/ipv4.h"

#include <QTest>

using namespace Peering;

namespace {

Ipv4Prefix prefix(const QString &text)
{
    const Result<Ipv4Prefix> r = Ipv4Prefix::parse(text);
    if (!r)
        qFatal("bad prefix in test data: %s: %s", qPrintable(text), qPrintable(r.error()));
    return *r;
}

Ipv4Address address(const QString &text)
{
    const Result<Ipv4Address> r = Ipv4Address::parse(text);
    if (!r)
        qFatal("bad address in test data: %s: %s", qPrintable(text), qPrintable(r.error()));
    return *r;
}

// One row per block of domain.md section 7, written out by hand: the block, its first and last
// address, the addresses just outside it (empty when there is none) with the block that makes them
// non-public (empty when they are public), a supernet that contains it with the block
// nonRoutableBlock() names for it, and a prefix inside it.
struct BlockCase
{
    const char *block;
    const char *first;
    const char *last;
    const char *below;
    const char *belowBlock;
    const char *above;
    const char *aboveBlock;
    const char *supernet;
    const char *supernetBlock;
    const char *inside;
};

const BlockCase kBlockCases[] = {
    {"0.0.0.0/8", "0.0.0.0", "0.255.255.255", "", "", "1.0.0.0", "", "0.0.0.0/7", "0.0.0.0/8",
     "0.1.0.0/16"},
    {"10.0.0.0/8", "10.0.0.0", "10.255.255.255", "9.255.255.255", "", "11.0.0.0", "",
     "10.0.0.0/7", "10.0.0.0/8", "10.20.0.0/16"},
    {"100.64.0.0/10", "100.64.0.0", "100.127.255.255", "100.63.255.255", "", "100.128.0.0", "",
     "100.0.0.0/9", "100.64.0.0/10", "100.100.0.0/16"},
    {"127.0.0.0/8", "127.0.0.0", "127.255.255.255", "126.255.255.255", "", "128.0.0.0", "",
     "126.0.0.0/7", "127.0.0.0/8", "127.0.0.0/16"},
    {"169.254.0.0/16", "169.254.0.0", "169.254.255.255", "169.253.255.255", "", "169.255.0.0", "",
     "169.254.0.0/15", "169.254.0.0/16", "169.254.1.0/24"},
    {"172.16.0.0/12", "172.16.0.0", "172.31.255.255", "172.15.255.255", "", "172.32.0.0", "",
     "172.0.0.0/11", "172.16.0.0/12", "172.20.0.0/16"},
    {"192.0.0.0/24", "192.0.0.0", "192.0.0.255", "191.255.255.255", "", "192.0.1.0", "",
     "192.0.0.0/23", "192.0.0.0/24", "192.0.0.128/25"},
    {"192.0.2.0/24", "192.0.2.0", "192.0.2.255", "192.0.1.255", "", "192.0.3.0", "",
     "192.0.2.0/23", "192.0.2.0/24", "192.0.2.64/26"},
    {"192.88.99.0/24", "192.88.99.0", "192.88.99.255", "192.88.98.255", "", "192.88.100.0", "",
     "192.88.98.0/23", "192.88.99.0/24", "192.88.99.0/25"},
    {"192.168.0.0/16", "192.168.0.0", "192.168.255.255", "192.167.255.255", "", "192.169.0.0", "",
     "192.168.0.0/15", "192.168.0.0/16", "192.168.1.0/24"},
    {"198.18.0.0/15", "198.18.0.0", "198.19.255.255", "198.17.255.255", "", "198.20.0.0", "",
     "198.16.0.0/14", "198.18.0.0/15", "198.19.0.0/16"},
    {"198.51.100.0/24", "198.51.100.0", "198.51.100.255", "198.51.99.255", "", "198.51.101.0", "",
     "198.51.100.0/23", "198.51.100.0/24", "198.51.100.128/25"},
    {"203.0.113.0/24", "203.0.113.0", "203.0.113.255", "203.0.112.255", "", "203.0.114.0", "",
     "203.0.112.0/23", "203.0.113.0/24", "203.0.113.0/28"},
    // 224/4 and 240/4 touch: the address above multicast is class E and the one below class E
    // is multicast.
    {"224.0.0.0/4", "224.0.0.0", "239.255.255.255", "223.255.255.255", "", "240.0.0.0",
     "240.0.0.0/4", "224.0.0.0/3", "224.0.0.0/4", "232.0.0.0/8"},
    {"240.0.0.0/4", "240.0.0.0", "255.255.255.255", "239.255.255.255", "224.0.0.0/4", "", "",
     "224.0.0.0/3", "224.0.0.0/4", "240.0.0.0/8"},
    // Inside 240/4; the most specific block is the one named.
    {"255.255.255.255/32", "255.255.255.255", "255.255.255.255", "255.255.255.254", "240.0.0.0/4",
     "", "", "255.255.255.254/31", "240.0.0.0/4", "255.255.255.255/32"},
};

} // namespace

class TestIpv4 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addressAccepts_data();
    void addressAccepts();
    void addressRejects_data();
    void addressRejects();
    void addressToString();
    void prefixAccepts_data();
    void prefixAccepts();
    void prefixRejects_data();
    void prefixRejects();
    void mask_data();
    void mask();
    void last_data();
    void last();
    void containsAddress_data();
    void containsAddress();
    void containsPrefix_data();
    void containsPrefix();
    void publiclyRoutable_data();
    void publiclyRoutable();
    void everyBlockIsCovered();
};

void TestIpv4::addressAccepts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<quint32>("value");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("all zero") << "0.0.0.0" << 0u << "0.0.0.0";
    QTest::newRow("all ones") << "255.255.255.255" << 0xffffffffu << "255.255.255.255";
    QTest::newRow("documentation") << "192.0.2.1" << 0xc0000201u << "192.0.2.1";
    QTest::newRow("surrounding spaces") << " 10.1.2.3 " << 0x0a010203u << "10.1.2.3";
    QTest::newRow("tab and newline") << "\t10.1.2.3\n" << 0x0a010203u << "10.1.2.3";
    QTest::newRow("three-digit octets") << "100.200.250.199" << 0x64c8fac7u << "100.200.250.199";
    QTest::newRow("octet 10 and 100") << "10.100.0.10" << 0x0a64000au << "10.100.0.10";
}

void TestIpv4::addressAccepts()
{
    QFETCH(QString, input);
    QFETCH(quint32, value);
    QFETCH(QString, canonical);
    const Result<Ipv4Address> r = Ipv4Address::parse(input);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->value(), value);
    QCOMPARE(r->toString(), canonical);
    QCOMPARE(Ipv4Address::parse(r->toString())->value(), value);
}

void TestIpv4::addressRejects_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "  ";
    QTest::newRow("three parts") << "1.2.3";
    QTest::newRow("five parts") << "1.2.3.4.5";
    QTest::newRow("leading zero first") << "01.2.3.4";
    QTest::newRow("leading zero last") << "1.2.3.04";
    QTest::newRow("double zero") << "1.2.3.00";
    QTest::newRow("octal-looking") << "010.0.0.1";
    QTest::newRow("256") << "256.1.1.1";
    QTest::newRow("999") << "1.999.1.1";
    QTest::newRow("four digits") << "1.2.3.1000";
    QTest::newRow("negative") << "1.2.3.-1";
    QTest::newRow("plus sign") << "1.2.3.+1";
    QTest::newRow("trailing slash") << "1.2.3.4/";
    QTest::newRow("prefix") << "1.2.3.4/32";
    QTest::newRow("hex octet") << "0x1.2.3.4";
    QTest::newRow("empty part") << "1..2.3";
    QTest::newRow("trailing dot") << "1.2.3.";
    QTest::newRow("leading dot") << ".1.2.3";
    QTest::newRow("dots only") << "...";
    QTest::newRow("letters") << "a.b.c.d";
    QTest::newRow("inner space") << "1.2.3.4 5";
    QTest::newRow("space in octet") << "1.2. 3.4";
    QTest::newRow("single number") << "16909060";
    QTest::newRow("ipv6") << "::1";
    QTest::newRow("port") << "1.2.3.4:80";
    QTest::newRow("fullwidth digit") << QString::fromUtf8("\xEF\xBC\x91.2.3.4");
    QTest::newRow("arabic-indic digit") << QString::fromUtf8("1.2.3.\xD9\xA4");
    QTest::newRow("fullwidth dot") << QString::fromUtf8("1\xEF\xBC\x8E""2.3.4");
}

void TestIpv4::addressRejects()
{
    QFETCH(QString, input);
    const Result<Ipv4Address> r = Ipv4Address::parse(input);
    QVERIFY2(!r.ok(), qPrintable(QStringLiteral("accepted as ") + (r ? r->toString() : QString())));
    QVERIFY(!r.error().isEmpty());
    QVERIFY2(r.error().contains(input.trimmed()), qPrintable(r.error()));
}

void TestIpv4::addressToString()
{
    QCOMPARE(Ipv4Address(0x01020304u).toString(), QStringLiteral("1.2.3.4"));
    QCOMPARE(Ipv4Address(0xffffffffu).toString(), QStringLiteral("255.255.255.255"));
    QCOMPARE(Ipv4Address().toString(), QStringLiteral("0.0.0.0"));
    QVERIFY(Ipv4Address(1) < Ipv4Address(2));
}

void TestIpv4::prefixAccepts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<quint32>("network");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("default route") << "0.0.0.0/0" << 0u << 0 << "0.0.0.0/0";
    QTest::newRow("/24") << "192.0.2.0/24" << 0xc0000200u << 24 << "192.0.2.0/24";
    QTest::newRow("/32") << "192.0.2.1/32" << 0xc0000201u << 32 << "192.0.2.1/32";
    QTest::newRow("/8") << "10.0.0.0/8" << 0x0a000000u << 8 << "10.0.0.0/8";
    QTest::newRow("/31") << "185.1.200.0/31" << 0xb901c800u << 31 << "185.1.200.0/31";
    QTest::newRow("/31 odd half") << "185.1.200.2/31" << 0xb901c802u << 31 << "185.1.200.2/31";
    QTest::newRow("/1") << "128.0.0.0/1" << 0x80000000u << 1 << "128.0.0.0/1";
    QTest::newRow("/12") << "172.16.0.0/12" << 0xac100000u << 12 << "172.16.0.0/12";
    QTest::newRow("surrounding spaces") << "  20.0.0.0/8 " << 0x14000000u << 8 << "20.0.0.0/8";
}

void TestIpv4::prefixAccepts()
{
    QFETCH(QString, input);
    QFETCH(quint32, network);
    QFETCH(int, length);
    QFETCH(QString, canonical);
    const Result<Ipv4Prefix> r = Ipv4Prefix::parse(input);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->network().value(), network);
    QCOMPARE(r->length(), length);
    QCOMPARE(r->toString(), canonical);
    QCOMPARE(*Ipv4Prefix::parse(r->toString()), *r);
}

void TestIpv4::prefixRejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("needle"); // what the message must name

    QTest::newRow("empty") << "" << "";
    QTest::newRow("missing length") << "192.0.2.0" << "192.0.2.0";
    QTest::newRow("slash only") << "/" << "";
    QTest::newRow("empty length") << "192.0.2.0/" << "192.0.2.0/";
    QTest::newRow("/33") << "192.0.2.0/33" << "192.0.2.0/33";
    QTest::newRow("/-1") << "192.0.2.0/-1" << "192.0.2.0/-1";
    QTest::newRow("/+8") << "10.0.0.0/+8" << "10.0.0.0/+8";
    QTest::newRow("/08") << "10.0.0.0/08" << "10.0.0.0/08";
    QTest::newRow("/00") << "0.0.0.0/00" << "0.0.0.0/00";
    QTest::newRow("/100") << "10.0.0.0/100" << "10.0.0.0/100";
    QTest::newRow("two slashes") << "10.0.0.0/8/8" << "10.0.0.0/8/8";
    QTest::newRow("letters in length") << "10.0.0.0/a" << "10.0.0.0/a";
    QTest::newRow("mask notation") << "10.0.0.0/255.0.0.0" << "10.0.0.0/255.0.0.0";
    QTest::newRow("space before slash") << "10.0.0.0 /8" << "10.0.0.0 /8";
    QTest::newRow("space after slash") << "10.0.0.0/ 8" << "10.0.0.0/ 8";
    QTest::newRow("bad address") << "256.0.0.0/8" << "256.0.0.0";
    QTest::newRow("short address") << "10.0.0/8" << "10.0.0";
    QTest::newRow("fullwidth length") << QString::fromUtf8("10.0.0.0/\xEF\xBC\x98") << "10.0.0.0/";
    // Host bits set: the message names the prefix that was probably meant.
    QTest::newRow("host bits /8") << "10.0.0.1/8" << "10.0.0.0/8";
    QTest::newRow("host bits /24") << "192.0.2.1/24" << "192.0.2.0/24";
    QTest::newRow("host bits /31") << "192.0.2.1/31" << "192.0.2.0/31";
    QTest::newRow("host bits /0") << "255.255.255.255/0" << "0.0.0.0/0";
    QTest::newRow("host bits /12") << "172.17.0.0/12" << "172.16.0.0/12";
}

void TestIpv4::prefixRejects()
{
    QFETCH(QString, input);
    QFETCH(QString, needle);
    const Result<Ipv4Prefix> r = Ipv4Prefix::parse(input);
    QVERIFY2(!r.ok(), qPrintable(QStringLiteral("accepted as ") + (r ? r->toString() : QString())));
    QVERIFY(!r.error().isEmpty());
    QVERIFY2(r.error().contains(needle), qPrintable(r.error()));
}

void TestIpv4::mask_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<quint32>("mask");
    QTest::newRow("/0") << 0 << 0u;
    QTest::newRow("/1") << 1 << 0x80000000u;
    QTest::newRow("/8") << 8 << 0xff000000u;
    QTest::newRow("/10") << 10 << 0xffc00000u;
    QTest::newRow("/24") << 24 << 0xffffff00u;
    QTest::newRow("/31") << 31 << 0xfffffffeu;
    QTest::newRow("/32") << 32 << 0xffffffffu;
}

void TestIpv4::mask()
{
    QFETCH(int, length);
    QFETCH(quint32, mask);
    QCOMPARE(Ipv4Prefix::maskFor(length), mask);
    QCOMPARE(Ipv4Prefix(Ipv4Address(0), length).mask(), mask);
}

void TestIpv4::last_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("last");
    QTest::newRow("/0") << "0.0.0.0/0" << "255.255.255.255";
    QTest::newRow("/8") << "10.0.0.0/8" << "10.255.255.255";
    QTest::newRow("/10") << "100.64.0.0/10" << "100.127.255.255";
    QTest::newRow("/24") << "192.0.2.0/24" << "192.0.2.255";
    QTest::newRow("/31") << "185.1.200.0/31" << "185.1.200.1";
    QTest::newRow("/32") << "192.0.2.7/32" << "192.0.2.7";
}

void TestIpv4::last()
{
    QFETCH(QString, prefix);
    QFETCH(QString, last);
    const Ipv4Prefix p = ::prefix(prefix);
    QCOMPARE(p.last().toString(), last);
    QVERIFY(p.contains(p.last()));
    QVERIFY(p.contains(p.network()));
    if (p.last().value() != 0xffffffffu)
        QVERIFY(!p.contains(Ipv4Address(p.last().value() + 1)));
    if (p.network().value() != 0)
        QVERIFY(!p.contains(Ipv4Address(p.network().value() - 1)));
}

void TestIpv4::containsAddress_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contains");
    QTest::newRow("inside") << "192.0.2.0/24" << "192.0.2.77" << true;
    QTest::newRow("network") << "192.0.2.0/24" << "192.0.2.0" << true;
    QTest::newRow("broadcast") << "192.0.2.0/24" << "192.0.2.255" << true;
    QTest::newRow("below") << "192.0.2.0/24" << "192.0.1.255" << false;
    QTest::newRow("above") << "192.0.2.0/24" << "192.0.3.0" << false;
    QTest::newRow("/0 holds all") << "0.0.0.0/0" << "255.255.255.255" << true;
    QTest::newRow("/32 itself") << "192.0.2.7/32" << "192.0.2.7" << true;
    QTest::newRow("/32 neighbour") << "192.0.2.7/32" << "192.0.2.6" << false;
    QTest::newRow("/31 both") << "185.1.200.0/31" << "185.1.200.1" << true;
    QTest::newRow("/31 next") << "185.1.200.0/31" << "185.1.200.2" << false;
}

void TestIpv4::containsAddress()
{
    QFETCH(QString, prefix);
    QFETCH(QString, address);
    QFETCH(bool, contains);
    QCOMPARE(::prefix(prefix).contains(::address(address)), contains);
    QCOMPARE(::prefix(prefix).contains(Ipv4Prefix(::address(address), 32)), contains);
}

void TestIpv4::containsPrefix_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("aContainsB");
    QTest::addColumn<bool>("bContainsA");
    QTest::addColumn<bool>("overlap");
    QTest::newRow("same") << "10.0.0.0/8" << "10.0.0.0/8" << true << true << true;
    QTest::newRow("subnet") << "10.0.0.0/8" << "10.20.0.0/16" << true << false << true;
    QTest::newRow("supernet") << "8.0.0.0/6" << "10.0.0.0/8" << true << false << true;
    QTest::newRow("siblings") << "10.0.0.0/9" << "10.128.0.0/9" << false << false << false;
    QTest::newRow("disjoint") << "192.0.2.0/24" << "198.51.100.0/24" << false << false << false;
    QTest::newRow("default route") << "0.0.0.0/0" << "203.0.113.0/24" << true << false << true;
    QTest::newRow("adjacent /24s") << "192.0.2.0/24" << "192.0.3.0/24" << false << false << false;
    QTest::newRow("same network other length")
        << "192.0.2.0/24" << "192.0.2.0/25" << true << false << true;
}

void TestIpv4::containsPrefix()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, aContainsB);
    QFETCH(bool, bContainsA);
    QFETCH(bool, overlap);
    const Ipv4Prefix pa = prefix(a);
    const Ipv4Prefix pb = prefix(b);
    QCOMPARE(pa.contains(pb), aContainsB);
    QCOMPARE(pb.contains(pa), bContainsA);
    QCOMPARE(pa.overlaps(pb), overlap);
    QCOMPARE(pb.overlaps(pa), overlap);
}

void TestIpv4::publiclyRoutable_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("isPublic");
    QTest::addColumn<QString>("named"); // the block nonRoutableBlock() must name

    for (const BlockCase &c : kBlockCases) {
        const QString block = QLatin1String(c.block);
        // 255.255.255.255 is the limited broadcast block, more specific than 240/4.
        const auto holder = [&block](const char *a) {
            return QLatin1String(a) == QLatin1String("255.255.255.255")
                       ? QStringLiteral("255.255.255.255/32")
                       : block;
        };
        const auto host = [](const char *a) { return QString::fromLatin1(a) + QLatin1String("/32"); };
        QTest::addRow("%s itself", c.block) << block << false << block;
        QTest::addRow("%s inside %s", c.block, c.inside)
            << QString::fromLatin1(c.inside) << false << block;
        QTest::addRow("%s first %s", c.block, c.first) << host(c.first) << false << holder(c.first);
        QTest::addRow("%s last %s", c.block, c.last) << host(c.last) << false << holder(c.last);
        if (*c.below)
            QTest::addRow("%s below %s", c.block, c.below)
                << host(c.below) << !*c.belowBlock << QString::fromLatin1(c.belowBlock);
        if (*c.above)
            QTest::addRow("%s above %s", c.block, c.above)
                << host(c.above) << !*c.aboveBlock << QString::fromLatin1(c.aboveBlock);
        QTest::addRow("%s supernet %s", c.block, c.supernet)
            << QString::fromLatin1(c.supernet) << false << QString::fromLatin1(c.supernetBlock);
    }

    // Supernets from the brief, and the first block they contain is named.
    QTest::newRow("8.0.0.0/6 holds 10/8") << "8.0.0.0/6" << false << "10.0.0.0/8";
    QTest::newRow("172.0.0.0/8 holds 172.16/12") << "172.0.0.0/8" << false << "172.16.0.0/12";
    QTest::newRow("192.0.0.0/16 holds 192.0.0/24") << "192.0.0.0/16" << false << "192.0.0.0/24";
    QTest::newRow("192.0.0.0/8") << "192.0.0.0/8" << false << "192.0.0.0/24";
    QTest::newRow("default route") << "0.0.0.0/0" << false << "0.0.0.0/8";
    QTest::newRow("upper half") << "128.0.0.0/1" << false << "169.254.0.0/16";

    // The two global exceptions inside 192.0.0.0/24, and their neighbours.
    QTest::newRow("192.0.0.9/32 PCP anycast") << "192.0.0.9/32" << true << "";
    QTest::newRow("192.0.0.10/32 TURN anycast") << "192.0.0.10/32" << true << "";
    QTest::newRow("192.0.0.8/32") << "192.0.0.8/32" << false << "192.0.0.0/24";
    QTest::newRow("192.0.0.11/32") << "192.0.0.11/32" << false << "192.0.0.0/24";
    QTest::newRow("192.0.0.8/30 holds both and more") << "192.0.0.8/30" << false << "192.0.0.0/24";
    QTest::newRow("192.0.0.10/31 holds .11") << "192.0.0.10/31" << false << "192.0.0.0/24";
    QTest::newRow("192.0.0.8/31 holds .8") << "192.0.0.8/31" << false << "192.0.0.0/24";

    // Ordinary public space.
    QTest::newRow("20.0.0.0/8") << "20.0.0.0/8" << true << "";
    QTest::newRow("1.1.1.0/24") << "1.1.1.0/24" << true << "";
    QTest::newRow("185.1.201.0/24") << "185.1.201.0/24" << true << "";
    QTest::newRow("smaller than /24") << "185.1.201.128/25" << true << "";
    QTest::newRow("public /32") << "8.8.8.8/32" << true << "";
    QTest::newRow("11.0.0.0/8") << "11.0.0.0/8" << true << "";
    QTest::newRow("128.0.0.0/3") << "128.0.0.0/3" << true << "";
    QTest::newRow("192.0.4.0/22") << "192.0.4.0/22" << true << "";
    QTest::newRow("broadcast /32") << "255.255.255.255/32" << false << "255.255.255.255/32";
}

void TestIpv4::publiclyRoutable()
{
    QFETCH(QString, prefix);
    QFETCH(bool, isPublic);
    QFETCH(QString, named);
    const Ipv4Prefix p = ::prefix(prefix);
    QCOMPARE(p.isPubliclyRoutable(), isPublic);
    const QString block = p.nonRoutableBlock();
    QCOMPARE(block.isEmpty(), isPublic);
    if (!isPublic) {
        // "10.0.0.0/8 (private use, RFC 1918)": the block and a reason.
        QVERIFY2(block.contains(u'(') && block.contains(QLatin1String("RFC")), qPrintable(block));
        QVERIFY2(block.contains(named), qPrintable(block + QStringLiteral(" should name ") + named));
    }
    if (p.length() == 32)
        QCOMPARE(p.network().isPubliclyRoutable(), isPublic);
}

void TestIpv4::everyBlockIsCovered()
{
    // Each block is named by its own text when it is checked itself, so none is shadowed.
    for (const BlockCase &c : kBlockCases) {
        const QString block = QLatin1String(c.block);
        const QString named = prefix(block).nonRoutableBlock();
        QVERIFY2(named.startsWith(block + QLatin1String(" (")), qPrintable(block + u' ' + named));
    }
}

QTEST_GUILESS_MAIN(TestIpv4)
#include "tst_ipv4.moc"
