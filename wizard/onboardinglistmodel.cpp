#include "onboardinglistmodel.h"

#include "tracking/onboardingprogress.h"
#include "tracking/onboardingtracker.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>
#include <limits>
#include <optional>

namespace Peering {

OnboardingListModel::OnboardingListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_currentDay(QDate::currentDate())
{
    // The days left change at midnight: the date is read once a minute, and the rows follow it.
    m_dayTimer.setInterval(60 * 1000);
    connect(&m_dayTimer, &QTimer::timeout, this, &OnboardingListModel::checkTheDate);
    m_dayTimer.start();
}

QString OnboardingListModel::daysText(const std::optional<qint64> &days) const
{
    if (!days)
        return QString();
    if (*days < 0)
        return tr("%n day(s) overdue", nullptr, int(-*days));
    return *days == 0 ? tr("due today") : tr("%n day(s) left", nullptr, int(*days));
}

OnboardingListModel::Keys OnboardingListModel::keysOf(const OnboardingSummary &s) const
{
    Keys k;
    k.name = s.name.toCaseFolded();
    k.peerAsn = s.peerAsn.toCaseFolded();
    const QString metros = s.metros.join(QStringLiteral(", "));
    k.metros = metros.toCaseFolded();
    k.stage = int(Milestone::stages().indexOf(s.stage));
    k.next = s.nextExpected.isValid() ? s.nextExpected.toJulianDay()
                                      : std::numeric_limits<qint64>::min();
    const std::optional<qint64> days = OnboardingProgress::daysLeft(s.nextExpected, today());
    k.days = days ? *days : std::numeric_limits<qint64>::max();
    k.updated = s.updatedAt.isValid() ? s.updatedAt.toMSecsSinceEpoch()
                                      : std::numeric_limits<qint64>::min();
    return k;
}

QString OnboardingListModel::filterTextOf(const OnboardingSummary &s) const
{
    // The few stage titles, made once per model.
    QHash<QString, QString> &inProgress = m_inProgressTitles;
    QHash<QString, QString> &titles = m_stageTitles;
    auto cached = [](QHash<QString, QString> &cache, const QString &id, auto make) {
        auto it = cache.constFind(id);
        if (it == cache.cend())
            it = cache.insert(id, make(id));
        return *it;
    };
    const QString metros = s.metros.join(QStringLiteral(", "));
    const std::optional<qint64> days = OnboardingProgress::daysLeft(s.nextExpected, today());
    QString filter;
    filter.reserve(s.name.size() + s.peerAsn.size() + metros.size() + 96);
    filter += s.name;
    filter += u'\n';
    filter += s.peerAsn;
    filter += u'\n';
    filter += metros;
    filter += u'\n';
    filter += cached(inProgress, s.stage, &OnboardingTracker::inProgressTitle);
    if (s.nextExpected.isValid()) {
        filter += u'\n';
        filter += cached(titles, s.nextStage, &OnboardingListModel::stageTitle);
        filter += u' ';
        filter += s.nextExpected.toString(Qt::ISODate);
        filter += u'\n';
        filter += daysText(days);
    }
    filter += u'\n';
    filter += s.updatedBy;
    return filter.toCaseFolded();
}

void OnboardingListModel::setSummaries(const QList<OnboardingSummary> &summaries)
{
    beginResetModel();
    m_summaries = summaries;
    m_keys.clear();
    m_keys.reserve(m_summaries.size());
    forgetRanks();
    m_filters.clear();
    m_filterReady = false;
    m_rowOfName.clear();
    m_rowOfName.reserve(m_summaries.size());
    for (qsizetype i = 0; i < m_summaries.size(); ++i) {
        m_keys.append(keysOf(m_summaries.at(i)));
        m_rowOfName.insert(m_summaries.at(i).name, int(i));
    }
    endResetModel();
}

void OnboardingListModel::updateSummary(const OnboardingSummary &summary)
{
    const auto it = m_rowOfName.constFind(summary.name);
    if (it == m_rowOfName.cend()) {
        const int row = int(m_summaries.size());
        forgetRanks();
        beginInsertRows({}, row, row);
        m_summaries.append(summary);
        m_keys.append(keysOf(summary));
        if (m_filterReady)
            m_filters.append(filterTextOf(summary));
        m_rowOfName.insert(summary.name, row);
        endInsertRows();
        return;
    }
    const int row = *it;
    forgetRanks();
    m_summaries[row] = summary;
    m_keys[row] = keysOf(summary);
    if (m_filterReady)
        m_filters[row] = filterTextOf(summary);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

bool OnboardingListModel::removeSummary(const QString &name)
{
    const auto it = m_rowOfName.constFind(name);
    if (it == m_rowOfName.cend())
        return false;
    const int row = *it;
    forgetRanks();
    beginRemoveRows({}, row, row);
    m_summaries.removeAt(row);
    m_keys.removeAt(row);
    if (m_filterReady)
        m_filters.removeAt(row);
    m_rowOfName.erase(it);
    for (auto r = m_rowOfName.begin(); r != m_rowOfName.end(); ++r)
        if (*r > row)
            --*r;
    endRemoveRows();
    return true;
}

void OnboardingListModel::setToday(QDate today)
{
    beginResetModel();
    m_today = today;
    rekey();
    endResetModel();
}

void OnboardingListModel::forgetRanks() const
{
    for (std::vector<int> &r : m_rank)
        r.clear();
}

void OnboardingListModel::rekey()
{
    // Every row's days left (and its filter text) depend on the date.
    for (qsizetype i = 0; i < m_summaries.size(); ++i)
        m_keys[i] = keysOf(m_summaries.at(i));
    m_filterReady = false;
}

void OnboardingListModel::checkTheDate()
{
    const QDate now = QDate::currentDate();
    if (now == m_currentDay)
        return;
    m_currentDay = now;
    if (m_today.isValid() || m_summaries.isEmpty())
        return;
    rekey();
    Q_EMIT dataChanged(index(0, 0), index(int(m_summaries.size()) - 1, ColumnCount - 1));
}

namespace {

const QString &textKey(const auto &keys, int column)
{
    return column == OnboardingListModel::NameColumn      ? keys.name
         : column == OnboardingListModel::PeerAsnColumn ? keys.peerAsn
                                                         : keys.metros;
}

} // namespace

void OnboardingListModel::prepareSort(int column) const
{
    if (column < NameColumn || column > MetrosColumn)
        return;
    std::vector<int> &rank = m_rank[size_t(column)];
    if (!rank.empty() || m_keys.isEmpty())
        return;
    std::vector<int> order(size_t(m_keys.size()));
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return textKey(m_keys.at(a), column) < textKey(m_keys.at(b), column);
    });
    rank.assign(order.size(), 0);
    int r = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && textKey(m_keys.at(order[i - 1]), column) != textKey(m_keys.at(order[i]), column))
            ++r;
        rank[size_t(order[i])] = r; // equal keys share a rank: the sort keeps their order
    }
}

