#include "flowchartview.h"

#include "tracking/onboardingtracker.h"

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainterPath>
#include <QPen>
#include <QTimeZone>

namespace Peering {

namespace {

constexpr qreal NodeWidth = 215;
constexpr qreal NodeHeight = 74;
constexpr qreal ColumnGap = 56;
constexpr qreal RowGap = 90;
constexpr int Columns = 5;

struct Style
{
    QColor fill, border, text;
    Qt::PenStyle line;
    qreal width;
    QString glyph;
};

Style styleFor(OnboardingTracker::Status status)
{
    using S = OnboardingTracker::Status;
    switch (status) {
    case S::Done:
        return {QColor(0xc8, 0xe6, 0xc9), QColor(0x2e, 0x7d, 0x32), Qt::black, Qt::SolidLine, 2,
                QStringLiteral("\u2713 ")};
    case S::Implied:
        return {QColor(0xec, 0xf6, 0xec), QColor(0x2e, 0x7d, 0x32), Qt::black, Qt::DashLine, 2,
                QStringLiteral("\u2713 ")};
    case S::Current:
        return {QColor(0xff, 0xf1, 0xb8), QColor(0x0d, 0x47, 0xa1), Qt::black, Qt::SolidLine, 5,
                QStringLiteral("\u25b6 ")};
    case S::Regressed:
        return {QColor(0xff, 0xcd, 0xd2), QColor(0xb7, 0x1c, 0x1c), Qt::black, Qt::SolidLine, 5,
                QStringLiteral("\u21ba ")};
    case S::Waiting:
        break;
    }
    return {Qt::white, QColor(0x9e, 0x9e, 0x9e), QColor(0x61, 0x61, 0x61), Qt::DotLine, 1.5,
            QString()};
}

QString stateId(OnboardingTracker::Status status)
{
    using S = OnboardingTracker::Status;
    switch (status) {
    case S::Done:
        return QStringLiteral("done");
    case S::Implied:
        return QStringLiteral("implied");
    case S::Current:
        return QStringLiteral("current");
    case S::Regressed:
        return QStringLiteral("regressed");
    case S::Waiting:
        break;
    }
    return QStringLiteral("waiting");
}

QPointF nodePos(int index)
{
    // A snake: the first row left to right, the second right to left, so every arrow is short
    // and the way back from active to port-configured is a straight line up.
    const int row = index / Columns;
    int column = index % Columns;
    if (row % 2 == 1)
        column = Columns - 1 - column;
    return {column * (NodeWidth + ColumnGap), 60 + row * (NodeHeight + RowGap)};
}

void arrow(QGraphicsScene *scene, QPointF from, QPointF to, const QPen &pen)
{
    QPainterPath path(from);
    path.lineTo(to);
    const QLineF line(to, from);
    const qreal angle = std::atan2(-line.dy(), line.dx());
    const qreal head = 11;
    const QPointF p1
        = to + QPointF(std::cos(angle + M_PI / 7) * head, -std::sin(angle + M_PI / 7) * head);
    const QPointF p2
        = to + QPointF(std::cos(angle - M_PI / 7) * head, -std::sin(angle - M_PI / 7) * head);
    scene->addPath(path, pen);
    QPainterPath tip(to);
    tip.lineTo(p1);
    tip.lineTo(p2);
    tip.closeSubpath();
    QPen solid = pen;
    solid.setStyle(Qt::SolidLine);
    scene->addPath(tip, solid, QBrush(pen.color()));
}

} // namespace

FlowchartView::FlowchartView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("flowchartView"));
    setAccessibleName(tr("Onboarding flowchart"));
    setRenderHint(QPainter::Antialiasing);
    setScene(new QGraphicsScene(this));
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(Qt::white);
    setMinimumSize(480, 260);
}

