// The onboarding stages of domain.md section 2 drawn as a flowchart: done, implied, current,
// regressed and waiting stages differ in fill, border style and glyph (so they also read in a
// black-and-white screenshot), overdue stages say so in words, and a click on a node reports the
// stage so the tracker can show its evidence. Items carry the stage id as data, for tests.
//
// The chart fills its area without shrinking its text: nodes are sized from the font, the
// stages are laid out in as many columns as fit (five in a row down to one stacked column when
// narrow), and the whole is scaled up to fill the view, never below the window font's size; what
// does not fit then scrolls.
#pragma once

#include "domain/onboarding.h"

#include <QDate>
#include <QGraphicsView>
#include <QHash>
#include <QList>

namespace Peering {

class FlowchartView : public QGraphicsView
{
    Q_OBJECT
public:
    // Item data keys of a node.
    enum DataKey { StageIdKey = 0, StateKey = 1, OverdueKey = 2 };

    explicit FlowchartView(QWidget *parent = nullptr);

    void setOnboarding(const Onboarding &onboarding, QDate today);

    QGraphicsItem *node(const QString &stageId) const { return m_nodes.value(stageId); }
    // "done", "implied", "current", "regressed" or "waiting".
    QString nodeState(const QString &stageId) const;
    bool isNodeOverdue(const QString &stageId) const;
    // The node's centre in viewport coordinates (tests click there).
    QPoint nodeViewportPos(const QString &stageId) const;
    QString selectedStage() const { return m_selected; }
    // The layout in use: stages per row (1 = stacked vertically) and the scale (at least 1).
    int columns() const { return m_columns; }
    qreal scale() const { return transform().m11(); }
    void selectStage(const QString &stageId);

Q_SIGNALS:
    void stageClicked(const QString &stageId);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Node
    {
        QString id;
        int status = 0; // OnboardingTracker::Status
        bool overdue = false;
        QStringList lines; // title, detail, and the count or the days left / overdue
    };
    // The chart for a number of columns, at scale 1.
    QSizeF build(int columns);
    QList<QStringList> nodeLines() const;
    // Picks the columns that show the chart largest without shrinking it, builds and scales it.
    void relayout();
    void updateSelection();

    QHash<QString, QGraphicsItem *> m_nodes;
    QString m_selected;
    QString m_heading;
    QString m_current;
    QList<Node> m_chart;
    bool m_regressed = false;
    int m_columns = 0;
    QList<QSizeF> m_sizes; // the chart's size at scale 1 in 1 to 5 columns
};

} // namespace Peering
