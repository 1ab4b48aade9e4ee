// The tracker window on a real SQLite store with a pinned clock: the flowchart's current and
// overdue stages, a click on a node showing its evidence, the timeline's rows, today and target
// lines, milestones ticked and saved with the version check (and a conflict), customer ASNs
// refused and registered, copy key through the clipboard, connection states and the LAG notice,
// and the main window's Track action; replanning through the action and through the plan dialog
// driven by keyboard and mouse. Both views are rendered to PNG in the build folder, the plan
// dialog in both modes to the screenshots folder.
#include "tracking/trackedstore.h"
#include "flowchartview.h"
#include "mainwindow.h"
#include "onboardinglistmodel.h"
#include "plandialog.h"
#include "timelineview.h"
#include "screenfit.h"
#include "trackerwindow.h"

#include "tracking/onboardingplan.h"
#include "tracking/onboardingtracker.h"
#include "store/onboardingstore.h"
#include "storesamples.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QMessageBox>
#include <QTimer>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QUrl>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QSignalSpy>
#include <QTranslator>
#include <QTest>

#include "layoutcheck.h"

using Peering::TestSupport::clippedTexts;
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Peering;

namespace {

const QString kKey = QStringLiteral("9b1a1e6e-0f1c-4d36-9f7a-2f1d2c3b4a5e");
const QDateTime kNow(QDate(2026, 11, 12), QTime(12, 0), QTimeZone::utc());

// Started 2026-11-01: requirements and the ASN association ticked, connections provisioning
// (peering created by state evidence), port-configured expected 2026-11-09: overdue on Nov 12.
Onboarding sample(const QString &name)
{
    Onboarding o = TestSupport::makeStoreOnboarding(7, 2, 0, 0);
    o.name = name;
    o.registeredAsns.clear();
    for (Connection &c : o.peerings[0].connections) {
        c.state = QStringLiteral("ProvisioningStarted");
        c.stateHistory = {{QStringLiteral("PendingApproval"),
                           QStringLiteral("2026-11-01T09:00:00Z"),
                           QStringLiteral("import"),
                           {}},
                          {QStringLiteral("ProvisioningStarted"),
                           QStringLiteral("2026-11-02T15:00:00Z"),
                           QStringLiteral("manual"),
                           {}}};
    }
    OnboardingPlan::apply(o, QDate(2026, 11, 1));
    o.milestones[0].reached = QStringLiteral("2026-11-01T10:00:00Z");
    o.milestones[0].note = QStringLiteral("all requirements met");
    o.milestones[1].reached = QStringLiteral("2026-11-02T08:00:00Z");
    o.milestones[1].source = QStringLiteral("mail");
    return o;
}

} // namespace

class TestTrackerViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void flowchartShowsCurrentAndOverdue();
    void clickingANodeShowsItsEvidence();
    void timelineRows();
    void markReachedSavesAndConflicts();
    void customerAsns();
    void connectionStatesAndLag();
    void deploymentStepAndConnectionStages();
    void mailTabImportsAssignsAndApplies();
    void mailDroppedOnTheWindow();
    void mainWindowTrackAction();
    void drivenByKeyboardAndMouse();
    void closedByButtonEscAndCtrlW_data();
    void closedByButtonEscAndCtrlW();
    void windowDetailsForPeople();
    void fitsTheScreenOnEveryTab();
    void flowchartFillsItsAreaAndStacksWhenNarrow();
    void customerAsnEditedAndRemoved();
    void replanByAction_data();
    void replanByAction();
    void replanRefusedAndConflicts();
    void replanThroughTheDialog();
    void renderPngs();
    void planDialogPngs();

private:
    std::unique_ptr<TrackerWindow> open(const Onboarding &o);
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<OnboardingStore> m_store;
};

void TestTrackerViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The English the program speaks (plural forms come from its translation).
    auto *english = new QTranslator(this);
    QVERIFY2(english->load(QStringLiteral(PEERING_QM_DIR "/peering-wizard_en.qm")),
             "the English translation was not built (build the peering-wizard target)");
    QCoreApplication::installTranslator(english);
    QVERIFY(m_dir.isValid());
}

void TestTrackerViews::init()
{
    static int n = 0;
    m_store.reset();
    m_path = m_dir.filePath(QStringLiteral("track%1.sqlite").arg(++n));
    auto opened = TrackedStore::open(StoreLocation::sqliteFile(m_path));
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    m_store = std::move(opened.value());
}

std::unique_ptr<TrackerWindow> TestTrackerViews::open(const Onboarding &o)
{
    auto created = m_store->create(o);
    if (!created)
        qWarning("%s", qPrintable(created.error().message()));
    auto w = std::make_unique<TrackerWindow>(m_store.get(), o.name);
    w->setTimeZone(QTimeZone::utc());
    w->setNow(kNow);
    ScreenFit::resize(w.get(), QSize(1200, 760));
    w->show();
    return w;
}

void TestTrackerViews::flowchartShowsCurrentAndOverdue()
{
    auto w = open(sample(QStringLiteral("Flow-IX")));
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    FlowchartView *f = w->findChild<FlowchartView *>(QStringLiteral("flowchartView"));
    QVERIFY(f);
    QCOMPARE(f->nodeState(QStringLiteral("requirements")), QStringLiteral("done"));
    QCOMPARE(f->nodeState(QStringLiteral("peering-created")), QStringLiteral("done"));
    QCOMPARE(f->nodeState(QStringLiteral("port-configured")), QStringLiteral("current"));
    QVERIFY(f->isNodeOverdue(QStringLiteral("port-configured")));
    QCOMPARE(f->nodeState(QStringLiteral("lag-up")), QStringLiteral("waiting"));
    QVERIFY(!f->isNodeOverdue(QStringLiteral("lag-up"))); // expected Nov 13
    QVERIFY(!f->isNodeOverdue(QStringLiteral("requirements")));

    // Two days earlier nothing is overdue.
    w->setNow(kNow.addDays(-4));
    QVERIFY(!f->isNodeOverdue(QStringLiteral("port-configured")));
}

void TestTrackerViews::clickingANodeShowsItsEvidence()
{
    auto w = open(sample(QStringLiteral("Click-IX")));
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    FlowchartView *f = w->flowchart();
    auto *evidence = w->findChild<QTextBrowser *>(QStringLiteral("evidenceView"));
    QVERIFY(evidence);
    // The current stage's evidence is shown first.
    QVERIFY(evidence->toPlainText().contains(QLatin1String("Ports configured")));
    QVERIFY(evidence->toPlainText().contains(QLatin1String("overdue")));

    QTest::mouseClick(f->viewport(), Qt::LeftButton, {},
                      f->nodeViewportPos(QStringLiteral("requirements")));
    QCOMPARE(f->selectedStage(), QStringLiteral("requirements"));
    QVERIFY(evidence->toPlainText().contains(QLatin1String("all requirements met")));

    QTest::mouseClick(f->viewport(), Qt::LeftButton, {},
                      f->nodeViewportPos(QStringLiteral("peering-created")));
    QVERIFY2(evidence->toPlainText().contains(QLatin1String("ProvisioningStarted")),
             qPrintable(evidence->toPlainText()));

    // Keyboard: the arrows walk the flow.
    f->setFocus();
    QTest::keyClick(f, Qt::Key_Right);
    QCOMPARE(f->selectedStage(), QStringLiteral("port-configured"));
}

