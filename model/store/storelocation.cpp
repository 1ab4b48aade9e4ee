#include "storelocation.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace Peering {

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
        const QUrlQuery query(url);
        for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
            if (item.first.compare(QLatin1String("password"), Qt::CaseInsensitive) == 0)
                return Result<StoreLocation>::failure(
                    tr("the store URL contains a password; remove it from the URL and set "
                       "PGPASSWORD, ~/.pgpass or the keychain instead"));
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
    if (!m_options.isEmpty()) {
        QUrlQuery q;
        q.setQueryItems(m_options);
        url.setQuery(q);
    }
    return url.toString();
}

} // namespace Peering
