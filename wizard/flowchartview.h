// The onboarding stages of domain.md section 2 drawn as a flowchart: done, implied, current,
// regressed and waiting stages differ in fill, border style and glyph (so they also read in a
// black-and-white screenshot), overdue stages say so in words, and a click on a node reports the
// stage so the tracker can show its evidence. Items carry the stage id as data, for tests.
#pragma once

#include "domain/onboarding.h"

#include <QDate>
#include <QGraphicsView>
#include <QHash>

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
    void selectStage(const QString &stageId);

Q_SIGNALS:
    void stageClicked(const QString &stageId);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateSelection();

    QHash<QString, QGraphicsItem *> m_nodes;
    QString m_selected;
};

} // namespace Peering
