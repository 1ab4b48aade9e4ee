#include "pdfexporter.h"

#include "export/keysheetexporter.h"
#include "export/reviewreport.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontMetricsF>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPen>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace Peering {

namespace {

// A block property: do not end a page after this block (headings, the sentence before a table).
constexpr int KeepWithNextProperty = QTextFormat::UserProperty + 1;
// A table property: the width of the rules around its cells, drawn by the printer rather than by
// QTextDocument (its collapsed borders look up every neighbouring cell, for each cell, and took
// most of the export's time).
constexpr int RuleWidthProperty = QTextFormat::UserProperty + 2;
// A table property: keep the rows on one page (label and value pairs).
constexpr int KeepTogetherProperty = QTextFormat::UserProperty + 3;

// The text is laid out at 96 dpi, as a browser does, so that sizes in pixels (cell padding,
// borders) mean the same as on screen; the painter scales up to the writer's resolution.
constexpr qreal LayoutDpi = 96;

QImage makeLayoutDevice()
{
    QImage device(1, 1, QImage::Format_RGB32);
    const int dotsPerMeter = qRound(LayoutDpi / 0.0254);
    device.setDotsPerMeterX(dotsPerMeter);
    device.setDotsPerMeterY(dotsPerMeter);
    return device;
}

QFont baseFont()
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(8.5);
    // No shaping means no ligatures: pdftotext and copy-paste give "fi" and "ff00", not U+FB01.
    font.setStyleStrategy(QFont::PreferNoShaping);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

// A fresh document set up for paper: the base font at 96 dpi, design metrics, no margin.
// The layout (and its paint device) exists before any content, so that the content, added in
// one edit block, is laid out once with the right metrics.
void prepare(QTextDocument &doc, QPaintDevice *device, qreal width)
{
    doc.setUndoRedoEnabled(false);
    doc.documentLayout()->setPaintDevice(device);
    doc.setDefaultFont(baseFont());
    // Design metrics: no hinting at 96 dpi to undo when scaling, and a faster layout.
    doc.setUseDesignMetrics(true);
    doc.setDocumentMargin(0);
    // A width and no height: one long page, cut into paper pages by Paginator.
    doc.setTextWidth(width);
}

// ---------------------------------------------------------------------------------------------
// The review summary as a QTextDocument, built with a cursor from the report's blocks (no HTML
// to parse), with column widths measured from the cells' text.

class ReportWriter
{
public:
    ReportWriter(QTextDocument &doc, QPaintDevice *device)
        : m_doc(doc)
        , m_device(device)
        , m_cursor(&doc)
        , m_width(doc.textWidth())
    {
        const QFont base = baseFont();
        m_text.setFont(base);
        m_bold = m_text;
        m_bold.setFontWeight(QFont::Bold);
        QFont boldFont = base;
        boldFont.setBold(true);
        m_metrics[0] = std::make_unique<QFontMetricsF>(base, device);
        m_metrics[1] = std::make_unique<QFontMetricsF>(boldFont, device);
        m_advances[0].fill(-1);
        m_advances[1].fill(-1);
    }

    void write(const ReviewReport &report)
    {
        m_cursor.beginEditBlock();
        const QList<ReportBlock> &blocks = report.blocks();
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const ReportBlock &b = blocks[i];
            const bool beforeTable
                = i + 1 < blocks.size() && blocks[i + 1].kind == ReportBlock::Table;
            switch (b.kind) {
            case ReportBlock::Heading:
                heading(b);
                break;
            case ReportBlock::Paragraph:
                paragraph(b.text, beforeTable);
                break;
            case ReportBlock::Notice:
                notice(b.text);
                break;
            case ReportBlock::Fields:
                fields(b.rows);
                break;
            case ReportBlock::Table:
                table(b.headers, b.rows, b.signatures ? b.widths : QList<int>(), b.signatures);
                break;
            }
        }
        m_cursor.endEditBlock();
    }

private:
    // A block for new text: the empty block the document starts with, or the one that follows
    // a table, is used as it is.
    void startBlock(const QTextBlockFormat &format, const QTextCharFormat &chars)
    {
        m_cursor.movePosition(QTextCursor::End);
        if (m_cursor.block().length() <= 1) {
            m_cursor.setBlockFormat(format);
            m_cursor.setBlockCharFormat(chars);
        } else {
            m_cursor.insertBlock(format, chars);
        }
    }

    void heading(const ReportBlock &b)
    {
        static constexpr qreal sizes[] = {15, 12.5, 10};
        static constexpr qreal above[] = {0, 14, 8};
        const int level = std::clamp(b.level, 1, 3);
        QTextBlockFormat f;
        f.setHeadingLevel(level);
        f.setTopMargin(above[level - 1]);
        f.setBottomMargin(level == 1 ? 6 : 3);
        f.setProperty(KeepWithNextProperty, true);
        QTextCharFormat c = m_bold;
        c.setFontPointSize(sizes[level - 1]);
        startBlock(f, c);
        m_cursor.insertText(oneLine(b.text), c);
    }

