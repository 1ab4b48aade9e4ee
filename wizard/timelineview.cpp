#include "timelineview.h"

#include "tracking/onboardingtracker.h"

#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>

namespace Peering {

namespace {

constexpr int LabelWidth = 235;
constexpr int RowHeight = 30;
constexpr int HeaderHeight = 62;
constexpr int RightMargin = 70;
constexpr int FooterHeight = 40;

const QColor Warning(0xc6, 0x28, 0x28);

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timelineView"));
    setAccessibleName(tr("Onboarding timeline"));
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::white);
    setPalette(p);
}

void TimelineView::setOnboarding(const Onboarding &onboarding, QDate today)
{
    const OnboardingTracker tracker(onboarding);
    m_today = today;
    m_title = onboarding.name;
    m_rows.clear();

    // The plan starts at the first stage's expected date (day 0) or the earliest planned date.
    QDate start;
    for (const auto &s : tracker.stages())
        if (s.expected.isValid() && (!start.isValid() || s.expected < start))
            start = s.expected;
    if (const auto *first = tracker.stage(QStringLiteral("requirements"));
        first && first->expected.isValid())
        start = first->expected;
    if (!start.isValid())
        start = today;
    m_target = start.addDays(21);

    QDate previous = start;
    m_first = start;
    m_last = std::max(m_target, today);
    const QTimeZone zone = QTimeZone::systemTimeZone();
    for (const auto &s : tracker.stages()) {
        Row r;
        r.id = s.id;
        r.title = OnboardingTracker::title(s.id);
        using S = OnboardingTracker::Status;
        switch (s.status) {
        case S::Done:
            r.state = QStringLiteral("done");
            break;
        case S::Implied:
            r.state = QStringLiteral("implied");
            break;
        case S::Current:
            r.state = QStringLiteral("current");
            break;
        case S::Regressed:
            r.state = QStringLiteral("regressed");
            break;
        case S::Waiting:
            r.state = QStringLiteral("waiting");
            break;
        }
        if (tracker.isOverdue(s.id, today))
            r.state = QStringLiteral("overdue");
        if (s.expected.isValid()) {
            r.planStart = std::min(previous, s.expected);
            r.planEnd = s.expected;
            previous = s.expected;
            m_last = std::max(m_last, s.expected);
        }
        r.reached = OnboardingTracker::dateIn(s.reached, zone);
        if (r.reached.isValid()) {
            m_first = std::min(m_first, r.reached);
            m_last = std::max(m_last, r.reached);
        }
        if (const auto late = tracker.daysLate(s.id, zone)) {
            r.hasLate = true;
            r.daysLate = *late;
        }
        m_rows.append(r);
    }
    m_first = std::min(m_first, today);

    const auto lag = tracker.lagAugmentation(today);
    m_lagStart = lag.needed ? lag.start : QDate();
    m_lagEarliest = lag.earliestEnd;
    m_lagLatest = lag.latestEnd;
    if (lag.needed) {
        m_lagText
            = tr("LAG augmentation (%1 at %2%)").arg(lag.connectionId).arg(lag.utilizationPercent);
        m_last = std::max(m_last, m_lagLatest);
        m_first = std::min(m_first, m_lagStart);
    }
    m_first = m_first.addDays(-1);
    m_last = m_last.addDays(2);
    updateGeometry();
    update();
}

QString TimelineView::rowState(const QString &stageId) const
{
    for (const Row &r : m_rows)
        if (r.id == stageId)
            return r.state;
    return {};
}

int TimelineView::xForDate(QDate date) const
{
    const qint64 days = std::max<qint64>(1, m_first.daysTo(m_last));
    // Never narrower than the minimum: a hidden tab has not been laid out yet.
    const int w = std::max(width(), minimumSizeHint().width());
    const qreal perDay = qreal(w - LabelWidth - RightMargin) / days;
    return LabelWidth + int(m_first.daysTo(date) * perDay);
}

QSize TimelineView::sizeHint() const
{
    const int rows = int(m_rows.size()) + (hasLagAugmentation() ? 1 : 0);
    return {1020, HeaderHeight + rows * RowHeight + FooterHeight};
}

