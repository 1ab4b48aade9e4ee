#include "importreport.h"

#include "commandline.h"
#include "validation/fieldlabel.h"

#include <QFileInfo>

namespace Peering {

namespace {

// The command line's words for a document's findings (and their plural forms), so that the
// window and `peering-wizard validate` count them alike.
QString countsOf(const Findings &findings)
{
    if (findings.isEmpty())
        return CommandLine::tr("no findings; ready for Review + create");
    QString text = CommandLine::tr("%n error(s)", nullptr, countSeverity(findings, Severity::Error))
                   + QStringLiteral(", ")
                   + CommandLine::tr("%n warning(s)", nullptr,
                                     countSeverity(findings, Severity::Warning));
    if (const int notes = countSeverity(findings, Severity::Info))
        text += QStringLiteral(", ") + CommandLine::tr("%n note(s)", nullptr, notes);
    return text;
}

} // namespace

void ImportReport::addUnreadable(const QString &file, const QString &problem)
{
    // The reader names the file as given, often a long path: the name is enough here.
    const QString prefix = file + QStringLiteral(": ");
    addRefused(file, problem.startsWith(prefix) ? problem.mid(prefix.size()) : problem);
}

void ImportReport::addRefused(const QString &file, const QString &reason)
{
    m_notImported.append(file.isEmpty() ? reason
                                        : QFileInfo(file).fileName() + QStringLiteral(": ") + reason);
}

void ImportReport::addStored(const Onboarding &document, const Findings &findings,
                             int secretsKept, int secretsLeftOut, const QString &secretsReason)
{
    m_stored.append(Stored{document.name, findings, document});
    m_secretsKept += secretsKept;
    m_secretsLeftOut += secretsLeftOut;
    if (!secretsReason.isEmpty())
        m_secretsReason = secretsReason;
}

QString ImportReport::informativeText() const
{
    // Rich text, for the line breaks where they belong.
    const auto lines = [](const QStringList &items) {
        QStringList escaped;
        for (const QString &item : items)
            escaped.append(item.toHtmlEscaped());
        return escaped.join(QStringLiteral("<br>"));
    };
    QStringList paragraphs;
    if (!m_notImported.isEmpty())
        paragraphs.append(tr("Not imported:").toHtmlEscaped() + QStringLiteral("<br>")
                          + lines(m_notImported));
    if (m_secretsKept > 0)
        paragraphs.append(tr("MD5 keys moved to the desktop keychain: %1 (the store holds none).")
                              .arg(m_secretsKept)
                              .toHtmlEscaped());
    if (m_secretsLeftOut > 0)
        // The command on a line of its own, so that it is never broken at its hyphens.
        paragraphs.append(tr("MD5 keys not kept: %1, because %2. Note them elsewhere, or keep "
                             "them in the store (in clear) by importing with:")
                              .arg(m_secretsLeftOut)
                              .arg(m_secretsReason)
                              .toHtmlEscaped()
                          + QStringLiteral("<br>peering-wizard import --include-secrets"));
    QStringList stored;
    for (const Stored &s : m_stored)
        stored.append(s.name + QStringLiteral(": ") + countsOf(s.findings));
    if (!stored.isEmpty())
        paragraphs.append(lines(stored));
    return QStringLiteral("<p>") + paragraphs.join(QStringLiteral("</p><p>"))
           + QStringLiteral("</p>");
}

QString ImportReport::detailedText() const
{
    QStringList blocks;
    for (const Stored &s : m_stored) {
        if (s.findings.isEmpty())
            continue;
        QStringList lines{s.name + QStringLiteral(": ") + countsOf(s.findings)};
        for (const Finding &f : s.findings)
            // The field in words, as the wizard names it; the rule id for searching.
            lines.append(QStringLiteral("  %1 [%2] %3: %4")
                             .arg(severityId(f.severity), f.rule,
                                  FieldLabel::describe(s.document, f.path), f.message));
        blocks.append(lines.join(u'\n'));
    }
    return blocks.join(QStringLiteral("\n\n"));
}

} // namespace Peering
