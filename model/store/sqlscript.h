// A migration file split into single statements (QSQLITE runs one per exec()), with its
// "-- peering: DIRECTIVE" lines. Statements end with ";" at the end of a line.
#pragma once

#include <QString>
#include <QStringList>

namespace Peering {

class SqlScript
{
public:
    static SqlScript parse(const QString &text);

    const QStringList &statements() const { return m_statements; }
    bool hasDirective(const QString &name) const { return m_directives.contains(name); }

private:
    QStringList m_statements;
    QStringList m_directives;
};

} // namespace Peering
