// What the main window shows instead of an empty table: a store without onboardings says how to
// start (a new onboarding, importing documents, or the bundled example), with a button for each.
#pragma once

#include <QWidget>

class QPushButton;

namespace Peering {

class EmptyListPage : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyListPage(QWidget *parent = nullptr);

    QPushButton *newButton() const { return m_new; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *exampleButton() const { return m_example; }

Q_SIGNALS:
    void newOnboardingRequested();
    void importRequested();
    void exampleRequested();

private:
    QPushButton *m_new;
    QPushButton *m_import;
    QPushButton *m_example;
};

} // namespace Peering
