#include "configurationpage.h"

#include <QLocale>
#include <QStandardItemModel>

#include "onboardingwizard.h"
#include "peeringselector.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Peering {

QStringList ConfigurationPage::knownMetros()
{
    return {QStringLiteral("Amsterdam"),   QStringLiteral("Ashburn"),   QStringLiteral("Atlanta"),
            QStringLiteral("Berlin"),      QStringLiteral("Chicago"),   QStringLiteral("Dallas"),
            QStringLiteral("Dubai"),       QStringLiteral("Dublin"),    QStringLiteral("Frankfurt"),
            QStringLiteral("Hong Kong"),   QStringLiteral("Johannesburg"), QStringLiteral("London"),
            QStringLiteral("Los Angeles"), QStringLiteral("Madrid"),    QStringLiteral("Marseille"),
            QStringLiteral("Miami"),       QStringLiteral("Milan"),     QStringLiteral("Mumbai"),
            QStringLiteral("New York"),    QStringLiteral("Osaka"),     QStringLiteral("Paris"),
            QStringLiteral("San Jose"),    QStringLiteral("Sao Paulo"), QStringLiteral("Seattle"),
            QStringLiteral("Singapore"),   QStringLiteral("Stockholm"), QStringLiteral("Sydney"),
            QStringLiteral("Tokyo"),       QStringLiteral("Toronto"),   QStringLiteral("Vienna"),
            QStringLiteral("Warsaw"),      QStringLiteral("Zurich")};
}

QStringList ConfigurationPage::knownRegions()
{
    return {QStringLiteral("eastus"),          QStringLiteral("eastus2"),
            QStringLiteral("westus"),          QStringLiteral("westus2"),
            QStringLiteral("centralus"),       QStringLiteral("southcentralus"),
            QStringLiteral("northeurope"),     QStringLiteral("westeurope"),
            QStringLiteral("uksouth"),         QStringLiteral("francecentral"),
            QStringLiteral("germanywestcentral"), QStringLiteral("switzerlandnorth"),
            QStringLiteral("swedencentral"),   QStringLiteral("polandcentral"),
            QStringLiteral("southeastasia"),   QStringLiteral("eastasia"),
            QStringLiteral("japaneast"),       QStringLiteral("australiaeast"),
            QStringLiteral("brazilsouth"),     QStringLiteral("canadacentral"),
            QStringLiteral("centralindia"),    QStringLiteral("southafricanorth"),
            QStringLiteral("uaenorth")};
}

ConfigurationPage::ConfigurationPage(OnboardingWizard *wizard)
    : OnboardingPage(wizard, OnboardingWizard::ConfigurationPageId)
    , m_kind(new QLineEdit(this))
    , m_network(new QLineEdit(this))
    , m_sku(new QLineEdit(this))
    , m_fix(new QPushButton(tr("Set the &Required Values"), this))
    , m_region(new QComboBox(this))
    , m_metro(new QComboBox(this))
    , m_maxPrefixes(new QSpinBox(this))
    , m_peeringDbLine(new QLabel(this))
{
    setObjectName(QStringLiteral("configurationPage"));
    setTitle(tr("Configuration"));
    setSubTitle(tr("The portal's Configuration tab. Peering Service with exchange route server "
                   "allows one choice for each of the first three."));

    const auto fixed = [this](QLineEdit *edit, const char *name) {
        edit->setObjectName(QLatin1String(name));
        edit->setReadOnly(true);
    };
    fixed(m_kind, "kindEdit");
    fixed(m_network, "networkEdit");
    fixed(m_sku, "skuEdit");
    m_fix->setObjectName(QStringLiteral("fixConfigurationButton"));
    m_region->setObjectName(QStringLiteral("regionCombo"));
    m_region->setEditable(true);
    m_region->addItems(knownRegions());
    m_metro->setObjectName(QStringLiteral("metroCombo"));
    m_metro->setEditable(true);
    m_metro->addItems(knownMetros());
    m_metro->setInsertPolicy(QComboBox::NoInsert);
    m_maxPrefixes->setObjectName(QStringLiteral("maxPrefixesSpin"));
    m_maxPrefixes->setRange(0, 1000000);
    m_maxPrefixes->setSpecialValueText(tr("not set"));

    auto *form = new QFormLayout;
    const auto path = [wizard](const char *field) {
        return [wizard, field] {
            return QStringLiteral("peerings[%1].%2").arg(wizard->currentPeering()).arg(QLatin1String(field));
        };
    };
    const auto why = [this, form](const QString &text) {
        auto *l = new QLabel(QStringLiteral("<small>%1</small>").arg(text.toHtmlEscaped()), this);
        l->setWordWrap(true);
        form->addRow(QString(), l);
    };
    addBoundRow(form, tr("Peering &type:"), m_kind, path("kind"));
    why(tr("Direct: your routers connect to Microsoft's edge over your own interconnects."));
    addBoundRow(form, tr("Microsoft net&work:"), m_network, path("microsoftNetwork"));
    why(tr("AS8075 (with exchange route server): Microsoft peers with your route servers and "
           "builds the BGP mesh."));
    addBoundRow(form, tr("S&KU:"), m_sku, path("sku"));
    why(tr("Premium Free: Peering Service has no fee; you carry the cross-connect costs."));
    form->addRow(QString(), m_fix);
    addBoundRow(form, tr("Azure re&gion:"), m_region, path("azureRegion"));
    addBoundRow(form, tr("M&etro:"), m_metro, path("metro"));
    m_peeringDbLine->setObjectName(QStringLiteral("peeringDbMetroLine"));
    m_peeringDbLine->setWordWrap(true);
    m_peeringDbLine->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_peeringDbLine);
    addBoundRow(form, tr("Max prefi&xes from Microsoft:"), m_maxPrefixes,
                path("maxPrefixesFromMicrosoft"));
    why(tr("Your own limit for routes received from AS8075. Microsoft announces about 280 "
           "prefixes, growing 10-15%: 400 to 500 is safe."));

    auto *layout = new QVBoxLayout(content());
    layout->addWidget(new PeeringSelector(wizard, this));
    layout->addLayout(form);
    layout->addStretch();

    connect(m_fix, &QPushButton::clicked, this, [this] {
        onboardingWizard()->editPeering([](PeeringResource &p) {
            p.kind = QLatin1String(PeeringResource::DirectKind);
            p.microsoftNetwork = QLatin1String(PeeringResource::IxRsNetwork);
            p.sku = QLatin1String(PeeringResource::PremiumFreeSku);
        });
        refreshFromDraft();
    });
    connect(m_region, &QComboBox::currentTextChanged, this, [this](const QString &t) {
        if (!m_loading)
            onboardingWizard()->editPeering([&](PeeringResource &p) { p.azureRegion = t.trimmed(); });
    });
    connect(m_metro, &QComboBox::currentTextChanged, this, [this](const QString &t) {
        if (!m_loading)
            onboardingWizard()->editPeering([&](PeeringResource &p) { p.metro = t.trimmed(); });
    });
    connect(m_maxPrefixes, &QSpinBox::valueChanged, this, [this](int v) {
        if (!m_loading)
            onboardingWizard()->editPeering([&](PeeringResource &p) { p.maxPrefixesFromMicrosoft = v; });
    });
}

