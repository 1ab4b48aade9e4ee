#include "mailextractor.h"

#include "domain/ipv4.h"
#include "domain/ipv6.h"

#include <QRegularExpression>

namespace Peering {

const QStringList &MailExtractor::keys()
{
    static const QStringList k {QStringLiteral("peerIPv4"), QStringLiteral("microsoftIPv4"),
                                QStringLiteral("peerIPv6"), QStringLiteral("microsoftIPv6")};
    return k;
}

QMap<QString, QStringList> MailExtractor::extract(const QString &text)
{
    QMap<QString, QStringList> out;
    for (const QString &k : keys())
        out.insert(k, {});
    static const QRegularExpression microsoft(QStringLiteral("\\b(microsoft|msft|azure)\\b"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression peer(
        QStringLiteral("\\b(peer|customer|your|ixp?|route[- ]server|partner)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    // Candidates: dotted quads and runs of hex digits and colons (checked by the domain parsers).
    static const QRegularExpression v4(
        QStringLiteral("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(/\\d{1,2})?(?![\\d.]*\\d)"));
    static const QRegularExpression v6(
        QStringLiteral("(?<![0-9A-Fa-f:])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(/\\d{1,3})?"
                       "(?![0-9A-Fa-f:])"));
    int lines = 0;
    const QStringView all(text);
    for (qsizetype start = 0; start < all.size();) {
        qsizetype end = all.indexOf(u'\n', start);
        if (end < 0)
            end = all.size();
        const QStringView line = all.mid(start, end - start);
        start = end + 1;
        if (++lines > 20000)
            break; // a text of that many lines is no session-address mail
        if (line.size() > 4096)
            continue;
        // Cheap first: a line with an address has a digit and a dot or a colon.
        bool digit = false, dot = false, colon = false;
        for (const QChar ch : line) {
            const char16_t u = ch.unicode();
            digit = digit || (u >= u'0' && u <= u'9');
            dot = dot || u == u'.';
            colon = colon || u == u':';
            if (digit && dot && colon)
                break;
        }
        if (!digit || (!dot && !colon))
            continue;
        const bool ms = microsoft.match(line).hasMatch();
        const bool pe = peer.match(line).hasMatch();
        if (ms == pe)
            continue; // neither side, or both: not ours to guess
        const QString side = ms ? QStringLiteral("microsoft") : QStringLiteral("peer");
        const auto add = [&](const QString &key, const QString &value) {
            QStringList &list = out[side + key];
            if (!list.contains(value))
                list.append(value);
        };
        auto i4 = v4.globalMatch(line);
        while (dot && i4.hasNext()) {
            const QRegularExpressionMatch m = i4.next();
            if (!Ipv4Address::parse(m.captured(1)))
                continue;
            const QString prefix = m.captured(2);
            add(QStringLiteral("IPv4"), prefix == QLatin1String("/31") || prefix.isEmpty()
                                            ? m.captured(1) + prefix
                                            : m.captured(1));
        }
        auto i6 = v6.globalMatch(line);
        while (colon && i6.hasNext()) {
            const QRegularExpressionMatch m = i6.next();
            if (!m.captured(1).contains(QLatin1String(":")) || !Ipv6Address::parse(m.captured(1)))
                continue;
            const QString prefix = m.captured(2);
            add(QStringLiteral("IPv6"), prefix == QLatin1String("/127") || prefix.isEmpty()
                                            ? m.captured(1) + prefix
                                            : m.captured(1));
        }
    }
    return out;
}

} // namespace Peering
