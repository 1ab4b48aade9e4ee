// The tracker of one stored onboarding: the flowchart (click a stage for its evidence), the
// timeline, the milestones (tick a stage reached, move an expected date, replan from a start
// date with days per stage), the deployment step after Create, the customer ASNs with
// their prefix keys (register, copy key, mark delivered) and the connection states with their
// history, their own stage and utilization. Every change is saved through OnboardingStore::save with the version
// the window loaded; a conflict is reported and the window reloads the stored version.
#pragma once

#include "tracking/onboardingplan.h"
#include "tracking/trackingservice.h"
#include "store/onboardingstore.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

class QComboBox;
class QDialog;
class QDragEnterEvent;
class QDropEvent;
class QPlainTextEdit;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace Peering {

class FlowchartView;
class PlanDialog;
class TimelineView;

class TrackerWindow : public QWidget
{
    Q_OBJECT
public:
    TrackerWindow(OnboardingStore *store, const QString &name, QWidget *parent = nullptr);
    ~TrackerWindow() override;

    // Pinned in tests: "now" (UTC) decides today's date in the window's time zone.
    void setNow(const QDateTime &now);
    void setTimeZone(const QTimeZone &zone);
    QDate today() const;

    // Loads the stored onboarding again; false (with the message shown) when it is gone.
    bool reload();
    const StoredOnboarding &stored() const { return m_stored; }
    QString message() const;

    FlowchartView *flowchart() const { return m_flowchart; }
    TimelineView *timeline() const { return m_timeline; }
    QTabWidget *tabs() const { return m_tabs; }

    // The actions behind the buttons (tests call them with values instead of dialogs).
    bool markReached(const QString &stage, QDate date, const QString &note);
    // The explicit step after Create: the portal deployment succeeded on that date
    // (TrackingChange::recordDeployment). The bar that offers it shows while it is not recorded.
    bool recordDeployment(QDate date, const QString &note);
    bool setExpected(const QString &stage, QDate date);
    // Moves the stages not yet reached to start + their day (OnboardingPlan::replan); reached
    // milestones keep their dates. Nothing is saved when nothing moves.
    bool replan(QDate start, const QList<OnboardingPlan::Step> &steps);
    // The Replan button: the plan dialog on this onboarding's current plan and start date
    // (window-modal, deleted on close); OK calls replan. Returned so tests can drive it.
    PlanDialog *openReplanDialog();
    bool registerCustomerAsn(const QString &name,
                             const QString &asn,
                             const QString &peering,
                             const QString &prefixKey);
    // The selected customer changed or removed, through the tracking service.
    bool editCustomerAsn(int row, const QString &name, const QString &asn, const QString &peering,
                         const QString &prefixKey);
    bool removeCustomerAsn(int row);
    bool copyKey(int row);
    bool markKeyDelivered(int row);
    bool setConnectionState(int row, const QString &state, int utilizationPercent);

    // Mail: files (.eml, mbox, Maildir) and messages dropped as data made evidence of this
    // onboarding through the tracking service (MailImport::importInto); what was found is said.
    bool importMail(const QStringList &paths, const QList<QByteArray> &messages = {});
    // The mail of a row of the Mail tab (in date order, undated last) assigned to a stage by hand (empty: unclassified).
    bool assignMail(int row, const QString &stage);
    // The session addresses found in a row's mail, offered for the connection it names (or the
    // one the user picks): nothing changes until the dialog is accepted. Window-modal, deleted on
    // close; returned so tests can drive it. Nothing when the mail holds no addresses.
    QDialog *openApplyAddresses(int row);

Q_SIGNALS:
    void saved(const QString &name);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // The customer ASN of a table row, or nothing (and the window says to select one).
    const RegisteredAsn *customerAt(int row);
    // The mail log index of a row of the Mail tab (rows are in date order), or -1.
    int mailIndex(int row) const;
    // Applies one change through TrackingService; says what was done, or why not.
    bool change(const TrackingService::Change &fn, const QString &what);
    bool handle(const StoreError &error);
    void showMessage(const QString &text, bool problem);
    void refreshViews();
    void showEvidence(const QString &stage);
    QString nowText() const;

    OnboardingStore *m_store;
    QString m_name;
    StoredOnboarding m_stored;
    QDateTime m_now;
    QTimeZone m_zone;

    QTabWidget *m_tabs;
    FlowchartView *m_flowchart;
    QTextBrowser *m_evidence;
    TimelineView *m_timeline;
    QLabel *m_lagNotice;
    QTreeWidget *m_milestones;
    QDateEdit *m_reachedDate;
    QLineEdit *m_reachedNote;
    QDateEdit *m_expectedDate;
    QTableWidget *m_customers;
    QLineEdit *m_customerName;
    QLineEdit *m_customerAsn;
    QComboBox *m_customerPeering;
    QLineEdit *m_prefixKey;
    QTableWidget *m_connections;
    QTableWidget *m_mail;
    QPlainTextEdit *m_mailText;
    QComboBox *m_mailStage;
    QPushButton *m_applyAddresses;
    QWidget *m_deploymentBar;
    QDateEdit *m_deploymentDate;
    QLineEdit *m_deploymentNote;
    QComboBox *m_connectionState;
    QSpinBox *m_utilization;
    QLabel *m_message;
};

} // namespace Peering