void TestTrackerViews::timelineRows()
{
    auto w = open(sample(QStringLiteral("Time-IX")));
    TimelineView *t = w->findChild<TimelineView *>(QStringLiteral("timelineView"));
    QVERIFY(t);
    QCOMPARE(t->rowState(QStringLiteral("requirements")), QStringLiteral("done"));
    QCOMPARE(t->rowState(QStringLiteral("port-configured")), QStringLiteral("overdue"));
    QCOMPARE(t->rowState(QStringLiteral("active")), QStringLiteral("waiting"));
    QCOMPARE(t->targetDate(), QDate(2026, 11, 22));
    QCOMPARE(t->today(), QDate(2026, 11, 12));
    QVERIFY(t->firstDate() <= QDate(2026, 11, 1));
    QVERIFY(t->lastDate() >= QDate(2026, 11, 29));
    QVERIFY(t->xForDate(t->today()) < t->xForDate(t->targetDate()));
    QVERIFY(!t->hasLagAugmentation());
}

void TestTrackerViews::markReachedSavesAndConflicts()
{
    auto w = open(sample(QStringLiteral("Mark-IX")));
    const int version = w->stored().version;
    QVERIFY(w->markReached(QStringLiteral("port-configured"), QDate(2026, 11, 11),
                           QStringLiteral("IP e-mail arrived")));
    QCOMPARE(w->stored().version, version + 1);
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("port-configured")), QStringLiteral("done"));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("lag-up")), QStringLiteral("current"));
    auto stored = m_store->load(QStringLiteral("Mark-IX"));
    QCOMPARE(stored->onboarding.milestones[3].note, QStringLiteral("IP e-mail arrived"));
    QCOMPARE(stored->onboarding.milestones[3].reached, QStringLiteral("2026-11-11T12:00:00Z"));

    // Someone else saves in between: refused, said so, and the window shows the stored version.
    auto other = TrackedStore::open(StoreLocation::sqliteFile(m_path));
    StoredOnboarding theirs = *other.value()->load(QStringLiteral("Mark-IX"));
    theirs.onboarding.milestones[4].reached = QStringLiteral("2026-11-12T09:00:00Z");
    QVERIFY(other.value()->save(theirs).ok());
    QVERIFY(!w->markReached(QStringLiteral("bgp-mesh"), QDate(2026, 11, 12), QString()));
    QVERIFY2(w->message().contains(QLatin1String("Not saved")), qPrintable(w->message()));
    QCOMPARE(w->stored().version, version + 2);
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("lag-up")), QStringLiteral("done"));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("bgp-mesh")), QStringLiteral("current"));
    // Expected dates are editable per onboarding.
    QVERIFY(w->setExpected(QStringLiteral("bgp-mesh"), QDate(2026, 11, 30)));
    QVERIFY(!w->flowchart()->isNodeOverdue(QStringLiteral("bgp-mesh")));
}

void TestTrackerViews::customerAsns()
{
    auto w = open(sample(QStringLiteral("Asn-IX")));
    const QString peering = w->stored().onboarding.peerings[0].name;
    // Not Active yet: refused with the rule named.
    QVERIFY(!w->registerCustomerAsn(QStringLiteral("Contoso"), QStringLiteral("AS13335"), peering,
                                    kKey));
    QVERIFY2(w->message().contains(QLatin1String("registered-asn.requires-active")),
             qPrintable(w->message()));
    // The key must look like a GUID.
    QVERIFY(!w->registerCustomerAsn(QStringLiteral("Contoso"), QStringLiteral("13335"), peering,
                                    QStringLiteral("12345")));
    QVERIFY(w->message().contains(QLatin1String("GUID")));

    QVERIFY(w->setConnectionState(0, QStringLiteral("Active"), 0));
    QVERIFY(w->setConnectionState(1, QStringLiteral("Active"), 0));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("active")), QStringLiteral("done"));
    // The state evidence is recorded as milestones with source "state" (the list reads those).
    for (const Milestone &m : w->stored().onboarding.milestones)
        if (m.stage == QLatin1String("active") || m.stage == QLatin1String("peering-created")) {
            QCOMPARE(m.source, QStringLiteral("state"));
            // The time from the state history: provisioning began on Nov 2.
            QCOMPARE(m.reached,
                     m.stage == QLatin1String("active") ? QStringLiteral("2026-11-12T12:00:00Z")
                                                        : QStringLiteral("2026-11-02T15:00:00Z"));
        }

    // Registered elsewhere in the store: refused naming the other onboarding.
    Onboarding holder = TestSupport::makeStoreOnboarding(8);
    holder.name = QStringLiteral("Holder-IX");
    QVERIFY(m_store->create(holder).ok());
    QVERIFY(!w->registerCustomerAsn(QStringLiteral("Other"), holder.registeredAsns[0].asn, peering,
                                    kKey));
    QVERIFY2(w->message().contains(QLatin1String("Holder-IX")), qPrintable(w->message()));
    QVERIFY(w->message().contains(QLatin1String("registered-asn.unique")));

    QVERIFY2(
        w->registerCustomerAsn(QStringLiteral("Contoso"), QStringLiteral("AS13335"), peering, kKey),
        qPrintable(w->message()));
    auto *table = w->findChild<QTableWidget *>(QStringLiteral("customerAsnTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 3)->text(), kKey);
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("not delivered"));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("customer-asns")), QStringLiteral("done"));

    QGuiApplication::clipboard()->clear();
    QVERIFY(w->copyKey(0));
    QCOMPARE(QGuiApplication::clipboard()->text(), kKey);

    QVERIFY(w->markKeyDelivered(0));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("delivered 2026-11-12T12:00:00Z"));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("keys-delivered")), QStringLiteral("done"));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("prefixes-activated")),
             QStringLiteral("current"));
}

