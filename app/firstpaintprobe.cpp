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
        // Taken after this paint event has been handled, i.e. the window has been painted.
        QTimer::singleShot(0, this, [this] {
            m_paintMs = double(m_started.nsecsElapsed()) / 1e6;
            finishWhenBoth();
        });
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintProbe::ready()
{
    if (m_readyMs < 0)
        m_readyMs = double(m_started.nsecsElapsed()) / 1e6;
    finishWhenBoth();
}

void FirstPaintProbe::finishWhenBoth()
{
    if (m_paintMs < 0 || m_readyMs < 0)
        return;
    std::printf("startup-ms %.3f\nready-ms %.3f\n", m_paintMs, m_readyMs);
    std::fflush(stdout);
    QCoreApplication::quit();
}

} // namespace Peering
