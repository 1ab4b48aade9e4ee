#include "requirementspage.h"

#include "onboardingwizard.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Peering {

namespace {

int indexOfRequirement(const Onboarding &o, const QString &id)
{
    for (int i = 0; i < o.requirements.size(); ++i)
        if (o.requirements.at(i).id == id)
            return i;
    return -1;
}

} // namespace

RequirementsPage::RequirementsPage(OnboardingWizard *wizard)
    : OnboardingPage(wizard, OnboardingWizard::RequirementsPageId)
{
    setObjectName(QStringLiteral("requirementsPage"));
    setTitle(tr("Technical Requirements"));
    setSubTitle(tr("Microsoft checks these before it builds the interconnect. Mark each as met, or "
                   "waive it with a note for the record."));

    auto *content = new QWidget(this);
    auto *grid = new QGridLayout(content);
    grid->setColumnStretch(1, 1);
    int row = 0;
    for (const RequirementInfo &info : RequirementCheck::catalogue()) {
        Row r{info.id, info.rule, new QComboBox(content), new QLineEdit(content),
              new QLabel(content)};
        r.status->setObjectName(QStringLiteral("requirement_%1").arg(info.id));
        r.status->addItem(tr("Open"), QStringLiteral("open"));
        r.status->addItem(tr("Met"), QStringLiteral("met"));
        r.status->addItem(tr("Waived"), QStringLiteral("waived"));
        r.status->setAccessibleName(info.title);
        r.status->setAccessibleDescription(info.why);
        r.note->setObjectName(QStringLiteral("requirementNote_%1").arg(info.id));
        r.note->setPlaceholderText(tr("Why it is waived"));
        r.note->setAccessibleName(tr("Waiver note: %1").arg(info.title));
        auto *text = new QLabel(QStringLiteral("<b>%1</b><br><small>%2</small>")
                                    .arg(info.title.toHtmlEscaped(), info.why.toHtmlEscaped()),
                                content);
        text->setWordWrap(true);
        text->setBuddy(r.status);
        r.check->setObjectName(QStringLiteral("requirementCheck_%1").arg(info.id));
        grid->addWidget(r.status, row, 0, Qt::AlignTop);
        grid->addWidget(text, row, 1);
        grid->addWidget(r.check, row, 2, Qt::AlignTop);
        grid->addWidget(r.note, row + 1, 1, 1, 2);
        row += 2;
        m_rows.append(r);
        const Row copy = r;
        connect(r.status, &QComboBox::currentIndexChanged, this, [this, copy] {
            copy.note->setEnabled(copy.status->currentData() == QLatin1String("waived"));
            if (!m_loading)
                store(copy);
        });
        connect(r.note, &QLineEdit::textEdited, this, [this, copy] {
            if (!m_loading)
                store(copy);
        });
    }
    // The page's own scroll area (OnboardingPage) holds the long checklist.
    auto *layout = new QVBoxLayout(this->content());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(content);
}

void RequirementsPage::showFindings()
{
    OnboardingPage::showFindings();
    updateChecks();
}

void RequirementsPage::store(const Row &row)
{
    const QString status = row.status->currentData().toString();
    const QString note = row.note->text();
    onboardingWizard()->edit([&](Onboarding &o) {
        int i = indexOfRequirement(o, row.id);
        if (i < 0) {
            o.requirements.append(RequirementCheck{row.id, {}, {}, {}});
            i = int(o.requirements.size()) - 1;
        }
        o.requirements[i].status = status;
        o.requirements[i].note = note;
    });
}

void RequirementsPage::refreshFromDraft()
{
    const Onboarding &o = onboardingWizard()->draft();
    for (const Row &r : m_rows) {
        const int i = indexOfRequirement(o, r.id);
        const QString status = i < 0 ? QStringLiteral("open") : o.requirements.at(i).status;
        r.status->setCurrentIndex(qMax(0, r.status->findData(status)));
        r.note->setText(i < 0 ? QString() : o.requirements.at(i).note);
        r.note->setEnabled(status == QLatin1String("waived"));
    }
    updateChecks();
}

void RequirementsPage::updateChecks()
{
    // What the document itself says about each requirement, so a tick is never blind.
    QHash<QString, int> problems;
    for (const Finding &f : onboardingWizard()->findings())
        ++problems[f.rule];
    for (const Row &r : m_rows) {
        const int n = problems.value(r.rule);
        r.check->setText(n == 0 ? tr("document: no findings")
                                : tr("document: %n finding(s)", nullptr, n));
        r.check->setToolTip(tr("Rule %1").arg(r.rule));
    }
}

} // namespace Peering
