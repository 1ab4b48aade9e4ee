// Drives the real wizard on the offscreen platform: typing into fields, clicking Next (never
// QWizard::next(), which skips isComplete()), filling the connection dialog, and Create.
#include "document/onboardingdocument.h"
#include "onboardingwizard.h"
#include "connectiondialog.h"
#include "export/reviewreport.h"
#include "layoutcheck.h"
#include "screenfit.h"
#include "wizarddriver.h"
#include "validation/onboardingvalidator.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTextDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace Peering;
using namespace Peering::TestSupport;

namespace {

Onboarding readSample(const char *name)
{
    const auto r = OnboardingDocument::readFile(QStringLiteral(PEERING_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!r)
        qFatal("%s", qPrintable(r.error()));
    return *r;
}

} // namespace

namespace {

QTreeWidgetItem *findingItem(QTreeWidget *tree, const QString &rule)
{
    for (int g = 0; g < tree->topLevelItemCount(); ++g)
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i)
            if (tree->topLevelItem(g)->child(i)->text(2) == rule)
                return tree->topLevelItem(g)->child(i);
    return nullptr;
}

// The wizard on Review + create as Check Document File opens it.
void openAtReview(OnboardingWizard &w, bool asBefore)
{
    if (asBefore) {
        // How it was opened before "openAtReview" existed: Review as the start page, with no
        // history behind it.
        w.setStartId(OnboardingWizard::ReviewPageId);
        w.restart();
    } else {
        w.openAtReview();
    }
}

} // namespace

class TestWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void fillWholeWizardByKeyboardAndCreate();
    void blockedByErrorsAndShowsThem();
    void nextFollowsPageErrors_data();
    void nextFollowsPageErrors();
    void privateAsnIsSaidWhileTyping();
    void reviewFindingLeadsToField();
    void metroAddDuplicateRemove();
    void pasteListAddsPrefixes();
    void everyInputHasAnAccessibleName();
    void findingActivatedFromAnyStart_data();
    void findingActivatedFromAnyStart();
    void enterOnConnectionRowStaysOnPage_data();
    void enterOnConnectionRowStaysOnPage();
    void enterInTablesNeverPressesNext();
    void connectionDialogShowsWholeMessages();
    void newConnectionStartsAtAValidBandwidth();
    void bandwidthIsChosenInGbps();
    void createdOnboardingKeepsFixedFields();
    void checklistTiedToFindings();
    void pendingBlocksOnlyCreate();
    void reviewShowsTheExportSummary();
    void oneMessagePerProblem();
    void allFindingsOfATableAtOnce();
    void messagesAndTablesInWords();
    void screenshots();
};

void TestWizard::init()
{
    QApplication::setActiveWindow(nullptr);
}

void TestWizard::fillWholeWizardByKeyboardAndCreate()
{
    OnboardingWizard w;
    QSignalSpy created(&w, &OnboardingWizard::created);
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.currentId(), int(OnboardingWizard::RequirementsPageId));

    fillCleanOnboarding(w, QStringLiteral("Example-IX to Microsoft"));
    if (QTest::currentTestFailed())
        return;
    QAbstractButton *create = w.button(QWizard::FinishButton);
    QVERIFY(child<QLabel>(&w, "reviewStatus")->text().contains(QStringLiteral("passed")));
    QTest::mouseClick(create, Qt::LeftButton);

    QCOMPARE(created.count(), 1);
    const Onboarding o = created.at(0).at(0).value<Onboarding>();
    QCOMPARE(o.name, QStringLiteral("Example-IX to Microsoft"));
    QCOMPARE(o.peerAsn.asn, QStringLiteral("AS213999"));
    QCOMPARE(o.peerAsn.contacts.at(0).email, QStringLiteral("noc@example-ix.net"));
    QCOMPARE(o.peerings.size(), 1);
    QCOMPARE(o.peerings[0].metro, QStringLiteral("Amsterdam"));
    QCOMPARE(o.peerings[0].connections.size(), 1);
    const Connection &c = o.peerings[0].connections[0];
    QCOMPARE(c.peeringDbFacilityId, 62);
    QCOMPARE(c.peerRouters, (QStringList{"rs1.ams.example-ix.net", "rs2.ams.example-ix.net"}));
    QCOMPARE(c.bandwidthMbps, 100000);
    QCOMPARE(c.bgp.md5Key, QStringLiteral("s3cret"));
    QCOMPARE(o.prefixes.size(), 1);
    QCOMPARE(o.prefixes[0].trafficClass, QStringLiteral("SBC voice"));
    QVERIFY(o.prefixes[0].registered);
    QVERIFY(!hasErrors(OnboardingValidator::validate(o)));
}