void FlowchartView::setOnboarding(const Onboarding &onboarding, QDate today)
{
    QGraphicsScene *s = scene();
    s->clear();
    m_nodes.clear();
    const OnboardingTracker tracker(onboarding);

    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    auto *heading = s->addSimpleText(
        tr("%1: %2").arg(
            onboarding.name.isEmpty() ? tr("Onboarding") : onboarding.name,
            tracker.stage(tracker.currentStage())
                ? tr("current stage %1").arg(OnboardingTracker::title(tracker.currentStage()))
                : tr("complete")),
        titleFont);
    heading->setPos(0, 0);

    const QList<OnboardingTracker::Stage> &stages = tracker.stages();
    QFont bold = font();
    bold.setBold(true);
    for (int i = 0; i < stages.size(); ++i) {
        const OnboardingTracker::Stage &st = stages.at(i);
        const Style style = styleFor(st.status);
        const bool overdue = tracker.isOverdue(st.id, today);
        QPainterPath shape;
        shape.addRoundedRect(QRectF(0, 0, NodeWidth, NodeHeight), 10, 10);
        auto *item = new QGraphicsPathItem(shape);
        QPen pen(overdue && st.status == OnboardingTracker::Status::Waiting
                     ? QColor(0xb7, 0x1c, 0x1c)
                     : style.border,
                 style.width, style.line);
        item->setPen(pen);
        item->setBrush(style.fill);
        item->setPos(nodePos(i));
        item->setData(StageIdKey, st.id);
        item->setData(StateKey, stateId(st.status));
        item->setData(OverdueKey, overdue);
        item->setCursor(Qt::PointingHandCursor);
        item->setToolTip(OnboardingTracker::statusName(st.status));
        s->addItem(item);
        m_nodes.insert(st.id, item);

        auto *title = new QGraphicsSimpleTextItem(QStringLiteral("%1%2. %3")
                                                      .arg(style.glyph)
                                                      .arg(i + 1)
                                                      .arg(OnboardingTracker::title(st.id)),
                                                  item);
        title->setFont(st.status == OnboardingTracker::Status::Waiting ? font() : bold);
        title->setBrush(style.text);
        title->setPos(10, 8);

        QString detail;
        using S = OnboardingTracker::Status;
        if (st.status == S::Done)
            detail = st.reached.isValid()
                ? tr("reached %1")
                      .arg(OnboardingTracker::dateIn(st.reached, QTimeZone::systemTimeZone())
                               .toString(Qt::ISODate))
                : tr("done");
        else if (st.status == S::Implied)
            detail = tr("implied by later evidence");
        else if (st.status == S::Regressed)
            detail = tr("went back: provisioning failed");
        else if (st.expected.isValid())
            detail = tr("expected %1").arg(st.expected.toString(Qt::ISODate));
        else
            detail = tr("not planned");
        auto *sub = new QGraphicsSimpleTextItem(detail, item);
        sub->setBrush(style.text);
        sub->setPos(10, 30);
        if (overdue) {
            auto *late = new QGraphicsSimpleTextItem(
                tr("\u26a0 OVERDUE by %n day(s)", nullptr, int(st.expected.daysTo(today))), item);
            late->setFont(bold);
            late->setBrush(QColor(0xb7, 0x1c, 0x1c));
            late->setPos(10, 50);
        } else if (st.status == S::Current && st.expected.isValid()) {
            auto *left = new QGraphicsSimpleTextItem(
                tr("%n day(s) left", nullptr, int(today.daysTo(st.expected))), item);
            left->setPos(10, 50);
        }
    }

    // Arrows: the flow forward, and the way back (dashed) that provisioning can take.
    const QPen forward(QColor(0x42, 0x42, 0x42), 2);
    for (int i = 0; i + 1 < stages.size(); ++i) {
        const QPointF a = nodePos(i), b = nodePos(i + 1);
        if (a.y() == b.y()) {
            const bool right = b.x() > a.x();
            const QPointF from = a + QPointF(right ? NodeWidth : 0, NodeHeight / 2);
            const QPointF to = b + QPointF(right ? 0 : NodeWidth, NodeHeight / 2);
            arrow(s, from, to, forward);
        } else {
            arrow(s, a + QPointF(NodeWidth / 2, NodeHeight), b + QPointF(NodeWidth / 2, 0),
                  forward);
        }
    }
    const int portIndex = int(Milestone::stages().indexOf(QLatin1String("port-configured")));
    const int activeIndex = int(Milestone::stages().indexOf(QLatin1String("active")));
    QPen back(tracker.isRegressed() ? QColor(0xb7, 0x1c, 0x1c) : QColor(0x75, 0x75, 0x75),
              tracker.isRegressed() ? 3 : 1.5, Qt::DashLine);
    const QPointF from = nodePos(activeIndex) + QPointF(NodeWidth / 2, 0);
    const QPointF to = nodePos(portIndex) + QPointF(NodeWidth / 2, NodeHeight);
    arrow(s, from, to, back);
    auto *backLabel = s->addSimpleText(tr("ProvisioningFailed: back"));
    backLabel->setBrush(back.color());
    backLabel->setPos(to + QPointF(8, (from.y() - to.y()) / 2 - 8));

    // Legend: words, not only colours.
    const qreal legendY = nodePos(stages.size() - 1).y() + NodeHeight + 24;
    qreal x = 0;
    const QList<std::pair<OnboardingTracker::Status, QString>> legend {
        {OnboardingTracker::Status::Done, tr("done")},
        {OnboardingTracker::Status::Implied, tr("implied")},
        {OnboardingTracker::Status::Current, tr("current")},
        {OnboardingTracker::Status::Regressed, tr("went back")},
        {OnboardingTracker::Status::Waiting, tr("waiting")},
    };
    for (const auto &[status, text] : legend) {
        const Style style = styleFor(status);
        s->addRect(x, legendY, 26, 16,
                   QPen(style.border, std::min<qreal>(style.width, 3), style.line), style.fill);
        auto *t = s->addSimpleText(style.glyph + text);
        t->setPos(x + 32, legendY);
        x += 40 + t->boundingRect().width() + 18;
    }
    auto *warn = s->addSimpleText(tr("\u26a0 overdue: red text and border"));
    warn->setBrush(QColor(0xb7, 0x1c, 0x1c));
    warn->setPos(x, legendY);

    s->setSceneRect(s->itemsBoundingRect().adjusted(-12, -12, 12, 12));
    updateSelection();
    fitInView(s->sceneRect(), Qt::KeepAspectRatio);
}

