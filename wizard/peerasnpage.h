// Page 2: the peer ASN association (PeerAsn resource): ASN, names, contacts, approval state.
#pragma once

#include "onboardingpage.h"

#include <QPointer>

class QComboBox;
class QLabel;
class QPushButton;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace Peering {

class PeeringDbLookup;

class PeerAsnPage : public OnboardingPage
{
    Q_OBJECT
public:
    explicit PeerAsnPage(OnboardingWizard *wizard);
    // The pause in typing after which a typed ASN is looked up in PeeringDB.
    static constexpr int LookupPauseMs = 600;

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
    void lookUpLater();
    void lookUpNow();
    bool isTyped(qint64 asn) const;
    void showLookupNote(qint64 asked, const QString &text);

    // The live lookup (net?asn=) of a typed ASN the cache does not know, after a pause in typing.
    QTimer *m_lookupTimer;
    QLabel *m_lookupNote;
    QPointer<PeeringDbLookup> m_connectedLookup; // the lookup whose answers this page shows
};

} // namespace Peering