void TestTrackerViews::connectionStatesAndLag()
{
    auto w = open(sample(QStringLiteral("Lag-IX")));
    auto *notice = w->findChild<QLabel *>(QStringLiteral("lagNotice"));
    QVERIFY(notice->isHidden());
    QVERIFY(w->setConnectionState(0, QStringLiteral("ProvisioningFailed"), 0));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("port-configured")),
             QStringLiteral("regressed"));
    auto stored = m_store->load(QStringLiteral("Lag-IX"));
    const Connection &c = stored->onboarding.peerings[0].connections[0];
    QCOMPARE(c.stateHistory.size(), 3);
    QCOMPARE(c.stateHistory.last().state, QStringLiteral("ProvisioningFailed"));
    QCOMPARE(c.stateHistory.last().since, QStringLiteral("2026-11-12T12:00:00Z"));

    QVERIFY(w->setConnectionState(0, QStringLiteral("Active"), 45));
    QVERIFY(w->setConnectionState(1, QStringLiteral("Active"), 10));
    QVERIFY(!notice->isHidden());
    QVERIFY(notice->text().contains(QLatin1String("45 to 60 days")));
    QVERIFY(w->timeline()->hasLagAugmentation());
    QVERIFY(w->timeline()->lastDate() >= QDate(2027, 1, 11)); // Nov 12 + 60
    auto *table = w->findChild<QTableWidget *>(QStringLiteral("connectionTable"));
    QVERIFY(table->item(0, 6)->text().contains(QLatin1String("ProvisioningFailed")));
}

// Storing the onboarding is not the deployment: the bar asks for it, typed and clicked; then each
// connection's own stage shows in its row, and a stage that needs every connection counts them.
void TestTrackerViews::deploymentStepAndConnectionStages()
{
    Onboarding o = sample(QStringLiteral("Deploy-IX"));
    o.peerAsn.validationState = QStringLiteral("Approved");
    for (Connection &c : o.peerings[0].connections) {
        c.state = QStringLiteral("Approved");
        c.stateHistory.clear();
    }
    QCOMPARE(o.peerings[0].connections.size(), 2);
    auto w = open(o);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    auto *bar = w->findChild<QWidget *>(QStringLiteral("deploymentBar"));
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("peering-created")),
             QStringLiteral("current"));
    auto *table = w->findChild<QTableWidget *>(QStringLiteral("connectionTable"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("Waiting for the deployment (Approved)"));

    auto *date = w->findChild<QDateEdit *>(QStringLiteral("deploymentDateEdit"));
    QCOMPARE(date->date(), QDate(2026, 11, 12));
    date->setDate(QDate(2026, 11, 3));
    QTest::keyClicks(w->findChild<QLineEdit *>(QStringLiteral("deploymentNoteEdit")),
                     QStringLiteral("deployment peering-ams"));
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("deploymentSucceededButton")),
                      Qt::LeftButton);
    QVERIFY2(w->message().contains(QLatin1String("Deployment recorded")), qPrintable(w->message()));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("peering-created")), QStringLiteral("done"));
    QVERIFY(bar->isHidden());
    auto stored = m_store->load(QStringLiteral("Deploy-IX"));
    QVERIFY(stored);
    const Milestone *created = nullptr;
    for (const Milestone &m : stored->onboarding.milestones)
        if (m.stage == QLatin1String("peering-created"))
            created = &m;
    QVERIFY(created);
    QCOMPARE(created->reached, QStringLiteral("2026-11-03T12:00:00Z"));
    QCOMPARE(created->source, QStringLiteral("manual"));
    QCOMPARE(created->note, QStringLiteral("Portal deployment succeeded: deployment peering-ams"));

    // One connection Active, one Validating: ports, LAG and BGP done for both, active counted.
    QVERIFY(w->setConnectionState(0, QStringLiteral("Active"), 0));
    QVERIFY(w->setConnectionState(1, QStringLiteral("Validating"), 0));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("Active (Active)"));
    QCOMPARE(table->item(1, 4)->text(), QStringLiteral("Awaiting Active (Validating)"));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("bgp-mesh")), QStringLiteral("done"));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("active")), QStringLiteral("current"));
    w->tabs()->setCurrentIndex(0);
    QTest::mouseClick(w->flowchart()->viewport(), Qt::LeftButton, {},
                      w->flowchart()->nodeViewportPos(QStringLiteral("active")));
    const QString evidence = w->findChild<QTextBrowser *>(QStringLiteral("evidenceView"))->toPlainText();
    QVERIFY2(evidence.contains(QLatin1String("1 of 2 connections reached this stage")),
             qPrintable(evidence));
    QVERIFY2(evidence.contains(QLatin1String("Awaiting Active (Validating)")), qPrintable(evidence));
    // Refused with the reason when recorded a second time (the bar is gone; the action says why).
    QVERIFY(!w->recordDeployment(QDate(2026, 11, 4), QString()));
    QVERIFY(w->message().contains(QLatin1String("recorded already")));
}

// The Mail tab: mail imported through the service shows with its stage; an unclassified one is
// assigned by hand; the text is plain text; the port-configured mail's addresses are applied to
// the connection only once the dialog is accepted.
void TestTrackerViews::mailTabImportsAssignsAndApplies()
{
    Onboarding o = sample(QStringLiteral("Mail-IX"));
    o.peerings[0].name = QStringLiteral("exampleix-ams-ixrs");
    auto w = open(o);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const QString dir = QStringLiteral(PEERING_TEST_DATA_DIR "/mail/");
    QVERIFY(w->importMail({dir + "port-configured.eml", dir + "unknown-charset.eml",
                           dir + "binary.bin"}));
    QVERIFY2(w->message().contains(QLatin1String("2 new mails imported")), qPrintable(w->message()));
    QVERIFY2(w->message().contains(QLatin1String("1 refused (binary.bin")), qPrintable(w->message()));
    QVERIFY2(w->message().contains(QLatin1String("Session addresses found")), qPrintable(w->message()));
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("port-configured")), QStringLiteral("done"));

    w->tabs()->setCurrentIndex(w->tabs()->count() - 1);
    QCOMPARE(w->tabs()->tabText(w->tabs()->currentIndex()), QStringLiteral("Mai&l"));
    auto *table = w->findChild<QTableWidget *>(QStringLiteral("mailTable"));
    QCOMPARE(table->rowCount(), 2);
    // In date order: the unclassified mail of Nov 12 first, the port-configured one of Nov 23.
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("2026-11-12"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("unclassified: assign by hand"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Ports configured"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("Port configured: exampleix-ams-ixrs"));
    // Select the unclassified mail by clicking; its text shows as plain text.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 3)).center());
    auto *text = w->findChild<QPlainTextEdit *>(QStringLiteral("mailText"));
    QVERIFY2(text->toPlainText().contains(QStringLiteral("Caf\u00e9 au lait")), qPrintable(text->toPlainText()));
    QVERIFY(text->isReadOnly());
    auto *apply = w->findChild<QPushButton *>(QStringLiteral("applyAddressesButton"));
    QVERIFY(!apply->isEnabled()); // no addresses in that one
    auto *stage = w->findChild<QComboBox *>(QStringLiteral("mailStageCombo"));
    stage->setCurrentIndex(stage->findData(QStringLiteral("lag-up")));
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("assignMailButton")), Qt::LeftButton);
    QVERIFY2(w->message().contains(QLatin1String("assigned to LAG up")), qPrintable(w->message()));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("LAG up"));

    // The port-configured mail: Apply Addresses, check, accept.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(1, 3)).center());
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    auto *dialog = w->findChild<QDialog *>(QStringLiteral("applyAddressesDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(m_store->load(QStringLiteral("Mail-IX"))->onboarding.peerings[0].connections[0].bgp.peerIPv4,
             o.peerings[0].connections[0].bgp.peerIPv4); // nothing yet
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("addressConnectionCombo"));
    QCOMPARE(combo->currentIndex(), 0); // the connection of the peering the mail names
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("address2"))->text(), QStringLiteral("192.0.2.1"));
    QVERIFY(clippedTexts(dialog).isEmpty());
    QVERIFY(ScreenFit::fits(dialog));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("applyAddressesOk")), Qt::LeftButton);
    const BgpSession b = m_store->load(QStringLiteral("Mail-IX"))->onboarding.peerings[0].connections[0].bgp;
    QCOMPARE(b.peerIPv4, QStringLiteral("192.0.2.1"));
    QCOMPARE(b.microsoftIPv4, QStringLiteral("192.0.2.0"));
    QCOMPARE(b.sessionPrefixV4, QStringLiteral("192.0.2.0/31"));
    QCOMPARE(b.peerIPv6, QStringLiteral("2001:db8:100::1"));
    QVERIFY2(w->message().contains(QLatin1String("Session addresses applied")), qPrintable(w->message()));

    // Importing the same mail again adds nothing.
    QVERIFY(w->importMail({dir + "port-configured.eml"}));
    QVERIFY2(w->message().contains(QLatin1String("0 new mails imported, 1 imported before")), qPrintable(w->message()));
    QCOMPARE(table->rowCount(), 2);
}

