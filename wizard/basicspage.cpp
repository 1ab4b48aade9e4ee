#include "basicspage.h"

#include "onboardingwizard.h"
#include "peeringselector.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Peering {

BasicsPage::BasicsPage(OnboardingWizard *wizard)
    : OnboardingPage(wizard, OnboardingWizard::BasicsPageId)
    , m_subscription(new QLineEdit(this))
    , m_resourceGroup(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_created(new QLabel(this))
{
    setObjectName(QStringLiteral("basicsPage"));
    setTitle(tr("Basics"));
    setSubTitle(tr("The portal's Basics tab, for each peering (one per metro)."));

    auto *warning = new QLabel(
        tr("<b>These cannot be changed after the peering is created:</b> subscription, resource "
           "group, peering name and peer ASN. Check them now; changing one later means deleting "
           "the peering and starting over."),
        this);
    warning->setObjectName(QStringLiteral("immutableWarning"));
    warning->setWordWrap(true);
    warning->setFrameShape(QFrame::StyledPanel);
    warning->setMargin(8);
    warning->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3d3000; }"));

    // Shown instead of the warning once the peering exists in Azure.
    m_created->setObjectName(QStringLiteral("createdPeeringNote"));
    m_created->setWordWrap(true);
    m_created->setFrameShape(QFrame::StyledPanel);
    m_created->setMargin(8);
    m_created->setText(
        tr("<b>This peering is created in Azure:</b> its subscription, resource group and name "
           "cannot change. To use other values, add a new peering with Add Metro (and remove "
           "this one in the portal), or start a new onboarding with File &gt; New Onboarding."));
    m_created->setVisible(false);

    m_subscription->setObjectName(QStringLiteral("subscriptionEdit"));
    m_subscription->setPlaceholderText(QStringLiteral("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"));
    m_resourceGroup->setObjectName(QStringLiteral("resourceGroupEdit"));
    m_resourceGroup->setMaxLength(90);
    m_name->setObjectName(QStringLiteral("peeringNameEdit"));
    m_name->setPlaceholderText(tr("letters, digits, _ . - (up to 63)"));

    auto *form = new QFormLayout;
    auto path = [wizard](const char *field) {
        return [wizard, field] {
            return QStringLiteral("peerings[%1].%2").arg(wizard->currentPeering()).arg(QLatin1String(field));
        };
    };
    addBoundRow(form, tr("&Subscription ID:"), m_subscription, path("subscriptionId"));
    addBoundRow(form, tr("&Resource group:"), m_resourceGroup, path("resourceGroup"));
    addBoundRow(form, tr("Peering na&me:"), m_name, path("name"));

    auto *layout = new QVBoxLayout(content());
    layout->addWidget(new PeeringSelector(wizard, this));
    layout->addWidget(warning);
    layout->addWidget(m_created);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_subscription, &QLineEdit::textEdited, this, [this](const QString &t) {
        onboardingWizard()->editPeering([&](PeeringResource &p) { p.subscriptionId = t.trimmed(); });
    });
    connect(m_resourceGroup, &QLineEdit::textEdited, this, [this](const QString &t) {
        onboardingWizard()->editPeering([&](PeeringResource &p) { p.resourceGroup = t; });
    });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        onboardingWizard()->editPeering([&](PeeringResource &p) { p.name = t; });
    });
}

void BasicsPage::refreshFromDraft()
{
    const PeeringResource &p = onboardingWizard()->peering();
    m_subscription->setText(p.subscriptionId);
    m_resourceGroup->setText(p.resourceGroup);
    m_name->setText(p.name);
    const bool created = onboardingWizard()->isPeeringCreated(onboardingWizard()->currentPeering());
    for (QLineEdit *e : {m_subscription, m_resourceGroup, m_name})
        e->setReadOnly(created);
    m_created->setVisible(created);
    findChild<QLabel *>(QStringLiteral("immutableWarning"))->setVisible(!created);
}

} // namespace Peering
