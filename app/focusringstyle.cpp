#include "focusringstyle.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOption>

namespace Peering {

FocusRingStyle::FocusRingStyle(const QString &baseStyle)
    : QProxyStyle(baseStyle)
{
}

void FocusRingStyle::installIfNeeded()
{
    const QString name = QApplication::style()->name();
    if (name.compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
        QApplication::setStyle(new FocusRingStyle(name));
}

void FocusRingStyle::drawControl(ControlElement element, const QStyleOption *option,
                                 QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawControl(element, option, painter, widget);
    if (element != CE_PushButton || !(option->state & State_HasFocus)
        || !(option->state & State_KeyboardFocusChange))
        return;
    // Two pixels of the highlight colour just inside the button's own frame: unmistakable next
    // to the default button's one-pixel outline, and inside the rect, so no layout changes.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(option->palette.color(QPalette::Highlight), 2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(option->rect).adjusted(2, 2, -2, -2), 2, 2);
    painter->restore();
}

} // namespace Peering
