// Page 4: Configuration of the selected peering: the three fixed choices (shown with why),
// Azure region, metro, and the peer's own max-prefix limit for routes from Microsoft.
#pragma once

#include "onboardingpage.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Peering {

class ConfigurationPage : public OnboardingPage
{
    Q_OBJECT
public:
    explicit ConfigurationPage(OnboardingWizard *wizard);

    // Metros where Microsoft offers Peering Service with exchange route server (editable list).
    static QStringList knownMetros();
    static QStringList knownRegions();

protected:
    void refreshFromDraft() override;

private:
    // "Netherlands (NL)" for a PeeringDB country code.
    static QString countryHeading(const QString &code);
    // Microsoft's metros from the PeeringDB cache, under a header per country, once it is there.
    void showPeeringDbMetros();

private:
    QLineEdit *m_kind;
    QLineEdit *m_network;
    QLineEdit *m_sku;
    QPushButton *m_fix;
    QComboBox *m_region;
    QComboBox *m_metro;
    QLabel *m_peeringDbLine;
    bool m_metrosFromCache = false;
    QSpinBox *m_maxPrefixes;
};

} // namespace Peering
