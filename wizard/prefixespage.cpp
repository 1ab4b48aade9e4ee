#include "prefixespage.h"

#include "domain/asn.h"
#include "domain/ipv4.h"
#include "onboardingwizard.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Peering {

namespace {

enum Column { PrefixCol, OriginCol, PathCol, CommunitiesCol, ClassCol, RegisteredCol, ColCount };

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

PrefixesPage::PrefixesPage(OnboardingWizard *wizard)
    : OnboardingPage(wizard, OnboardingWizard::PrefixesPageId)
    , m_table(new QTableWidget(0, ColCount, this))
{
    setObjectName(QStringLiteral("prefixesPage"));
    setTitle(tr("Advertised Prefixes"));
    setSubTitle(tr("Your publicly routable IPv4 space, registered in the portal and advertised with "
                   "community 8075:8007. Prefixes longer than /24 are routed too, with an AS path "
                   "of fewer than 4 ASNs."));

    m_table->setObjectName(QStringLiteral("prefixesTable"));
    m_table->setAccessibleName(tr("Advertised prefixes"));
    m_table->setHorizontalHeaderLabels({tr("Prefix"), tr("Origin ASN"), tr("AS path"),
                                        tr("Communities"), tr("Traffic class"), tr("Registered")});
    m_table->verticalHeader()->hide();
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ClassCol, QHeaderView::Stretch);
    QLabel *message = bindField(
        m_table, [] { return QStringLiteral("prefixes"); }, true);

    auto *add = new QPushButton(tr("&Add Prefix"), this);
    add->setObjectName(QStringLiteral("addPrefixButton"));
    auto *paste = new QPushButton(tr("&Paste List..."), this);
    paste->setObjectName(QStringLiteral("pastePrefixesButton"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removePrefixButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(paste);
    buttons->addWidget(remove);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(content());
    layout->addWidget(m_table, 1);
    layout->addWidget(message);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            storeTable();
    });
    connect(add, &QPushButton::clicked, this, [this] {
        const QString asn = onboardingWizard()->draft().peerAsn.asn;
        onboardingWizard()->edit([&](Onboarding &o) {
            AdvertisedPrefix p;
            p.originAsn = asn;
            p.asPath = asn.isEmpty() ? QStringList() : QStringList{asn};
            p.communities = {QLatin1String(AdvertisedPrefix::RequiredCommunity)};
            o.prefixes.append(p);
        });
        fillTable();
        m_table->setCurrentCell(m_table->rowCount() - 1, PrefixCol);
        m_table->setFocus();
        m_table->editItem(m_table->item(m_table->rowCount() - 1, PrefixCol));
    });
    connect(paste, &QPushButton::clicked, this, &PrefixesPage::pasteList);
    connect(remove, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            rows.append(i.row());
        if (rows.isEmpty() && m_table->currentRow() >= 0)
            rows.append(m_table->currentRow());
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        onboardingWizard()->edit([&](Onboarding &o) {
            for (int r : rows)
                o.prefixes.removeAt(r);
        });
        fillTable();
    });
}

void PrefixesPage::refreshFromDraft()
{
    fillTable();
}

void PrefixesPage::fillTable()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const QList<AdvertisedPrefix> &prefixes = onboardingWizard()->draft().prefixes;
    // Filled with the columns fixed, then fitted once (not after each of thousands of cells).
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Fixed);
    m_table->setUpdatesEnabled(false);
    m_table->setRowCount(int(prefixes.size()));
    for (int i = 0; i < prefixes.size(); ++i) {
        const AdvertisedPrefix &p = prefixes.at(i);
        const QStringList cells{p.prefix, p.originAsn, p.asPath.join(u' '),
                                p.communities.join(u' '), p.trafficClass};
        for (int col = 0; col < cells.size(); ++col)
            m_table->setItem(i, col, new QTableWidgetItem(cells.at(col)));
        auto *registered = new QTableWidgetItem;
        registered->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        registered->setCheckState(p.registered ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(i, RegisteredCol, registered);
    }
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ClassCol, QHeaderView::Stretch);
    m_table->setUpdatesEnabled(true);
    m_loading = wasLoading;
}

void PrefixesPage::storeTable()
{
    QList<AdvertisedPrefix> prefixes = onboardingWizard()->draft().prefixes;
    prefixes.resize(m_table->rowCount());
    const auto text = [this](int row, int col) {
        const QTableWidgetItem *item = m_table->item(row, col);
        return item ? item->text().trimmed() : QString();
    };
    for (int i = 0; i < m_table->rowCount(); ++i) {
        AdvertisedPrefix &p = prefixes[i];
        p.prefix = text(i, PrefixCol);
        p.originAsn = text(i, OriginCol);
        p.asPath = splitList(text(i, PathCol));
        p.communities = splitList(text(i, CommunitiesCol));
        p.trafficClass = text(i, ClassCol);
        const QTableWidgetItem *registered = m_table->item(i, RegisteredCol);
        p.registered = registered && registered->checkState() == Qt::Checked;
    }
    onboardingWizard()->edit([&](Onboarding &o) { o.prefixes = prefixes; });
    touch(m_table);
}

int PrefixesPage::addFromText(const QString &text, QStringList *rejected)
{
    const QString peerAsn = onboardingWizard()->draft().peerAsn.asn;
    QList<AdvertisedPrefix> added;
    for (const QString &rawLine : text.split(u'\n')) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList words = line.split(QRegularExpression(QStringLiteral("[\\s,;]+")),
                                             Qt::SkipEmptyParts);
        if (!Ipv4Prefix::parse(words.front())) {
            if (rejected)
                rejected->append(line);
            continue;
        }
        AdvertisedPrefix p;
        p.prefix = words.front();
        int next = 1;
        if (words.size() > 1 && Asn::parse(words.at(1))) {
            p.originAsn = words.at(1);
            next = 2;
        } else {
            p.originAsn = peerAsn;
        }
        p.asPath = p.originAsn.isEmpty() ? QStringList() : QStringList{p.originAsn};
        p.communities = {QLatin1String(AdvertisedPrefix::RequiredCommunity)};
        p.trafficClass = words.mid(next).join(u' ');
        added.append(p);
    }
    if (!added.isEmpty()) {
        onboardingWizard()->edit([&](Onboarding &o) { o.prefixes.append(added); });
        fillTable();
    }
    return int(added.size());
}

void PrefixesPage::pasteList()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Paste Prefixes"),
        tr("One prefix per line, optionally followed by the origin ASN and the traffic class:\n"
           "185.1.201.0/24 AS64500 SBC voice"),
        QString(), &ok);
    if (!ok)
        return;
    QStringList rejected;
    const int added = addFromText(text, &rejected);
    if (!rejected.isEmpty())
        QMessageBox::warning(this, tr("Paste Prefixes"),
                             tr("Added %1. These lines are not IPv4 prefixes and were left out:\n%2")
                                 .arg(added)
                                 .arg(rejected.mid(0, 20).join(u'\n')));
}

} // namespace Peering
