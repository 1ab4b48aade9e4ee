// Page 2: the peer ASN association (PeerAsn resource): ASN, names, contacts, approval state.
#pragma once

#include "onboardingpage.h"

class QComboBox;
class QLabel;
class QPushButton;
class QLineEdit;
class QTableWidget;

namespace Peering {

class PeerAsnPage : public OnboardingPage
{
    Q_OBJECT
public:
    explicit PeerAsnPage(OnboardingWizard *wizard);

protected:
    void refreshFromDraft() override;

private:
    void updateAsnClass();
    void storeContacts();
    void fillContacts();

    QLineEdit *m_onboardingName;
    QLineEdit *m_asn;
    QLabel *m_asnFixed;
    QLabel *m_asnClass;
    QLineEdit *m_peerName;
    QPushButton *m_peeringDbName; // "Use PeeringDB's name: ..." for the typed ASN (net?asn=)
    QLineEdit *m_name;
    QComboBox *m_state;
    QLabel *m_stateNote;
    QTableWidget *m_contacts;

    void updatePeeringDbName();
};

} // namespace Peering
