// The store's onboardings as a table for the main window: name, peer ASN, metros, stage in
// progress, next milestone and days left (overdue ones stand out). Sorting and filtering happen
// in a QSortFilterProxyModel on top; the sort role gives numbers and dates, not text.
#pragma once

#include "store/onboardingsummary.h"

#include <QAbstractTableModel>
#include <QDate>

namespace Peering {

class OnboardingListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, PeerAsnColumn, MetrosColumn, StageColumn, NextColumn, DaysColumn,
                  UpdatedColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, NameRole, OverdueRole };

    explicit OnboardingListModel(QObject *parent = nullptr);

    void setSummaries(const QList<OnboardingSummary> &summaries);
    const QList<OnboardingSummary> &summaries() const { return m_summaries; }
    // Pinned in tests; the current date otherwise.
    void setToday(QDate today);
    QDate today() const { return m_today.isValid() ? m_today : QDate::currentDate(); }

    // A stage id as people read it ("asn-association" -> "ASN association").
    static QString stageTitle(const QString &stage);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<OnboardingSummary> m_summaries;
    QDate m_today;
};

} // namespace Peering
