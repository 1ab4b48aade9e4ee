#include "textchecks.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace Peering::TextChecks {

namespace {

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isAtext(QChar c)
{
    if (c.unicode() > 127)
        return false;
    if (c.isLetterOrNumber())
        return true;
    static const QString specials = QStringLiteral("!#$%&'*+-/=?^_`{|}~");
    return specials.contains(c);
}

bool isLdh(QChar c)
{
    return c.unicode() < 128 && (c.isLetterOrNumber() || c == u'-');
}

} // namespace

bool isHiddenCharacter(char32_t c)
{
    if (c < 0x20)
        return c != u'\t' && c != u'\n';
    if (c >= 0x7f && c <= 0x9f)
        return true;
    return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
}

std::optional<char32_t> firstHiddenCharacter(QStringView text)
{
    for (const char32_t c : text.toUcs4())
        if (isHiddenCharacter(c))
            return c;
    return std::nullopt;
}

QString describeCharacter(char32_t c)
{
    static const QHash<char32_t, const char *> names {
        {0x00, "NUL"}, {0x07, "BEL"}, {0x08, "BACKSPACE"}, {0x0d, "CARRIAGE RETURN"}, {0x1b, "ESC"},
        {0x7f, "DEL"}, {0x9b, "CSI"}, {0x061c, "ARABIC LETTER MARK"}, {0x200e, "LEFT-TO-RIGHT MARK"},
        {0x200f, "RIGHT-TO-LEFT MARK"}, {0x202a, "LEFT-TO-RIGHT EMBEDDING"},
        {0x202b, "RIGHT-TO-LEFT EMBEDDING"}, {0x202c, "POP DIRECTIONAL FORMATTING"},
        {0x202d, "LEFT-TO-RIGHT OVERRIDE"}, {0x202e, "RIGHT-TO-LEFT OVERRIDE"},
        {0x2066, "LEFT-TO-RIGHT ISOLATE"}, {0x2067, "RIGHT-TO-LEFT ISOLATE"},
        {0x2068, "FIRST STRONG ISOLATE"}, {0x2069, "POP DIRECTIONAL ISOLATE"}};
    const QString code = QStringLiteral("U+") + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
    const char *name = names.value(c, c < 0x20 || (c >= 0x7f && c <= 0x9f) ? "a control character" : nullptr);
    return name ? QStringLiteral("%1 (%2)").arg(code, QLatin1String(name)) : code;
}

bool isGuid(QStringView t)
{
    if (t.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? t[i] != u'-' : !isHex(t[i]))
            return false;
    }
    return true;
}

bool isEmail(QStringView t)
{
    if (t.size() > 254)
        return false;
    const qsizetype at = t.lastIndexOf(u'@');
    if (at <= 0 || at > 64)
        return false;
    const QStringView local = t.left(at);
    const QStringView domain = t.mid(at + 1);
    if (local.front() == u'.' || local.back() == u'.' || local.contains(u".."))
        return false;
    for (QChar c : local)
        if (c != u'.' && !isAtext(c))
            return false;
    const auto labels = domain.split(u'.');
    if (labels.size() < 2)
        return false;
    for (const QStringView label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.front() == u'-' || label.back() == u'-')
            return false;
        for (QChar c : label)
            if (!isLdh(c))
                return false;
    }
    const QStringView tld = labels.back();
    if (tld.size() < 2)
        return false;
    for (QChar c : tld)
        if (!c.isLetter())
            return false;
    return true;
}

QString emailDomain(QStringView t)
{
    const qsizetype at = t.lastIndexOf(u'@');
    return at < 0 ? QString() : t.mid(at + 1).toString().toLower();
}

bool isFreeMailDomain(QStringView domain)
{
    static const QSet<QString> free{
        QStringLiteral("gmail.com"),      QStringLiteral("googlemail.com"),
        QStringLiteral("yahoo.com"),      QStringLiteral("ymail.com"),
        QStringLiteral("hotmail.com"),    QStringLiteral("outlook.com"),
        QStringLiteral("live.com"),       QStringLiteral("msn.com"),
        QStringLiteral("aol.com"),        QStringLiteral("icloud.com"),
        QStringLiteral("me.com"),         QStringLiteral("mail.com"),
        QStringLiteral("gmx.com"),        QStringLiteral("gmx.net"),
        QStringLiteral("gmx.de"),         QStringLiteral("web.de"),
        QStringLiteral("yandex.com"),     QStringLiteral("yandex.ru"),
        QStringLiteral("mail.ru"),        QStringLiteral("protonmail.com"),
        QStringLiteral("proton.me"),      QStringLiteral("zoho.com"),
        QStringLiteral("qq.com"),         QStringLiteral("163.com"),
        QStringLiteral("126.com"),        QStringLiteral("yahoo.co.uk"),
        QStringLiteral("hotmail.co.uk"),  QStringLiteral("yahoo.fr"),
        QStringLiteral("hotmail.fr"),     QStringLiteral("laposte.net"),
        QStringLiteral("free.fr"),        QStringLiteral("orange.fr"),
        QStringLiteral("t-online.de"),    QStringLiteral("libero.it"),
        QStringLiteral("rediffmail.com"), QStringLiteral("tutanota.com"),
    };
    const QString d = domain.toString().toLower();
    if (free.contains(d))
        return true;
    // Regional variants: yahoo.co.jp, yahoo.com.br, hotmail.es, outlook.de, ... The brand must be
    // followed by a (country) top-level domain only: outlook.example.com is a company's host.
    static const QRegularExpression regional(QStringLiteral(
        "^(yahoo|hotmail|outlook|live|gmail)\\.(com|((co|com)\\.)?[a-z]{2})$"));
    return regional.match(d).hasMatch();
}

std::optional<QDate> parseIsoDate(QStringView text)
{
    if (text.size() != 10 || text[4] != u'-' || text[7] != u'-')
        return std::nullopt;
    const QDate d = QDate::fromString(text.toString(), Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<QDateTime> parseIsoDateTime(QStringView text)
{
    if (text.size() < 16 || text[10] != u'T')
        return std::nullopt;
    // Without a zone designator Qt reads local time, which does not exist in a daylight-saving
    // gap (the parse fails) and is ambiguous in an overlap; read such text as UTC directly.
    const QStringView time = text.mid(11);
    const bool hasZone = time.endsWith(u'Z') || time.contains(u'+') || time.contains(u'-');
    const QDateTime dt = QDateTime::fromString(
        hasZone ? text.toString() : text.toString() + u'Z', Qt::ISODateWithMs);
    if (!dt.isValid() || dt.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return dt;
}

} // namespace Peering::TextChecks
