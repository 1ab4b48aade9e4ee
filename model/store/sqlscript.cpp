#include "sqlscript.h"

namespace Peering {

SqlScript SqlScript::parse(const QString &text)
{
    SqlScript script;
    QString current;
    const QStringList lines = text.split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("--"))) {
            const QString comment = line.mid(2).trimmed();
            if (comment.startsWith(QLatin1String("peering:")))
                script.m_directives.append(comment.mid(8).trimmed());
            continue;
        }
        if (line.isEmpty())
            continue;
        if (!current.isEmpty())
            current += u'\n';
        current += raw;
        if (line.endsWith(u';')) {
            current = current.trimmed();
            current.chop(1);
            script.m_statements.append(current);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        script.m_statements.append(current.trimmed());
    return script;
}

} // namespace Peering
