// Add or edit one direct peering connection with its BGP session. Session address provider and
// use-for-Peering-Service are fixed as the portal sets them; every field shows its finding live,
// computed by validating the whole onboarding with this connection in place.
#pragma once

#include "domain/onboarding.h"
#include "peeringdb/peeringdbchoices.h"
#include "validation/finding.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QFormLayout;
class QScrollArea;

namespace Peering {

class FieldBinder;

class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    // peering and index locate the connection in onboarding; index == -1 adds a new one.
    ConnectionDialog(const Onboarding &onboarding, int peering, int index, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    Connection connection() const;
    // The PeeringDB cache's facilities: a picker of Microsoft's facilities in the peering's
    // metro (filling id and name together), narrowed to those shared with an exchange on demand.
    // Without a cache the fields stay typed by hand, with a line offering a sync.
    void setPeeringDbChoices(const PeeringDbChoices &choices);
    // The choices of the bandwidth box: the Gbps steps Microsoft offers, and 100 Gbps LAGs.
    static QList<qint64> bandwidthChoices();
    static QString bandwidthLabel(qint64 mbps);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateFindings();
    void addRow(QFormLayout *form, const QString &label, QWidget *widget, const QString &field);
    void setBandwidth(qint64 mbps);
    void fillFacilityPicker();
    // Grows the dialog so that every message is whole (within the screen; beyond, it scrolls).
    void growToFit();

    Onboarding m_onboarding;
    int m_peering;
    int m_index;
    Connection m_original;

    QComboBox *m_role;
    QSpinBox *m_facilityId;
    QLineEdit *m_facilityName;
    QComboBox *m_facilityPicker;
    QComboBox *m_commonExchange;
    QLabel *m_peeringDbLine;
    PeeringDbChoices m_peeringDb;
    QLineEdit *m_routers;
    QComboBox *m_bandwidth;
    QCheckBox *m_lacp;
    QCheckBox *m_firewall;
    QCheckBox *m_rateLimited;
    QComboBox *m_state;
    QLineEdit *m_prefixV4;
    QLineEdit *m_peerV4;
    QLineEdit *m_microsoftV4;
    QLineEdit *m_prefixV6;
    QLineEdit *m_peerV6;
    QLineEdit *m_microsoftV6;
    QSpinBox *m_maxV4;
    QSpinBox *m_maxV6;
    QLineEdit *m_md5;
    QLabel *m_md5Note = nullptr; // a key typed where no keychain will keep it

    QScrollArea *m_scroll;
    QWidget *m_content;
    Findings m_findings;
    FieldBinder *m_fields;
};

} // namespace Peering
