// Page 1: the technical requirements as a checklist; each item is ticked as met or waived with a
// note, and says why Microsoft asks for it and whether the document already satisfies it.
#pragma once

#include "onboardingpage.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace Peering {

class RequirementsPage : public OnboardingPage
{
    Q_OBJECT
public:
    explicit RequirementsPage(OnboardingWizard *wizard);

protected:
    void refreshFromDraft() override;
    void showFindings() override;

private:
    struct Row
    {
        QString id;
        QString rule;
        QComboBox *status;
        QLineEdit *note;
        QLabel *check;
    };
    void updateChecks();
    void store(const Row &row);

    QList<Row> m_rows;
};

} // namespace Peering
