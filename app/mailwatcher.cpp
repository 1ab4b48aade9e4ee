#include "mailwatcher.h"

#include "mail/mailimport.h"
#include "store/onboardingstore.h"
#include "tracking/onboardingtracker.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace Peering {

QList<MailWatcher::Folder> MailWatcher::configured()
{
    QList<Folder> out;
    const QStringList lines = QSettings().value(QLatin1String(SettingsKey)).toStringList();
    for (const QString &line : lines) {
        const qsizetype tab = line.indexOf(u'\t');
        Folder f {tab < 0 ? line : line.left(tab), tab < 0 ? QString() : line.mid(tab + 1)};
        if (!f.path.isEmpty())
            out.append(f);
    }
    return out;
}

void MailWatcher::setConfigured(const QList<Folder> &folders)
{
    QStringList lines;
    for (const Folder &f : folders)
        lines.append(f.onboarding.isEmpty() ? f.path : f.path + u'\t' + f.onboarding);
    if (lines.isEmpty())
        QSettings().remove(QLatin1String(SettingsKey));
    else
        QSettings().setValue(QLatin1String(SettingsKey), lines);
}

MailWatcher::MailWatcher(QObject *parent)
    : QObject(parent)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(1500);
    connect(&m_delay, &QTimer::timeout, this, &MailWatcher::scan);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_delay.start(); });
}

void MailWatcher::setStore(OnboardingStore *store)
{
    m_store = store;
    m_seen.clear();
    if (m_store && !m_folders.isEmpty())
        scan();
}

void MailWatcher::setFolders(const QList<Folder> &folders)
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_folders = folders;
    m_seen.clear();
    QStringList missing;
    for (const Folder &f : std::as_const(m_folders)) {
        bool any = false;
        for (const char *sub : {"new", "cur"}) {
            const QString dir = QDir(f.path).filePath(QLatin1String(sub));
            if (QFileInfo(dir).isDir()) {
                m_watcher.addPath(dir);
                any = true;
            }
        }
        if (!any)
            missing.append(f.path);
    }
    if (!missing.isEmpty())
        Q_EMIT problem(tr("Not watched, no Maildir there (no cur/ or new/ folder): %1")
                           .arg(missing.join(QStringLiteral(", "))));
    if (m_store)
        scan();
}

void MailWatcher::scan()
{
    if (!m_store || m_store->isReadOnly())
        return;
    const MailImport importer(MailRules::configured());
    int added = 0, unmatched = 0;
    QStringList names, stages;
    for (const Folder &f : std::as_const(m_folders)) {
        QString error;
        const std::optional<QStringList> files = MailReader::maildirFiles(f.path, &error);
        if (!files) {
            Q_EMIT problem(error);
            continue;
        }
        QStringList fresh;
        for (const QString &path : *files)
            if (!m_seen.contains(path))
                fresh.append(path);
        if (fresh.isEmpty())
            continue;
        QList<MailImportResult> results;
        if (f.onboarding.isEmpty()) {
            auto matched = importer.importMatching(*m_store, fresh);
            if (!matched) {
                Q_EMIT problem(tr("Mail in %1 was not imported: %2").arg(f.path, matched.error().message()));
                continue;
            }
            results = matched->results;
            unmatched += int(matched->unmatched.size());
        } else {
            auto one = importer.importInto(*m_store, f.onboarding, 0, fresh);
            if (!one) {
                Q_EMIT problem(tr("Mail in %1 was not imported into \"%2\": %3")
                                   .arg(f.path, f.onboarding, one.error().message()));
                continue;
            }
            results.append(one.value());
        }
        for (const QString &path : std::as_const(fresh))
            m_seen.insert(path);
        for (const MailImportResult &r : std::as_const(results)) {
            added += r.added;
            if (r.added > 0 && !names.contains(r.stored.onboarding.name))
                names.append(r.stored.onboarding.name);
            for (const QString &s : r.stages)
                if (!stages.contains(OnboardingTracker::title(s)))
                    stages.append(OnboardingTracker::title(s));
        }
    }
    if (added == 0 && unmatched == 0)
        return;
    QString summary = tr("%n new milestone mail(s) for %1", nullptr, added)
                          .arg(names.isEmpty() ? tr("no onboarding") : names.join(QStringLiteral(", ")));
    if (!stages.isEmpty())
        summary += tr(" (%1)").arg(stages.join(QStringLiteral(", ")));
    if (unmatched > 0)
        summary += tr("; %n mail(s) name no single onboarding and were left in the folder",
                      nullptr, unmatched);
    Q_EMIT imported(summary, names);
}

} // namespace Peering
