// Measures start-up (--measure-startup): prints the milliseconds from main() to the first painted
// window ("startup-ms") and to the window being ready with its data ("ready-ms", when the caller
// says so through ready()), then quits.
#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace Peering {

class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    // started must be running since the start of main().
    FirstPaintProbe(QWidget *window, const QElapsedTimer &started);

    // The window's data is in (e.g. the store opened and listed).
    void ready();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finishWhenBoth();

    QElapsedTimer m_started;
    double m_paintMs = -1;
    double m_readyMs = -1;
    bool m_done = false;
};

} // namespace Peering
