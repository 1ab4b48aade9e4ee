// The validator's findings as a table (severity, rule, field, message) for any view.
#pragma once

#include "validation/finding.h"

#include <QAbstractTableModel>

namespace Peering {

class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, RuleColumn, PathColumn, MessageColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1 };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const Findings &findings);
    const Findings &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Findings m_findings;
};

} // namespace Peering
