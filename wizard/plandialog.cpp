#include "plandialog.h"

#include "tracking/onboardingtracker.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Peering {

namespace {

const QString kAttention = QStringLiteral(
    "QLabel { color: #5d4037; background: #fff3cd; border: 1px solid #e0b44a; padding: 5px; }");

QString dateText(QDate d)
{
    if (!d.isValid())
        return QStringLiteral("-");
    return QStringLiteral("%1  %2").arg(d.toString(Qt::ISODate),
                                        QLocale().dayName(d.dayOfWeek(), QLocale::ShortFormat));
}

} // namespace

PlanDialog::PlanDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_defaults(OnboardingPlan::defaultSteps())
    , m_today(QDate::currentDate())
    , m_intro(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_expectedHeader(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::RestoreDefaults | QDialogButtonBox::Ok
                                         | QDialogButtonBox::Cancel,
                                     this))
{
    setObjectName(QStringLiteral("planDialog"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);

    m_intro->setObjectName(QStringLiteral("planIntro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_notice->setObjectName(QStringLiteral("planNotice"));
    m_notice->setAccessibleName(tr("Notice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(kAttention);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    layout->addWidget(m_notice);
    layout->addSpacing(4);

    if (m_mode == Mode::DefaultPlan) {
        setWindowTitle(tr("Default Tracking Plan"));
        m_intro->setText(tr("<p>New onboardings get this plan when they are created: each stage is "
                            "expected to end the given number of days after the day of Create. "
                            "Onboardings created earlier keep their plan; replan one in its "
                            "tracker (Milestones tab).</p>"));
    } else {
        m_start = new QDateEdit(this);
        m_start->setObjectName(QStringLiteral("planStartEdit"));
        m_start->setAccessibleName(tr("Start date"));
        m_start->setCalendarPopup(true);
        m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        m_start->setDate(m_today);
        auto *startLabel = new QLabel(tr("&Start date:"), this);
        startLabel->setBuddy(m_start);
        auto *row = new QHBoxLayout;
        row->addWidget(startLabel);
        row->addWidget(m_start);
        row->addStretch();
        layout->addLayout(row);
        connect(m_start, &QDateEdit::dateChanged, this, &PlanDialog::updateDates);
    }

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(4);
    const auto header = [this, grid](QLabel *label, const QString &text, int column) {
        label->setText(text);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        grid->addWidget(label, 0, column);
    };
    header(new QLabel(this), tr("Stage"), 0);
    header(new QLabel(this), tr("Days after start"), 1);
    header(m_expectedHeader,
           m_mode == Mode::DefaultPlan ? tr("If started today") : tr("Expected date"), 2);
    QWidget *previous = m_start;
    int row = 1;
    for (const QString &stage : Milestone::stages()) {
        const QString title = OnboardingTracker::title(stage);
        auto *spin = new QSpinBox(this);
        spin->setObjectName(QStringLiteral("planDay-%1").arg(stage));
        spin->setAccessibleName(tr("Days after start: %1").arg(title));
        spin->setRange(0, MaximumDay);
        spin->setAlignment(Qt::AlignRight);
        spin->setMinimumWidth(spin->fontMetrics().horizontalAdvance(QStringLiteral("99999")) + 40);
        // Numbered as in the flowchart; the number is the mnemonic (Alt+1 ... Alt+0).
        QString number = QString::number(row);
        number.insert(number.size() - 1, QLatin1Char('&'));
        auto *label = new QLabel(QStringLiteral("%1. %2").arg(number, title), this);
        label->setBuddy(spin);
        auto *reached = new QLabel(tr("reached"), this);
        reached->setObjectName(QStringLiteral("planReached-%1").arg(stage));
        reached->setStyleSheet(QStringLiteral("QLabel { color: #2e7d32; }"));
        reached->hide();
        auto *expected = new QLabel(this);
        expected->setObjectName(QStringLiteral("planExpected-%1").arg(stage));
        expected->setAccessibleName(tr("Expected date: %1").arg(title));
        expected->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(label, row, 0);
        grid->addWidget(spin, row, 1);
        grid->addWidget(reached, row, 1);
        grid->addWidget(expected, row, 2);
        // Rows keep one height whether they show the spin box or "reached".
        grid->setRowMinimumHeight(row, spin->sizeHint().height());
        m_days.insert(stage, spin);
        m_expected.insert(stage, expected);
        if (previous)
            setTabOrder(previous, spin);
        previous = spin;
        connect(spin, &QSpinBox::valueChanged, this, &PlanDialog::updateDates);
        ++row;
    }
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);

    m_warning->setObjectName(QStringLiteral("planWarning"));
    m_warning->setAccessibleName(tr("Plan warning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(kAttention);
    m_warning->hide();
    layout->addWidget(m_warning);
    layout->addStretch();

    m_buttons->setObjectName(QStringLiteral("planButtons"));
    restoreDefaultsButton()->setText(tr("&Restore Defaults"));
    restoreDefaultsButton()->setObjectName(QStringLiteral("restoreDefaultsButton"));
    restoreDefaultsButton()->setAccessibleName(tr("Restore the default plan"));
    okButton()->setObjectName(QStringLiteral("planOkButton"));
    okButton()->setAccessibleName(m_mode == Mode::DefaultPlan ? tr("Save the default plan")
                                                              : tr("Replan the onboarding"));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("planCancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    if (previous)
        setTabOrder(previous, m_buttons);
    layout->addWidget(m_buttons);
    connect(restoreDefaultsButton(), &QPushButton::clicked, this, [this] { setSteps(m_defaults); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        // The spin boxes keep every day in range; this guards what the setting will read back.
        QString error;
        if (!OnboardingPlan::parseSteps(OnboardingPlan::stepsToString(steps()), &error)) {
            m_warning->setText(tr("The plan cannot be used: %1.").arg(error));
            m_warning->show();
            return;
        }
        if (m_start && !m_start->date().isValid()) {
            m_warning->setText(tr("Enter a start date (yyyy-mm-dd)."));
            m_warning->show();
            m_start->setFocus();
            return;
        }
        accept();
    });

    setSteps(m_defaults);
    updateDates();
}

void PlanDialog::setSteps(const QList<OnboardingPlan::Step> &steps)
{
    for (const OnboardingPlan::Step &s : steps)
        if (QSpinBox *spin = m_days.value(s.stage))
            spin->setValue(s.day);
    updateDates();
}

QList<OnboardingPlan::Step> PlanDialog::steps() const
{
    QList<OnboardingPlan::Step> steps;
    for (const QString &stage : Milestone::stages())
        steps.append({stage, m_days.value(stage)->value()});
    return steps;
}

void PlanDialog::setDefaults(const QList<OnboardingPlan::Step> &defaults)
{
    m_defaults = defaults;
}

void PlanDialog::setToday(QDate today)
{
    m_today = today;
    if (m_start)
        m_start->setDate(today);
    updateDates();
}

void PlanDialog::setOnboarding(const Onboarding &onboarding)
{
    m_onboarding = onboarding;
    if (m_mode == Mode::Replan) {
        setWindowTitle(tr("Replan %1").arg(onboarding.name));
        m_intro->setText(
            tr("<p>Each stage of <b>%1</b> is expected to end the given number of days after the "
               "start date. Stages already reached keep the date they were planned for.</p>")
                .arg(onboarding.name.toHtmlEscaped()));
    }
    updateDates();
}

void PlanDialog::setStart(QDate start)
{
    if (m_start && start.isValid())
        m_start->setDate(start);
}

QDate PlanDialog::start() const
{
    return m_start ? m_start->date() : m_today;
}

void PlanDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString PlanDialog::notice() const
{
    return m_notice->text();
}

QString PlanDialog::warning() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

QString PlanDialog::expectedText(const QString &stage) const
{
    const QLabel *label = m_expected.value(stage);
    return label ? label->text() : QString();
}

QPushButton *PlanDialog::restoreDefaultsButton() const
{
    return m_buttons->button(QDialogButtonBox::RestoreDefaults);
}

QPushButton *PlanDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void PlanDialog::updateDates()
{
    const QList<OnboardingPlan::Step> plan = steps();
    QList<OnboardingPlan::Step> open; // the stages the plan still moves
    if (m_mode == Mode::DefaultPlan) {
        m_expectedHeader->setText(tr("If started today (%1)").arg(m_today.toString(Qt::ISODate)));
        for (const OnboardingPlan::Step &s : plan)
            m_expected.value(s.stage)->setText(
                dateText(OnboardingPlan::expectedDate(s.stage, m_today, plan)));
        open = plan;
    } else {
        for (const OnboardingPlan::PlannedDate &d :
             OnboardingPlan::preview(m_onboarding, start(), plan)) {
            m_expected.value(d.stage)->setText(d.kept ? tr("%1 (kept)").arg(dateText(d.expected))
                                                      : dateText(d.expected));
            m_days.value(d.stage)->setVisible(!d.kept);
            findChild<QLabel *>(QStringLiteral("planReached-%1").arg(d.stage))->setVisible(d.kept);
            if (!d.kept)
                open.append({d.stage, m_days.value(d.stage)->value()});
        }
    }
    const auto problem = OnboardingPlan::firstOutOfOrder(open);
    if (problem) {
        m_warning->setText(tr("%1 (day %2) would end before %3 (day %4), which comes earlier in "
                              "the flow: raise its days if that is not what you expect.")
                               .arg(OnboardingTracker::title(problem->stage))
                               .arg(problem->day)
                               .arg(OnboardingTracker::title(problem->earlier))
                               .arg(problem->earlierDay));
    }
    m_warning->setVisible(bool(problem));
}

} // namespace Peering
