// Page 7: Review + create. Every finding grouped by page, each one a link to its field; a summary
// of what will be created; Create only when nothing blocks it and the user has confirmed the
// fields that cannot change later.
#pragma once

#include "domain/onboarding.h"
#include "onboardingpage.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace Peering {

class ReviewPage : public OnboardingPage
{
    Q_OBJECT
public:
    explicit ReviewPage(OnboardingWizard *wizard);

    bool isComplete() const override;
    // What saving the draft changes against the stored version, as an HTML section.
    static QString changesHtml(const Onboarding &before, const Onboarding &after);

protected:
    void refreshFromDraft() override;
    bool ownsPath(const QString &) const override { return true; }
    bool blocksNext(const Finding &) const override { return true; }
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillFindings();
    void activate(QTreeWidgetItem *item);
    void fitRowHeights();

    QLabel *m_status;
    QTreeWidget *m_findings;
    QTextBrowser *m_summary;
    QCheckBox *m_confirm;
    QLabel *m_confirmText = nullptr;
    QPushButton *m_export;
};

} // namespace Peering
