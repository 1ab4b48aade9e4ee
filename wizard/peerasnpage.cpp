#include "peerasnpage.h"

#include "domain/asn.h"
#include "fieldbinder.h"
#include "onboardingwizard.h"
#include "peeringdb/peeringdblookup.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Peering {

PeerAsnPage::PeerAsnPage(OnboardingWizard *wizard)
    : OnboardingPage(wizard, OnboardingWizard::PeerAsnPageId)
    , m_onboardingName(new QLineEdit(this))
    , m_asn(new QLineEdit(this))
    , m_asnClass(new QLabel(this))
    , m_asnFixed(new QLabel(this))
    , m_peerName(new QLineEdit(this))
    , m_peeringDbName(new QPushButton(this))
    , m_name(new QLineEdit(this))
    , m_state(new QComboBox(this))
    , m_stateNote(new QLabel(this))
    , m_contacts(new QTableWidget(0, 3, this))
    , m_lookupTimer(new QTimer(this))
    , m_lookupNote(new QLabel(this))
{
    setObjectName(QStringLiteral("peerAsnPage"));
    setTitle(tr("Peer ASN"));
    setSubTitle(tr("Your public ASN, associated with the Azure subscription (the PeerAsn resource). "
                   "Microsoft validates the association before the peering can be created."));

    m_onboardingName->setObjectName(QStringLiteral("onboardingNameEdit"));
    m_onboardingName->setPlaceholderText(tr("e.g. Example-IX to Microsoft"));
    m_asn->setObjectName(QStringLiteral("asnEdit"));
    m_asn->setPlaceholderText(tr("e.g. 64500, AS64500 or 1.10"));
    m_asnClass->setObjectName(QStringLiteral("asnClassLabel"));
    m_peerName->setObjectName(QStringLiteral("peerNameEdit"));
    m_peerName->setPlaceholderText(tr("as in your PeeringDB profile"));
    m_name->setObjectName(QStringLiteral("peerAsnNameEdit"));
    m_name->setPlaceholderText(tr("name of the PeerAsn resource in Azure"));
    m_state->setObjectName(QStringLiteral("validationStateCombo"));
    for (const QString &s : PeerAsnAssociation::validationStates())
        m_state->addItem(s, s);
    m_stateNote->setObjectName(QStringLiteral("validationStateNote"));
    m_stateNote->setWordWrap(true);

    auto *form = new QFormLayout;
    addBoundRow(form, tr("Onboarding na&me:"), m_onboardingName,
                [] { return QStringLiteral("name"); });
    addBoundRow(form, tr("Peer &ASN:"), m_asn, [] { return QStringLiteral("peerAsn.asn"); });
    form->addRow(QString(), m_asnClass);
    m_asnFixed->setObjectName(QStringLiteral("asnFixedNote"));
    m_asnFixed->setWordWrap(true);
    m_asnFixed->setText(tr("The peer ASN cannot change: a peering of this onboarding is created "
                           "in Azure. For another ASN, start a new onboarding (File > New "
                           "Onboarding)."));
    m_asnFixed->setVisible(false);
    form->addRow(QString(), m_asnFixed);
    addBoundRow(form, tr("&Peer name:"), m_peerName,
                [] { return QStringLiteral("peerAsn.peerName"); });
    m_peeringDbName->setObjectName(QStringLiteral("peeringDbNameButton"));
    m_peeringDbName->setVisible(false);
    form->addRow(QString(), m_peeringDbName);
    m_lookupNote->setObjectName(QStringLiteral("peeringDbLookupNote"));
    m_lookupNote->setWordWrap(true);
    m_lookupNote->setVisible(false);
    form->addRow(QString(), m_lookupNote);
    m_lookupTimer->setSingleShot(true);
    m_lookupTimer->setInterval(LookupPauseMs);
    connect(m_lookupTimer, &QTimer::timeout, this, &PeerAsnPage::lookUpNow);
    connect(m_peeringDbName, &QPushButton::clicked, this, [this] {
        const QString name = m_peeringDbName->property("peeringDbName").toString();
        m_peerName->setText(name);
        onboardingWizard()->edit([&](Onboarding &o) { o.peerAsn.peerName = name; });
        updatePeeringDbName();
    });
    addBoundRow(form, tr("A&ssociation name:"), m_name,
                [] { return QStringLiteral("peerAsn.name"); });
    addBoundRow(form, tr("&Validation state:"), m_state,
                [] { return QStringLiteral("peerAsn.validationState"); });
    form->addRow(QString(), m_stateNote);

    m_contacts->setObjectName(QStringLiteral("contactsTable"));
    m_contacts->setAccessibleName(tr("Contacts"));
    m_contacts->setHorizontalHeaderLabels({tr("Role"), tr("E-mail"), tr("Phone")});
    m_contacts->horizontalHeader()->setStretchLastSection(true);
    m_contacts->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_contacts->verticalHeader()->hide();
    m_contacts->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside
    QLabel *contactsMessage = bindField(
        m_contacts, [] { return QStringLiteral("peerAsn.contacts"); }, true);
    auto *addContact = new QPushButton(tr("Add &Contact"), this);
    addContact->setObjectName(QStringLiteral("addContactButton"));
    auto *removeContact = new QPushButton(tr("&Remove Contact"), this);
    removeContact->setObjectName(QStringLiteral("removeContactButton"));
    auto *contactButtons = new QHBoxLayout;
    contactButtons->addWidget(addContact);
    contactButtons->addWidget(removeContact);
    contactButtons->addStretch();
    auto *contactsLabel = new QLabel(tr("C&ontacts (at least one NOC contact with a corporate e-mail):"), this);
    contactsLabel->setBuddy(m_contacts);

    auto *layout = new QVBoxLayout(content());
    layout->addLayout(form);
    layout->addWidget(contactsLabel);
    layout->addWidget(m_contacts, 1);
    layout->addWidget(contactsMessage);
    layout->addLayout(contactButtons);

    connect(fields(), &FieldBinder::messagesChanged, this, &PeerAsnPage::updateAsnClass);
    connect(m_onboardingName, &QLineEdit::textEdited, this, [this](const QString &text) {
        onboardingWizard()->edit([&](Onboarding &o) { o.name = text.trimmed(); });
    });
    connect(m_asn, &QLineEdit::textEdited, this, [this](const QString &text) {
        updateAsnClass();
        onboardingWizard()->edit([&](Onboarding &o) { o.peerAsn.asn = text.trimmed(); });
        updatePeeringDbName();
        lookUpLater();
    });
    connect(m_peerName, &QLineEdit::textEdited, this, [this](const QString &text) {
        onboardingWizard()->edit([&](Onboarding &o) { o.peerAsn.peerName = text; });
        updatePeeringDbName();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        onboardingWizard()->edit([&](Onboarding &o) { o.peerAsn.name = text; });
    });
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        const QString state = m_state->currentData().toString();
        onboardingWizard()->edit([&](Onboarding &o) { o.peerAsn.validationState = state; });
        refreshFromDraft();
    });
    connect(m_contacts, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            storeContacts();
    });
    connect(addContact, &QPushButton::clicked, this, [this] {
        onboardingWizard()->edit([](Onboarding &o) {
            o.peerAsn.contacts.append(Contact{QStringLiteral("Technical"), {}, {}, {}});
        });
        fillContacts();
        m_contacts->setCurrentCell(m_contacts->rowCount() - 1, 1);
        m_contacts->setFocus();
    });
    connect(removeContact, &QPushButton::clicked, this, [this] {
        const int row = m_contacts->currentRow();
        if (row < 0)
            return;
        onboardingWizard()->edit([row](Onboarding &o) { o.peerAsn.contacts.removeAt(row); });
        fillContacts();
    });
}

