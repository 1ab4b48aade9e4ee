#include "findingsmodel.h"

#include <QApplication>
#include <QBrush>
#include <QIcon>
#include <QPalette>
#include <QStyle>

namespace Peering {

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void FindingsModel::setFindings(const Findings &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_findings.size())
        return {};
    const Finding &f = m_findings.at(index.row());
    if (role == SeverityRole)
        return int(f.severity);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case SeverityColumn:
            return f.severity == Severity::Error     ? tr("Error")
                   : f.severity == Severity::Warning ? tr("Warning")
                                                     : tr("Note");
        case RuleColumn:
            return f.rule;
        case PathColumn:
            return f.path;
        case MessageColumn:
            return f.message;
        }
    }
    if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
        const QStyle::StandardPixmap icon = f.severity == Severity::Error ? QStyle::SP_MessageBoxCritical
                                            : f.severity == Severity::Warning
                                                ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_MessageBoxInformation;
        return QApplication::style()->standardIcon(icon);
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case PathColumn:
        return tr("Field");
    case MessageColumn:
        return tr("What to do");
    }
    return {};
}

} // namespace Peering
