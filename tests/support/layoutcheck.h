// Checks of what a person sees: no visible label, button or field whose text is cut, and no
// widget cut by its window (ScreenFit::fits says whether a window fits its screen). Used by the
// screenshot tests, which assert these besides writing the PNGs.
#pragma once

#include <QAbstractButton>
#include <QLabel>
#include <QStringList>
#include <QWidget>

namespace Peering::TestSupport {

// The visible labels and buttons below root whose text does not fit their box, described.
inline QStringList clippedTexts(QWidget *root)
{
    QStringList out;
    const auto describe = [](QWidget *w, const QString &text, const QSize &need) {
        return QStringLiteral("%1 \"%2\": needs %3x%4, has %5x%6")
            .arg(w->objectName().isEmpty() ? QLatin1String(w->metaObject()->className())
                                           : w->objectName(),
                 text.left(60))
            .arg(need.width())
            .arg(need.height())
            .arg(w->width())
            .arg(w->height());
    };
    for (QLabel *l : root->findChildren<QLabel *>()) {
        if (!l->isVisibleTo(root) || l->text().isEmpty() || l->pixmap().isNull() == false)
            continue;
        const QRect box = l->contentsRect();
        if (l->wordWrap()) {
            const int need = l->heightForWidth(l->width());
            if (need > l->height() + 1)
                out.append(describe(l, l->text(), QSize(l->width(), need)));
        } else {
            const QSize need = l->sizeHint() - QSize(2 * l->margin(), 2 * l->margin());
            if (need.width() - 2 * l->frameWidth() > box.width() + 1)
                out.append(describe(l, l->text(), l->sizeHint()));
        }
    }
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>()) {
        if (!b->isVisibleTo(root) || b->text().isEmpty())
            continue;
        if (b->minimumSizeHint().width() > b->width() + 1)
            out.append(describe(b, b->text(), b->minimumSizeHint()));
    }
    // Cut from the side by a container (a scroll area without a horizontal scroll bar, a
    // window too narrow): what is left of the widget is narrower than the widget. Cuts at the
    // top or bottom of a scroll area are scrolling, not clipping.
    for (QWidget *w : root->findChildren<QWidget *>()) {
        const bool hasText = qobject_cast<QLabel *>(w) || qobject_cast<QAbstractButton *>(w)
                             || QLatin1String(w->metaObject()->className()) == QLatin1String("QLineEdit")
                             || QLatin1String(w->metaObject()->className()) == QLatin1String("QComboBox");
        if (!hasText || !w->isVisible() || w->width() <= 0)
            continue;
        const QRegion seen = w->visibleRegion();
        if (seen.isEmpty())
            continue; // scrolled out of view
        if (seen.boundingRect().width() + 1 < w->width())
            out.append(QStringLiteral("%1: cut to %2 of %3 px wide")
                           .arg(w->objectName().isEmpty() ? QLatin1String(w->metaObject()->className())
                                                          : w->objectName())
                           .arg(seen.boundingRect().width())
                           .arg(w->width()));
    }
    return out;
}

// The widget is shown wholly inside its window (not cut by the window's edge).
inline bool insideWindow(const QWidget *w)
{
    const QRect r(w->mapTo(w->window(), QPoint(0, 0)), w->size());
    return w->window()->rect().contains(r);
}

} // namespace Peering::TestSupport
