#include "connectionspage.h"

#include "connectiondialog.h"
#include "onboardingwizard.h"
#include "peeringselector.h"
#include "validation/fieldlabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QHash>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

#include <optional>

namespace Peering {

namespace {

enum Column { RoleCol, MetroCol, FacilityCol, RoutersCol, BandwidthCol, SessionCol, StateCol, ProblemsCol, ColCount };

} // namespace

ConnectionsPage::ConnectionsPage(OnboardingWizard *wizard)
    : OnboardingPage(wizard, OnboardingWizard::ConnectionsPageId)
    , m_table(new QTableWidget(0, ColCount, this))
    , m_sessions(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionsPage"));
    setTitle(tr("Connections"));
    setSubTitle(tr("Direct peering connections of every peering. Add connections to the peering "
                   "selected above; equal bandwidth, redundancy and backups are checked across "
                   "all metros."));

    m_table->setObjectName(QStringLiteral("connectionsTable"));
    m_table->setAccessibleName(tr("Connections"));
    m_table->setHorizontalHeaderLabels({tr("Role"), tr("Metro"), tr("Facility"), tr("Routers"),
                                        tr("Bandwidth"), tr("Session IPv4 (peer / Microsoft)"),
                                        tr("State"), tr("Problems")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    QLabel *message = bindField(
        m_table, [wizard] { return QStringLiteral("peerings[%1].connections").arg(wizard->currentPeering()); },
        true);

    auto *add = new QPushButton(tr("&Add Connection..."), this);
    add->setObjectName(QStringLiteral("addConnectionButton"));
    m_edit = new QPushButton(tr("&Edit..."), this);
    m_edit->setObjectName(QStringLiteral("editConnectionButton"));
    m_duplicate = new QPushButton(tr("Dup&licate"), this);
    m_duplicate->setObjectName(QStringLiteral("duplicateConnectionButton"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeConnectionButton"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {add, m_edit, m_duplicate, m_remove})
        buttons->addWidget(b);
    buttons->addStretch();

    m_sessions->setObjectName(QStringLiteral("sessionsLabel"));
    m_sessions->setWordWrap(true);

    auto *layout = new QVBoxLayout(content());
    layout->addWidget(new PeeringSelector(wizard, this));
    layout->addWidget(m_table, 1);
    layout->addWidget(message);
    layout->addLayout(buttons);
    layout->addWidget(m_sessions);

    connect(add, &QPushButton::clicked, this, &ConnectionsPage::addConnection);
    connect(m_edit, &QPushButton::clicked, this, &ConnectionsPage::editSelected);
    connect(m_duplicate, &QPushButton::clicked, this, &ConnectionsPage::duplicateSelected);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsPage::removeSelected);
    connect(m_table, &QTableWidget::cellActivated, this, &ConnectionsPage::editSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto [p, c] = selected();
        for (QPushButton *b : {m_edit, m_duplicate, m_remove})
            b->setEnabled(c >= 0);
        if (p >= 0 && !m_loading)
            onboardingWizard()->setCurrentPeering(p);
    });
}

void ConnectionsPage::refreshFromDraft()
{
    fillTable();
}

void ConnectionsPage::showFindings()
{
    OnboardingPage::showFindings();
    fillTable();
}

std::pair<int, int> ConnectionsPage::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, RoleCol) || m_table->selectedItems().isEmpty())
        return {-1, -1};
    const QPoint at = m_table->item(row, RoleCol)->data(Qt::UserRole).toPoint();
    return {at.x(), at.y()};
}

namespace {

// The connection a path is of: "peerings[1].connections[2]" or a field below it, as (1, 2).
std::optional<QPoint> connectionOf(const QString &path)
{
    static const QRegularExpression re(
        QStringLiteral("^peerings\\[(\\d+)\\]\\.connections\\[(\\d+)\\](?=\\.|$)"));
    const QRegularExpressionMatch m = re.match(path);
    if (!m.hasMatch())
        return std::nullopt;
    return QPoint(m.captured(1).toInt(), m.captured(2).toInt());
}

} // namespace

