#include "trackerwindow.h"

#include "screenfit.h"

#include "flowchartview.h"
#include "plandialog.h"
#include "timelineview.h"

#include "domain/asn.h"
#include "domain/textchecks.h"
#include "validation/fieldlabel.h"
#include "tracking/customerasnregistration.h"
#include "tracking/onboardingprogress.h"
#include "tracking/onboardingtracker.h"
#include "tracking/trackingchange.h"
#include "mail/mailimport.h"
#include "maildrop.h"

#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QFrame>
#include <algorithm>
#include <QDialog>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPoint>
#include <QUrl>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Peering {

namespace {

template<typename W> W *named(W *w, const char *name, const QString &accessible)
{
    w->setObjectName(QLatin1String(name));
    w->setAccessibleName(accessible);
    return w;
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

TrackerWindow::TrackerWindow(OnboardingStore *store, const QString &name, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_store(store)
    , m_name(name)
    , m_now(QDateTime::currentDateTimeUtc())
    , m_zone(QTimeZone::systemTimeZone())
    , m_tabs(named(new QTabWidget(this), "trackerTabs", tr("Tracker views")))
    , m_flowchart(new FlowchartView(this))
    , m_evidence(named(new QTextBrowser(this), "evidenceView", tr("Evidence of the stage")))
    , m_timeline(new TimelineView(this))
    , m_lagNotice(named(new QLabel(this), "lagNotice", tr("LAG augmentation notice")))
    , m_milestones(named(new QTreeWidget(this), "milestoneList", tr("Milestones")))
    , m_reachedDate(named(new QDateEdit(this), "reachedDateEdit", tr("Reached on")))
    , m_reachedNote(named(new QLineEdit(this), "reachedNoteEdit", tr("Note")))
    , m_expectedDate(named(new QDateEdit(this), "expectedDateEdit", tr("Expected date")))
    , m_customers(named(new QTableWidget(0, 5, this), "customerAsnTable", tr("Customer ASNs")))
    , m_customerName(named(new QLineEdit(this), "customerNameEdit", tr("Customer name")))
    , m_customerAsn(named(new QLineEdit(this), "customerAsnEdit", tr("Customer ASN")))
    , m_customerPeering(named(new QComboBox(this), "customerPeeringCombo", tr("Peering")))
    , m_prefixKey(named(new QLineEdit(this), "prefixKeyEdit", tr("Prefix key")))
    , m_connections(named(new QTableWidget(0, 8, this), "connectionTable", tr("Connections")))
    , m_connectionState(named(new QComboBox(this), "connectionStateCombo", tr("Connection state")))
    , m_utilization(named(new QSpinBox(this), "utilizationSpin", tr("Link utilization")))
    , m_mail(named(new QTableWidget(0, 4, this), "mailTable", tr("Mail of this onboarding")))
    , m_mailText(named(new QPlainTextEdit(this), "mailText", tr("The selected mail's text")))
    , m_mailStage(named(new QComboBox(this), "mailStageCombo", tr("Stage to assign the mail to")))
    , m_applyAddresses(named(new QPushButton(tr("Apply &Addresses..."), this),
                             "applyAddressesButton",
                             tr("Apply the session addresses of the selected mail")))
    , m_deploymentBar(named(new QFrame(this), "deploymentBar", tr("Deployment step")))
    , m_deploymentDate(
          named(new QDateEdit(this), "deploymentDateEdit", tr("Date the deployment succeeded")))
    , m_deploymentNote(named(new QLineEdit(this), "deploymentNoteEdit", tr("Deployment note")))
    , m_message(named(new QLabel(this), "trackerMessage", tr("Tracker message")))
{
    setObjectName(QStringLiteral("trackerWindow"));
    setWindowTitle(tr("Track %1").arg(name));
    ScreenFit::resize(this, QSize(1100, 720));

    // Flowchart with the evidence of the clicked stage beside it.
    auto *split = new QSplitter(this);
    split->addWidget(m_flowchart);
    split->addWidget(m_evidence);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    // Three quarters for the flowchart from the start (the text browser's own size hint would
    // take half of the window).
    split->setSizes({3000, 1000});
    m_tabs->addTab(split, tr("&Flowchart"));
    connect(m_flowchart, &FlowchartView::stageClicked, this, &TrackerWindow::showEvidence);

    auto *timelinePage = new QWidget(this);
    auto *tl = new QVBoxLayout(timelinePage);
    m_lagNotice->setWordWrap(true);
    m_lagNotice->setStyleSheet(QStringLiteral("QLabel { background: #f3e5f5; border: 2px solid "
                                              "#6a1b9a; padding: 6px; }"));
    tl->addWidget(m_lagNotice);
    // The timeline keeps its readable size and scrolls on a small screen.
    auto *timelineScroll = named(new QScrollArea(this), "timelineScroll", tr("Timeline"));
    timelineScroll->setWidget(m_timeline);
    timelineScroll->setWidgetResizable(true);
    timelineScroll->setFrameShape(QFrame::NoFrame);
    tl->addWidget(timelineScroll, 1);
    m_tabs->addTab(timelinePage, tr("&Timeline"));

    // Milestones: the evidence of every stage; tick one reached, or move its expected date.
    auto *msPage = new QWidget(this);
    auto *ml = new QVBoxLayout(msPage);
    m_milestones->setHeaderLabels({tr("Stage"), tr("Status"), tr("Expected"), tr("Reached"),
                                   tr("Early / late"), tr("Evidence")});
    m_milestones->setRootIsDecorated(false);
    ml->addWidget(m_milestones, 1);
    auto *msForm = new QHBoxLayout;
    m_reachedDate->setCalendarPopup(true);
    m_reachedDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_expectedDate->setCalendarPopup(true);
    m_expectedDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_reachedNote->setPlaceholderText(tr("Note (e.g. the IP e-mail arrived)"));
    auto *reachedLabel = new QLabel(tr("&Reached on:"), this);
    reachedLabel->setBuddy(m_reachedDate);
    auto *mark = named(new QPushButton(tr("&Mark Reached"), this), "markReachedButton",
                       tr("Mark the selected stage reached"));
    auto *expectedLabel = new QLabel(tr("E&xpected:"), this);
    expectedLabel->setBuddy(m_expectedDate);
    auto *setExp = named(new QPushButton(tr("&Set Expected Date"), this), "setExpectedButton",
                         tr("Set the expected date of the selected stage"));
    // Two rows, so that the tab fits a small screen: what happened, then what is planned.
    msForm->addWidget(reachedLabel);
    msForm->addWidget(m_reachedDate);
    msForm->addWidget(m_reachedNote, 1);
    msForm->addWidget(mark);
    auto *planForm = new QHBoxLayout;
    planForm->addWidget(expectedLabel);
    planForm->addWidget(m_expectedDate);
    planForm->addWidget(setExp);
    planForm->addSpacing(20);
    auto *replanButton = named(new QPushButton(tr("Re&plan..."), this), "replanButton",
                               tr("Replan: a start date and the days of every stage"));
    planForm->addWidget(replanButton);
    planForm->addStretch(1);
    connect(replanButton, &QPushButton::clicked, this, [this] { openReplanDialog(); });
    ml->addLayout(msForm);
    ml->addLayout(planForm);
    const auto selectedStage = [this] {
        const QTreeWidgetItem *item = m_milestones->currentItem();
        return item ? item->data(0, Qt::UserRole).toString() : QString();
    };
    connect(mark, &QPushButton::clicked, this, [this, selectedStage] {
        if (selectedStage().isEmpty())
            return showMessage(tr("Select a stage first."), true);
        // The note belongs to that stage: once saved, the field is free for the next one.
        if (markReached(selectedStage(), m_reachedDate->date(), m_reachedNote->text()))
            m_reachedNote->clear();
    });
    connect(setExp, &QPushButton::clicked, this, [this, selectedStage] {
        if (selectedStage().isEmpty())
            return showMessage(tr("Select a stage first."), true);
        setExpected(selectedStage(), m_expectedDate->date());
    });
    // The expected date editor starts at the selected stage's plan.
    connect(m_milestones, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QDate expected = item ? QDate::fromString(item->text(2), Qt::ISODate) : QDate();
        if (expected.isValid())
            m_expectedDate->setDate(expected);
    });
    m_tabs->addTab(msPage, tr("&Milestones"));

    // Customer ASNs and their prefix keys.
    auto *cPage = new QWidget(this);
    auto *cl = new QVBoxLayout(cPage);
    m_customers->setHorizontalHeaderLabels(
        {tr("Name"), tr("ASN"), tr("Peering"), tr("Prefix key"), tr("Key delivered")});
    m_customers->horizontalHeader()->setStretchLastSection(true);
    m_customers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_customers->setSelectionMode(QAbstractItemView::SingleSelection);
    cl->addWidget(m_customers, 1);
    auto *cButtons = new QHBoxLayout;
    auto *copy = named(new QPushButton(tr("&Copy Key"), this), "copyKeyButton",
                       tr("Copy the selected customer's prefix key"));
    auto *delivered = named(new QPushButton(tr("Mark &Delivered"), this), "markDeliveredButton",
                            tr("Mark the selected customer's key delivered"));
    auto *update = named(new QPushButton(tr("&Update Selected"), this), "updateCustomerButton",
                         tr("Save the form's name, ASN, peering and key to the selected customer"));
    auto *remove = named(new QPushButton(tr("Re&move"), this), "removeCustomerButton",
                         tr("Remove the selected customer ASN"));
    cButtons->addWidget(copy);
    cButtons->addWidget(delivered);
    cButtons->addWidget(update);
    cButtons->addWidget(remove);
    cButtons->addStretch();
    connect(update, &QPushButton::clicked, this, [this] {
        editCustomerAsn(m_customers->currentRow(), m_customerName->text(), m_customerAsn->text(),
                        m_customerPeering->currentText(), m_prefixKey->text());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_customers->currentRow();
        if (row < 0 || row >= m_stored.onboarding.registeredAsns.size())
            return showMessage(tr("Select a customer ASN first."), true);
        const RegisteredAsn &r = m_stored.onboarding.registeredAsns.at(row);
        QMessageBox box(QMessageBox::Question, tr("Remove Customer ASN"),
                        tr("Remove %1 (AS%2) from this onboarding? Remove its registration in the "
                           "portal too; its prefix key stops working there.")
                            .arg(r.name, r.asn),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(QStringLiteral("removeCustomerDialog"));
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() == QMessageBox::Yes)
            removeCustomerAsn(row);
    });
    // The selected customer fills the form, ready to update.
    connect(m_customers, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_customers->currentRow();
        if (row < 0 || row >= m_stored.onboarding.registeredAsns.size()
            || m_customers->selectedItems().isEmpty())
            return;
        const RegisteredAsn &r = m_stored.onboarding.registeredAsns.at(row);
        m_customerName->setText(r.name);
        m_customerAsn->setText(r.asn);
        m_customerPeering->setCurrentText(r.peering);
        m_prefixKey->setText(r.prefixKey);
    });
    cl->addLayout(cButtons);
    // Nothing to copy or mark without a selected customer.
    const auto updateCustomerButtons = [this, copy, delivered, update, remove] {
        const bool selected = m_customers->rowCount() > 0 && m_customers->currentRow() >= 0
                              && !m_customers->selectedItems().isEmpty();
        for (QPushButton *b : {copy, delivered, update, remove})
            b->setEnabled(selected);
    };
    connect(m_customers, &QTableWidget::itemSelectionChanged, this, updateCustomerButtons);
    connect(m_customers->model(), &QAbstractItemModel::rowsRemoved, this, updateCustomerButtons);
    connect(m_customers->model(), &QAbstractItemModel::modelReset, this, updateCustomerButtons);
    updateCustomerButtons();
    connect(copy, &QPushButton::clicked, this, [this] { copyKey(m_customers->currentRow()); });
    connect(delivered, &QPushButton::clicked, this,
            [this] { markKeyDelivered(m_customers->currentRow()); });
    auto *form = new QFormLayout;
    m_customerAsn->setPlaceholderText(tr("e.g. 64500 or AS64500"));
    m_prefixKey->setPlaceholderText(
        tr("the GUID from the portal, e.g. 9b1a1e6e-0f1c-4d36-9f7a-2f1d2c3b4a5e"));
    form->addRow(tr("Customer &name:"), m_customerName);
    form->addRow(tr("Customer &ASN:"), m_customerAsn);
    form->addRow(tr("&Peering:"), m_customerPeering);
    form->addRow(tr("Prefix &key:"), m_prefixKey);
    auto *reg = named(new QPushButton(tr("&Register Customer ASN"), this), "registerAsnButton",
                      tr("Register the customer ASN"));
    form->addRow(QString(), reg);
    cl->addLayout(form);
    connect(reg, &QPushButton::clicked, this, [this] {
        registerCustomerAsn(m_customerName->text(), m_customerAsn->text(),
                            m_customerPeering->currentText(), m_prefixKey->text());
    });
    m_tabs->addTab(cPage, tr("C&ustomer ASNs"));

    // Connection states (history) and utilization.
    auto *kPage = new QWidget(this);
    auto *kl = new QVBoxLayout(kPage);
    // Each connection's own stage beside its state (rule 6 of the tracker).
    m_connections->setHorizontalHeaderLabels({tr("Peering"), tr("Connection"), tr("Role"),
                                              tr("State"), tr("Stage"), tr("Since"),
                                              tr("History"), tr("Utilization")});
    m_connections->horizontalHeader()->setStretchLastSection(true);
    m_connections->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_connections->setSelectionMode(QAbstractItemView::SingleSelection);
    kl->addWidget(m_connections, 1);
    auto *kForm = new QHBoxLayout;
    m_connectionState->addItems(Connection::states());
    m_utilization->setRange(0, 100);
    m_utilization->setSuffix(QStringLiteral(" %"));
    auto *stateLabel = new QLabel(tr("S&tate:"), this);
    stateLabel->setBuddy(m_connectionState);
    auto *utilLabel = new QLabel(tr("&Utilization:"), this);
    utilLabel->setBuddy(m_utilization);
    auto *apply = named(new QPushButton(tr("&Apply to Connection"), this), "applyConnectionButton",
                        tr("Apply state and utilization"));
    kForm->addWidget(stateLabel);
    kForm->addWidget(m_connectionState);
    kForm->addWidget(utilLabel);
    kForm->addWidget(m_utilization);
    kForm->addWidget(apply);
    kForm->addStretch();
    kl->addLayout(kForm);
    connect(apply, &QPushButton::clicked, this, [this] {
        setConnectionState(m_connections->currentRow(), m_connectionState->currentText(),
                           m_utilization->value());
    });
    connect(m_connections, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_connectionState->setCurrentText(m_connections->item(row, 3)->text());
        m_utilization->setValue(m_connections->item(row, 7)->data(Qt::UserRole).toInt());
    });
    m_tabs->addTab(kPage, tr("C&onnections"));

