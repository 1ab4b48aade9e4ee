// Maildir folders watched for milestone mail (many users sync mail to Maildir with mbsync,
// offlineimap or fetchmail): each folder belongs to one onboarding, or to all of them (each mail
// then goes to the onboarding it names). New files in cur/ and new/ are imported as they arrive,
// shortly after the last change, through MailImport and the tracking service; a mail already in
// the log adds nothing, so a message moved from new/ to cur/ by a mail client is not counted
// twice. Mail that arrived while the program was closed is imported when watching starts.
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Peering {

class OnboardingStore;

class MailWatcher : public QObject
{
    Q_OBJECT
public:
    struct Folder
    {
        QString path;
        QString onboarding; // empty: all onboardings
        bool operator==(const Folder &) const = default;
    };
    // The setting: one "path<TAB>onboarding" line per folder.
    static constexpr const char *SettingsKey = "mail/watched";
    static QList<Folder> configured();
    static void setConfigured(const QList<Folder> &folders);

    explicit MailWatcher(QObject *parent = nullptr);

    void setStore(OnboardingStore *store);
    // Watches these folders (replacing the ones before) and imports what is in them.
    void setFolders(const QList<Folder> &folders);
    const QList<Folder> &folders() const { return m_folders; }
    // Imports the files not seen yet (the watcher calls it after the pause; tests call it).
    void scan();
    // The pause after the last change before a scan (a sync writes many files at once).
    void setDelay(int ms) { m_delay.setInterval(ms); }

Q_SIGNALS:
    // New mail was imported: one line for people, and the onboardings that changed.
    void imported(const QString &summary, const QStringList &onboardings);
    // A folder could not be read or its mail not saved.
    void problem(const QString &text);

private:
    OnboardingStore *m_store = nullptr;
    QList<Folder> m_folders;
    QFileSystemWatcher m_watcher;
    QTimer m_delay;
    QSet<QString> m_seen;
};

} // namespace Peering
