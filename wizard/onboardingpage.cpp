#include "onboardingpage.h"

#include "fieldbinder.h"
#include "onboardingwizard.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Peering {

OnboardingPage::OnboardingPage(OnboardingWizard *wizard, int pageId)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_pageId(pageId)
    , m_fields(new FieldBinder(
          this, [wizard]() -> const Findings & { return wizard->findings(); },
          [wizard]() -> const Onboarding & { return wizard->draft(); }))
{
    m_fields->setBlocks([this](const Finding &f) { return blocksNext(f); });
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("pageScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    m_content = new QWidget(scroll);
    m_content->setObjectName(QStringLiteral("pageContent"));
    scroll->setWidget(m_content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    connect(wizard, &OnboardingWizard::findingsChanged, this, [this] {
        if (isVisible())
            showFindings();
        else
            m_findingsStale = true;
    });
    connect(wizard, &OnboardingWizard::currentPeeringChanged, this, [this] {
        m_loading = true;
        refreshFromDraft();
        m_loading = false;
        updateFieldMessages();
        Q_EMIT completeChanged();
    });
}

void OnboardingPage::showFindings()
{
    m_findingsStale = false;
    updateFieldMessages();
    Q_EMIT completeChanged();
}

void OnboardingPage::showEvent(QShowEvent *event)
{
    QWizardPage::showEvent(event);
    if (m_findingsStale)
        showFindings();
}

void OnboardingPage::initializePage()
{
    m_loading = true;
    refreshFromDraft();
    m_loading = false;
    updateFieldMessages();
}

bool OnboardingPage::ownsPath(const QString &path) const
{
    return OnboardingWizard::pageForPath(path) == m_pageId;
}

bool OnboardingPage::blocksNext(const Finding &finding) const
{
    // Approval of the ASN association is Microsoft's step; the rest of the onboarding can be
    // prepared meanwhile. It still blocks Create.
    return finding.rule != QLatin1String("peer-asn.approved");
}

Findings OnboardingPage::pageFindings() const
{
    Findings out;
    for (const Finding &f : m_wizard->findings())
        if (ownsPath(f.path))
            out.append(f);
    return out;
}

bool OnboardingPage::isComplete() const
{
    for (const Finding &f : m_wizard->findings())
        if (f.severity == Severity::Error && ownsPath(f.path) && blocksNext(f))
            return false;
    return true;
}

QLabel *OnboardingPage::bindField(QWidget *widget, std::function<QString()> path,
                                  bool matchChildren)
{
    return m_fields->bind(widget, std::move(path), matchChildren);
}

void OnboardingPage::addBoundRow(QFormLayout *form, const QString &label, QWidget *widget,
                                 std::function<QString()> path)
{
    m_fields->addRow(form, label, widget, std::move(path));
}

void OnboardingPage::touch(QWidget *widget)
{
    m_fields->touch(widget);
}

void OnboardingPage::touchAll()
{
    m_fields->touchAll();
}

void OnboardingPage::updateFieldMessages()
{
    m_fields->update();
}

bool OnboardingPage::focusPath(const QString &path)
{
    if (m_fields->focusPath(path))
        return true;
    // A path below a bound table (a prefix's community): the table shows it.
    for (QString parent = path; !parent.isEmpty();) {
        const qsizetype cut = qMax(parent.lastIndexOf(u'.'), parent.lastIndexOf(u'['));
        if (cut <= 0)
            break;
        parent.truncate(cut);
        if (m_fields->focusPath(parent))
            return true;
    }
    return false;
}

void OnboardingPage::focusFirstBlocking()
{
    m_fields->touchAll();
    for (const Finding &f : m_wizard->findings())
        if (f.severity == Severity::Error && ownsPath(f.path) && blocksNext(f) && focusPath(f.path))
            return;
}

} // namespace Peering