    void paragraph(const QString &text, bool keepWithNext)
    {
        QTextBlockFormat f;
        f.setTopMargin(2);
        f.setBottomMargin(4);
        if (keepWithNext)
            f.setProperty(KeepWithNextProperty, true);
        startBlock(f, m_text);
        m_cursor.insertText(oneLine(text), m_text);
    }

    // A box with a heavy border: it stands out on paper without colour.
    void notice(const QString &text)
    {
        QTextTableFormat t = tableFormat(6, 2);
        t.setTopMargin(4);
        t.setBottomMargin(6);
        m_cursor.movePosition(QTextCursor::End);
        m_cursor.insertTable(1, 1, t);
        QTextCharFormat c = m_bold;
        c.setFontPointSize(10);
        cell(text, c);
    }

    // Label and value pairs: a table without rules, labels in bold.
    void fields(const QList<QStringList> &rows)
    {
        if (rows.isEmpty())
            return;
        qreal label = 0;
        for (const QStringList &row : rows)
            label = std::max(label, advance(row.value(0), true));
        const qreal padding = 1.5;
        label = std::min(label + 12 + 2 * padding, m_width * 0.4);
        QTextTableFormat t = tableFormat(padding);
        t.setBottomMargin(4);
        t.setProperty(KeepTogetherProperty, true);
        t.setColumnWidthConstraints({QTextLength(QTextLength::FixedLength, label),
                                     QTextLength(QTextLength::FixedLength, m_width - label)});
        m_cursor.movePosition(QTextCursor::End);
        m_cursor.insertTable(int(rows.size()), 2, t);
        for (const QStringList &row : rows) {
            cell(row.value(0), m_bold);
            cell(row.value(1), m_text);
        }
    }

    // percent: column widths in percent of the line, or empty to measure them from the text.
    // signatures: rows to sign by hand, three lines tall, kept on one page.
    void table(const QStringList &headers,
               const QList<QStringList> &rows,
               const QList<int> &percent = {},
               bool signatures = false)
    {
        const int columns = int(headers.size());
        if (columns == 0)
            return;
        const qreal padding = 3;
        QList<qreal> widths;
        if (percent.size() == columns)
            for (const int p : percent)
                widths.append(m_width * p / 100.0);
        else
            widths = columnWidths(headers, rows, padding);
        QTextTableFormat t = tableFormat(padding, 0.75);
        t.setHeaderRowCount(1);
        t.setTopMargin(2);
        t.setBottomMargin(8);
        if (signatures)
            t.setProperty(KeepTogetherProperty, true);
        QList<QTextLength> constraints;
        for (const qreal w : widths)
            constraints.append(QTextLength(QTextLength::FixedLength, w));
        t.setColumnWidthConstraints(constraints);
        m_cursor.movePosition(QTextCursor::End);
        m_cursor.insertTable(int(rows.size()) + 1, columns, t);
        // The header row is shaded by the printer (Paginator::drawShading).
        for (int c = 0; c < columns; ++c)
            cell(headers[c], m_bold);
        QTextBlockFormat nowrap;
        nowrap.setNonBreakableLines(true);
        for (const QStringList &row : rows) {
            for (int c = 0; c < columns; ++c) {
                const QString text = row.value(c);
                // Addresses, prefixes and numbers stay whole where their column has room: an
                // IPv6 address broken after "::" misleads.
                const qreal room = widths[c] - 2 * padding;
                const bool word = isWord(text) && advance(text, false) <= room;
                if (signatures) {
                    m_cursor.insertText(text, m_text);
                    m_cursor.insertBlock();
                    m_cursor.insertBlock();
                    m_cursor.movePosition(QTextCursor::NextBlock);
                    continue;
                }
                cell(text, m_text, word ? &nowrap : nullptr, room);
            }
        }
    }

