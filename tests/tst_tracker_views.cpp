// The tracker window on a real SQLite store with a pinned clock: the flowchart's current and
// overdue stages, a click on a node showing its evidence, the timeline's rows, today and target
// lines, milestones ticked and saved with the version check (and a conflict), customer ASNs
// refused and registered, copy key through the clipboard, connection states and the LAG notice,
// and the main window's Track action. Both views are rendered to PNG in the build folder.
#include "flowchartview.h"
#include "mainwindow.h"
#include "onboardinglistmodel.h"
#include "timelineview.h"
#include "trackerwindow.h"

#include "onboarding/onboardingplan.h"
#include "store/onboardingstore.h"
#include "storesamples.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
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
    void mainWindowTrackAction();
    void drivenByKeyboardAndMouse();
    void renderPngs();

private:
    std::unique_ptr<TrackerWindow> open(const Onboarding &o);
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<OnboardingStore> m_store;
};

void TestTrackerViews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestTrackerViews::init()
{
    static int n = 0;
    m_store.reset();
    m_path = m_dir.filePath(QStringLiteral("track%1.sqlite").arg(++n));
    auto opened = OnboardingStore::open(StoreLocation::sqliteFile(m_path));
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
    w->resize(1200, 760);
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
    auto other = OnboardingStore::open(StoreLocation::sqliteFile(m_path));
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
    QVERIFY(table->item(0, 5)->text().contains(QLatin1String("ProvisioningFailed")));
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
    // A save in the tracker refreshes the list's columns (which read milestones only: see
    // docs/tracking.md).
    QVERIFY(t->markReached(QStringLiteral("peering-created"), QDate(2026, 11, 2), QString()));
    const QString lagTitle = OnboardingListModel::stageTitle(QStringLiteral("port-configured"));
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

void TestTrackerViews::renderPngs()
{
    Onboarding o = sample(QStringLiteral("Example-IX to Microsoft"));
    o.peerings[0].connections[0].utilizationPercent = 42;
    o.peerings[0].connections[0].utilizationMeasuredAt = QStringLiteral("2026-11-10T08:00:00Z");
    o.milestones[2].reached = QStringLiteral("2026-11-03T09:00:00Z"); // a day late
    auto w = open(o);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const QString dir = QDir::currentPath();
    w->flowchart()->resize(1100, 520);
    QVERIFY(w->flowchart()->grab().save(dir + QStringLiteral("/tracker-flowchart.png")));
    w->tabs()->setCurrentIndex(1);
    w->timeline()->resize(1100, w->timeline()->sizeHint().height());
    QVERIFY(w->timeline()->grab().save(dir + QStringLiteral("/tracker-timeline.png")));
    QVERIFY(w->grab().save(dir + QStringLiteral("/tracker-window.png")));
    w->tabs()->setCurrentIndex(2);
    QVERIFY(w->grab().save(dir + QStringLiteral("/tracker-milestones.png")));
    // Going back, for the record.
    QVERIFY(w->setConnectionState(1, QStringLiteral("ProvisioningFailed"), 0));
    w->tabs()->setCurrentIndex(0);
    w->flowchart()->resize(1100, 520);
    QVERIFY(w->flowchart()->grab().save(dir + QStringLiteral("/tracker-flowchart-regressed.png")));
    qInfo("PNGs in %s", qPrintable(dir));
}

QTEST_MAIN(TestTrackerViews)
#include "tst_tracker_views.moc"