// Files dropped from a file manager, and a message dragged out of a mail client as
// message/rfc822 data, are imported by a real drop event.
void TestTrackerViews::mailDroppedOnTheWindow()
{
    auto w = open(sample(QStringLiteral("Drop-IX")));
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const QString dir = QStringLiteral(PEERING_TEST_DATA_DIR "/mail/");
    const auto drop = [&](QMimeData *data) {
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropped(QPointF(50, 50), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w.get(), &dropped);
        QVERIFY(dropped.isAccepted());
    };
    auto *files = new QMimeData;
    files->setUrls({QUrl::fromLocalFile(dir + "asn-approved.eml"), QUrl::fromLocalFile(dir + "mailbox.mbox")});
    drop(files);
    QVERIFY2(w->message().contains(QLatin1String("4 new mails imported")), qPrintable(w->message()));
    QFile f(dir + "active-alternative.eml");
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto *message = new QMimeData;
    message->setData(QStringLiteral("message/rfc822"), f.readAll());
    drop(message);
    QVERIFY2(w->message().contains(QLatin1String("1 new mail imported")), qPrintable(w->message()));
    QCOMPARE(w->stored().onboarding.mail.size(), 5);
    // Text is not mail: refused, nothing taken.
    auto *plain = new QMimeData;
    plain->setText(QStringLiteral("hello"));
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, plain, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w.get(), &enter);
    QVERIFY(!enter.isAccepted());
    delete files;
    delete message;
    delete plain;
}

void TestTrackerViews::mainWindowTrackAction()
{
    QSettings().clear();
    QVERIFY(m_store->create(sample(QStringLiteral("Main-IX"))).ok());
    m_store.reset();
    MainWindow window(m_path);
    window.setToday(QDate(2026, 11, 12));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *track = window.findChild<QAction *>(QStringLiteral("trackAction"));
    QVERIFY(track);
    QCOMPARE(track->shortcut(), QKeySequence(QStringLiteral("Ctrl+T")));
    window.table()->selectRow(0);
    QVERIFY(track->isEnabled());
    track->trigger();
    TrackerWindow *t = window.findChild<TrackerWindow *>();
    QVERIFY(t);
    QCOMPARE(t->today(), QDate(2026, 11, 12));
    QVERIFY(t->flowchart()->isNodeOverdue(QStringLiteral("port-configured")));
    // A save in the tracker refreshes the list's columns; the Stage column words the stage in
    // progress as work being done, never as a milestone reached.
    QVERIFY(t->markReached(QStringLiteral("peering-created"), QDate(2026, 11, 2), QString()));
    const QString lagTitle = OnboardingTracker::inProgressTitle(QStringLiteral("port-configured"));
    QCOMPARE(lagTitle, QStringLiteral("Configuring ports"));
    QStringList row;
    for (int c = 0; c < window.table()->model()->columnCount(); ++c)
        row.append(window.table()->model()->index(0, c).data().toString());
    QVERIFY2(row.contains(lagTitle), qPrintable(row.join(QLatin1String(" | "))));
    t->close();
}

void TestTrackerViews::drivenByKeyboardAndMouse()
{
    auto w = open(sample(QStringLiteral("Typed-IX")));
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    // Milestones tab: select the stage, type a note, click Mark Reached.
    w->tabs()->setCurrentIndex(2);
    auto *list = w->findChild<QTreeWidget *>(QStringLiteral("milestoneList"));
    QVERIFY(list);
    list->setCurrentItem(list->topLevelItem(3));
    auto *note = w->findChild<QLineEdit *>(QStringLiteral("reachedNoteEdit"));
    QTest::keyClicks(note, QStringLiteral("IP mail"));
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("markReachedButton")),
                      Qt::LeftButton);
    QCOMPARE(w->flowchart()->nodeState(QStringLiteral("port-configured")), QStringLiteral("done"));
    QVERIFY(list->topLevelItem(3)->text(5).contains(QLatin1String("IP mail")));
    QVERIFY(note->text().isEmpty()); // saved with its stage; free for the next one

    // Customer ASN tab: typed in, refused with one clear message (no connection Active).
    w->tabs()->setCurrentIndex(3);
    QTest::keyClicks(w->findChild<QLineEdit *>(QStringLiteral("customerNameEdit")),
                     QStringLiteral("Contoso"));
    QTest::keyClicks(w->findChild<QLineEdit *>(QStringLiteral("customerAsnEdit")),
                     QStringLiteral("AS13335"));
    QTest::keyClicks(w->findChild<QLineEdit *>(QStringLiteral("prefixKeyEdit")), kKey);
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("registerAsnButton")),
                      Qt::LeftButton);
    QVERIFY(w->message().contains(QLatin1String("requires-active")));

    // Every input has an object name and an accessible name.
    for (QWidget *input : w->findChildren<QWidget *>()) {
        if (!qobject_cast<QLineEdit *>(input) && !qobject_cast<QComboBox *>(input)
            && !qobject_cast<QAbstractSpinBox *>(input) && !qobject_cast<QPushButton *>(input))
            continue;
        if (qobject_cast<QLineEdit *>(input) && qobject_cast<QAbstractSpinBox *>(input->parent()))
            continue; // the spin box's own editor
        QVERIFY2(!input->objectName().isEmpty(), input->metaObject()->className());
        QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
    }
}