    // Mail: the milestone e-mails of this onboarding, their stage, and their text (plain text
    // only: nothing is rendered, nothing loaded).
    auto *mPage = new QWidget(this);
    auto *mailLayout = new QVBoxLayout(mPage);
    // Oldest first; the subject takes the room that is left.
    m_mail->setHorizontalHeaderLabels({tr("Date"), tr("Stage"), tr("From"), tr("Subject")});
    m_mail->setWordWrap(false);
    m_mail->horizontalHeader()->setStretchLastSection(true);
    m_mail->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mail->setSelectionMode(QAbstractItemView::SingleSelection);
    m_mail->verticalHeader()->hide();
    m_mailText->setReadOnly(true);
    m_mailText->setPlaceholderText(tr("Select a mail to read it."));
    auto *mailSplit = new QSplitter(Qt::Vertical, this);
    mailSplit->addWidget(m_mail);
    mailSplit->addWidget(m_mailText);
    mailSplit->setSizes({1000, 1000});
    mailLayout->addWidget(mailSplit, 1);
    auto *mailForm = new QHBoxLayout;
    auto *importButton = named(new QPushButton(tr("&Import Mail..."), this), "importMailButton",
                               tr("Import .eml files or an mbox"));
    m_mailStage->addItem(tr("Unclassified"), QString());
    for (const QString &id : Milestone::stages())
        m_mailStage->addItem(OnboardingTracker::title(id), id);
    auto *stageLabel = new QLabel(tr("Sta&ge:"), this);
    stageLabel->setBuddy(m_mailStage);
    auto *assign = named(new QPushButton(tr("Assig&n"), this), "assignMailButton",
                         tr("Assign the selected mail to the stage"));
    mailForm->addWidget(importButton);
    mailForm->addSpacing(20);
    mailForm->addWidget(stageLabel);
    mailForm->addWidget(m_mailStage);
    mailForm->addWidget(assign);
    mailForm->addSpacing(20);
    mailForm->addWidget(m_applyAddresses);
    mailForm->addStretch(1);
    mailLayout->addLayout(mailForm);
    auto *dropHint = named(new QLabel(tr("Drop .eml files or messages from your mail client "
                                         "anywhere on this window to import them."),
                                      this),
                           "mailDropHint", tr("Drop hint"));
    dropHint->setWordWrap(true);
    mailLayout->addWidget(dropHint);
    m_tabs->addTab(mPage, tr("Mai&l"));
    setAcceptDrops(true);
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Import Mail"), QString(),
            tr("Mail (*.eml *.mbox *.mbx *.txt);;All files (*)"));
        if (!files.isEmpty())
            importMail(files);
    });
    connect(assign, &QPushButton::clicked, this, [this] {
        assignMail(m_mail->currentRow(), m_mailStage->currentData().toString());
    });
    connect(m_applyAddresses, &QPushButton::clicked, this,
            [this] { openApplyAddresses(m_mail->currentRow()); });
    const auto showMail = [this] {
        const int row = mailIndex(m_mail->currentRow());
        const Onboarding &o = m_stored.onboarding;
        if (row < 0 || row >= o.mail.size()) {
            m_mailText->clear();
            m_applyAddresses->setEnabled(false);
            return;
        }
        const MailRecord &r = o.mail.at(row);
        const QString from = r.fromName.isEmpty() ? r.from : tr("%1 <%2>").arg(r.fromName, r.from);
        m_mailText->setPlainText(tr("From: %1\nDate: %2\nSubject: %3\n\n%4")
                                     .arg(from, r.date.isEmpty() ? tr("(no valid date)") : r.date,
                                          r.subject,
                                          r.text.isEmpty() ? tr("(no text was kept of this mail)")
                                                           : r.text));
        m_mailStage->setCurrentIndex(std::max(0, m_mailStage->findData(r.stage)));
        m_applyAddresses->setEnabled(!MailImport::sessionAddresses(MailExtractor::extract(r.text)).isEmpty());
    };
    connect(m_mail, &QTableWidget::itemSelectionChanged, this, showMail);
    m_applyAddresses->setEnabled(false);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Every change is saved as it is made: closing loses nothing.
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->setObjectName(QStringLiteral("trackerButtons"));
    close->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeTrackerButton"));
    connect(close, &QDialogButtonBox::rejected, this, &QWidget::close);
    close->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close the tracker"));
    // The platform's Close keys (Ctrl+W here), Ctrl+W wherever it is not one of them, and Esc;
    // each key once, or Qt would find the shortcut ambiguous and take neither.
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Close);
    for (const QKeySequence &extra : {QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_Escape)})
        if (!keys.contains(extra))
            keys.append(extra);
    for (const QKeySequence &key : keys) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &QWidget::close);
    }
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_message, 1);
    bottom->addWidget(close, 0, Qt::AlignBottom);
    // The deployment step: storing the onboarding is not Azure creating the peering; the user
    // says when the portal's deployment succeeded.
    auto *deployLayout = new QHBoxLayout(m_deploymentBar);
    m_deploymentBar->setStyleSheet(QStringLiteral(
        "#deploymentBar { background: #e3f2fd; border: 1px solid #0d47a1; border-radius: 4px; }"));
    auto *deployText = named(new QLabel(tr("Azure has not confirmed the peering yet. When the "
                                           "portal says the deployment succeeded, record it:"),
                                        this),
                             "deploymentText", tr("Deployment step"));
    deployText->setWordWrap(true);
    m_deploymentDate->setCalendarPopup(true);
    m_deploymentDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_deploymentNote->setPlaceholderText(tr("Note (optional)"));
    m_deploymentNote->setToolTip(tr("A note kept with the milestone, e.g. the deployment's name"));
    auto *deployButton = named(new QPushButton(tr("Deplo&yment Succeeded"), this),
                               "deploymentSucceededButton",
                               tr("Record that the portal deployment succeeded"));
    deployLayout->addWidget(deployText, 1);
    deployLayout->addWidget(m_deploymentDate);
    deployLayout->addWidget(m_deploymentNote);
    deployLayout->addWidget(deployButton);
    connect(deployButton, &QPushButton::clicked, this, [this] {
        if (recordDeployment(m_deploymentDate->date(), m_deploymentNote->text()))
            m_deploymentNote->clear();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_deploymentBar);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);
    reload();
}

