#include "fieldrow.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Peering {

QLabel *FieldRow::makeMessage(QWidget *owner, QWidget *widget)
{
    auto *message = new QLabel(owner);
    message->setObjectName(widget->objectName() + QStringLiteral("Message"));
    message->setWordWrap(true);
    message->setVisible(false);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return message;
}

void FieldRow::add(QFormLayout *form, QWidget *owner, const QString &label, QWidget *widget,
                   QLabel *message)
{
    auto *box = new QWidget(owner);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(widget);
    v->addWidget(message);
    if (label.isEmpty()) {
        if (auto *check = qobject_cast<QCheckBox *>(widget))
            widget->setAccessibleName(check->text().remove(u'&'));
        form->addRow(QString(), box);
        return;
    }
    auto *caption = new QLabel(label, owner);
    caption->setBuddy(widget);
    QString plain = label;
    plain.remove(u'&');
    if (plain.endsWith(u':'))
        plain.chop(1);
    widget->setAccessibleName(plain);
    form->addRow(caption, box);
}

} // namespace Peering