void TestTrackerViews::closedByButtonEscAndCtrlW_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("Close button") << QStringLiteral("button");
    QTest::newRow("Esc") << QStringLiteral("esc");
    QTest::newRow("Ctrl+W") << QStringLiteral("ctrl+w");
}

void TestTrackerViews::closedByButtonEscAndCtrlW()
{
    QFETCH(QString, how);
    auto w = open(sample(QStringLiteral("Close-IX")));
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w.get()));
    auto *list = w->findChild<QTreeWidget *>(QStringLiteral("milestoneList"));
    w->tabs()->setCurrentIndex(2);
    list->setFocus();
    if (how == QLatin1String("button"))
        QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("closeTrackerButton")),
                          Qt::LeftButton);
    else if (how == QLatin1String("esc"))
        QTest::keyClick(list, Qt::Key_Escape);
    else
        QTest::keyClick(list, Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(!w->isVisible());
}

// Connections named by metro, facility and role (the identifier on hover); Copy Key and Mark
// Delivered need a customer to act on.
void TestTrackerViews::windowDetailsForPeople()
{
    Onboarding o = sample(QStringLiteral("Names-IX"));
    auto w = open(o);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    auto *connections = w->findChild<QTableWidget *>(QStringLiteral("connectionTable"));
    QVERIFY(connections && connections->rowCount() > 0);
    const Connection &c = o.peerings.at(0).connections.at(0);
    const QString name = connections->item(0, 1)->text();
    QVERIFY2(name.contains(o.peerings.at(0).metro) && name.contains(c.facilityName), qPrintable(name));
    QVERIFY2(!name.contains(c.id), qPrintable(name));
    QVERIFY(connections->item(0, 1)->toolTip().contains(c.id));
    // An unknown state is refused by the tracking service, with the states to choose from.
    QVERIFY(!w->setConnectionState(0, QStringLiteral("Up"), 0));
    QVERIFY2(w->message().contains(QStringLiteral("not a connection state")), qPrintable(w->message()));
    auto *copy = w->findChild<QPushButton *>(QStringLiteral("copyKeyButton"));
    auto *delivered = w->findChild<QPushButton *>(QStringLiteral("markDeliveredButton"));
    auto *customers = w->findChild<QTableWidget *>(QStringLiteral("customerAsnTable"));
    QCOMPARE(customers->rowCount(), 0);
    QVERIFY(!copy->isEnabled());
    QVERIFY(!delivered->isEnabled());
}

// At the default size, on a large screen and at 1440x900 with scale 2 (the small-screen run of
// this suite): the window fits its screen on every tab, no text is cut, and the flowchart's text
// is never smaller than the window's font.
void TestTrackerViews::fitsTheScreenOnEveryTab()
{
    Onboarding o = sample(QStringLiteral("Fit-IX"));
    o.peerAsn.validationState = QStringLiteral("Approved");
    for (Connection &c : o.peerings[0].connections)
        c.state = QStringLiteral("Approved"); // the deployment bar shows too
    QVERIFY(m_store->create(o).ok());
    TrackerWindow w(m_store.get(), o.name);
    w.setTimeZone(QTimeZone::utc());
    w.setNow(kNow);
    ScreenFit::resize(&w, QSize(1100, 720));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.findChild<QWidget *>(QStringLiteral("deploymentBar"))->isVisible());
    for (int tab = 0; tab < w.tabs()->count(); ++tab) {
        w.tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        const QString where = QStringLiteral("tab %1 (%2), window %3x%4, screen %5x%6")
                                  .arg(w.tabs()->tabText(tab))
                                  .arg(w.tabs()->count())
                                  .arg(w.width())
                                  .arg(w.height())
                                  .arg(ScreenFit::available(&w).width())
                                  .arg(ScreenFit::available(&w).height());
        QVERIFY2(ScreenFit::fits(&w), qPrintable(where));
        const QStringList cut = clippedTexts(&w);
        QVERIFY2(cut.isEmpty(), qPrintable(where + QStringLiteral(": ") + cut.join(u'\n')));
    }
    w.tabs()->setCurrentIndex(0);
    QCoreApplication::processEvents();
    FlowchartView *f = w.flowchart();
    QVERIFY2(f->scale() >= 1, qPrintable(QString::number(f->scale())));
    for (QGraphicsItem *item : f->scene()->items())
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item))
            QVERIFY2(text->font().pointSizeF() >= f->font().pointSizeF(),
                     qPrintable(text->text()));
    // Every node lies inside the chart's scene, none overlaps another.
    QList<QRectF> boxes;
    for (const QString &id : Milestone::stages()) {
        const QRectF box = f->node(id)->sceneBoundingRect();
        QVERIFY(f->sceneRect().contains(box));
        for (const QRectF &other : std::as_const(boxes))
            QVERIFY2(!other.intersects(box), qPrintable(id));
        boxes.append(box);
    }
}

// Wide: the stages in rows, scaled up to fill the view (text larger than the window font); narrow:
// one column, stacked from top to bottom, still at full size (it scrolls).
void TestTrackerViews::flowchartFillsItsAreaAndStacksWhenNarrow()
{
    FlowchartView f;
    f.setOnboarding(sample(QStringLiteral("Shape-IX")), kNow.date());
    f.resize(2400, 800);
    f.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f));
    QCOMPARE(f.columns(), 5);
    QVERIFY2(f.scale() > 1.2, qPrintable(QString::number(f.scale())));
    const QRectF shown = f.mapToScene(f.viewport()->rect()).boundingRect();
    QVERIFY(shown.contains(f.scene()->sceneRect().adjusted(2, 2, -2, -2)));

    f.resize(360, 900);
    QCoreApplication::processEvents();
    QCOMPARE(f.columns(), 1);
    QCOMPARE(f.scale(), 1.0);
    qreal previous = -1;
    for (const QString &id : Milestone::stages()) {
        const QRectF box = f.node(id)->sceneBoundingRect();
        QCOMPARE(f.node(id)->pos().x(), f.node(QStringLiteral("requirements"))->pos().x());
        QVERIFY2(box.top() > previous, qPrintable(id));
        previous = box.bottom();
    }
    // Still a chart to click: the node's evidence, wherever it is laid out.
    f.ensureVisible(f.node(QStringLiteral("active")));
    QSignalSpy clicked(&f, &FlowchartView::stageClicked);
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, f.nodeViewportPos(QStringLiteral("active")));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.first().first().toString(), QStringLiteral("active"));
}