void TrackerWindow::setNow(const QDateTime &now)
{
    m_now = now.toUTC();
    refreshViews();
}

void TrackerWindow::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    refreshViews();
}

QDate TrackerWindow::today() const
{
    return OnboardingTracker::dateIn(m_now, m_zone);
}

QString TrackerWindow::message() const
{
    return m_message->text();
}

QString TrackerWindow::nowText() const
{
    return m_now.toUTC().toString(Qt::ISODate);
}

bool TrackerWindow::reload()
{
    if (!m_store)
        return false;
    auto loaded = m_store->load(m_name);
    if (!loaded) {
        showMessage(loaded.error().message(), true);
        return false;
    }
    m_stored = loaded.takeValue();
    refreshViews();
    return true;
}

void TrackerWindow::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(
        problem ? QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }") : QString());
}

bool TrackerWindow::handle(const StoreError &error)
{
    if (error.kind() == StoreError::Kind::Conflict) {
        // Never overwrite: show who saved, then show what is stored now.
        showMessage(tr("Not saved: %1 changed this onboarding at %2 (version %3). The window now "
                       "shows the stored version; make your change again.")
                        .arg(error.changedBy(), error.changedAt().toString(Qt::ISODate))
                        .arg(error.currentVersion()),
                    true);
        const QString text = m_message->text();
        reload();
        showMessage(text, true);
        return false;
    }
    showMessage(error.message(), true);
    return false;
}

