// Quoting of user text for the shells that exported scripts run in.
#pragma once

#include <QString>

namespace Peering {

class ShellQuote
{
public:
    // A POSIX shell word: 'text' with every ' written as '\''. Safe for any input, including
    // newlines, $(...), backticks and double quotes: nothing inside single quotes is expanded.
    static QString bash(const QString &text);
    // A PowerShell verbatim string: 'text' with every single quote (also the typographic ones,
    // which PowerShell treats as quotes too) doubled.
    static QString powerShell(const QString &text);
    // Text for a one-line comment in either shell: line breaks become spaces.
    static QString comment(const QString &text);
};

} // namespace Peering
