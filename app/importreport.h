// What one import from the window did, in the words of the command line's import: what was not
// imported and why, the MD5 keys the store did not keep, and the findings of every document it
// stored (validated as the wizard would, with the store's registered customer ASNs). The window
// shows it in one message box at the end of the import.
#pragma once

#include "domain/onboarding.h"
#include "validation/finding.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Peering {

class ImportReport
{
    Q_DECLARE_TR_FUNCTIONS(Peering::ImportReport)
public:
    explicit ImportReport(int files) : m_files(files) {}

    // A file that could not be read, and the reader's message.
    void addUnreadable(const QString &file, const QString &problem);
    // A document the store refused (a name already taken, ...), or an error that undid the whole
    // batch (file empty then).
    void addRefused(const QString &file, const QString &reason);
    // secretsKept: MD5 keys moved to the keychain; secretsLeftOut: keys kept nowhere, and why.
    void addStored(const Onboarding &document, const Findings &findings, int secretsKept,
                   int secretsLeftOut, const QString &secretsReason);

    int files() const { return m_files; }
    int stored() const { return int(m_stored.size()); }
    bool complete() const { return m_notImported.isEmpty(); }
    int secretsLeftOut() const { return m_secretsLeftOut; }

    // What was not imported, the MD5 keys left out, one line per stored document with its count
    // of findings (rich text).
    QString informativeText() const;
    // Every finding of every stored document; empty when there are none.
    QString detailedText() const;

private:
    struct Stored
    {
        QString name;
        Findings findings;
        Onboarding document; // names each finding's field in words
    };

    int m_files = 0;
    QStringList m_notImported;
    QList<Stored> m_stored;
    int m_secretsLeftOut = 0;
    int m_secretsKept = 0;
    QString m_secretsReason;
};

} // namespace Peering
