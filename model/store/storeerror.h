// Why a store operation failed, in one clear line for people (message) and as data for the GUI:
// the kind, the database's own text, and for a conflict who changed the onboarding and when.
#pragma once

#include <QDateTime>
#include <QString>

namespace Peering {

class StoreError
{
public:
    enum class Kind {
        Missing, // no store at that place (file or folder missing, database missing)
        NotAStore, // not an SQLite database, or a database that is not ours
        Corrupt, // integrity_check failed or the file is damaged
        Locked, // another program holds a lock longer than the busy timeout
        ReadOnly, // the file, folder, database or session does not allow writing
        Full, // disk (or quota) full
        NewerSchema, // written by a newer version of the application
        Connection, // cannot connect to the server (PostgreSQL)
        Conflict, // someone else saved the onboarding since it was loaded
        NotFound, // no onboarding of that name (or it was removed)
        Duplicate, // an onboarding of that name already exists
        AsnTaken, // registered-asn.unique: the customer ASN is registered already
        Invalid, // the value cannot be stored as it is (e.g. no name)
        Database, // anything else the database reported
    };

    StoreError() = default;
    StoreError(Kind kind, QString message, QString databaseText = {})
        : m_kind(kind)
        , m_message(std::move(message))
        , m_databaseText(std::move(databaseText))
    { }

    Kind kind() const { return m_kind; }
    // The whole reason, in one line, translated; it includes the database text where there is one.
    const QString &message() const { return m_message; }
    const QString &databaseText() const { return m_databaseText; }

    // Kind::Conflict: the last change that the caller did not see.
    const QString &changedBy() const { return m_changedBy; }
    const QDateTime &changedAt() const { return m_changedAt; }
    int currentVersion() const { return m_currentVersion; }
    void setConflict(const QString &changedBy, const QDateTime &changedAt, int currentVersion)
    {
        m_changedBy = changedBy;
        m_changedAt = changedAt;
        m_currentVersion = currentVersion;
    }

    // Kind::AsnTaken (and other refusals about one field): the rule id, the field path in the
    // document, and the onboarding that holds the ASN.
    const QString &rule() const { return m_rule; }
    const QString &path() const { return m_path; }
    const QString &otherOnboarding() const { return m_otherOnboarding; }
    void setField(const QString &rule, const QString &path, const QString &otherOnboarding = {})
    {
        m_rule = rule;
        m_path = path;
        m_otherOnboarding = otherOnboarding;
    }

    // Refusals about the data (conflict, duplicate, taken ASN, invalid) as opposed to a store
    // that cannot be used: the command line exits 1 for these and 2 for the others.
    bool isRefusal() const
    {
        return m_kind == Kind::Conflict || m_kind == Kind::NotFound || m_kind == Kind::Duplicate
            || m_kind == Kind::AsnTaken || m_kind == Kind::Invalid;
    }

private:
    Kind m_kind = Kind::Database;
    QString m_message;
    QString m_databaseText;
    QString m_changedBy;
    QDateTime m_changedAt;
    int m_currentVersion = 0;
    QString m_rule;
    QString m_path;
    QString m_otherOnboarding;
};

} // namespace Peering
