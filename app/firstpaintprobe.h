// Measures start-up to the first painted window (--measure-startup): prints the milliseconds
// since the process entered main() once the window has painted, then quits.
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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QElapsedTimer m_started;
    bool m_done = false;
};

} // namespace Peering
