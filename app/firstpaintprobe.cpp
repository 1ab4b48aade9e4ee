#include "firstpaintprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace Peering {

FirstPaintProbe::FirstPaintProbe(QWidget *window, const QElapsedTimer &started)
    : QObject(window)
    , m_started(started)
{
    window->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_done) {
        m_done = true;
        // Report after this paint event has been handled, i.e. the window has been painted.
        QTimer::singleShot(0, this, [this] {
            std::printf("startup-ms %.3f\n", double(m_started.nsecsElapsed()) / 1e6);
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Peering