bool TrackerWindow::change(const TrackingService::Change &fn, const QString &what)
{
    // Through the model's one service: the version this window shows, validated, never
    // overwriting a colleague's save.
    TrackingService service(*m_store);
    auto result = service.apply(m_name, m_stored.version, fn);
    if (!result)
        return handle(result.error());
    m_stored = result.takeValue();
    m_name = m_stored.onboarding.name;
    refreshViews();
    showMessage(what, false);
    Q_EMIT saved(m_name);
    return true;
}

bool TrackerWindow::markReached(const QString &stage, QDate date, const QString &note)
{
    if (!Milestone::stages().contains(stage) || !date.isValid())
        return false;
    // Noon in the window's zone: the date stays the same date in every nearby zone.
    const QDateTime reached = QDateTime(date, QTime(12, 0), m_zone).toUTC();
    return change([&](const Onboarding &o) { return TrackingChange::markReached(o, stage, reached, note); },
                  tr("%1 marked reached on %2.")
                      .arg(OnboardingTracker::title(stage), date.toString(Qt::ISODate)));
}

TrackerWindow::~TrackerWindow()
{
    // The tables and lists outlive this object's own destructor (QWidget deletes its children
    // after it) and signal as they go: nothing of theirs may reach this window any more.
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
}

bool TrackerWindow::recordDeployment(QDate date, const QString &note)
{
    if (!date.isValid())
        return false;
    const QDateTime at = QDateTime(date, QTime(12, 0), m_zone).toUTC();
    return change(
        [&](const Onboarding &o) { return TrackingChange::recordDeployment(o, at, note); },
        tr("Deployment recorded: %1 reached on %2.")
            .arg(OnboardingTracker::title(QStringLiteral("peering-created")),
                 date.toString(Qt::ISODate)));
}

