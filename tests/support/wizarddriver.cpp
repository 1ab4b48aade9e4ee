#include "wizarddriver.h"

#include "domain/requirementcheck.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace Peering::TestSupport {

void fillCleanOnboarding(OnboardingWizard &w, const QString &name)
{
    QCOMPARE(w.currentId(), int(OnboardingWizard::RequirementsPageId));
    // 1. Requirements: mark each met.
    for (const RequirementInfo &info : RequirementCheck::catalogue())
        chooseByKeyboard(child<QComboBox>(&w, qPrintable(QStringLiteral("requirement_") + info.id)),
                         QStringLiteral("Met"));
    clickNext(w);

    // 2. Peer ASN.
    QCOMPARE(w.currentId(), int(OnboardingWizard::PeerAsnPageId));
    typeInto(child<QLineEdit>(&w, "onboardingNameEdit"), name);
    typeInto(child<QLineEdit>(&w, "asnEdit"), QStringLiteral("AS213999"));
    typeInto(child<QLineEdit>(&w, "peerNameEdit"), QStringLiteral("Example Internet Exchange"));
    typeInto(child<QLineEdit>(&w, "peerAsnNameEdit"), QStringLiteral("example-ix-asn"));
    chooseByKeyboard(child<QComboBox>(&w, "validationStateCombo"), QStringLiteral("Approved"));
    auto *contacts = child<QTableWidget>(&w, "contactsTable");
    typeIntoCell(contacts, 0, 1, QStringLiteral("noc@example-ix.net"));
    typeIntoCell(contacts, 0, 2, QStringLiteral("+31 20 555 0100"));
    clickNext(w);

    // 3. Basics.
    QCOMPARE(w.currentId(), int(OnboardingWizard::BasicsPageId));
    QVERIFY(child<QLabel>(&w, "immutableWarning")->isVisible());
    QVERIFY(!nextButton(w)->isEnabled());
    typeInto(child<QLineEdit>(&w, "subscriptionEdit"), QStringLiteral("3f2c5d1e-8a4b-4c6d-9e0f-1a2b3c4d5e6f"));
    typeInto(child<QLineEdit>(&w, "resourceGroupEdit"), QStringLiteral("rg-peering-prod"));
    typeInto(child<QLineEdit>(&w, "peeringNameEdit"), QStringLiteral("exampleix-ams-ixrs"));
    clickNext(w);

    // 4. Configuration.
    QCOMPARE(w.currentId(), int(OnboardingWizard::ConfigurationPageId));
    QCOMPARE(child<QLineEdit>(&w, "kindEdit")->text(), QStringLiteral("Direct"));
    QVERIFY(child<QLineEdit>(&w, "kindEdit")->isReadOnly());
    typeIntoCombo(child<QComboBox>(&w, "regionCombo"), QStringLiteral("westeurope"));
    typeIntoCombo(child<QComboBox>(&w, "metroCombo"), QStringLiteral("Amsterdam"));
    clickNext(w);

    // 5. Connections: the dialog, filled by typing.
    QCOMPARE(w.currentId(), int(OnboardingWizard::ConnectionsPageId));
    QVERIFY(!nextButton(w)->isEnabled()); // a peering needs a connection
    onNextModal([](QWidget *d) {
        auto *facility = child<QSpinBox>(d, "facilityIdSpin");
        facility->setFocus();
        QTest::keyClick(facility, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(facility, QStringLiteral("62"));
        typeInto(child<QLineEdit>(d, "facilityNameEdit"), QStringLiteral("Equinix AM5"));
        typeInto(child<QLineEdit>(d, "routersEdit"),
                 QStringLiteral("rs1.ams.example-ix.net, rs2.ams.example-ix.net"));
        chooseByKeyboard(child<QComboBox>(d, "bandwidthCombo"), QStringLiteral("100 Gbps"));
        QVERIFY(child<QCheckBox>(d, "lacpCheck")->isChecked());
        QVERIFY(!child<QCheckBox>(d, "useForPeeringServiceCheck")->isEnabled());
        typeInto(child<QLineEdit>(d, "sessionPrefixV4Edit"), QStringLiteral("185.1.200.0/31"));
        typeInto(child<QLineEdit>(d, "peerIPv4Edit"), QStringLiteral("185.1.200.1"));
        typeInto(child<QLineEdit>(d, "microsoftIPv4Edit"), QStringLiteral("185.1.200.0"));
        typeInto(child<QLineEdit>(d, "md5Edit"), QStringLiteral("s3cret"));
        QCOMPARE(child<QLineEdit>(d, "md5Edit")->echoMode(), QLineEdit::Password);
        auto *box = d->findChild<QDialogButtonBox *>();
        QTest::mouseClick(box->button(QDialogButtonBox::Save), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(&w, "addConnectionButton"), Qt::LeftButton);
    QCOMPARE(child<QTableWidget>(&w, "connectionsTable")->rowCount(), 1);
    QVERIFY(child<QLabel>(&w, "sessionsLabel")->text().contains(QStringLiteral("2 BGP sessions")));
    clickNext(w);

    // 6. Prefixes: paste a list, then tick registered.
    QCOMPARE(w.currentId(), int(OnboardingWizard::PrefixesPageId));
    onNextModal([](QWidget *d) {
        auto *text = d->findChild<QPlainTextEdit *>();
        QVERIFY(text);
        QTest::keyClicks(text, QStringLiteral("185.1.201.0/24 213999 SBC voice"));
        auto *box = d->findChild<QDialogButtonBox *>();
        QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QTest::mouseClick(child<QPushButton>(&w, "pastePrefixesButton"), Qt::LeftButton);
    auto *prefixes = child<QTableWidget>(&w, "prefixesTable");
    QCOMPARE(prefixes->rowCount(), 1);
    QVERIFY(!nextButton(w)->isEnabled()); // not registered yet
    prefixes->setFocus();
    prefixes->setCurrentCell(0, 5);
    QTest::keyClick(prefixes, Qt::Key_Space);
    QCOMPARE(prefixes->item(0, 5)->checkState(), Qt::Checked);
    clickNext(w);

    // 7. Review + create: Create waits for the confirmation.
    QCOMPARE(w.currentId(), int(OnboardingWizard::ReviewPageId));
    QAbstractButton *create = w.button(QWizard::FinishButton);
    QVERIFY(create->isVisible());
    QVERIFY(!create->isEnabled());
    QTest::mouseClick(child<QCheckBox>(&w, "confirmImmutableCheck"), Qt::LeftButton);
    QVERIFY(create->isEnabled());
}

} // namespace Peering::TestSupport