// Select a customer: the form shows it; Update Selected saves the form to it through the
// service (the validator's rules apply), Remove asks and removes it.
void TestTrackerViews::customerAsnEditedAndRemoved()
{
    auto w = open(sample(QStringLiteral("Edit-IX")));
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const QString peering = w->stored().onboarding.peerings[0].name;
    for (int i = 0; i < w->stored().onboarding.connectionCount(); ++i)
        QVERIFY(w->setConnectionState(i, QStringLiteral("Active"), 0));
    QVERIFY2(w->registerCustomerAsn(QStringLiteral("Contoso"), QStringLiteral("AS13335"), peering, kKey),
             qPrintable(w->message()));
    w->tabs()->setCurrentIndex(3);
    auto *table = w->findChild<QTableWidget *>(QStringLiteral("customerAsnTable"));
    auto *update = w->findChild<QPushButton *>(QStringLiteral("updateCustomerButton"));
    auto *remove = w->findChild<QPushButton *>(QStringLiteral("removeCustomerButton"));
    QVERIFY(!update->isEnabled());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(0, 0)).center());
    QVERIFY(update->isEnabled() && remove->isEnabled());
    auto *name = w->findChild<QLineEdit *>(QStringLiteral("customerNameEdit"));
    QCOMPARE(name->text(), QStringLiteral("Contoso"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Contoso Hosting"));
    QTest::mouseClick(update, Qt::LeftButton);
    QCOMPARE(w->stored().onboarding.registeredAsns.at(0).name, QStringLiteral("Contoso Hosting"));
    QCOMPARE(m_store->load(QStringLiteral("Edit-IX"))->onboarding.registeredAsns.at(0).name,
             QStringLiteral("Contoso Hosting"));
    // A private ASN is refused with the validator's rule, and nothing changes.
    auto *asn = w->findChild<QLineEdit *>(QStringLiteral("customerAsnEdit"));
    asn->selectAll();
    QTest::keyClicks(asn, QStringLiteral("64512"));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(0, 0)).center());
    asn->selectAll();
    QTest::keyClicks(asn, QStringLiteral("64512"));
    QTest::mouseClick(update, Qt::LeftButton);
    QVERIFY2(w->message().contains(QStringLiteral("registered-asn.public")), qPrintable(w->message()));
    QCOMPARE(w->stored().onboarding.registeredAsns.at(0).asn, QStringLiteral("13335"));
    // Remove, answered Yes.
    QTimer::singleShot(0, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        QCOMPARE(box->objectName(), QStringLiteral("removeCustomerDialog"));
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    });
    QTest::mouseClick(remove, Qt::LeftButton);
    QVERIFY(w->stored().onboarding.registeredAsns.isEmpty());
    QVERIFY(m_store->load(QStringLiteral("Edit-IX"))->onboarding.registeredAsns.isEmpty());
}

namespace {

QString expectedOf(const Onboarding &o, const QString &stage)
{
    for (const Milestone &m : o.milestones)
        if (m.stage == stage)
            return m.expected;
    return {};
}

QList<OnboardingPlan::Step> planWith(const QString &stage, int day)
{
    QList<OnboardingPlan::Step> plan = OnboardingPlan::defaultSteps();
    for (OnboardingPlan::Step &s : plan)
        if (s.stage == stage)
            s.day = day;
    return plan;
}

} // namespace

void TestTrackerViews::replanByAction_data()
{
    QTest::addColumn<QDate>("start");
    QTest::addColumn<int>("activeDay");
    QTest::addColumn<QString>("peeringCreated");
    QTest::addColumn<QString>("portConfigured");
    QTest::addColumn<QString>("active");

    QTest::newRow("four days later, Active at 28") << QDate(2026, 11, 5) << 28 << "2026-11-06"
                                                   << "2026-11-13" << "2026-12-03";
    QTest::newRow("from a month end") << QDate(2026, 11, 30) << 21 << "2026-12-01" << "2026-12-08"
                                      << "2026-12-21";
    QTest::newRow("across the year end") << QDate(2026, 12, 24) << 21 << "2026-12-25"
                                         << "2027-01-01" << "2027-01-14";
    QTest::newRow("into leap February") << QDate(2028, 2, 8) << 21 << "2028-02-09" << "2028-02-16"
                                        << "2028-02-29";
    QTest::newRow("an earlier start") << QDate(2026, 10, 25) << 21 << "2026-10-26" << "2026-11-02"
                                      << "2026-11-15";
}

void TestTrackerViews::replanByAction()
{
    QFETCH(QDate, start);
    QFETCH(int, activeDay);
    QFETCH(QString, peeringCreated);
    QFETCH(QString, portConfigured);
    QFETCH(QString, active);
    static int n = 0;
    const QString name = QStringLiteral("Replan-IX %1").arg(++n);
    auto w = open(sample(name));
    const int version = w->stored().version;
    QVERIFY2(w->replan(start, planWith(QStringLiteral("active"), activeDay)),
             qPrintable(w->message()));
    QCOMPARE(w->stored().version, version + 1);
    QVERIFY2(w->message().contains(QStringLiteral("Replanned from %1").arg(start.toString(Qt::ISODate))),
             qPrintable(w->message()));

    const Onboarding stored = m_store->load(name)->onboarding;
    QCOMPARE(stored.milestones.size(), 10);
    // Reached milestones keep their plan and their reached times.
    QCOMPARE(expectedOf(stored, QStringLiteral("requirements")), QStringLiteral("2026-11-01"));
    QCOMPARE(stored.milestones[0].reached, QStringLiteral("2026-11-01T10:00:00Z"));
    QCOMPARE(expectedOf(stored, QStringLiteral("asn-association")), QStringLiteral("2026-11-02"));
    QCOMPARE(stored.milestones[1].reached, QStringLiteral("2026-11-02T08:00:00Z"));
    QCOMPARE(expectedOf(stored, QStringLiteral("peering-created")), peeringCreated);
    QCOMPARE(expectedOf(stored, QStringLiteral("port-configured")), portConfigured);
    QCOMPARE(expectedOf(stored, QStringLiteral("active")), active);
    // Overdue follows the new plan (today is 2026-11-12).
    QCOMPARE(w->flowchart()->isNodeOverdue(QStringLiteral("port-configured")),
             QDate::fromString(portConfigured, Qt::ISODate) < QDate(2026, 11, 12));
    auto *list = w->findChild<QTreeWidget *>(QStringLiteral("milestoneList"));
    QCOMPARE(list->topLevelItem(6)->text(2), active);

    // The same plan again changes nothing and stores nothing.
    QVERIFY(w->replan(start, planWith(QStringLiteral("active"), activeDay)));
    QCOMPARE(w->stored().version, version + 1);
    QVERIFY2(w->message().contains(QLatin1String("nothing to save")), qPrintable(w->message()));
}

