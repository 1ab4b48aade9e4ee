// TextChecks: GUIDs, e-mail addresses, free-mail domains, ISO dates and date-times.
#include "domain/textchecks.h"

#include <QCoreApplication>
#include <QTest>

using namespace Peering;

class TestTextChecks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void isGuid_data();
    void isGuid();
    void isEmail_data();
    void isEmail();
    void emailDomain_data();
    void emailDomain();
    void isFreeMailDomain_data();
    void isFreeMailDomain();
    void parseIsoDate_data();
    void parseIsoDate();
    void parseIsoDateTime_data();
    void parseIsoDateTime();
};

void TestTextChecks::initTestCase()
{
    // main() runs the test in Europe/Berlin so that a date-time without zone, which must be read
    // as UTC, meets a local zone with daylight saving time.
    QCOMPARE(QDateTime(QDate(2026, 7, 1), QTime(12, 0)).offsetFromUtc(), 7200);
}

void TestTextChecks::isGuid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("lower case") << "123e4567-e89b-12d3-a456-426614174000" << true;
    QTest::newRow("upper case") << "123E4567-E89B-12D3-A456-426614174000" << true;
    QTest::newRow("mixed case") << "123e4567-E89B-12d3-A456-426614174000" << true;
    QTest::newRow("all zero") << "00000000-0000-0000-0000-000000000000" << true;
    QTest::newRow("all f") << "ffffffff-ffff-ffff-ffff-ffffffffffff" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("braces") << "{123e4567-e89b-12d3-a456-426614174000}" << false;
    QTest::newRow("opening brace only") << "{123e4567-e89b-12d3-a456-42661417400" << false;
    QTest::newRow("35 characters") << "123e4567-e89b-12d3-a456-42661417400" << false;
    QTest::newRow("37 characters") << "123e4567-e89b-12d3-a456-4266141740000" << false;
    QTest::newRow("no dashes") << "123e4567e89b12d3a456426614174000" << false;
    QTest::newRow("no dashes padded to 36") << "123e4567e89b12d3a4564266141740000000" << false;
    QTest::newRow("dash moved") << "123e456-7e89b-12d3-a456-426614174000" << false;
    QTest::newRow("group of 5") << "123e4567-e89b1-2d3-a456-426614174000" << false;
    QTest::newRow("non-hex g") << "123e4567-e89b-12d3-a456-42661417400g" << false;
    QTest::newRow("non-hex first") << "z23e4567-e89b-12d3-a456-426614174000" << false;
    QTest::newRow("space inside") << "123e4567-e89b-12d3-a456 426614174000" << false;
    QTest::newRow("trailing space") << "123e4567-e89b-12d3-a456-42661417400 " << false;
    QTest::newRow("underscores") << "123e4567_e89b_12d3_a456_426614174000" << false;
    QTest::newRow("urn") << "urn:uuid:123e4567-e89b-12d3-a456-426614174000" << false;
    QTest::newRow("fullwidth digit")
        << QString::fromUtf8("\xEF\xBC\x91""23e4567-e89b-12d3-a456-42661417400") << false;
}

void TestTextChecks::isGuid()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(TextChecks::isGuid(text), valid);
}

