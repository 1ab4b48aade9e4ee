// The main window on a real SQLite store in a temporary folder: the whole wizard typed in and
// created, then read back from the store; drafts autosaved and offered again, and a resumed draft
// kept on Cancel; a conflict with a second user resolved both ways; import; filtering; a store it
// cannot trust; the default tracking plan edited in Settings and used by Create.
#include "tracking/trackedstore.h"
#include "document/onboardingdocument.h"
#include "focusringstyle.h"
#include "mainwindow.h"
#include "onboardinglistmodel.h"
#include "onboardinglistproxy.h"
#include "tracking/onboardingplan.h"
#include "onboardingwizard.h"
#include "plandialog.h"
#include "screenfit.h"
#include "store/onboardingstore.h"
#include "store/storelocation.h"
#include "wizarddriver.h"

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QDateEdit>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QUrl>
#include "mailsettingsdialog.h"
#include "mailwatcher.h"
#include "mail/mailrules.h"
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTest>

using namespace Peering;
using namespace Peering::TestSupport;

namespace {

Onboarding sample(const char *name)
{
    auto r = OnboardingDocument::readFile(QStringLiteral(PEERING_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!r)
        qFatal("%s", qPrintable(r.error()));
    return *r;
}

std::unique_ptr<OnboardingStore> secondUser(const QString &path)
{
    auto opened = TrackedStore::open(StoreLocation::sqliteFile(path));
    if (!opened)
        qFatal("%s", qPrintable(opened.error().message()));
    return std::move(opened.value());
}

// Watches for message boxes while it lives and answers each one with the button of the given
// objectName (or closes it when there is none), so that an unexpected prompt fails the test
// instead of hanging it. Polls, because a box runs its own event loop.
class BoxWatcher
{
public:
    explicit BoxWatcher(const char *answer = nullptr)
        : m_answer(answer ? QLatin1String(answer) : QString())
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] { poll(); });
        m_timer.start(20);
    }
    // The object names (or titles) of the boxes seen, oldest first.
    const QStringList &seen() const { return m_seen; }
    const QStringList &texts() const { return m_texts; }
    void setAnswer(const char *answer) { m_answer = QLatin1String(answer); }

private:
    void poll()
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box == m_last)
            return;
        m_last = box;
        m_seen.append(box->objectName().isEmpty() ? box->windowTitle() : box->objectName());
        m_texts.append(box->text());
        auto *button = m_answer.isEmpty() ? nullptr : box->findChild<QPushButton *>(m_answer);
        if (button)
            QTest::mouseClick(button, Qt::LeftButton);
        else
            box->done(QMessageBox::Cancel);
    }

    QTimer m_timer;
    QString m_answer;
    QPointer<QMessageBox> m_last;
    QStringList m_seen;
    QStringList m_texts;
};

// Opens a menu of the menu bar by its Alt shortcut and picks an entry by its mnemonic, as a user
// does with the keyboard.
void chooseFromMenu(QMainWindow &window, Qt::Key menuKey, Qt::Key entryKey)
{
    QTest::keyClick(&window, menuKey, Qt::AltModifier);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
    QTest::keyClick(menu, entryKey);
}

// How many pixels of the band just inside two buttons' top edges differ strongly: the look of
// their frames, without their texts.
int frameDifference(const QImage &ia, const QImage &ib)
{
    const qreal dpr = ia.devicePixelRatio();
    const int width = qMin(ia.width(), ib.width());
    int strong = 0;
    for (int y = 0; y < int(5 * dpr); ++y) {
        for (int x = int(8 * dpr); x < width - int(8 * dpr); ++x) {
            const QColor p = ia.pixelColor(x, y);
            const QColor q = ib.pixelColor(x, y);
            if (qMax(qAbs(p.red() - q.red()), qMax(qAbs(p.green() - q.green()), qAbs(p.blue() - q.blue())))
                > 64)
                ++strong;
        }
    }
    return strong;
}

// Clicks the named button of the next message box that opens.
void answerNextBox(const char *buttonName)
{
    const QString name = QLatin1String(buttonName);
    QTimer::singleShot(0, [name] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        QPushButton *button = box->findChild<QPushButton *>(name);
        QVERIFY2(button, qPrintable(name));
        QTest::mouseClick(button, Qt::LeftButton);
    });
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mailImportedFromTheMainWindow();
    void mailDroppedOnARow();
    void watchedMaildirImportsNewMail();
    void mailSettingsDialog();
    void initTestCase();
    void init();
    void createThroughWizardAndReadBack();
    void draftsAreAutosavedAndOffered();
    void draftIsSavedOnPageChangeAndClose();
    void resumedDraftSurvivesCancel();
    void windowsFitTheScreen();
    void emptyStoreSaysWhatToDo();
    void keysNotKeptAreSaidAtCreate();
    void toolbarHasIcons();
    void tabLeavesTheTableAndTheCountStays();
    void focusedButtonStandsOutFromTheDefault();
    void restoredGeometryFromABiggerScreen();
    void conflictReloadTheirs();
    void conflictKeepMine();
    void importAndFilter();
    void aSaveChangesOneRowNotTheList();
    void listSortsByEveryColumn();
    void importSaysWhatItDidNotKeep();
    void storeItCannotTrust();
    void defaultPlanInSettings();

private:
    QTemporaryDir m_dir;
    QString m_store;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    FocusRingStyle::installIfNeeded(); // as main() does
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    static int n = 0;
    m_store = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++n));
    QSettings().clear();
}

// Import Mail on the selected onboarding, and for mail that names its onboarding.
void TestMainWindow::mailImportedFromTheMainWindow()
{
    Onboarding a = sample("clean.json");
    a.peerings[0].name = QStringLiteral("exampleix-ams-ixrs");
    QVERIFY(secondUser(m_store)->create(a).ok());
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString dir = QStringLiteral(PEERING_TEST_DATA_DIR "/mail/");
    QString summary = window.importMail({dir + "asn-approved.eml", dir + "binary.bin"}, {}, a.name);
    QVERIFY2(summary.contains(QLatin1String("1 new mail")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("1 refused")), qPrintable(summary));
    // No onboarding chosen: the port-configured mail names the peering exampleix-ams-ixrs.
    summary = window.importMail({dir + "port-configured.eml", dir + "unknown-charset.eml"}, {}, {});
    QVERIFY2(summary.contains(QStringLiteral("\"%1\": 1 new").arg(a.name)), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("name no single onboarding")), qPrintable(summary));
    const auto stored = secondUser(m_store)->load(a.name);
    QCOMPARE(stored->onboarding.mail.size(), a.mail.size() + 2);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("importMailAction"))->isEnabled());
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("importMailAction"))->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+Shift+M")));
}

