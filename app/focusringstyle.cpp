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
    // The button's one-pixel outline made two pixels wider inwards, in the highlight colour:
    // unmistakable next to the default button's thin outline, clear of the text of a tight
    // button, and inside the rect, so no layout changes.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(option->palette.color(QPalette::Highlight), 2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(option->rect).adjusted(1.5, 1.5, -1.5, -1.5), 2, 2);
    painter->restore();
}

} // namespace Peering
