#include "importreport.h"

#include "commandline.h"

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

void ImportReport::addRefused(const QString &file, const QString &reason)
{
    m_notImported.append(file.isEmpty() ? reason
                                        : QFileInfo(file).fileName() + QStringLiteral(": ") + reason);
}

void ImportReport::addStored(const QString &name, const Findings &findings, int secretsLeftOut)
{
    m_stored.append(Stored{name, findings});
    m_secretsLeftOut += secretsLeftOut;
}

QString ImportReport::summary() const
{
    if (complete())
        return tr("%n document(s) imported", nullptr, stored());
    return tr("Imported: %1 of %2").arg(stored()).arg(m_files);
}

QString ImportReport::informativeText() const
{
    QStringList parts;
    if (!m_notImported.isEmpty())
        parts.append(tr("Not imported:") + QStringLiteral("\n") + m_notImported.join(u'\n'));
    if (m_secretsLeftOut > 0)
        parts.append(tr("MD5 keys not stored: %1. The store keeps no BGP keys unless they are "
                        "imported with peering-wizard import --include-secrets.")
                         .arg(m_secretsLeftOut));
    QStringList lines;
    for (const Stored &s : m_stored)
        lines.append(s.name + QStringLiteral(": ") + countsOf(s.findings));
    if (!lines.isEmpty())
        parts.append(lines.join(u'\n'));
    return parts.join(QStringLiteral("\n\n"));
}

QString ImportReport::detailedText() const
{
    QStringList blocks;
    for (const Stored &s : m_stored) {
        if (s.findings.isEmpty())
            continue;
        QStringList lines{s.name + QStringLiteral(": ") + countsOf(s.findings)};
        for (const Finding &f : s.findings)
            lines.append(QStringLiteral("  %1 [%2] %3: %4")
                             .arg(severityId(f.severity), f.rule, f.path, f.message));
        blocks.append(lines.join(u'\n'));
    }
    return blocks.join(QStringLiteral("\n\n"));
}

} // namespace Peering