// A drop onto a row imports into that onboarding, whatever is selected.
void TestMainWindow::mailDroppedOnARow()
{
    Onboarding a = sample("clean.json");
    Onboarding b = sample("clean.json");
    b.name = QStringLiteral("Zulu-IX to Microsoft");
    b.peerAsn.asn = QStringLiteral("64999");
    auto store = secondUser(m_store);
    QVERIFY(store->create(a).ok());
    QVERIFY(store->create(b).ok());
    store.reset();
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.table()->selectRow(0);
    const QRect second = window.table()->visualRect(window.proxy()->index(1, 0));
    const QPoint at = window.table()->viewport()->mapTo(&window, second.center());
    auto *data = new QMimeData;
    data->setUrls({QUrl::fromLocalFile(QStringLiteral(PEERING_TEST_DATA_DIR "/mail/no-date.eml"))});
    QDragEnterEvent enter(at, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(secondUser(m_store)->load(b.name)->onboarding.mail.size(), b.mail.size() + 1);
    QCOMPARE(secondUser(m_store)->load(a.name)->onboarding.mail.size(), a.mail.size());
    delete data;
}

// A Maildir watched for one onboarding: the mail there at the start, then a message delivered
// into new/ (as mbsync does: written to tmp/, renamed into new/) is imported as it arrives, with
// a notification; the same message moved to cur/ by a mail client adds nothing.
void TestMainWindow::watchedMaildirImportsNewMail()
{
    Onboarding a = sample("clean.json");
    QVERIFY(secondUser(m_store)->create(a).ok());
    QTemporaryDir maildir;
    for (const char *sub : {"cur", "new", "tmp"})
        QVERIFY(QDir(maildir.path()).mkpath(QLatin1String(sub)));
    QVERIFY(QFile::copy(QStringLiteral(PEERING_TEST_DATA_DIR "/mail/asn-approved.eml"),
                        maildir.filePath(QStringLiteral("cur/1.host:2,S"))));
    MailWatcher::setConfigured({{maildir.path(), a.name}});
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    MailWatcher *watcher = window.mailWatcher();
    QCOMPARE(watcher->folders().size(), 1);
    QTRY_COMPARE(secondUser(m_store)->load(a.name)->onboarding.mail.size(), a.mail.size() + 1);
    watcher->setDelay(50);
    QSignalSpy imported(watcher, &MailWatcher::imported);
    QVERIFY(QFile::copy(QStringLiteral(PEERING_TEST_DATA_DIR "/mail/port-configured.eml"),
                        maildir.filePath(QStringLiteral("tmp/2.host"))));
    QVERIFY(QFile::rename(maildir.filePath(QStringLiteral("tmp/2.host")),
                          maildir.filePath(QStringLiteral("new/2.host"))));
    QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, 10000);
    QVERIFY2(imported.first().first().toString().contains(QLatin1String("1 new milestone mail")),
             qPrintable(imported.first().first().toString()));
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Ports configured")));
    QCOMPARE(secondUser(m_store)->load(a.name)->onboarding.mail.size(), a.mail.size() + 2);
    // Read in a mail client: moved to cur/ with a flag; nothing new.
    QVERIFY(QFile::rename(maildir.filePath(QStringLiteral("new/2.host")),
                          maildir.filePath(QStringLiteral("cur/2.host:2,S"))));
    QTest::qWait(400);
    QCOMPARE(secondUser(m_store)->load(a.name)->onboarding.mail.size(), a.mail.size() + 2);
    QCOMPARE(imported.count(), 1);
}

// Settings > Mail: folders and rules kept; rules that do not parse are refused in the dialog.
void TestMainWindow::mailSettingsDialog()
{
    MainWindow window(m_store);
    window.show();
    MailSettingsDialog *dialog = window.editMailSettings();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(ScreenFit::fits(dialog));
    QTemporaryDir maildir;
    QVERIFY(QDir(maildir.path()).mkpath(QStringLiteral("new")));
    dialog->addFolder(maildir.path(), QString());
    QPlainTextEdit *rules = dialog->rulesEdit();
    QVERIFY(rules->toPlainText().contains(QLatin1String("peering-mail-rules/1")));
    rules->selectAll();
    QTest::keyClicks(rules, QStringLiteral("{\"format\": \"peering-mail-rules/1\", \"rules\": [{\"stage\": \"lag\", \"body\": \"x\"}]}"));
    QVERIFY(!dialog->save());
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("mailRulesProblem"));
    QVERIFY(!problem->isHidden());
    QVERIFY2(problem->text().contains(QLatin1String("\"stage\" must be one of")), qPrintable(problem->text()));
    QVERIFY(QSettings().value(QLatin1String(MailRules::SettingsKey)).isNull());
    rules->selectAll();
    QTest::keyClicks(rules, QStringLiteral("{\"format\": \"peering-mail-rules/1\", \"rules\": [{\"stage\": \"lag-up\", \"body\": \"lacp\"}]}"));
    QDialogButtonBox *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(MailRules::configured().rules().size(), 1);
    QCOMPARE(MailWatcher::configured().size(), 1);
    QCOMPARE(window.mailWatcher()->folders().size(), 1);
    // Restore Defaults puts the shipped rules back, and they are no setting.
    dialog = window.editMailSettings();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("restoreMailRulesButton")), Qt::LeftButton);
    QVERIFY(dialog->save());
    QVERIFY(QSettings().value(QLatin1String(MailRules::SettingsKey)).isNull());
    dialog->close();
}