void TestTextChecks::isEmail_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("noc") << "noc@example.net" << true;
    QTest::newRow("dots plus tag subdomains") << "first.last+tag@sub.example.co.uk" << true;
    QTest::newRow("upper case") << "NOC@Example.NET" << true;
    QTest::newRow("two-letter tld") << "a@b.co" << true;
    QTest::newRow("apostrophe") << "o'brien@example.ie" << true;
    QTest::newRow("underscore in local") << "peering_team@example.com" << true;
    QTest::newRow("digits") << "noc24x7@as64500.example.com" << true;
    QTest::newRow("hyphen in label") << "noc@ix-example.net" << true;
    QTest::newRow("punycode label") << "noc@xn--bcher-kva.example" << true;
    QTest::newRow("64-char local part") << QString(64, u'a') + QStringLiteral("@example.com") << true;
    QTest::newRow("63-char label") << QStringLiteral("a@") + QString(63, u'b') + QStringLiteral(".com")
                                   << true;

    QTest::newRow("empty") << "" << false;
    QTest::newRow("one letter") << "a" << false;
    QTest::newRow("no local part") << "@x.com" << false;
    QTest::newRow("no domain") << "a@" << false;
    QTest::newRow("single-label domain") << "a@b" << false;
    QTest::newRow("one-letter tld") << "a@b.c" << false;
    QTest::newRow("double dot local") << "a..b@x.com" << false;
    QTest::newRow("leading dot local") << ".a@x.com" << false;
    QTest::newRow("trailing dot local") << "a.@x.com" << false;
    QTest::newRow("label starts with hyphen") << "a@-x.com" << false;
    QTest::newRow("label ends with hyphen") << "a@x-.com" << false;
    QTest::newRow("double dot domain") << "a@x..com" << false;
    QTest::newRow("leading dot domain") << "a@.x.com" << false;
    QTest::newRow("trailing dot domain") << "a@x.com." << false;
    QTest::newRow("space in local") << "a b@x.com" << false;
    QTest::newRow("leading space") << " a@x.com" << false;
    QTest::newRow("trailing space") << "a@x.com " << false;
    QTest::newRow("underscore in domain") << "a@x_y.com" << false;
    QTest::newRow("two at signs") << "a@b@x.com" << false;
    QTest::newRow("numeric tld") << "a@x.123" << false;
    QTest::newRow("digit in tld") << "a@x.c0m" << false;
    QTest::newRow("ip literal") << "a@[192.0.2.1]" << false;
    QTest::newRow("quoted local") << "\"a b\"@x.com" << false;
    QTest::newRow("non-ascii local") << QString::fromUtf8("j\xC3\xB6rg@example.de") << false;
    QTest::newRow("non-ascii domain") << QString::fromUtf8("a@b\xC3\xBC""cher.de") << false;
    QTest::newRow("display name") << "NOC <noc@example.net>" << false;
    QTest::newRow("comma list") << "a@x.com,b@x.com" << false;
    QTest::newRow("65-char local part") << QString(65, u'a') + QStringLiteral("@example.com")
                                        << false;
    QTest::newRow("64-char label") << QStringLiteral("a@") + QString(64, u'b') + QStringLiteral(".com")
                                   << false;
    QTest::newRow("over 254 characters")
        << QStringLiteral("a@") + QString(62, u'b') + u'.' + QString(62, u'c') + u'.'
               + QString(62, u'd') + u'.' + QString(62, u'e') + QStringLiteral(".com")
        << false;
}

void TestTextChecks::isEmail()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(TextChecks::isEmail(text), valid);
}

void TestTextChecks::emailDomain_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("domain");
    QTest::newRow("plain") << "noc@example.net" << "example.net";
    QTest::newRow("lower-cased") << "NOC@Example.NET" << "example.net";
    QTest::newRow("last at") << "a@b@c.com" << "c.com";
    QTest::newRow("no at") << "example.net" << "";
    QTest::newRow("empty") << "" << "";
}

void TestTextChecks::emailDomain()
{
    QFETCH(QString, text);
    QFETCH(QString, domain);
    QCOMPARE(TextChecks::emailDomain(text), domain);
}

