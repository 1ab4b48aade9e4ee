#include "connectiondialog.h"

#include "fieldbinder.h"
#include "screenfit.h"
#include "store/md5keychain.h"
#include "validation/fieldlabel.h"
#include "validation/onboardingvalidator.h"
#include "validation/peeringrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTimer>
#include <QScrollBar>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

namespace Peering {

ConnectionDialog::ConnectionDialog(const Onboarding &onboarding, int peering, int index,
                                   QWidget *parent)
    : QDialog(parent)
    , m_onboarding(onboarding)
    , m_peering(peering)
    , m_index(index)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(index < 0 ? tr("New Direct Peering Connection")
                             : tr("Edit Direct Peering Connection"));
    const PeeringResource &p = m_onboarding.peerings.at(peering);
    if (index >= 0) {
        m_original = p.connections.at(index);
    } else {
        m_original.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_original.lacp = true;
        // Equal bandwidth across the onboarding: start from what this peering's connections
        // use, else the others, as long as Microsoft accepts it; else the 10 Gbps minimum.
        const auto firstValid = [](const QList<Connection> &connections) -> qint64 {
            for (const Connection &c : connections)
                if (c.bandwidthMbps >= PeeringRules::MinimumBandwidthMbps)
                    return c.bandwidthMbps;
            return 0;
        };
        m_original.bandwidthMbps = firstValid(p.connections);
        for (const PeeringResource &other : m_onboarding.peerings)
            if (m_original.bandwidthMbps == 0)
                m_original.bandwidthMbps = firstValid(other.connections);
        if (m_original.bandwidthMbps == 0)
            m_original.bandwidthMbps = PeeringRules::MinimumBandwidthMbps;
        m_index = int(p.connections.size());
        m_onboarding.peerings[peering].connections.append(m_original);
    }

    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_role->addItem(tr("Primary"), QStringLiteral("primary"));
    m_role->addItem(tr("Redundant (same metro)"), QStringLiteral("redundant"));
    m_role->addItem(tr("Backup (another metro)"), QStringLiteral("backup"));
    m_facilityId = new QSpinBox(this);
    m_facilityId->setObjectName(QStringLiteral("facilityIdSpin"));
    m_facilityId->setRange(0, 99999999);
    m_facilityId->setSpecialValueText(tr("choose a PeeringDB facility id"));
    m_facilityName = new QLineEdit(this);
    m_facilityName->setObjectName(QStringLiteral("facilityNameEdit"));
    m_facilityPicker = new QComboBox(this);
    m_facilityPicker->setObjectName(QStringLiteral("facilityPickerCombo"));
    m_commonExchange = new QComboBox(this);
    m_commonExchange->setObjectName(QStringLiteral("commonExchangeCombo"));
    m_peeringDbLine = new QLabel(this);
    m_peeringDbLine->setObjectName(QStringLiteral("peeringDbFacilityLine"));
    m_peeringDbLine->setWordWrap(true);
    m_peeringDbLine->setTextFormat(Qt::PlainText);
    m_routers = new QLineEdit(this);
    m_routers->setObjectName(QStringLiteral("routersEdit"));
    m_routers->setPlaceholderText(tr("rs1.example.net, rs2.example.net"));
    m_bandwidth = new QComboBox(this);
    m_bandwidth->setObjectName(QStringLiteral("bandwidthCombo"));
    // A fixed list: an editable box completed "1000" to "10000" behind the user's back.
    for (qint64 mbps : bandwidthChoices())
        m_bandwidth->addItem(bandwidthLabel(mbps), mbps);
    m_lacp = new QCheckBox(tr("The peer's routers run &LACP on this interconnect"), this);
    m_lacp->setObjectName(QStringLiteral("lacpCheck"));
    m_firewall = new QCheckBox(tr("Terminates on a stateful &firewall"), this);
    m_firewall->setObjectName(QStringLiteral("firewallCheck"));
    m_rateLimited = new QCheckBox(tr("Ra&te limited"), this);
    m_rateLimited->setObjectName(QStringLiteral("rateLimitCheck"));
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateCombo"));
    m_state->addItems(Connection::states());
    const auto edit = [this](const char *name, const QString &placeholder) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setPlaceholderText(placeholder);
        return e;
    };
    m_prefixV4 = edit("sessionPrefixV4Edit", QStringLiteral("192.0.2.0/31"));
    m_peerV4 = edit("peerIPv4Edit", QStringLiteral("192.0.2.1"));
    m_microsoftV4 = edit("microsoftIPv4Edit", QStringLiteral("192.0.2.0"));
    m_prefixV6 = edit("sessionPrefixV6Edit", tr("optional, e.g. 2001:db8::/127"));
    m_peerV6 = edit("peerIPv6Edit", tr("optional"));
    m_microsoftV6 = edit("microsoftIPv6Edit", tr("optional"));
    m_maxV4 = new QSpinBox(this);
    m_maxV4->setObjectName(QStringLiteral("maxPrefixesV4Spin"));
    m_maxV4->setRange(0, 10000000);
    m_maxV6 = new QSpinBox(this);
    m_maxV6->setObjectName(QStringLiteral("maxPrefixesV6Spin"));
    m_maxV6->setRange(0, 10000000);
    m_md5 = edit("md5Edit", tr("optional"));
    m_md5->setEchoMode(QLineEdit::Password);

    m_content = new QWidget(this);
    m_fields = new FieldBinder(
        m_content, [this]() -> const Findings & { return m_findings; },
        [this]() -> const Onboarding & { return m_onboarding; });
    auto *interconnect = new QGroupBox(tr("Interconnect"), m_content);
    auto *form = new QFormLayout(interconnect);
    addRow(form, tr("&Role:"), m_role, QStringLiteral("role"));
    addRow(form, tr("Peering&DB facility id:"), m_facilityId, QStringLiteral("peeringDbFacilityId"));
    addRow(form, tr("Facility &name:"), m_facilityName, QStringLiteral("facilityName"));
    auto *picker = new QLabel(tr("From PeeringD&B:"), this);
    picker->setBuddy(m_facilityPicker);
    m_facilityPicker->setAccessibleName(tr("Facility from PeeringDB"));
    form->addRow(picker, m_facilityPicker);
    auto *common = new QLabel(tr("Common &with my exchange:"), this);
    common->setBuddy(m_commonExchange);
    m_commonExchange->setAccessibleName(tr("Common with my exchange"));
    form->addRow(common, m_commonExchange);
    form->addRow(QString(), m_peeringDbLine);
    connect(m_commonExchange, &QComboBox::currentIndexChanged, this,
            [this] { fillFacilityPicker(); });
    connect(m_facilityPicker, &QComboBox::activated, this, [this](int index) {
        const qint64 id = m_facilityPicker->itemData(index).toLongLong();
        if (id <= 0)
            return;
        m_facilityId->setValue(int(id));
        m_facilityName->setText(m_facilityPicker->itemData(index, Qt::UserRole + 1).toString());
    });
    setPeeringDbChoices({});
    addRow(form, tr("Peer ro&uters:"), m_routers, QStringLiteral("peerRouters"));
    addRow(form, tr("&Bandwidth:"), m_bandwidth, QStringLiteral("bandwidthMbps"));
    auto *provider = new QLabel(tr("Peer (fixed: you provide the session addresses)"), this);
    provider->setObjectName(QStringLiteral("sessionAddressProviderLabel"));
    form->addRow(tr("Session address provider:"), provider);
    auto *usePs = new QCheckBox(tr("Use for Peering Service (fixed)"), this);
    usePs->setObjectName(QStringLiteral("useForPeeringServiceCheck"));
    usePs->setChecked(true);
    usePs->setEnabled(false);
    form->addRow(QString(), usePs);
    addRow(form, QString(), m_lacp, QStringLiteral("lacp"));
    addRow(form, QString(), m_firewall, QStringLiteral("statefulFirewall"));
    addRow(form, QString(), m_rateLimited, QStringLiteral("rateLimited"));
    addRow(form, tr("Connection &state:"), m_state, QStringLiteral("state"));

    auto *bgp = new QGroupBox(tr("BGP session"), m_content);
    auto *bgpForm = new QFormLayout(bgp);
    addRow(bgpForm, tr("Session &IPv4 prefix:"), m_prefixV4, QStringLiteral("bgp.sessionPrefixV4"));
    addRow(bgpForm, tr("&Peer IPv4:"), m_peerV4, QStringLiteral("bgp.peerIPv4"));
    addRow(bgpForm, tr("Microsoft IP&v4:"), m_microsoftV4, QStringLiteral("bgp.microsoftIPv4"));
    addRow(bgpForm, tr("Session IPv&6 prefix:"), m_prefixV6, QStringLiteral("bgp.sessionPrefixV6"));
    addRow(bgpForm, tr("Peer IPv6:"), m_peerV6, QStringLiteral("bgp.peerIPv6"));
    addRow(bgpForm, tr("Microsoft IPv6:"), m_microsoftV6, QStringLiteral("bgp.microsoftIPv6"));
    addRow(bgpForm, tr("Max prefixes advertised v4:"), m_maxV4, QStringLiteral("bgp.maxPrefixesAdvertisedV4"));
    addRow(bgpForm, tr("Max prefixes advertised v6:"), m_maxV6, QStringLiteral("bgp.maxPrefixesAdvertisedV6"));
    auto *md5Row = new QWidget(this);
    auto *md5Layout = new QHBoxLayout(md5Row);
    md5Layout->setContentsMargins(0, 0, 0, 0);
    md5Layout->addWidget(m_md5);
    auto *show = new QToolButton(this);
    show->setObjectName(QStringLiteral("showMd5Button"));
    show->setText(tr("Show"));
    show->setCheckable(true);
    show->setAccessibleName(tr("Show MD5 key"));
    md5Layout->addWidget(show);
    connect(show, &QToolButton::toggled, this, [this](bool on) {
        m_md5->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    addRow(bgpForm, tr("MD&5 key:"), md5Row, QStringLiteral("bgp.md5Key"));
    m_md5->setAccessibleName(tr("MD5 key"));
    m_md5->setToolTip(tr("Kept in your desktop keychain, never in the store or an export unless "
                         "you ask for it."));
    m_fields->setFocusWidget(md5Row, m_md5);
    // Said when a key is typed, not after it is gone: without a keychain it is not kept.
    m_md5Note = new QLabel(this);
    m_md5Note->setObjectName(QStringLiteral("md5KeychainNote"));
    m_md5Note->setWordWrap(true);
    m_md5Note->hide();
    bgpForm->addRow(m_md5Note);
    connect(m_md5, &QLineEdit::textChanged, this, [this](const QString &text) {
        QString reason;
        const bool lost = !text.isEmpty() && !Md5Keychain::available(&reason);
        if (lost)
            m_md5Note->setText(tr("Warning: this key will not be kept, because %1. Note it "
                                  "elsewhere: the store never holds MD5 keys.")
                                   .arg(reason));
        if (lost == m_md5Note->isVisible())
            return;
        m_md5Note->setVisible(lost);
        // The note takes room: the dialog grows so that nothing of it or below it is cut.
        QTimer::singleShot(0, this, &ConnectionDialog::growToFit);
    });

    auto *mesh = new QLabel(tr("Microsoft builds a two-link BGP mesh from the one peer IP and one "
                               "Microsoft IP you give here, so the portal shows fewer connections "
                               "than sessions. Add a second connection at the same facility only "
                               "for a larger mesh."),
                            this);
    mesh->setWordWrap(true);

    // Side by side where the screen is wide enough for both columns, else one above the other
    // (a small screen, a large scale factor).
    auto *columns = new QBoxLayout(QBoxLayout::LeftToRight, m_content);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addWidget(interconnect, 1);
    columns->addWidget(bgp, 1);
    const int sideBySide = interconnect->minimumSizeHint().width() + bgp->minimumSizeHint().width()
                           + columns->spacing() + 4 * style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    if (sideBySide > ScreenFit::available(this).width())
        columns->setDirection(QBoxLayout::TopToBottom);
    // Beyond the screen's room the form scrolls; within it the dialog grows (growToFit).
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("connectionScroll"));
    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_fields->touchAll(); // show every field's finding
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(mesh);
    layout->addWidget(buttons);
    connect(m_fields, &FieldBinder::messagesChanged, this, &ConnectionDialog::growToFit,
            Qt::QueuedConnection);

    // Fill from the connection.
    const Connection &c = m_original;
    m_role->setCurrentIndex(qMax(0, m_role->findData(c.role)));
    m_facilityId->setValue(int(qBound(qint64(0), c.peeringDbFacilityId, qint64(99999999))));
    m_facilityName->setText(c.facilityName);
    m_routers->setText(c.peerRouters.join(QStringLiteral(", ")));
    setBandwidth(c.bandwidthMbps);
    m_lacp->setChecked(c.lacp);
    m_firewall->setChecked(c.statefulFirewall);
    m_rateLimited->setChecked(c.rateLimited);
    m_state->setCurrentText(c.state);
    m_prefixV4->setText(c.bgp.sessionPrefixV4);
    m_peerV4->setText(c.bgp.peerIPv4);
    m_microsoftV4->setText(c.bgp.microsoftIPv4);
    m_prefixV6->setText(c.bgp.sessionPrefixV6);
    m_peerV6->setText(c.bgp.peerIPv6);
    m_microsoftV6->setText(c.bgp.microsoftIPv6);
    m_maxV4->setValue(int(qBound(qint64(0), c.bgp.maxPrefixesAdvertisedV4, qint64(10000000))));
    m_maxV6->setValue(int(qBound(qint64(0), c.bgp.maxPrefixesAdvertisedV6, qint64(10000000))));
    m_md5->setText(c.bgp.md5Key);

    for (QLineEdit *e : findChildren<QLineEdit *>())
        connect(e, &QLineEdit::textChanged, this, &ConnectionDialog::updateFindings);
    for (QComboBox *b : findChildren<QComboBox *>())
        connect(b, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateFindings);
    for (QCheckBox *b : {m_lacp, m_firewall, m_rateLimited})
        connect(b, &QCheckBox::toggled, this, &ConnectionDialog::updateFindings);
    for (QSpinBox *s : {m_facilityId, m_maxV4, m_maxV6})
        connect(s, &QSpinBox::valueChanged, this, &ConnectionDialog::updateFindings);
    updateFindings();

    // Big enough for the whole form without scrolling, where the screen has the room.
    const QMargins margins = layout->contentsMargins();
    const int scrollBar = m_scroll->verticalScrollBar()->sizeHint().width();
    const QSize content = m_content->sizeHint();
    const int width = content.width() + margins.left() + margins.right() + scrollBar;
    const int height = content.height() + mesh->heightForWidth(width) + buttons->sizeHint().height()
                       + 2 * layout->spacing() + margins.top() + margins.bottom();
    ScreenFit::resize(this, QSize(width, height));
}

