#include "peeringselector.h"

#include "onboardingwizard.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace Peering {

PeeringSelector::PeeringSelector(OnboardingWizard *wizard, QWidget *parent)
    : QWidget(parent)
    , m_wizard(wizard)
    , m_combo(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Peering:"), this);
    label->setBuddy(m_combo);
    m_combo->setObjectName(QStringLiteral("peeringCombo"));
    m_combo->setAccessibleName(tr("Peering (one per metro)"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *add = new QPushButton(tr("Add &Metro"), this);
    add->setObjectName(QStringLiteral("addMetroButton"));
    add->setToolTip(tr("Add a peering in another metro (geo-redundancy, backup connections)"));
    auto *duplicate = new QPushButton(tr("D&uplicate"), this);
    duplicate->setObjectName(QStringLiteral("duplicateMetroButton"));
    duplicate->setToolTip(tr("Copy this peering and its connections for another metro"));
    m_remove = new QPushButton(tr("Remo&ve"), this);
    m_remove->setObjectName(QStringLiteral("removeMetroButton"));
    m_remove->setToolTip(tr("Remove this peering and its connections"));
    layout->addWidget(label);
    layout->addWidget(m_combo, 1);
    layout->addWidget(add);
    layout->addWidget(duplicate);
    layout->addWidget(m_remove);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_refreshing && index >= 0)
            m_wizard->setCurrentPeering(index);
    });
    connect(add, &QPushButton::clicked, m_wizard, &OnboardingWizard::addPeering);
    connect(duplicate, &QPushButton::clicked, m_wizard, &OnboardingWizard::duplicatePeering);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const PeeringResource &p = m_wizard->peering();
        const QString name = p.name.isEmpty() ? tr("this peering") : p.name;
        if (!p.connections.isEmpty()
            && QMessageBox::question(this, tr("Remove Peering"),
                                     tr("Remove %1 and its %n connection(s)?", nullptr,
                                        int(p.connections.size()))
                                         .arg(name))
                   != QMessageBox::Yes)
            return;
        m_wizard->removePeering();
    });
    connect(m_wizard, &OnboardingWizard::draftChanged, this, &PeeringSelector::refresh);
    connect(m_wizard, &OnboardingWizard::currentPeeringChanged, this, &PeeringSelector::refresh);
    refresh();
}

void PeeringSelector::refresh()
{
    m_refreshing = true;
    const auto &peerings = m_wizard->draft().peerings;
    while (m_combo->count() > peerings.size())
        m_combo->removeItem(m_combo->count() - 1);
    for (int i = 0; i < peerings.size(); ++i) {
        const PeeringResource &p = peerings.at(i);
        const QString text = tr("%1 (%2)").arg(
            p.name.isEmpty() ? tr("unnamed peering %1").arg(i + 1) : p.name,
            p.metro.isEmpty() ? tr("no metro yet") : p.metro);
        if (i < m_combo->count())
            m_combo->setItemText(i, text);
        else
            m_combo->addItem(text);
    }
    m_combo->setCurrentIndex(m_wizard->currentPeering());
    m_remove->setEnabled(peerings.size() > 1);
    m_refreshing = false;
}

} // namespace Peering