void TestTextChecks::isFreeMailDomain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("free");

    QTest::newRow("gmail") << "gmail.com" << true;
    QTest::newRow("gmail upper case") << "GMail.COM" << true;
    QTest::newRow("googlemail") << "googlemail.com" << true;
    QTest::newRow("outlook") << "outlook.com" << true;
    QTest::newRow("hotmail") << "hotmail.com" << true;
    QTest::newRow("yahoo") << "yahoo.com" << true;
    QTest::newRow("proton") << "proton.me" << true;
    QTest::newRow("web.de") << "web.de" << true;
    QTest::newRow("hotmail.co.uk") << "hotmail.co.uk" << true;
    QTest::newRow("regional yahoo.co.jp") << "yahoo.co.jp" << true;
    QTest::newRow("regional yahoo.com.br") << "yahoo.com.br" << true;
    QTest::newRow("regional hotmail.es") << "hotmail.es" << true;
    QTest::newRow("regional outlook.de") << "outlook.de" << true;
    QTest::newRow("regional live.nl") << "live.nl" << true;
    QTest::newRow("regional gmail.de") << "gmail.de" << true;

    QTest::newRow("corporate") << "example.net" << false;
    QTest::newRow("microsoft") << "microsoft.com" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("brand inside a name") << "mygmail.com" << false;
    QTest::newRow("brand as suffix") << "noc.gmail-example.com" << false;
    // A company's own host names that merely start with a brand word are not free mail.
    QTest::newRow("outlook.example.com") << "outlook.example.com" << false;
    QTest::newRow("live.ix.example") << "live.ix.example" << false;
    QTest::newRow("gmail.com.example.net") << "gmail.com.example.net" << false;
    QTest::newRow("yahoo.example") << "yahoo.example" << false;
}

void TestTextChecks::isFreeMailDomain()
{
    QFETCH(QString, domain);
    QFETCH(bool, free);
    QCOMPARE(TextChecks::isFreeMailDomain(domain), free);
    QCOMPARE(TextChecks::isFreeMailDomain(TextChecks::emailDomain(QStringLiteral("noc@") + domain)),
             free);
}

void TestTextChecks::parseIsoDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("date"); // invalid QDate: must be rejected

    QTest::newRow("plain") << "2026-11-21" << QDate(2026, 11, 21);
    QTest::newRow("leap day 2028") << "2028-02-29" << QDate(2028, 2, 29);
    QTest::newRow("leap day 2000") << "2000-02-29" << QDate(2000, 2, 29);
    QTest::newRow("new year's eve") << "1999-12-31" << QDate(1999, 12, 31);
    QTest::newRow("first day") << "2026-01-01" << QDate(2026, 1, 1);

    QTest::newRow("no leap day 2026") << "2026-02-29" << QDate();
    QTest::newRow("no leap day 1900") << "1900-02-29" << QDate();
    QTest::newRow("short month and day") << "2026-1-1" << QDate();
    QTest::newRow("short day") << "2026-01-1" << QDate();
    QTest::newRow("slashes") << "2026/01/01" << QDate();
    QTest::newRow("basic format") << "20260101" << QDate();
    QTest::newRow("month 13") << "2026-13-01" << QDate();
    QTest::newRow("month 0") << "2026-00-10" << QDate();
    QTest::newRow("day 32") << "2026-01-32" << QDate();
    QTest::newRow("april 31") << "2026-04-31" << QDate();
    QTest::newRow("day 0") << "2026-01-00" << QDate();
    QTest::newRow("year 0") << "0000-01-01" << QDate();
    QTest::newRow("empty") << "" << QDate();
    QTest::newRow("date-time") << "2026-01-01T00:00:00Z" << QDate();
    QTest::newRow("leading space") << " 2026-01-01" << QDate();
    QTest::newRow("trailing space") << "2026-01-01 " << QDate();
    QTest::newRow("signed year") << "+202-01-01" << QDate();
    QTest::newRow("letters") << "yyyy-mm-dd" << QDate();
    QTest::newRow("fullwidth digit") << QString::fromUtf8("202\xEF\xBC\x96-01-01") << QDate();
    QTest::newRow("day-month-year") << "21-11-2026" << QDate();
}

void TestTextChecks::parseIsoDate()
{
    QFETCH(QString, text);
    QFETCH(QDate, date);
    const std::optional<QDate> d = TextChecks::parseIsoDate(text);
    QCOMPARE(d.has_value(), date.isValid());
    if (d) {
        QCOMPARE(*d, date);
        QCOMPARE(d->toString(Qt::ISODate), text);
    }
}

