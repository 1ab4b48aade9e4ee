// The review summary as structure: built once from an onboarding, rendered to Markdown and HTML
// here and to PDF (from the same blocks) in the GUI layer, so every format says the same thing.
#pragma once

#include "domain/onboarding.h"
#include "exportoptions.h"
#include "validation/finding.h"
#include "validation/validationcontext.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Peering {

struct ReportBlock
{
    enum Kind { Heading, Paragraph, Notice, Fields, Table };
    Kind kind = Paragraph;
    int level = 2; // headings: 1 title, 2 section, 3 subsection
    QString text; // heading, paragraph and notice text (plain, unescaped)
    QStringList headers; // tables; fields have none
    QList<QStringList> rows;
    QList<int> widths; // tables: column widths in percent for HTML, empty for automatic (the
                       // PDF measures its columns from their text)
    bool signatures = false; // tables: rows to sign by hand (tall, kept on one page)
};

class ReviewReport
{
    Q_DECLARE_TR_FUNCTIONS(Peering::ReviewReport)
public:
    // context: what the store knows beyond the document (the wizard passes its own, so that
    // its Review page and the summary list the same findings).
    static ReviewReport build(const Onboarding &onboarding, const ExportOptions &options,
                              const ValidationContext &context = {});
    // The same with the onboarding's findings already at hand (the wizard's, which it keeps
    // up to date), so they are not worked out a second time.
    static ReviewReport build(const Onboarding &onboarding, const ExportOptions &options,
                              const Findings &findings);

    const QString &title() const { return m_title; }
    bool passesValidation() const { return m_passes; }
    const QList<ReportBlock> &blocks() const { return m_blocks; }

    QString toMarkdown() const;
    // A whole HTML document; black on white, tables with rules, for screen and paper.
    QString toHtml() const;

    static QString escapeMarkdown(const QString &text);
    static QString escapeHtml(const QString &text);

private:
    void heading(int level, const QString &text);
    void paragraph(const QString &text);
    void notice(const QString &text);
    void fields(const QList<QStringList> &rows);
    // Rows of one table a summary shows; the rest are counted in a line after it.
    static constexpr qsizetype MaxTableRows = 1000;
    void table(const QStringList &headers,
               const QList<QStringList> &rows,
               const QList<int> &widths = {});
    void signOff();

    QString m_title;
    bool m_passes = true;
    QList<ReportBlock> m_blocks;
};

} // namespace Peering
