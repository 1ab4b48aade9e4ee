// Window sizes that fit the screen: a preferred size is clamped to the available geometry of the
// screen the window is (or will be) on, so that no button is off-screen at a large scale factor
// or on a small screen.
#pragma once

#include <QSize>

class QWidget;

namespace Peering {

class ScreenFit
{
public:
    // The available size of the widget's screen (its parent's, else the primary screen's).
    static QSize available(const QWidget *widget);
    // preferred, clamped to the available screen size (never below the widget's minimum size).
    static QSize clamp(const QWidget *widget, QSize preferred);
    // Resizes to the clamped preferred size and moves the window inside the available area.
    static void resize(QWidget *widget, QSize preferred);
    // True when the widget's frame lies wholly within its screen's available area (tests).
    static bool fits(const QWidget *widget);
};

} // namespace Peering