void TestMainWindow::createThroughWizardAndReadBack()
{
    MainWindow window(m_store);
    window.show();
    QVERIFY(window.store());
    OnboardingWizard *w = window.newOnboarding();
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    fillCleanOnboarding(*w, QStringLiteral("Typed-IX to Microsoft"));
    if (QTest::currentTestFailed())
        return;
    QPointer<OnboardingWizard> alive(w);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(!alive || !alive->isVisible());

    // Read back through another connection, as another user would.
    auto other = secondUser(m_store);
    auto stored = other->load(QStringLiteral("Typed-IX to Microsoft"));
    QVERIFY2(stored, qPrintable(stored.error().message()));
    QCOMPARE(stored->version, 1);
    QCOMPARE(stored->onboarding.peerAsn.asn, QStringLiteral("AS213999"));
    QCOMPARE(stored->onboarding.peerings.at(0).connections.at(0).peerRouters.size(), 2);
    QCOMPARE(stored->onboarding.prefixes.at(0).prefix, QStringLiteral("185.1.201.0/24"));
    // Create started the tracker: the default plan, Active three weeks from today.
    QCOMPARE(stored->onboarding.milestones.size(), 10);
    for (const Milestone &m : stored->onboarding.milestones)
        if (m.stage == QLatin1String("active"))
            QCOMPARE(m.expected, QDate::currentDate().addDays(21).toString(Qt::ISODate));
    // The list shows it, and the draft is gone.
    QCOMPARE(window.proxy()->rowCount(), 1);
    auto drafts = other->drafts();
    QVERIFY(drafts);
    QVERIFY(drafts->isEmpty());
}

void TestMainWindow::draftsAreAutosavedAndOffered()
{
    {
        MainWindow window(m_store);
        window.show();
        OnboardingWizard *w = window.newOnboarding();
        QVERIFY(w);
        clickNext(*w);
        typeInto(child<QLineEdit>(w, "onboardingNameEdit"), QStringLiteral("Half-done IX"));
        typeInto(child<QLineEdit>(w, "asnEdit"), QStringLiteral("213999"));
        // Typing is not held up by the store: the draft is saved after a short pause.
        auto drafts = secondUser(m_store)->drafts();
        QVERIFY(drafts);
        QVERIFY(drafts->isEmpty() || drafts->at(0).onboarding.peerAsn.asn != QStringLiteral("213999"));
        QTest::qWait(MainWindow::AutosavePauseMs + 200);
        // Now every keystroke is in the store: nothing to do on the way out.
        drafts = secondUser(m_store)->drafts();
        QVERIFY(drafts);
        QCOMPARE(drafts->size(), 1);
        QCOMPARE(drafts->at(0).onboarding.name, QStringLiteral("Half-done IX"));
        QCOMPARE(drafts->at(0).onboarding.peerAsn.asn, QStringLiteral("213999"));
        // The window goes away without the wizard being finished (as in a crash).
        w->setAttribute(Qt::WA_DeleteOnClose, false);
        w->hide();
    }
    MainWindow again(m_store);
    again.show();
    answerNextBox("resumeButton");
    again.offerDrafts();
    OnboardingWizard *resumed = again.findChild<OnboardingWizard *>();
    QVERIFY(resumed);
    QCOMPARE(resumed->draft().name, QStringLiteral("Half-done IX"));
    QCOMPARE(resumed->draft().peerAsn.asn, QStringLiteral("213999"));
}

void TestMainWindow::draftIsSavedOnPageChangeAndClose()
{
    MainWindow window(m_store);
    window.show();
    OnboardingWizard *w = window.newOnboarding();
    QVERIFY(w);
    clickNext(*w);
    typeInto(child<QLineEdit>(w, "onboardingNameEdit"), QStringLiteral("Paused-IX"));
    // Leaving the page saves at once, without the pause.
    w->back();
    auto drafts = secondUser(m_store)->drafts();
    QVERIFY(drafts);
    QCOMPARE(drafts->size(), 1);
    QCOMPARE(drafts->at(0).onboarding.name, QStringLiteral("Paused-IX"));
    w->next();
    typeInto(child<QLineEdit>(w, "asnEdit"), QStringLiteral("213999"));
    // So does closing the main window.
    window.close();
    drafts = secondUser(m_store)->drafts();
    QVERIFY(drafts);
    QCOMPARE(drafts->at(0).onboarding.peerAsn.asn, QStringLiteral("213999"));
    w->setAttribute(Qt::WA_DeleteOnClose, false);
    w->hide();
}

