#include "reviewpage.h"

#include "exportdialog.h"
#include "onboardingwizard.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace Peering {

namespace {

QString pageTitle(int page)
{
    switch (page) {
    case OnboardingWizard::RequirementsPageId:
        return ReviewPage::tr("Requirements");
    case OnboardingWizard::PeerAsnPageId:
        return ReviewPage::tr("Peer ASN");
    case OnboardingWizard::BasicsPageId:
        return ReviewPage::tr("Basics");
    case OnboardingWizard::ConfigurationPageId:
        return ReviewPage::tr("Configuration");
    case OnboardingWizard::ConnectionsPageId:
        return ReviewPage::tr("Connections");
    case OnboardingWizard::PrefixesPageId:
        return ReviewPage::tr("Prefixes");
    default:
        return ReviewPage::tr("Tracking");
    }
}

} // namespace

ReviewPage::ReviewPage(OnboardingWizard *wizard)
    : OnboardingPage(wizard, OnboardingWizard::ReviewPageId)
    , m_status(new QLabel(this))
    , m_findings(new QTreeWidget(this))
    , m_summary(new QTextBrowser(this))
    , m_confirm(new QCheckBox(this))
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review + Create"));
    setSubTitle(tr("Every check Microsoft makes, done now. Activate a finding to go to its field."));
    setFinalPage(true);

    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    m_findings->setObjectName(QStringLiteral("reviewFindings"));
    m_findings->setAccessibleName(tr("Findings by page"));
    m_findings->setColumnCount(3);
    m_findings->setHeaderLabels({tr("Finding"), tr("Rule"), tr("Field")});
    m_findings->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_findings->header()->setStretchLastSection(false);
    m_findings->setWordWrap(true);
    m_findings->setRootIsDecorated(true);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setAccessibleName(tr("Summary of what will be created"));
    m_confirm->setObjectName(QStringLiteral("confirmImmutableCheck"));
    m_confirm->setText(tr("I have checked the &subscription, resource groups, peering names and "
                          "peer ASN: they cannot be changed after creation."));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_findings);
    split->addWidget(m_summary);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    // Exports are allowed with errors (for change management); they say so on the first page.
    m_export = new QPushButton(tr("E&xport..."), this);
    m_export->setObjectName(QStringLiteral("reviewExportButton"));
    m_export->setToolTip(tr("Export the review summary (PDF, HTML, Markdown), the document, an ARM "
                            "template, Azure CLI or PowerShell scripts, or customer key sheets"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_confirm, 1);
    bottom->addWidget(m_export);
    layout->addLayout(bottom);

    connect(m_findings, &QTreeWidget::itemActivated, this, &ReviewPage::activate);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const Onboarding &draft = onboardingWizard()->draft();
        ExportDialog::exportOnboarding(this, draft, draft.name.isEmpty() ? QStringLiteral("onboarding") : draft.name);
    });
    connect(m_confirm, &QCheckBox::toggled, this, &ReviewPage::completeChanged);
    connect(wizard, &OnboardingWizard::findingsChanged, this, [this] {
        if (isVisible())
            refreshFromDraft();
    });
}

bool ReviewPage::isComplete() const
{
    return !hasErrors(onboardingWizard()->findings()) && m_confirm->isChecked();
}

void ReviewPage::refreshFromDraft()
{
    fillFindings();
    m_summary->setHtml(summaryHtml(onboardingWizard()->draft()));
}

void ReviewPage::fillFindings()
{
    const Findings &findings = onboardingWizard()->findings();
    const int errors = countSeverity(findings, Severity::Error);
    const int warnings = countSeverity(findings, Severity::Warning);
    m_status->setText(errors == 0
                          ? tr("<b>Validation passed</b> with %n warning(s). Confirm below, then "
                               "Create.", nullptr, warnings)
                          : tr("<b style=\"color:#b00020\">%1 block Review + create</b>, and %2. "
                               "Fix them first.")
                                .arg(tr("%n error(s)", nullptr, errors),
                                     tr("%n warning(s)", nullptr, warnings)));
    m_findings->clear();
    QMap<int, QTreeWidgetItem *> groups;
    for (const Finding &f : findings) {
        const int page = OnboardingWizard::pageForPath(f.path);
        QTreeWidgetItem *&group = groups[page];
        if (!group) {
            group = new QTreeWidgetItem(m_findings, {pageTitle(page)});
            group->setFirstColumnSpanned(true);
            group->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(group, {f.message, f.rule, f.path});
        item->setData(0, Qt::UserRole, f.path);
        item->setToolTip(0, f.message);
        item->setIcon(0, style()->standardIcon(f.severity == Severity::Error
                                                   ? QStyle::SP_MessageBoxCritical
                                                   : QStyle::SP_MessageBoxWarning));
    }
    if (findings.isEmpty()) {
        auto *none = new QTreeWidgetItem(m_findings, {tr("No findings: every check passed.")});
        none->setFirstColumnSpanned(true);
        none->setIcon(0, style()->standardIcon(QStyle::SP_DialogApplyButton));
    }
    for (auto it = groups.begin(); it != groups.end(); ++it)
        it.value()->setText(0, tr("%1 (%2)").arg(pageTitle(it.key())).arg(it.value()->childCount()));
}

void ReviewPage::activate(QTreeWidgetItem *item)
{
    const QString path = item->data(0, Qt::UserRole).toString();
    if (!path.isEmpty())
        onboardingWizard()->goToField(path);
}

QString ReviewPage::summaryHtml(const Onboarding &o)
{
    QString h;
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    h += QStringLiteral("<h3>%1</h3>").arg(tr("Peer ASN association"));
    h += QStringLiteral("<p>%1: AS%2 &mdash; %3 (%4: %5)</p>")
             .arg(esc(o.peerAsn.name), esc(o.peerAsn.asn), esc(o.peerAsn.peerName),
                  tr("validation state"), esc(o.peerAsn.validationState));
    for (const PeeringResource &p : o.peerings) {
        h += QStringLiteral("<h3>%1 %2</h3>").arg(tr("Peering"), esc(p.name));
        h += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
        const auto row = [&h, &esc](const QString &k, const QString &v) {
            h += QStringLiteral("<tr><td><i>%1</i></td><td>%2</td></tr>").arg(k, esc(v));
        };
        row(tr("Subscription"), p.subscriptionId);
        row(tr("Resource group"), p.resourceGroup);
        row(tr("Type / network / SKU"),
            QStringLiteral("%1 / %2 / %3").arg(p.kind, p.microsoftNetwork, p.sku));
        row(tr("Metro / region"), QStringLiteral("%1 / %2").arg(p.metro, p.azureRegion));
        h += QStringLiteral("</table><ul>");
        for (const Connection &c : p.connections) {
            h += QStringLiteral("<li>%1 %2 (%3), %4 Mbps, %5: %6 &harr; %7%8</li>")
                     .arg(esc(c.role), esc(c.facilityName))
                     .arg(c.peeringDbFacilityId)
                     .arg(c.bandwidthMbps)
                     .arg(esc(c.peerRouters.join(QStringLiteral(", "))), esc(c.bgp.peerIPv4),
                          esc(c.bgp.microsoftIPv4),
                          c.bgp.md5Key.isEmpty() ? QString()
                                                 : QStringLiteral(", ") + tr("MD5 key set"));
        }
        h += QStringLiteral("</ul>");
    }
    h += QStringLiteral("<p>%1</p>").arg(tr("%n advertised prefix(es)", nullptr, int(o.prefixes.size())));
    return h;
}

} // namespace Peering
