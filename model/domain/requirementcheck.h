// The technical requirements of the walkthroughs as a checklist: each item is met, waived with a
// note, or still open. Stage "requirements" ends when no item is open.
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Peering {

class JsonReader;

struct RequirementInfo
{
    QString id;    // stable, e.g. "no-stateful-firewall"
    QString title; // translated: what the peer must do
    QString why;   // translated: why Microsoft asks for it
    QString rule;  // the validation rule that checks it in the document, if any
};

struct RequirementCheck
{
    Q_DECLARE_TR_FUNCTIONS(Peering::RequirementCheck)
public:
    QString id;
    QString status = QStringLiteral("open"); // open, met, waived
    QString note;                            // required when waived
    QJsonObject extra;

    // Every requirement of domain.md section 4's technical list, in checklist order.
    static const QList<RequirementInfo> &catalogue();
    static const QStringList &statuses();

    QJsonObject toJson() const;
    static RequirementCheck fromJson(const QJsonObject &o, JsonReader &r, const QString &path);
    bool operator==(const RequirementCheck &) const = default;
};

} // namespace Peering
