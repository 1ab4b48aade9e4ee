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
    // The candidates are found in the whole text at once; each is then sorted to a side by the
    // words of its own line (worked out once per line).
    const QStringView all(text);
    qsizetype cachedLine = -1;
    QString cachedSide;
    const auto sideAt = [&](qsizetype at) -> const QString & {
        const qsizetype begin = all.lastIndexOf(u'\n', at) + 1;
        if (begin != cachedLine) {
            cachedLine = begin;
            qsizetype end = all.indexOf(u'\n', at);
            if (end < 0)
                end = all.size();
            const QStringView line = all.mid(begin, std::min<qsizetype>(end - begin, 4096));
            const bool ms = microsoft.match(line).hasMatch();
            const bool pe = peer.match(line).hasMatch();
            // Neither side, or both: not ours to guess.
            cachedSide = ms == pe ? QString() : ms ? QStringLiteral("microsoft") : QStringLiteral("peer");
        }
        return cachedSide;
    };
    const auto add = [&](const QString &side, const QString &key, const QString &value) {
        QStringList &list = out[side + key];
        if (!list.contains(value) && list.size() < 64)
            list.append(value);
    };
    if (all.size() > 4 * 1024 * 1024)
        return out; // no session-address mail is that long
    auto i4 = v4.globalMatch(all);
    while (i4.hasNext()) {
        const QRegularExpressionMatch m = i4.next();
        if (!Ipv4Address::parse(m.capturedView(1)))
            continue;
        const QString &side = sideAt(m.capturedStart());
        if (side.isEmpty())
            continue;
        const QString prefix = m.captured(2);
        add(side, QStringLiteral("IPv4"), prefix == QLatin1String("/31") || prefix.isEmpty()
                                              ? m.captured(1) + prefix
                                              : m.captured(1));
    }
    if (!all.contains(u':'))
        return out;
    cachedLine = -1;
    auto i6 = v6.globalMatch(all);
    while (i6.hasNext()) {
        const QRegularExpressionMatch m = i6.next();
        if (!m.capturedView(1).contains(u':') || !Ipv6Address::parse(m.capturedView(1)))
            continue;
        const QString &side = sideAt(m.capturedStart());
        if (side.isEmpty())
            continue;
        const QString prefix = m.captured(2);
        add(side, QStringLiteral("IPv6"), prefix == QLatin1String("/127") || prefix.isEmpty()
                                              ? m.captured(1) + prefix
                                              : m.captured(1));
    }
    return out;
}

} // namespace Peering
