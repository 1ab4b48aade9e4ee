#include "peeringdbdialog.h"

#include "screenfit.h"

#include "peeringdb/peeringdbapikey.h"
#include "peeringdb/peeringdbcache.h"
#include "peeringdb/peeringdbclient.h"
#include "peeringdb/peeringdbdirectory.h"
#include "peeringdb/peeringdbsettings.h"
#include "peeringdb/peeringdbsync.h"
#include "store/onboardingstore.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Peering {

PeeringDbDialog::PeeringDbDialog(OnboardingStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_baseUrl(new QLineEdit(this))
    , m_rate(new QSpinBox(this))
    , m_key(new QLineEdit(this))
    , m_keyState(new QLabel(this))
    , m_saveKey(new QPushButton(tr("Keep in &Keychain"), this))
    , m_removeKey(new QPushButton(tr("Re&move from Keychain"), this))
    , m_problem(new QLabel(this))
    , m_lastSync(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_sync(new QPushButton(tr("&Sync Now"), this))
    , m_fromFolder(new QPushButton(tr("From a &Folder..."), this))
    , m_cancel(new QPushButton(tr("&Cancel Sync"), this))
{
    setObjectName(QStringLiteral("peeringDbDialog"));
    setWindowTitle(tr("PeeringDB"));

    auto *intro = new QLabel(
        tr("The wizard picks metros and facilities from a copy of PeeringDB kept in the store: "
           "Microsoft's facilities (net 694), every exchange and facility, and the networks of "
           "your onboardings' ASNs. A sync takes a few requests; without a key PeeringDB allows "
           "20 a minute."),
        this);
    intro->setWordWrap(true);

    auto *service = new QGroupBox(tr("Service"), this);
    auto *form = new QFormLayout(service);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const PeeringDbOptions current = PeeringDbSettings::load();
    m_baseUrl->setObjectName(QStringLiteral("peeringDbUrlEdit"));
    m_baseUrl->setPlaceholderText(QLatin1String(PeeringDbOptions::DefaultBaseUrl));
    if (current.baseUrl.toString() != QLatin1String(PeeringDbOptions::DefaultBaseUrl))
        m_baseUrl->setText(current.baseUrl.toString());
    m_baseUrl->setAccessibleDescription(tr("Empty for the real service; a mirror's API URL "
                                           "otherwise."));
    form->addRow(tr("&Base URL:"), m_baseUrl);
    m_rate->setObjectName(QStringLiteral("peeringDbRateSpin"));
    m_rate->setRange(0, PeeringDbSettings::MaxRequestsPerMinute);
    m_rate->setSpecialValueText(tr("PeeringDB's limit (20, or 40 with a key)"));
    m_rate->setSuffix(tr(" a minute"));
    m_rate->setValue(current.requestsPerMinute);
    m_rate->setAccessibleDescription(tr("Raise it only for a mirror that allows more."));
    form->addRow(tr("&Requests:"), m_rate);
    m_key->setObjectName(QStringLiteral("peeringDbKeyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setAccessibleDescription(tr("Sent only in the Authorization header; kept in the "
                                       "desktop keychain, never in the store or the settings."));
    form->addRow(tr("API &key:"), m_key);
    auto *keyButtons = new QHBoxLayout;
    m_saveKey->setObjectName(QStringLiteral("saveKeyButton"));
    m_removeKey->setObjectName(QStringLiteral("removeKeyButton"));
    keyButtons->addWidget(m_saveKey);
    keyButtons->addWidget(m_removeKey);
    keyButtons->addStretch(1);
    form->addRow(QString(), keyButtons);
    m_keyState->setObjectName(QStringLiteral("keyStateLabel"));
    m_keyState->setWordWrap(true);
    form->addRow(QString(), m_keyState);

    m_problem->setObjectName(QStringLiteral("peeringDbProblem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);

    auto *cache = new QGroupBox(tr("Cache"), this);
    auto *cl = new QVBoxLayout(cache);
    m_lastSync->setObjectName(QStringLiteral("lastSyncLabel"));
    m_lastSync->setWordWrap(true);
    m_lastSync->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cl->addWidget(m_lastSync);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setVisible(false);
    cl->addWidget(m_progress);
    m_status->setObjectName(QStringLiteral("syncStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cl->addWidget(m_status);
    auto *syncButtons = new QHBoxLayout;
    m_sync->setObjectName(QStringLiteral("syncButton"));
    m_fromFolder->setObjectName(QStringLiteral("syncFromFolderButton"));
    m_fromFolder->setToolTip(tr("For a desk without network: PeeringDB's dump files, "
                                "<object>-0.json, in one folder."));
    m_cancel->setObjectName(QStringLiteral("cancelSyncButton"));
    m_cancel->setEnabled(false);
    syncButtons->addWidget(m_sync);
    syncButtons->addWidget(m_fromFolder);
    syncButtons->addWidget(m_cancel);
    syncButtons->addStretch(1);
    cl->addLayout(syncButtons);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(service);
    layout->addWidget(m_problem);
    layout->addWidget(cache);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_sync, &QPushButton::clicked, this, &PeeringDbDialog::startSync);
    connect(m_cancel, &QPushButton::clicked, this, &PeeringDbDialog::cancelSync);
    connect(m_fromFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Folder of PeeringDB Dump Files"));
        if (!folder.isEmpty())
            syncFromFolder(folder);
    });
    connect(m_saveKey, &QPushButton::clicked, this, [this] {
        const QString key = m_key->text().trimmed();
        if (key.isEmpty()) {
            m_keyState->setText(tr("Type the key first (PeeringDB > Your profile > API Keys)."));
            return;
        }
        const Status kept = PeeringDbApiKey::write(key);
        if (!kept) {
            m_keyState->setText(tr("The key could not be kept in the keychain: %1. It is used "
                                   "for this sync only.")
                                    .arg(kept.error()));
            return;
        }
        m_storedKey = key;
        m_key->clear();
        showKeyState();
    });
    connect(m_removeKey, &QPushButton::clicked, this, [this] {
        const Status removed = PeeringDbApiKey::remove();
        if (!removed && !m_storedKey.isEmpty()) {
            m_keyState->setText(tr("The key could not be removed from the keychain: %1")
                                    .arg(removed.error()));
            return;
        }
        m_storedKey.clear();
        m_key->clear();
        showKeyState();
    });

    const Result<QString> stored = PeeringDbApiKey::read(1500);
    if (stored)
        m_storedKey = stored.value().trimmed();
    showKeyState();
    showLastSync();
    ScreenFit::resize(this, QSize(640, 520));
}

PeeringDbDialog::~PeeringDbDialog()
{
    if (m_client)
        m_client->disconnect(this);
}

void PeeringDbDialog::showKeyState()
{
    m_keyState->setText(m_storedKey.isEmpty()
                            ? tr("No key in the keychain: requests are anonymous.")
                            : tr("A key is in the keychain; requests carry it."));
    m_removeKey->setEnabled(!m_storedKey.isEmpty());
}

void PeeringDbDialog::showFailure(const QString &reason)
{
    m_status->setText(tr("The sync failed: %1. The cache was left as it was.").arg(reason));
}

void PeeringDbDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void PeeringDbDialog::showLastSync()
{
    PeeringDbCache cache(m_store);
    const StoreResult<QList<PeeringDbCache::ObjectState>> state = cache.state();
    const StoreResult<QDateTime> last = cache.lastSync();
    if (!state || !last) {
        m_lastSync->setText(tr("The cache cannot be read: %1")
                                .arg(!state ? state.error().message() : last.error().message()));
        return;
    }
    if (state->isEmpty() || !last->isValid()) {
        m_lastSync->setText(tr("Never synced: the wizard's metro and facility fields are typed "
                               "by hand until the first sync."));
        return;
    }
    qint64 rows = 0;
    QString source;
    for (const PeeringDbCache::ObjectState &o : *state) {
        rows += o.rows;
        source = o.source;
    }
    const QLocale locale;
    m_lastSync->setText(tr("Last synced %1 from %2: %3 rows of %n object(s).", nullptr,
                           int(state->size()))
                            .arg(locale.toString(last->toLocalTime(), QLocale::LongFormat),
                                 source, locale.toString(rows)));
}

Result<PeeringDbOptions> PeeringDbDialog::options() const
{
    PeeringDbOptions options = PeeringDbSettings::load();
    const Result<QUrl> base = PeeringDbSettings::parseBaseUrl(m_baseUrl->text().trimmed());
    if (!base)
        return Result<PeeringDbOptions>::failure(tr("Base URL: %1").arg(base.error()));
    options.baseUrl = base->isEmpty() ? QUrl(QLatin1String(PeeringDbOptions::DefaultBaseUrl))
                                      : *base;
    options.requestsPerMinute = m_rate->value();
    options.apiKey = m_key->text().trimmed().isEmpty() ? m_storedKey : m_key->text().trimmed();
    return options;
}

bool PeeringDbDialog::save()
{
    const Status url = PeeringDbSettings::setBaseUrl(m_baseUrl->text());
    if (!url) {
        showProblem(tr("Base URL: %1").arg(url.error()));
        m_baseUrl->setFocus();
        return false;
    }
    const Status rate = PeeringDbSettings::setRequestsPerMinute(m_rate->value());
    if (!rate) {
        showProblem(tr("Requests: %1").arg(rate.error()));
        return false;
    }
    showProblem({});
    return true;
}

bool PeeringDbDialog::isSyncing() const
{
    return m_client && m_client->isRunning();
}

void PeeringDbDialog::setSyncing(bool syncing)
{
    m_sync->setEnabled(!syncing);
    m_fromFolder->setEnabled(!syncing);
    m_cancel->setEnabled(syncing);
    m_progress->setVisible(syncing);
    if (syncing)
        m_cancel->setFocus();
    else if (m_cancel->hasFocus() || !focusWidget())
        m_sync->setFocus();
}

void PeeringDbDialog::startSync()
{
    if (isSyncing())
        return;
    const Result<PeeringDbOptions> opts = options();
    if (!opts) {
        showProblem(opts.error());
        m_baseUrl->setFocus();
        return;
    }
    showProblem({});
    m_cancelled = false;
    PeeringDbCache cache(m_store);
    const StoreResult<QList<PeeringDbCache::ObjectState>> state = cache.state();
    if (!state) {
        m_status->setText(tr("The cache cannot be read: %1").arg(state.error().message()));
        return;
    }
    const QList<PeeringDbRequestPlan> plan
        = PeeringDbSync::plan(*state, cache.storePeerAsns().valueOr({}));
    delete m_client;
    m_client = new PeeringDbClient(*opts, this);
    connect(m_client, &PeeringDbClient::progress, this,
            [this](const QString &object, qsizetype rows, int index, int count) {
                m_progress->setRange(0, count);
                m_progress->setValue(index);
                m_progress->setFormat(tr("%1 of %2").arg(index + 1).arg(count));
                m_status->setText(
                    tr("Fetching %1: %n row(s) so far...", nullptr, int(rows)).arg(object));
            });
    connect(m_client, &PeeringDbClient::waiting, this, [this](int seconds) {
        m_status->setText(tr("Waiting %n second(s) for PeeringDB's rate limit...", nullptr,
                             seconds));
    });
    connect(m_client, &PeeringDbClient::finished, this, &PeeringDbDialog::onClientFinished);
    m_progress->setRange(0, int(plan.size()));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%1 of %2").arg(1).arg(plan.size()));
    m_status->setText(tr("Asking %1...").arg(opts->baseUrl.toString(QUrl::RemoveUserInfo)));
    setSyncing(true);
    m_client->start(plan);
}

void PeeringDbDialog::cancelSync()
{
    if (!isSyncing())
        return;
    m_cancelled = true;
    m_client->cancel();
}

void PeeringDbDialog::onClientFinished(bool ok)
{
    PeeringDbClient *client = m_client;
    if (!client)
        return;
    if (!ok) {
        setSyncing(false);
        if (m_cancelled)
            m_status->setText(tr("The sync was cancelled; the cache was left as it was."));
        else
            showFailure(client->errorString());
        client->deleteLater();
        Q_EMIT syncFinished(false);
        return;
    }
    m_progress->setValue(m_progress->maximum());
    m_status->setText(tr("Writing the cache..."));
    m_status->repaint();
    const PeeringDbFetch fetch = client->takeFetch();
    client->deleteLater();
    const bool applied = apply(fetch);
    setSyncing(false);
    Q_EMIT syncFinished(applied);
}

bool PeeringDbDialog::syncFromFolder(const QString &folder)
{
    if (isSyncing())
        return false;
    m_status->setText(tr("Reading %1...").arg(folder));
    m_status->repaint();
    const Result<PeeringDbFetch> fetch = PeeringDbDirectory::read(folder);
    if (!fetch) {
        showFailure(fetch.error());
        Q_EMIT syncFinished(false);
        return false;
    }
    const bool applied = apply(*fetch);
    Q_EMIT syncFinished(applied);
    return applied;
}

bool PeeringDbDialog::apply(const PeeringDbFetch &fetch)
{
    const StoreStatus applied = PeeringDbCache(m_store).apply(fetch, m_store.userName());
    if (!applied) {
        showFailure(applied.error().message());
        return false;
    }
    int requests = 0;
    for (const PeeringDbObjectFetch &o : fetch.objects)
        requests += o.requests;
    m_status->setText(tr("Synced: %1 rows changed, %2 deleted (%n request(s)).", nullptr, requests)
                          .arg(QLocale().toString(qint64(fetch.rowCount())),
                               QLocale().toString(qint64(fetch.deletedCount()))));
    showLastSync();
    return true;
}

QString PeeringDbDialog::statusText() const
{
    return m_status->text();
}

void PeeringDbDialog::accept()
{
    if (!save())
        return;
    cancelSync();
    QDialog::accept();
}

void PeeringDbDialog::reject()
{
    cancelSync();
    QDialog::reject();
}

} // namespace Peering
