// Standard output or standard error as a QIODevice for the command line's text streams. On a
// terminal, control characters (ESC, BEL, CR, ... but not newline and tab) and bidi controls
// (U+202E and its kin) in the text are written as visible escapes ("\x1b", "\u202e"): a name in a
// document can neither drive the terminal nor reorder what it shows. To a file or a pipe the
// text goes as it is.
#pragma once

#include <QByteArray>
#include <QIODevice>

#include <cstdio>

namespace Peering {

class TerminalOutput : public QIODevice
{
public:
    explicit TerminalOutput(FILE *stream);
    ~TerminalOutput() override;

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override;

private:
    // The text as a terminal gets it; an incomplete UTF-8 sequence at its end waits in pending.
    static QByteArray escaped(const QByteArray &utf8, QByteArray *pending);

    FILE *m_stream;
    bool m_escape;
    QByteArray m_pending; // the start of a UTF-8 sequence whose end has not come yet
};

} // namespace Peering
