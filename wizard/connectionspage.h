// Page 5: every connection of every peering in one table (the rules on bandwidth, redundancy,
// diversity and backups span metros), with add, edit, duplicate and remove on the selected
// peering, and the BGP sessions the mesh will make of them.
#pragma once

#include "onboardingpage.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace Peering {

class ConnectionsPage : public OnboardingPage
{
    Q_OBJECT
public:
    explicit ConnectionsPage(OnboardingWizard *wizard);

    // Opens the connection dialog for a new connection of the selected peering.
    void addConnection();
    bool focusPath(const QString &path) override;

protected:
    void refreshFromDraft() override;
    void showFindings() override;

private:
    // (peering index, connection index) of the selected row, or (-1, -1).
    std::pair<int, int> selected() const;
    void editSelected();
    void duplicateSelected();
    void removeSelected();
    void fillTable();

    QTableWidget *m_table;
    QLabel *m_sessions;
    QPushButton *m_edit;
    QPushButton *m_duplicate;
    QPushButton *m_remove;
};

} // namespace Peering
