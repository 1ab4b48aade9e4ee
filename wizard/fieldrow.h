// A form row of the wizard: "label: widget" with a message label for the field's finding under
// the widget. The label is the widget's buddy (keyboard mnemonic) and gives its accessible name.
#pragma once

#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace Peering {

class FieldRow
{
public:
    // A hidden, word-wrapped label named after the widget ("<objectName>Message").
    static QLabel *makeMessage(QWidget *owner, QWidget *widget);
    // Adds the row. An empty label makes the widget span the row (a check box, named by its text).
    static void add(QFormLayout *form, QWidget *owner, const QString &label, QWidget *widget,
                    QLabel *message);
};

} // namespace Peering