    // Fills the cell the cursor is in and moves to the next one. Cells are filled in order and
    // the cursor ends in a cell's last block, so the next cell is the next block: within the
    // edit block the table's frame is not yet known to QTextCursor::NextCell. A text that may
    // not fit on a page (width > 0: the column's) is written one block per line, so that its
    // row can be cut between two blocks.
    void cell(const QString &text,
              const QTextCharFormat &format,
              const QTextBlockFormat *block = nullptr,
              qreal width = 0)
    {
        if (block)
            m_cursor.setBlockFormat(*block);
        const QString line = breakDots(oneLine(text));
        if (width > 0 && advance(text, false) > width * LongCellLines) {
            const QStringList lines = wrap(line, width);
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i > 0)
                    m_cursor.insertBlock();
                m_cursor.insertText(lines[i], format);
            }
        } else {
            m_cursor.insertText(line, format);
        }
        m_cursor.movePosition(QTextCursor::NextBlock);
    }

    // The lines a text breaks into at the given width, as the document breaks them.
    QStringList wrap(const QString &text, qreal width) const
    {
        QTextLayout layout(text, m_doc.defaultFont(), m_device);
        QTextOption option = m_doc.defaultTextOption();
        option.setUseDesignMetrics(true);
        layout.setTextOption(option);
        QStringList lines;
        layout.beginLayout();
        for (QTextLine l = layout.createLine(); l.isValid(); l = layout.createLine()) {
            l.setLineWidth(width);
            lines.append(text.mid(l.textStart(), l.textLength()).trimmed());
        }
        layout.endLayout();
        return lines;
    }

    // Line breaks in user text become spaces, as in the HTML and Markdown exports.
    static QString oneLine(QString text)
    {
        for (QChar &ch : text)
            if (ch == u'\n' || ch == u'\r' || ch == QChar::ParagraphSeparator)
                ch = u' ';
        return text;
    }

    // A table without QTextDocument borders; rules > 0 has the printer rule it.
    static QTextTableFormat tableFormat(qreal padding, qreal rules = 0)
    {
        QTextTableFormat t;
        t.setBorder(0);
        t.setBorderStyle(QTextFrameFormat::BorderStyle_None);
        if (rules > 0)
            t.setProperty(RuleWidthProperty, rules);
        t.setCellSpacing(0);
        t.setCellPadding(padding);
        t.setMargin(0);
        t.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        return t;
    }

    static constexpr qsizetype LongWord = 24;
    // A cell text of more lines than this is written one block per line (see cell()).
    static constexpr qreal LongCellLines = 30;
    // The same rule as the HTML export: a one-word value of up to 24 characters.
    static bool isWord(const QString &s) { return s.size() <= LongWord && !s.contains(u' '); }

    // Field paths and rule ids (peerings[0].connections[0].bgp.peerIPv4) are long words that
    // read best broken after a dot: a zero-width space there lets the line break, and is not
    // printed (pdftotext and copy-paste do not see it).
    static QString breakDots(const QString &text)
    {
        if (text.size() <= LongWord || !text.contains(u'.'))
            return text;
        QString out;
        out.reserve(text.size() + 8);
        qsizetype wordStart = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar ch = text[i];
            out += ch;
            if (ch == u' ')
                wordStart = i + 1;
            else if (ch == u'.' && i + 1 < text.size() && text[i + 1] != u' ') {
                qsizetype end = text.indexOf(u' ', i);
                if (end < 0)
                    end = text.size();
                if (end - wordStart > LongWord)
                    out += QChar(0x200B);
            }
        }
        return out;
    }

    // Widths of the columns, measured from their text: each column gets at least its longest
    // word (a header never breaks inside a word), then room to show its values on one line,
    // then room for its header on one line (see fill), then a share of what is left.
    QList<qreal>
    columnWidths(const QStringList &headers, const QList<QStringList> &rows, qreal padding)
    {
        const qsizetype n = headers.size();
        QList<qreal> natural(n, 0); // one line for everything, headers too
        QList<qreal> values(n, 0); // one line for the values
        QList<qreal> least(n, 0); // the longest word
        const auto measure = [&](qsizetype c, const QString &text, bool bold) {
            const qreal line = advance(text, bold);
            natural[c] = std::max(natural[c], line);
            if (!bold)
                values[c] = std::max(values[c], line);
            if (!bold && isWord(text)) {
                least[c] = std::max(least[c], advance(text, bold));
                return;
            }
            for (const QStringView word : QStringView(text).split(u' ', Qt::SkipEmptyParts)) {
                if (word.size() <= LongWord) {
                    least[c] = std::max(least[c], advance(word, bold));
                    continue;
                }
                // A long word breaks after a dot (see breakDots) or a hyphen.
                qsizetype from = 0;
                for (qsizetype i = 0; i < word.size(); ++i) {
                    if (word[i] == u'.' || word[i] == u'-' || i + 1 == word.size()) {
                        least[c] = std::max(least[c], advance(word.mid(from, i + 1 - from), bold));
                        from = i + 1;
                    }
                }
            }
        };
        for (qsizetype c = 0; c < n; ++c)
            measure(c, headers[c], true);
        for (const QStringList &row : rows)
            for (qsizetype c = 0; c < n; ++c)
                measure(c, row.value(c), false);
        // Some room on top of the measured text: the text engine's advances and rounding
        // differ slightly from the sum of the characters' advances.
        for (qsizetype c = 0; c < n; ++c)
            for (QList<qreal> *w : {&natural, &values, &least})
                (*w)[c] = (*w)[c] * 1.02 + 2;
        const qreal available = m_width - n * 2 * padding;
        // A word longer than a fair share of the line (a field path, a long note) is broken
        // rather than squeezing every other column: cap the minimum widths until they fit.
        qreal sumLeast = 0;
        for (const qreal w : least)
            sumLeast += w;
        if (sumLeast > available) {
            QList<qreal> sorted = least;
            std::sort(sorted.begin(), sorted.end());
            qreal cap = 0;
            qreal below = 0; // the sum of the widths under the cap
            for (qsizetype i = 0; i < n; ++i) {
                const qreal candidate = (available - below) / qreal(n - i);
                if (candidate <= sorted[i]) {
                    cap = candidate;
                    break;
                }
                below += sorted[i];
            }
            for (qreal &w : least)
                w = std::min(w, cap);
            sumLeast = available;
        }
        // First every value on one line, then every header on one line, then the rest of the
        // line in proportion.
        QList<qreal> widths = least;
        qreal rest = available - sumLeast;
        for (qsizetype c = 0; c < n; ++c)
            values[c] = std::max(values[c], least[c]);
        rest = fill(widths, values, rest);
        for (qsizetype c = 0; c < n; ++c)
            natural[c] = std::max(natural[c], values[c]);
        rest = fill(widths, natural, rest);
        if (rest > 0) {
            qreal sum = 0;
            for (const qreal w : widths)
                sum += w;
            for (qreal &w : widths)
                w += rest * w / sum;
        }
        // Qt's fixed column widths include the padding.
        for (qreal &w : widths)
            w += 2 * padding;
        return widths;
    }

    // Widens columns towards their targets with the room there is: first the columns that then
    // reach their target with no more than an equal share of the room, so that short values
    // (states, rule ids) do not wrap for the sake of a long message; then what is left is
    // shared by the others in proportion to what they lack. Returns the room left.
    static qreal fill(QList<qreal> &widths, const QList<qreal> &targets, qreal room)
    {
        QList<qsizetype> open;
        for (qsizetype c = 0; c < widths.size(); ++c)
            if (targets[c] > widths[c])
                open.append(c);
        while (!open.isEmpty() && room > 0) {
            const qreal share = room / qreal(open.size());
            const auto fits = [&](qsizetype c) { return targets[c] - widths[c] <= share; };
            if (std::none_of(open.begin(), open.end(), fits)) {
                qreal wanted = 0;
                for (const qsizetype c : open)
                    wanted += targets[c] - widths[c];
                for (const qsizetype c : open)
                    widths[c] += room * (targets[c] - widths[c]) / wanted;
                return 0;
            }
            for (const qsizetype c : open)
                if (fits(c)) {
                    room -= targets[c] - widths[c];
                    widths[c] = targets[c];
                }
            open.removeIf(fits);
        }
        return std::max<qreal>(room, 0);
    }

    // The width of text on one line, from a per-character table (no shaping: the font is set
    // to PreferNoShaping, so advances add up).
    qreal advance(QStringView text, bool bold)
    {
        qreal sum = 0;
        auto &cache = m_advances[bold ? 1 : 0];
        for (const QChar ch : text) {
            const char16_t u = ch.unicode();
            if (u < cache.size()) {
                if (cache[u] < 0)
                    cache[u] = m_metrics[bold ? 1 : 0]->horizontalAdvance(ch);
                sum += cache[u];
            } else {
                sum += m_metrics[bold ? 1 : 0]->horizontalAdvance(ch);
            }
        }
        return sum;
    }

    QTextDocument &m_doc;
    QPaintDevice *m_device;
    QTextCursor m_cursor;
    qreal m_width;
    QTextCharFormat m_text;
    QTextCharFormat m_bold;
    std::unique_ptr<QFontMetricsF> m_metrics[2];
    std::array<qreal, 0x250> m_advances[2]; // Latin and Latin Extended
};