void TestWizard::blockedByErrorsAndShowsThem()
{
    OnboardingWizard w;
    QSignalSpy created(&w, &OnboardingWizard::created);
    w.setDraft(readSample("many-findings.json"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    clickNext(w); // requirements never block
    QCOMPARE(w.currentId(), int(OnboardingWizard::PeerAsnPageId));
    QVERIFY(!nextButton(w)->isEnabled());
    // Leaving the ASN field shows its error from the model layer.
    auto *asn = child<QLineEdit>(&w, "asnEdit");
    asn->setFocus();
    QTest::keyClick(asn, Qt::Key_Tab);
    auto *message = child<QLabel>(&w, "asnEditMessage");
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("Error")));
    QTest::mouseClick(nextButton(w), Qt::LeftButton); // disabled: nothing happens
    QCOMPARE(w.currentId(), int(OnboardingWizard::PeerAsnPageId));
    // Review shows every finding and keeps Create disabled, even confirmed; Enter creates
    // nothing.
    w.openAtReview();
    QCOMPARE(w.currentId(), int(OnboardingWizard::ReviewPageId));
    QVERIFY(findingItem(child<QTreeWidget>(&w, "reviewFindings"), QStringLiteral("asn.public")));
    QTest::mouseClick(child<QCheckBox>(&w, "confirmImmutableCheck"), Qt::LeftButton);
    QVERIFY(child<QCheckBox>(&w, "confirmImmutableCheck")->isChecked());
    QAbstractButton *create = w.button(QWizard::FinishButton);
    QVERIFY(create->isVisible());
    QVERIFY(!create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);
    QTest::keyClick(child<QCheckBox>(&w, "confirmImmutableCheck"), Qt::Key_Return);
    QCOMPARE(created.count(), 0);
    QVERIFY(w.isVisible());
}

void TestWizard::nextFollowsPageErrors_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("widget");
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("good");
    QTest::newRow("peer asn") << int(OnboardingWizard::PeerAsnPageId) << "asnEdit" << "AS64512" << "213999";
    QTest::newRow("subscription") << int(OnboardingWizard::BasicsPageId) << "subscriptionEdit"
                                  << "not-a-guid" << "3f2c5d1e-8a4b-4c6d-9e0f-1a2b3c4d5e6f";
    QTest::newRow("resource group") << int(OnboardingWizard::BasicsPageId) << "resourceGroupEdit"
                                    << "rg." << "rg-peering";
    QTest::newRow("peering name") << int(OnboardingWizard::BasicsPageId) << "peeringNameEdit"
                                  << "bad name" << "good-name";
    QTest::newRow("metro") << int(OnboardingWizard::ConfigurationPageId) << "metroCombo" << ""
                           << "Amsterdam";
}

void TestWizard::nextFollowsPageErrors()
{
    QFETCH(int, page);
    QFETCH(QString, widget);
    QFETCH(QString, bad);
    QFETCH(QString, good);
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    while (w.currentId() < page)
        clickNext(w);
    QCOMPARE(w.currentId(), page);
    QVERIFY(nextButton(w)->isEnabled());
    QWidget *target = w.currentPage()->findChild<QWidget *>(widget);
    QVERIFY(target);
    QLineEdit *edit = qobject_cast<QLineEdit *>(target);
    if (!edit)
        edit = qobject_cast<QComboBox *>(target)->lineEdit();
    typeInto(edit, bad);
    QVERIFY(!nextButton(w)->isEnabled());
    QVERIFY(w.currentPage()->findChild<QLabel *>(widget + QStringLiteral("Message"))->isVisible());
    typeInto(edit, good);
    QVERIFY(nextButton(w)->isEnabled());
    QVERIFY(!w.currentPage()->findChild<QLabel *>(widget + QStringLiteral("Message"))->isVisible());
}