// A draft goes away only when the user discards it or creates the onboarding: Cancel on a
// resumed draft without changes keeps it (no question asked); with changes, Keep or Discard.
void TestMainWindow::resumedDraftSurvivesCancel()
{
    const auto storedDrafts = [this] {
        auto drafts = secondUser(m_store)->drafts();
        return drafts ? int(drafts->size()) : -1;
    };
    {
        MainWindow window(m_store);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // A fresh onboarding cancelled untouched leaves nothing behind, without a question.
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QPointer<OnboardingWizard> w = window.findChild<OnboardingWizard *>();
        QVERIFY(w);
        {
            BoxWatcher none;
            QTest::mouseClick(w->button(QWizard::CancelButton), Qt::LeftButton);
            QTRY_VERIFY(!w);
            QVERIFY2(none.seen().isEmpty(), qPrintable(none.seen().join(u',')));
        }
        QCOMPARE(storedDrafts(), 0);
        // Typed into, then cancelled: the question, and Keep.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        w = window.findChild<OnboardingWizard *>();
        QVERIFY(w);
        clickNext(*w);
        typeInto(child<QLineEdit>(w, "onboardingNameEdit"), QStringLiteral("Half-done IX"));
        BoxWatcher keep("keepDraftButton");
        QTest::mouseClick(w->button(QWizard::CancelButton), Qt::LeftButton);
        QTRY_VERIFY(!w);
        QCOMPARE(keep.seen(), QStringList{QStringLiteral("keepDraftDialog")});
    }
    QCOMPARE(storedDrafts(), 1);

    // The next start: File > Resume Drafts, then Cancel without a change.
    MainWindow again(m_store);
    again.show();
    QVERIFY(QTest::qWaitForWindowActive(&again));
    {
        BoxWatcher resume("resumeButton");
        chooseFromMenu(again, Qt::Key_F, Qt::Key_R);
        QTRY_COMPARE(resume.seen(), QStringList{QStringLiteral("resumeDraftsDialog")});
    }
    QPointer<OnboardingWizard> resumed = again.findChild<OnboardingWizard *>();
    QVERIFY(resumed);
    QVERIFY(QTest::qWaitForWindowExposed(resumed));
    QCOMPARE(resumed->draft().name, QStringLiteral("Half-done IX"));
    {
        BoxWatcher none;
        QTest::mouseClick(resumed->button(QWizard::CancelButton), Qt::LeftButton);
        QTRY_VERIFY(!resumed);
        QVERIFY2(none.seen().isEmpty(), qPrintable(none.seen().join(u',')));
    }
    QCOMPARE(storedDrafts(), 1);

    // Still offered; resumed and changed, Cancel asks again, and Discard removes it.
    again.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&again));
    {
        BoxWatcher resume("resumeButton");
        chooseFromMenu(again, Qt::Key_F, Qt::Key_R);
        QTRY_COMPARE(resume.seen(), QStringList{QStringLiteral("resumeDraftsDialog")});
        QVERIFY(resume.texts().at(0).contains(QStringLiteral("Half-done IX")));
    }
    resumed = again.findChild<OnboardingWizard *>();
    QVERIFY(resumed);
    clickNext(*resumed);
    typeInto(child<QLineEdit>(resumed, "asnEdit"), QStringLiteral("213999"));
    {
        BoxWatcher discard("discardDraftButton");
        QTest::mouseClick(resumed->button(QWizard::CancelButton), Qt::LeftButton);
        QTRY_VERIFY(!resumed);
        QCOMPARE(discard.seen(), QStringList{QStringLiteral("keepDraftDialog")});
    }
    QCOMPARE(storedDrafts(), 0);
}

// Run twice by ctest: on the default offscreen screen and as tst_mainwindow_small_screen, a
// 1440x900 screen at QT_SCALE_FACTOR=2 (720x450 logical), where Next and Save were off-screen.
void TestMainWindow::windowsFitTheScreen()
{
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QRect screen = window.screen()->availableGeometry();
    const auto where = [&screen](const QWidget *w) {
        return QStringLiteral("%1: %2,%3 %4x%5 on a screen of %6x%7")
            .arg(w->objectName())
            .arg(w->frameGeometry().x())
            .arg(w->frameGeometry().y())
            .arg(w->frameGeometry().width())
            .arg(w->frameGeometry().height())
            .arg(screen.width())
            .arg(screen.height());
    };
    QVERIFY2(ScreenFit::fits(&window), qPrintable(where(&window)));

    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    auto *w = window.findChild<OnboardingWizard *>();
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    w->setObjectName(QStringLiteral("wizard"));
    QVERIFY2(ScreenFit::fits(w), qPrintable(where(w)));
    for (const QWizard::WizardButton which : {QWizard::NextButton, QWizard::CancelButton}) {
        QAbstractButton *button = w->button(which);
        QVERIFY(button->isVisible());
        const QRect onScreen(button->mapToGlobal(QPoint(0, 0)), button->size());
        QVERIFY2(screen.contains(onScreen), qPrintable(button->text() + u' ' + where(w)));
    }
}

// A first start: instead of an empty table, what to do, with a button for each way to begin; the
// example opens in the wizard and nothing is stored until Create.
// An MD5 key typed in the wizard, then Create where no keychain answers (as in this test): the
// onboarding is saved, and the user is told at once that its key was not kept, and why, by a
// message that does not block the window.
void TestMainWindow::keysNotKeptAreSaidAtCreate()
{
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QPointer<OnboardingWizard> w = window.newOnboarding();
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    fillCleanOnboarding(*w, QStringLiteral("Keys-IX to Microsoft"));
    if (QTest::currentTestFailed())
        return;
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("keysNotKeptDialog"))));
    QVERIFY(box->isVisible());
    QVERIFY(!box->isModal());
    QVERIFY2(box->text().contains(QStringLiteral("\"Keys-IX to Microsoft\" is saved, but 1 MD5 key"))
                 && box->text().contains(QStringLiteral("the desktop keychain is not available")),
             qPrintable(box->text()));
    QVERIFY(window.store()->load(QStringLiteral("Keys-IX to Microsoft")));
    box->close();
}

void TestMainWindow::emptyStoreSaysWhatToDo()
{
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QWidget *empty = child<QWidget>(&window, "emptyListPage");
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(!window.table()->isVisible());
    auto *create = child<QPushButton>(empty, "emptyNewButton");
    auto *import = child<QPushButton>(empty, "emptyImportButton");
    auto *example = child<QPushButton>(empty, "openExampleButton");
    QVERIFY(create && import && example);
    QCOMPARE(create->text(), QStringLiteral("&New Onboarding..."));
    QCOMPARE(import->text(), QStringLiteral("&Import Documents..."));
    QCOMPARE(example->text(), QStringLiteral("Open the E&xample"));
    // The keyboard reaches all three, in reading order.
    QCOMPARE(QApplication::focusWidget(), create);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), import);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), example);

    // Import Documents... asks for the files.
    bool askedForFiles = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&askedForFiles] {
        if (auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            askedForFiles = true;
            files->reject();
        }
    });
    poll.start(20);
    QTest::mouseClick(import, Qt::LeftButton);
    poll.stop();
    QVERIFY(askedForFiles);
    // New Onboarding... starts the wizard.
    QTest::mouseClick(create, Qt::LeftButton);
    QPointer<OnboardingWizard> w = window.findChild<OnboardingWizard *>();
    QVERIFY(w);
    QCOMPARE(w->draft().name, QString());
    QTest::mouseClick(w->button(QWizard::CancelButton), Qt::LeftButton);
    QTRY_VERIFY(!w);

    // Open the Example, by keyboard: the example in the wizard, nothing in the store.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_X, Qt::AltModifier);
    // A mnemonic presses its button with a short animation.
    QTRY_VERIFY((w = window.findChild<OnboardingWizard *>()));
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QCOMPARE(w->draft().name, QStringLiteral("Example-IX to Microsoft"));
    QVERIFY2(!hasErrors(w->findings()), "the bundled example passes validation");
    auto other = secondUser(m_store);
    while (w->currentId() != OnboardingWizard::ReviewPageId)
        clickNext(*w);
    QCOMPARE(other->drafts()->size(), 0);
    QCOMPARE(other->list()->size(), 0);
    QTest::mouseClick(child<QCheckBox>(w, "confirmImmutableCheck"), Qt::LeftButton);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(!w || !w->isVisible());
    QVERIFY(other->load(QStringLiteral("Example-IX to Microsoft")));
    // The list takes the page's place.
    QVERIFY(window.table()->isVisible());
    QVERIFY(!empty->isVisible());
    QCOMPARE(window.proxy()->rowCount(), 1);
}

