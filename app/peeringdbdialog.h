// Settings > PeeringDB...: where the cache comes from (the real service or a mirror, the
// requests a minute it allows, the API key kept in the keychain), when it was last synced, and a
// sync with a progress bar and Cancel, from the network or from a folder of dump files. A sync
// goes into the cache in one transaction (PeeringDbCache::apply); failed or cancelled, the cache
// stays as it was.
#pragma once

#include "domain/result.h"
#include "peeringdb/peeringdboptions.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Peering {

class OnboardingStore;
class PeeringDbClient;
struct PeeringDbFetch;

class PeeringDbDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PeeringDbDialog(OnboardingStore &store, QWidget *parent = nullptr);
    ~PeeringDbDialog() override;

    // The options the fields make (the typed key, else the keychain's); the failure names the
    // field to fix.
    Result<PeeringDbOptions> options() const;
    // Keeps the base URL and the rate in the settings; false (with the reason shown) when the URL
    // is not one.
    bool save();
    bool isSyncing() const;
    // Starts a sync from the network; the answer comes as syncFinished().
    void startSync();
    void cancelSync();
    // Reads DIR/<object>-0.json and applies it (the folder button, and tests).
    bool syncFromFolder(const QString &folder);
    // The last line of the sync (tests read it).
    QString statusText() const;

    void accept() override;
    void reject() override;

Q_SIGNALS:
    // After every sync, ok when the cache changed.
    void syncFinished(bool ok);

private:
    void onClientFinished(bool ok);
    bool apply(const PeeringDbFetch &fetch);
    void showLastSync();
    void showKeyState();
    void setSyncing(bool syncing);
    void showProblem(const QString &text);
    void showFailure(const QString &reason);

    OnboardingStore &m_store;
    QLineEdit *m_baseUrl;
    QSpinBox *m_rate;
    QLineEdit *m_key;
    QLabel *m_keyState;
    QPushButton *m_saveKey;
    QPushButton *m_removeKey;
    QLabel *m_problem;
    QLabel *m_lastSync;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_sync;
    QPushButton *m_fromFolder;
    QPushButton *m_cancel;
    QString m_storedKey; // the keychain's, read once when the dialog opens
    QPointer<PeeringDbClient> m_client;
    bool m_cancelled = false;
};

} // namespace Peering