void PeerAsnPage::updateAsnClass()
{
    const QString text = m_asn->text();
    if (text.trimmed().isEmpty()) {
        m_asnClass->clear();
        return;
    }
    const Result<Asn> asn = Asn::parse(text);
    // One message per problem: once the field's own message says what is wrong, the live
    // classification does not say it again.
    if ((!asn || !asn->isPublic()) && fields()->isShown(m_asn)) {
        m_asnClass->clear();
        m_asnClass->hide();
        return;
    }
    m_asnClass->show();
    if (!asn) {
        m_asnClass->setText(QStringLiteral("<span style=\"color:#b00020\">%1</span>")
                                .arg(asn.error().toHtmlEscaped()));
    } else if (asn->isPublic()) {
        m_asnClass->setText(tr("AS%1: a public ASN (asdot %2)").arg(asn->toString(), asn->toAsdot()));
    } else {
        // Said at once while typing, not only when the field is left.
        m_asnClass->setText(
            QStringLiteral("<span style=\"color:#b00020\">%1</span>")
                .arg(tr("AS%1 is %2: Microsoft requires your own public ASN")
                         .arg(asn->toString(), Asn::className(asn->classify()))
                         .toHtmlEscaped()));
    }
}

void PeerAsnPage::refreshFromDraft()
{
    const PeerAsnAssociation &p = onboardingWizard()->draft().peerAsn;
    m_onboardingName->setText(onboardingWizard()->draft().name);
    m_asn->setText(p.asn);
    m_asn->setReadOnly(onboardingWizard()->isPeerAsnFixed());
    m_asnFixed->setVisible(onboardingWizard()->isPeerAsnFixed());
    m_peerName->setText(p.peerName);
    updatePeeringDbName();
    lookUpLater();
    m_name->setText(p.name);
    m_state->setCurrentIndex(qMax(0, m_state->findData(p.validationState)));
    updateAsnClass();
    const QString s = p.validationState;
    m_stateNote->setText(
        s == QLatin1String("Approved")
            ? tr("Approved: the peering can be created.")
        : s == QLatin1String("Pending")
            ? tr("Pending: Microsoft validates the association within about 12 hours. You can "
                 "prepare the rest of the onboarding meanwhile; Create waits for Approved.")
        : s == QLatin1String("Failed")
            ? tr("Failed: correct the association (ASN, peer name, contacts) in the portal and "
                 "submit it again.")
            : tr("Not yet submitted: associate the ASN with the subscription in the portal "
                 "(Peer ASN > Create); approval takes up to 12 hours."));
    fillContacts();
}