void TestWizard::privateAsnIsSaidWhileTyping()
{
    OnboardingWizard w;
    w.show();
    clickNext(w);
    auto *asn = child<QLineEdit>(&w, "asnEdit");
    asn->setFocus();
    QTest::keyClicks(asn, QStringLiteral("64512"));
    // Said at once, before the field is left.
    QVERIFY(child<QLabel>(&w, "asnClassLabel")->text().contains(QStringLiteral("private use")));
    QTest::keyClick(asn, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(asn, QStringLiteral("64496"));
    QVERIFY(child<QLabel>(&w, "asnClassLabel")->text().contains(QStringLiteral("documentation")));
    QTest::keyClick(asn, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(asn, QStringLiteral("64086.59904"));
    QVERIFY(child<QLabel>(&w, "asnClassLabel")->text().contains(QStringLiteral("private use")));
    QTest::keyClick(asn, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(asn, QStringLiteral("8075"));
    QVERIFY(child<QLabel>(&w, "asnClassLabel")->text().contains(QStringLiteral("public")));
}

void TestWizard::reviewFindingLeadsToField()
{
    OnboardingWizard w;
    Onboarding o = readSample("clean.json");
    o.peerings[1].resourceGroup = QStringLiteral("bad.");
    w.setDraft(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.goToField(QStringLiteral("peerings[1].resourceGroup"));
    QCOMPARE(w.currentId(), int(OnboardingWizard::BasicsPageId));
    QCOMPARE(w.currentPeering(), 1);
    auto *rg = child<QLineEdit>(&w, "resourceGroupEdit");
    QCOMPARE(rg->text(), QStringLiteral("bad."));
    QTRY_VERIFY(rg->hasFocus());
    QVERIFY(child<QLabel>(&w, "resourceGroupEditMessage")->isVisible());
    QVERIFY(!nextButton(w)->isEnabled());
}

void TestWizard::metroAddDuplicateRemove()
{
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.show();
    clickNext(w);
    clickNext(w);
    QCOMPARE(w.currentId(), int(OnboardingWizard::BasicsPageId));
    auto *combo = child<QComboBox>(w.currentPage(), "peeringCombo");
    QCOMPARE(combo->count(), 2);
    QTest::mouseClick(child<QPushButton>(w.currentPage(), "duplicateMetroButton"), Qt::LeftButton);
    QCOMPARE(w.draft().peerings.size(), 3);
    QCOMPARE(w.currentPeering(), 2);
    QCOMPARE(w.draft().peerings[2].connections.size(), 1);
    QVERIFY(w.draft().peerings[2].connections[0].id.isEmpty());
    QCOMPARE(child<QLineEdit>(&w, "peeringNameEdit")->text(), QStringLiteral("exampleix-ams-ixrs-copy"));
    QTest::mouseClick(child<QPushButton>(w.currentPage(), "addMetroButton"), Qt::LeftButton);
    QCOMPARE(w.draft().peerings.size(), 4);
    QCOMPARE(w.draft().peerings[3].subscriptionId, w.draft().peerings[2].subscriptionId);
    QVERIFY(child<QLineEdit>(&w, "peeringNameEdit")->text().isEmpty());
    QTest::mouseClick(child<QPushButton>(w.currentPage(), "removeMetroButton"), Qt::LeftButton);
    QCOMPARE(w.draft().peerings.size(), 3);
    chooseByKeyboard(combo, combo->itemText(0));
    QCOMPARE(w.currentPeering(), 0);
    QCOMPARE(child<QLineEdit>(&w, "peeringNameEdit")->text(), QStringLiteral("exampleix-ams-ixrs"));
}

void TestWizard::pasteListAddsPrefixes()
{
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.show();
    while (w.currentId() < OnboardingWizard::PrefixesPageId)
        clickNext(w);
    onNextModal([](QWidget *d) {
        typeLines(d->findChild<QPlainTextEdit *>(),
                  {"185.1.210.0/24", "# a comment", "not a prefix", "185.1.211.0/25 AS213999 Teams SBC"});
        QTimer::singleShot(0, [] {
            // The warning about the rejected line.
            QWidget *box = QApplication::activeModalWidget();
            QVERIFY(box);
            QTest::keyClick(box, Qt::Key_Return);
        });
        QTest::mouseClick(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(&w, "pastePrefixesButton"), Qt::LeftButton);
    QCOMPARE(w.draft().prefixes.size(), 4);
    QCOMPARE(w.draft().prefixes[2].originAsn, QStringLiteral("213999"));
    QCOMPARE(w.draft().prefixes[2].communities, QStringList{"8075:8007"});
    QCOMPARE(w.draft().prefixes[3].originAsn, QStringLiteral("AS213999"));
    QCOMPARE(w.draft().prefixes[3].trafficClass, QStringLiteral("Teams SBC"));
}

void TestWizard::everyInputHasAnAccessibleName()
{
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.show();
    for (int id : w.pageIds()) {
        for (QWidget *input : w.page(id)->findChildren<QWidget *>()) {
            const bool isInput = qobject_cast<QLineEdit *>(input) || qobject_cast<QComboBox *>(input)
                                 || qobject_cast<QSpinBox *>(input) || qobject_cast<QTableWidget *>(input)
                                 || qobject_cast<QCheckBox *>(input);
            if (!isInput || qobject_cast<QComboBox *>(input->parentWidget())
                || qobject_cast<QAbstractSpinBox *>(input->parentWidget()))
                continue; // the line edit inside an editable combo box is named by the combo
            if (qobject_cast<QTableWidget *>(input->parentWidget() ? input->parentWidget()->parentWidget() : nullptr))
                continue; // cell widgets are named per row
            QVERIFY2(!input->objectName().isEmpty(), qPrintable(input->metaObject()->className()));
            QVERIFY2(!input->accessibleName().isEmpty() || qobject_cast<QCheckBox *>(input),
                     qPrintable(input->objectName()));
        }
    }
}


void TestWizard::findingActivatedFromAnyStart_data()
{
    QTest::addColumn<bool>("reviewAsStartPage");
    QTest::addColumn<bool>("byDoubleClick");
    QTest::newRow("opened at review, Enter") << false << false;
    QTest::newRow("opened at review, double-click") << false << true;
    QTest::newRow("review as start page, Enter") << true << false;
    QTest::newRow("review as start page, double-click") << true << true;
}

// Check Document File on a document with errors, then a finding activated: the wizard goes to
// the field (here a truncated peering name on Basics), never loops.
void TestWizard::findingActivatedFromAnyStart()
{
    QFETCH(bool, reviewAsStartPage);
    QFETCH(bool, byDoubleClick);
    OnboardingWizard w;
    Onboarding o = readSample("clean.json");
    o.peerings[0].name = QStringLiteral("exampleix-ams-ixrs ");
    w.setDraft(o);
    w.resize(1100, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    openAtReview(w, reviewAsStartPage);
    QCOMPARE(w.currentId(), int(OnboardingWizard::ReviewPageId));
    auto *tree = child<QTreeWidget>(&w, "reviewFindings");
    QTreeWidgetItem *item = findingItem(tree, QStringLiteral("basics.peering-name"));
    QVERIFY(item);
    tree->setFocus();
    tree->setCurrentItem(item);
    if (byDoubleClick) {
        // As a mouse does it: a click, then the double-click.
        const QRect r = tree->visualItemRect(item);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, r.center());
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, r.center());
    } else {
        QTest::keyClick(tree, Qt::Key_Return);
    }
    QCOMPARE(w.currentId(), int(OnboardingWizard::BasicsPageId));
    QCOMPARE(w.currentPeering(), 0);
    QTRY_VERIFY(child<QLineEdit>(&w, "peeringNameEdit")->hasFocus());
    QVERIFY(child<QLabel>(&w, "peeringNameEditMessage")->isVisible());
    // Back on Review by clicking Next through the pages in between.
    auto *name = child<QLineEdit>(&w, "peeringNameEdit");
    typeInto(name, QStringLiteral("exampleix-ams-ixrs"));
    while (w.currentId() < OnboardingWizard::ReviewPageId)
        clickNext(w);
    QVERIFY(!findingItem(child<QTreeWidget>(&w, "reviewFindings"), QStringLiteral("basics.peering-name")));
}

void TestWizard::enterOnConnectionRowStaysOnPage_data()
{
    QTest::addColumn<int>("closeKey");
    QTest::newRow("Esc") << int(Qt::Key_Escape);
    QTest::newRow("Enter (Save)") << int(Qt::Key_Return);
}

// Enter on a row opens the editor; after Save or Esc the wizard is still on Connections.
void TestWizard::enterOnConnectionRowStaysOnPage()
{
    QFETCH(int, closeKey);
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    while (w.currentId() < OnboardingWizard::ConnectionsPageId)
        clickNext(w);
    auto *table = child<QTableWidget>(&w, "connectionsTable");
    table->setFocus();
    table->setCurrentCell(0, 0);
    bool opened = false;
    onNextModal([&opened, closeKey](QWidget *d) {
        opened = d->objectName() == QLatin1String("connectionDialog");
        QWidget *focus = d->focusWidget();
        QTest::keyClick(focus && d->isAncestorOf(focus) ? focus : d, Qt::Key(closeKey));
        if (d->isVisible()) // never hang the test: the failure shows below
            QMetaObject::invokeMethod(d, "reject", Qt::QueuedConnection);
    });
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(opened);
    QCOMPARE(w.currentId(), int(OnboardingWizard::ConnectionsPageId));
    QCoreApplication::processEvents();
    QCOMPARE(w.currentId(), int(OnboardingWizard::ConnectionsPageId));
}

// The contacts and prefixes tables: Enter never reaches the wizard's Next.
void TestWizard::enterInTablesNeverPressesNext()
{
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    clickNext(w);
    auto *contacts = child<QTableWidget>(&w, "contactsTable");
    contacts->setFocus();
    contacts->setCurrentCell(0, 1);
    QTest::keyClick(contacts, Qt::Key_Return);
    QCOMPARE(w.currentId(), int(OnboardingWizard::PeerAsnPageId));
    while (w.currentId() < OnboardingWizard::PrefixesPageId)
        clickNext(w);
    auto *prefixes = child<QTableWidget>(&w, "prefixesTable");
    prefixes->setFocus();
    prefixes->setCurrentCell(0, 0);
    QTest::keyClick(prefixes, Qt::Key_Enter);
    QCOMPARE(w.currentId(), int(OnboardingWizard::PrefixesPageId));
}

// Two messages at once (bandwidth below the minimum, a router that already terminates another
// connection): both whole at the dialog's default size, the bandwidth box usable, every message
// also the field's tooltip and accessible description, the dialog within the screen.
void TestWizard::connectionDialogShowsWholeMessages()
{
    Onboarding o = readSample("clean.json");
    Connection &c = o.peerings[0].connections[0];
    Connection second = c;
    second.id.clear();
    second.role = QStringLiteral("redundant");
    second.bandwidthMbps = 1000;
    second.peerRouters = {c.peerRouters.value(0), QStringLiteral("rs9.ams.example-ix.net")};
    o.peerings[0].connections.append(second);
    ConnectionDialog d(o, 0, 1);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    // Save shows every field's finding; the dialog stays open while the test looks at it.
    auto *bandwidth = child<QComboBox>(&d, "bandwidthCombo");
    auto *routers = child<QLineEdit>(&d, "routersEdit");
    routers->setFocus();
    QTest::keyClick(routers, Qt::Key_Tab);
    bandwidth->setFocus();
    QTest::keyClick(bandwidth, Qt::Key_Tab);
    QApplication::processEvents();
    QApplication::processEvents();
    auto *bwMessage = child<QLabel>(&d, "bandwidthComboMessage");
    auto *routerMessage = child<QLabel>(&d, "routersEditMessage");
    QVERIFY(bwMessage->isVisible());
    QVERIFY(routerMessage->isVisible());
    QVERIFY2(routerMessage->text().contains(QStringLiteral("already terminates")), qPrintable(routerMessage->text()));
    QVERIFY(bwMessage->text().contains(QStringLiteral("Error:")));
    // Whole: the wrapped text has the height it needs, inside the visible part of the form.
    for (QLabel *m : {bwMessage, routerMessage}) {
        QVERIFY2(m->heightForWidth(m->width()) <= m->height() + 1,
                 qPrintable(QStringLiteral("%1 clipped: %2 of %3 px").arg(m->objectName()).arg(m->height()).arg(m->heightForWidth(m->width()))));
        QVERIFY(insideWindow(m));
        auto *scroll = d.findChild<QScrollArea *>(QStringLiteral("connectionScroll"));
        const QRect inViewport(m->mapTo(scroll->viewport(), QPoint(0, 0)), m->size());
        QVERIFY2(scroll->viewport()->rect().contains(inViewport), qPrintable(m->objectName()));
    }
    QVERIFY2(bandwidth->width() >= bandwidth->minimumSizeHint().width(),
             qPrintable(QString::number(bandwidth->width())));
    QVERIFY(bandwidth->toolTip().contains(QStringLiteral("below Microsoft's minimum")));
    QCOMPARE(bandwidth->accessibleDescription(), bandwidth->toolTip());
    QVERIFY(routers->toolTip().contains(QStringLiteral("already terminates")));
    QVERIFY2(clippedTexts(&d).isEmpty(), qPrintable(clippedTexts(&d).join(u'\n')));
    QVERIFY(ScreenFit::fits(&d));
}

void TestWizard::newConnectionStartsAtAValidBandwidth()
{
    Onboarding o = readSample("clean.json");
    for (PeeringResource &p : o.peerings)
        for (Connection &c : p.connections)
            c.bandwidthMbps = 1000;
    ConnectionDialog fromBelow(o, 0, -1);
    QCOMPARE(fromBelow.connection().bandwidthMbps, 10000);
    o.peerings[1].connections[0].bandwidthMbps = 100000;
    ConnectionDialog fromOther(o, 0, -1);
    QCOMPARE(fromOther.connection().bandwidthMbps, 100000);
    o.peerings[0].connections[0].bandwidthMbps = 40000;
    ConnectionDialog fromPeering(o, 0, -1);
    QCOMPARE(fromPeering.connection().bandwidthMbps, 40000);
}

// Gbps choices with 100 Gbps LAGs, no silent completion, and a value from a document that is no
// choice shown as it is.
void TestWizard::bandwidthIsChosenInGbps()
{
    Onboarding o = readSample("clean.json");
    o.peerings[0].connections[0].bandwidthMbps = 1000;
    ConnectionDialog d(o, 0, 0);
    d.show();
    auto *bandwidth = child<QComboBox>(&d, "bandwidthCombo");
    QVERIFY(!bandwidth->isEditable());
    QCOMPARE(bandwidth->currentText(), QStringLiteral("1 Gbps (below the 10 Gbps minimum)"));
    QCOMPARE(d.connection().bandwidthMbps, 1000);
    QStringList texts;
    for (int i = 0; i < bandwidth->count(); ++i)
        texts.append(bandwidth->itemText(i));
    for (const char *t : {"10 Gbps", "20 Gbps (2 x 10 Gbps LAG)", "40 Gbps (4 x 10 Gbps LAG)", "100 Gbps",
                          "200 Gbps (2 x 100 Gbps LAG)", "300 Gbps (3 x 100 Gbps LAG)"})
        QVERIFY2(texts.contains(QLatin1String(t)), t);
    chooseByKeyboard(bandwidth, QStringLiteral("200 Gbps (2 x 100 Gbps LAG)"));
    QCOMPARE(d.connection().bandwidthMbps, 200000);
    chooseByKeyboard(bandwidth, QStringLiteral("10 Gbps"));
    QCOMPARE(d.connection().bandwidthMbps, 10000);
}

void TestWizard::createdOnboardingKeepsFixedFields()
{
    Onboarding stored = readSample("clean.json");
    stored.peerings[0].connections[0].state = QStringLiteral("Active");
    stored.peerings[1].connections[0].state = QStringLiteral("None"); // not created yet
    OnboardingWizard w;
    w.setDraft(stored);
    w.setStoredOriginal(stored);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    clickNext(w);
    auto *asn = child<QLineEdit>(&w, "asnEdit");
    QVERIFY(asn->isReadOnly());
    QVERIFY(child<QLabel>(&w, "asnFixedNote")->isVisible());
    clickNext(w);
    QCOMPARE(w.currentId(), int(OnboardingWizard::BasicsPageId));
    auto *name = child<QLineEdit>(&w, "peeringNameEdit");
    QVERIFY(name->isReadOnly());
    QVERIFY(child<QLineEdit>(&w, "subscriptionEdit")->isReadOnly());
    QVERIFY(child<QLineEdit>(&w, "resourceGroupEdit")->isReadOnly());
    QVERIFY(child<QLabel>(&w, "createdPeeringNote")->isVisible());
    QVERIFY(child<QLabel>(&w, "createdPeeringNote")->text().contains(QStringLiteral("New Onboarding")));
    name->setFocus();
    QTest::keyClicks(name, QStringLiteral("renamed"));
    QCOMPARE(w.draft().peerings[0].name, stored.peerings[0].name);
    // The second peering has no connection past None: it can still be renamed.
    chooseByKeyboard(child<QComboBox>(w.currentPage(), "peeringCombo"),
                     child<QComboBox>(w.currentPage(), "peeringCombo")->itemText(1));
    QVERIFY(!name->isReadOnly());
    QVERIFY(!child<QLabel>(&w, "createdPeeringNote")->isVisible());
    typeInto(name, QStringLiteral("exampleix-fra-ixrs2"));
    QCOMPARE(w.draft().peerings[1].name, QStringLiteral("exampleix-fra-ixrs2"));
    while (w.currentId() < OnboardingWizard::ReviewPageId)
        clickNext(w);
    QCOMPARE(w.button(QWizard::FinishButton)->text().remove(u'&'), QStringLiteral("Save"));
    QVERIFY(child<QLabel>(&w, "reviewStatus")->text().contains(QStringLiteral("then Save")));
    QCOMPARE(w.currentPage()->title(), QStringLiteral("Review + Save"));
    const QString summary = child<QTextBrowser>(&w, "reviewSummary")->toPlainText();
    QVERIFY2(summary.contains(QStringLiteral("What Save will change")), qPrintable(summary.left(300)));
    QVERIFY(summary.contains(QStringLiteral("exampleix-fra-ixrs2")));
}

// A Met item whose rule has a finding is a warning naming both; open items are listed at
// Review; the new onboarding's open checklist is not "0 warnings".
void TestWizard::checklistTiedToFindings()
{
    OnboardingWizard w;
    Onboarding o = readSample("clean.json");
    o.requirements = OnboardingWizard::newOnboarding().requirements;
    o.peerings[0].connections[0].lacp = false;
    w.setDraft(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    chooseByKeyboard(child<QComboBox>(&w, "requirement_lacp"), QStringLiteral("Met"));
    w.openAtReview();
    auto *tree = child<QTreeWidget>(&w, "reviewFindings");
    QTreeWidgetItem *contradicted = findingItem(tree, QStringLiteral("requirement.contradicted"));
    QVERIFY(contradicted);
    QVERIFY(contradicted->text(0).contains(QStringLiteral("LACP on every interconnect link")));
    QVERIFY(contradicted->text(0).contains(QStringLiteral("interconnect.lacp")));
    QTreeWidgetItem *open = findingItem(tree, QStringLiteral("requirement.open"));
    QVERIFY(open);
    QVERIFY(open->text(0).contains(QStringLiteral("12 requirement")));
    QVERIFY(!child<QLabel>(&w, "reviewStatus")->text().contains(QStringLiteral("0 warning")));
    // Activating the open checklist goes to the Requirements page.
    tree->setFocus();
    tree->setCurrentItem(open);
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(w.currentId(), int(OnboardingWizard::RequirementsPageId));
}

// An error that only Create waits for (the association is Pending) is not shown as an error
// that blocks Next.
void TestWizard::pendingBlocksOnlyCreate()
{
    OnboardingWizard w;
    Onboarding o = readSample("clean.json");
    o.peerAsn.validationState = QStringLiteral("Pending");
    w.setDraft(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    clickNext(w);
    auto *state = child<QComboBox>(&w, "validationStateCombo");
    state->setFocus();
    QTest::keyClick(state, Qt::Key_Tab);
    auto *message = child<QLabel>(&w, "validationStateComboMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("Needed before Create:")), qPrintable(message->text()));
    QVERIFY(!message->text().contains(QStringLiteral("Error:")));
    QVERIFY(nextButton(w)->isEnabled());
    // A private ASN is an error that blocks Next, and says so.
    typeInto(child<QLineEdit>(&w, "asnEdit"), QStringLiteral("64512"));
    QVERIFY(child<QLabel>(&w, "asnEditMessage")->text().contains(QStringLiteral("Error:")));
    QVERIFY(!nextButton(w)->isEnabled());
}

void TestWizard::reviewShowsTheExportSummary()
{
    OnboardingWizard w;
    const Onboarding o = readSample("clean.json");
    w.setDraft(o);
    w.show();
    w.openAtReview();
    const QString shown = child<QTextBrowser>(&w, "reviewSummary")->toPlainText();
    QVERIFY2(!shown.contains(QStringLiteral("ASAS")), qPrintable(shown.left(400)));
    QTextDocument exported;
    exported.setHtml(ReviewReport::build(o, ExportOptions{}).toHtml());
    // Same blocks: every line of the export's text is on the page (the export date aside).
    const QStringList lines = exported.toPlainText().split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 20);
    for (const QString &line : lines)
        if (!line.startsWith(QLatin1String("Exported")))
            QVERIFY2(shown.contains(line), qPrintable(line));
}

// A private ASN says so once (the live classification gives way to the field's message).
void TestWizard::oneMessagePerProblem()
{
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    clickNext(w);
    typeInto(child<QLineEdit>(&w, "asnEdit"), QStringLiteral("64512"));
    int mentions = 0;
    for (QLabel *l : w.currentPage()->findChildren<QLabel *>())
        if (l->isVisible() && l->text().contains(QStringLiteral("private use")))
            ++mentions;
    QCOMPARE(mentions, 1);
}

// Every finding of a row at once: not registered and without the community.
void TestWizard::allFindingsOfATableAtOnce()
{
    OnboardingWizard w;
    Onboarding o = readSample("clean.json");
    o.prefixes[0].registered = false;
    o.prefixes[0].communities.clear();
    w.setDraft(o);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    while (w.currentId() < OnboardingWizard::PrefixesPageId) {
        if (w.currentId() == OnboardingWizard::ConnectionsPageId) {
            clickNext(w);
            break;
        }
        clickNext(w);
    }
    QCOMPARE(w.currentId(), int(OnboardingWizard::PrefixesPageId));
    auto *table = child<QTableWidget>(&w, "prefixesTable");
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Tab);
    const QString text = child<QLabel>(&w, "prefixesTableMessage")->text();
    QVERIFY2(text.contains(QStringLiteral("8075:8007")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("not registered"), Qt::CaseInsensitive), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Prefix ") + o.prefixes[0].prefix), qPrintable(text));
}

// No raw paths in the GUI, plurals right, Review's columns whole.
void TestWizard::messagesAndTablesInWords()
{
    OnboardingWizard w;
    Onboarding o = readSample("clean.json");
    Connection second = o.peerings[0].connections[0];
    second.id.clear();
    second.role = QStringLiteral("redundant");
    o.peerings[0].connections.append(second); // same routers: diversity.routers
    w.setDraft(o);
    w.resize(1100, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    while (w.currentId() < OnboardingWizard::ConnectionsPageId)
        clickNext(w);
    auto *table = child<QTableWidget>(&w, "connectionsTable");
    const QString problems = table->item(1, table->columnCount() - 1)->text();
    QVERIFY2(!problems.contains(QStringLiteral("1 errors")), qPrintable(problems));
    QVERIFY2(!table->item(1, table->columnCount() - 1)->toolTip().contains(u'['),
             qPrintable(table->item(1, table->columnCount() - 1)->toolTip()));
    w.openAtReview();
    auto *tree = child<QTreeWidget>(&w, "reviewFindings");
    QTreeWidgetItem *item = findingItem(tree, QStringLiteral("diversity.routers"));
    QVERIFY(item);
    QVERIFY2(!item->text(0).contains(QStringLiteral("peerings[")), qPrintable(item->text(0)));
    QVERIFY2(!item->text(1).contains(u'['), qPrintable(item->text(1)));
    QVERIFY2(item->text(1).contains(QStringLiteral("Amsterdam")), qPrintable(item->text(1)));
    const QFontMetrics fm(tree->font());
    for (int col : {1, 2})
        QVERIFY2(tree->columnWidth(col) >= fm.horizontalAdvance(item->text(col)),
                 qPrintable(item->text(col)));
    QCOMPARE(item->toolTip(1), item->text(1));
    QVERIFY(item->toolTip(2).contains(QStringLiteral("diversity.routers")));
}

void TestWizard::screenshots()
{
    // Every page at the default size, filled with the clean sample, for people to look at, and
    // asserted: no label or button whose text is cut, the wizard within its screen, and the
    // connection dialog whole too.
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    ScreenFit::resize(&w, QSize(1100, 720));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(ScreenFit::fits(&w));
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QVERIFY(QDir().mkpath(dir));
    int shots = 0;
    for (;;) {
        QTest::qWait(30); // delayed layouts (rows sized to their wrapped text) are done
        const QString name = w.currentPage()->objectName();
        const QStringList clipped = clippedTexts(&w);
        QVERIFY2(clipped.isEmpty(), qPrintable(name + QStringLiteral(":\n") + clipped.join(u'\n')));
        for (QAbstractButton *b : {w.button(QWizard::NextButton), w.button(QWizard::CancelButton)})
            if (b->isVisible())
                QVERIFY2(insideWindow(b), qPrintable(b->text()));
        const QImage image = w.grab().toImage();
        QCOMPARE(image.size(), w.size() * w.devicePixelRatio());
        QVERIFY(image.save(QStringLiteral("%1/wizard-%2-%3.png").arg(dir).arg(w.currentId()).arg(name)));
        ++shots;
        if (w.currentId() == OnboardingWizard::ConnectionsPageId) {
            ConnectionDialog d(w.draft(), 0, 0, &w);
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            QApplication::processEvents();
            QVERIFY2(clippedTexts(&d).isEmpty(), qPrintable(clippedTexts(&d).join(u'\n')));
            QVERIFY(ScreenFit::fits(&d));
            QVERIFY(d.grab().save(dir + QStringLiteral("/connection-dialog.png")));
        }
        if (w.currentId() == OnboardingWizard::ReviewPageId) {
            // A finding's row is as tall as its wrapped message.
            auto *tree = child<QTreeWidget>(&w, "reviewFindings");
            QTreeWidgetItem *open = findingItem(tree, QStringLiteral("requirement.open"));
            QVERIFY(open);
            QVERIFY2(tree->visualItemRect(open).height() > 2 * tree->fontMetrics().height(),
                     qPrintable(QString::number(tree->visualItemRect(open).height())));
            break;
        }
        clickNext(w);
    }
    QCOMPARE(shots, 7);
}

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
