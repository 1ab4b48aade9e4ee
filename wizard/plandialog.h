// The tracking plan as a table: each stage's day after the start, with the expected date it
// gives. Two uses: the default plan for new onboardings (no start date; the dates show what a
// plan started today would expect), and replanning one onboarding (a start date, and the stages
// already reached shown with the date they keep). The dialog only edits values; its caller reads
// and stores them (the settings, or the tracker's replan).
#pragma once

#include "tracking/onboardingplan.h"

#include <QDate>
#include <QDialog>
#include <QHash>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Peering {

class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { DefaultPlan, Replan };
    static constexpr int MaximumDay = 9999;

    explicit PlanDialog(Mode mode, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }

    // The plan shown; stages steps does not name keep what they showed.
    void setSteps(const QList<OnboardingPlan::Step> &steps);
    // In flow order, every stage.
    QList<OnboardingPlan::Step> steps() const;
    // What Restore Defaults puts back (domain.md's plan unless set).
    void setDefaults(const QList<OnboardingPlan::Step> &defaults);

    // Default plan: the example dates count from today. Replan: the first start date shown.
    void setToday(QDate today);
    // Replan: the onboarding whose reached stages keep their dates, and the start date.
    void setOnboarding(const Onboarding &onboarding);
    void setStart(QDate start);
    QDate start() const;

    // One line above the table, e.g. that the stored setting was ignored (empty hides it).
    void setNotice(const QString &text);
    QString notice() const;
    // The out-of-order warning shown under the table, empty when the plan follows the flow.
    QString warning() const;

    QSpinBox *daySpin(const QString &stage) const { return m_days.value(stage); }
    QString expectedText(const QString &stage) const;
    QPushButton *restoreDefaultsButton() const;
    QPushButton *okButton() const;

private:
    void updateDates();

    Mode m_mode;
    QList<OnboardingPlan::Step> m_defaults;
    Onboarding m_onboarding;
    QDate m_today;
    QLabel *m_intro;
    QLabel *m_notice;
    QDateEdit *m_start = nullptr;
    QHash<QString, QSpinBox *> m_days;
    QHash<QString, QLabel *> m_expected;
    QLabel *m_expectedHeader;
    QLabel *m_warning;
    QDialogButtonBox *m_buttons;
};

} // namespace Peering
