// The main window's list order and filter over an OnboardingListModel: a header click sorts by
// the model's precomputed keys for that column (stable: ties keep the store's order), and the
// filter text keeps the rows whose shown texts contain it (any column, case-insensitive).
#pragma once

#include <QSortFilterProxyModel>

namespace Peering {

class OnboardingListModel;

class OnboardingListProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OnboardingListProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    void setFilterText(const QString &text);
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    const QString &filterText() const { return m_filter; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const OnboardingListModel *m_list = nullptr;
    QString m_filter;
    QString m_foldedFilter;
};

} // namespace Peering
