#include "reviewpage.h"

#include "exportdialog.h"
#include "export/reviewreport.h"
#include "onboardingwizard.h"
#include "store/auditdiff.h"
#include "validation/fieldlabel.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QStyle>
#include <QTimer>
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
    m_findings->setHeaderLabels({tr("Finding"), tr("Where"), tr("Rule")});
    // The message takes the room that is left; where and rule are never cut.
    m_findings->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_findings->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_findings->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_findings->header()->setStretchLastSection(false);
    m_findings->setWordWrap(true);
    m_findings->setTextElideMode(Qt::ElideNone);
    // A tree's rows do not grow for wrapped text by themselves: each finding's row is given the
    // height of its message at the column's width, whenever that width changes.
    connect(m_findings->header(), &QHeaderView::sectionResized, this, [this](int column) {
        if (column == 0)
            QTimer::singleShot(0, this, &ReviewPage::fitRowHeights);
    });
    m_findings->setRootIsDecorated(true);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setAccessibleName(tr("Summary of what will be created"));
    m_confirm->setObjectName(QStringLiteral("confirmImmutableCheck"));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_findings);
    split->addWidget(m_summary);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(content());
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    // Exports are allowed with errors (for change management); they say so on the first page.
    m_export = new QPushButton(tr("E&xport..."), this);
    m_export->setObjectName(QStringLiteral("reviewExportButton"));
    m_export->setToolTip(tr("Export the review summary (PDF, HTML, Markdown), the document, an ARM "
                            "template, Azure CLI or PowerShell scripts, or customer key sheets"));
    // The confirmation's words wrap (a check box's own text never does, and at a large scale
    // it pushed Create off the screen); clicking them ticks the box as its own text would.
    m_confirmText = new QLabel(this);
    m_confirmText->setObjectName(QStringLiteral("confirmImmutableText"));
    m_confirmText->setWordWrap(true);
    m_confirmText->setBuddy(m_confirm);
    m_confirmText->installEventFilter(this);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_confirm, 0, Qt::AlignTop);
    bottom->addWidget(m_confirmText, 1);
    bottom->addWidget(m_export, 0, Qt::AlignTop);
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

bool ReviewPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_confirmText && event->type() == QEvent::MouseButtonRelease
        && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        m_confirm->toggle();
        m_confirm->setFocus(Qt::MouseFocusReason);
        return true;
    }
    return OnboardingPage::eventFilter(watched, event);
}

bool ReviewPage::isComplete() const
{
    return !hasErrors(onboardingWizard()->findings()) && m_confirm->isChecked();
}

void ReviewPage::refreshFromDraft()
{
    fillFindings();
    // The same summary as the exports (ReviewReport), so the page and the PDF never disagree.
    const OnboardingWizard *w = onboardingWizard();
    QString html = ReviewReport::build(w->draft(), ExportOptions{}, w->findings()).toHtml();
    if (w->isEditingStored()) {
        const qsizetype body = html.indexOf(QLatin1String("<body>"));
        if (body >= 0)
            html.insert(body + 6, changesHtml(w->storedOriginal(), w->draft()));
    }
    const int scroll = m_summary->verticalScrollBar()->value();
    m_summary->setHtml(html);
    m_summary->verticalScrollBar()->setValue(scroll);
    const QString confirm = w->isEditingStored()
                                ? tr("I have checked the changes &above; a new peering's "
                                     "subscription, resource group and name, and the peer ASN, "
                                     "cannot be changed after creation.")
                                : tr("I have checked the &subscription, resource groups, peering "
                                     "names and peer ASN: they cannot be changed after creation.");
    m_confirmText->setText(confirm);
    m_confirm->setAccessibleName(QString(confirm).remove(u'&'));
}

void ReviewPage::fillFindings()
{
    const Findings &findings = onboardingWizard()->findings();
    const int errors = countSeverity(findings, Severity::Error);
    const int warnings = countSeverity(findings, Severity::Warning);
    const bool saving = onboardingWizard()->isEditingStored();
    setTitle(saving ? tr("Review + Save") : tr("Review + Create"));
    m_status->setText(errors == 0
                          ? (saving ? tr("<b>Validation passed</b> with %n warning(s). Confirm "
                                         "below, then Save.", nullptr, warnings)
                                    : tr("<b>Validation passed</b> with %n warning(s). Confirm "
                                         "below, then Create.", nullptr, warnings))
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
        const QString where = FieldLabel::describe(onboardingWizard()->draft(), f.path);
        auto *item = new QTreeWidgetItem(group, {f.message, where, f.rule});
        item->setData(0, Qt::UserRole, f.path);
        item->setToolTip(0, f.message);
        item->setToolTip(1, where);
        item->setToolTip(2, tr("Rule %1").arg(f.rule));
        for (int column : {1, 2})
            item->setTextAlignment(column, Qt::AlignLeft | Qt::AlignTop);
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
    fitRowHeights();
}

void ReviewPage::fitRowHeights()
{
    const QFontMetrics fm(m_findings->font());
    const int iconRoom = m_findings->iconSize().width() > 0 ? m_findings->iconSize().width() + 8 : 24;
    // The style's text margins on both sides come off the column too.
    const int width = m_findings->columnWidth(0) - m_findings->indentation() - iconRoom
                      - 2 * m_findings->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) - 8;
    if (width <= 40)
        return;
    for (int g = 0; g < m_findings->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_findings->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const QRect r = fm.boundingRect(QRect(0, 0, width, 100000),
                                            Qt::TextWordWrap | Qt::AlignLeft, item->text(0));
            item->setSizeHint(0, QSize(width, qMax(fm.height(), r.height()) + 6));
        }
    }
    m_findings->doItemsLayout();
}

void ReviewPage::activate(QTreeWidgetItem *item)
{
    const QString path = item->data(0, Qt::UserRole).toString();
    if (!path.isEmpty())
        onboardingWizard()->goToField(path);
}

QString ReviewPage::changesHtml(const Onboarding &before, const Onboarding &after)
{
    // Field by field against the stored version, in words; MD5 keys never in clear.
    const QList<AuditEntry> changes = AuditDiff::diff(before.toJson(), after.toJson());
    QString h = QStringLiteral("<h2>%1</h2>").arg(tr("What Save will change").toHtmlEscaped());
    if (changes.isEmpty())
        return h + QStringLiteral("<p>%1</p>").arg(tr("Nothing: the onboarding is as stored.").toHtmlEscaped());
    h += QStringLiteral("<table border=\"1\" cellpadding=\"3\" cellspacing=\"0\" width=\"100%\">"
                        "<tr><th>%1</th><th>%2</th><th>%3</th></tr>")
             .arg(tr("Field").toHtmlEscaped(), tr("Stored").toHtmlEscaped(),
                  tr("After Save").toHtmlEscaped());
    const auto value = [](const QString &v) {
        return v.isNull() ? tr("(none)") : v.isEmpty() ? tr("(empty)") : v;
    };
    int shown = 0;
    for (const AuditEntry &e : changes) {
        if (++shown > 200) {
            h += QStringLiteral("<tr><td colspan=\"3\">%1</td></tr>")
                     .arg(tr("... and %n more change(s)", nullptr, int(changes.size()) - 200)
                              .toHtmlEscaped());
            break;
        }
        const Onboarding &named = e.newValue.isNull() ? before : after;
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                 .arg(FieldLabel::describe(named, e.field).toHtmlEscaped(),
                      value(e.oldValue).toHtmlEscaped(), value(e.newValue).toHtmlEscaped());
    }
    return h + QStringLiteral("</table>");
}

} // namespace Peering