// Toolbar actions carry icons: the desktop theme's where it has them, else the bundled ones.
void TestMainWindow::toolbarHasIcons()
{
    MainWindow window(m_store);
    window.show();
    auto *bar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(bar);
    QCOMPARE(bar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    QVERIFY(!bar->actions().isEmpty());
    for (QAction *a : bar->actions()) {
        QVERIFY2(!a->icon().isNull(), qPrintable(a->objectName()));
        QVERIFY2(!a->icon().pixmap(bar->iconSize()).isNull(), qPrintable(a->objectName()));
    }
}

// Tab goes from the list to the next control instead of walking the table's cells; the count
// of onboardings stays in the status bar whatever else it says for a moment.
void TestMainWindow::tabLeavesTheTableAndTheCountStays()
{
    auto other = secondUser(m_store);
    QVERIFY(other->create(sample("clean.json")));
    QVERIFY(other->create(sample("backup-other-metro.json")));
    other.reset();
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *count = child<QLabel>(&window, "onboardingCountLabel");
    QVERIFY(count);
    QVERIFY(count->isVisible());
    QCOMPARE(count->text(), QStringLiteral("2 onboarding(s)"));

    QTableView *table = window.table();
    table->setFocus(Qt::TabFocusReason);
    QTest::keyClick(table, Qt::Key_Down);
    QVERIFY(table->currentIndex().isValid());
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY2(QApplication::focusWidget() != table,
             "Tab stayed in the table (it walked to the next cell)");

    // A temporary message (File > Resume Drafts with none) leaves the count as it is.
    chooseFromMenu(window, Qt::Key_F, Qt::Key_R);
    QTRY_COMPARE(window.statusBar()->currentMessage(), QStringLiteral("No drafts to resume"));
    QVERIFY(count->isVisible());
    QCOMPARE(count->text(), QStringLiteral("2 onboarding(s)"));
}

// The focused button looks focused, not just like the default button: with Fusion both had the
// same outline and tint, so a highlighted button could be either. Compared: Next as the default
// while a field has the focus, and Cancel with the focus (and so, in a dialog, the default too).
void TestMainWindow::focusedButtonStandsOutFromTheDefault()
{
    MainWindow window(m_store);
    window.show();
    QTest::mouseClick(child<QPushButton>(&window, "emptyNewButton"), Qt::LeftButton);
    auto *w = window.findChild<OnboardingWizard *>();
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowActive(w));
    auto *next = qobject_cast<QPushButton *>(w->button(QWizard::NextButton));
    auto *cancel = qobject_cast<QPushButton *>(w->button(QWizard::CancelButton));
    QVERIFY(next && cancel);
    QWidget *field = QApplication::focusWidget();
    QVERIFY(field && !qobject_cast<QAbstractButton *>(field));
    QTest::keyClick(field, Qt::Key_Tab); // from one field to the next: keyboard use
    QVERIFY(!qobject_cast<QAbstractButton *>(QApplication::focusWidget()));
    QVERIFY(next->isDefault());
    const QImage nextAsDefault = next->grab().toImage();
    next->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(next, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), cancel);
    QVERIFY(!next->isDefault());
    // Without the ring these are the same frame.
    const int differing = frameDifference(nextAsDefault, cancel->grab().toImage());
    QVERIFY2(differing >= cancel->width(),
             qPrintable(QStringLiteral("only %1 pixels of the frames differ").arg(differing)));
}

// A window geometry saved on a bigger screen (or at a smaller scale factor) is clamped too.
void TestMainWindow::restoredGeometryFromABiggerScreen()
{
    QByteArray saved;
    {
        QWidget big;
        big.setGeometry(200, 150, 2600, 1600);
        saved = big.saveGeometry();
    }
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saved);
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(ScreenFit::fits(&window),
             qPrintable(QStringLiteral("%1x%2 at %3,%4")
                            .arg(window.frameGeometry().width())
                            .arg(window.frameGeometry().height())
                            .arg(window.frameGeometry().x())
                            .arg(window.frameGeometry().y())));
}

void TestMainWindow::conflictReloadTheirs()
{
    auto other = secondUser(m_store);
    QVERIFY(other->create(sample("clean.json")));
    MainWindow window(m_store);
    window.show();
    OnboardingWizard *w = window.editOnboarding(QStringLiteral("Example-IX to Microsoft"));
    QVERIFY(w);
    // Meanwhile someone else saves a change.
    auto theirs = other->load(QStringLiteral("Example-IX to Microsoft"));
    QVERIFY(theirs);
    theirs->onboarding.peerAsn.peerName = QStringLiteral("Renamed by a colleague");
    QVERIFY(other->save(*theirs));
    // Our edit, then Create: the conflict dialog, and Reload Theirs.
    w->edit([](Onboarding &o) { o.peerAsn.peerName = QStringLiteral("Mine"); });
    while (w->currentId() != OnboardingWizard::ReviewPageId)
        clickNext(*w);
    QTest::mouseClick(child<QCheckBox>(w, "confirmImmutableCheck"), Qt::LeftButton);
    answerNextBox("reloadTheirsButton");
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(w->isVisible()); // still open, now with their version
    QCOMPARE(w->draft().peerAsn.peerName, QStringLiteral("Renamed by a colleague"));
    auto stored = other->load(QStringLiteral("Example-IX to Microsoft"));
    QCOMPARE(stored->version, 2);
    QCOMPARE(stored->onboarding.peerAsn.peerName, QStringLiteral("Renamed by a colleague"));
}

