// One row of the store's list: what `list` and the main window show, read from columns the store
// precomputes on every write (no joins over milestones at list time).
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Peering {

struct OnboardingSummary
{
    qint64 id = 0;
    QString name;
    QString peerAsn; // as written in the document
    QStringList metros;
    QString stage; // OnboardingProgress::currentStage()
    QString nextStage; // the stage of the next milestone; empty when there is none
    QDate nextExpected;
    int version = 0;
    QString updatedBy;
    QDateTime updatedAt;

    bool operator==(const OnboardingSummary &) const = default;
};

} // namespace Peering