void TestTrackerViews::replanRefusedAndConflicts()
{
    auto w = open(sample(QStringLiteral("Refuse-IX")));
    const int version = w->stored().version;
    QVERIFY(!w->replan(QDate(), OnboardingPlan::defaultSteps()));
    QVERIFY2(w->message().contains(QLatin1String("start date")), qPrintable(w->message()));
    QVERIFY(!w->replan(QDate(2026, 11, 5), planWith(QStringLiteral("lag-up"), -1)));
    QVERIFY2(w->message().contains(QLatin1String("LAG up")), qPrintable(w->message()));
    QVERIFY(w->message().contains(QLatin1String("0 or more")));
    QList<OnboardingPlan::Step> unknown = OnboardingPlan::defaultSteps();
    unknown.append({QStringLiteral("go-live"), 30});
    QVERIFY(!w->replan(QDate(2026, 11, 5), unknown));
    QVERIFY2(w->message().contains(QLatin1String("go-live")), qPrintable(w->message()));
    QCOMPARE(m_store->load(QStringLiteral("Refuse-IX"))->version, version);

    // Someone else saves in between: refused, said so, and the window shows their version.
    auto other = TrackedStore::open(StoreLocation::sqliteFile(m_path));
    StoredOnboarding theirs = *other.value()->load(QStringLiteral("Refuse-IX"));
    theirs.onboarding.milestones[3].reached = QStringLiteral("2026-11-10T09:00:00Z");
    QVERIFY(other.value()->save(theirs).ok());
    QVERIFY(!w->replan(QDate(2026, 11, 5), OnboardingPlan::defaultSteps()));
    QVERIFY2(w->message().contains(QLatin1String("Not saved")), qPrintable(w->message()));
    QCOMPARE(w->stored().version, version + 1);
    QCOMPARE(expectedOf(w->stored().onboarding, QStringLiteral("active")),
             QStringLiteral("2026-11-22"));
    // Made again on the stored version, it goes through; their reached stage keeps its date.
    QVERIFY2(w->replan(QDate(2026, 11, 5), OnboardingPlan::defaultSteps()),
             qPrintable(w->message()));
    const Onboarding stored = m_store->load(QStringLiteral("Refuse-IX"))->onboarding;
    QCOMPARE(expectedOf(stored, QStringLiteral("port-configured")), QStringLiteral("2026-11-09"));
    QCOMPARE(expectedOf(stored, QStringLiteral("active")), QStringLiteral("2026-11-26"));
}

void TestTrackerViews::replanThroughTheDialog()
{
    auto w = open(sample(QStringLiteral("Dialog-IX")));
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const int version = w->stored().version;
    w->tabs()->setCurrentIndex(2);
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("replanButton")), Qt::LeftButton);
    QPointer<PlanDialog> dialog = w->findChild<PlanDialog *>();
    QVERIFY(dialog);
    // The dialog's window is active before QApplication hears of it: wait for the latter.
    QTRY_COMPARE(QApplication::activeWindow(), dialog.data());
    QCOMPARE(dialog->mode(), PlanDialog::Mode::Replan);
    QVERIFY(dialog->windowTitle().contains(QLatin1String("Dialog-IX")));
    // It starts on the onboarding's own plan: started Nov 1, the default days.
    QCOMPARE(dialog->start(), QDate(2026, 11, 1));
    QCOMPARE(dialog->steps(), OnboardingPlan::defaultSteps());
    QVERIFY(dialog->expectedText(QStringLiteral("active")).startsWith(QLatin1String("2026-11-22")));
    // Reached stages show their kept date and no days to edit.
    QVERIFY(!dialog->daySpin(QStringLiteral("requirements"))->isVisible());
    QVERIFY2(dialog->expectedText(QStringLiteral("requirements")).contains(QLatin1String("kept")),
             qPrintable(dialog->expectedText(QStringLiteral("requirements"))));
    QVERIFY(dialog->daySpin(QStringLiteral("peering-created"))->isVisible());

    // Tab walks the stages in flow order, skipping the reached ones.
    QSpinBox *first = dialog->daySpin(QStringLiteral("peering-created"));
    first->setFocus(Qt::TabFocusReason);
    const QStringList open = Milestone::stages().mid(2);
    for (int i = 1; i < open.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->daySpin(open.at(i)));
    }

    // Alt+5 goes to LAG up: planned before its ports, the dialog warns, naming both.
    QTest::keyClick(dialog, Qt::Key_5, Qt::AltModifier);
    QSpinBox *lag = dialog->daySpin(QStringLiteral("lag-up"));
    QCOMPARE(QApplication::focusWidget(), lag);
    QTest::keyClick(lag, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(lag, QStringLiteral("5"));
    QCOMPARE(lag->value(), 5);
    QVERIFY2(dialog->warning().contains(QLatin1String("LAG up"))
                 && dialog->warning().contains(QLatin1String("Ports configured")),
             qPrintable(dialog->warning()));
    QVERIFY(dialog->okButton()->isEnabled()); // a warning, not a refusal
    QTest::keyClick(lag, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(lag, QStringLiteral("12"));
    QVERIFY(dialog->warning().isEmpty());

    // Alt+7: Active at day 28; the date follows as typed; Enter is OK.
    QTest::keyClick(dialog, Qt::Key_7, Qt::AltModifier);
    QSpinBox *active = dialog->daySpin(QStringLiteral("active"));
    QCOMPARE(QApplication::focusWidget(), active);
    QTest::keyClick(active, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(active, QStringLiteral("28"));
    QVERIFY(dialog->expectedText(QStringLiteral("active")).startsWith(QLatin1String("2026-11-29")));
    QTest::keyClick(active, Qt::Key_Return);
    QTRY_VERIFY(!dialog);

    QCOMPARE(w->stored().version, version + 1);
    const Onboarding stored = m_store->load(QStringLiteral("Dialog-IX"))->onboarding;
    QCOMPARE(expectedOf(stored, QStringLiteral("active")), QStringLiteral("2026-11-29"));
    QCOMPARE(expectedOf(stored, QStringLiteral("port-configured")), QStringLiteral("2026-11-09"));
    QCOMPARE(expectedOf(stored, QStringLiteral("requirements")), QStringLiteral("2026-11-01"));
    QCOMPARE(stored.milestones[0].reached, QStringLiteral("2026-11-01T10:00:00Z"));
    QCOMPARE(stored.milestones[1].reached, QStringLiteral("2026-11-02T08:00:00Z"));

    // Opened again it shows the stored plan; a new start date moves the open stages only, and
    // Cancel stores nothing.
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("replanButton")), Qt::LeftButton);
    dialog = w->findChild<PlanDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->daySpin(QStringLiteral("active"))->value(), 28);
    auto *startEdit = dialog->findChild<QDateEdit *>(QStringLiteral("planStartEdit"));
    QVERIFY(startEdit);
    QCOMPARE(startEdit->accessibleName(), QStringLiteral("Start date"));
    startEdit->setDate(QDate(2027, 1, 31));
    QVERIFY(dialog->expectedText(QStringLiteral("active")).startsWith(QLatin1String("2027-02-28")));
    QVERIFY(dialog->expectedText(QStringLiteral("requirements")).startsWith(QLatin1String("2026-11-01")));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog);
    QCOMPARE(w->stored().version, version + 1);

    // Restore Defaults puts back the default plan; clicking OK stores it.
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("replanButton")), Qt::LeftButton);
    dialog = w->findChild<PlanDialog *>();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->restoreDefaultsButton(), Qt::LeftButton);
    QCOMPARE(dialog->daySpin(QStringLiteral("active"))->value(), 21);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(expectedOf(m_store->load(QStringLiteral("Dialog-IX"))->onboarding,
                        QStringLiteral("active")),
             QStringLiteral("2026-11-22"));
}

