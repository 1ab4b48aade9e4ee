#include "emptylistpage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Peering {

EmptyListPage::EmptyListPage(QWidget *parent)
    : QWidget(parent)
    , m_new(new QPushButton(tr("&New Onboarding..."), this))
    , m_import(new QPushButton(tr("&Import Documents..."), this))
    , m_example(new QPushButton(tr("Open the E&xample"), this))
{
    setObjectName(QStringLiteral("emptyListPage"));
    auto *title = new QLabel(tr("<h2>No onboardings yet</h2>"), this);
    title->setObjectName(QStringLiteral("emptyListTitle"));
    auto *text = new QLabel(
        tr("Start a new onboarding and the wizard takes you through every field Microsoft "
           "checks. Or import onboarding documents (peering-onboarding/1 JSON files), or open "
           "the example to see a complete onboarding first: nothing is stored until you press "
           "Create."),
        this);
    text->setObjectName(QStringLiteral("emptyListText"));
    text->setWordWrap(true);
    text->setMaximumWidth(520);

    m_new->setObjectName(QStringLiteral("emptyNewButton"));
    m_import->setObjectName(QStringLiteral("emptyImportButton"));
    m_example->setObjectName(QStringLiteral("openExampleButton"));
    m_example->setAccessibleDescription(tr("Opens an example onboarding in the wizard"));
    connect(m_new, &QPushButton::clicked, this, &EmptyListPage::newOnboardingRequested);
    connect(m_import, &QPushButton::clicked, this, &EmptyListPage::importRequested);
    connect(m_example, &QPushButton::clicked, this, &EmptyListPage::exampleRequested);

    // A short column in the middle of the page, the buttons in a row under the text.
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_new, m_import, m_example}) {
        // Enter presses the focused button, as in a dialog.
        b->setAutoDefault(true);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    auto *column = new QVBoxLayout;
    column->addStretch(1);
    column->addWidget(title);
    column->addWidget(text);
    column->addSpacing(12);
    column->addLayout(buttons);
    column->addStretch(2);
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column);
    outer->addStretch(1);
}

} // namespace Peering
