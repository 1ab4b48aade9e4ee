// The peering (one per metro) that the Basics, Configuration and Connections pages edit, with
// add, duplicate and remove metro.
#pragma once

#include <QWidget>

class QComboBox;
class QPushButton;

namespace Peering {

class OnboardingWizard;

class PeeringSelector : public QWidget
{
    Q_OBJECT
public:
    explicit PeeringSelector(OnboardingWizard *wizard, QWidget *parent = nullptr);

private:
    void refresh();

    OnboardingWizard *m_wizard;
    QComboBox *m_combo;
    QPushButton *m_remove;
    bool m_refreshing = false;
};

} // namespace Peering