void PeerAsnPage::fillContacts()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const QList<Contact> &contacts = onboardingWizard()->draft().peerAsn.contacts;
    m_contacts->setRowCount(int(contacts.size()));
    for (int i = 0; i < contacts.size(); ++i) {
        auto *role = qobject_cast<QComboBox *>(m_contacts->cellWidget(i, 0));
        if (!role) {
            role = new QComboBox(m_contacts);
            role->setObjectName(QStringLiteral("contactRole%1").arg(i));
            role->setAccessibleName(tr("Role of contact %1").arg(i + 1));
            role->addItems(Contact::roles());
            connect(role, &QComboBox::currentIndexChanged, this, [this] {
                if (!m_loading)
                    storeContacts();
            });
            m_contacts->setCellWidget(i, 0, role);
        }
        role->setCurrentText(contacts.at(i).role);
        m_contacts->setItem(i, 1, new QTableWidgetItem(contacts.at(i).email));
        m_contacts->setItem(i, 2, new QTableWidgetItem(contacts.at(i).phone));
    }
    m_loading = wasLoading;
}

void PeerAsnPage::storeContacts()
{
    QList<Contact> contacts = onboardingWizard()->draft().peerAsn.contacts;
    contacts.resize(m_contacts->rowCount());
    for (int i = 0; i < m_contacts->rowCount(); ++i) {
        if (auto *role = qobject_cast<QComboBox *>(m_contacts->cellWidget(i, 0)))
            contacts[i].role = role->currentText();
        if (auto *item = m_contacts->item(i, 1))
            contacts[i].email = item->text().trimmed();
        if (auto *item = m_contacts->item(i, 2))
            contacts[i].phone = item->text().trimmed();
    }
    onboardingWizard()->edit([&](Onboarding &o) { o.peerAsn.contacts = contacts; });
}