bool TrackerWindow::importMail(const QStringList &paths, const QList<QByteArray> &messages)
{
    if (!m_store || (paths.isEmpty() && messages.isEmpty()))
        return false;
    QString rulesProblem;
    const MailImport importer(MailRules::configured(&rulesProblem));
    auto result = importer.importInto(*m_store, m_name, m_stored.version, paths, messages);
    if (!result)
        return handle(result.error());
    const MailImportResult &r = *result;
    m_stored = r.stored;
    refreshViews();
    QString text = MailImport::summary(r);
    if (!r.withAddresses.isEmpty())
        text += tr(". Session addresses found: select the mail in the Mail tab and click Apply "
                   "Addresses.");
    if (!rulesProblem.isEmpty())
        text += tr(" (The mail rules in the settings were ignored: %1)").arg(rulesProblem);
    showMessage(text + u'.', !r.refused.isEmpty() && r.added == 0);
    if (r.added > 0)
        Q_EMIT saved(m_name);
    return true;
}

int TrackerWindow::mailIndex(int row) const
{
    const QTableWidgetItem *item = row >= 0 ? m_mail->item(row, 0) : nullptr;
    return item ? item->data(Qt::UserRole).toInt() : -1;
}

bool TrackerWindow::assignMail(int tableRow, const QString &stage)
{
    const Onboarding &o = m_stored.onboarding;
    const int row = mailIndex(tableRow);
    if (row < 0 || row >= o.mail.size()) {
        showMessage(tr("Select a mail first."), true);
        return false;
    }
    const QString id = o.mail.at(row).messageId;
    const QString subject = o.mail.at(row).subject;
    return change([&](const Onboarding &in) { return TrackingChange::assignMail(in, id, stage); },
                  stage.isEmpty()
                      ? tr("\"%1\" is unclassified again.").arg(subject)
                      : tr("\"%1\" assigned to %2.").arg(subject, OnboardingTracker::title(stage)));
}

QDialog *TrackerWindow::openApplyAddresses(int tableRow)
{
    const Onboarding &o = m_stored.onboarding;
    const int row = mailIndex(tableRow);
    if (row < 0 || row >= o.mail.size()) {
        showMessage(tr("Select a mail first."), true);
        return nullptr;
    }
    const MailRecord mail = o.mail.at(row);
    const TrackingChange::SessionAddresses found
        = MailImport::sessionAddresses(MailExtractor::extract(mail.text));
    if (found.isEmpty()) {
        showMessage(tr("No session addresses were found in \"%1\".").arg(mail.subject), true);
        return nullptr;
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("applyAddressesDialog"));
    dialog->setWindowTitle(tr("Apply Session Addresses"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("The mail \"%1\" gives these BGP session addresses. Check them "
                                "against the mail, choose the connection, and click Apply; "
                                "nothing changes before that.")
                                 .arg(mail.subject.toHtmlEscaped()),
                             dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    auto *connection = named(new QComboBox(dialog), "addressConnectionCombo", tr("Connection"));
    for (int p = 0; p < o.peerings.size(); ++p)
        for (int c = 0; c < o.peerings.at(p).connections.size(); ++c)
            connection->addItem(FieldLabel::connectionLocation(o, p, c), QVariant::fromValue(QPoint(p, c)));
    if (const auto match = MailImport::matchConnection(o, mail.subject, mail.text))
        connection->setCurrentIndex(connection->findData(QVariant::fromValue(QPoint(match->first, match->second))));
    form->addRow(tr("&Connection:"), connection);
    QList<std::pair<QString, QLineEdit *>> fields;
    const QList<std::pair<QString, QString>> values {
        {tr("Session prefix IPv4"), found.sessionPrefixV4}, {tr("Microsoft IPv4"), found.microsoftIPv4},
        {tr("Peer IPv4"), found.peerIPv4},                  {tr("Session prefix IPv6"), found.sessionPrefixV6},
        {tr("Microsoft IPv6"), found.microsoftIPv6},        {tr("Peer IPv6"), found.peerIPv6},
    };
    QList<QLineEdit *> edits;
    for (const auto &[label, value] : values) {
        auto *edit = new QLineEdit(value, dialog);
        edit->setAccessibleName(label);
        edit->setObjectName(QStringLiteral("address%1").arg(edits.size()));
        edit->setPlaceholderText(tr("(not in the mail: left as it is)"));
        form->addRow(label + u':', edit);
        edits.append(edit);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    auto *apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("applyAddressesOk"));
    apply->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, connection, edits] {
        const QPoint at = connection->currentData().toPoint();
        TrackingChange::SessionAddresses a;
        a.sessionPrefixV4 = edits.at(0)->text();
        a.microsoftIPv4 = edits.at(1)->text();
        a.peerIPv4 = edits.at(2)->text();
        a.sessionPrefixV6 = edits.at(3)->text();
        a.microsoftIPv6 = edits.at(4)->text();
        a.peerIPv6 = edits.at(5)->text();
        const QString where = connection->currentText();
        if (change([&](const Onboarding &in) {
                return TrackingChange::setSessionAddresses(in, at.x(), at.y(), a);
            },
                   tr("Session addresses applied to %1.").arg(where)))
            dialog->accept();
        else
            QMessageBox::warning(dialog, tr("Apply Session Addresses"), message());
    });
    dialog->resize(ScreenFit::clamp(dialog, dialog->sizeHint().expandedTo(QSize(560, 0))));
    dialog->show();
    return dialog;
}

void TrackerWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (MailDrop::accepts(event->mimeData()))
        event->acceptProposedAction();
}

void TrackerWindow::dropEvent(QDropEvent *event)
{
    const MailDrop drop = MailDrop::from(event->mimeData());
    if (drop.isEmpty())
        return;
    event->acceptProposedAction();
    m_tabs->setCurrentIndex(m_tabs->count() - 1); // the Mail tab shows what came in
    importMail(drop.paths, drop.messages);
}