QString ConfigurationPage::countryHeading(const QString &code)
{
    if (code.isEmpty())
        return tr("(no country)");
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    if (territory == QLocale::AnyTerritory)
        return code;
    return QStringLiteral("%1 (%2)").arg(QLocale::territoryToString(territory), code);
}

void ConfigurationPage::refreshFromDraft()
{
    const PeeringResource &p = onboardingWizard()->peering();
    m_kind->setText(p.kind);
    m_network->setText(p.microsoftNetwork == QLatin1String(PeeringResource::IxRsNetwork)
                           ? tr("AS8075 (with exchange route server)")
                           : p.microsoftNetwork);
    m_sku->setText(p.sku == QLatin1String(PeeringResource::PremiumFreeSku) ? tr("Premium Free")
                                                                            : p.sku);
    m_fix->setVisible(p.kind != QLatin1String(PeeringResource::DirectKind)
                      || p.microsoftNetwork != QLatin1String(PeeringResource::IxRsNetwork)
                      || p.sku != QLatin1String(PeeringResource::PremiumFreeSku));
    m_region->setCurrentText(p.azureRegion);
    showPeeringDbMetros();
    m_metro->setCurrentText(p.metro);
    m_maxPrefixes->setValue(int(qBound(qint64(0), p.maxPrefixesFromMicrosoft, qint64(1000000))));
}

void ConfigurationPage::showPeeringDbMetros()
{
    const PeeringDbChoices &pdb = onboardingWizard()->peeringDbChoices();
    if (!pdb.available) {
        m_peeringDbLine->setText(tr("No PeeringDB cache in this store: type the metro, or run "
                                    "\"peering-wizard peeringdb sync\" to choose from the metros "
                                    "where Microsoft has facilities."));
        return;
    }
    m_peeringDbLine->setText(
        tr("Metros where Microsoft has PeeringDB facilities, from the cache synced %1. A metro "
           "where Microsoft has none is a warning.")
            .arg(pdb.lastSync.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
    if (m_metrosFromCache)
        return;
    m_metrosFromCache = true;
    m_metro->clear();
    auto *model = qobject_cast<QStandardItemModel *>(m_metro->model());
    for (const PeeringDbChoices::Country &country : pdb.metrosByCountry()) {
        // The country is a heading, not a choice: its name, with PeeringDB's code.
        m_metro->addItem(countryHeading(country.country));
        if (model) {
            QStandardItem *heading = model->item(m_metro->count() - 1);
            heading->setFlags(heading->flags() & ~(Qt::ItemIsSelectable | Qt::ItemIsEnabled));
            QFont bold = heading->font();
            bold.setBold(true);
            heading->setFont(bold);
        }
        for (const QString &metro : country.metros)
            m_metro->addItem(metro, country.country);
    }
}

} // namespace Peering