QString FlowchartView::nodeState(const QString &stageId) const
{
    const QGraphicsItem *n = node(stageId);
    return n ? n->data(StateKey).toString() : QString();
}

bool FlowchartView::isNodeOverdue(const QString &stageId) const
{
    const QGraphicsItem *n = node(stageId);
    return n && n->data(OverdueKey).toBool();
}

QPoint FlowchartView::nodeViewportPos(const QString &stageId) const
{
    const QGraphicsItem *n = node(stageId);
    return n ? mapFromScene(n->sceneBoundingRect().center()) : QPoint();
}

void FlowchartView::selectStage(const QString &stageId)
{
    if (!m_nodes.contains(stageId))
        return;
    m_selected = stageId;
    updateSelection();
    Q_EMIT stageClicked(stageId);
}

void FlowchartView::updateSelection()
{
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        it.value()->setZValue(it.key() == m_selected ? 1 : 0);
    }
    // A selection frame that is not the status border: a second outline around the node.
    static const char *frameKey = "selectionFrame";
    for (QGraphicsItem *item : scene()->items())
        if (item->data(StageIdKey).toString() == QLatin1String(frameKey))
            delete item;
    if (QGraphicsItem *n = node(m_selected)) {
        auto *frame = scene()->addRect(n->sceneBoundingRect().adjusted(-6, -6, 6, 6),
                                       QPen(QColor(0x0d, 0x47, 0xa1), 1.5, Qt::DashDotLine));
        frame->setData(StageIdKey, QLatin1String(frameKey));
        frame->setZValue(-1);
    }
}

void FlowchartView::mousePressEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->position().toPoint())) {
        while (item->parentItem())
            item = item->parentItem();
        const QString id = item->data(StageIdKey).toString();
        if (m_nodes.contains(id)) {
            selectStage(id);
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void FlowchartView::keyPressEvent(QKeyEvent *event)
{
    // Keyboard path: arrows move through the stages in flow order.
    const QStringList &ids = Milestone::stages();
    qsizetype i = ids.indexOf(m_selected);
    if (event->key() == Qt::Key_Right || event->key() == Qt::Key_Down) {
        selectStage(ids.at(std::min<qsizetype>(i + 1, ids.size() - 1)));
        return;
    }
    if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Up) {
        selectStage(ids.at(std::max<qsizetype>(i - 1, 0)));
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void FlowchartView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

} // namespace Peering
