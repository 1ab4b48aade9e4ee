// A focus ring on push buttons for styles that draw the focused button like the default one.
// With Fusion both get the same thin highlighted outline, so with focus on Cancel a keyboard
// user cannot tell whether Space presses Cancel or Enter presses Next. The ring is drawn once
// the window is used from the keyboard, as the style's own focus cues are.
#pragma once

#include <QProxyStyle>

namespace Peering {

class FocusRingStyle : public QProxyStyle
{
    Q_OBJECT
public:
    explicit FocusRingStyle(const QString &baseStyle);

    // Wraps the application's style when it is one that needs the ring (Fusion); other styles
    // draw focus differently from the default button already and are left as they are.
    static void installIfNeeded();

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
};

} // namespace Peering
