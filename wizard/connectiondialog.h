// Add or edit one direct peering connection with its BGP session. Session address provider and
// use-for-Peering-Service are fixed as the portal sets them; every field shows its finding live,
// computed by validating the whole onboarding with this connection in place.
#pragma once

#include "domain/onboarding.h"
#include "validation/finding.h"

#include <QDialog>
#include <QSet>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QFormLayout;

namespace Peering {

class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    // peering and index locate the connection in onboarding; index == -1 adds a new one.
    ConnectionDialog(const Onboarding &onboarding, int peering, int index, QWidget *parent = nullptr);

    Connection connection() const;

private:
    void updateFindings();
    void addRow(QFormLayout *form, const QString &label, QWidget *widget, const QString &field);

    Onboarding m_onboarding;
    int m_peering;
    int m_index;
    Connection m_original;

    QComboBox *m_role;
    QSpinBox *m_facilityId;
    QLineEdit *m_facilityName;
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

    struct FieldMessage
    {
        QString field;
        QLabel *label;
        QWidget *widget;
    };
    QList<FieldMessage> m_messages;
    QSet<QWidget *> m_touched;
};

} // namespace Peering
