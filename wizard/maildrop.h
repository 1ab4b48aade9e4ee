// What a drop onto a window holds as milestone mail: local files (.eml, mboxes, Maildir folders
// from a file manager or a mail client that drags messages as files) or a message dragged as
// message/rfc822 data. The main window and the tracker accept the same drops.
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

class QMimeData;

namespace Peering {

struct MailDrop
{
    QStringList paths;
    QList<QByteArray> messages;

    bool isEmpty() const { return paths.isEmpty() && messages.isEmpty(); }
    // True when the data holds mail to import (for dragEnterEvent).
    static bool accepts(const QMimeData *data);
    static MailDrop from(const QMimeData *data);
};

} // namespace Peering
