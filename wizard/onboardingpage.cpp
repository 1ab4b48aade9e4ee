#include "onboardingpage.h"

#include "fieldrow.h"
#include "onboardingwizard.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Peering {

OnboardingPage::OnboardingPage(OnboardingWizard *wizard, int pageId)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_pageId(pageId)
{
    connect(wizard, &OnboardingWizard::findingsChanged, this, [this] {
        updateFieldMessages();
        Q_EMIT completeChanged();
    });
    connect(wizard, &OnboardingWizard::currentPeeringChanged, this, [this] {
        m_loading = true;
        refreshFromDraft();
        m_loading = false;
        updateFieldMessages();
        Q_EMIT completeChanged();
    });
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
    QLabel *label = FieldRow::makeMessage(this, widget);
    widget->installEventFilter(this);
    m_bindings.append(Binding{widget, label, std::move(path), matchChildren});
    return label;
}

void OnboardingPage::addBoundRow(QFormLayout *form, const QString &label, QWidget *widget,
                                 std::function<QString()> path)
{
    FieldRow::add(form, this, label, widget, bindField(widget, std::move(path)));
}

bool OnboardingPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut)
        touch(qobject_cast<QWidget *>(watched));
    return QWizardPage::eventFilter(watched, event);
}

void OnboardingPage::touch(QWidget *widget)
{
    for (Binding &b : m_bindings)
        if (b.widget == widget && !b.touched) {
            b.touched = true;
            updateFieldMessages();
        }
}

void OnboardingPage::touchAll()
{
    for (Binding &b : m_bindings)
        b.touched = true;
    updateFieldMessages();
}

void OnboardingPage::updateFieldMessages()
{
    const Findings &findings = m_wizard->findings();
    for (Binding &b : m_bindings) {
        const QString path = b.path();
        const Finding *shown = nullptr;
        for (const Finding &f : findings) {
            const bool child = b.matchChildren && f.path.size() > path.size()
                               && f.path.startsWith(path)
                               && (f.path.at(path.size()) == u'[' || f.path.at(path.size()) == u'.');
            if (f.path != path && !child)
                continue;
            if (!shown || int(f.severity) < int(shown->severity))
                shown = &f;
        }
        const bool visible = shown && b.touched;
        if (visible) {
            const bool error = shown->severity == Severity::Error;
            b.label->setText(QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
                                 .arg(error ? QStringLiteral("#b00020") : QStringLiteral("#8a6d00"),
                                      error ? tr("Error:") : tr("Warning:"),
                                      shown->message.toHtmlEscaped()));
            b.widget->setAccessibleDescription(shown->message);
        } else {
            b.widget->setAccessibleDescription(QString());
        }
        b.label->setVisible(visible);
    }
}

bool OnboardingPage::focusPath(const QString &path)
{
    for (Binding &b : m_bindings)
        if (b.path() == path) {
            b.touched = true;
            updateFieldMessages();
            b.widget->setFocus(Qt::OtherFocusReason);
            return true;
        }
    return false;
}

} // namespace Peering
