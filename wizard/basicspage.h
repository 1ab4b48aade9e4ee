// Page 3: Basics of the selected peering: subscription, resource group, peering name. These and
// the peer ASN cannot be changed after creation, which the page says plainly.
#pragma once

#include "onboardingpage.h"

class QLabel;
class QLineEdit;

namespace Peering {

class BasicsPage : public OnboardingPage
{
    Q_OBJECT
public:
    explicit BasicsPage(OnboardingWizard *wizard);

protected:
    void refreshFromDraft() override;

private:
    QLineEdit *m_subscription;
    QLineEdit *m_resourceGroup;
    QLineEdit *m_name;
    QLabel *m_created;
};

} // namespace Peering
