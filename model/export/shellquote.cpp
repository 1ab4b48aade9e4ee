#include "shellquote.h"

namespace Peering {

QString ShellQuote::bash(const QString &text)
{
    QString out = QStringLiteral("'");
    for (const QChar c : text) {
        if (c == u'\'')
            out += QStringLiteral("'\\''");
        else
            out += c;
    }
    out += u'\'';
    return out;
}

QString ShellQuote::powerShell(const QString &text)
{
    QString out = QStringLiteral("'");
    for (const QChar c : text) {
        out += c;
        // PowerShell accepts U+2018, U+2019, U+201A and U+201B as single quotes as well.
        if (c == u'\'' || c == QChar(0x2018) || c == QChar(0x2019) || c == QChar(0x201A)
            || c == QChar(0x201B))
            out += c;
    }
    out += u'\'';
    return out;
}

QString ShellQuote::comment(const QString &text)
{
    QString out = text;
    for (QChar &c : out)
        if (c == u'\n' || c == u'\r' || c == QChar(0x2028) || c == QChar(0x2029))
            c = u' ';
    // "#>" would end a PowerShell block comment early.
    out.replace(QStringLiteral("#>"), QStringLiteral("# >"));
    return out;
}

} // namespace Peering
