// Asn: parsing (asplain, asdot, "AS" prefix), classification at every boundary of domain.md
// section 6, and asdot output.
#include "domain/asn.h"

#include <QTest>

using namespace Peering;

Q_DECLARE_METATYPE(Peering::AsnClass)

class TestAsn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseAccepts_data();
    void parseAccepts();
    void parseRejects_data();
    void parseRejects();
    void classify_data();
    void classify();
    void classNames();
    void toAsdot_data();
    void toAsdot();
    void roundTrip_data();
    void roundTrip();
    void ordering();
    void normalized_data();
    void normalized();
};

void TestAsn::parseAccepts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<quint32>("value");

    QTest::newRow("asplain 16-bit") << "64500" << 64500u;
    QTest::newRow("asplain 32-bit") << "4200000000" << 4200000000u;
    QTest::newRow("asplain largest") << "4294967295" << 4294967295u;
    QTest::newRow("zero") << "0" << 0u;
    QTest::newRow("one digit") << "7" << 7u;
    QTest::newRow("microsoft") << "8075" << 8075u;
    QTest::newRow("ten digits") << "1000000000" << 1000000000u;
    QTest::newRow("asdot private") << "64086.59904" << 4200000000u;
    QTest::newRow("asdot 1.0") << "1.0" << 65536u;
    QTest::newRow("asdot 0.64500") << "0.64500" << 64500u;
    QTest::newRow("asdot 0.0") << "0.0" << 0u;
    QTest::newRow("asdot 1.10") << "1.10" << 65546u;
    QTest::newRow("asdot largest") << "65535.65535" << 4294967295u;
    QTest::newRow("AS prefix") << "AS64500" << 64500u;
    QTest::newRow("as prefix") << "as64500" << 64500u;
    QTest::newRow("As prefix") << "As64500" << 64500u;
    QTest::newRow("aS prefix") << "aS64500" << 64500u;
    QTest::newRow("AS prefix asdot") << "AS1.10" << 65546u;
    QTest::newRow("AS prefix largest") << "AS4294967295" << 4294967295u;
    QTest::newRow("surrounding spaces") << "  64500  " << 64500u;
    QTest::newRow("surrounding tabs and newline") << "\tAS64500\n" << 64500u;
    QTest::newRow("spaces around asdot") << " 64086.59904 " << 4200000000u;
}

void TestAsn::parseAccepts()
{
    QFETCH(QString, input);
    QFETCH(quint32, value);
    const Result<Asn> r = Asn::parse(input);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->value(), value);
    QVERIFY(r.error().isEmpty());
}

void TestAsn::parseRejects_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("empty") << "";
    QTest::newRow("spaces only") << "   ";
    QTest::newRow("AS alone") << "AS";
    QTest::newRow("as alone") << "as";
    QTest::newRow("minus one") << "-1";
    QTest::newRow("plus five") << "+5";
    QTest::newRow("one above largest") << "4294967296";
    QTest::newRow("eleven digits") << "99999999999";
    QTest::newRow("twenty digits") << "18446744073709551616";
    QTest::newRow("asdot low too big") << "1.65536";
    QTest::newRow("asdot high too big") << "65536.0";
    QTest::newRow("double dot") << "1..2";
    QTest::newRow("two dots") << "1.2.3";
    QTest::newRow("leading dot") << ".1";
    QTest::newRow("trailing dot") << "1.";
    QTest::newRow("dot only") << ".";
    QTest::newRow("AS dot") << "AS.";
    QTest::newRow("hex") << "0x10";
    QTest::newRow("inner space after AS") << "AS 64500";
    QTest::newRow("inner space in number") << "645 00";
    QTest::newRow("inner space in asdot") << "1. 10";
    QTest::newRow("leading zero") << "064500";
    QTest::newRow("leading zeros on zero") << "00";
    QTest::newRow("asdot leading zero high") << "01.10";
    QTest::newRow("asdot leading zero low") << "1.010";
    QTest::newRow("asdot negative") << "1.-1";
    QTest::newRow("letters") << "abc";
    QTest::newRow("trailing letter") << "64500a";
    QTest::newRow("ASN prefix") << "ASN64500";
    QTest::newRow("double AS prefix") << "ASAS64500";
    QTest::newRow("AS suffix") << "64500AS";
    QTest::newRow("comma decimal") << "1,10";
    QTest::newRow("exponent") << "1e5";
    QTest::newRow("fullwidth digits") << QString::fromUtf8("\xEF\xBC\x96\xEF\xBC\x94\xEF\xBC\x95");
    QTest::newRow("arabic-indic digits") << QString::fromUtf8("\xD9\xA6\xD9\xA4\xD9\xA5");
    QTest::newRow("devanagari digit") << QString::fromUtf8("\xE0\xA5\xAC");
    QTest::newRow("superscript two") << QString::fromUtf8("6450\xC2\xB2");
}