// ---------------------------------------------------------------------------------------------
// Paper pages from one long laid-out document: page breaks only between blocks and table rows,
// a heading kept with what follows it, a table's header row repeated on the pages it continues
// on. Each page is a list of slices of the document, painted once each: nothing is laid out
// twice, and no text is drawn on two pages.

struct Slice
{
    qreal top; // document coordinates
    qreal bottom;
    qreal y; // where the slice's top goes on the page
    bool repeated = false; // a table's header row again, above the rows that continue it
};
using Page = QList<Slice>;

class Paginator
{
public:
    explicit Paginator(QTextDocument &doc)
        : m_layout(doc.documentLayout())
    {
        collect(doc.rootFrame());
        // A frame's rectangle takes in its bottom margin, where the next block's text may
        // begin: a unit ends where the next one starts, so that no slice shows a part of the
        // next unit's text (it would be printed on both pages).
        for (qsizetype i = 0; i + 1 < m_units.size(); ++i)
            m_units[i].bottom
                = std::max(m_units[i].top, std::min(m_units[i].bottom, m_units[i + 1].top));
    }

    QList<Page> pages(qreal height)
    {
        QList<Page> out;
        qsizetype i = 0;
        while (i < m_units.size()) {
            Page page;
            Unit &first = m_units[i];
            const qreal y = repeated(first, height);
            if (y > 0)
                page.append({m_heads[first.table].top, m_heads[first.table].bottom, 0, true});
            const qreal top = first.top;
            const qreal room = height - y;
            qsizetype last = -1;
            for (qsizetype j = i; j < m_units.size(); ++j) {
                if (m_units[j].bottom - top > room || (j > i && m_units[j].breakBefore))
                    break;
                last = j;
            }
            if (last < 0) {
                // One unit taller than the page (a table row with a very long note): cut it
                // between two blocks and go on with the rest of it on the next page.
                qreal cut = cutWithin(first, top + room);
                if (cut <= first.top)
                    cut = top + room; // a single line taller than a page
                page.append({top, cut, y});
                first.top = cut;
                first.breakBefore = false;
                out.append(page);
                continue;
            }
            // Keep a heading (or a table's header row) with the next unit: end the page before it.
            qsizetype end = last;
            while (end > i && m_units[end].keepWithNext && end + 1 < m_units.size())
                --end;
            if (m_units[end].keepWithNext && end + 1 < m_units.size())
                end = last; // the page holds nothing else: break after all
            // A unit that no page can hold is begun right here, below what heads it.
            const qsizetype next = end + 1;
            if (end == last && next < m_units.size() && !m_units[next].breakBefore) {
                Unit &tall = m_units[next];
                const bool fitsNoPage = tall.bottom - tall.top > height - repeated(tall, height);
                const qreal cut = fitsNoPage ? cutWithin(tall, top + room) : tall.top;
                if (cut > tall.top) {
                    page.append({top, cut, y});
                    tall.top = cut;
                    out.append(page);
                    i = next;
                    continue;
                }
            }
            page.append({top, m_units[end].bottom, y});
            out.append(page);
            i = end + 1;
        }
        if (out.isEmpty())
            out.append(Page());
        return out;
    }

