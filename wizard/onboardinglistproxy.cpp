#include "onboardinglistproxy.h"

#include "onboardinglistmodel.h"

namespace Peering {

OnboardingListProxy::OnboardingListProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void OnboardingListProxy::setSourceModel(QAbstractItemModel *source)
{
    m_list = qobject_cast<const OnboardingListModel *>(source);
    QSortFilterProxyModel::setSourceModel(source);
}

void OnboardingListProxy::setFilterText(const QString &text)
{
    const QString folded = text.trimmed().toCaseFolded();
    m_filter = text;
    if (folded == m_foldedFilter)
        return;
    m_foldedFilter = folded;
    // One layout change, not a removal signal per run of rows that leave (thousands of them at
    // 50,000 rows, each costing the views a pass over every row).
    invalidate();
}

void OnboardingListProxy::sort(int column, Qt::SortOrder order)
{
    if (m_list)
        m_list->prepareSort(column);
    QSortFilterProxyModel::sort(column, order);
}

bool OnboardingListProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_list)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_list->lessThan(left.row(), right.row(), left.column());
}

bool OnboardingListProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_foldedFilter.isEmpty())
        return true;
    if (!m_list)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    return m_list->matches(sourceRow, m_foldedFilter);
}

} // namespace Peering
