// The main window: the onboardings of the store (sortable, filterable), new onboardings and
// edits through the wizard with autosaved drafts, document import, and store conflicts resolved
// by the user, and the default tracking plan (Settings). It talks to the store only through the
// model layer's OnboardingStore.
#pragma once

#include "domain/onboarding.h"
#include "store/md5keychain.h"
#include "store/onboardingstore.h"

#include <QDate>
#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Peering {

class MailSettingsDialog;
class PeeringDbDialog;
class PeeringDbLookup;
class MailWatcher;

class EmptyListPage;
class OnboardingListModel;
class OnboardingListProxy;
class OnboardingWizard;
class PlanDialog;
class TrackerWindow;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // From an edit in a wizard to its draft's autosave.
    static constexpr int AutosavePauseMs = 400;

    // storeArgument: --store as given (empty: the last store from the settings, else the default).
    enum class StoreOpening { Now, AfterFirstPaint };
    // With AfterFirstPaint the window shows at once and opens the store from the event loop, so
    // a large or remote store never delays the first paint; storeReady() tells when it is done.
    explicit MainWindow(const QString &storeArgument = {}, QWidget *parent = nullptr,
                        StoreOpening opening = StoreOpening::Now);
    ~MainWindow() override;

    // Opens the store; on failure the window says why and offers Switch Store, and nothing is
    // written anywhere.
    bool openStore(const QString &url);
    OnboardingStore *store() const { return m_store.get(); }

    void refresh();
    // After a save or a removal: only these onboardings' rows change.
    void refreshOne(const QStringList &names);
    // Starts the wizard on a new onboarding; returns it (tests drive it).
    OnboardingWizard *newOnboarding();
    // Opens a stored onboarding in the wizard.
    OnboardingWizard *editOnboarding(const QString &name);
    // Imports documents into the store; says what happened to each. Returns how many were stored.
    int importFiles(const QStringList &files);
    // Opens a document file in the wizard's Review page (nothing is stored unless Create).
    void checkDocumentFile(const QString &file);
    // Opens the bundled example onboarding in the wizard as a new onboarding (nothing is stored
    // unless Create); returns it (tests drive it).
    OnboardingWizard *openExample();
    // Offers the drafts of the last session (also called at start-up).
    void offerDrafts();
    // Opens the tracker (flowchart, timeline, milestones, customer ASNs) of a stored onboarding;
    // its saves refresh the list. Returns it (tests drive it); nullptr when it cannot be loaded.
    TrackerWindow *trackOnboarding(const QString &name);
    // Settings > Default Tracking Plan: the plan dialog on the default plan of new onboardings
    // (window-modal, deleted on close); OK stores it in the settings. Returned for tests.
    PlanDialog *editDefaultPlan();
    // Pinned in tests (days left / overdue).
    void setToday(QDate today);

    // Milestone mail (files, mboxes, Maildirs, messages dropped as data) imported as evidence of
    // an onboarding, or, with no name, of the onboarding each mail names. Says what happened in
    // the status bar and returns that line.
    QString importMail(const QStringList &paths, const QList<QByteArray> &messages,
                       const QString &name);
    // Settings > Mail...: watched folders and classification rules (window-modal, deleted on
    // close); OK keeps them and watches the folders. Returned for tests.
    MailSettingsDialog *editMailSettings();
    // Settings > PeeringDB...: the service, the key, and a sync (nullptr without a store).
    PeeringDbDialog *editPeeringDbSettings();
    MailWatcher *mailWatcher() const { return m_mailWatcher; }

    QTableView *table() const { return m_table; }
    OnboardingListProxy *proxy() const { return m_proxy; }

Q_SIGNALS:
    // The store was opened (or refused) and the list filled.
    void storeReady();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showCount();
    // Resumed: the draft is in the store from an earlier session (Cancel must not lose it).
    enum class DraftOrigin { New, Resumed };
    // stored: the onboarding as it is in the store when the wizard edits one (the draft may be
    // a later, resumed state of it), else null.
    OnboardingWizard *openWizard(const Onboarding &onboarding, const StoredOnboarding *stored,
                                 int storedVersion, const QString &draftId, DraftOrigin origin);
    bool commit(OnboardingWizard *wizard, const Onboarding &onboarding);
    void tellKeysNotKept(const QString &name, const Md5Keychain::Outcome &secrets);
    void chooseImport();
    void chooseStore();
    void removeSelected();
    void exportSelected();
    void checkDocument();
    void showAbout();
    QString selectedName() const;
    void updateActions();

    std::unique_ptr<OnboardingStore> m_store;
    QString m_pendingStore;
    bool m_openAfterPaint = false;
    QString m_storeError;
    OnboardingListModel *m_model;
    OnboardingListProxy *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_storeProblem;
    QStackedWidget *m_stack;
    QLabel *m_storeLabel;
    QLabel *m_countLabel;
    QWidget *m_listPage = nullptr;
    EmptyListPage *m_emptyPage;
    QList<QAction *> m_storeActions;
    QAction *m_editAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_trackAction = nullptr;
    QDate m_today; // pinned "today" (tests); invalid: the real date
    MailWatcher *m_mailWatcher = nullptr;
    PeeringDbLookup *m_peeringDbLookup = nullptr; // the wizards' live net?asn= lookups

    struct Session
    {
        qint64 storedId = 0;     // 0 for a new onboarding
        int storedVersion = 0;   // the version the edit started from
        QString draftId;
        Onboarding initial;      // to tell whether there is anything to keep on Cancel
        bool resumed = false;    // the draft was stored before this session
        QTimer *autosave = nullptr; // runs from an edit to the draft's save (AutosavePauseMs)
    };
    // Saves the wizard's draft now if an edit is waiting for its autosave.
    void flushDraft(OnboardingWizard *wizard);
    void saveDraftNow(OnboardingWizard *wizard);
    QHash<OnboardingWizard *, Session> m_sessions;
};

} // namespace Peering