    // The shading of the ruled tables' header rows that show in a slice, in document
    // coordinates: bold on light grey, so the header reads as one in black and white too.
    void drawShading(QPainter &painter, const Slice &slice) const
    {
        for (const Ruled &r : m_ruled) {
            const qreal top = std::max(r.top, slice.top);
            const qreal bottom = std::min(r.headBottom, slice.bottom);
            if (top < bottom)
                painter.fillRect(QRectF(r.columns.first(), top,
                                        r.columns.last() - r.columns.first(), bottom - top),
                                 QColor(0xe4, 0xe4, 0xe4));
        }
    }

    // The rules of the ruled tables that show in a slice, in document coordinates: a grid of
    // lines inside the table's edges, closed at the slice's bottom when a page ends mid-table.
    void drawRules(QPainter &painter, const Slice &slice) const
    {
        for (const Ruled &r : m_ruled) {
            if (r.bottom <= slice.top || r.top >= slice.bottom)
                continue;
            const qreal w = r.width;
            const qreal top = std::max(r.top, slice.top);
            const qreal bottom = std::min(r.bottom, slice.bottom);
            const qreal left = r.columns.first();
            const qreal right = r.columns.last();
            // Frame and block positions are rounded apart by a fraction of a pixel.
            const qreal slack = 0.5;
            for (const qreal y : r.rows)
                if (y >= top - slack && y < bottom - slack)
                    painter.fillRect(QRectF(left, y, right - left, w), Qt::black);
            if (!slice.repeated)
                painter.fillRect(QRectF(left, bottom - w, right - left, w), Qt::black);
            for (qsizetype i = 0; i < r.columns.size(); ++i) {
                const qreal x = i == 0          ? left
                    : i + 1 == r.columns.size() ? right - w
                                                : r.columns[i] - w / 2;
                painter.fillRect(QRectF(x, top, w, bottom - top), Qt::black);
            }
        }
    }

private:
    struct Ruled
    {
        qreal top;
        qreal bottom;
        qreal headBottom; // the header rows' bottom: they are shaded
        qreal width; // of the rules
        QList<qreal> columns; // left edges of the columns, then the right edge of the table
        QList<qreal> rows; // top edges of the rows
    };
    struct Unit
    {
        qreal top;
        qreal bottom;
        bool keepWithNext = false;
        bool breakBefore = false;
        bool header = false;
        int table = -1; // index into m_heads: the header to repeat above a continued table
        QTextTable *rowOf = nullptr; // a table row: its cells' lines are where it can be cut
        int row = 0;
    };
    struct TableHead
    {
        qreal top;
        qreal bottom;
    };

    // The height of the table header repeated above a unit that begins a page: a table row's,
    // unless the header is so tall that it would crowd the page.
    qreal repeated(const Unit &u, qreal height) const
    {
        if (u.table < 0 || u.header)
            return 0;
        const qreal h = m_heads[u.table].bottom - m_heads[u.table].top;
        return h < height / 3 ? h : 0;
    }

    void add(Unit u)
    {
        if (m_breakNext) {
            u.breakBefore = true;
            m_breakNext = false;
        }
        m_units.append(u);
    }

