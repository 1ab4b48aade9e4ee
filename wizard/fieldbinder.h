// Binds input widgets to field paths of an onboarding and shows the validator's findings for
// each field once the user has left it (or tried to go on): every finding of the field at once,
// worded by what it blocks, as a wrapped message under the widget, the widget's tooltip and its
// accessible description. The wizard's pages and the connection dialog both use it, so a field
// looks and behaves the same everywhere.
#pragma once

#include "domain/onboarding.h"
#include "validation/finding.h"

#include <QObject>
#include <QString>

#include <functional>

class QFormLayout;
class QLabel;
class QWidget;

namespace Peering {

class FieldBinder : public QObject
{
    Q_OBJECT
public:
    using PathFn = std::function<QString()>;
    // Where the findings come from, and the document they are about (to name rows in words).
    using FindingsFn = std::function<const Findings &()>;
    using DocumentFn = std::function<const Onboarding &()>;
    // True when an error keeps the user from going on (Next, Save); other errors only block
    // Create and are worded as such.
    using BlocksFn = std::function<bool(const Finding &)>;

    FieldBinder(QWidget *owner, FindingsFn findings, DocumentFn document);

    void setBlocks(BlocksFn blocks) { m_blocks = std::move(blocks); }

    // Binds a widget; the returned label shows its findings (the caller places it). With
    // matchChildren, findings of fields below the path count too (tables of items), each
    // prefixed with the item it is about.
    QLabel *bind(QWidget *widget, PathFn path, bool matchChildren = false);
    // "label: widget" in the form with the message below the widget; the label is the widget's
    // buddy and gives its accessible name. Returns the message label.
    QLabel *addRow(QFormLayout *form, const QString &label, QWidget *widget, PathFn path);
    // The widget whose findings a bound container shows (a line edit inside a row widget).
    void setFocusWidget(QWidget *bound, QWidget *focus);

    void touch(QWidget *widget);
    void touchAll();
    bool isTouched(QWidget *widget) const;
    // True when the widget's message is shown now.
    bool isShown(QWidget *widget) const;
    // Focuses the widget bound to the path and shows its findings.
    bool focusPath(const QString &path);
    bool hasPath(const QString &path) const;

    // Renders every message from the current findings.
    void update();

    // The findings that belong to a bound path (matchChildren as for bind).
    static Findings findingsFor(const Findings &all, const QString &path, bool matchChildren);

Q_SIGNALS:
    // The messages changed (e.g. shown or hidden): owners that size themselves to their
    // content adjust.
    void messagesChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Binding
    {
        QWidget *widget;
        QWidget *focus;
        QLabel *label;
        PathFn path;
        bool matchChildren = false;
        bool touched = false;
    };
    Binding *find(QWidget *widget);
    const Binding *find(QWidget *widget) const;

    QWidget *m_owner;
    FindingsFn m_findings;
    DocumentFn m_document;
    BlocksFn m_blocks;
    QList<Binding> m_bindings;
};

} // namespace Peering
