#include "onboardinglistmodel.h"

#include "tracking/onboardingprogress.h"
#include "tracking/onboardingtracker.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <limits>

namespace Peering {

OnboardingListModel::OnboardingListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void OnboardingListModel::setSummaries(const QList<OnboardingSummary> &summaries)
{
    beginResetModel();
    m_summaries = summaries;
    endResetModel();
}

void OnboardingListModel::setToday(QDate today)
{
    beginResetModel();
    m_today = today;
    endResetModel();
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
    case SortRole:
        switch (index.column()) {
        case NextColumn:
            return s.nextExpected;
        case DaysColumn:
            return days ? QVariant(*days) : QVariant(std::numeric_limits<qint64>::max());
        case StageColumn:
            return Milestone::stages().indexOf(s.stage);
        case UpdatedColumn:
            return s.updatedAt;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
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
            if (!days)
                return QString();
            if (*days < 0)
                return tr("%n day(s) overdue", nullptr, int(-*days));
            return *days == 0 ? tr("due today") : tr("%n day(s) left", nullptr, int(*days));
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
