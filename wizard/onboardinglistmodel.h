// The store's onboardings as a table for the main window: name, peer ASN, metros, stage in
// progress, next milestone and days left (overdue ones stand out). What sorting and filtering
// need is computed once per row when the rows arrive (and again only for a row that changes, or
// for every row when the date changes), never per comparison or per paint; OnboardingListProxy
// sorts and filters with it.
#pragma once

#include "store/onboardingsummary.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QTimer>

#include <array>
#include <vector>

namespace Peering {

class OnboardingListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, PeerAsnColumn, MetrosColumn, StageColumn, NextColumn, DaysColumn,
                  UpdatedColumn, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1, OverdueRole };

    explicit OnboardingListModel(QObject *parent = nullptr);

    void setSummaries(const QList<OnboardingSummary> &summaries);
    // One onboarding saved (or new): its row changes (or is added), nothing else.
    void updateSummary(const OnboardingSummary &summary);
    // One onboarding removed, by name; false when the list does not have it.
    bool removeSummary(const QString &name);
    const QList<OnboardingSummary> &summaries() const { return m_summaries; }
    // Pinned in tests; else the current date, read once a minute (not per call).
    void setToday(QDate today);
    QDate today() const { return m_today.isValid() ? m_today : m_currentDay; }

    // A stage id as people read it ("asn-association" -> "ASN association").
    static QString stageTitle(const QString &stage);

    // For OnboardingListProxy: the order of two rows by a column, and whether a row's shown
    // texts contain a case-folded needle.
    bool lessThan(int leftRow, int rightRow, int column) const;
    // Before a sort by a text column: ranks its keys once, so that the sort compares numbers.
    void prepareSort(int column) const;
    bool matches(int row, const QString &foldedNeedle) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Keys
    {
        QString name, peerAsn, metros; // case-folded
        int stage = -1;
        qint64 next = 0; // Julian day, min when none
        qint64 days = 0; // max when none
        qint64 updated = 0; // ms since the epoch, min when none
    };
    Keys keysOf(const OnboardingSummary &s) const;
    // The shown texts of a row, case-folded, one per line (what the filter looks in).
    QString filterTextOf(const OnboardingSummary &s) const;
    QString daysText(const std::optional<qint64> &days) const;
    void checkTheDate();
    void rekey();
    // Any change to the rows makes the text columns' ranks stale.
    void forgetRanks() const;

    QList<OnboardingSummary> m_summaries;
    QList<Keys> m_keys;
    mutable QStringList m_filters; // made when a filter first needs them
    mutable bool m_filterReady = false;
    // The rank of each row's key in the name, peer ASN and metros columns; empty until a sort
    // by that column needs it, and emptied by any change to the rows.
    mutable std::array<std::vector<int>, 3> m_rank;
    mutable QHash<QString, QString> m_inProgressTitles, m_stageTitles;
    QHash<QString, int> m_rowOfName;
    QDate m_today;
    QDate m_currentDay;
    QTimer m_dayTimer;
};

} // namespace Peering
