// Base of the wizard's pages: binds input widgets to field paths of the draft and shows the
// validator's finding for a field once the user has left it; Next stays disabled while a field
// of this page has an error.
#pragma once

#include "validation/finding.h"

#include <QWizardPage>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace Peering {

class FieldBinder;
class OnboardingWizard;

class OnboardingPage : public QWizardPage
{
    Q_OBJECT
public:
    OnboardingPage(OnboardingWizard *wizard, int pageId);

    int pageId() const { return m_pageId; }

    bool isComplete() const override;
    // The error and warning findings of this page (by field path).
    Findings pageFindings() const;
    // Focuses the widget bound to the path, if any, and shows its finding.
    virtual bool focusPath(const QString &path);
    // Focuses the field of the first error that blocks Next on this page (and shows it).
    void focusFirstBlocking();
    // False when the fields of this page cannot be changed (a created onboarding's fixed values).
    virtual void setLocked(bool) {}

protected:
    OnboardingWizard *onboardingWizard() const { return m_wizard; }
    // Where a page puts its layout: inside a scroll area, so that on a small screen (or at a
    // large scale factor) the page scrolls instead of pushing Next off the screen.
    QWidget *content() const { return m_content; }

    // Binds a widget to a field path (computed on demand, since the selected peering changes).
    // The returned label shows the finding; the page decides where to put it in its layout.
    // With matchChildren, findings of fields below the path count too (tables of items).
    QLabel *bindField(QWidget *widget, std::function<QString()> path, bool matchChildren = false);
    // Adds "label: widget" to the form with the finding's message below it; the label is the
    // widget's buddy (keyboard mnemonic) and its accessible name.
    void addBoundRow(QFormLayout *form, const QString &label, QWidget *widget,
                     std::function<QString()> path);
    // Marks every bound field as visited (e.g. when the user tries to go on).
    void touchAll();
    // Rules whose errors must be fixed elsewhere (e.g. waiting for Microsoft) do not block Next.
    virtual bool blocksNext(const Finding &finding) const;
    // True when the path belongs to this page.
    virtual bool ownsPath(const QString &path) const;
    // Re-reads the draft into the widgets (after a peering switch or an outside change).
    virtual void refreshFromDraft() {}
    void initializePage() override;
    // The draft's findings changed: the page shows them. Only a shown page does this at once; a
    // hidden one catches up when it is shown again, so that a keystroke costs one page's work.
    virtual void showFindings();
    void showEvent(QShowEvent *event) override;

    // Called by subclasses when a bound widget was left.
    void touch(QWidget *widget);
    void updateFieldMessages();
    FieldBinder *fields() const { return m_fields; }

    bool m_loading = false; // set while refreshFromDraft() writes widgets, so no edits echo

private:
    OnboardingWizard *m_wizard;
    int m_pageId;
    FieldBinder *m_fields;
    QWidget *m_content;
    bool m_findingsStale = false;
};

} // namespace Peering