ConnectionDialog::~ConnectionDialog()
{
    // The binder reads this dialog's findings on focus changes, and QWidget's destructor still
    // moves focus after these members are gone: it goes first (and stops filtering with it).
    delete m_fields;
}

void ConnectionDialog::setPeeringDbChoices(const PeeringDbChoices &choices)
{
    m_peeringDb = choices;
    m_facilityPicker->setEnabled(choices.available);
    m_commonExchange->setEnabled(choices.available);
    if (!choices.available) {
        m_facilityPicker->clear();
        m_commonExchange->clear();
        m_peeringDbLine->setText(tr("No PeeringDB cache in this store: type the facility id and "
                                    "name, or run \"peering-wizard peeringdb sync\" to choose "
                                    "from Microsoft's facilities."));
        return;
    }
    const QSignalBlocker blocker(m_commonExchange);
    m_commonExchange->clear();
    m_commonExchange->addItem(tr("Any exchange"), qint64(0));
    for (const PeeringDbCache::Exchange &e : choices.exchanges)
        m_commonExchange->addItem(tr("%1 (%2)").arg(e.name).arg(e.id), e.id);
    fillFacilityPicker();
}

void ConnectionDialog::fillFacilityPicker()
{
    const QString metro = m_onboarding.peerings.value(m_peering).metro;
    const qint64 exchange = m_commonExchange->currentData().toLongLong();
    const QList<PeeringDbCache::Facility> facilities = m_peeringDb.facilitiesIn(metro, exchange);
    m_facilityPicker->clear();
    m_facilityPicker->addItem(tr("Choose a facility where Microsoft is (%1 here)")
                                  .arg(facilities.size()),
                              qint64(0));
    for (const PeeringDbCache::Facility &f : facilities) {
        m_facilityPicker->addItem(tr("%1, %2 (%3)").arg(f.name, f.city).arg(f.id), f.id);
        m_facilityPicker->setItemData(m_facilityPicker->count() - 1, f.name, Qt::UserRole + 1);
    }
    const QString where = metro.trimmed().isEmpty() ? tr("every metro") : metro.trimmed();
    m_peeringDbLine->setText(
        exchange > 0 ? tr("Facilities in %1 where both Microsoft and %2 are present (PeeringDB "
                          "cache synced %3).")
                           .arg(where, m_commonExchange->currentText(),
                                m_peeringDb.lastSync.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                     : tr("Facilities in %1 where Microsoft is present (PeeringDB cache synced %2).")
                           .arg(where, m_peeringDb.lastSync.toString(
                                           QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
}

void ConnectionDialog::addRow(QFormLayout *form, const QString &label, QWidget *widget,
                              const QString &field)
{
    m_fields->addRow(form, label, widget, [this, field] {
        return QStringLiteral("peerings[%1].connections[%2].%3").arg(m_peering).arg(m_index).arg(field);
    });
}

QList<qint64> ConnectionDialog::bandwidthChoices()
{
    return {10000, 20000, 40000, 100000, 200000, 300000, 400000, 500000, 600000, 700000, 800000};
}

QString ConnectionDialog::bandwidthLabel(qint64 mbps)
{
    if (mbps % 100000 == 0 && mbps > 100000 && mbps != 400000)
        return tr("%1 Gbps (%2 x 100 Gbps LAG)").arg(mbps / 1000).arg(mbps / 100000);
    if (mbps == 400000)
        return tr("400 Gbps (400G, or a 4 x 100 Gbps LAG)");
    if (mbps == 20000 || mbps == 40000)
        return tr("%1 Gbps (%2 x 10 Gbps LAG)").arg(mbps / 1000).arg(mbps / 10000);
    return FieldLabel::bandwidth(mbps);
}

void ConnectionDialog::setBandwidth(qint64 mbps)
{
    int index = m_bandwidth->findData(mbps);
    if (index < 0) {
        // A value from a document that is not one of the choices stays visible as it is,
        // marked, until the user picks another.
        m_bandwidth->insertItem(0,
                                mbps < PeeringRules::MinimumBandwidthMbps ? tr("%1 (below the 10 Gbps minimum)").arg(bandwidthLabel(mbps))
                                             : bandwidthLabel(mbps),
                                mbps);
        index = 0;
    }
    m_bandwidth->setCurrentIndex(index);
}

void ConnectionDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    growToFit();
}

void ConnectionDialog::growToFit()
{
    // The room the form needs at the viewport's width, against what it has.
    const int width = m_scroll->viewport()->width();
    QLayout *l = m_content->layout();
    const int needed = l->hasHeightForWidth() ? l->totalHeightForWidth(width)
                                              : m_content->sizeHint().height();
    const int missing = needed - m_scroll->viewport()->height();
    const int widthMissing = m_content->minimumSizeHint().width() - width;
    if (missing <= 0 && widthMissing <= 0)
        return;
    ScreenFit::resize(this, QSize(this->width() + qMax(0, widthMissing),
                                  this->height() + qMax(0, missing)));
}

Connection ConnectionDialog::connection() const
{
    Connection c = m_original;
    c.role = m_role->currentData().toString();
    c.peeringDbFacilityId = m_facilityId->value();
    c.facilityName = m_facilityName->text().trimmed();
    c.peerRouters.clear();
    for (const QString &r : m_routers->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")),
                                                     Qt::SkipEmptyParts))
        c.peerRouters.append(r.trimmed());
    c.bandwidthMbps = m_bandwidth->currentData().toLongLong();
    c.sessionAddressProvider = QStringLiteral("Peer");
    c.useForPeeringService = true;
    c.lacp = m_lacp->isChecked();
    c.statefulFirewall = m_firewall->isChecked();
    c.rateLimited = m_rateLimited->isChecked();
    c.state = m_state->currentText();
    c.bgp.sessionPrefixV4 = m_prefixV4->text().trimmed();
    c.bgp.peerIPv4 = m_peerV4->text().trimmed();
    c.bgp.microsoftIPv4 = m_microsoftV4->text().trimmed();
    c.bgp.sessionPrefixV6 = m_prefixV6->text().trimmed();
    c.bgp.peerIPv6 = m_peerV6->text().trimmed();
    c.bgp.microsoftIPv6 = m_microsoftV6->text().trimmed();
    c.bgp.maxPrefixesAdvertisedV4 = m_maxV4->value();
    c.bgp.maxPrefixesAdvertisedV6 = m_maxV6->value();
    c.bgp.md5Key = m_md5->text();
    // A new key is not the one in the keychain until it is saved; a cleared one is removed
    // from there then (Md5Keychain::keep).
    if (!c.bgp.md5Key.isEmpty() && c.bgp.md5Key != m_original.bgp.md5Key)
        c.bgp.md5InKeychain = false;
    return c;
}

void ConnectionDialog::updateFindings()
{
    // A field shows its findings once it was changed or left, and every field once Save was
    // tried.
    if (auto *w = qobject_cast<QWidget *>(sender()))
        m_fields->touch(w);
    m_onboarding.peerings[m_peering].connections[m_index] = connection();
    m_findings = OnboardingValidator::validate(m_onboarding);
    m_fields->update();
}

} // namespace Peering
