// A pass over JSON text (already known to be valid) for what QJsonDocument hides: a key that
// appears twice in one object (Qt keeps the last, so a duplicated "format" or "md5Key" would
// win silently), and a key that looks like an MD5 key outside bgp.md5Key (it would be stored and
// exported in clear, as an unknown key). Linear in the text.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Peering {

class JsonKeyScan
{
    Q_DECLARE_TR_FUNCTIONS(Peering::JsonKeyScan)
public:
    // The first such problem, as "PATH: what and how to fix it"; nullopt when there is none.
    static std::optional<QString> problem(const QByteArray &json);
};

} // namespace Peering