void TestMainWindow::conflictKeepMine()
{
    auto other = secondUser(m_store);
    QVERIFY(other->create(sample("clean.json")));
    MainWindow window(m_store);
    window.show();
    OnboardingWizard *w = window.editOnboarding(QStringLiteral("Example-IX to Microsoft"));
    QVERIFY(w);
    auto theirs = other->load(QStringLiteral("Example-IX to Microsoft"));
    theirs->onboarding.peerAsn.peerName = QStringLiteral("Renamed by a colleague");
    QVERIFY(other->save(*theirs));
    w->edit([](Onboarding &o) { o.peerAsn.peerName = QStringLiteral("Mine"); });
    while (w->currentId() != OnboardingWizard::ReviewPageId)
        clickNext(*w);
    QTest::mouseClick(child<QCheckBox>(w, "confirmImmutableCheck"), Qt::LeftButton);
    answerNextBox("keepMineButton");
    QPointer<OnboardingWizard> alive(w);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(!alive || !alive->isVisible());
    auto stored = other->load(QStringLiteral("Example-IX to Microsoft"));
    QCOMPARE(stored->version, 3);
    QCOMPARE(stored->onboarding.peerAsn.peerName, QStringLiteral("Mine"));
}

void TestMainWindow::importAndFilter()
{
    MainWindow window(m_store);
    window.show();
    const QString data = QStringLiteral(PEERING_TEST_DATA_DIR "/");
    {
        BoxWatcher report("");
        QCOMPARE(window.importFiles({data + "clean.json", data + "backup-other-metro.json"}), 2);
        QCOMPARE(report.seen(), QStringList{QStringLiteral("importReportDialog")});
    }
    QCOMPARE(window.proxy()->rowCount(), 2);
    auto *filter = child<QLineEdit>(&window, "filterEdit");
    QTest::keyClicks(filter, QStringLiteral("backup"));
    QCOMPARE(window.proxy()->rowCount(), 1);
    QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(filter, QStringLiteral("213999"));
    QCOMPARE(window.proxy()->rowCount(), 2);
    QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(filter, QStringLiteral("no such onboarding"));
    QCOMPARE(window.proxy()->rowCount(), 0);
    filter->clear();
    QCOMPARE(window.proxy()->rowCount(), 2);
    // The same document again is refused by name, and the window says so.
    BoxWatcher refused("");
    QCOMPARE(window.importFiles({data + "clean.json"}), 0);
    QCOMPARE(refused.texts(), QStringList{QStringLiteral("Imported: 0 of 1")});
    QCOMPARE(window.proxy()->rowCount(), 2);
}

void TestMainWindow::aSaveChangesOneRowNotTheList()
{
    MainWindow window(m_store);
    window.show();
    const QString data = QStringLiteral(PEERING_TEST_DATA_DIR "/");
    {
        BoxWatcher report("");
        QCOMPARE(window.importFiles({data + "clean.json", data + "backup-other-metro.json"}), 2);
    }
    QCOMPARE(window.proxy()->rowCount(), 2);
    QAbstractItemModel *model = window.proxy()->sourceModel();
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);

    // Another user saves one of them: refreshing it changes that row only.
    auto other = secondUser(m_store);
    const QString name = window.proxy()->index(0, 0).data(OnboardingListModel::NameRole).toString();
    auto stored = other->load(name);
    QVERIFY2(stored, qPrintable(stored.error().message()));
    stored->onboarding.peerings[0].metro = QStringLiteral("Tokyo");
    QVERIFY(other->save(*stored).ok());
    window.refreshOne({name});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(window.proxy()->rowCount(), 2);
    bool shown = false;
    for (int row = 0; row < window.proxy()->rowCount(); ++row)
        if (window.proxy()->index(row, 0).data(OnboardingListModel::NameRole).toString() == name)
            shown = window.proxy()->index(row, OnboardingListModel::MetrosColumn).data().toString()
                        .contains(QStringLiteral("Tokyo"));
    QVERIFY(shown);
    // The filter finds the changed row by its new metro, in any case, with spaces around.
    auto *filter = child<QLineEdit>(&window, "filterEdit");
    QTest::keyClicks(filter, QStringLiteral(" TOKYO "));
    QCOMPARE(window.proxy()->rowCount(), 1);
    filter->clear();

    // Removed by the other user: the row goes, the count follows, still no reset.
    QVERIFY(other->remove(name, stored->version + 1).ok());
    window.refreshOne({name});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(window.proxy()->rowCount(), 1);
    QVERIFY(child<QLabel>(&window, "onboardingCountLabel")->text().contains(QStringLiteral("1 onboarding")));
    // A name the list never had, still in the store: it is added.
    Onboarding added = OnboardingDocument::readFile(data + "clean.json").value();
    added.name = QStringLiteral("Added-IX to Microsoft");
    added.peerAsn.asn = QStringLiteral("AS213998");
    QVERIFY(other->create(added).ok());
    window.refreshOne({added.name});
    QCOMPARE(window.proxy()->rowCount(), 2);
    QCOMPARE(reset.size(), 0);
}

