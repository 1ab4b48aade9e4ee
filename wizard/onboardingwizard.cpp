#include "onboardingwizard.h"

#include "basicspage.h"
#include "configurationpage.h"
#include "connectionspage.h"
#include "onboardingpage.h"
#include "peerasnpage.h"
#include "prefixespage.h"
#include "requirementspage.h"
#include "reviewpage.h"
#include "validation/onboardingvalidator.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QKeyEvent>
#include <QRegularExpression>

namespace Peering {

namespace {

int peeringIndexOf(const QString &path)
{
    static const QRegularExpression re(QStringLiteral("^peerings\\[(\\d+)\\]"));
    const auto m = re.match(path);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

OnboardingWizard::OnboardingWizard(QWidget *parent)
    : QWizard(parent)
    , m_draft(newOnboarding())
{
    setObjectName(QStringLiteral("onboardingWizard"));
    setWindowTitle(tr("New Onboarding"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::HaveHelpButton, false);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setButtonText(QWizard::FinishButton, tr("&Create"));
    setPage(RequirementsPageId, new RequirementsPage(this));
    setPage(PeerAsnPageId, new PeerAsnPage(this));
    setPage(BasicsPageId, new BasicsPage(this));
    setPage(ConfigurationPageId, new ConfigurationPage(this));
    setPage(ConnectionsPageId, new ConnectionsPage(this));
    setPage(PrefixesPageId, new PrefixesPage(this));
    setPage(ReviewPageId, new ReviewPage(this));
    setStartId(RequirementsPageId);
    // Enter in a table activates its row (opens the connection editor, say) and stops there:
    // QAbstractItemView passes the key on after activating, and the wizard's default button
    // would take it as Next.
    for (int id : pageIds())
        for (QAbstractItemView *view : page(id)->findChildren<QAbstractItemView *>())
            view->installEventFilter(this);
    revalidate();
}

bool OnboardingWizard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *view = qobject_cast<QAbstractItemView *>(watched);
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (view && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
            // From a widget inside the table (a cell's combo box) it stops here too.
            const QModelIndex current = view->currentIndex();
            if (view->hasFocus() && current.isValid())
                Q_EMIT view->activated(current);
            return true;
        }
    }
    return QWizard::eventFilter(watched, event);
}

OnboardingWizard::~OnboardingWizard()
{
    // The pages read the draft and findings on focus changes; QDialog's destructor still moves
    // focus, after this class's members are gone. So the pages go first.
    const QList<int> ids = pageIds();
    for (int id : ids) {
        QWizardPage *p = page(id);
        removePage(id);
        delete p;
    }
}

Onboarding OnboardingWizard::newOnboarding()
{
    Onboarding o;
    PeeringResource p;
    p.maxPrefixesFromMicrosoft = 450; // Microsoft's FAQ: a limit of 400-500 is safe
    o.peerings.append(p);
    o.peerAsn.contacts.append(Contact{QStringLiteral("Noc"), {}, {}, {}});
    for (const RequirementInfo &info : RequirementCheck::catalogue())
        o.requirements.append(RequirementCheck{info.id, QStringLiteral("open"), {}, {}});
    return o;
}

void OnboardingWizard::setDraft(const Onboarding &onboarding)
{
    m_draft = onboarding;
    if (m_draft.peerings.isEmpty())
        m_draft.peerings.append(PeeringResource{});
    m_currentPeering = qBound(0, m_currentPeering, int(m_draft.peerings.size()) - 1);
    draftEdited();
    Q_EMIT currentPeeringChanged(m_currentPeering);
}

void OnboardingWizard::setCurrentPeering(int index)
{
    index = qBound(0, index, int(m_draft.peerings.size()) - 1);
    if (index == m_currentPeering)
        return;
    m_currentPeering = index;
    Q_EMIT currentPeeringChanged(index);
}

void OnboardingWizard::addPeering()
{
    PeeringResource p;
    // The Basics that usually stay the same across metros are carried over.
    p.subscriptionId = peering().subscriptionId;
    p.resourceGroup = peering().resourceGroup;
    p.maxPrefixesFromMicrosoft = peering().maxPrefixesFromMicrosoft;
    m_draft.peerings.append(p);
    m_currentPeering = int(m_draft.peerings.size()) - 1;
    draftEdited();
    Q_EMIT currentPeeringChanged(m_currentPeering);
}

void OnboardingWizard::duplicatePeering()
{
    PeeringResource p = peering();
    p.name += QStringLiteral("-copy");
    p.metro.clear();
    for (Connection &c : p.connections) {
        c.id.clear(); // a new resource gets new connection identifiers
        c.state = QStringLiteral("None");
    }
    m_draft.peerings.append(p);
    m_currentPeering = int(m_draft.peerings.size()) - 1;
    draftEdited();
    Q_EMIT currentPeeringChanged(m_currentPeering);
}

void OnboardingWizard::removePeering()
{
    if (m_draft.peerings.size() <= 1)
        return;
    m_draft.peerings.removeAt(m_currentPeering);
    m_currentPeering = qMin(m_currentPeering, int(m_draft.peerings.size()) - 1);
    draftEdited();
    Q_EMIT currentPeeringChanged(m_currentPeering);
}

void OnboardingWizard::setStoredOriginal(const Onboarding &stored)
{
    m_original = stored;
    m_editingStored = true;
    setButtonText(QWizard::FinishButton, tr("&Save"));
    // The pages lock what cannot change and Review lists the changes.
    draftEdited();
    Q_EMIT currentPeeringChanged(m_currentPeering);
}

bool OnboardingWizard::isPeeringCreated(int index) const
{
    if (!m_editingStored || index < 0 || index >= m_draft.peerings.size())
        return false;
    // A created peering's connections leave None at once (PendingApproval). The milestone
    // peering-created is not per peering, so a metro added later would look created by it.
    const PeeringResource &mine = m_draft.peerings.at(index);
    for (const PeeringResource &p : m_original.peerings) {
        if (p.name != mine.name || p.subscriptionId != mine.subscriptionId
            || p.resourceGroup != mine.resourceGroup)
            continue;
        for (const Connection &c : p.connections)
            if (c.state != QLatin1String("None"))
                return true;
    }
    return false;
}

bool OnboardingWizard::isPeerAsnFixed() const
{
    for (int i = 0; i < m_draft.peerings.size(); ++i)
        if (isPeeringCreated(i))
            return true;
    return false;
}

void OnboardingWizard::setValidationContext(const ValidationContext &context)
{
    m_context = context;
    revalidate();
}

void OnboardingWizard::setPeeringDbChoices(const PeeringDbChoices &choices)
{
    // Set before the wizard is shown: each page reads them when it is entered.
    m_peeringDb = choices;
}

void OnboardingWizard::draftEdited()
{
    revalidate();
    Q_EMIT draftChanged();
}

void OnboardingWizard::revalidate()
{
    m_findings = OnboardingValidator::validate(m_draft, m_context);
    Q_EMIT findingsChanged();
}

OnboardingWizard::PageId OnboardingWizard::pageForPath(const QString &path)
{
    if (path.startsWith(QLatin1String("requirements")))
        return RequirementsPageId;
    if (path.startsWith(QLatin1String("peerAsn")) || path == QLatin1String("name"))
        return PeerAsnPageId;
    if (path.startsWith(QLatin1String("prefixes")))
        return PrefixesPageId;
    if (path.startsWith(QLatin1String("peerings["))) {
        const qsizetype dot = path.indexOf(u']');
        const QStringView field = QStringView(path).mid(dot + 2);
        if (field.startsWith(u"subscriptionId") || field.startsWith(u"resourceGroup")
            || field == u"name")
            return BasicsPageId;
        if (field.startsWith(u"connections"))
            return ConnectionsPageId;
        return ConfigurationPageId;
    }
    if (path == QLatin1String("peerings"))
        return ConfigurationPageId;
    return ReviewPageId;
}

bool OnboardingWizard::goToField(const QString &path)
{
    const int peeringIndex = peeringIndexOf(path);
    if (peeringIndex >= 0)
        setCurrentPeering(peeringIndex);
    const int target = pageForPath(path);
    if (m_navigating)
        return false;
    m_navigating = true;
    while (currentId() > target) {
        const int before = currentId();
        back();
        if (currentId() == before)
            break; // the history ends here (opened at a later page)
    }
    if (currentId() > target) {
        // Start over from the first page; the draft stays as it is.
        setStartId(RequirementsPageId);
        restart();
    }
    // Going forward is only possible through pages without errors; stop where Next is blocked.
    while (currentId() < target && currentPage() && currentPage()->isComplete()) {
        const int before = currentId();
        next();
        if (currentId() == before)
            break;
    }
    m_navigating = false;
    auto *page = qobject_cast<OnboardingPage *>(currentPage());
    if (currentId() != target) {
        if (page)
            page->focusFirstBlocking();
        return false;
    }
    if (page)
        page->focusPath(path);
    return true;
}

void OnboardingWizard::openAtReview()
{
    setStartId(RequirementsPageId);
    restart();
    // Programmatic next() does not ask isComplete(): every page is visited, errors or not, so
    // that Back and "go to field" work from Review as after a walk through the pages.
    while (currentId() != ReviewPageId && currentId() != -1) {
        const int before = currentId();
        next();
        if (currentId() == before)
            break;
    }
}

void OnboardingWizard::done(int result)
{
    if (result == QDialog::Accepted) {
        if (hasErrors(m_findings))
            return; // Create is disabled then; a stray Enter must not create anyway
        if (m_commit && !m_commit(m_draft))
            return;
        Q_EMIT created(m_draft);
    }
    QWizard::done(result);
}

} // namespace Peering
