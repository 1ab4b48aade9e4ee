#include "screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace Peering {

namespace {

const QScreen *screenOf(const QWidget *widget)
{
    if (widget) {
        if (const QScreen *s = widget->screen())
            return s;
        if (const QWidget *parent = widget->parentWidget())
            if (const QScreen *s = parent->screen())
                return s;
    }
    return QGuiApplication::primaryScreen();
}

QRect availableRect(const QWidget *widget)
{
    const QScreen *s = screenOf(widget);
    return s ? s->availableGeometry() : QRect(0, 0, 1024, 768);
}

// Room for the window manager's frame and title bar.
constexpr int FrameAllowance = 40;

} // namespace

QSize ScreenFit::available(const QWidget *widget)
{
    const QRect r = availableRect(widget);
    return QSize(qMax(1, r.width() - FrameAllowance / 2), qMax(1, r.height() - FrameAllowance));
}

QSize ScreenFit::clamp(const QWidget *widget, QSize preferred)
{
    const QSize room = available(widget);
    return preferred.boundedTo(room).expandedTo(widget ? widget->minimumSize().boundedTo(room)
                                                       : QSize());
}

void ScreenFit::resize(QWidget *widget, QSize preferred)
{
    const QSize size = clamp(widget, preferred);
    widget->resize(size);
    const QRect area = availableRect(widget);
    // The window manager's frame: as it is once shown, else an allowance for the title bar.
    const QSize extra = widget->isVisible()
                            ? widget->frameGeometry().size() - widget->geometry().size()
                            : QSize(FrameAllowance / 4, FrameAllowance / 2);
    QRect frame(widget->pos(), size + extra);
    if (frame.right() > area.right())
        frame.moveRight(area.right());
    if (frame.bottom() > area.bottom())
        frame.moveBottom(area.bottom());
    if (frame.left() < area.left())
        frame.moveLeft(area.left());
    if (frame.top() < area.top())
        frame.moveTop(area.top());
    if (frame.topLeft() != widget->pos())
        widget->move(frame.topLeft());
}

bool ScreenFit::fits(const QWidget *widget)
{
    const QRect area = availableRect(widget);
    return area.contains(widget->frameGeometry());
}

} // namespace Peering