void TestMainWindow::listSortsByEveryColumn()
{
    OnboardingListModel model;
    const QDate today(2026, 12, 3);
    model.setToday(today);
    auto row = [&](const char *name, const char *asn, const char *metro, const char *stage,
                   int inDays, int updatedDaysAgo) {
        OnboardingSummary s;
        s.id = qHash(QLatin1String(name));
        s.name = QLatin1String(name);
        s.peerAsn = QLatin1String(asn);
        s.metros = {QLatin1String(metro)};
        s.stage = QLatin1String(stage);
        s.nextStage = QStringLiteral("active");
        if (inDays != 0)
            s.nextExpected = today.addDays(inDays);
        s.updatedAt = QDateTime(today.addDays(-updatedDaysAgo), QTime(9, 0), Qt::UTC);
        return s;
    };
    model.setSummaries({row("beta", "AS3", "Tokyo", "active", 5, 1),
                        row("Alpha", "AS1", "amsterdam", "asn-association", -2, 3),
                        row("gamma", "AS2", "Ashburn", "peering-created", 0, 2)});
    OnboardingListProxy proxy;
    proxy.setSourceModel(&model);
    auto order = [&](int column, Qt::SortOrder how) {
        proxy.sort(column, how);
        QStringList names;
        for (int r = 0; r < proxy.rowCount(); ++r)
            names.append(proxy.index(r, 0).data(OnboardingListModel::NameRole).toString());
        return names.join(u',');
    };
    using M = OnboardingListModel;
    QCOMPARE(order(M::NameColumn, Qt::AscendingOrder), QStringLiteral("Alpha,beta,gamma"));
    QCOMPARE(order(M::NameColumn, Qt::DescendingOrder), QStringLiteral("gamma,beta,Alpha"));
    QCOMPARE(order(M::PeerAsnColumn, Qt::AscendingOrder), QStringLiteral("Alpha,gamma,beta"));
    QCOMPARE(order(M::MetrosColumn, Qt::AscendingOrder), QStringLiteral("Alpha,gamma,beta"));
    // Stages in flowchart order; no next milestone sorts last by days, first by date.
    QCOMPARE(order(M::StageColumn, Qt::AscendingOrder), QStringLiteral("Alpha,gamma,beta"));
    QCOMPARE(order(M::DaysColumn, Qt::AscendingOrder), QStringLiteral("Alpha,beta,gamma"));
    QCOMPARE(order(M::NextColumn, Qt::AscendingOrder), QStringLiteral("gamma,Alpha,beta"));
    QCOMPARE(order(M::UpdatedColumn, Qt::AscendingOrder), QStringLiteral("Alpha,gamma,beta"));
    // A changed row is sorted by its new key (the ranks of the old ones are not reused).
    order(M::PeerAsnColumn, Qt::AscendingOrder);
    OnboardingSummary changed = row("beta", "AS0", "Tokyo", "active", 5, 1);
    model.updateSummary(changed);
    QCOMPARE(order(M::PeerAsnColumn, Qt::DescendingOrder), QStringLiteral("gamma,Alpha,beta"));
    QCOMPARE(order(M::PeerAsnColumn, Qt::AscendingOrder), QStringLiteral("beta,Alpha,gamma"));
    // The days left are read from the pinned date; the filter finds them as shown.
    proxy.setFilterText(QStringLiteral(" OVERDUE"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(OnboardingListModel::NameRole).toString(), QStringLiteral("Alpha"));
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 3);
}

// File > Import Documents: one dialog at the end says what was not imported and why, the MD5
// keys the store did not keep (as the command line does), and the findings of what went in.
void TestMainWindow::importSaysWhatItDidNotKeep()
{
    QVERIFY(secondUser(m_store)->create(sample("clean.json")));
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // The file dialog, typed into as a user would: the folder, then the files.
    QString informative;
    QString detailed;
    QString summary;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    bool typed = false;
    QTimer poll;
    int waited = 0;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        auto *files = qobject_cast<QFileDialog *>(modal);
        if (files && !typed) {
            typed = true;
            auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            // The folder as pasted into the dialog's path: typed and entered, its listing is
            // read in the background and, on a busy machine, the names typed next could be
            // taken before it changed folder.
            files->setDirectory(QStringLiteral(PEERING_TEST_DATA_DIR));
        } else if (files && ++waited > 1500) {
            // 30 s: fail rather than hang.
            const auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            qWarning("the file dialog did not take the names: %s in %s (%s)",
                     qPrintable(name ? name->text() : QString()),
                     qPrintable(files->directory().path()), qPrintable(summary));
            files->reject();
        } else if (files && waited % 10 == 0) {
            // The names, once the folder is shown; the dialog clears them when its listing
            // arrives, so they are typed again while the field is empty, and Return pressed
            // again as a person would, rather than wait for ever.
            if (auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))) {
                if (name->text().isEmpty())
                    QTest::keyClicks(name, QStringLiteral("\"clean.json\" \"many-findings.json\" "
                                                          "\"backup-same-metro.json\" "
                                                          "\"truncated.json\""));
                QTest::keyClick(name, Qt::Key_Return);
            }
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            summary = box->objectName() == QLatin1String("importReportDialog")
                          ? box->text()
                          : QStringLiteral("another box: ") + box->text();
            informative = box->informativeText();
            detailed = box->detailedText();
            icon = box->icon();
            QTest::keyClick(box, Qt::Key_Return);
        }
    });
    poll.start(20);
    QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
    poll.stop();
    QVERIFY(typed);

    QCOMPARE(summary, QStringLiteral("Imported: 2 of 4"));
    QCOMPARE(icon, QMessageBox::Warning);
    const auto has = [](const QString &text, const QString &part) {
        return text.contains(part) ? true : (qWarning("missing: %s in\n%s", qPrintable(part),
                                                      qPrintable(text)), false);
    };
    // Not imported, and why.
    QVERIFY(has(informative, QStringLiteral("Not imported:")));
    QVERIFY(has(informative, QStringLiteral("clean.json: ")));
    QVERIFY(has(informative, QStringLiteral("already in the store")));
    QVERIFY(has(informative, QStringLiteral("<br>truncated.json: not valid JSON")));
    // What the store did not keep, as the command line says it: two keys in many-findings.json,
    // one in backup-same-metro.json (its other one is empty).
    // (No keychain answers in the test: they are kept nowhere, and the reason is given.)
    QVERIFY(has(informative, QStringLiteral("MD5 keys not kept: 3, because the desktop keychain is not available")));
    // What went in, with its findings counted, and every finding in the details.
    QVERIFY(has(informative, QStringLiteral("Broken-IX draft: 37 error(s), 5 warning(s)")));
    QVERIFY(has(informative, QStringLiteral(": 1 error(s), 1 warning(s)")));
    QVERIFY(has(detailed, QStringLiteral("error [asn.public] Peer ASN: Peer ASN 64512")));
    // Fields in words, never as document paths.
    QVERIFY(has(detailed, QStringLiteral("[backup.other-location] ")));
    QVERIFY2(!detailed.contains(QStringLiteral("peerings[")), qPrintable(detailed));
    QCOMPARE(detailed.count(QStringLiteral("\n  error [")), 37 + 1);
    QCOMPARE(window.proxy()->rowCount(), 3);
    QCOMPARE(child<QLabel>(&window, "onboardingCountLabel")->text(),
             QStringLiteral("3 onboarding(s)"));
}