bool TrackerWindow::setExpected(const QString &stage, QDate date)
{
    if (!Milestone::stages().contains(stage) || !date.isValid())
        return false;
    return change([&](const Onboarding &o) { return TrackingChange::setExpected(o, stage, date); },
                  tr("%1 now expected on %2.")
                      .arg(OnboardingTracker::title(stage), date.toString(Qt::ISODate)));
}

bool TrackerWindow::replan(QDate start, const QList<OnboardingPlan::Step> &steps)
{
    const Result<Onboarding> planned = TrackingChange::replan(m_stored.onboarding, start, steps);
    if (!planned)
        return showMessage(planned.error(), true), false;
    if (planned.value() == m_stored.onboarding) {
        showMessage(tr("The plan from %1 is the plan already stored: nothing to save.")
                        .arg(start.toString(Qt::ISODate)),
                    false);
        return true;
    }
    const OnboardingTracker before(m_stored.onboarding);
    const OnboardingTracker after(planned.value());
    int moved = 0;
    for (const QString &stage : Milestone::stages())
        moved += before.stage(stage)->expected != after.stage(stage)->expected ? 1 : 0;
    return change([&](const Onboarding &o) { return TrackingChange::replan(o, start, steps); },
                  tr("Replanned from %1: %n stage(s) moved; reached stages keep their dates.",
                     nullptr, moved)
                      .arg(start.toString(Qt::ISODate)));
}

PlanDialog *TrackerWindow::openReplanDialog()
{
    auto *dialog = new PlanDialog(PlanDialog::Mode::Replan, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString ignored;
    const QList<OnboardingPlan::Step> defaults = OnboardingPlan::savedDefault(&ignored);
    const Onboarding &o = m_stored.onboarding;
    QDate start = OnboardingPlan::planStart(o, defaults);
    if (!start.isValid())
        start = today();
    dialog->setDefaults(defaults);
    dialog->setToday(today());
    dialog->setOnboarding(o);
    dialog->setStart(start);
    dialog->setSteps(OnboardingPlan::currentSteps(o, start, defaults));
    if (!ignored.isEmpty())
        dialog->setNotice(tr("The default plan in the settings was ignored (%1); Restore Defaults "
                             "uses the built-in plan. Fix it in Settings > Default Tracking Plan.")
                              .arg(ignored));
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { replan(dialog->start(), dialog->steps()); });
    dialog->open();
    return dialog;
}

bool TrackerWindow::registerCustomerAsn(const QString &name,
                                        const QString &asn,
                                        const QString &peering,
                                        const QString &prefixKey)
{
    const QString key = prefixKey.trimmed();
    if (name.trimmed().isEmpty())
        return showMessage(tr("Enter the customer's name."), true), false;
    // The rules (registered-asn.public, .prefix-key, .requires-active, .unique) are the
    // validator's, applied by CustomerAsnRegistration: one place says what Azure refuses.
    RegisteredAsn r;
    r.name = name.trimmed();
    r.asn = Asn::normalized(asn);
    r.peering = peering;
    r.prefixKey = key;
    auto result = CustomerAsnRegistration::registerAsn(*m_store, m_name, r, m_stored.version);
    if (!result) {
        const StoreError &e = result.error();
        if (e.kind() == StoreError::Kind::Conflict)
            return handle(e);
        showMessage(e.rule().isEmpty() ? e.message()
                                       : QStringLiteral("%1 (%2)").arg(e.message(), e.rule()),
                    true);
        return false;
    }
    m_stored = result.takeValue();
    refreshViews();
    m_customerName->clear();
    m_customerAsn->clear();
    m_prefixKey->clear();
    showMessage(tr("Customer ASN %1 (%2) registered.").arg(r.asn, r.name), false);
    Q_EMIT saved(m_name);
    return true;
}

const RegisteredAsn *TrackerWindow::customerAt(int row)
{
    if (row >= 0 && row < m_stored.onboarding.registeredAsns.size())
        return &m_stored.onboarding.registeredAsns.at(row);
    showMessage(tr("Select a customer ASN first."), true);
    return nullptr;
}

bool TrackerWindow::editCustomerAsn(int row, const QString &name, const QString &asn,
                                    const QString &peering, const QString &prefixKey)
{
    const RegisteredAsn *selected = customerAt(row);
    if (!selected)
        return false;
    RegisteredAsn edited = *selected;
    edited.name = name;
    edited.asn = Asn::normalized(asn);
    edited.peering = peering;
    edited.prefixKey = prefixKey;
    return change([&](const Onboarding &o) { return TrackingChange::editCustomerAsn(o, row, edited); },
                  tr("Customer ASN %1 (%2) updated.").arg(edited.asn, edited.name.trimmed()));
}

bool TrackerWindow::removeCustomerAsn(int row)
{
    const RegisteredAsn *selected = customerAt(row);
    if (!selected)
        return false;
    const RegisteredAsn r = *selected;
    return change([&](const Onboarding &o) { return TrackingChange::removeCustomerAsn(o, row); },
                  tr("Customer ASN %1 (%2) removed.").arg(r.asn, r.name));
}

bool TrackerWindow::copyKey(int row)
{
    const RegisteredAsn *selected = customerAt(row);
    if (!selected)
        return false;
    const RegisteredAsn &r = *selected;
    QGuiApplication::clipboard()->setText(r.prefixKey);
    showMessage(tr("Prefix key of %1 (AS%2) copied.").arg(r.name, r.asn), false);
    return true;
}

bool TrackerWindow::markKeyDelivered(int row)
{
    const RegisteredAsn *selected = customerAt(row);
    if (!selected)
        return false;
    const QString name = selected->name;
    return change([&](const Onboarding &o) { return TrackingChange::recordKeyDelivery(o, row, m_now); },
                  tr("Key of %1 marked delivered.").arg(name));
}