QSize TimelineView::minimumSizeHint() const
{
    return {600, sizeHint().height()};
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), Qt::white);
    if (m_rows.isEmpty())
        return;
    const qint64 days = std::max<qint64>(1, m_first.daysTo(m_last));
    const qreal perDay
        = qreal(std::max(width(), minimumSizeHint().width()) - LabelWidth - RightMargin) / days;
    const int rows = int(m_rows.size()) + (hasLagAugmentation() ? 1 : 0);
    const int bottom = HeaderHeight + rows * RowHeight;
    QFont bold = font();
    bold.setBold(true);

    p.setFont(bold);
    p.drawText(QRect(8, 4, width() - 16, 20), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1: planned (bars) against reached (diamonds)").arg(m_title));
    p.setFont(font());

    // Weeks: a tick and a date every Monday, light stripes for weekends.
    for (QDate d = m_first; d <= m_last; d = d.addDays(1)) {
        const int x = xForDate(d);
        if (d.dayOfWeek() >= 6)
            p.fillRect(QRectF(x, HeaderHeight, perDay, bottom - HeaderHeight),
                       QColor(0xf5, 0xf5, 0xf5));
        if (d.dayOfWeek() == 1) {
            p.setPen(QColor(0xbd, 0xbd, 0xbd));
            p.drawLine(x, HeaderHeight - 6, x, bottom);
            p.setPen(Qt::black);
            p.drawText(QRect(x - 40, 30, 80, 18), Qt::AlignCenter,
                       d.toString(QStringLiteral("MMM d")));
        }
    }

    int y = HeaderHeight;
    for (const Row &r : m_rows) {
        const bool overdue = r.state == QLatin1String("overdue");
        QColor fill(0xbd, 0xbd, 0xbd);
        if (r.state == QLatin1String("done") || r.state == QLatin1String("implied"))
            fill = QColor(0x66, 0xbb, 0x6a);
        else if (r.state == QLatin1String("current"))
            fill = QColor(0x42, 0x85, 0xf4);
        else if (r.state == QLatin1String("regressed") || overdue)
            fill = Warning;
        p.setFont(overdue || r.state == QLatin1String("current") ? bold : font());
        p.setPen(overdue ? Warning : Qt::black);
        QString label = r.title;
        if (overdue)
            label = tr("\u26a0 %1 (overdue)").arg(r.title);
        else if (r.state == QLatin1String("current") || r.state == QLatin1String("regressed"))
            label = QStringLiteral("\u25b6 ") + r.title;
        else if (r.state == QLatin1String("done") || r.state == QLatin1String("implied"))
            label = QStringLiteral("\u2713 ") + r.title;
        p.drawText(QRect(8, y, LabelWidth - 12, RowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   label);
        p.setFont(font());

        if (r.planEnd.isValid()) {
            const qreal x0 = xForDate(r.planStart);
            const qreal x1 = xForDate(r.planEnd.addDays(1));
            const QRectF bar(x0, y + 8, std::max<qreal>(x1 - x0, 4), RowHeight - 16);
            p.setPen(QPen(fill.darker(140), 1));
            p.setBrush(fill);
            p.drawRect(bar);
            if (overdue || r.state == QLatin1String("regressed")) {
                p.setBrush(QBrush(Qt::white, Qt::BDiagPattern));
                p.drawRect(bar);
                // Overdue: the time beyond the plan up to today, hatched.
                if (overdue) {
                    const QRectF late(x1, y + 8, xForDate(m_today.addDays(1)) - x1, RowHeight - 16);
                    p.setPen(QPen(Warning, 1, Qt::DashLine));
                    p.setBrush(QBrush(Warning, Qt::BDiagPattern));
                    p.drawRect(late);
                }
            } else if (r.state == QLatin1String("implied")) {
                p.setBrush(QBrush(Qt::white, Qt::Dense6Pattern));
                p.drawRect(bar);
            }
        }
        if (r.reached.isValid()) {
            const qreal cx = xForDate(r.reached) + perDay / 2;
            const qreal cy = y + RowHeight / 2.0;
            QPainterPath diamond;
            diamond.moveTo(cx, cy - 8);
            diamond.lineTo(cx + 8, cy);
            diamond.lineTo(cx, cy + 8);
            diamond.lineTo(cx - 8, cy);
            diamond.closeSubpath();
            p.setPen(QPen(Qt::black, 1.5));
            p.setBrush(QColor(0x21, 0x21, 0x21));
            p.drawPath(diamond);
            if (r.hasLate && r.daysLate != 0) {
                p.setPen(r.daysLate > 0 ? Warning : QColor(0x1b, 0x5e, 0x20));
                p.drawText(QRectF(cx + 11, y, 80, RowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                           r.daysLate > 0 ? tr("%n d late", nullptr, int(r.daysLate))
                                          : tr("%n d early", nullptr, int(-r.daysLate)));
            }
        }
        p.setPen(QColor(0xee, 0xee, 0xee));
        p.drawLine(0, y + RowHeight, width(), y + RowHeight);
        y += RowHeight;
    }
    if (hasLagAugmentation()) {
        p.setPen(QColor(0x6a, 0x1b, 0x9a));
        p.setFont(bold);
        p.drawText(QRect(8, y, LabelWidth - 12, RowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("LAG augmentation"));
        p.setFont(font());
        const qreal x0 = xForDate(m_lagStart), xe = xForDate(m_lagEarliest),
                    x1 = xForDate(m_lagLatest);
        p.setPen(QPen(QColor(0x6a, 0x1b, 0x9a), 1));
        p.setBrush(QColor(0xce, 0x93, 0xd8));
        p.drawRect(QRectF(x0, y + 8, xe - x0, RowHeight - 16));
        p.setBrush(QBrush(QColor(0x6a, 0x1b, 0x9a), Qt::FDiagPattern));
        p.drawRect(QRectF(xe, y + 8, x1 - xe, RowHeight - 16));
        p.drawText(QRectF(x0 + 4, y, x1 - x0, RowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("45-60 days"));
        y += RowHeight;
    }

    // Today and the three-week target, labelled so they read without colour.
    const int tx = xForDate(m_target) + int(perDay);
    p.setPen(QPen(QColor(0x6d, 0x4c, 0x41), 2, Qt::DashLine));
    p.drawLine(tx, HeaderHeight - 10, tx, bottom);
    p.drawText(QRect(tx - 90, bottom + 4, 180, 16), Qt::AlignCenter,
               tr("3-week target %1").arg(m_target.toString(Qt::ISODate)));
    const int nx = xForDate(m_today) + int(perDay / 2);
    p.setPen(QPen(QColor(0x0d, 0x47, 0xa1), 2));
    p.drawLine(nx, HeaderHeight - 10, nx, bottom);
    p.drawText(QRect(nx - 60, bottom + 20, 120, 16), Qt::AlignCenter,
               tr("today %1").arg(m_today.toString(Qt::ISODate)));
}

} // namespace Peering
