// One e-mail as the importer reads it: where it came from, the headers that identify and
// classify it (decoded to Unicode), its date in UTC, and its text (plain text; HTML reduced to
// text, nothing loaded). Values only: the GMime objects it was read from are gone.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Peering {

struct MailMessage
{
    QString file; // the path it was read from
    int index = 0; // position in an mbox, 0-based; 0 for other sources
    QString messageId; // "<id@host>", or "sha256:<hex>" of the raw message when it has none
    bool hasMessageId = false;
    QString from; // the address only
    QString fromName; // the display name, decoded
    QString subject; // decoded
    QDateTime date; // UTC; invalid when missing or impossible (never the import time)
    QString dateProblem; // why the date is invalid, for people
    QString text; // the body as plain text
    QString textProblem; // why there is no text (only attachments, too large, ...), or empty
};

} // namespace Peering