bool TrackerWindow::setConnectionState(int row, const QString &state, int utilizationPercent)
{
    const auto at = TrackingChange::connectionAt(m_stored.onboarding, row);
    if (!at)
        return showMessage(tr("Select a connection first."), true), false;
    const auto [p, c] = *at; // an unknown state is refused by TrackingChange, with the list
    const QString done = tr("Connection %1: %2, %3% utilization.")
                             .arg(FieldLabel::connectionLocation(m_stored.onboarding, p, c),
                                  state)
                             .arg(utilizationPercent);
    return change(
        [&](const Onboarding &o) -> Result<Onboarding> {
            const Result<Onboarding> stated = TrackingChange::setConnectionState(o, p, c, state, m_now);
            if (!stated)
                return stated;
            return TrackingChange::setUtilization(stated.value(), p, c, utilizationPercent, m_now);
        },
        done);
}

void TrackerWindow::refreshViews()
{
    const Onboarding &o = m_stored.onboarding;
    const QDate day = today();
    const OnboardingTracker tracker(o);
    const QString selected = m_flowchart->selectedStage();
    m_flowchart->setOnboarding(o, day);
    m_timeline->setOnboarding(o, day);
    if (!selected.isEmpty())
        m_flowchart->selectStage(selected);
    else
        showEvidence(tracker.currentStage());

    const auto lag = tracker.lagAugmentation(day);
    m_lagNotice->setVisible(lag.needed);
    if (lag.needed)
        m_lagNotice->setText(
            tr("SLA: connection %1 is at %2% utilization (40% or more). The LAG augmentation "
               "process must begin: it takes 45 to 60 days (from %3 to between %4 and %5).")
                .arg(lag.connectionId)
                .arg(lag.utilizationPercent)
                .arg(lag.start.toString(Qt::ISODate), lag.earliestEnd.toString(Qt::ISODate),
                     lag.latestEnd.toString(Qt::ISODate)));

    // The deployment step, until it (or a connection state) shows the peering created.
    m_deploymentBar->setVisible(!tracker.isDone(QStringLiteral("peering-created"))
                                && !o.peerings.isEmpty());
    if (m_deploymentDate->date() == QDate(2000, 1, 1) || m_deploymentDate->date() > day)
        m_deploymentDate->setDate(day);

    const QString current = m_milestones->currentItem()
        ? m_milestones->currentItem()->data(0, Qt::UserRole).toString()
        : QString();
    m_milestones->clear();
    for (const auto &s : tracker.stages()) {
        auto *item = new QTreeWidgetItem(m_milestones);
        item->setData(0, Qt::UserRole, s.id);
        item->setText(0, OnboardingTracker::title(s.id));
        const bool overdue = tracker.isOverdue(s.id, day);
        item->setText(1,
                      overdue ? tr("%1, overdue").arg(OnboardingTracker::statusName(s.status))
                              : OnboardingTracker::statusName(s.status));
        item->setText(2, s.expected.toString(Qt::ISODate));
        item->setText(3, OnboardingTracker::dateIn(s.reached, m_zone).toString(Qt::ISODate));
        if (const auto late = tracker.daysLate(s.id, m_zone))
            item->setText(4,
                          *late > 0       ? tr("%n day(s) late", nullptr, int(*late))
                              : *late < 0 ? tr("%n day(s) early", nullptr, int(-*late))
                                          : tr("on time"));
        QStringList ev;
        for (const auto &e : s.evidence)
            ev.append(e.superseded ? tr("(superseded) %1").arg(e.text) : e.text);
        item->setText(5, ev.join(QLatin1String("; ")));
        if (overdue)
            for (int c = 0; c < 6; ++c)
                item->setForeground(c, QColor(0xb7, 0x1c, 0x1c));
        if (s.id == current)
            m_milestones->setCurrentItem(item);
    }
    for (int c = 0; c < 5; ++c)
        m_milestones->resizeColumnToContents(c);
    m_reachedDate->setDate(day);
    if (!m_expectedDate->date().isValid() || m_expectedDate->date() == QDate(2000, 1, 1))
        m_expectedDate->setDate(day);

    const int customerRow = m_customers->currentRow();
    m_customers->setRowCount(int(o.registeredAsns.size()));
    for (int i = 0; i < o.registeredAsns.size(); ++i) {
        const RegisteredAsn &r = o.registeredAsns.at(i);
        m_customers->setItem(i, 0, cell(r.name));
        m_customers->setItem(i, 1, cell(r.asn));
        m_customers->setItem(i, 2, cell(r.peering));
        m_customers->setItem(i, 3, cell(r.prefixKey.isEmpty() ? tr("(no key yet)") : r.prefixKey));
        m_customers->setItem(i, 4,
                             cell(r.keyDeliveredAt.isEmpty()
                                      ? tr("not delivered")
                                      : tr("delivered %1").arg(r.keyDeliveredAt)));
    }
    if (customerRow >= 0 && customerRow < m_customers->rowCount())
        m_customers->selectRow(customerRow);
    m_customers->resizeColumnsToContents();
    const QString peering = m_customerPeering->currentText();
    m_customerPeering->clear();
    for (const PeeringResource &p : o.peerings)
        m_customerPeering->addItem(p.name);
    if (!peering.isEmpty())
        m_customerPeering->setCurrentText(peering);

    const int connectionRow = m_connections->currentRow();
    m_connections->setRowCount(o.connectionCount());
    const QList<OnboardingTracker::ConnectionProgress> &progress = tracker.connections();
    int row = 0;
    for (qsizetype pi = 0; pi < o.peerings.size(); ++pi) {
        const PeeringResource &p = o.peerings.at(pi);
        for (qsizetype ci = 0; ci < p.connections.size(); ++ci) {
            const Connection &c = p.connections.at(ci);
            m_connections->setItem(row, 0, cell(p.name));
            // By metro, facility and role, as the wizard names it; the identifier on hover.
            auto *name = cell(FieldLabel::connectionLocation(o, pi, ci));
            name->setToolTip(tr("Connection identifier %1").arg(c.id));
            m_connections->setItem(row, 1, name);
            m_connections->setItem(row, 2, cell(c.role));
            m_connections->setItem(row, 3, cell(c.state));
            auto *stage = cell(row < progress.size()
                                   ? OnboardingTracker::connectionStatus(progress.at(row))
                                   : QString());
            if (row < progress.size() && progress.at(row).failed)
                stage->setForeground(QColor(0xb7, 0x1c, 0x1c));
            m_connections->setItem(row, 4, stage);
            const StateChange *since = c.currentStateChange();
            const auto began = since ? TextChecks::parseIsoDateTime(since->since) : std::nullopt;
            m_connections->setItem(
                row, 5,
                cell(began ? tr("%1 (%n day(s))", nullptr, int(began->toUTC().daysTo(m_now)))
                                 .arg(since->since)
                           : tr("unknown")));
            QStringList history;
            for (const StateChange &h : c.stateHistory)
                history.append(QStringLiteral("%1 %2").arg(h.since, h.state));
            m_connections->setItem(row, 6, cell(history.join(QLatin1String(" \u2192 "))));
            auto *util = cell(QStringLiteral("%1 %").arg(c.utilizationPercent));
            util->setData(Qt::UserRole, int(c.utilizationPercent));
            if (c.utilizationPercent >= OnboardingTracker::LagAugmentationThreshold)
                util->setForeground(QColor(0x6a, 0x1b, 0x9a));
            m_connections->setItem(row, 7, util);
            ++row;
        }
    }
    if (connectionRow >= 0 && connectionRow < m_connections->rowCount())
        m_connections->selectRow(connectionRow);
    m_connections->resizeColumnsToContents();

    // The log in date order (undated last); each row keeps its record's place in the log.
    const int mailRecord = mailIndex(m_mail->currentRow());
    QList<int> order;
    for (int i = 0; i < o.mail.size(); ++i)
        order.append(i);
    std::stable_sort(order.begin(), order.end(), [&o](int a, int b) {
        const QString &da = o.mail.at(a).date, &db = o.mail.at(b).date;
        if (da.isEmpty() != db.isEmpty())
            return db.isEmpty();
        return da < db; // ISO 8601 in UTC sorts as text
    });
    m_mail->setRowCount(int(o.mail.size()));
    int selectRow = -1;
    for (int row = 0; row < order.size(); ++row) {
        const int i = order.at(row);
        const MailRecord &r = o.mail.at(i);
        const auto at = TextChecks::parseIsoDateTime(r.date);
        auto *date = cell(at ? OnboardingTracker::dateIn(at->toUTC(), m_zone).toString(Qt::ISODate)
                             : tr("no date"));
        date->setData(Qt::UserRole, i);
        m_mail->setItem(row, 0, date);
        auto *stage = cell(r.stage.isEmpty() ? tr("unclassified: assign by hand")
                                             : OnboardingTracker::title(r.stage));
        if (r.stage.isEmpty())
            stage->setForeground(QColor(0x6a, 0x1b, 0x9a));
        m_mail->setItem(row, 1, stage);
        m_mail->setItem(row, 2, cell(r.fromName.isEmpty() ? r.from : r.fromName));
        m_mail->item(row, 2)->setToolTip(r.from);
        m_mail->setItem(row, 3, cell(r.subject));
        m_mail->item(row, 3)->setToolTip(r.subject);
        if (i == mailRecord)
            selectRow = row;
    }
    if (selectRow >= 0)
        m_mail->selectRow(selectRow);
    for (int c = 0; c < 3; ++c)
        m_mail->resizeColumnToContents(c);
}

