// Drives the real wizard as a user would: typing into fields, choosing with the keyboard, clicking
// Next (never QWizard::next(), which skips isComplete()), and answering modal dialogs.
#pragma once

#include "onboardingwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QWizard>

#include <functional>

namespace Peering::TestSupport {

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QLatin1String(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

// Replaces the text of a line edit by typing, as a user would (select all, then type).
inline void typeInto(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    // Leaving the field is what shows its finding.
    QTest::keyClick(edit, Qt::Key_Tab);
}

inline void typeIntoCombo(QComboBox *combo, const QString &text)
{
    QVERIFY(combo && combo->lineEdit());
    typeInto(combo->lineEdit(), text);
}

inline void chooseByKeyboard(QComboBox *combo, const QString &text)
{
    QVERIFY(combo);
    combo->setFocus();
    const int target = combo->findText(text);
    QVERIFY2(target >= 0, qPrintable(text));
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentText(), text);
}

// Types lines into a multi-line editor, pressing Return between them.
inline void typeLines(QWidget *editor, const QStringList &lines)
{
    QVERIFY(editor);
    for (const QString &line : lines) {
        QTest::keyClicks(editor, line);
        QTest::keyClick(editor, Qt::Key_Return);
    }
}

inline void typeIntoCell(QTableWidget *table, int row, int column, const QString &text)
{
    table->setFocus();
    table->setCurrentCell(row, column);
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != table);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

inline QAbstractButton *nextButton(QWizard &w)
{
    return w.button(QWizard::NextButton);
}

inline void clickNext(QWizard &w)
{
    QAbstractButton *next = nextButton(w);
    QVERIFY(next->isVisible());
    QVERIFY2(next->isEnabled(), qPrintable(QStringLiteral("Next is disabled on page %1").arg(w.currentId())));
    QTest::mouseClick(next, Qt::LeftButton);
}

// Runs fn on the next modal dialog that opens (the connection dialog, the paste dialog).
inline void onNextModal(std::function<void(QWidget *)> fn)
{
    QTimer::singleShot(0, [fn] {
        QWidget *modal = QApplication::activeModalWidget();
        QVERIFY(modal);
        fn(modal);
    });
}

// Fills every page of a fresh wizard with a clean onboarding by typing and clicking, and stops
// on the Review page with the confirmation ticked. Check QTest::currentTestFailed() after.
void fillCleanOnboarding(OnboardingWizard &w, const QString &name);

} // namespace Peering::TestSupport
