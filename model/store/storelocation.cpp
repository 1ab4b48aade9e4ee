#include "storelocation.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace Peering {

const QStringList &StoreLocation::knownOptions()
{
    static const QStringList keys {QStringLiteral("application_name"), QStringLiteral("channel_binding"),
                                   QStringLiteral("connect_timeout"), QStringLiteral("gssencmode"),
                                   QStringLiteral("keepalives"), QStringLiteral("keepalives_count"),
                                   QStringLiteral("keepalives_idle"), QStringLiteral("keepalives_interval"),
                                   QStringLiteral("sslcert"), QStringLiteral("sslcrl"), QStringLiteral("sslkey"),
                                   QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
                                   QStringLiteral("target_session_attrs")};
    return keys;
}

const QStringList &StoreLocation::secretOptions()
{
    static const QStringList keys {QStringLiteral("password"), QStringLiteral("sslpassword"),
                                   QStringLiteral("passfile")};
    return keys;
}

bool StoreLocation::optionValueIsPlain(const QString &key, const QString &value)
{
    if (value.isEmpty())
        return false;
    const bool number = key == QLatin1String("connect_timeout") || key.startsWith(QLatin1String("keepalives"));
    for (const QChar c : value) {
        if (number ? !c.isDigit() : (c.isSpace() || c == u'\'' || c == u'"' || c == u'\\'
                                     || c.category() == QChar::Other_Control))
            return false;
    }
    return true;
}

Result<StoreLocation> StoreLocation::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return defaultLocation();

    if (t.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || t.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive)) {
        const QUrl url(t, QUrl::StrictMode);
        if (!url.isValid())
            return Result<StoreLocation>::failure(
                tr("the store URL is not valid (%1); expected postgresql://user@host:port/database")
                    .arg(url.errorString().isEmpty() ? tr("cannot be parsed") : url.errorString()));
        if (!url.password().isEmpty())
            // Say so without repeating the URL: it holds the password.
            return Result<StoreLocation>::failure(
                tr("the store URL contains a password; remove it from the URL and set PGPASSWORD, "
                   "~/.pgpass or the keychain instead (a password in a URL ends up in process "
                   "lists, shell history and logs)"));
        StoreLocation l;
        l.m_backend = Backend::PostgreSql;
        l.m_host = url.host();
        l.m_user = url.userName();
        l.m_port = url.port(DefaultPostgreSqlPort);
        QString path = url.path();
        while (path.startsWith(u'/'))
            path.remove(0, 1);
        l.m_database = path;
        if (l.m_host.isEmpty())
            return Result<StoreLocation>::failure(
                tr("the store URL names no host; expected postgresql://user@host:port/database"));
        if (l.m_database.isEmpty() || l.m_database.contains(u'/'))
            return Result<StoreLocation>::failure(tr(
                "the store URL names no database; expected postgresql://user@host:port/database"));
        // The options go to libpq as "key=value" words: only keys we know, and values that
        // cannot smuggle in another word ("5 password=x") or a secret. An error names the option,
        // never its value.
        const QUrlQuery query(url);
        for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
            const QString key = item.first;
            if (secretOptions().contains(key, Qt::CaseInsensitive))
                return Result<StoreLocation>::failure(
                    tr("the store URL contains a secret (%1); remove it from the URL and set "
                       "PGPASSWORD, ~/.pgpass or the keychain instead")
                        .arg(key));
            if (!knownOptions().contains(key)) {
                // Its name only when it is a plain word: "?hunter2" must not echo.
                static const QRegularExpression word(QStringLiteral("^[a-z_]{1,32}$"));
                return Result<StoreLocation>::failure(
                    (word.match(key).hasMatch()
                         ? tr("the store URL has an option \"%1\" that is not one of %2").arg(key)
                         : tr("the store URL has an option that is not one of %1"))
                        .arg(knownOptions().join(QStringLiteral(", "))));
            }
            if (!optionValueIsPlain(key, item.second))
                return Result<StoreLocation>::failure(
                    tr("the store URL's option %1 has a value that is not allowed (%2)")
                        .arg(key, key == QLatin1String("connect_timeout")
                                      ? tr("a whole number of seconds")
                                      : tr("no spaces, quotes, backslashes or control characters")));
            l.m_options.append(item);
        }
        return l;
    }

    QString path = t;
    if (path.startsWith(QLatin1String("sqlite://"), Qt::CaseInsensitive))
        path = path.mid(9);
    else if (path.startsWith(QLatin1String("sqlite:"), Qt::CaseInsensitive))
        path = path.mid(7);
    if (path.isEmpty())
        return Result<StoreLocation>::failure(tr("the store URL \"sqlite:\" names no file"));
    if (path.contains(QLatin1String("://")))
        return Result<StoreLocation>::failure(
            tr("the store \"%1\" is neither a file nor a postgresql:// URL").arg(t));
    return sqliteFile(path);
}

StoreLocation StoreLocation::defaultLocation()
{
    StoreLocation l = sqliteFile(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                 + QStringLiteral("/onboardings.sqlite"));
    l.m_default = true;
    return l;
}

StoreLocation StoreLocation::sqliteFile(const QString &path)
{
    StoreLocation l;
    l.m_backend = Backend::Sqlite;
    l.m_path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    return l;
}

Result<StoreLocation> StoreLocation::resolve(const QString &commandLineValue)
{
    if (!commandLineValue.trimmed().isEmpty())
        return parse(commandLineValue);
    const QSettings settings;
    const QString saved = settings.value(QLatin1String(SettingsKey)).toString();
    if (!saved.trimmed().isEmpty()) {
        Result<StoreLocation> r = parse(saved);
        if (!r)
            return Result<StoreLocation>::failure(tr("the store in the settings (%1): %2")
                                                      .arg(QLatin1String(SettingsKey), r.error()));
        return r;
    }
    return defaultLocation();
}

QString StoreLocation::displayString() const
{
    if (isSqlite())
        return QStringLiteral("sqlite:") + m_path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_user);
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(u'/' + m_database);
    // Never the options: what users see and what the keychain is keyed by is the server, the
    // user and the database.
    return url.toString();
}

} // namespace Peering
