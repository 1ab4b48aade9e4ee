// Page 6: the prefixes the peer advertises to Microsoft, edited in place; a pasted list adds many
// at once with the required community and the peer's ASN as origin.
#pragma once

#include "onboardingpage.h"

class QTableWidget;

namespace Peering {

class PrefixesPage : public OnboardingPage
{
    Q_OBJECT
public:
    explicit PrefixesPage(OnboardingWizard *wizard);

    // One prefix per line: "PREFIX [ORIGIN-ASN] [traffic class ...]"; returns how many were added,
    // and the lines that were not prefixes in rejected.
    int addFromText(const QString &text, QStringList *rejected = nullptr);

protected:
    void refreshFromDraft() override;

private:
    void fillTable();
    void storeTable();
    void pasteList();

    QTableWidget *m_table;
};

} // namespace Peering