    void collect(QTextFrame *frame)
    {
        for (auto it = frame->begin(); !it.atEnd(); ++it) {
            if (QTextFrame *child = it.currentFrame()) {
                const QTextFrameFormat f = child->frameFormat();
                if (f.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                    m_breakNext = true;
                if (auto *table = qobject_cast<QTextTable *>(child)) {
                    addTable(table);
                } else {
                    const QRectF r = m_layout->frameBoundingRect(child);
                    add({r.top(), r.bottom()});
                }
                if (f.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysAfter)
                    m_breakNext = true;
            } else {
                addBlock(it.currentBlock());
            }
        }
    }

    void addBlock(const QTextBlock &block)
    {
        const QTextBlockFormat f = block.blockFormat();
        if (f.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
            m_breakNext = true;
        const QTextLayout *layout = block.layout();
        // Empty blocks (the one after a table) are only space: no unit. A block is never cut
        // between its lines (QTextLayout::draw also draws the line just above its clip, so the
        // line before a cut would be printed on both pages), unless it is taller than a page.
        if (block.length() > 1 && layout && layout->lineCount() > 0) {
            const QRectF r = m_layout->blockBoundingRect(block);
            Unit u {r.top(), r.bottom()};
            u.keepWithNext = f.headingLevel() > 0 || f.boolProperty(KeepWithNextProperty);
            add(u);
        }
        if (f.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysAfter)
            m_breakNext = true;
    }

    // The top of a row's text, less the cell padding: just below the rule above the row. A
    // cut there leaves the rule with the row above, and no text on either side of it. The
    // report's own tables align their cells at the top: their first cell will do.
    qreal rowTop(QTextTable *table, int row, qreal padding, bool firstCellOnly = false) const
    {
        qreal top = qInf();
        for (int c = 0; c < table->columns(); ++c) {
            const QTextTableCell cell = table->cellAt(row, c);
            if (cell.row() != row)
                continue; // spanned from a row above
            top = std::min(top,
                           m_layout->blockBoundingRect(cell.firstCursorPosition().block()).top());
            if (firstCellOnly)
                break;
        }
        return top - padding;
    }

    // The bottom of a row's tallest cell text, plus the cell padding.
    qreal rowBottom(QTextTable *table, int row, qreal padding) const
    {
        qreal bottom = -qInf();
        for (int c = 0; c < table->columns(); ++c) {
            const QTextTableCell cell = table->cellAt(row, c);
            bottom = std::max(
                bottom, m_layout->blockBoundingRect(cell.lastCursorPosition().block()).bottom());
        }
        return bottom + padding;
    }

    void addTable(QTextTable *table)
    {
        const QTextTableFormat f = table->format();
        const QRectF r = m_layout->frameBoundingRect(table);
        const int rows = table->rows();
        const int headerRows = std::min(f.headerRowCount(), rows - 1);
        const bool ours = f.hasProperty(RuleWidthProperty) || f.hasProperty(KeepTogetherProperty);
        // The table's rectangle may begin at its first row's text, below the cell padding (and
        // the rule drawn there): the first row's own top goes first.
        QList<qreal> cuts {std::min(r.top(), rowTop(table, 0, f.cellPadding(), ours))};
        QList<int> cutRows {0};
        for (int row = 1; row < rows; ++row) {
            const qreal y = rowTop(table, row, f.cellPadding(), ours);
            // A row that starts nowhere (every cell spans from above) is not a place to cut.
            if (std::isfinite(y) && y > cuts.last()) {
                cuts.append(y);
                cutRows.append(row);
            }
        }
        cuts.append(std::max(r.bottom(), rowBottom(table, rows - 1, f.cellPadding())));
        int head = -1;
        qsizetype firstBody = 0;
        if (headerRows > 0 && cutRows.contains(headerRows)) {
            firstBody = cutRows.indexOf(headerRows);
            m_heads.append({cuts[0], cuts[firstBody]});
            head = int(m_heads.size() - 1);
            Unit u {cuts[0], cuts[firstBody]};
            u.header = true;
            u.keepWithNext = true;
            u.table = head;
            add(u);
        }
        if (f.hasProperty(RuleWidthProperty)) {
            // The rules go round the cells (the frame's rectangle has its margins too).
            Ruled ruled {rowTop(table, 0, f.cellPadding()),
                         rowBottom(table, rows - 1, f.cellPadding()),
                         0,
                         f.doubleProperty(RuleWidthProperty),
                         {},
                         cuts};
            ruled.rows.first() = ruled.top;
            ruled.rows.removeLast();
            ruled.headBottom = firstBody > 0 ? cuts[firstBody] : ruled.top;
            for (int c = 0; c < table->columns(); ++c) {
                const QTextBlock b = table->cellAt(0, c).firstCursorPosition().block();
                ruled.columns.append(m_layout->blockBoundingRect(b).left() - f.cellPadding());
            }
            ruled.columns.append(r.right());
            m_ruled.append(ruled);
        }
        const bool together = f.boolProperty(KeepTogetherProperty);
        // No page holds a single row of a table: the first body row stays with the second (it
        // never ends a page alone below the header), and the last with the one before it (it
        // never begins a page alone).
        const qsizetype bodyRows = cuts.size() - 1 - firstBody;
        for (qsizetype i = firstBody; i + 1 < cuts.size(); ++i) {
            Unit u {cuts[i], cuts[i + 1]};
            const qsizetype n = i - firstBody;
            u.keepWithNext = together ? i + 2 < cuts.size()
                                      : bodyRows >= 2 && (n == 0 || n == bodyRows - 2);
            u.table = head;
            u.rowOf = table;
            u.row = cutRows[i];
            add(u);
        }
    }

    // The lowest place at or above limit where a unit can be cut between two blocks (long cell
    // texts are written one block per line for this; see ReportWriter::cell), or failing that
    // between two lines; the unit's top if there is none.
    qreal cutWithin(const Unit &u, qreal limit) const
    {
        QList<QTextBlock> blocks;
        if (u.rowOf) {
            for (int c = 0; c < u.rowOf->columns(); ++c) {
                const QTextTableCell cell = u.rowOf->cellAt(u.row, c);
                for (QTextBlock b = cell.firstCursorPosition().block();
                     b.isValid() && b.position() <= cell.lastCursorPosition().position();
                     b = b.next())
                    blocks.append(b);
            }
        } else {
            for (QTextBlock b = m_layout->document()->begin(); b.isValid(); b = b.next()) {
                const QRectF r = m_layout->blockBoundingRect(b);
                if (r.bottom() > u.top && r.top() < u.bottom)
                    blocks.append(b);
            }
        }
        const auto lowest = [&](const QList<QPair<qreal, qreal>> &spans) {
            qreal best = u.top;
            for (const auto &[top, bottom] : spans)
                for (const qreal y : {top, bottom}) {
                    if (y <= best || y > limit)
                        continue;
                    const bool clear = std::none_of(spans.begin(), spans.end(), [y](const auto &s) {
                        return y > s.first && y < s.second;
                    });
                    if (clear)
                        best = y;
                }
            return best;
        };
        QList<QPair<qreal, qreal>> spans;
        for (const QTextBlock &b : blocks) {
            const QRectF r = m_layout->blockBoundingRect(b);
            spans.append({r.top(), r.bottom()});
        }
        qreal best = lowest(spans);
        if (best > u.top)
            return best;
        spans.clear();
        for (const QTextBlock &b : blocks) {
            const QTextLayout *layout = b.layout();
            const qreal origin
                = m_layout->blockBoundingRect(b).top() - layout->boundingRect().top();
            for (int i = 0; i < layout->lineCount(); ++i) {
                const QTextLine line = layout->lineAt(i);
                spans.append({origin + line.y(), origin + line.y() + line.height()});
            }
        }
        return lowest(spans);
    }

    QAbstractTextDocumentLayout *m_layout;
    QList<Unit> m_units;
    QList<Ruled> m_ruled;
    QList<TableHead> m_heads;
    bool m_breakNext = false;
};

// ---------------------------------------------------------------------------------------------

struct Paper
{
    qreal scale; // writer pixels per layout pixel
    qreal width; // the text width, in layout pixels
    qreal height; // the text height above the footer
    qreal footer; // the footer's height
};

Paper paperFor(const QPdfWriter &writer)
{
    const QRectF body = writer.pageLayout().paintRectPixels(writer.resolution());
    const qreal scale = qreal(writer.resolution()) / LayoutDpi;
    const qreal footer = LayoutDpi * 0.3; // 0.3 in for the footer line
    return {scale, body.width() / scale, body.height() / scale - footer, footer};
}

void setUpWriter(QPdfWriter &writer, const QString &title, const ExportOptions &options)
{
    const bool letter = options.pageSize.compare(QLatin1String("letter"), Qt::CaseInsensitive) == 0;
    writer.setPageSize(QPageSize(letter ? QPageSize::Letter : QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("peering-wizard"));
}

} // namespace

QString PdfExporter::formatId() const
{
    return m_kind == KeySheets ? QStringLiteral("keysheet-pdf") : QStringLiteral("pdf");
}

std::unique_ptr<Exporter> PdfExporter::create(const QString &formatId)
{
    if (formatId == QLatin1String("pdf"))
        return std::make_unique<PdfExporter>(ReviewSummary);
    if (formatId == QLatin1String("keysheet-pdf"))
        return std::make_unique<PdfExporter>(KeySheets);
    return Exporter::create(formatId);
}

void PdfExporter::printPages(QPainter &painter, QPdfWriter &writer, QTextDocument &doc,
                             const QString &footer, const PageLabel &label, bool &first)
{
    const Paper paper = paperFor(writer);
    Paginator paginator(doc);
    const QList<Page> pages = paginator.pages(paper.height);

    QFont footerFont = baseFont();
    footerFont.setPointSizeF(7.5);
    QAbstractTextDocumentLayout *layout = doc.documentLayout();
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette.setColor(QPalette::Text, Qt::black);
    // Room left and right of the text for the outer table rules.
    const qreal side = 4;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (!first)
            writer.newPage();
        first = false;
        for (const Slice &s : pages[i]) {
            painter.save();
            painter.scale(paper.scale, paper.scale);
            painter.translate(0, s.y - s.top);
            const QRectF clip(-side, s.top, paper.width + 2 * side, s.bottom - s.top);
            painter.setClipRect(clip);
            // The layout draws every line that touches its clip; a slice ends exactly where
            // the next one starts, so keep the lines on the edge out.
            ctx.clip = clip.adjusted(0, 0.25, 0, -0.25);
            paginator.drawShading(painter, s);
            layout->draw(&painter, ctx);
            paginator.drawRules(painter, s);
            painter.restore();
        }
        // The footer in the writer's own units: point sizes of fonts are resolved against the
        // device, so drawing it under the layout scale would enlarge it a second time.
        painter.save();
        painter.setFont(footerFont);
        painter.setPen(QPen(Qt::black, writer.resolution() / 150.0));
        const QRectF footerRect(0, (paper.height + paper.footer * 0.2) * paper.scale,
                                paper.width * paper.scale, paper.footer * 0.8 * paper.scale);
        painter.drawLine(QPointF(0, footerRect.top()),
                         QPointF(footerRect.right(), footerRect.top()));
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignBottom, footer);
        painter.drawText(footerRect, Qt::AlignRight | Qt::AlignBottom,
                         label(i, pages.size()));
        painter.restore();
    }
}

