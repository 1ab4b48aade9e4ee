// A Gantt-like chart of the onboarding: one row per stage with the planned span (from the
// previous stage's expected date to its own) and a diamond where it was actually reached, a line
// for today, the three-week target (day 21, "plan for three weeks or more"), overdue stages in a
// warning colour with a hatch (so a grey screenshot still shows them), and the 45-60 day LAG
// augmentation once a link reaches 40% utilization.
#pragma once

#include "domain/onboarding.h"

#include <QDate>
#include <QWidget>

namespace Peering {

class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setOnboarding(const Onboarding &onboarding, QDate today);

    // "done", "implied", "current", "regressed", "waiting" or "overdue" (tests and accessibility).
    QString rowState(const QString &stageId) const;
    bool hasLagAugmentation() const { return m_lagStart.isValid(); }
    QDate targetDate() const { return m_target; }
    QDate today() const { return m_today; }
    QDate firstDate() const { return m_first; }
    QDate lastDate() const { return m_last; }
    int xForDate(QDate date) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Row
    {
        QString id;
        QString title;
        QString state;
        QDate planStart, planEnd, reached;
        qint64 daysLate = 0;
        bool hasLate = false;
    };
    QList<Row> m_rows;
    QString m_title;
    QDate m_today, m_target, m_first, m_last;
    QDate m_lagStart, m_lagEarliest, m_lagLatest;
    QString m_lagText;
};

} // namespace Peering
