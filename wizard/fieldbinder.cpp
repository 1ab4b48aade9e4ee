#include "fieldbinder.h"

#include "fieldrow.h"
#include "validation/fieldlabel.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QWidget>

#include <algorithm>

namespace Peering {

FieldBinder::FieldBinder(QWidget *owner, FindingsFn findings, DocumentFn document)
    : QObject(owner)
    , m_owner(owner)
    , m_findings(std::move(findings))
    , m_document(std::move(document))
    , m_blocks([](const Finding &) { return true; })
{
}

QLabel *FieldBinder::bind(QWidget *widget, PathFn path, bool matchChildren)
{
    QLabel *label = FieldRow::makeMessage(m_owner, widget);
    widget->installEventFilter(this);
    m_bindings.append(Binding{widget, widget, label, std::move(path), matchChildren});
    return label;
}

QLabel *FieldBinder::addRow(QFormLayout *form, const QString &label, QWidget *widget, PathFn path)
{
    QLabel *message = bind(widget, std::move(path));
    FieldRow::add(form, m_owner, label, widget, message);
    return message;
}

void FieldBinder::setFocusWidget(QWidget *bound, QWidget *focus)
{
    if (Binding *b = find(bound)) {
        b->focus = focus;
        focus->installEventFilter(this);
    }
}

FieldBinder::Binding *FieldBinder::find(QWidget *widget)
{
    for (Binding &b : m_bindings)
        if (b.widget == widget || b.focus == widget)
            return &b;
    return nullptr;
}

const FieldBinder::Binding *FieldBinder::find(QWidget *widget) const
{
    return const_cast<FieldBinder *>(this)->find(widget);
}

bool FieldBinder::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut)
        touch(qobject_cast<QWidget *>(watched));
    return QObject::eventFilter(watched, event);
}

void FieldBinder::touch(QWidget *widget)
{
    Binding *b = find(widget);
    if (b && !b->touched) {
        b->touched = true;
        update();
    }
}

void FieldBinder::touchAll()
{
    for (Binding &b : m_bindings)
        b.touched = true;
    update();
}

bool FieldBinder::isTouched(QWidget *widget) const
{
    const Binding *b = find(widget);
    return b && b->touched;
}

bool FieldBinder::isShown(QWidget *widget) const
{
    const Binding *b = find(widget);
    return b && !b->label->isHidden();
}

bool FieldBinder::hasPath(const QString &path) const
{
    for (const Binding &b : m_bindings)
        if (b.path() == path)
            return true;
    return false;
}

Findings FieldBinder::findingsFor(const Findings &all, const QString &path, bool matchChildren)
{
    Findings out;
    for (const Finding &f : all) {
        const bool child = matchChildren && f.path.size() > path.size() && f.path.startsWith(path)
                           && (f.path.at(path.size()) == u'[' || f.path.at(path.size()) == u'.');
        // A field's own sub-items (peerRouters[1]) belong to it.
        const bool item = !matchChildren && f.path.size() > path.size() && f.path.startsWith(path)
                          && f.path.at(path.size()) == u'[';
        if (f.path == path || child || item)
            out.append(f);
    }
    // Errors first, then warnings; the validator's order within each.
    std::stable_sort(out.begin(), out.end(), [](const Finding &a, const Finding &b) {
        return int(a.severity) < int(b.severity);
    });
    return out;
}

void FieldBinder::update()
{
    const Findings &all = m_findings();
    bool changed = false;
    for (Binding &b : m_bindings) {
        const QString path = b.path();
        const Findings mine = b.touched ? findingsFor(all, path, b.matchChildren) : Findings{};
        QStringList html;
        QStringList plain;
        for (const Finding &f : mine) {
            QString message = f.message;
            // In a table, say which row a finding is about.
            if (b.matchChildren && f.path != path) {
                const QString where = FieldLabel::location(m_document(), f.path);
                if (!where.isEmpty())
                    message = tr("%1: %2").arg(where, message);
            }
            if (plain.contains(message))
                continue; // the same words twice say nothing more
            QString prefix;
            QString colour;
            if (f.severity == Severity::Error && m_blocks(f)) {
                prefix = tr("Error:");
                colour = QStringLiteral("#b00020");
            } else if (f.severity == Severity::Error) {
                // Does not block going on, only Create: say so, in its own style.
                prefix = tr("Needed before Create:");
                colour = QStringLiteral("#0b4f8a");
            } else {
                prefix = tr("Warning:");
                colour = QStringLiteral("#7a5c00");
            }
            plain.append(message);
            html.append(QStringLiteral("<span style=\"color:%1\"><b>%2</b> %3</span>")
                            .arg(colour, prefix.toHtmlEscaped(), message.toHtmlEscaped()));
        }
        const bool visible = !html.isEmpty();
        const QString text = html.join(QStringLiteral("<br>"));
        const QString description = plain.join(u'\n');
        if (b.label->text() != text || b.label->isHidden() == visible)
            changed = true;
        b.label->setText(text);
        b.label->setToolTip(description);
        b.label->setVisible(visible);
        for (QWidget *w : {b.widget, b.focus}) {
            w->setAccessibleDescription(description);
            w->setToolTip(description);
        }
    }
    if (changed)
        Q_EMIT messagesChanged();
}

bool FieldBinder::focusPath(const QString &path)
{
    for (Binding &b : m_bindings)
        if (b.path() == path) {
            b.touched = true;
            update();
            b.focus->setFocus(Qt::OtherFocusReason);
            return true;
        }
    return false;
}

} // namespace Peering
