#include "maildrop.h"

#include <QMimeData>
#include <QUrl>

namespace Peering {

namespace {

const QString &rfc822()
{
    static const QString type = QStringLiteral("message/rfc822");
    return type;
}

} // namespace

bool MailDrop::accepts(const QMimeData *data)
{
    if (!data)
        return false;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile())
            return true;
    return data->hasFormat(rfc822());
}

MailDrop MailDrop::from(const QMimeData *data)
{
    MailDrop drop;
    if (!data)
        return drop;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile())
            drop.paths.append(url.toLocalFile());
    if (drop.paths.isEmpty() && data->hasFormat(rfc822()))
        drop.messages.append(data->data(rfc822()));
    return drop;
}

} // namespace Peering