void TestMainWindow::storeItCannotTrust()
{
    QFile f(m_store);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a database, and it must stay as it is");
    f.close();
    MainWindow window(m_store);
    window.show();
    QVERIFY(!window.store());
    auto *problem = child<QLabel>(&window, "storeProblemLabel");
    QVERIFY(!problem->isHidden());
    QVERIFY(problem->text().contains(QStringLiteral("cannot be used")));
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("newOnboardingAction"))->isEnabled());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("this is not a database, and it must stay as it is"));
}

void TestMainWindow::defaultPlanInSettings()
{
    const QString key = QLatin1String(OnboardingPlan::SettingsKey);
    QSettings().setValue(key, QStringLiteral("activ=28")); // a stored plan that does not parse
    MainWindow window(m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *action = window.findChild<QAction *>(QStringLiteral("defaultPlanAction"));
    QVERIFY(action);
    QMenu *settingsMenu = nullptr;
    for (QAction *m : window.menuBar()->actions())
        if (m->menu() && m->menu()->actions().contains(action))
            settingsMenu = m->menu();
    QVERIFY(settingsMenu);
    QCOMPARE(settingsMenu->title(), QStringLiteral("&Settings"));
    QVERIFY(action->isEnabled());
    action->trigger();
    QPointer<PlanDialog> dialog = window.findChild<PlanDialog *>();
    QVERIFY(dialog);
    QTRY_COMPARE(QApplication::activeWindow(), dialog.data());
    QCOMPARE(dialog->mode(), PlanDialog::Mode::DefaultPlan);
    QVERIFY(dialog->findChildren<QDateEdit *>().isEmpty());
    // One line says the stored plan was ignored and why; the defaults are shown.
    QVERIFY2(dialog->notice().contains(QLatin1String("ignored"))
                 && dialog->notice().contains(QLatin1String("\"activ\"")),
             qPrintable(dialog->notice()));
    QCOMPARE(dialog->steps(), OnboardingPlan::defaultSteps());

    // Alt+7 Active, Alt+8 Customer ASNs: four weeks each. Keys delivered (day 21) now comes
    // before them: one line says so; Alt+9 moves it too, and the warning goes.
    const auto typeDays = [&dialog](Qt::Key number, const QString &stage, const QString &days) {
        QTest::keyClick(dialog, number, Qt::AltModifier);
        QSpinBox *spin = dialog->daySpin(stage);
        QCOMPARE(QApplication::focusWidget(), spin);
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, days);
    };
    typeDays(Qt::Key_7, QStringLiteral("active"), QStringLiteral("28"));
    typeDays(Qt::Key_8, QStringLiteral("customer-asns"), QStringLiteral("28"));
    QVERIFY2(dialog->warning().contains(QLatin1String("Keys delivered (day 21)"))
                 && dialog->warning().contains(QLatin1String("Active (day 28)")),
             qPrintable(dialog->warning()));
    typeDays(Qt::Key_9, QStringLiteral("keys-delivered"), QStringLiteral("28"));
    QVERIFY2(dialog->warning().isEmpty(), qPrintable(dialog->warning()));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QString stored = QSettings().value(key).toString();
    QVERIFY2(stored.contains(QLatin1String("active=28"))
                 && stored.contains(QLatin1String("customer-asns=28")),
             qPrintable(stored));
    QVERIFY(OnboardingPlan::parseSteps(stored));

    // Create uses it: Active four weeks from today.
    OnboardingWizard *w = window.newOnboarding();
    QVERIFY(w);
    QVERIFY(QTest::qWaitForWindowExposed(w));
    fillCleanOnboarding(*w, QStringLiteral("Planned-IX to Microsoft"));
    if (QTest::currentTestFailed())
        return;
    QPointer<OnboardingWizard> alive(w);
    QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(!alive || !alive->isVisible());
    auto created = secondUser(m_store)->load(QStringLiteral("Planned-IX to Microsoft"));
    QVERIFY2(created, qPrintable(created.error().message()));
    for (const Milestone &m : created->onboarding.milestones) {
        if (m.stage == QLatin1String("active") || m.stage == QLatin1String("customer-asns")
            || m.stage == QLatin1String("keys-delivered"))
            QCOMPARE(m.expected, QDate::currentDate().addDays(28).toString(Qt::ISODate));
        if (m.stage == QLatin1String("bgp-mesh"))
            QCOMPARE(m.expected, QDate::currentDate().addDays(18).toString(Qt::ISODate));
    }

    // Opened again it shows the stored plan; Restore Defaults and OK remove the setting.
    action->trigger();
    dialog = window.findChild<PlanDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->notice().isEmpty());
    QCOMPARE(dialog->daySpin(QStringLiteral("active"))->value(), 28);
    QTest::mouseClick(dialog->restoreDefaultsButton(), Qt::LeftButton);
    QCOMPARE(dialog->steps(), OnboardingPlan::defaultSteps());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QVERIFY(!QSettings().contains(key));

    // Cancel leaves the setting as it is.
    QSettings().setValue(key, QStringLiteral("active=30"));
    action->trigger();
    dialog = window.findChild<PlanDialog *>();
    QVERIFY(dialog);
    QTRY_COMPARE(QApplication::activeWindow(), dialog.data());
    QTest::keyClick(dialog, Qt::Key_7, Qt::AltModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("9"));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog);
    QCOMPARE(QSettings().value(key).toString(), QStringLiteral("active=30"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