void TestAsn::parseRejects()
{
    QFETCH(QString, input);
    const Result<Asn> r = Asn::parse(input);
    QVERIFY2(!r.ok(), qPrintable(QStringLiteral("accepted as %1").arg(r ? r->value() : 0)));
    QVERIFY(!r.error().isEmpty());
    // The message quotes what was typed (trimmed) so the user can find it.
    QVERIFY2(r.error().contains(input.trimmed()), qPrintable(r.error()));
    QVERIFY(!bool(r));
}

void TestAsn::classify_data()
{
    QTest::addColumn<quint32>("value");
    QTest::addColumn<Peering::AsnClass>("expected");

    QTest::newRow("0") << 0u << AsnClass::Reserved;
    QTest::newRow("1") << 1u << AsnClass::Public;
    QTest::newRow("8075") << 8075u << AsnClass::Public;
    QTest::newRow("23455") << 23455u << AsnClass::Public;
    QTest::newRow("23456") << 23456u << AsnClass::AsTrans;
    QTest::newRow("23457") << 23457u << AsnClass::Public;
    QTest::newRow("64495") << 64495u << AsnClass::Public;
    QTest::newRow("64496") << 64496u << AsnClass::Documentation;
    QTest::newRow("64500") << 64500u << AsnClass::Documentation;
    QTest::newRow("64511") << 64511u << AsnClass::Documentation;
    QTest::newRow("64512") << 64512u << AsnClass::Private;
    QTest::newRow("65000") << 65000u << AsnClass::Private;
    QTest::newRow("65534") << 65534u << AsnClass::Private;
    QTest::newRow("65535") << 65535u << AsnClass::Reserved;
    QTest::newRow("65536") << 65536u << AsnClass::Documentation;
    QTest::newRow("65551") << 65551u << AsnClass::Documentation;
    QTest::newRow("65552") << 65552u << AsnClass::IanaReserved;
    QTest::newRow("100000") << 100000u << AsnClass::IanaReserved;
    QTest::newRow("131071") << 131071u << AsnClass::IanaReserved;
    QTest::newRow("131072") << 131072u << AsnClass::Public;
    QTest::newRow("396982") << 396982u << AsnClass::Public;
    QTest::newRow("4199999999") << 4199999999u << AsnClass::Public;
    QTest::newRow("4200000000") << 4200000000u << AsnClass::Private;
    QTest::newRow("4294967294") << 4294967294u << AsnClass::Private;
    QTest::newRow("4294967295") << 4294967295u << AsnClass::Reserved;
}

void TestAsn::classify()
{
    QFETCH(quint32, value);
    QFETCH(Peering::AsnClass, expected);
    QCOMPARE(Asn::classify(value), expected);
    const Asn asn(value);
    QCOMPARE(asn.classify(), expected);
    QCOMPARE(asn.isPublic(), expected == AsnClass::Public);
    // Parsing either notation gives the same class.
    const Result<Asn> plain = Asn::parse(QString::number(value));
    QVERIFY(plain.ok());
    QCOMPARE(plain->classify(), expected);
    const Result<Asn> dotted = Asn::parse(asn.toAsdot());
    QVERIFY(dotted.ok());
    QCOMPARE(dotted->classify(), expected);
}

