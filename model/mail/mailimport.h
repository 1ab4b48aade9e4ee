// Milestone e-mails as evidence: each message read is classified by the rules and its session
// addresses extracted; for an onboarding, the mails become one tracking change (its mail log and,
// for each classified mail, the stage's milestone with source "mail"), applied through the
// tracking service like every other change.
#pragma once

#include "mailextractor.h"
#include "mailmessage.h"
#include "mailreader.h"
#include "mailrules.h"

#include "domain/mailrecord.h"
#include "tracking/trackingchange.h"
#include "tracking/trackingservice.h"

#include <QJsonObject>

namespace Peering {

struct ImportedMail
{
    MailMessage message;
    QString stage; // empty: unclassified
    QString rule; // the rule's name
    QMap<QString, QStringList> extracted; // MailExtractor::keys()
};

// What one import did to an onboarding.
struct MailImportResult
{
    int read = 0; // messages read
    int added = 0; // new in the mail log
    int already = 0; // imported before
    int undated = 0; // kept unclassified for want of a valid date
    QStringList stages; // the stages the new mails are evidence of
    QList<MailRefusal> refused;
    // New mails in which session addresses were found, to offer for a connection.
    QList<ImportedMail> withAddresses;
    StoredOnboarding stored; // as saved (or as it was when nothing was new)
};

// The mails read from some paths and dropped messages, classified.
struct MailBatch
{
    QList<ImportedMail> mails;
    QList<MailRefusal> refused;
};

// Mail imported where each message names its onboarding (a folder watched for all of them).
struct MatchedImport
{
    QList<MailImportResult> results; // one per onboarding that got mail
    QList<ImportedMail> unmatched; // naming no onboarding, or more than one: left alone
    QList<MailRefusal> refused;
};

class MailImport
{
    Q_DECLARE_TR_FUNCTIONS(Peering::MailImport)
public:
    explicit MailImport(MailRules rules = MailRules::defaults()) : m_rules(std::move(rules)) {}

    ImportedMail classify(MailMessage message) const;

    // The record of the onboarding's mail log: a classified mail without a valid date is kept
    // unclassified (a milestone needs the time it was reached; the user assigns it by hand).
    static MailRecord record(const ImportedMail &mail);
    // The dry-run JSON of one message (the shape of `import-mail --format json`).
    static QJsonObject toJson(const ImportedMail &mail);
    // The same object as compact JSON text, written directly (a mailbox of 10,000 messages
    // prints without building Qt JSON objects for each).
    static QByteArray toJsonText(const ImportedMail &mail);
    // Attaches every record (TrackingChange::attachMail, one after another); mails already in
    // the log add nothing.
    static TrackingService::Change attach(const QList<MailRecord> &records);

    // Reads and classifies the paths and dropped messages; a path that cannot be read at all is
    // an error (its reason), refused messages are in the batch.
    Result<MailBatch> read(const QStringList &paths, const QList<QByteArray> &messages = {},
                           const std::function<void(const ImportedMail &)> &each = {}) const;
    // A batch made evidence of one stored onboarding: one change through the tracking service.
    static StoreResult<MailImportResult> applyTo(OnboardingStore &store, const QString &name,
                                                 int expectedVersion, const MailBatch &batch);
    // Each mail to the onboarding it names (matchOnboarding over the store's onboardings).
    StoreResult<MatchedImport> importMatching(OnboardingStore &store, const QStringList &paths,
                                              const QList<QByteArray> &messages = {}) const;

    // Reads the paths (and messages dropped as data) and makes them evidence of one stored
    // onboarding in one change through the tracking service, at the version the caller saw
    // (0: the stored one). A path that cannot be read at all is an error (nothing imported,
    // the reason in *pathError and an Invalid store error); refused messages are in the result.
    StoreResult<MailImportResult> importInto(OnboardingStore &store, const QString &name,
                                             int expectedVersion, const QStringList &paths,
                                             const QList<QByteArray> &messages = {},
                                             const std::function<void(const ImportedMail &)> &each
                                             = {}) const;

    // What an import did, in one line for people: new and imported before, the stages the new
    // mail is evidence for, undated mail kept unclassified, and the first refusal.
    static QString summary(const MailImportResult &result);

    // The addresses found in a mail as a connection's session fields: a /31 or /127 on one side
    // is the session prefix, its address that side's IP.
    static TrackingChange::SessionAddresses sessionAddresses(const QMap<QString, QStringList> &found);
    // The connection a mail is about: the one whose peering name, connection identifier or
    // facility the mail names (the first such); nothing when it names none.
    static std::optional<std::pair<int, int>> matchConnection(const Onboarding &o,
                                                              const QString &subject,
                                                              const QString &text);
    // The onboarding a mail is about, for a folder watched for all: the one whose peering names
    // or peer ASN the mail names; empty when none or more than one does (never guessed).
    static QString matchOnboarding(const QList<Onboarding> &onboardings, const QString &subject,
                                   const QString &text);

private:
    MailRules m_rules;
};

} // namespace Peering
