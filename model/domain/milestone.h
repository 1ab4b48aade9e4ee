// A milestone of the onboarding flow: the expected date of a stage and when it was reached.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Peering {

class JsonReader;

struct Milestone
{
    QString stage;    // a stage id of domain.md section 2
    QString expected; // ISO date
    QString reached;  // ISO date-time, empty while not reached
    QString source = QStringLiteral("manual"); // manual, mail, state
    QString note;
    QJsonObject extra;

    // The stage ids in flowchart order.
    static const QStringList &stages();
    static const QStringList &sources();

    QJsonObject toJson() const;
    static Milestone fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const Milestone &) const = default;
};

} // namespace Peering