Result<QByteArray>
PdfExporter::print(QTextDocument &doc, QPdfWriter &writer, QBuffer &buffer, const QString &footer)
{
    QPainter painter;
    if (!painter.begin(&writer))
        return Result<QByteArray>::failure(tr("cannot start the PDF writer"));
    bool first = true;
    printPages(painter, writer, doc, footer, pageOf, first);
    painter.end();
    buffer.close();
    return buffer.data();
}

QString PdfExporter::pageOf(qsizetype page, qsizetype pages)
{
    return tr("Page %1 of %2").arg(QString::number(page + 1), QString::number(pages));
}

Result<QByteArray> PdfExporter::renderSheets(const QStringList &sheets,
                                             const QString &title,
                                             const QString &footer,
                                             const ExportOptions &options)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    setUpWriter(writer, title, options);
    QImage device = makeLayoutDevice();
    QPainter painter;
    if (!painter.begin(&writer))
        return Result<QByteArray>::failure(tr("cannot start the PDF writer"));
    const qreal width = paperFor(writer).width;
    bool first = true;
    // One document a sheet, laid out and printed in turn: the time grows with the number of
    // sheets, not with its square (a page of one long document is drawn by walking all of it),
    // and only one sheet is laid out at a time.
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        QTextDocument doc;
        prepare(doc, &device, width);
        doc.setHtml(sheets[i]);
        const QString sheet = tr("Sheet %1 of %2").arg(QString::number(i + 1),
                                                       QString::number(sheets.size()));
        printPages(painter, writer, doc, footer,
                   [&sheet](qsizetype page, qsizetype pages) {
                       return pages == 1 ? sheet
                                         : tr("%1, page %2 of %3")
                                               .arg(sheet, QString::number(page + 1),
                                                    QString::number(pages));
                   },
                   first);
    }
    painter.end();
    buffer.close();
    return buffer.data();
}

Result<QByteArray> PdfExporter::exportOnboarding(const Onboarding &onboarding,
                                                 const ExportOptions &options) const
{
    const QString date = options.effectiveNow().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    if (m_kind == KeySheets) {
        const auto sheets = KeySheetExporter::sheets(onboarding, options);
        if (sheets.isEmpty())
            return Result<QByteArray>::failure(
                tr("no registered customer ASNs: there is no key sheet to export"));
        // One page (or more) per customer: each sheet is handed to someone else.
        QStringList html;
        html.reserve(sheets.size());
        for (const auto &sheet : sheets)
            html.append(QStringLiteral("<html><body>") + KeySheetExporter::sheetHtml(sheet)
                        + QStringLiteral("</body></html>"));
        return renderSheets(html, tr("Customer key sheets"),
                            tr("Customer key sheet, %1").arg(date), options);
    }
    const ReviewReport report = ReviewReport::build(onboarding, options);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    setUpWriter(writer, report.title(), options);
    QImage device = makeLayoutDevice();
    QTextDocument doc;
    prepare(doc, &device, paperFor(writer).width);
    ReportWriter(doc, &device).write(report);
    return print(doc, writer, buffer, tr("%1 - exported %2").arg(onboarding.name, date));
}

} // namespace Peering
