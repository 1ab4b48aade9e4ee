#include "md5keychain.h"

#include "keychainjob.h"
#include "storepasswords.h"

#include <qt6keychain/keychain.h>

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>

#include <optional>

namespace Peering {

namespace {

constexpr int TimeoutMs = StorePasswords::DefaultTimeoutMs;

struct Cache
{
    QMutex mutex;
    QHash<QString, QJsonObject> entries; // as the keychain holds them; absent: not read yet
    std::optional<bool> available;
    QString unavailableReason;
    // After a keychain that did not answer: not asked again before this (a locked or absent
    // keychain must not cost a timeout on every autosave).
    QDeadlineTimer quietUntil;
    QString quietReason;
};

Cache &cache()
{
    static Cache c;
    return c;
}

QString unavailable(const QString &error)
{
    return Md5Keychain::tr("the desktop keychain is not available (%1)").arg(error);
}

// The entry as the keychain holds it (empty when it has none); nullopt when the keychain does not
// answer, with the reason.
std::optional<QJsonObject> readEntry(const QString &entry, QString *reason)
{
    Cache &c = cache();
    {
        QMutexLocker lock(&c.mutex);
        if (const auto it = c.entries.constFind(entry); it != c.entries.cend())
            return *it;
        if (!c.quietUntil.hasExpired()) {
            *reason = c.quietReason;
            return std::nullopt;
        }
    }
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(StorePasswords::Service));
    job->setKey(entry);
    QString error;
    QJsonObject value;
    if (runKeychainJob(job, TimeoutMs, &error)) {
        value = QJsonDocument::fromJson(job->textData().toUtf8()).object();
        delete job;
    } else {
        const bool missing = !job->autoDelete() && job->error() == QKeychain::EntryNotFound;
        if (!job->autoDelete())
            delete job;
        if (!missing) {
            *reason = unavailable(error);
            QMutexLocker lock(&c.mutex);
            c.quietUntil = QDeadlineTimer(60 * 1000);
            c.quietReason = *reason;
            return std::nullopt;
        }
    }
    QMutexLocker lock(&c.mutex);
    c.entries.insert(entry, value);
    return value;
}

bool writeEntry(const QString &entry, const QJsonObject &value, QString *reason)
{
    QString error;
    QKeychain::Job *job = nullptr;
    if (value.isEmpty()) {
        auto *remove = new QKeychain::DeletePasswordJob(QLatin1String(StorePasswords::Service));
        remove->setKey(entry);
        job = remove;
    } else {
        auto *write = new QKeychain::WritePasswordJob(QLatin1String(StorePasswords::Service));
        write->setKey(entry);
        write->setTextData(QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
        job = write;
    }
    bool ok = runKeychainJob(job, TimeoutMs, &error);
    if (!ok && value.isEmpty() && !job->autoDelete() && job->error() == QKeychain::EntryNotFound)
        ok = true; // nothing to remove
    if (!job->autoDelete())
        delete job;
    Cache &c = cache();
    QMutexLocker lock(&c.mutex);
    if (!ok) {
        c.entries.remove(entry); // not known any more: read again next time
        *reason = unavailable(error);
        return false;
    }
    c.entries.insert(entry, value);
    return true;
}

void drop(Onboarding &o, Md5Keychain::Outcome &out, const QString &reason)
{
    for (PeeringResource &p : o.peerings)
        for (Connection &c : p.connections) {
            if (c.bgp.md5Key.isEmpty())
                continue;
            c.bgp.md5Key.clear();
            c.bgp.md5InKeychain = false;
            ++out.dropped;
        }
    out.reason = reason;
}

} // namespace

QString Md5Keychain::entryName(const QString &onboardingName)
{
    return QStringLiteral("md5-keys/") + onboardingName;
}

QString Md5Keychain::connectionKey(const PeeringResource &peering, qsizetype index)
{
    const Connection &c = peering.connections.at(index);
    return c.id.isEmpty() ? QStringLiteral("%1#%2").arg(peering.name).arg(index + 1) : c.id;
}

Md5Keychain::Outcome Md5Keychain::keep(Onboarding &o)
{
    Outcome out;
    const int keys = o.md5KeyCount();
    bool cleared = false;
    for (const PeeringResource &p : std::as_const(o.peerings))
        for (const Connection &c : p.connections)
            cleared = cleared || (c.bgp.md5Key.isEmpty() && c.bgp.md5InKeychain);
    if (keys == 0 && !cleared)
        return out; // nothing to keep or remove: no keychain call
    if (o.name.trimmed().isEmpty()) {
        if (keys > 0)
            drop(o, out, tr("the onboarding has no name yet, and its keys are kept under it"));
        return out;
    }
    const QString entry = entryName(o.name);
    QString reason;
    const std::optional<QJsonObject> current = readEntry(entry, &reason);
    if (!current) {
        if (keys > 0)
            drop(o, out, reason);
        return out;
    }
    // A session without a key says nothing of the keychain (a document exported without its
    // keys, or read without them), unless its key came from there and was cleared since.
    QJsonObject next = *current;
    for (const PeeringResource &p : std::as_const(o.peerings))
        for (qsizetype i = 0; i < p.connections.size(); ++i) {
            const BgpSession &b = p.connections[i].bgp;
            if (!b.md5Key.isEmpty())
                next.insert(connectionKey(p, i), b.md5Key);
            else if (b.md5InKeychain)
                next.remove(connectionKey(p, i));
        }
    if (next != *current && !writeEntry(entry, next, &reason)) {
        drop(o, out, reason);
        return out;
    }
    for (PeeringResource &p : o.peerings)
        for (Connection &c : p.connections)
            c.bgp.md5InKeychain = !c.bgp.md5Key.isEmpty();
    out.kept = keys;
    return out;
}

int Md5Keychain::fill(Onboarding &o)
{
    if (o.name.trimmed().isEmpty())
        return 0;
    QString reason;
    const std::optional<QJsonObject> entry = readEntry(entryName(o.name), &reason);
    if (!entry || entry->isEmpty())
        return 0;
    int filled = 0;
    for (PeeringResource &p : o.peerings)
        for (qsizetype i = 0; i < p.connections.size(); ++i) {
            BgpSession &b = p.connections[i].bgp;
            const QString kept = entry->value(connectionKey(p, i)).toString();
            if (kept.isEmpty())
                continue;
            if (b.md5Key.isEmpty()) {
                b.md5Key = kept;
                ++filled;
            }
            b.md5InKeychain = b.md5Key == kept;
        }
    return filled;
}

void Md5Keychain::rename(const QString &from, const QString &to)
{
    if (from == to)
        return;
    QString reason;
    const std::optional<QJsonObject> old = readEntry(entryName(from), &reason);
    if (!old || old->isEmpty())
        return;
    const std::optional<QJsonObject> target = readEntry(entryName(to), &reason);
    if (!target)
        return;
    QJsonObject merged = *target;
    for (auto it = old->begin(); it != old->end(); ++it)
        merged.insert(it.key(), it.value());
    if (writeEntry(entryName(to), merged, &reason))
        writeEntry(entryName(from), {}, &reason);
}

void Md5Keychain::forget(const QString &onboardingName)
{
    QString reason;
    const std::optional<QJsonObject> current = readEntry(entryName(onboardingName), &reason);
    if (current && !current->isEmpty())
        writeEntry(entryName(onboardingName), {}, &reason);
}

bool Md5Keychain::available(QString *reason)
{
    Cache &c = cache();
    {
        QMutexLocker lock(&c.mutex);
        if (c.available) {
            if (reason)
                *reason = c.unavailableReason;
            return *c.available;
        }
    }
    QString why;
    const bool ok = readEntry(QStringLiteral("md5-keys-availability"), &why).has_value();
    QMutexLocker lock(&c.mutex);
    c.available = ok;
    c.unavailableReason = why;
    if (reason)
        *reason = why;
    return ok;
}

void Md5Keychain::clearCache()
{
    Cache &c = cache();
    QMutexLocker lock(&c.mutex);
    c.entries.clear();
    c.available.reset();
    c.quietUntil = QDeadlineTimer();
    c.quietReason.clear();
    c.unavailableReason.clear();
}

} // namespace Peering