void PeerAsnPage::updatePeeringDbName()
{
    // The ASN looked up in the PeeringDB cache, else in what the live lookup (net?asn=) found:
    // its network's name is offered as the peer name, never put there unasked.
    const Result<Asn> asn = Asn::parse(m_asn->text());
    QString name = asn ? onboardingWizard()->peeringDbChoices().networkNames.value(
                             qint64(asn->value()))
                       : QString();
    if (name.isEmpty() && asn)
        if (PeeringDbLookup *lookup = onboardingWizard()->peeringDbLookup())
            name = lookup->known(qint64(asn->value())).value_or(QString());
    const bool offer = !name.isEmpty() && name != m_peerName->text().trimmed();
    m_peeringDbName->setProperty("peeringDbName", name);
    m_peeringDbName->setText(tr("Use PeeringDB's name: %1").arg(name));
    m_peeringDbName->setVisible(offer);
}

void PeerAsnPage::lookUpLater()
{
    m_lookupTimer->stop();
    m_lookupNote->setVisible(false);
    PeeringDbLookup *lookup = onboardingWizard()->peeringDbLookup();
    const Result<Asn> asn = Asn::parse(m_asn->text());
    // Only a public ASN the cache does not know: private and documentation ASNs are never in
    // PeeringDB.
    if (!lookup || !asn || !asn->isPublic()
        || onboardingWizard()->peeringDbChoices().networkNames.contains(qint64(asn->value()))
        || lookup->known(qint64(asn->value())))
        return;
    m_lookupTimer->start();
}

void PeerAsnPage::lookUpNow()
{
    PeeringDbLookup *lookup = onboardingWizard()->peeringDbLookup();
    const Result<Asn> asn = Asn::parse(m_asn->text());
    if (!lookup || !asn)
        return;
    if (m_connectedLookup != lookup) {
        m_connectedLookup = lookup;
        connect(lookup, &PeeringDbLookup::started, this, [this](qint64 asked) {
            showLookupNote(asked, tr("Looking up AS%1 in PeeringDB...").arg(asked));
        });
        connect(lookup, &PeeringDbLookup::found, this, [this](qint64 asked, const QString &) {
            if (!isTyped(asked))
                return;
            m_lookupNote->setVisible(false);
            updatePeeringDbName();
        });
        connect(lookup, &PeeringDbLookup::notFound, this, [this](qint64 asked) {
            showLookupNote(asked,
                           tr("PeeringDB has no network with AS%1: check the ASN, or register "
                              "the network at peeringdb.com so that Microsoft and other "
                              "networks can find it.")
                               .arg(asked));
        });
        connect(lookup, &PeeringDbLookup::failed, this,
                [this](qint64 asked, const QString &reason) {
                    showLookupNote(asked, tr("PeeringDB could not be asked about AS%1 (%2); "
                                             "type the peer name yourself.")
                                              .arg(asked)
                                              .arg(reason));
                });
    }
    lookup->lookUp(qint64(asn->value()));
}

bool PeerAsnPage::isTyped(qint64 asn) const
{
    const Result<Asn> typed = Asn::parse(m_asn->text());
    return typed && qint64(typed->value()) == asn;
}

void PeerAsnPage::showLookupNote(qint64 asked, const QString &text)
{
    // An answer about an ASN typed over since says nothing about the one in the field.
    if (!isTyped(asked))
        return;
    m_lookupNote->setText(text);
    m_lookupNote->setVisible(true);
}

} // namespace Peering