void TestTextChecks::parseIsoDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("utc"); // the instant in UTC; invalid: must be rejected
    QTest::addColumn<int>("offset");    // seconds east of UTC the result carries

    const auto utc = [](int y, int mo, int d, int h, int mi, int s = 0, int ms = 0) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    };
    QTest::newRow("Z") << "2026-11-21T10:00:00Z" << utc(2026, 11, 21, 10, 0) << 0;
    QTest::newRow("+02:00") << "2026-11-21T10:00:00+02:00" << utc(2026, 11, 21, 8, 0) << 7200;
    QTest::newRow("-05:30") << "2026-11-21T10:00:00-05:30" << utc(2026, 11, 21, 15, 30) << -19800;
    QTest::newRow("+00:00") << "2026-11-21T10:00:00+00:00" << utc(2026, 11, 21, 10, 0) << 0;
    QTest::newRow("no zone is UTC") << "2026-11-21T10:00:00" << utc(2026, 11, 21, 10, 0) << 0;
    QTest::newRow("no seconds, no zone") << "2026-11-21T10:00" << utc(2026, 11, 21, 10, 0) << 0;
    QTest::newRow("milliseconds") << "2026-11-21T10:00:00.250Z" << utc(2026, 11, 21, 10, 0, 0, 250)
                                  << 0;
    QTest::newRow("crosses midnight")
        << "2026-11-21T01:00:00+03:00" << utc(2026, 11, 20, 22, 0) << 10800;
    // Instants that do not exist, or exist twice, in Europe/Berlin local time.
    QTest::newRow("no zone in a DST gap") << "2026-03-29T02:30:00" << utc(2026, 3, 29, 2, 30) << 0;
    QTest::newRow("no zone in a DST overlap")
        << "2026-10-25T02:30:00" << utc(2026, 10, 25, 2, 30) << 0;
    QTest::newRow("summer, no zone") << "2026-07-01T12:00:00" << utc(2026, 7, 1, 12, 0) << 0;

    QTest::newRow("empty") << "" << QDateTime() << 0;
    QTest::newRow("date only") << "2026-11-21" << QDateTime() << 0;
    QTest::newRow("space separator") << "2026-11-21 10:00:00Z" << QDateTime() << 0;
    QTest::newRow("lower-case t") << "2026-11-21t10:00:00Z" << QDateTime() << 0;
    QTest::newRow("hour 25") << "2026-11-21T25:00:00Z" << QDateTime() << 0;
    QTest::newRow("minute 60") << "2026-11-21T10:60:00Z" << QDateTime() << 0;
    QTest::newRow("second 60") << "2026-11-21T10:00:60Z" << QDateTime() << 0;
    QTest::newRow("no leap day") << "2026-02-29T10:00:00Z" << QDateTime() << 0;
    QTest::newRow("space before Z") << "2026-11-21T10:00:00 Z" << QDateTime() << 0;
    QTest::newRow("one-digit hour") << "2026-11-21T1:00:00Z" << QDateTime() << 0;
    QTest::newRow("garbage") << "not a date and time" << QDateTime() << 0;
    QTest::newRow("trailing garbage") << "2026-11-21T10:00:00Zjunk" << QDateTime() << 0;
}

void TestTextChecks::parseIsoDateTime()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, utc);
    QFETCH(int, offset);
    const std::optional<QDateTime> dt = TextChecks::parseIsoDateTime(text);
    QCOMPARE(dt.has_value(), utc.isValid());
    if (!dt)
        return;
    QVERIFY(dt->isValid());
    QCOMPARE(dt->toMSecsSinceEpoch(), utc.toMSecsSinceEpoch());
    QCOMPARE(dt->offsetFromUtc(), offset);
    // Never local time: the result does not depend on where the program runs.
    QVERIFY(dt->timeSpec() != Qt::LocalTime);
}

int main(int argc, char **argv)
{
    qputenv("TZ", "Europe/Berlin");
    QCoreApplication app(argc, argv);
    TestTextChecks test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_textchecks.moc"
