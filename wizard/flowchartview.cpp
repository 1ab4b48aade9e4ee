#include "flowchartview.h"

#include "tracking/onboardingtracker.h"

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainterPath>
#include <QPen>
#include <QStyle>
#include <QTimeZone>

namespace Peering {

namespace {

constexpr int MaxColumns = 5;
constexpr qreal MaxScale = 1.6; // beyond this the chart only gets coarse
constexpr qreal Pad = 10; // text inside a node

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

struct Grid
{
    int columns;
    QSizeF node;
    qreal columnGap, rowGap, top;

    QPointF pos(int index) const
    {
        // A snake: one row left to right, the next right to left, so every arrow is short and
        // (in five columns) the way back from active to port-configured is a straight line up.
        const int row = index / columns;
        int column = index % columns;
        if (row % 2 == 1)
            column = columns - 1 - column;
        return {column * (node.width() + columnGap), top + row * (node.height() + rowGap)};
    }
    int column(int index) const { return int(pos(index).x() / (node.width() + columnGap) + 0.5); }
    int row(int index) const { return index / columns; }
    qreal width() const { return columns * node.width() + (columns - 1) * columnGap; }
    int rows(int count) const { return (count + columns - 1) / columns; }
};

bool isWarning(const QString &line)
{
    return line.startsWith(QChar(0x26a0));
}

// Nodes sized from the font so that every line is whole in any language; all nodes alike.
Grid makeGrid(const QFont &font, const QList<QStringList> &nodes, int columns)
{
    QFont boldFont = font;
    boldFont.setBold(true);
    const QFontMetricsF plain(font), bold(boldFont);
    qreal width = 0;
    int lines = 0;
    for (const QStringList &n : nodes) {
        for (qsizetype l = 0; l < n.size(); ++l)
            width = std::max(width, l == 0 || isWarning(n.at(l))
                                        ? bold.horizontalAdvance(n.at(l))
                                        : plain.horizontalAdvance(n.at(l)));
        lines = std::max(lines, int(n.size()));
    }
    Grid g;
    g.columns = columns;
    g.node = QSizeF(std::ceil(width + 2 * Pad), std::ceil(lines * bold.lineSpacing() + 2 * Pad));
    g.columnGap = std::max<qreal>(36, plain.averageCharWidth() * 5);
    g.rowGap = std::max<qreal>(28, g.node.height() * 0.45);
    QFont title = boldFont;
    title.setPointSizeF(title.pointSizeF() * 1.25);
    g.top = QFontMetricsF(title).lineSpacing() * 1.6;
    return g;
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

qreal plainHeight(const QFont &font)
{
    return QFontMetricsF(font).height();
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
    setMinimumSize(240, 200);
    setAlignment(Qt::AlignCenter);
}

void FlowchartView::setOnboarding(const Onboarding &onboarding, QDate today)
{
    const OnboardingTracker tracker(onboarding);
    m_heading = tr("%1: %2").arg(
        onboarding.name.isEmpty() ? tr("Onboarding") : onboarding.name,
        tracker.stage(tracker.currentStage())
            ? tr("current stage: %1").arg(OnboardingTracker::inProgressTitle(tracker.currentStage()))
            : tr("complete"));
    m_regressed = tracker.isRegressed();
    m_current = tracker.currentStage();
    m_chart.clear();
    const QList<OnboardingTracker::Stage> &stages = tracker.stages();
    for (int i = 0; i < stages.size(); ++i) {
        const OnboardingTracker::Stage &st = stages.at(i);
        Node n;
        n.id = st.id;
        n.status = int(st.status);
        n.overdue = tracker.isOverdue(st.id, today);
        const Style style = styleFor(st.status);
        n.lines.append(QStringLiteral("%1%2. %3")
                           .arg(style.glyph)
                           .arg(i + 1)
                           .arg(OnboardingTracker::title(st.id)));
        using S = OnboardingTracker::Status;
        if (st.status == S::Done)
            n.lines.append(st.reached.isValid()
                               ? tr("reached %1")
                                     .arg(OnboardingTracker::dateIn(st.reached,
                                                                    QTimeZone::systemTimeZone())
                                              .toString(Qt::ISODate))
                               : tr("done"));
        else if (st.status == S::Implied)
            n.lines.append(tr("implied by later evidence"));
        else if (st.status == S::Regressed)
            n.lines.append(tr("went back: provisioning failed"));
        else if (st.expected.isValid())
            n.lines.append(tr("expected %1").arg(st.expected.toString(Qt::ISODate)));
        else
            n.lines.append(tr("not planned"));
        // A stage that needs every connection says how far they have come.
        const auto count = tracker.connectionCount(st.id);
        if (count && st.status != S::Done)
            n.lines.append(tr("%1 of %n connection(s)", nullptr, count->of).arg(count->reached));
        if (n.overdue)
            n.lines.append(
                tr("\u26a0 OVERDUE by %n day(s)", nullptr, int(st.expected.daysTo(today))));
        else if (st.status == S::Current && st.expected.isValid())
            n.lines.append(tr("%n day(s) left", nullptr, int(today.daysTo(st.expected))));
        m_chart.append(n);
    }
    // The chart's size in each number of columns depends on the stages and the font only, not
    // on the view: laid out once here, so that a resize lays it out once more at most.
    m_sizes.clear();
    for (int c = 1; c <= MaxColumns; ++c)
        m_sizes.append(build(c));
    relayout();
}

QList<QStringList> FlowchartView::nodeLines() const
{
    QList<QStringList> lines;
    for (const Node &n : m_chart)
        lines.append(n.lines);
    return lines;
}

void FlowchartView::relayout()
{
    if (m_chart.isEmpty() || m_sizes.size() != MaxColumns)
        return;
    // The size without scroll bars; a chart taller than the view gets a vertical one.
    const QSizeF view = QSizeF(maximumViewportSize()) - QSizeF(2, 2);
    const qreal bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    // The layout that shows the chart largest without its text shrinking: of the sizes in each
    // number of columns, the one that fits the view at the largest scale wins; when none fits,
    // the most columns whose width fits beside a vertical scroll bar (the height then scrolls),
    // down to one stacked column.
    int best = 0;
    qreal bestScale = 0;
    int widthFits = 0;
    for (int c = MaxColumns; c >= 1; --c) {
        const QSizeF size = m_sizes.at(c - 1);
        // Beyond the largest scale more room changes nothing: then more columns win.
        const qreal fit = std::min(
            {view.width() / size.width(), view.height() / size.height(), MaxScale});
        if (fit >= 1 && fit > bestScale) {
            best = c;
            bestScale = fit;
        }
        if (!widthFits && size.width() <= view.width() - bar)
            widthFits = c;
    }
    if (!best) {
        best = widthFits ? widthFits : 1;
        bestScale = 1;
    }
    if (best != m_columns)
        build(best);
    const qreal scale = std::clamp<qreal>(bestScale, 1, MaxScale);
    setTransform(QTransform::fromScale(scale, scale));
    // When the chart scrolls, the stage in view is the selected one, else the current one.
    if (QGraphicsItem *n = node(m_selected.isEmpty() ? m_current : m_selected))
        ensureVisible(n, 8, 8);
}

QSizeF FlowchartView::build(int columns)
{
    QGraphicsScene *s = scene();
    s->clear();
    m_nodes.clear();
    m_columns = columns;

    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    const QFontMetricsF plain(font());
    Grid g = makeGrid(font(), nodeLines(), columns);

    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    auto *heading = s->addText(m_heading, titleFont);
    heading->setTextWidth(g.width());
    heading->setPos(-4, -4);
    g.top = std::max(g.top, heading->boundingRect().height() + 4);

    for (int i = 0; i < m_chart.size(); ++i) {
        const Node &n = m_chart.at(i);
        const auto status = OnboardingTracker::Status(n.status);
        const Style style = styleFor(status);
        QPainterPath shape;
        shape.addRoundedRect(QRectF(QPointF(0, 0), g.node), 10, 10);
        auto *item = new QGraphicsPathItem(shape);
        QPen pen(n.overdue && status == OnboardingTracker::Status::Waiting
                     ? QColor(0xb7, 0x1c, 0x1c)
                     : style.border,
                 style.width, style.line);
        item->setPen(pen);
        item->setBrush(style.fill);
        item->setPos(g.pos(i));
        item->setData(StageIdKey, n.id);
        item->setData(StateKey, stateId(status));
        item->setData(OverdueKey, n.overdue);
        item->setCursor(Qt::PointingHandCursor);
        item->setToolTip(OnboardingTracker::statusName(status));
        s->addItem(item);
        m_nodes.insert(n.id, item);
        qreal y = Pad;
        for (qsizetype l = 0; l < n.lines.size(); ++l) {
            auto *text = new QGraphicsSimpleTextItem(n.lines.at(l), item);
            const bool warning = isWarning(n.lines.at(l));
            text->setFont((l == 0 && status != OnboardingTracker::Status::Waiting) || warning
                              ? bold
                              : font());
            text->setBrush(warning ? QColor(0xb7, 0x1c, 0x1c) : style.text);
            text->setPos(Pad, y);
            y += boldMetrics.lineSpacing();
        }
    }

    // Arrows: the flow forward, and the way back (dashed) that provisioning can take.
    const QPen forward(QColor(0x42, 0x42, 0x42), 2);
    const QSizeF &nz = g.node;
    for (int i = 0; i + 1 < m_chart.size(); ++i) {
        const QPointF a = g.pos(i), b = g.pos(i + 1);
        if (qFuzzyCompare(a.y(), b.y())) {
            const bool right = b.x() > a.x();
            arrow(s, a + QPointF(right ? nz.width() : 0, nz.height() / 2),
                  b + QPointF(right ? 0 : nz.width(), nz.height() / 2), forward);
        } else {
            arrow(s, a + QPointF(nz.width() / 2, nz.height()), b + QPointF(nz.width() / 2, 0),
                  forward);
        }
    }
    const int port = int(Milestone::stages().indexOf(QLatin1String("port-configured")));
    const int active = int(Milestone::stages().indexOf(QLatin1String("active")));
    QPen back(m_regressed ? QColor(0xb7, 0x1c, 0x1c) : QColor(0x75, 0x75, 0x75),
              m_regressed ? 3 : 1.5, Qt::DashLine);
    auto *backLabel = new QGraphicsSimpleTextItem(tr("ProvisioningFailed: back"));
    backLabel->setBrush(back.color());
    const QPointF activePos = g.pos(active), portPos = g.pos(port);
    if (g.column(active) == g.column(port) && g.row(active) == g.row(port) + 1) {
        // Straight up through the gap between the rows.
        const QPointF from = activePos + QPointF(nz.width() / 2, 0);
        const QPointF to = portPos + QPointF(nz.width() / 2, nz.height());
        arrow(s, from, to, back);
        backLabel->setPos(to + QPointF(8, (from.y() - to.y()) / 2 - 8));
    } else if (g.row(active) == g.row(port) + 1) {
        // Across the gap between the two rows, clear of the arrows that come down into active
        // and go down from port-configured at the middle of their nodes.
        const bool rightwards = activePos.x() < portPos.x();
        const QPointF from = activePos + QPointF(nz.width() * (rightwards ? 0.75 : 0.25), 0);
        const QPointF to = portPos + QPointF(nz.width() * (rightwards ? 0.25 : 0.75), nz.height());
        const qreal mid = (from.y() + to.y()) / 2;
        QPainterPath path(from);
        path.cubicTo(QPointF(from.x(), mid), QPointF(to.x(), mid), to + QPointF(0, 12));
        s->addPath(path, back);
        arrow(s, to + QPointF(0, 12), to, back);
        backLabel->setPos(QPointF((from.x() + to.x()) / 2 + 8, mid - 18));
    } else {
        // Stacked: a lane beside the column, from active's side up to port-configured's.
        const qreal lane = -g.columnGap * 0.8;
        const QPointF from = activePos + QPointF(0, nz.height() / 2);
        const QPointF to = portPos + QPointF(0, nz.height() / 2);
        QPainterPath path(from);
        path.lineTo(lane, from.y());
        path.lineTo(lane, to.y());
        path.lineTo(to.x() - 12, to.y());
        s->addPath(path, back);
        arrow(s, QPointF(to.x() - 12, to.y()), to, back);
        backLabel->setRotation(-90);
        backLabel->setPos(lane - plainHeight(font()) - 4,
                          (from.y() + to.y()) / 2 + backLabel->boundingRect().width() / 2);
    }
    s->addItem(backLabel);

    // Legend: words, not only colours, in as many lines as the chart's width needs.
    const int rows = g.rows(int(m_chart.size()));
    qreal legendY = g.top + rows * nz.height() + (rows - 1) * g.rowGap + 20;
    qreal x = 0;
    const QList<std::pair<OnboardingTracker::Status, QString>> legend {
        {OnboardingTracker::Status::Done, tr("done")},
        {OnboardingTracker::Status::Implied, tr("implied")},
        {OnboardingTracker::Status::Current, tr("current")},
        {OnboardingTracker::Status::Regressed, tr("went back")},
        {OnboardingTracker::Status::Waiting, tr("waiting")},
    };
    const qreal lineHeight = plain.lineSpacing() + 6;
    const auto place = [&](qreal itemWidth) {
        if (x > 0 && x + itemWidth > g.width()) {
            x = 0;
            legendY += lineHeight;
        }
        const QPointF at(x, legendY);
        x += itemWidth + 18;
        return at;
    };
    for (const auto &[status, text] : legend) {
        const Style style = styleFor(status);
        const QString label = style.glyph + text;
        const QPointF at = place(32 + plain.horizontalAdvance(label));
        s->addRect(at.x(), at.y(), 26, 16,
                   QPen(style.border, std::min<qreal>(style.width, 3), style.line), style.fill);
        auto *t = s->addSimpleText(label);
        t->setPos(at + QPointF(32, 0));
    }
    const QString overdue = tr("\u26a0 overdue: red text and border");
    auto *warn = s->addSimpleText(overdue);
    warn->setBrush(QColor(0xb7, 0x1c, 0x1c));
    warn->setPos(place(plain.horizontalAdvance(overdue)));

    s->setSceneRect(s->itemsBoundingRect().adjusted(-12, -12, 12, 12));
    updateSelection();
    return s->sceneRect().size();
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
    relayout();
}

} // namespace Peering
