// One entry of a connection's state history: the ARM connection state and when it began, so the
// tracker knows how long a connection has been in its state and when it became Active.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Peering {

class JsonReader;

struct StateChange
{
    QString state; // an ARM connection state (Connection::states())
    QString since; // ISO date-time in UTC when this state began
    QString source = QStringLiteral("manual"); // manual, mail, import
    QJsonObject extra;

    QJsonObject toJson() const;
    static StateChange fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const StateChange &) const = default;
};

} // namespace Peering
