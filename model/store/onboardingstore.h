// The onboarding store: SQLite (embedded default) or PostgreSQL (teams) through Qt Sql, one
// interface for the GUI and the command line. Every write is one transaction; a save names the
// version it started from and is refused as a conflict when someone else saved in between; the
// whole store enforces registered-asn.unique. A store that cannot be trusted (damaged, newer,
// not ours) is refused at open and never written to.
#pragma once

#include "auditentry.h"
#include "importoutcome.h"
#include "onboardingsummary.h"
#include "storeddraft.h"
#include "storedonboarding.h"
#include "storelocation.h"
#include "storeoptions.h"
#include "storeresult.h"

#include "validation/validationcontext.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace Peering {

class SqlSession;

class OnboardingStore
{
    Q_DECLARE_TR_FUNCTIONS(Peering::OnboardingStore)
public:
    // The rule id under which the store refuses a customer ASN registered elsewhere.
    static constexpr const char *UniqueAsnRule = "registered-asn.unique";

    // Opens (and for the default location creates) the store, checks it, and upgrades its
    // schema. Each store object uses its own database connection: two objects on one location
    // behave like two users.
    static StoreResult<std::unique_ptr<OnboardingStore>> open(const StoreLocation &location,
                                                              const StoreOptions &options = {});
    ~OnboardingStore();
    OnboardingStore(const OnboardingStore &) = delete;
    OnboardingStore &operator=(const OnboardingStore &) = delete;

    const StoreLocation &location() const;
    const QString &userName() const { return m_user; }
    bool isReadOnly() const { return m_options.mode == StoreOptions::Mode::ReadOnly; }
    int schemaVersion() const { return m_schemaVersion; }
    static int latestSchemaVersion();
    // USER, LOGNAME or USERNAME from the environment: who is named in the audit trail.
    static QString osUserName();
    // The Qt Sql connection name (tests use it to reach the same connection).
    QString connectionName() const;
    // The store's own connection, for the other model tables of the same database (the
    // PeeringDB cache): one connection, the same transactions and error reporting.
    SqlSession &session() { return *m_session; }

    // Every onboarding with its list columns, sorted by name (case-insensitive).
    StoreResult<QList<OnboardingSummary>> list();
    // One onboarding's list row (after a save: the list changes one row); nullopt when the
    // store has no onboarding of that name.
    StoreResult<std::optional<OnboardingSummary>> summary(const QString &name);
    // The one query list() runs: a scan of the onboardings table, no joins (the benchmark runs
    // it through the sqlite3 shell as the floor).
    static QString listQuery();
    StoreResult<StoredOnboarding> load(const QString &name);

    // Stores a new onboarding at version 1; refused when the name or a registered customer ASN
    // is taken.
    StoreResult<StoredOnboarding> create(const Onboarding &onboarding);
    // Saves edited.onboarding over the stored onboarding edited.id, provided it is still at
    // edited.version; otherwise refused with Kind::Conflict naming who saved in between and
    // when. The result carries the new version. A rename is a save with a new name.
    StoreResult<StoredOnboarding> save(const StoredOnboarding &edited);
    StoreStatus remove(const QString &name, int expectedVersion);

    // Stores each document atomically (all of it or none of it), in one transaction with a
    // savepoint per document. A name already in the store is refused unless replace is set,
    // which saves over the stored version. A store error (full, locked, ...) undoes the whole
    // batch and is returned as the error.
    // A document with Onboarding::StoredVersionKey (exported from a store) replaces only the
    // version it was exported from: a stored version that moved since is refused as a conflict
    // (who changed it, when), unless force is set.
    StoreResult<QList<ImportOutcome>> importDocuments(const QList<Onboarding> &documents,
                                                      bool replace = false, bool force = false);

    // The customer ASNs other onboardings registered (registered-asn.unique).
    StoreResult<ValidationContext> validationContextFor(const QString &name);
    // Adds a customer ASN to an onboarding at expectedVersion; the store's unique constraint
    // refuses an ASN that anybody else registered, even at the same moment.
    StoreResult<StoredOnboarding> registerCustomerAsn(const QString &onboardingName,
                                                      const RegisteredAsn &asn,
                                                      int expectedVersion);

    // Drafts of the current user: saved on every change of an unfinished wizard.
    StoreResult<StoredDraft>
    saveDraft(const QString &id, const Onboarding &draft, int baseVersion = 0);
    StoreResult<QList<StoredDraft>> drafts();
    StoreStatus discardDraft(const QString &id);

    // Who changed what and when, oldest first.
    StoreResult<QList<AuditEntry>> auditTrail(const QString &name);

    // SQLite: PRAGMA integrity_check ("ok" or the first problems); PostgreSQL: the server
    // keeps its own checks, so a query that reads everything is enough.
    StoreStatus checkIntegrity();

private:
    OnboardingStore(std::unique_ptr<SqlSession> session, const StoreOptions &options);
    static StoreResult<std::unique_ptr<OnboardingStore>> openOnce(const StoreLocation &location,
                                                                  const StoreOptions &options);
    StoreStatus prepare();

    struct Stamp;
    Stamp stamp() const;
    QString documentText(const Onboarding &onboarding) const;
    StoreStatus refuseWhenReadOnly(const QString &doing) const;
    static StoreStatus checkName(const QString &name, const QString &doing);
    // After a commit: the saved onboarding's MD5 keys to the keychain (unless keepSecrets), and
    // its entry moved when it was renamed; after a read: its keys from there.
    Md5Keychain::Outcome keepKeys(Onboarding &onboarding, const QString &renamedFrom = {}) const;
    void keepKeys(StoredOnboarding &stored) const;
    void fillKeys(Onboarding &onboarding) const;
    StoreResult<StoredOnboarding> insertNew(const Onboarding &onboarding, const QString &doing);
    StoreResult<StoredOnboarding> update(qint64 id,
                                         int expectedVersion,
                                         const Onboarding &onboarding,
                                         bool replacing,
                                         const QString &doing);
    StoreStatus
    checkRegisteredAsns(const Onboarding &onboarding, qint64 ownId, const QString &doing);
    StoreStatus audit(qint64 id,
                      const QString &name,
                      const QList<AuditEntry> &entries,
                      const Stamp &stamp,
                      const QString &doing);
    StoreError completeAsnError(StoreError error, const Onboarding &onboarding);
    StoreError notFound(const QString &name, const QString &doing);

    std::unique_ptr<SqlSession> m_session;
    // A read-only open of an older store reads an upgraded private copy: the store it is a copy
    // of (what location() says), and the folder that holds the copy while it is open.
    std::unique_ptr<StoreLocation> m_copyOf;
    std::unique_ptr<QTemporaryDir> m_copyDir;
    StoreOptions m_options;
    QString m_user;
    int m_schemaVersion = 0;
};

} // namespace Peering