void TestTrackerViews::renderPngs()
{
    Onboarding o = sample(QStringLiteral("Example-IX to Microsoft"));
    o.peerings[0].connections[0].utilizationPercent = 42;
    o.peerings[0].connections[0].utilizationMeasuredAt = QStringLiteral("2026-11-10T08:00:00Z");
    o.milestones[2].reached = QStringLiteral("2026-11-03T09:00:00Z"); // a day late
    auto w = open(o);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    // As it opens: within its screen (the flowchart and timeline are then enlarged for the PNGs).
    QVERIFY2(ScreenFit::fits(w.get()), qPrintable(QStringLiteral("%1x%2 at %3,%4, minimum %5x%6").arg(w->frameGeometry().width()).arg(w->frameGeometry().height()).arg(w->frameGeometry().x()).arg(w->frameGeometry().y()).arg(w->minimumSizeHint().width()).arg(w->minimumSizeHint().height())));
    const QString dir = QDir::currentPath();
    w->flowchart()->resize(1100, 520);
    QVERIFY(w->flowchart()->grab().save(dir + QStringLiteral("/tracker-flowchart.png")));
    w->tabs()->setCurrentIndex(1);
    w->timeline()->resize(1100, w->timeline()->sizeHint().height());
    QVERIFY(w->timeline()->grab().save(dir + QStringLiteral("/tracker-timeline.png")));
    QVERIFY(w->grab().save(dir + QStringLiteral("/tracker-window.png")));
    QVERIFY2(clippedTexts(w.get()).isEmpty(), qPrintable(clippedTexts(w.get()).join(u'\n')));
    w->tabs()->setCurrentIndex(2);
    QVERIFY(w->grab().save(dir + QStringLiteral("/tracker-milestones.png")));
    QVERIFY2(clippedTexts(w.get()).isEmpty(), qPrintable(clippedTexts(w.get()).join(u'\n')));
    for (int tab : {3, 4}) {
        w->tabs()->setCurrentIndex(tab);
        QApplication::processEvents();
        QVERIFY(w->grab().save(dir + QStringLiteral("/tracker-tab%1.png").arg(tab)));
        QVERIFY2(clippedTexts(w.get()).isEmpty(), qPrintable(clippedTexts(w.get()).join(u'\n')));
    }
    // Going back, for the record.
    QVERIFY(w->setConnectionState(1, QStringLiteral("ProvisioningFailed"), 0));
    w->tabs()->setCurrentIndex(0);
    w->flowchart()->resize(1100, 520);
    QVERIFY(w->flowchart()->grab().save(dir + QStringLiteral("/tracker-flowchart-regressed.png")));
    qInfo("PNGs in %s", qPrintable(dir));
}

void TestTrackerViews::planDialogPngs()
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QVERIFY(QDir().mkpath(dir));

    PlanDialog defaults(PlanDialog::Mode::DefaultPlan);
    defaults.setToday(QDate(2026, 11, 12));
    defaults.show();
    QVERIFY(QTest::qWaitForWindowExposed(&defaults));
    QVERIFY(defaults.findChildren<QDateEdit *>().isEmpty()); // no start date in this mode
    QVERIFY(defaults.expectedText(QStringLiteral("active")).startsWith(QLatin1String("2026-12-03")));
    QVERIFY(defaults.grab().save(dir + QStringLiteral("/plan-default.png")));
    QVERIFY2(clippedTexts(&defaults).isEmpty(), qPrintable(clippedTexts(&defaults).join(u'\n')));
    defaults.close();

    // From the main window, on a stored plan that does not parse, with a stage out of order.
    QSettings().setValue(QLatin1String(OnboardingPlan::SettingsKey), QStringLiteral("activ=28"));
    {
        MainWindow window(m_path);
        window.setToday(QDate(2026, 11, 12));
        QPointer<PlanDialog> fromMenu = window.editDefaultPlan();
        QVERIFY(QTest::qWaitForWindowExposed(fromMenu));
        QVERIFY(fromMenu->notice().contains(QLatin1String("ignored")));
        fromMenu->daySpin(QStringLiteral("lag-up"))->setValue(5);
        QVERIFY(!fromMenu->warning().isEmpty());
        fromMenu->adjustSize();
        QVERIFY(fromMenu->grab().save(dir + QStringLiteral("/plan-default-warnings.png")));
        fromMenu->reject();
    }
    QSettings().clear();

    auto w = open(sample(QStringLiteral("Example-IX to Microsoft")));
    QPointer<PlanDialog> replan = w->openReplanDialog();
    QVERIFY(QTest::qWaitForWindowExposed(replan));
    // Every control has an object name and an accessible name.
    for (QWidget *input : replan->findChildren<QWidget *>()) {
        if (!qobject_cast<QAbstractSpinBox *>(input) && !qobject_cast<QPushButton *>(input))
            continue;
        QVERIFY2(!input->objectName().isEmpty(), input->metaObject()->className());
        QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
    }
    QVERIFY(replan->grab().save(dir + QStringLiteral("/plan-replan.png")));
    QVERIFY2(clippedTexts(replan).isEmpty(), qPrintable(clippedTexts(replan).join(u'\n')));
    replan->reject();
    qInfo("plan dialog PNGs in %s", qPrintable(dir));
}

QTEST_MAIN(TestTrackerViews)
#include "tst_tracker_views.moc"