void TestAsn::classNames()
{
    const QList<AsnClass> all{AsnClass::Public,        AsnClass::Reserved, AsnClass::AsTrans,
                              AsnClass::Documentation, AsnClass::Private,  AsnClass::IanaReserved};
    QSet<QString> seen;
    for (AsnClass c : all) {
        const QString name = Asn::className(c);
        QVERIFY(!name.isEmpty());
        seen.insert(name);
    }
    QCOMPARE(seen.size(), all.size());
    QVERIFY(Asn::className(AsnClass::Private).contains(QLatin1String("6996")));
    QVERIFY(Asn::className(AsnClass::Documentation).contains(QLatin1String("5398")));
    QVERIFY(Asn::className(AsnClass::AsTrans).contains(QLatin1String("6793")));
}

void TestAsn::toAsdot_data()
{
    QTest::addColumn<quint32>("value");
    QTest::addColumn<QString>("asdot");
    QTest::addColumn<QString>("plain");

    QTest::newRow("0") << 0u << "0" << "0";
    QTest::newRow("64500") << 64500u << "64500" << "64500";
    QTest::newRow("65535") << 65535u << "65535" << "65535";
    QTest::newRow("65536") << 65536u << "1.0" << "65536";
    QTest::newRow("65546") << 65546u << "1.10" << "65546";
    QTest::newRow("131071") << 131071u << "1.65535" << "131071";
    QTest::newRow("131072") << 131072u << "2.0" << "131072";
    QTest::newRow("4200000000") << 4200000000u << "64086.59904" << "4200000000";
    QTest::newRow("4294967295") << 4294967295u << "65535.65535" << "4294967295";
}

void TestAsn::toAsdot()
{
    QFETCH(quint32, value);
    QFETCH(QString, asdot);
    QFETCH(QString, plain);
    const Asn asn(value);
    QCOMPARE(asn.toAsdot(), asdot);
    QCOMPARE(asn.toString(), plain);
    QCOMPARE(Asn::parse(asdot)->value(), value);
    QCOMPARE(Asn::parse(plain)->value(), value);
    QCOMPARE(Asn::parse(QStringLiteral("AS") + asdot)->value(), value);
}

void TestAsn::roundTrip_data()
{
    QTest::addColumn<quint32>("value");
    // Boundaries of every class plus values around the 16-bit edge and powers of two.
    const quint32 values[] = {0u,          1u,          2u,          255u,        256u,
                              23455u,      23456u,      23457u,      64495u,      64496u,
                              64511u,      64512u,      65534u,      65535u,      65536u,
                              65537u,      65551u,      65552u,      131071u,     131072u,
                              1u << 20,    (1u << 24) + 1, 999999999u, 1000000000u, 2147483647u,
                              2147483648u, 4199999999u, 4200000000u, 4294967294u, 4294967295u};
    for (quint32 v : values)
        QTest::addRow("%u", v) << v;
}

void TestAsn::roundTrip()
{
    QFETCH(quint32, value);
    const Asn asn(value);
    const QStringList texts{asn.toString(), asn.toAsdot(), QStringLiteral("AS") + asn.toString(),
                            QStringLiteral("as") + asn.toAsdot(),
                            QStringLiteral(" AS%1 ").arg(asn.toAsdot())};
    for (const QString &text : texts) {
        const Result<Asn> r = Asn::parse(text);
        QVERIFY2(r.ok(), qPrintable(text + QStringLiteral(": ") + r.error()));
        QCOMPARE(*r, asn);
    }
}

void TestAsn::ordering()
{
    QVERIFY(Asn(1) < Asn(2));
    QVERIFY(Asn(65536) > Asn(65535));
    QVERIFY(Asn(8075) == Asn(Asn::Microsoft));
    QVERIFY(Asn(8075) != Asn(8076));
    QCOMPARE(Asn().value(), 0u);
}

void TestAsn::normalized_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stored");
    QTest::newRow("AS prefix") << "AS13335" << "13335";
    QTest::newRow("asdot") << " 1.10 " << "65546";
    QTest::newRow("plain") << "64500" << "64500";
    QTest::newRow("not an ASN, trimmed") << "  ASxyz " << "ASxyz";
    QTest::newRow("empty") << "   " << "";
}

void TestAsn::normalized()
{
    QFETCH(QString, text);
    QFETCH(QString, stored);
    QCOMPARE(Asn::normalized(text), stored);
}

QTEST_GUILESS_MAIN(TestAsn)
#include "tst_asn.moc"