void TrackerWindow::showEvidence(const QString &stage)
{
    const OnboardingTracker tracker(m_stored.onboarding);
    const OnboardingTracker::Stage *s = tracker.stage(stage);
    if (!s) {
        m_evidence->setHtml(tr("<p>Every stage is done.</p>"));
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><p><b>%2</b>")
                       .arg(OnboardingTracker::title(stage).toHtmlEscaped(),
                            OnboardingTracker::statusName(s->status).toHtmlEscaped());
    if (tracker.isOverdue(stage, today()))
        html += tr(", <span style='color:#b71c1c'><b>overdue</b></span>");
    html += QStringLiteral("</p>");
    if (s->expected.isValid())
        html += tr("<p>Expected: %1</p>").arg(s->expected.toString(Qt::ISODate));
    if (s->reached.isValid())
        html += tr("<p>Reached: %1</p>")
                    .arg(OnboardingTracker::dateIn(s->reached, m_zone).toString(Qt::ISODate));
    if (stage == QLatin1String("peering-created") && !tracker.isDone(stage))
        html += tr("<p>Storing the onboarding is not Azure creating the peering. When the "
                   "portal says the deployment succeeded, record it with <b>Deployment "
                   "Succeeded</b> above; a connection state from Provisioning Started on shows "
                   "it too.</p>");
    if (s->evidence.isEmpty()) {
        html += s->status == OnboardingTracker::Status::Implied
            ? tr("<p>No evidence of its own: implied by evidence for a later stage.</p>")
            : tr("<p>No evidence yet.</p>");
    } else {
        html += QStringLiteral("<ul>");
        for (const auto &e : s->evidence)
            html += QStringLiteral("<li>%1%2 <i>(%3)</i></li>")
                        .arg(e.superseded ? tr("<s>superseded:</s> ") : QString(),
                             e.text.toHtmlEscaped(), e.kind.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    // A stage that needs every connection: how many have reached it, and where each stands.
    if (const auto count = tracker.connectionCount(stage)) {
        html += tr("<p><b>%1 of %n connection(s)</b> reached this stage:</p>", nullptr, count->of)
                    .arg(count->reached);
        html += QStringLiteral("<ul>");
        const Onboarding &o = m_stored.onboarding;
        for (const OnboardingTracker::ConnectionProgress &c : tracker.connections())
            html += QStringLiteral("<li>%1: %2</li>")
                        .arg(FieldLabel::connectionLocation(o, c.peering, c.connection)
                                 .toHtmlEscaped(),
                             OnboardingTracker::connectionStatus(c).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    const QStringList next = OnboardingTracker::transitions(stage);
    QStringList titles;
    for (const QString &n : next)
        titles.append(OnboardingTracker::title(n));
    if (!titles.isEmpty())
        html += tr("<p>Next: %1</p>").arg(titles.join(QLatin1String(", ")).toHtmlEscaped());
    m_evidence->setHtml(html);
}

} // namespace Peering
