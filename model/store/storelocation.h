// Where the onboarding store lives: an SQLite file (the embedded default under the per-user data
// location) or a PostgreSQL database for teams. Parsed from --store or the settings; the display
// form never carries a password, so it is safe for logs and error messages.
#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace Peering {

class StoreLocation
{
    Q_DECLARE_TR_FUNCTIONS(Peering::StoreLocation)
public:
    enum class Backend { Sqlite, PostgreSql };

    // The settings key that holds the store URL chosen in the GUI's settings.
    static constexpr const char *SettingsKey = "store/url";
    static constexpr int DefaultPostgreSqlPort = 5432;

    StoreLocation() = default;

    // "sqlite:PATH", "sqlite://PATH", a plain file path, or
    // "postgresql://user@host:port/db?sslmode=require" (also "postgres://"). A password in the
    // URL is refused: it would show in process lists, shell history and logs (use PGPASSWORD,
    // ~/.pgpass or the keychain). An empty text means the default location.
    static Result<StoreLocation> parse(const QString &text);

    // The per-user SQLite file: QStandardPaths::AppDataLocation + "/onboardings.sqlite".
    static StoreLocation defaultLocation();
    static StoreLocation sqliteFile(const QString &path);
    // --store when given, else the URL saved in the settings (QSettings, SettingsKey), else the
    // default location.
    static Result<StoreLocation> resolve(const QString &commandLineValue);

    Backend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == Backend::Sqlite; }
    bool isPostgreSql() const { return m_backend == Backend::PostgreSql; }
    bool isDefault() const { return m_default; }

    // SQLite
    const QString &filePath() const { return m_path; }

    // PostgreSQL
    const QString &host() const { return m_host; }
    int port() const { return m_port; }
    const QString &userName() const { return m_user; }
    const QString &databaseName() const { return m_database; }
    // URL query items, passed to libpq as connection options (sslmode, connect_timeout, ...).
    const QList<QPair<QString, QString>> &options() const { return m_options; }

    // "sqlite:/home/me/.local/share/.../onboardings.sqlite" or
    // "postgresql://user@host:5432/db": never a password, never the options.
    QString displayString() const;

    // The libpq options a store URL may carry (?sslmode=require&connect_timeout=5); secrets are
    // refused, and so is a value with a space, a quote, a backslash or a control character (it
    // could add an option of its own).
    static const QStringList &knownOptions();
    static const QStringList &secretOptions();
    static bool optionValueIsPlain(const QString &key, const QString &value);

    bool operator==(const StoreLocation &) const = default;

private:
    Backend m_backend = Backend::Sqlite;
    bool m_default = false;
    QString m_path;
    QString m_host;
    int m_port = DefaultPostgreSqlPort;
    QString m_user;
    QString m_database;
    QList<QPair<QString, QString>> m_options;
};

} // namespace Peering
