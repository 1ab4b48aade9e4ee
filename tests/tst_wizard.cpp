// Drives the real wizard on the offscreen platform: typing into fields, clicking Next (never
// QWizard::next(), which skips isComplete()), filling the connection dialog, and Create.
#include "document/onboardingdocument.h"
#include "onboardingwizard.h"
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
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
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
    // Review shows every finding and keeps Create disabled, even confirmed.
    w.goToField(QStringLiteral("registeredAsns[0].asn"));
    QTest::mouseClick(nextButton(w), Qt::LeftButton); // disabled: nothing happens
    QCOMPARE(w.currentId(), int(OnboardingWizard::PeerAsnPageId));
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

void TestWizard::screenshots()
{
    // Every page at 1280x800, filled with the clean sample, for people to look at.
    OnboardingWizard w;
    w.setDraft(readSample("clean.json"));
    w.resize(1280, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QVERIFY(QDir().mkpath(dir));
    int shots = 0;
    for (;;) {
        QApplication::processEvents();
        const QString name = w.currentPage()->objectName();
        const QImage image = w.grab().toImage();
        QCOMPARE(image.size(), QSize(1280, 800));
        QVERIFY(image.save(QStringLiteral("%1/wizard-%2-%3.png").arg(dir).arg(w.currentId()).arg(name)));
        ++shots;
        if (w.currentId() == OnboardingWizard::ReviewPageId)
            break;
        clickNext(w);
    }
    QCOMPARE(shots, 7);
}

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