bool OnboardingListModel::lessThan(int left, int right, int column) const
{
    if (column >= NameColumn && column <= MetrosColumn) {
        const std::vector<int> &rank = m_rank[size_t(column)];
        if (!rank.empty())
            return rank[size_t(left)] < rank[size_t(right)];
    }
    const Keys &a = m_keys.at(left);
    const Keys &b = m_keys.at(right);
    switch (column) {
    case NameColumn:
    case PeerAsnColumn:
    case MetrosColumn:
        return textKey(a, column) < textKey(b, column);
    case StageColumn:
        return a.stage < b.stage;
    case NextColumn:
        return a.next < b.next;
    case DaysColumn:
        return a.days < b.days;
    case UpdatedColumn:
        return a.updated < b.updated;
    }
    return false;
}

bool OnboardingListModel::matches(int row, const QString &foldedNeedle) const
{
    // The texts are made when a filter first needs them, so that showing the list does not wait
    // for them; after that each changed row makes its own again.
    if (!m_filterReady) {
        m_filters.clear();
        m_filters.reserve(m_summaries.size());
        for (const OnboardingSummary &s : m_summaries)
            m_filters.append(filterTextOf(s));
        m_filterReady = true;
    }
    return m_filters.at(row).contains(foldedNeedle);
}

QString OnboardingListModel::stageTitle(const QString &stage)
{
    // One set of stage names for the list, the tracker and the exports.
    return OnboardingTracker::title(stage);
}

int OnboardingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_summaries.size());
}

int OnboardingListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OnboardingListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_summaries.size())
        return {};
    const OnboardingSummary &s = m_summaries.at(index.row());
    const std::optional<qint64> days = OnboardingProgress::daysLeft(s.nextExpected, today());
    const bool overdue = days && *days < 0;
    switch (role) {
    case NameRole:
        return s.name;
    case OverdueRole:
        return overdue;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case PeerAsnColumn:
            return s.peerAsn;
        case MetrosColumn:
            return s.metros.join(QStringLiteral(", "));
        case StageColumn:
            // The stage being waited for, worded as work in progress ("Creating the peering"),
            // so that it does not read as done; the next-milestone column names the milestone.
            return OnboardingTracker::inProgressTitle(s.stage);
        case NextColumn:
            return s.nextExpected.isValid()
                       ? tr("%1, %2").arg(stageTitle(s.nextStage), s.nextExpected.toString(Qt::ISODate))
                       : QString();
        case DaysColumn:
            return daysText(days);
        case UpdatedColumn:
            return s.updatedAt.isValid()
                       ? tr("%1 by %2").arg(QLocale().toString(s.updatedAt.toLocalTime(), QLocale::ShortFormat),
                                            s.updatedBy)
                       : QString();
        }
        break;
    case Qt::ForegroundRole:
        if (overdue && (index.column() == DaysColumn || index.column() == NextColumn))
            return QBrush(QColor(0xb0, 0x00, 0x20));
        break;
    case Qt::FontRole:
        if (overdue && index.column() == DaysColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ToolTipRole:
        if (overdue)
            return tr("The %1 milestone was expected on %2").arg(stageTitle(s.nextStage),
                                                                s.nextExpected.toString(Qt::ISODate));
        break;
    }
    return {};
}

QVariant OnboardingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Onboarding");
    case PeerAsnColumn:
        return tr("Peer ASN");
    case MetrosColumn:
        return tr("Metros");
    case StageColumn:
        return tr("Stage");
    case NextColumn:
        return tr("Next milestone");
    case DaysColumn:
        return tr("Days left");
    case UpdatedColumn:
        return tr("Last change");
    }
    return {};
}

} // namespace Peering
