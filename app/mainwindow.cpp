#include "tracking/trackedstore.h"
#include "mainwindow.h"

#include "document/onboardingdocument.h"
#include "emptylistpage.h"
#include "exportdialog.h"
#include "importreport.h"
#include "mailsettingsdialog.h"
#include "mailwatcher.h"
#include "maildrop.h"
#include "mail/mailimport.h"
#include "onboardinglistmodel.h"
#include "onboardinglistproxy.h"
#include "tracking/onboardingplan.h"
#include "tracking/trackingchange.h"
#include "onboardingwizard.h"
#include "plandialog.h"
#include "screenfit.h"
#include "peeringdb/peeringdbcache.h"
#include "peeringdb/peeringdbchoices.h"
#include "peeringdb/peeringdblookup.h"
#include "peeringdb/peeringdbsettings.h"
#include "peeringdbdialog.h"
#include "store/importoutcome.h"
#include "store/storelocation.h"
#include "store/storepasswords.h"
#include "validation/onboardingvalidator.h"

#include "trackerwindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSystemTrayIcon>
#include <QUrl>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>
#include <QUuid>
#include <QVBoxLayout>

namespace Peering {

namespace {

// The resource path of the example onboarding ("Open the Example").
constexpr const char ExampleDocument[] = ":/peering/examples/example-ix.json";

// The desktop's icon (freedesktop icon naming) where its theme has one, so the toolbar looks like
// the user's other programs; else ours, bundled.
QIcon themeIcon(const char *name)
{
    QIcon bundled;
    for (const int size : {24, 48})
        bundled.addFile(QStringLiteral(":/peering/icons/%1/%2.png").arg(size).arg(QLatin1String(name)),
                        QSize(size, size));
    return QIcon::fromTheme(QLatin1String(name), bundled);
}

} // namespace

MainWindow::MainWindow(const QString &storeArgument, QWidget *parent, StoreOpening opening)
    : QMainWindow(parent)
    , m_model(new OnboardingListModel(this))
    , m_proxy(new OnboardingListProxy(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_storeProblem(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_storeLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
    , m_emptyPage(new EmptyListPage(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Peering Onboarding Wizard"));

    m_proxy->setSourceModel(m_model);

    m_table->setObjectName(QStringLiteral("onboardingsTable"));
    m_table->setAccessibleName(tr("Onboardings"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(OnboardingListModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab goes on to the next control, as everywhere else; the arrow keys walk the rows.
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Columns fit the rows in view: measuring a thousand more on every sort or filter costs a
    // 50,000-row list a tenth of a second each time.
    m_table->horizontalHeader()->setResizeContentsPrecision(0);
    connect(m_table, &QTableView::activated, this, [this] {
        if (!selectedName().isEmpty())
            editOnboarding(selectedName());
    });

    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by name, ASN, metro or stage"));
    m_filter->setAccessibleName(tr("Filter onboardings"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &OnboardingListProxy::setFilterText);
    auto *filterLabel = new QLabel(tr("F&ilter:"), this);
    filterLabel->setBuddy(m_filter);

    m_listPage = new QWidget(this);
    m_listPage->setObjectName(QStringLiteral("listPage"));
    auto *listLayout = new QVBoxLayout(m_listPage);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    listLayout->addLayout(filterRow);
    listLayout->addWidget(m_table, 1);

    m_storeProblem->setObjectName(QStringLiteral("storeProblemLabel"));
    m_storeProblem->setWordWrap(true);
    m_storeProblem->setAlignment(Qt::AlignCenter);
    m_storeProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_listPage);
    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(m_storeProblem);
    connect(m_emptyPage, &EmptyListPage::newOnboardingRequested, this, [this] { newOnboarding(); });
    connect(m_emptyPage, &EmptyListPage::importRequested, this, &MainWindow::chooseImport);
    connect(m_emptyPage, &EmptyListPage::exampleRequested, this, [this] { openExample(); });
    setCentralWidget(m_stack);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    const auto action = [this](QMenu *menu, const QString &text, const char *name, auto slot,
                               const QKeySequence &key = {}) {
        QAction *a = menu->addAction(text, this, slot);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        return a;
    };
    QAction *create = action(file, tr("&New Onboarding..."), "newOnboardingAction",
                             [this] { newOnboarding(); }, QKeySequence::New);
    m_editAction = action(file, tr("&Edit Onboarding..."), "editOnboardingAction", [this] {
        if (!selectedName().isEmpty())
            editOnboarding(selectedName());
    }, QKeySequence(tr("Ctrl+E")));
    m_trackAction = action(file, tr("&Track Onboarding..."), "trackAction", [this] {
        if (!selectedName().isEmpty())
            trackOnboarding(selectedName());
    }, QKeySequence(tr("Ctrl+T")));
    QAction *import = action(file, tr("&Import Documents..."), "importAction",
                             &MainWindow::chooseImport, QKeySequence(tr("Ctrl+I")));
    m_exportAction = action(file, tr("E&xport Document..."), "exportAction",
                            &MainWindow::exportSelected, QKeySequence(tr("Ctrl+Shift+E")));
    m_removeAction = action(file, tr("&Delete Onboarding"), "deleteAction",
                            &MainWindow::removeSelected, QKeySequence::Delete);
    QAction *importMailAction = action(file, tr("Import &Mail..."), "importMailAction", [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Import Milestone Mail"), QString(),
            tr("Mail (*.eml *.mbox *.mbx *.txt);;All files (*)"));
        if (files.isEmpty())
            return;
        const QString summary = importMail(files, {}, selectedName());
        QMessageBox::information(this, tr("Import Mail"), summary);
    }, QKeySequence(tr("Ctrl+Shift+M")));
    QAction *drafts = action(file, tr("&Resume Drafts..."), "resumeDraftsAction",
                             &MainWindow::offerDrafts);
    file->addSeparator();
    action(file, tr("&Check Document File..."), "checkDocumentAction", &MainWindow::checkDocument,
           QKeySequence::Open);
    action(file, tr("S&witch Store..."), "switchStoreAction", &MainWindow::chooseStore);
    file->addSeparator();
    action(file, tr("&Quit"), "quitAction", &QWidget::close, QKeySequence::Quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    action(view, tr("&Refresh"), "refreshAction", &MainWindow::refresh, QKeySequence::Refresh);
    QAction *findAction = action(view, tr("&Filter"), "findAction", [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    }, QKeySequence::Find);
    Q_UNUSED(findAction)
    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    action(settingsMenu, tr("Default &Tracking Plan..."), "defaultPlanAction",
           [this] { editDefaultPlan(); });
    action(settingsMenu, tr("&Mail..."), "mailSettingsAction", [this] { editMailSettings(); });
    QAction *peeringDbAction = action(settingsMenu, tr("&PeeringDB..."), "peeringDbAction",
                                      [this] { editPeeringDbSettings(); });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *example = action(help, tr("Open the &Example"), "openExampleAction",
                              [this] { openExample(); });
    action(help, tr("&About"), "aboutAction", &MainWindow::showAbout);
    m_storeActions = {create, m_editAction, m_trackAction, import, m_exportAction, m_removeAction,
                      drafts, example, importMailAction, peeringDbAction};

    // Milestone mail: dropped on the window, or arriving in a watched Maildir.
    setAcceptDrops(true);
    m_mailWatcher = new MailWatcher(this);
    connect(m_mailWatcher, &MailWatcher::imported, this, [this](const QString &summary) {
        refresh();
        statusBar()->showMessage(summary, 30000);
        if (QSystemTrayIcon::isSystemTrayAvailable() && !isActiveWindow()) {
            auto *tray = findChild<QSystemTrayIcon *>();
            if (!tray) {
                tray = new QSystemTrayIcon(windowIcon(), this);
                tray->show();
            }
            tray->showMessage(tr("Milestone mail"), summary);
        }
    });
    connect(m_mailWatcher, &MailWatcher::problem, this,
            [this](const QString &text) { statusBar()->showMessage(text, 30000); });

    create->setIcon(themeIcon("document-new"));
    m_editAction->setIcon(themeIcon("document-properties"));
    m_trackAction->setIcon(themeIcon("x-office-calendar"));
    import->setIcon(themeIcon("document-open"));
    m_exportAction->setIcon(themeIcon("document-save-as"));
    // Short labels beside the icons: a first-time user reads what each one does, and the bar
    // still fits a small screen.
    create->setIconText(tr("New"));
    m_editAction->setIconText(tr("Edit"));
    m_trackAction->setIconText(tr("Track"));
    import->setIconText(tr("Import"));
    m_exportAction->setIconText(tr("Export"));
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(create);
    bar->addAction(m_editAction);
    bar->addAction(m_trackAction);
    bar->addAction(import);
    bar->addAction(m_exportAction);

    // Permanent widgets: a temporary message ("Saved ...") never hides how many there are.
    m_countLabel->setObjectName(QStringLiteral("onboardingCountLabel"));
    statusBar()->addPermanentWidget(m_countLabel);
    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    statusBar()->addPermanentWidget(m_storeLabel);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);

    // The last session's geometry, else the preferred size; either clamped to this screen, as
    // a geometry saved on a bigger screen (or at a smaller scale factor) would put the window's
    // edges and the status bar off-screen.
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        ScreenFit::resize(this, QSize(1100, 700));
    else if (!isMaximized() && !isFullScreen()) {
        if (!ScreenFit::fits(this)) // from a bigger screen: start again from this one's corner
            move(screen()->availableGeometry().topLeft());
        ScreenFit::resize(this, size());
    }
    if (opening == StoreOpening::Now) {
        openStore(storeArgument);
    } else {
        m_storeLabel->setText(tr("Opening the store..."));
        for (QAction *a : m_storeActions)
            a->setEnabled(false);
        m_pendingStore = storeArgument;
        m_openAfterPaint = true;
        installEventFilter(this);
    }
}

MainWindow::~MainWindow()
{
    // A wizard still open when the window goes: its last edits are in the draft.
    for (OnboardingWizard *wizard : m_sessions.keys())
        flushDraft(wizard);
    // The wizards (children) outlive this body: nothing of theirs may reach this window now.
    for (OnboardingWizard *wizard : findChildren<OnboardingWizard *>())
        wizard->disconnect(this);
}

bool MainWindow::openStore(const QString &url)
{
    m_store.reset();
    m_storeError.clear();
    const Result<StoreLocation> location = StoreLocation::resolve(url);
    if (!location) {
        m_storeError = location.error();
    } else {
        // A team store's password: PGPASSWORD or ~/.pgpass (libpq reads both), else the keychain;
        // when the server still refuses, ask, and offer to keep the answer in the keychain.
        StoreOptions options;
        const bool usesKeychain = location->isPostgreSql() && qEnvironmentVariableIsEmpty("PGPASSWORD");
        StorePasswords::supply(*location, options);
        auto opened = TrackedStore::open(*location, options);
        if (!opened && usesKeychain && opened.error().kind() == StoreError::Kind::Connection
            && opened.error().message().contains(QLatin1String("password"), Qt::CaseInsensitive)) {
            bool ok = false;
            const QString password = QInputDialog::getText(
                this, tr("Store Password"),
                tr("Password for %1:").arg(location->displayString()), QLineEdit::Password,
                QString(), &ok);
            if (ok && !password.isEmpty()) {
                options.password = password;
                opened = TrackedStore::open(*location, options);
                if (opened
                    && QMessageBox::question(this, tr("Store Password"),
                                             tr("Keep the password in the keychain for the next "
                                                "start?"))
                           == QMessageBox::Yes) {
                    const Status kept = StorePasswords::write(location->displayString(), password);
                    if (!kept)
                        statusBar()->showMessage(kept.error());
                }
            }
        }
        if (opened) {
            m_store = std::move(opened.value());
            // Remember the last store that opened, as the next start's default.
            QSettings().setValue(QLatin1String(StoreLocation::SettingsKey),
                                 location->isDefault() ? QString() : location->displayString());
            m_storeLabel->setText(tr("Store: %1").arg(location->displayString()));
        } else {
            m_storeError = opened.error().message();
        }
    }
    m_mailWatcher->setStore(m_store.get());
    if (m_store && m_mailWatcher->folders().isEmpty() && !MailWatcher::configured().isEmpty())
        m_mailWatcher->setFolders(MailWatcher::configured());
    if (!m_store) {
        m_storeProblem->setText(tr("<p><b>The onboarding store cannot be used.</b></p><p>%1</p>"
                                   "<p>Nothing has been written to it. Choose another store with "
                                   "File &gt; Switch Store, or fix the problem and restart.</p>")
                                    .arg(m_storeError.toHtmlEscaped()));
        m_stack->setCurrentWidget(m_storeProblem);
        m_storeLabel->setText(tr("No store"));
        m_countLabel->clear();
        m_model->setSummaries({});
    } else {
        m_stack->setCurrentWidget(m_listPage);
        refresh();
    }
    updateActions();
    Q_EMIT storeReady();
    return bool(m_store);
}

void MainWindow::refresh()
{
    if (!m_store)
        return;
    const QString selected = selectedName();
    auto list = m_store->list();
    if (!list) {
        statusBar()->showMessage(list.error().message());
        return;
    }
    m_model->setSummaries(list.value());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        if (m_proxy->index(row, 0).data(OnboardingListModel::NameRole).toString() == selected)
            m_table->selectRow(row);
    showCount();
}

void MainWindow::showCount()
{
    const int count = int(m_model->summaries().size());
    m_countLabel->setText(tr("%n onboarding(s)", nullptr, count));
    // An empty store says how to begin instead of showing an empty table.
    const bool wasEmpty = m_stack->currentWidget() == m_emptyPage;
    m_stack->setCurrentWidget(count == 0 ? static_cast<QWidget *>(m_emptyPage) : m_listPage);
    if (count == 0 && !wasEmpty && isActiveWindow())
        m_emptyPage->newButton()->setFocus(Qt::OtherFocusReason);
    updateActions();
}

void MainWindow::refreshOne(const QStringList &names)
{
    if (!m_store)
        return;
    for (const QString &name : names) {
        const auto row = m_store->summary(name);
        if (!row) {
            statusBar()->showMessage(row.error().message());
            refresh();
            return;
        }
        if (row.value())
            m_model->updateSummary(*row.value());
        else
            m_model->removeSummary(name);
    }
    showCount();
}

void MainWindow::setToday(QDate today)
{
    m_today = today;
    m_model->setToday(today);
}

TrackerWindow *MainWindow::trackOnboarding(const QString &name)
{
    if (!m_store)
        return nullptr;
    auto *tracker = new TrackerWindow(m_store.get(), name, this);
    if (tracker->stored().id == 0) { // could not be loaded: say why, keep nothing open
        statusBar()->showMessage(tracker->message());
        delete tracker;
        return nullptr;
    }
    tracker->setAttribute(Qt::WA_DeleteOnClose);
    if (m_today.isValid())
        tracker->setNow(QDateTime(m_today, QTime(12, 0), QTimeZone::utc()));
    connect(tracker, &TrackerWindow::saved, this, [this, name] { refreshOne({name}); });
    tracker->show();
    return tracker;
}

PlanDialog *MainWindow::editDefaultPlan()
{
    auto *dialog = new PlanDialog(PlanDialog::Mode::DefaultPlan, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString ignored;
    dialog->setToday(m_model->today());
    dialog->setSteps(OnboardingPlan::savedDefault(&ignored));
    if (!ignored.isEmpty())
        dialog->setNotice(tr("The stored plan (setting %1) was ignored: %2. The defaults are "
                             "shown; OK replaces the stored plan.")
                              .arg(QLatin1String(OnboardingPlan::SettingsKey), ignored));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        OnboardingPlan::saveDefault(dialog->steps());
        statusBar()->showMessage(
            tr("Default tracking plan saved: onboardings created from now on get it."));
    });
    dialog->open();
    return dialog;
}

QString MainWindow::selectedName() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(OnboardingListModel::NameRole).toString();
}

void MainWindow::updateActions()
{
    for (QAction *a : m_storeActions)
        a->setEnabled(bool(m_store));
    const bool selected = m_store && !selectedName().isEmpty();
    m_editAction->setEnabled(selected);
    m_removeAction->setEnabled(selected && !m_store->isReadOnly());
    m_exportAction->setEnabled(selected);
    m_trackAction->setEnabled(selected);
}

OnboardingWizard *MainWindow::newOnboarding()
{
    if (!m_store)
        return nullptr;
    return openWizard(OnboardingWizard::newOnboarding(), nullptr, 0,
                      QUuid::createUuid().toString(QUuid::WithoutBraces), DraftOrigin::New);
}

OnboardingWizard *MainWindow::editOnboarding(const QString &name)
{
    if (!m_store)
        return nullptr;
    auto stored = m_store->load(name);
    if (!stored) {
        QMessageBox::warning(this, tr("Cannot open onboarding"), stored.error().message());
        refresh();
        return nullptr;
    }
    return openWizard(stored->onboarding, &stored.value(), stored->version,
                      QUuid::createUuid().toString(QUuid::WithoutBraces), DraftOrigin::New);
}

OnboardingWizard *MainWindow::openWizard(const Onboarding &onboarding,
                                         const StoredOnboarding *stored, int storedVersion,
                                         const QString &draftId, DraftOrigin origin)
{
    const qint64 storedId = stored ? stored->id : 0;
    auto *wizard = new OnboardingWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::NonModal);
    if (storedId != 0)
        wizard->setWindowTitle(tr("Edit %1").arg(onboarding.name));
    wizard->setDraft(onboarding);
    // Review compares with what is stored (for a resumed draft, the stored version, not the
    // draft), and a created peering's fixed fields are read-only.
    if (stored)
        wizard->setStoredOriginal(stored->onboarding);
    if (auto context = m_store->validationContextFor(onboarding.name)) {
        PeeringDbCache(*m_store).addFactsTo(context.value());
        wizard->setValidationContext(context.value());
    }
    if (auto choices = PeeringDbCache(*m_store).choices()) {
        wizard->setPeeringDbChoices(*choices);
        // A store that has a cache looks up the ASNs it does not know (net?asn=) live; one
        // without never reaches the network.
        if (choices->available) {
            if (!m_peeringDbLookup)
                m_peeringDbLookup = new PeeringDbLookup(PeeringDbSettings::load(), this);
            wizard->setPeeringDbLookup(m_peeringDbLookup);
        }
    }
    m_sessions.insert(wizard, Session{storedId, storedVersion, draftId, onboarding,
                                      origin == DraftOrigin::Resumed});

    // Autosave: an edit is in the store after a short pause in typing (AutosavePauseMs), and at
    // once when the page changes or the wizard closes, so that a keystroke does not wait for the
    // store and a crash loses at most the last moment of typing.
    auto *autosave = new QTimer(wizard);
    autosave->setSingleShot(true);
    autosave->setInterval(AutosavePauseMs);
    m_sessions[wizard].autosave = autosave;
    connect(autosave, &QTimer::timeout, this, [this, wizard] { saveDraftNow(wizard); });
    connect(wizard, &OnboardingWizard::draftChanged, autosave, qOverload<>(&QTimer::start));
    connect(wizard, &QWizard::currentIdChanged, this, [this, wizard] { flushDraft(wizard); });
    wizard->setCommitHandler([this, wizard](const Onboarding &o) { return commit(wizard, o); });
    connect(wizard, &QDialog::rejected, this, [this, wizard] {
        flushDraft(wizard);
        const Session s = m_sessions.take(wizard);
        if (!m_store || s.draftId.isEmpty())
            return;
        if (wizard->draft() == s.initial) {
            // Nothing changed in this session, so nothing to ask. A draft goes away only when the
            // user discards it or creates the onboarding: a resumed draft stays as stored; a
            // new or edited onboarding had nothing worth keeping.
            if (!s.resumed)
                m_store->discardDraft(s.draftId);
            return;
        }
        QMessageBox box(QMessageBox::Question, tr("Keep the Draft?"),
                        tr("Keep your unfinished changes as a draft to resume later (File > "
                           "Resume Drafts)?"),
                        QMessageBox::Save | QMessageBox::Discard, this);
        box.setObjectName(QStringLiteral("keepDraftDialog"));
        box.setDefaultButton(QMessageBox::Save);
        box.button(QMessageBox::Save)->setObjectName(QStringLiteral("keepDraftButton"));
        box.button(QMessageBox::Discard)->setObjectName(QStringLiteral("discardDraftButton"));
        if (box.exec() == QMessageBox::Discard)
            m_store->discardDraft(s.draftId);
    });
    // Clamped to the screen: at a large scale factor the preferred size would put Next and
    // Cancel off-screen.
    ScreenFit::resize(wizard, QSize(1100, 760));
    wizard->show();
    return wizard;
}

void MainWindow::flushDraft(OnboardingWizard *wizard)
{
    const auto it = m_sessions.constFind(wizard);
    if (it == m_sessions.cend() || !it->autosave || !it->autosave->isActive())
        return;
    it->autosave->stop();
    saveDraftNow(wizard);
}

void MainWindow::saveDraftNow(OnboardingWizard *wizard)
{
    const auto it = m_sessions.constFind(wizard);
    if (!m_store || it == m_sessions.cend() || it->draftId.isEmpty())
        return;
    const auto saved = m_store->saveDraft(it->draftId, wizard->draft(), it->storedVersion);
    if (!saved)
        statusBar()->showMessage(tr("The draft could not be saved: %1").arg(saved.error().message()));
    else if (saved->secrets.dropped > 0)
        statusBar()->showMessage(tr("The draft is saved without its MD5 keys: %1. They stay "
                                    "in the wizard until it closes.")
                                     .arg(saved->secrets.reason));
}

bool MainWindow::commit(OnboardingWizard *wizard, const Onboarding &onboarding)
{
    if (!m_store)
        return false;
    flushDraft(wizard);
    Session &s = m_sessions[wizard];
    for (;;) {
        // A new onboarding starts its tracker: the default three-week plan from today.
        Onboarding planned = onboarding;
        if (s.storedId == 0) {
            // The default plan of Settings > Default Tracking Plan (the setting tracking/plan);
            // a setting that does not parse falls back to domain.md's defaults.
            planned = TrackingChange::applyPlan(onboarding, m_model->today(),
                                                OnboardingPlan::savedDefault())
                          .valueOr(onboarding);
        }
        StoreResult<StoredOnboarding> result =
            s.storedId == 0 ? m_store->create(planned)
                            : m_store->save(StoredOnboarding{s.storedId, s.storedVersion, {}, {},
                                                             {}, {}, onboarding});
        if (result) {
            m_store->discardDraft(s.draftId);
            m_sessions.remove(wizard);
            // One row changes (or two, when the name did): the list is not read again.
            QStringList names {result->onboarding.name};
            for (const OnboardingSummary &row : m_model->summaries())
                if (row.id == result->id && row.name != result->onboarding.name)
                    names.append(row.name);
            refreshOne(names);
            statusBar()->showMessage(tr("Saved %1 (version %2)").arg(onboarding.name).arg(result->version));
            if (result->secrets.dropped > 0)
                tellKeysNotKept(onboarding.name, result->secrets);
            return true;
        }
        const StoreError &e = result.error();
        if (e.kind() != StoreError::Kind::Conflict) {
            QMessageBox::warning(wizard, tr("Cannot save"), e.message());
            return false;
        }
        // Someone else saved in between: the user decides, nothing is overwritten silently.
        QMessageBox box(QMessageBox::Warning, tr("Changed by Someone Else"),
                        tr("%1 saved \"%2\" at %3 (version %4) while you were editing it.")
                            .arg(e.changedBy(), onboarding.name,
                                 QLocale().toString(e.changedAt().toLocalTime(), QLocale::ShortFormat))
                            .arg(e.currentVersion()),
                        QMessageBox::NoButton, wizard);
        box.setObjectName(QStringLiteral("conflictDialog"));
        box.setInformativeText(tr("Reload theirs to drop your changes and continue from the stored "
                                  "version, or keep yours to save over it."));
        QPushButton *reload = box.addButton(tr("&Reload Theirs"), QMessageBox::DestructiveRole);
        reload->setObjectName(QStringLiteral("reloadTheirsButton"));
        QPushButton *keep = box.addButton(tr("&Keep Mine"), QMessageBox::AcceptRole);
        keep->setObjectName(QStringLiteral("keepMineButton"));
        box.addButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == keep) {
            s.storedVersion = e.currentVersion();
            continue; // save again over the version the user has now seen
        }
        if (box.clickedButton() == reload) {
            auto stored = m_store->load(onboarding.name);
            if (!stored) {
                QMessageBox::warning(wizard, tr("Cannot reload"), stored.error().message());
                return false;
            }
            s.storedVersion = stored->version;
            s.initial = stored->onboarding;
            wizard->setDraft(stored->onboarding);
        }
        return false;
    }
}

// The moment an MD5 key is dropped: saved, and no keychain took it. Not modal, so that nothing
// waits on it; it stays until read.
void MainWindow::tellKeysNotKept(const QString &name, const Md5Keychain::Outcome &secrets)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("MD5 Keys Not Kept"),
                                tr("\"%1\" is saved, but %n MD5 key(s) of its BGP sessions could "
                                   "not be kept: %2.", nullptr, secrets.dropped)
                                    .arg(name, secrets.reason),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("keysNotKeptDialog"));
    box->setInformativeText(tr("The store never holds MD5 keys, and exports leave them out. Note "
                               "the keys elsewhere, or make a desktop keychain available (GNOME "
                               "Keyring, KWallet) and enter them again."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

int MainWindow::importFiles(const QStringList &files)
{
    if (!m_store)
        return 0;
    // Read everything first: an unreadable file does not stop the others.
    ImportReport report(int(files.size()));
    QStringList names;
    QList<Onboarding> documents;
    for (const QString &f : files) {
        auto r = OnboardingDocument::readFile(f);
        if (r) {
            names.append(f);
            documents.append(r.value());
        } else {
            report.addUnreadable(f, r.error());
        }
    }
    if (!documents.isEmpty()) {
        auto outcomes = m_store->importDocuments(documents);
        if (!outcomes) {
            report.addRefused(QString(), outcomes.error().message());
        } else {
            for (qsizetype i = 0; i < outcomes->size(); ++i) {
                const ImportOutcome &o = outcomes->at(i);
                if (o.action == ImportOutcome::Action::Refused) {
                    report.addRefused(names.at(i), o.error ? o.error->message() : o.name);
                    continue;
                }
                // Validated as the wizard does, against the customer ASNs of the others.
                auto context = m_store->validationContextFor(o.name);
                if (context)
                    PeeringDbCache(*m_store).addFactsTo(*context);
                report.addStored(documents.at(i),
                                 OnboardingValidator::validate(documents.at(i),
                                                               context ? *context
                                                                       : ValidationContext{}),
                                 o.secretsKept, o.secretsLeftOut, o.secretsReason);
            }
        }
    }
    refresh();
    const QString summary = report.complete()
                                ? tr("%n document(s) imported", nullptr, report.stored())
                                : tr("Imported: %1 of %2").arg(report.stored()).arg(report.files());
    statusBar()->showMessage(summary);
    QMessageBox box(report.complete() ? QMessageBox::Information : QMessageBox::Warning,
                    tr("Import"), summary, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("importReportDialog"));
    box.setInformativeText(report.informativeText());
    box.setDetailedText(report.detailedText());
    box.exec();
    return report.stored();
}

QString MainWindow::importMail(const QStringList &paths, const QList<QByteArray> &messages,
                              const QString &name)
{
    if (!m_store)
        return {};
    QString rulesProblem;
    const MailImport importer(MailRules::configured(&rulesProblem));
    QString summary;
    if (!name.isEmpty()) {
        auto r = importer.importInto(*m_store, name, 0, paths, messages);
        if (!r) {
            summary = tr("Mail not imported into \"%1\": %2").arg(name, r.error().message());
        } else {
            summary = tr("\"%1\": %2").arg(name, MailImport::summary(*r));
            if (!r->withAddresses.isEmpty())
                summary += tr(". Session addresses found: apply them in the tracker's Mail tab");
        }
    } else {
        auto r = importer.importMatching(*m_store, paths, messages);
        if (!r) {
            summary = tr("Mail not imported: %1").arg(r.error().message());
        } else {
            QStringList parts;
            for (const MailImportResult &one : r->results)
                parts.append(tr("\"%1\": %2").arg(one.stored.onboarding.name, MailImport::summary(one)));
            summary = parts.isEmpty() ? tr("No mail named an onboarding")
                                      : tr("Mail imported: %1").arg(parts.join(QStringLiteral("; ")));
            if (!r->unmatched.isEmpty())
                summary += tr("; %n mail(s) name no single onboarding: select the onboarding and "
                              "import them again",
                              nullptr, int(r->unmatched.size()));
            if (!r->refused.isEmpty())
                summary += tr("; %n refused (%1)", nullptr, int(r->refused.size()))
                               .arg(r->refused.first().reason);
        }
    }
    if (!rulesProblem.isEmpty())
        summary += tr(" (the mail rules in the settings were ignored: %1)").arg(rulesProblem);
    summary += u'.';
    refresh();
    statusBar()->showMessage(summary, 30000);
    return summary;
}

PeeringDbDialog *MainWindow::editPeeringDbSettings()
{
    if (!m_store)
        return nullptr;
    auto *dialog = new PeeringDbDialog(*m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    // New settings or a new cache: the next wizard's lookups use them; the list's findings
    // include the cache's checks.
    auto renew = [this] {
        delete m_peeringDbLookup;
        m_peeringDbLookup = nullptr;
    };
    connect(dialog, &QDialog::accepted, this, renew);
    connect(dialog, &PeeringDbDialog::syncFinished, this, [this, renew](bool ok) {
        if (!ok)
            return;
        renew();
        refresh();
        statusBar()->showMessage(tr("PeeringDB cache synced."), 10000);
    });
    dialog->show();
    return dialog;
}

MailSettingsDialog *MainWindow::editMailSettings()
{
    QStringList names;
    if (m_store)
        if (auto list = m_store->list())
            for (const OnboardingSummary &s : *list)
                names.append(s.name);
    auto *dialog = new MailSettingsDialog(names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this,
            [this] { m_mailWatcher->setFolders(MailWatcher::configured()); });
    dialog->show();
    return dialog;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_store && MailDrop::accepts(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const MailDrop drop = MailDrop::from(event->mimeData());
    if (drop.isEmpty())
        return;
    event->acceptProposedAction();
    // Onto a row: that onboarding's mail; elsewhere: the selected one, else each mail's own.
    QString name = selectedName();
    const QPoint at = m_table->viewport()->mapFrom(this, event->position().toPoint());
    const QModelIndex row = m_table->indexAt(at);
    if (row.isValid())
        name = m_proxy->index(row.row(), 0).data(OnboardingListModel::NameRole).toString();
    importMail(drop.paths, drop.messages, name);
}

void MainWindow::chooseImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Onboarding Documents"), QString(),
        tr("Onboarding documents (*.json);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

void MainWindow::offerDrafts()
{
    if (!m_store)
        return;
    auto drafts = m_store->drafts();
    if (!drafts || drafts->isEmpty()) {
        if (sender())
            statusBar()->showMessage(tr("No drafts to resume"));
        return;
    }
    QStringList names;
    for (const StoredDraft &d : drafts.value())
        names.append(d.onboarding.name.isEmpty() ? tr("(unnamed onboarding)") : d.onboarding.name);
    QMessageBox box(QMessageBox::Question, tr("Resume Drafts"),
                    tr("%n unfinished onboarding(s) from an earlier session:", nullptr,
                       int(drafts->size()))
                        + QStringLiteral("\n\n") + names.join(u'\n'),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("resumeDraftsDialog"));
    QPushButton *resume = box.addButton(tr("&Resume"), QMessageBox::AcceptRole);
    resume->setObjectName(QStringLiteral("resumeButton"));
    QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardButton"));
    box.addButton(tr("&Later"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == resume) {
        for (const StoredDraft &d : drafts.value()) {
            // A draft of a stored onboarding continues from the version it started from, so a
            // change someone made meanwhile shows as a conflict on Create.
            std::optional<StoredOnboarding> stored;
            if (d.baseVersion > 0)
                if (auto loaded = m_store->load(d.onboarding.name))
                    stored = loaded.takeValue();
            openWizard(d.onboarding, stored ? &*stored : nullptr, stored ? d.baseVersion : 0, d.id,
                       DraftOrigin::Resumed);
        }
    } else if (box.clickedButton() == discard) {
        for (const StoredDraft &d : drafts.value())
            m_store->discardDraft(d.id);
    }
}

void MainWindow::removeSelected()
{
    const QString name = selectedName();
    if (name.isEmpty() || !m_store)
        return;
    auto stored = m_store->load(name);
    if (!stored)
        return;
    if (QMessageBox::question(this, tr("Delete Onboarding"),
                              tr("Delete \"%1\" from the store? Its history stays in the audit "
                                 "trail.").arg(name))
        != QMessageBox::Yes)
        return;
    const StoreStatus removed = m_store->remove(name, stored->version);
    if (!removed)
        QMessageBox::warning(this, tr("Cannot delete"), removed.error().message());
    refreshOne({name});
}

void MainWindow::exportSelected()
{
    const QString name = selectedName();
    if (name.isEmpty() || !m_store)
        return;
    auto stored = m_store->load(name);
    if (!stored) {
        QMessageBox::warning(this, tr("Cannot export"), stored.error().message());
        return;
    }
    // The version it is a copy of, as the command line's export writes it (import --replace
    // checks it).
    stored->onboarding.extra.insert(QLatin1String(Onboarding::StoredVersionKey), stored->version);
    // Every export format (the same list as the Review page and the command line).
    const QString file = ExportDialog::exportOnboarding(this, stored->onboarding, name);
    if (!file.isEmpty())
        statusBar()->showMessage(tr("Exported %1").arg(file));
}

void MainWindow::checkDocument()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Check Onboarding Document"),
                                                      QString(),
                                                      tr("Onboarding documents (*.json);;All files (*)"));
    if (!file.isEmpty())
        checkDocumentFile(file);
}

void MainWindow::checkDocumentFile(const QString &file)
{
    if (!m_store)
        return;
    const Result<Onboarding> r = OnboardingDocument::readFile(file);
    if (!r) {
        QMessageBox::warning(this, tr("Cannot read document"), r.error());
        return;
    }
    // The wizard's Review page shows every finding; nothing is stored unless Create is pressed.
    OnboardingWizard *w = openWizard(*r, nullptr, 0, QString(), DraftOrigin::New);
    w->setWindowTitle(tr("Check %1").arg(file));
    w->openAtReview();
}

OnboardingWizard *MainWindow::openExample()
{
    if (!m_store)
        return nullptr;
    const Result<Onboarding> r = OnboardingDocument::readFile(QLatin1String(ExampleDocument));
    if (!r) {
        QMessageBox::warning(this, tr("Cannot open the example"), r.error());
        return nullptr;
    }
    // A new onboarding that starts as the example: no draft is kept, so nothing is stored
    // unless the user presses Create.
    OnboardingWizard *w = openWizard(*r, nullptr, 0, QString(), DraftOrigin::New);
    w->setWindowTitle(tr("New Onboarding from the Example"));
    return w;
}

void MainWindow::chooseStore()
{
    bool ok = false;
    const QString url = QInputDialog::getText(
        this, tr("Switch Store"),
        tr("Store: a file path, sqlite:PATH, or postgresql://user@host:port/database\n"
           "(empty for the default store; passwords come from PGPASSWORD or ~/.pgpass)"),
        QLineEdit::Normal, m_store ? m_store->location().displayString() : QString(), &ok);
    if (ok)
        openStore(url.trimmed().isEmpty() ? StoreLocation::defaultLocation().displayString() : url.trimmed());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Peering Onboarding Wizard"),
                       tr("<p><b>Peering Onboarding Wizard</b> %1</p><p>Onboard an internet "
                          "exchange's route-server service to Microsoft Peering Service "
                          "(AS8075), with every check Microsoft makes done up front.</p>")
                           .arg(QStringLiteral(PEERING_VERSION)));
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == this && event->type() == QEvent::Paint && m_openAfterPaint) {
        m_openAfterPaint = false;
        removeEventFilter(this);
        // After this paint is done: the window is on screen before the store is touched.
        QTimer::singleShot(0, this, [this] { openStore(m_pendingStore); });
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (OnboardingWizard *wizard : m_sessions.keys())
        flushDraft(wizard);
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

} // namespace Peering
