#include "connectiondialog.h"

#include "fieldrow.h"
#include "validation/onboardingvalidator.h"

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
#include <QSpinBox>
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
        // Equal bandwidth across the onboarding: start from what the others use.
        for (const PeeringResource &other : m_onboarding.peerings)
            for (const Connection &c : other.connections)
                if (m_original.bandwidthMbps == 0)
                    m_original.bandwidthMbps = c.bandwidthMbps;
        if (m_original.bandwidthMbps == 0)
            m_original.bandwidthMbps = 10000;
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
    m_routers = new QLineEdit(this);
    m_routers->setObjectName(QStringLiteral("routersEdit"));
    m_routers->setPlaceholderText(tr("rs1.example.net, rs2.example.net"));
    m_bandwidth = new QComboBox(this);
    m_bandwidth->setObjectName(QStringLiteral("bandwidthCombo"));
    m_bandwidth->setEditable(true);
    for (int mbps : {10000, 20000, 40000, 100000, 200000, 400000})
        m_bandwidth->addItem(QString::number(mbps));
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

    auto *interconnect = new QGroupBox(tr("Interconnect"), this);
    auto *form = new QFormLayout(interconnect);
    addRow(form, tr("&Role:"), m_role, QStringLiteral("role"));
    addRow(form, tr("Peering&DB facility id:"), m_facilityId, QStringLiteral("peeringDbFacilityId"));
    addRow(form, tr("Facility &name:"), m_facilityName, QStringLiteral("facilityName"));
    addRow(form, tr("Peer ro&uters:"), m_routers, QStringLiteral("peerRouters"));
    addRow(form, tr("&Bandwidth (Mbps):"), m_bandwidth, QStringLiteral("bandwidthMbps"));
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

    auto *bgp = new QGroupBox(tr("BGP session"), this);
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
    for (FieldMessage &m : m_messages)
        if (m.widget == md5Row)
            m.widget = m_md5;

    auto *mesh = new QLabel(tr("Microsoft builds a two-link BGP mesh from the one peer IP and one "
                               "Microsoft IP you give here, so the portal shows fewer connections "
                               "than sessions. Add a second connection at the same facility only "
                               "for a larger mesh."),
                            this);
    mesh->setWordWrap(true);

    auto *content = new QWidget(this);
    auto *columns = new QHBoxLayout(content);
    columns->addWidget(interconnect, 1);
    columns->addWidget(bgp, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_touched.insert(nullptr); // show every field's finding
        updateFindings();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(content);
    layout->addWidget(mesh);
    layout->addWidget(buttons);

    // Fill from the connection.
    const Connection &c = m_original;
    m_role->setCurrentIndex(qMax(0, m_role->findData(c.role)));
    m_facilityId->setValue(int(qBound(qint64(0), c.peeringDbFacilityId, qint64(99999999))));
    m_facilityName->setText(c.facilityName);
    m_routers->setText(c.peerRouters.join(QStringLiteral(", ")));
    m_bandwidth->setCurrentText(QString::number(c.bandwidthMbps));
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
        connect(b, &QComboBox::currentTextChanged, this, &ConnectionDialog::updateFindings);
    for (QCheckBox *b : {m_lacp, m_firewall, m_rateLimited})
        connect(b, &QCheckBox::toggled, this, &ConnectionDialog::updateFindings);
    for (QSpinBox *s : {m_facilityId, m_maxV4, m_maxV6})
        connect(s, &QSpinBox::valueChanged, this, &ConnectionDialog::updateFindings);
    updateFindings();
}

void ConnectionDialog::addRow(QFormLayout *form, const QString &label, QWidget *widget,
                              const QString &field)
{
    QLabel *message = FieldRow::makeMessage(this, widget);
    FieldRow::add(form, this, label, widget, message);
    m_messages.append(FieldMessage{field, message, widget});
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
    bool ok = false;
    const qint64 bw = m_bandwidth->currentText().trimmed().toLongLong(&ok);
    c.bandwidthMbps = ok ? bw : 0;
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
    return c;
}

void ConnectionDialog::updateFindings()
{
    // A field shows its finding once it was changed, and every field once Save was tried.
    if (auto *w = qobject_cast<QWidget *>(sender()))
        m_touched.insert(w);
    m_onboarding.peerings[m_peering].connections[m_index] = connection();
    const Findings findings = OnboardingValidator::validate(m_onboarding);
    const QString prefix = QStringLiteral("peerings[%1].connections[%2].").arg(m_peering).arg(m_index);
    for (const FieldMessage &m : m_messages) {
        const QString path = prefix + m.field;
        const Finding *shown = nullptr;
        for (const Finding &f : findings)
            if ((f.path == path || f.path.startsWith(path + u'['))
                && (!shown || int(f.severity) < int(shown->severity)))
                shown = &f;
        if (!m_touched.contains(m.widget) && !m_touched.contains(nullptr))
            shown = nullptr;
        m.label->setVisible(shown != nullptr);
        if (shown)
            m.label->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                                 .arg(shown->severity == Severity::Error ? QStringLiteral("#b00020")
                                                                         : QStringLiteral("#8a6d00"),
                                      shown->message.toHtmlEscaped()));
        m.widget->setAccessibleDescription(shown ? shown->message : QString());
    }
}

} // namespace Peering