void ConnectionsPage::fillTable()
{
    const Onboarding &o = onboardingWizard()->draft();
    const auto [selPeering, selConnection] = selected();
    const bool wasLoading = m_loading;
    m_loading = true;
    // Filled with the columns fixed, then fitted once: fitting them after each of the hundreds of
    // cells costs seconds on a large onboarding.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setUpdatesEnabled(false);
    m_table->setRowCount(o.connectionCount());
    // The findings of each connection, found in one pass over the findings.
    struct Problems
    {
        int errors = 0, warnings = 0;
        QStringList messages;
    };
    QHash<QPair<int, int>, Problems> byConnection;
    for (const Finding &f : onboardingWizard()->findings()) {
        const std::optional<QPoint> at = connectionOf(f.path);
        if (!at)
            continue;
        const int p = at->x(), c = at->y();
        Problems &problems = byConnection[qMakePair(p, c)];
        (f.severity == Severity::Error ? problems.errors : problems.warnings) += 1;
        problems.messages.append(f.message);
    }
    int row = 0;
    int selectedRow = -1;
    for (int p = 0; p < o.peerings.size(); ++p) {
        const PeeringResource &peering = o.peerings.at(p);
        for (int c = 0; c < peering.connections.size(); ++c, ++row) {
            const Connection &conn = peering.connections.at(c);
            const Problems found = byConnection.value(qMakePair(p, c));
            const int errors = found.errors, warnings = found.warnings;
            const QStringList &problems = found.messages;
            const QStringList cells{
                conn.role, peering.metro,
                conn.peeringDbFacilityId > 0
                    ? QStringLiteral("%1 (%2)").arg(conn.facilityName).arg(conn.peeringDbFacilityId)
                    : conn.facilityName,
                conn.peerRouters.join(QStringLiteral(", ")),
                FieldLabel::bandwidth(conn.bandwidthMbps),
                QStringLiteral("%1 / %2").arg(conn.bgp.peerIPv4, conn.bgp.microsoftIPv4),
                conn.state,
                errors + warnings == 0 ? tr("none")
                : warnings == 0        ? tr("%n error(s)", nullptr, errors)
                : errors == 0          ? tr("%n warning(s)", nullptr, warnings)
                                       : tr("%1, %2").arg(tr("%n error(s)", nullptr, errors),
                                                          tr("%n warning(s)", nullptr, warnings))};
            for (int col = 0; col < ColCount; ++col) {
                auto *item = new QTableWidgetItem(cells.at(col));
                if (col == ProblemsCol && !problems.isEmpty())
                    item->setToolTip(problems.join(u'\n'));
                if (col == ProblemsCol && errors > 0)
                    item->setForeground(QColor(0xb0, 0x00, 0x20));
                m_table->setItem(row, col, item);
            }
            m_table->item(row, RoleCol)->setData(Qt::UserRole, QPoint(p, c));
            if (p == selPeering && c == selConnection)
                selectedRow = row;
        }
    }
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setUpdatesEnabled(true);
    if (selectedRow >= 0)
        m_table->selectRow(selectedRow);
    const auto [sp, sc] = selected();
    for (QPushButton *b : {m_edit, m_duplicate, m_remove})
        b->setEnabled(sc >= 0);

    const int connections = o.connectionCount();
    m_sessions->setText(
        connections == 0
            ? tr("No connections yet. A peering needs at least one; one connection already forms a "
                 "two-link BGP mesh.")
            : tr("%n connection(s), %1 BGP sessions: you give one peer IP and one Microsoft IP "
                 "per connection and Microsoft builds a two-link mesh from each, so the portal "
                 "shows fewer connections than sessions.",
                 nullptr, connections)
                  .arg(connections * 2));
    m_loading = wasLoading;
}

bool ConnectionsPage::focusPath(const QString &path)
{
    // A connection's field: select its row, so Enter opens it in the editor.
    if (const std::optional<QPoint> found = connectionOf(path)) {
        const QPoint at = *found;
        for (int row = 0; row < m_table->rowCount(); ++row)
            if (m_table->item(row, RoleCol) && m_table->item(row, RoleCol)->data(Qt::UserRole).toPoint() == at) {
                m_table->selectRow(row);
                m_table->setCurrentCell(row, RoleCol);
            }
    }
    return OnboardingPage::focusPath(path);
}

void ConnectionsPage::addConnection()
{
    const int peering = onboardingWizard()->currentPeering();
    ConnectionDialog dialog(onboardingWizard()->draft(), peering, -1, this);
    dialog.setPeeringDbChoices(onboardingWizard()->peeringDbChoices());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Connection c = dialog.connection();
    onboardingWizard()->editPeering([&](PeeringResource &p) { p.connections.append(c); });
    touch(m_table);
}

void ConnectionsPage::editSelected()
{
    const auto [p, c] = selected();
    if (c < 0)
        return;
    ConnectionDialog dialog(onboardingWizard()->draft(), p, c, this);
    dialog.setPeeringDbChoices(onboardingWizard()->peeringDbChoices());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Connection edited = dialog.connection();
    onboardingWizard()->edit([&](Onboarding &o) { o.peerings[p].connections[c] = edited; });
    touch(m_table);
}

void ConnectionsPage::duplicateSelected()
{
    const auto [p, c] = selected();
    if (c < 0)
        return;
    onboardingWizard()->edit([&](Onboarding &o) {
        Connection copy = o.peerings[p].connections[c];
        copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        copy.state = QStringLiteral("None");
        copy.peerRouters.clear(); // a copy on the same routers would break router diversity
        copy.bgp.sessionPrefixV4.clear();
        copy.bgp.peerIPv4.clear();
        copy.bgp.microsoftIPv4.clear();
        copy.bgp.sessionPrefixV6.clear();
        copy.bgp.peerIPv6.clear();
        copy.bgp.microsoftIPv6.clear();
        o.peerings[p].connections.append(copy);
    });
}

void ConnectionsPage::removeSelected()
{
    const auto [p, c] = selected();
    if (c < 0)
        return;
    const Connection &conn = onboardingWizard()->draft().peerings.at(p).connections.at(c);
    if (QMessageBox::question(this, tr("Remove Connection"),
                              tr("Remove the %1 connection at %2?")
                                  .arg(conn.role, conn.facilityName.isEmpty()
                                                      ? tr("facility %1").arg(conn.peeringDbFacilityId)
                                                      : conn.facilityName))
        != QMessageBox::Yes)
        return;
    onboardingWizard()->edit([&](Onboarding &o) { o.peerings[p].connections.removeAt(c); });
}

} // namespace Peering
