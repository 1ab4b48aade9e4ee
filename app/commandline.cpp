#include "tracking/trackedstore.h"
#include "commandline.h"

#include "document/onboardingdocument.h"
#include "export/exporter.h"
#include "export/shellquote.h"
#include "pdfexporter.h"
#include "domain/asn.h"
#include "tracking/onboardingprogress.h"
#include "tracking/onboardingtracker.h"
#include "tracking/trackingchange.h"
#include "tracking/trackingservice.h"
#include "domain/textchecks.h"
#include "mail/mailimport.h"
#include "mail/mailpipeline.h"
#include "mail/mailreader.h"
#include "document/safefile.h"
#include "store/md5keychain.h"
#include "store/storepasswords.h"
#include "store/onboardingstore.h"
#include "validation/onboardingvalidator.h"
#include "peeringdb/peeringdbcache.h"
#include "peeringdb/peeringdbdirectory.h"
#include "peeringdb/peeringdbsettings.h"
#include "peeringdb/peeringdbsync.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTimeZone>

#include <algorithm>

namespace Peering {

namespace {

struct Context
{
    QStringList arguments; // from the command name on
    QTextStream &out;
    QTextStream &err;
};

struct Command
{
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(Context &);
};

// Parses the command's options; on a usage error prints one line and returns false.
bool parseOptions(QCommandLineParser &parser, Context &c, const Command &command,
                  const QString &positionalName, const QString &positionalHelp)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    // Our own help option: Qt's addHelpOption() also offers --help-all with Qt's internal options.
    parser.addOption(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                                        CommandLine::tr("Show this help.")));
    if (!positionalName.isEmpty())
        parser.addPositionalArgument(positionalName, positionalHelp);
    parser.setApplicationDescription(CommandLine::tr(command.summary));
    if (!parser.parse(c.arguments)) {
        c.err << "peering-wizard " << command.name << ": " << parser.errorText() << Qt::endl;
        return false;
    }
    return true;
}

void printCommandHelp(Context &c, const Command &command, QCommandLineParser &parser)
{
    QString text = parser.helpText();
    // QCommandLineParser names the program as it was started; show the command's synopsis.
    const qsizetype eol = text.indexOf(u'\n');
    text.replace(0, eol,
                 QStringLiteral("Usage: peering-wizard %1").arg(QLatin1String(command.synopsis)));
    c.out << text;
    c.out.flush();
}

// Reads one onboarding document; on failure prints the reason and returns nothing.
std::optional<Onboarding> readDocument(Context &c, const QString &file)
{
    Result<Onboarding> r = file == QLatin1String("-") ? OnboardingDocument::readStandardInput()
                                                      : OnboardingDocument::readFile(file);
    if (!r) {
        c.err << "peering-wizard: " << r.error() << Qt::endl;
        return std::nullopt;
    }
    return r.value();
}

QString findingsAsText(const QString &file, const Findings &findings)
{
    const int errors = countSeverity(findings, Severity::Error);
    const int warnings = countSeverity(findings, Severity::Warning);
    const int infos = countSeverity(findings, Severity::Info);
    QString text;
    QTextStream s(&text);
    if (findings.isEmpty()) {
        s << file << ": " << CommandLine::tr("no findings; ready for Review + create") << "\n";
        return text;
    }
    s << file << ": "
      << CommandLine::tr("%n error(s)", nullptr, errors) << ", " << CommandLine::tr("%n warning(s)", nullptr, warnings);
    if (infos > 0)
        s << ", " << CommandLine::tr("%n note(s)", nullptr, infos);
    s << "\n";
    const struct
    {
        Severity severity;
        const char *title;
    } groups[] = {{Severity::Error, QT_TRANSLATE_NOOP("Peering::CommandLine", "Errors (block Review + create):")},
                  {Severity::Warning, QT_TRANSLATE_NOOP("Peering::CommandLine", "Warnings:")},
                  {Severity::Info, QT_TRANSLATE_NOOP("Peering::CommandLine", "Notes:")}};
    for (const auto &g : groups) {
        if (countSeverity(findings, g.severity) == 0)
            continue;
        s << "\n" << CommandLine::tr(g.title) << "\n";
        for (const Finding &f : findings)
            if (f.severity == g.severity)
                s << "  [" << f.rule << "] " << f.path << ": " << f.message << "\n";
    }
    return text;
}

int runValidate(Context &c);
int runExport(Context &c);
int runImport(Context &c);
int runList(Context &c);
int runTrack(Context &c);
int runMark(Context &c);
int runImportMail(Context &c);
int runPeeringDb(Context &c);
int runFacilities(Context &c);

const Command kCommands[] = {
    {"validate", "validate FILE [--format text|json]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Checks an onboarding document against every rule Microsoft applies.\n"
                       "Exit status: 0 no errors (warnings allowed), 1 errors, 2 unreadable input."),
     runValidate},
    {"export",
     "export FILE|--name NAME [--store URL] "
     "--format json|arm|az|powershell|markdown|html|pdf|keysheet|keysheet-pdf "
     "[--output OUT] [--include-secrets] [--api-version V] [--page-size a4|letter] [--allow-at]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Writes an onboarding in another format: the document (json), a review "
                       "summary (markdown, html, pdf), an ARM template (arm), an Azure CLI or "
                       "PowerShell script (az, powershell) or customer key sheets (keysheet, "
                       "keysheet-pdf). The onboarding comes from a document FILE, or with --name "
                       "from the store, which it opens read-only as list does (a store that does "
                       "not exist is not created). MD5 "
                       "keys are left out unless --include-secrets is given; they come from the "
                       "desktop keychain, where the store keeps them (or from the store itself "
                       "when they were imported with --include-secrets). PDF formats need "
                       "--output.\n"
                       "Exit status: 0 exported, 2 unreadable input, no onboarding of that name, "
                       "a store error or a usage error."),
     runExport},
    {"import", "import FILE... [--store URL] [--replace [--force]] [--include-secrets]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Stores onboarding documents in the store, each one atomically (all of it or "
                       "none of it).\n"
                       "A name already in the store is refused unless --replace is given. A file "
                       "exported from the store replaces only the version it was exported from: "
                       "when someone changed it since, it is refused (who and when) unless "
                       "--force is given. MD5 keys "
                       "go to the desktop keychain, never to the store, unless --include-secrets "
                       "keeps them in the store; the output says which, and how many could not "
                       "be kept.\n"
                       "Exit status: 0 all stored, 1 some refused (name or customer ASN taken), "
                       "2 unreadable input or a store error."),
     runImport},
    {"list", "list [--store URL] [--format text|json] [--overdue]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Lists the onboardings in the store with their peer ASN, metros, the stage "
                       "in progress and its next milestone (days left, or overdue)."),
     runList},
    {"track", "track --name NAME [--store URL] [--format text|json]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Prints every stage of a stored onboarding as the tracker shows it: its "
                       "status (done, implied, current, regressed, waiting), expected and reached "
                       "dates, days late or early, whether it is overdue, and its evidence. For "
                       "scripts and cron jobs; the store is opened read-only. SOURCE_DATE_EPOCH "
                       "pins today.\n"
                       "Exit status: 0 printed, 2 no onboarding of that name, a store error or a "
                       "usage error."),
     runTrack},
    {"mark",
     "mark --name NAME (--stage STAGE [--reached DATE | --expected DATE|none] | --deployed "
     "[--reached DATE]) [--note TEXT] [--store URL]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Records tracking evidence of a stored onboarding, as the tracker window "
                       "does: --stage STAGE marks the stage reached (today, or on --reached DATE) "
                       "or, with --expected, moves its expected date (none clears it); --deployed "
                       "says the portal deployment of the peering succeeded (peering-created). "
                       "DATE is YYYY-MM-DD (noon in your time zone) or an ISO 8601 time. The "
                       "change goes through the tracking service: it is refused with the reason "
                       "when it cannot be made or would add a validation error, and saved with "
                       "the version it loaded (a colleague's save in between is reported, never "
                       "overwritten).\n"
                       "Exit status: 0 saved (or nothing to change), 1 refused or a conflict, 2 no "
                       "onboarding of that name, a store error or a usage error."),
     runMark},
    {"import-mail",
     "import-mail PATH... (--name NAME [--store URL] | --dry-run) [--rules FILE] "
     "[--format text|json]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Reads milestone e-mails from .eml files, mbox files and Maildir folders, "
                       "classifies each to a stage with the rules (the shipped ones, or --rules "
                       "FILE) and finds the BGP session addresses in its text. With --name the "
                       "mails become evidence of that stored onboarding (its mail log, and the "
                       "stage's milestone reached at the mail's date); a mail imported before adds "
                       "nothing. --dry-run only prints what it read.\n"
                       "Exit status: 0 it ran (refused messages included), 1 the onboarding could "
                       "not be changed, 2 a usage error, an unreadable PATH, no onboarding of that "
                       "name or a store error."),
     runImportMail},
    {"peeringdb",
     "peeringdb sync [--url BASE] [--from-dir DIR] [--api-key-env VAR] [--store URL] "
     "[--format text|json]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Brings the store's PeeringDB cache up to date: every facility and "
                       "exchange, their peering LANs, where Microsoft (AS8075, net 694) is, and "
                       "the networks of Microsoft and of the store's peer ASNs. The first sync "
                       "asks for everything, later ones only for what changed since (deleted rows "
                       "are removed). --url names a mirror (default https://www.peeringdb.com/api); "
                       "--from-dir reads DIR/<object>-0.json files (the shape of PeeringDB's "
                       "answers and dump files) instead of the network. The API key, optional, "
                       "comes from the environment variable --api-key-env names, else from the "
                       "desktop keychain; it is sent only in the Authorization header. The sync "
                       "is one transaction: when anything fails the cache stays as it was.\n"
                       "Exit status: 0 synced, 1 the sync failed (cache unchanged), 2 a usage "
                       "error."),
     runPeeringDb},
    {"facilities",
     "facilities [--metro M] [--common-with-ix IXID] [--store URL] [--format text|json]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Lists the PeeringDB facilities where Microsoft is present, from the "
                       "store's cache (peering-wizard peeringdb sync fills it), sorted by id. "
                       "--metro keeps one Azure metro (matched by city, any case, with the "
                       "suburbs and spellings PeeringDB uses: Sterling is Ashburn); "
                       "--common-with-ix keeps those where that exchange (its PeeringDB id) is "
                       "present too.\n"
                       "Exit status: 0 listed, 1 no cache or no such exchange in it, 2 a usage "
                       "or store error."),
     runFacilities},
};

const Command *findCommand(const QString &name)
{
    for (const Command &c : kCommands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

// --format text|json, as validate, list and track take it.
QCommandLineOption textOrJsonOption()
{
    return QCommandLineOption(QStringLiteral("format"),
                              CommandLine::tr("Output format: text (for people) or json."),
                              QStringLiteral("text|json"), QStringLiteral("text"));
}

// The message for a --format value other than text or json; empty when it is one of them.
QString textOrJsonError(const QString &format)
{
    if (format == QLatin1String("text") || format == QLatin1String("json"))
        return {};
    return CommandLine::tr("--format must be text or json, not \"%1\"").arg(format);
}

// Reproducible output for records and tests: SOURCE_DATE_EPOCH pins the time when set (UTC);
// invalid when it is not.
QDateTime pinnedNow()
{
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    return ok ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC) : QDateTime();
}

int runValidate(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("validate"));
    QCommandLineParser parser;
    const QCommandLineOption format = textOrJsonOption();
    parser.addOption(format);
    if (!parseOptions(parser, c, command, QStringLiteral("FILE"),
                      CommandLine::tr("The onboarding document (peering-onboarding/1), or - for standard input.")))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    const QString fmt = parser.value(format);
    if (const QString bad = textOrJsonError(fmt); !bad.isEmpty()) {
        c.err << "peering-wizard validate: " << bad << Qt::endl;
        return CommandLine::BadInput;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        c.err << "peering-wizard validate: "
              << CommandLine::tr("give exactly one document to validate (see peering-wizard validate --help)")
              << Qt::endl;
        return CommandLine::BadInput;
    }
    const auto onboarding = readDocument(c, files.front());
    if (!onboarding)
        return CommandLine::BadInput;

    const Findings findings = OnboardingValidator::validate(*onboarding);
    if (fmt == QLatin1String("json")) {
        QJsonArray list;
        for (const Finding &f : findings)
            list.append(f.toJson());
        c.out << QJsonDocument(QJsonObject{{QLatin1String("findings"), list}})
                     .toJson(QJsonDocument::Indented);
    } else {
        c.out << findingsAsText(files.front(), findings);
    }
    c.out.flush();
    return hasErrors(findings) ? CommandLine::Findings : CommandLine::Ok;
}

// --- the store, for import, list and export --name

const char *const kStoreHelp = QT_TRANSLATE_NOOP(
    "Peering::CommandLine",
    "The store: a file path, sqlite:PATH, or postgresql://user@host:port/database (the password "
    "comes from PGPASSWORD, ~/.pgpass or the desktop keychain, never from the URL). Default: the "
    "store chosen in the settings, else the per-user data location.");

// --store when given, else the settings' store, else the per-user default; on failure prints
// the reason.
std::optional<StoreLocation> resolveStore(Context &c, const Command &command, const QString &value)
{
    const Result<StoreLocation> location = StoreLocation::resolve(value);
    if (!location) {
        c.err << "peering-wizard " << command.name << ": " << location.error() << Qt::endl;
        return std::nullopt;
    }
    return location.value();
}

// True when nothing was imported yet into the per-user store: readers then see an empty store
// and make no file for it.
bool isEmptyDefaultStore(const StoreLocation &location)
{
    return location.isDefault() && !QFileInfo::exists(location.filePath());
}

// Opens the store read-only, as the commands that only read it do: a missing SQLite file is an
// error, never created (TrackedStore::open still upgrades a store of an older schema first).
// On failure prints the store's one-line reason.
std::unique_ptr<OnboardingStore> openForReading(Context &c, const Command &command,
                                                const StoreLocation &location)
{
    StoreOptions options;
    options.mode = StoreOptions::Mode::ReadOnly;
    StorePasswords::supply(location, options);
    auto opened = TrackedStore::open(location, options);
    if (!opened) {
        c.err << "peering-wizard " << command.name << ": " << opened.error().message() << Qt::endl;
        return nullptr;
    }
    return std::move(opened.value());
}

// Opens the store for a change; on failure prints the store's one-line reason.
std::unique_ptr<OnboardingStore> openForWriting(Context &c, const Command &command,
                                                const StoreLocation &location,
                                                StoreOptions options = {})
{
    StorePasswords::supply(location, options);
    auto opened = TrackedStore::open(location, options);
    if (!opened) {
        c.err << "peering-wizard " << command.name << ": " << opened.error().message() << Qt::endl;
        return nullptr;
    }
    return std::move(opened.value());
}

// The onboarding of that name in the store (--store value, or the default store when empty),
// read as list reads the store; on failure prints one line and returns nothing.
std::optional<Onboarding> loadStored(Context &c, const Command &command, const QString &name,
                                     const QString &storeValue)
{
    const std::optional<StoreLocation> location = resolveStore(c, command, storeValue);
    if (!location)
        return std::nullopt;
    // The list command for this store, ready to paste into a shell.
    QString listCommand = QStringLiteral("peering-wizard list");
    if (!storeValue.isEmpty()) {
        const bool plain = std::all_of(storeValue.cbegin(), storeValue.cend(), [](QChar ch) {
            return ch.isLetterOrNumber() || QStringLiteral("/:@._-+=%,").contains(ch);
        });
        listCommand += QStringLiteral(" --store ")
                       + (plain ? storeValue : ShellQuote::bash(storeValue));
    }
    auto notFound = [&](const QString &detail) {
        c.err << "peering-wizard " << command.name << ": "
              << CommandLine::tr("there is no onboarding named \"%1\" in %2%3; run %4 to see the "
                                 "names")
                     .arg(name, location->displayString(), detail, listCommand)
              << Qt::endl;
        return std::nullopt;
    };
    if (isEmptyDefaultStore(*location))
        return notFound(QString());

    const std::unique_ptr<OnboardingStore> onboardings = openForReading(c, command, *location);
    if (!onboardings)
        return std::nullopt;
    StoreResult<StoredOnboarding> loaded = onboardings->load(name);
    if (loaded) {
        // The version it is a copy of: import --replace checks it (a stale copy is refused).
        StoredOnboarding stored = loaded.takeValue();
        stored.onboarding.extra.insert(QLatin1String(Onboarding::StoredVersionKey), stored.version);
        return stored.onboarding;
    }
    const StoreError &error = loaded.error();
    if (error.kind() != StoreError::Kind::NotFound) {
        c.err << "peering-wizard " << command.name << ": " << error.message() << Qt::endl;
        return std::nullopt;
    }
    QString detail;
    if (!error.changedBy().isEmpty())
        detail = CommandLine::tr(" (removed by %1 at %2)")
                     .arg(error.changedBy(),
                          error.changedAt().toUTC().toString(
                              QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    // The store matches names exactly; a name that differs only in case is most likely meant.
    const StoreResult<QList<OnboardingSummary>> listed = onboardings->list();
    if (listed) {
        for (const OnboardingSummary &s : *listed) {
            if (s.name.compare(name, Qt::CaseInsensitive) == 0) {
                detail += CommandLine::tr(" (upper and lower case count: did you mean \"%1\"?)")
                              .arg(s.name);
                break;
            }
        }
    }
    return notFound(detail);
}

int runExport(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("export"));
    const QString ids = Exporter::formatIds().join(u'|');
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"),
                                    CommandLine::tr("Output format: %1 (see docs/exports.md).").arg(ids),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    CommandLine::tr("Write to OUT instead of standard output (required for PDF)."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption secrets(QStringLiteral("include-secrets"),
                                     CommandLine::tr("Include BGP MD5 keys in the export."));
    const QCommandLineOption apiVersion(QStringLiteral("api-version"),
                                        CommandLine::tr("Microsoft.Peering api-version of the ARM template."),
                                        QStringLiteral("V"), QLatin1String(ExportOptions::DefaultApiVersion));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), CommandLine::tr("PDF paper size: a4 or letter."),
                                      QStringLiteral("a4|letter"), QStringLiteral("a4"));
    const QCommandLineOption allowAt(QStringLiteral("allow-at"),
                                     CommandLine::tr("az: let a value start with \"@\" (az then "
                                                     "reads it as a file to load)."));
    const QCommandLineOption name(
        QStringLiteral("name"),
        CommandLine::tr("Export the onboarding of this name from the store instead of a FILE "
                        "(names as peering-wizard list shows them; upper and lower case count)."),
        QStringLiteral("NAME"));
    const QCommandLineOption store(QStringLiteral("store"),
                                   CommandLine::tr(kStoreHelp) + u' '
                                       + CommandLine::tr("Only with --name."),
                                   QStringLiteral("URL"));
    parser.addOptions({name, store, format, output, secrets, apiVersion, pageSize, allowAt});
    if (!parseOptions(parser, c, command, QStringLiteral("FILE"),
                      CommandLine::tr("The onboarding document (peering-onboarding/1), or - for "
                                      "standard input; or give --name instead.")))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    if (!parser.isSet(format)) {
        c.err << "peering-wizard export: " << CommandLine::tr("--format is required (%1)").arg(ids) << Qt::endl;
        return CommandLine::BadInput;
    }
    const QString fmt = parser.value(format);
    const auto info = Exporter::format(fmt);
    if (!info) {
        c.err << "peering-wizard export: "
              << CommandLine::tr("format \"%1\" is not supported by this version; supported: %2").arg(fmt, ids)
              << Qt::endl;
        return CommandLine::BadInput;
    }
    if (!ExportOptions::knownApiVersions().contains(parser.value(apiVersion))) {
        c.err << "peering-wizard export: "
              << CommandLine::tr("--api-version \"%1\" is not an api-version of Microsoft.Peering; "
                                 "use one of %2 (default %3)")
                     .arg(parser.value(apiVersion),
                          ExportOptions::knownApiVersions().join(QStringLiteral(", ")),
                          QLatin1String(ExportOptions::DefaultApiVersion))
              << Qt::endl;
        return CommandLine::BadInput;
    }
    const QString paper = parser.value(pageSize).toLower();
    if (paper != QLatin1String("a4") && paper != QLatin1String("letter")) {
        c.err << "peering-wizard export: " << CommandLine::tr("--page-size must be a4 or letter") << Qt::endl;
        return CommandLine::BadInput;
    }
    if (info->binary && !parser.isSet(output)) {
        c.err << "peering-wizard export: "
              << CommandLine::tr("format \"%1\" is binary: give --output FILE").arg(fmt) << Qt::endl;
        return CommandLine::BadInput;
    }
    if (info->needsGui && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        c.err << "peering-wizard export: " << CommandLine::tr("format \"%1\" needs Qt Gui").arg(fmt) << Qt::endl;
        return CommandLine::BadInput;
    }
    const QStringList files = parser.positionalArguments();
    const bool byName = parser.isSet(name);
    QString usageError;
    if (byName && !files.isEmpty())
        usageError = CommandLine::tr("give either a document FILE or --name NAME, not both (see "
                                     "peering-wizard export --help)");
    else if (!byName && files.isEmpty())
        usageError = CommandLine::tr("give the document FILE to export, or --name NAME for an "
                                     "onboarding in the store (see peering-wizard export --help)");
    else if (files.size() > 1)
        usageError = CommandLine::tr(
            "give exactly one document to export (see peering-wizard export --help)");
    else if (byName && parser.values(name).size() > 1)
        usageError = CommandLine::tr("give --name only once: export writes one onboarding");
    else if (byName && parser.value(name).isEmpty())
        usageError = CommandLine::tr(
            "--name needs the name of an onboarding (peering-wizard list shows them)");
    else if (!byName && parser.isSet(store))
        usageError = CommandLine::tr("--store goes with --name NAME; leave it out to export the "
                                     "document FILE");
    if (!usageError.isEmpty()) {
        c.err << "peering-wizard export: " << usageError << Qt::endl;
        return CommandLine::BadInput;
    }
    auto onboarding
        = byName ? loadStored(c, command, parser.value(name),
                              parser.isSet(store) ? parser.value(store) : QString())
                 : readDocument(c, files.front());
    if (!onboarding)
        return CommandLine::BadInput;
    // A stored onboarding comes with the keys the keychain keeps for it; a document exported
    // without its keys gets them from there too when they are asked for.
    if (!byName && parser.isSet(secrets))
        Md5Keychain::fill(*onboarding);

    ExportOptions options;
    options.includeSecrets = parser.isSet(secrets);
    options.allowAt = parser.isSet(allowAt);
    options.apiVersion = parser.value(apiVersion);
    options.pageSize = paper;
    options.now = pinnedNow(); // invalid: the current time
    const int omitted = options.includeSecrets ? 0 : Exporter::secretCount(*onboarding);

    const std::unique_ptr<Exporter> exporter = PdfExporter::create(fmt);
    const Result<QByteArray> bytes = exporter->exportOnboarding(*onboarding, options);
    if (!bytes) {
        c.err << "peering-wizard export: " << bytes.error() << Qt::endl;
        return CommandLine::BadInput;
    }
    if (parser.isSet(output)) {
        // Never a bad file in place of a good one; an export with MD5 keys is its owner's only.
        const Status written = SafeFile::write(parser.value(output), *bytes,
                                               options.includeSecrets && onboarding->md5KeyCount() > 0);
        if (!written) {
            c.err << "peering-wizard export: " << written.error() << Qt::endl;
            return CommandLine::BadInput;
        }
    } else {
        c.out << QString::fromUtf8(*bytes);
        c.out.flush();
    }
    if (omitted > 0)
        c.err << "peering-wizard export: "
              << CommandLine::tr("%n MD5 key(s) left out; add --include-secrets to export them", nullptr, omitted)
              << Qt::endl;
    if (hasErrors(OnboardingValidator::validate(*onboarding)))
        c.err << "peering-wizard export: "
              << CommandLine::tr("note: the document does not pass validation (the export says so)") << Qt::endl;
    return CommandLine::Ok;
}

// --- import and list: the commands that work on the onboarding store

// The peer ASN as list --format json gives it: a number when it parses, the text otherwise.
QJsonValue peerAsnJson(const QString &text)
{
    const Result<Asn> asn = Asn::parse(text);
    if (asn)
        return QJsonValue(qint64(asn->value()));
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString peerAsnText(const QString &text)
{
    const Result<Asn> asn = Asn::parse(text);
    return asn ? asn->toString() : text;
}

// Days left as a number people can sort by eye; negative and marked when overdue.
QString daysLeftText(qint64 days)
{
    if (days < 0)
        return CommandLine::tr("%1 (overdue)").arg(days);
    if (days == 0)
        return CommandLine::tr("0 (due today)");
    return QString::number(days);
}

int runImport(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("import"));
    QCommandLineParser parser;
    const QCommandLineOption store(QStringLiteral("store"), CommandLine::tr(kStoreHelp),
                                   QStringLiteral("URL"));
    const QCommandLineOption replace(
        QStringLiteral("replace"),
        CommandLine::tr("Replace an onboarding of the same name (a new "
                        "version of it, recorded in the audit trail)."));
    const QCommandLineOption secrets(
        QStringLiteral("include-secrets"),
        CommandLine::tr("Keep BGP MD5 keys in the store (in clear; the "
                        "SQLite file is readable by you only)."));
    const QCommandLineOption force(
        QStringLiteral("force"),
        CommandLine::tr("With --replace: replace also when the stored onboarding changed since "
                        "the file was exported from it (their changes are lost)."));
    parser.addOptions({store, replace, secrets, force});
    if (!parseOptions(parser, c, command, QStringLiteral("FILE..."),
                           CommandLine::tr("Onboarding documents (peering-onboarding/1).")))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        c.err << "peering-wizard import: "
              << CommandLine::tr(
                     "give one or more documents to import (see peering-wizard import --help)")
              << Qt::endl;
        return CommandLine::BadInput;
    }
    const std::optional<StoreLocation> location = resolveStore(c, command, parser.value(store));
    if (!location)
        return CommandLine::BadInput;

    // Read everything first: an unreadable file does not stop the others.
    bool unreadable = false;
    QStringList names;
    QList<Onboarding> documents;
    for (const QString &file : files) {
        const Result<Onboarding> r = OnboardingDocument::readFile(file);
        if (!r) {
            c.err << "peering-wizard import: " << r.error() << Qt::endl;
            unreadable = true;
            continue;
        }
        names.append(file);
        documents.append(r.value());
    }
    if (documents.isEmpty())
        return CommandLine::BadInput;

    StoreOptions options;
    options.keepSecrets = parser.isSet(secrets);
    const std::unique_ptr<OnboardingStore> onboardings
        = openForWriting(c, command, *location, options);
    if (!onboardings)
        return CommandLine::BadInput;
    const auto outcomes
        = onboardings->importDocuments(documents, parser.isSet(replace), parser.isSet(force));
    if (!outcomes) {
        c.err << "peering-wizard import: " << outcomes.error().message() << "; "
              << CommandLine::tr("nothing was imported") << Qt::endl;
        return CommandLine::BadInput;
    }
    bool refused = false;
    int secretsLeftOut = 0;
    int secretsKept = 0;
    QString secretsReason;
    const QString where = location->displayString();
    for (qsizetype i = 0; i < outcomes->size(); ++i) {
        const ImportOutcome &o = outcomes->at(i);
        secretsLeftOut += o.secretsLeftOut;
        secretsKept += o.secretsKept;
        if (!o.secretsReason.isEmpty())
            secretsReason = o.secretsReason;
        switch (o.action) {
        case ImportOutcome::Action::Created:
            c.out << names.at(i) << ": "
                  << CommandLine::tr("imported \"%1\" into %2").arg(o.name, where) << "\n";
            break;
        case ImportOutcome::Action::Replaced:
            c.out << names.at(i) << ": "
                  << CommandLine::tr("replaced \"%1\" in %2 (now version %3)")
                         .arg(o.name, where)
                         .arg(o.version)
                  << "\n";
            break;
        case ImportOutcome::Action::Refused: {
            refused = true;
            QString reason = o.error ? o.error->message() : CommandLine::tr("refused");
            if (o.error && o.error->kind() == StoreError::Kind::Duplicate)
                reason += CommandLine::tr(" (or use --replace to replace it)");
            c.err << "peering-wizard import: " << names.at(i) << ": " << reason << Qt::endl;
            break;
        }
        }
    }
    c.out.flush();
    if (secretsKept > 0)
        c.out << CommandLine::tr("%n MD5 key(s) moved to the desktop keychain (the store holds "
                                 "none)", nullptr, secretsKept)
              << Qt::endl;
    if (secretsLeftOut > 0)
        c.err << "peering-wizard import: "
              << CommandLine::tr("%n MD5 key(s) not kept: %1; add --include-secrets to keep them "
                                 "in the store instead", nullptr, secretsLeftOut)
                     .arg(secretsReason)
              << Qt::endl;
    if (unreadable)
        return CommandLine::BadInput;
    return refused ? CommandLine::Findings : CommandLine::Ok;
}

int runList(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("list"));
    QCommandLineParser parser;
    const QCommandLineOption store(QStringLiteral("store"), CommandLine::tr(kStoreHelp),
                                   QStringLiteral("URL"));
    const QCommandLineOption format = textOrJsonOption();
    const QCommandLineOption overdue(QStringLiteral("overdue"),
                                     CommandLine::tr("Only the onboardings with a stage overdue."));
    parser.addOptions({store, format, overdue});
    if (!parseOptions(parser, c, command, QString(), QString()))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    const QString fmt = parser.value(format);
    if (const QString bad = textOrJsonError(fmt); !bad.isEmpty()) {
        c.err << "peering-wizard list: " << bad << Qt::endl;
        return CommandLine::BadInput;
    }
    if (!parser.positionalArguments().isEmpty()) {
        c.err << "peering-wizard list: "
              << CommandLine::tr("unexpected argument \"%1\" (see peering-wizard list --help)")
                     .arg(parser.positionalArguments().constFirst())
              << Qt::endl;
        return CommandLine::BadInput;
    }
    const std::optional<StoreLocation> location = resolveStore(c, command, parser.value(store));
    if (!location)
        return CommandLine::BadInput;

    QList<OnboardingSummary> summaries;
    if (!isEmptyDefaultStore(*location)) {
        const std::unique_ptr<OnboardingStore> onboardings = openForReading(c, command, *location);
        if (!onboardings)
            return CommandLine::BadInput;
        auto listed = onboardings->list();
        if (!listed) {
            c.err << "peering-wizard list: " << listed.error().message() << Qt::endl;
            return CommandLine::BadInput;
        }
        summaries = listed.takeValue();
    }

    const QDate today = QDate::currentDate();
    if (parser.isSet(overdue)) {
        // The next milestone is the most overdue stage once its date has passed.
        summaries.erase(std::remove_if(summaries.begin(), summaries.end(),
                                       [today](const OnboardingSummary &s) {
                                           const auto days = OnboardingProgress::daysLeft(
                                               s.nextExpected, today);
                                           return !days || *days >= 0;
                                       }),
                        summaries.end());
    }
    if (fmt == QLatin1String("json")) {
        QJsonArray list;
        for (const OnboardingSummary &s : summaries) {
            const std::optional<qint64> days = OnboardingProgress::daysLeft(s.nextExpected, today);
            QJsonObject next;
            if (days)
                next = QJsonObject {
                    {QLatin1String("stage"), s.nextStage},
                    {QLatin1String("expected"), s.nextExpected.toString(Qt::ISODate)},
                    {QLatin1String("daysLeft"), *days}};
            list.append(
                QJsonObject {{QLatin1String("name"), s.name},
                             {QLatin1String("peerAsn"), peerAsnJson(s.peerAsn)},
                             {QLatin1String("metros"), QJsonArray::fromStringList(s.metros)},
                             {QLatin1String("stage"), s.stage},
                             {QLatin1String("nextMilestone"),
                              days ? QJsonValue(next) : QJsonValue(QJsonValue::Null)},
                             {QLatin1String("overdue"), days && *days < 0}});
        }
        c.out << QJsonDocument(QJsonObject {{QLatin1String("onboardings"), list}})
                     .toJson(QJsonDocument::Indented);
        c.out.flush();
        return CommandLine::Ok;
    }

    if (summaries.isEmpty()) {
        c.out << CommandLine::tr("No onboardings in %1.").arg(location->displayString()) << "\n";
        c.out.flush();
        return CommandLine::Ok;
    }
    const QStringList header {CommandLine::tr("NAME"),           CommandLine::tr("PEER ASN"),
                              CommandLine::tr("METROS"),         CommandLine::tr("STAGE"),
                              CommandLine::tr("NEXT MILESTONE"), CommandLine::tr("EXPECTED"),
                              CommandLine::tr("DAYS LEFT")};
    QList<QStringList> rows;
    for (const OnboardingSummary &s : summaries) {
        const std::optional<qint64> days = OnboardingProgress::daysLeft(s.nextExpected, today);
        rows.append({s.name, peerAsnText(s.peerAsn), s.metros.join(QStringLiteral(", ")), s.stage,
                     days ? s.nextStage : QStringLiteral("-"),
                     days ? s.nextExpected.toString(Qt::ISODate) : QStringLiteral("-"),
                     days ? daysLeftText(*days) : QStringLiteral("-")});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : QList<QStringList> {header} + rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    auto print = [&](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        c.out << line << "\n";
    };
    print(header);
    for (const QStringList &row : rows)
        print(row);
    c.out << "\n"
          << CommandLine::tr("Onboardings: %1, in %2, on %3")
                 .arg(summaries.size())
                 .arg(location->displayString(), today.toString(Qt::ISODate))
          << "\n";
    c.out.flush();
    return CommandLine::Ok;
}

// The stage statuses as the track command writes them (stable ids, not translated).
QString statusId(OnboardingTracker::Status status)
{
    switch (status) {
    case OnboardingTracker::Status::Done:
        return QStringLiteral("done");
    case OnboardingTracker::Status::Implied:
        return QStringLiteral("implied");
    case OnboardingTracker::Status::Current:
        return QStringLiteral("current");
    case OnboardingTracker::Status::Regressed:
        return QStringLiteral("regressed");
    case OnboardingTracker::Status::Waiting:
        break;
    }
    return QStringLiteral("waiting");
}

int runTrack(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("track"));
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"),
                                  CommandLine::tr("The onboarding to print (names as "
                                                  "peering-wizard list shows them)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption store(QStringLiteral("store"), CommandLine::tr(kStoreHelp),
                                   QStringLiteral("URL"));
    const QCommandLineOption format = textOrJsonOption();
    parser.addOptions({name, store, format});
    if (!parseOptions(parser, c, command, QString(), QString()))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    const QString fmt = parser.value(format);
    // The first thing wrong with the command, in the order a person would fix them.
    const QString usageError = [&]() -> QString {
        if (const QString bad = textOrJsonError(fmt); !bad.isEmpty())
            return bad;
        if (!parser.positionalArguments().isEmpty())
            return CommandLine::tr("unexpected argument \"%1\"; give the onboarding with "
                                   "--name NAME (see peering-wizard track --help)")
                .arg(parser.positionalArguments().constFirst());
        if (!parser.isSet(name) || parser.value(name).isEmpty())
            return CommandLine::tr("--name NAME is required: the onboarding to track "
                                   "(peering-wizard list shows them)");
        if (parser.values(name).size() > 1)
            return CommandLine::tr("give --name only once: track prints one onboarding");
        return {};
    }();
    if (!usageError.isEmpty()) {
        c.err << "peering-wizard track: " << usageError << Qt::endl;
        return CommandLine::BadInput;
    }
    const auto onboarding = loadStored(c, command, parser.value(name), parser.value(store));
    if (!onboarding)
        return CommandLine::BadInput;

    const QDateTime pinned = pinnedNow();
    const QDate today = pinned.isValid() ? pinned.date() : QDate::currentDate();
    const OnboardingTracker tracker(*onboarding);
    const auto nullOr = [](bool has, const QJsonValue &v) {
        return has ? v : QJsonValue(QJsonValue::Null);
    };
    if (fmt == QLatin1String("json")) {
        QJsonArray stages;
        for (const OnboardingTracker::Stage &s : tracker.stages()) {
            QJsonArray evidence;
            for (const OnboardingTracker::Evidence &e : s.evidence)
                evidence.append(QJsonObject{
                    {QLatin1String("kind"), e.kind},
                    {QLatin1String("at"), nullOr(e.at.isValid(), e.at.toUTC().toString(Qt::ISODate))},
                    {QLatin1String("text"), e.text}});
            const auto late = tracker.daysLate(s.id, QTimeZone::utc());
            stages.append(QJsonObject{
                {QLatin1String("id"), s.id},
                {QLatin1String("status"), statusId(s.status)},
                {QLatin1String("expected"), nullOr(s.expected.isValid(), s.expected.toString(Qt::ISODate))},
                {QLatin1String("reached"),
                 nullOr(s.reached.isValid(), s.reached.toUTC().toString(Qt::ISODate))},
                {QLatin1String("daysLate"), nullOr(bool(late), late ? QJsonValue(qint64(*late)) : QJsonValue())},
                {QLatin1String("overdue"), tracker.isOverdue(s.id, today)},
                {QLatin1String("evidence"), evidence}});
        }
        c.out << QJsonDocument(QJsonObject{{QLatin1String("name"), onboarding->name},
                                           {QLatin1String("current"), tracker.currentStage()},
                                           {QLatin1String("stages"), stages}})
                     .toJson(QJsonDocument::Indented);
        c.out.flush();
        return CommandLine::Ok;
    }
    c.out << CommandLine::tr("%1: %2, on %3")
                 .arg(onboarding->name, OnboardingTracker::inProgressTitle(tracker.currentStage()),
                      today.toString(Qt::ISODate))
          << "\n";
    int n = 0;
    for (const OnboardingTracker::Stage &s : tracker.stages()) {
        QStringList parts{QStringLiteral("%1. %2").arg(++n, 2).arg(OnboardingTracker::title(s.id)),
                          statusId(s.status)};
        if (s.expected.isValid())
            parts.append(CommandLine::tr("expected %1").arg(s.expected.toString(Qt::ISODate)));
        if (s.reached.isValid())
            parts.append(CommandLine::tr("reached %1")
                             .arg(s.reached.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
        if (const auto late = tracker.daysLate(s.id, QTimeZone::utc()))
            parts.append(*late > 0   ? CommandLine::tr("%n day(s) late", nullptr, int(*late))
                         : *late < 0 ? CommandLine::tr("%n day(s) early", nullptr, int(-*late))
                                     : CommandLine::tr("on time"));
        if (tracker.isOverdue(s.id, today))
            parts.append(CommandLine::tr("OVERDUE by %n day(s)", nullptr,
                                         int(s.expected.daysTo(today))));
        c.out << parts.join(QStringLiteral("  ")) << "\n";
        for (const OnboardingTracker::Evidence &e : s.evidence)
            c.out << "      " << e.text << "\n";
    }
    c.out.flush();
    return CommandLine::Ok;
}

} // namespace

bool CommandLine::needsGui(const QStringList &arguments)
{
    if (arguments.size() < 2 || arguments.at(1) != QLatin1String("export"))
        return false;
    for (const QString &a : arguments)
        if (a.endsWith(QLatin1String("pdf")) && (a == QLatin1String("pdf") || a == QLatin1String("keysheet-pdf")
                                                 || a.startsWith(QLatin1String("--format="))))
            return true;
    return false;
}

bool CommandLine::wantsCommand(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    if (findCommand(first) || first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("--version") || first == QLatin1String("-v")
        || first == QLatin1String("help"))
        return true;
    // A word that is neither an option nor a document to open is a mistyped command: answer on
    // the terminal rather than open a window.
    return !first.startsWith(u'-') && !QFileInfo::exists(first);
}

namespace {

// A date as the mark command takes it: YYYY-MM-DD is noon in the local time zone (the date stays
// the same date in nearby zones), or a full ISO 8601 time; invalid when it is neither.
QDateTime markDate(const QString &text)
{
    const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (d.isValid() && text.trimmed().size() == 10)
        return QDateTime(d, QTime(12, 0), QTimeZone::systemTimeZone()).toUTC();
    if (const auto t = TextChecks::parseIsoDateTime(text.trimmed()))
        return t->toUTC();
    return {};
}

int runMark(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("mark"));
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"),
                                  CommandLine::tr("The onboarding to change (names as "
                                                  "peering-wizard list shows them)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption stage(QStringLiteral("stage"),
                                   CommandLine::tr("The stage: %1.")
                                       .arg(Milestone::stages().join(QStringLiteral(", "))),
                                   QStringLiteral("STAGE"));
    const QCommandLineOption deployed(QStringLiteral("deployed"),
                                      CommandLine::tr("The portal deployment of the peering "
                                                      "succeeded (peering-created)."));
    const QCommandLineOption reached(QStringLiteral("reached"),
                                     CommandLine::tr("When it was reached (default: today)."),
                                     QStringLiteral("DATE"));
    const QCommandLineOption expected(QStringLiteral("expected"),
                                      CommandLine::tr("The stage's new expected date, or none to "
                                                      "clear it."),
                                      QStringLiteral("DATE|none"));
    const QCommandLineOption note(QStringLiteral("note"),
                                  CommandLine::tr("A note kept with the milestone."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption store(QStringLiteral("store"), CommandLine::tr(kStoreHelp),
                                   QStringLiteral("URL"));
    parser.addOptions({name, stage, deployed, reached, expected, note, store});
    if (!parseOptions(parser, c, command, QString(), QString()))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    const QDateTime pinned = pinnedNow();
    const QDateTime now = pinned.isValid() ? pinned : QDateTime::currentDateTimeUtc();
    QDateTime at = QDateTime(now.toLocalTime().date(), QTime(12, 0), QTimeZone::systemTimeZone())
                       .toUTC();
    QDate expectedDate;
    // The first thing wrong with the command, in the order a person would fix them.
    const QString usageError = [&]() -> QString {
        if (!parser.positionalArguments().isEmpty())
            return CommandLine::tr("unexpected argument \"%1\" (see peering-wizard mark --help)")
                .arg(parser.positionalArguments().constFirst());
        if (!parser.isSet(name) || parser.value(name).isEmpty())
            return CommandLine::tr("--name NAME is required: the onboarding to change "
                                   "(peering-wizard list shows them)");
        for (const QCommandLineOption *once : {&name, &stage, &reached, &expected, &note, &store})
            if (parser.values(*once).size() > 1)
                return CommandLine::tr("give --%1 only once").arg(once->names().constFirst());
        if (parser.isSet(stage) == parser.isSet(deployed))
            return CommandLine::tr("give either --stage STAGE or --deployed");
        if (parser.isSet(stage) && !Milestone::stages().contains(parser.value(stage)))
            return CommandLine::tr("--stage must be one of %1, not \"%2\"")
                .arg(Milestone::stages().join(QStringLiteral(", ")), parser.value(stage));
        if (parser.isSet(expected) && parser.isSet(deployed))
            return CommandLine::tr("--expected goes with --stage STAGE, not with --deployed");
        if (parser.isSet(expected) && (parser.isSet(reached) || parser.isSet(note)))
            return CommandLine::tr("--expected moves a plan: leave out --reached and --note, or "
                                   "run mark twice");
        if (parser.isSet(reached)) {
            at = markDate(parser.value(reached));
            if (!at.isValid())
                return CommandLine::tr("--reached must be a date YYYY-MM-DD or an ISO 8601 time, "
                                       "not \"%1\"")
                    .arg(parser.value(reached));
            if (at > now)
                return CommandLine::tr("--reached %1 is in the future; give the date it "
                                       "happened")
                    .arg(parser.value(reached));
        }
        if (parser.isSet(expected) && parser.value(expected) != QLatin1String("none")) {
            expectedDate = QDate::fromString(parser.value(expected), Qt::ISODate);
            if (!expectedDate.isValid())
                return CommandLine::tr("--expected must be a date YYYY-MM-DD or none, not \"%1\"")
                    .arg(parser.value(expected));
        }
        return {};
    }();
    if (!usageError.isEmpty()) {
        c.err << "peering-wizard mark: " << usageError << Qt::endl;
        return CommandLine::BadInput;
    }
    // Not found (with the names to choose from) as track says it.
    if (!loadStored(c, command, parser.value(name), parser.value(store)))
        return CommandLine::BadInput;
    const std::optional<StoreLocation> location = resolveStore(c, command, parser.value(store));
    if (!location)
        return CommandLine::BadInput;
    const std::unique_ptr<OnboardingStore> opened = openForWriting(c, command, *location);
    if (!opened)
        return CommandLine::BadInput;
    const QString stageId = parser.isSet(deployed) ? QStringLiteral("peering-created")
                                                   : parser.value(stage);
    const QString text = parser.value(note);
    TrackingService::Change change;
    QString done;
    if (parser.isSet(deployed)) {
        change = [&](const Onboarding &o) { return TrackingChange::recordDeployment(o, at, text); };
        done = CommandLine::tr("deployment recorded: %1 reached on %2");
    } else if (parser.isSet(expected)) {
        change = [&](const Onboarding &o) {
            return TrackingChange::setExpected(o, stageId, expectedDate);
        };
        done = expectedDate.isValid() ? CommandLine::tr("%1 now expected on %2")
                                      : CommandLine::tr("%1 no longer planned%2");
    } else {
        change = [&](const Onboarding &o) {
            return TrackingChange::markReached(o, stageId, at, text);
        };
        done = CommandLine::tr("%1 marked reached on %2");
    }
    TrackingService service(*opened);
    const auto saved = service.apply(parser.value(name), 0, change);
    if (!saved) {
        const StoreError &e = saved.error();
        c.err << "peering-wizard mark: " << e.message() << Qt::endl;
        return e.kind() == StoreError::Kind::Invalid || e.kind() == StoreError::Kind::Conflict
            ? CommandLine::Findings
            : CommandLine::BadInput;
    }
    const QString when = parser.isSet(expected)
        ? (expectedDate.isValid() ? expectedDate.toString(Qt::ISODate) : QString())
        : at.toString(Qt::ISODate);
    c.out << parser.value(name) << ": " << done.arg(stageId, when) << " ("
          << CommandLine::tr("version %1").arg(saved->version) << ")\n";
    return CommandLine::Ok;
}

int runImportMail(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("import-mail"));
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"),
                                  CommandLine::tr("The stored onboarding the mails are evidence "
                                                  "of."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption store(QStringLiteral("store"), CommandLine::tr(kStoreHelp),
                                   QStringLiteral("URL"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    CommandLine::tr("Only print what was read; change nothing."));
    const QCommandLineOption rules(QStringLiteral("rules"),
                                   CommandLine::tr("Classification rules (%1) instead of the "
                                                   "shipped ones.")
                                       .arg(QLatin1String(MailRules::Format)),
                                   QStringLiteral("FILE"));
    const QCommandLineOption format = textOrJsonOption();
    parser.addOptions({name, store, dryRun, rules, format});
    if (!parseOptions(parser, c, command, QStringLiteral("PATH"),
                      CommandLine::tr(".eml files, mbox files or Maildir folders.")))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    const QString fmt = parser.value(format);
    const QStringList paths = parser.positionalArguments();
    const QString usageError = [&]() -> QString {
        if (const QString bad = textOrJsonError(fmt); !bad.isEmpty())
            return bad;
        if (paths.isEmpty())
            return CommandLine::tr("give the mail to import: .eml files, mbox files or Maildir "
                                   "folders");
        if (parser.isSet(name) == parser.isSet(dryRun))
            return CommandLine::tr("give either --name NAME (the onboarding the mails are "
                                   "evidence of) or --dry-run");
        if (parser.isSet(name) && parser.value(name).isEmpty())
            return CommandLine::tr("--name needs the onboarding's name (peering-wizard list "
                                   "shows them)");
        if (parser.isSet(store) && !parser.isSet(name))
            return CommandLine::tr("--store goes with --name NAME; a dry run reads no store");
        for (const QCommandLineOption *once : {&name, &store, &rules, &format})
            if (parser.values(*once).size() > 1)
                return CommandLine::tr("give --%1 only once").arg(once->names().constFirst());
        return {};
    }();
    if (!usageError.isEmpty()) {
        c.err << "peering-wizard import-mail: " << usageError << Qt::endl;
        return CommandLine::BadInput;
    }
    MailRules ruleSet = MailRules::defaults();
    if (parser.isSet(rules)) {
        const Result<MailRules> read = MailRules::readFile(parser.value(rules));
        if (!read) {
            c.err << "peering-wizard import-mail: --rules " << read.error() << Qt::endl;
            return CommandLine::BadInput;
        }
        ruleSet = read.value();
    }
    // Every PATH must be readable before anything is imported.
    for (const QString &path : paths) {
        const QFileInfo info(path);
        QString problem;
        if (!info.exists())
            problem = CommandLine::tr("no such file or folder");
        else if (!info.isReadable())
            problem = CommandLine::tr("cannot be read (permission denied)");
        if (!problem.isEmpty()) {
            c.err << "peering-wizard import-mail: " << path << ": " << problem << Qt::endl;
            return CommandLine::BadInput;
        }
    }
    std::optional<Onboarding> target;
    if (parser.isSet(name)) {
        target = loadStored(c, command, parser.value(name), parser.value(store));
        if (!target)
            return CommandLine::BadInput;
    }

    const MailImport importer(ruleSet);
    const bool json = fmt == QLatin1String("json");
    const auto printMessage = [&](const ImportedMail &mail) {
        const MailMessage &mm = mail.message;
        c.out << mm.file << (mm.index > 0 ? QStringLiteral("#%1").arg(mm.index) : QString())
              << ": " << (mail.stage.isEmpty() ? CommandLine::tr("unclassified") : mail.stage)
              << "  "
              << (mm.date.isValid() ? mm.date.toString(Qt::ISODate)
                                    : CommandLine::tr("(no date: %1)").arg(mm.dateProblem))
              << "  " << mm.from << "  \"" << mm.subject << "\"\n";
        for (const QString &k : MailExtractor::keys())
            if (!mail.extracted.value(k).isEmpty())
                c.out << "    " << k << ": " << mail.extracted.value(k).join(QStringLiteral(", "))
                      << "\n";
    };
    const auto printRefusal = [&](const MailRefusal &r) {
        c.out << r.file << (r.index > 0 ? QStringLiteral("#%1").arg(r.index) : QString()) << ": "
              << CommandLine::tr("refused: %1").arg(r.reason) << "\n";
    };
    const auto refusalJson = [](const MailRefusal &r) {
        return QJsonObject {{QLatin1String("file"), r.file},
                            {QLatin1String("index"), r.index},
                            {QLatin1String("reason"), r.reason}};
    };

    if (!target) {
        // The dry run: streamed, so that a mailbox of any size prints in the memory of one
        // message.
        QJsonArray refusedJson;
        int messages = 0, classified = 0, refusedCount = 0;
        bool first = true;
        // The JSON goes to the output device as bytes (no round trip through QString per
        // message), or through the text stream when it has no device.
        QIODevice *device = nullptr;
        if (json) {
            c.out.flush();
            device = c.out.device();
        }
        const auto emitJson = [&](const QByteArray &bytes) {
            if (device)
                device->write(bytes);
            else
                c.out << QString::fromUtf8(bytes);
        };
        if (json)
            emitJson("{\"messages\":[");
        // Read on this thread, classified and printed on a second one, in the order read.
        const auto each = [&](MailPipeline::Item &&item) {
            if (auto *mail = std::get_if<ImportedMail>(&item)) {
                ++messages;
                classified += mail->stage.isEmpty() ? 0 : 1;
                if (json) {
                    emitJson(first ? MailImport::toJsonText(*mail)
                                   : ',' + MailImport::toJsonText(*mail));
                    first = false;
                } else {
                    printMessage(*mail);
                }
                return;
            }
            const MailRefusal &r = std::get<MailRefusal>(item);
            ++refusedCount;
            refusedJson.append(refusalJson(r));
            if (!json)
                printRefusal(r);
        };
        QString error;
        if (!MailPipeline::run(importer, paths, each, &error)) {
            if (json)
                emitJson("]}\n");
            c.err << "peering-wizard import-mail: " << error << Qt::endl;
            return CommandLine::BadInput;
        }
        if (json) {
            emitJson("],\"refused\":" + QJsonDocument(refusedJson).toJson(QJsonDocument::Compact)
                     + "}\n");
            return CommandLine::Ok;
        }
        c.out << CommandLine::tr("%n message(s) read", nullptr, messages) << ": "
              << CommandLine::tr("%n classified", nullptr, classified) << ", "
              << CommandLine::tr("%n unclassified", nullptr, messages - classified) << ", "
              << CommandLine::tr("%n refused", nullptr, refusedCount) << "\n";
        return CommandLine::Ok;
    }

    // Evidence of the onboarding: one change through the tracking service (MailImport).
    const std::optional<StoreLocation> location = resolveStore(c, command, parser.value(store));
    if (!location)
        return CommandLine::BadInput;
    const std::unique_ptr<OnboardingStore> opened = openForWriting(c, command, *location);
    if (!opened)
        return CommandLine::BadInput;
    const auto imported = importer.importInto(*opened, parser.value(name), 0, paths, {},
                                              json ? std::function<void(const ImportedMail &)>()
                                                   : printMessage);
    if (!imported) {
        c.err << "peering-wizard import-mail: " << imported.error().message() << Qt::endl;
        return imported.error().kind() == StoreError::Kind::Conflict ? CommandLine::Findings
                                                                     : CommandLine::BadInput;
    }
    const MailImportResult &r = *imported;
    if (json) {
        QJsonArray refusedJson;
        for (const MailRefusal &x : r.refused)
            refusedJson.append(refusalJson(x));
        c.out << QString::fromUtf8(
            QJsonDocument(QJsonObject {{QLatin1String("name"), r.stored.onboarding.name},
                                       {QLatin1String("read"), r.read},
                                       {QLatin1String("added"), r.added},
                                       {QLatin1String("already"), r.already},
                                       {QLatin1String("stages"), QJsonArray::fromStringList(r.stages)},
                                       {QLatin1String("refused"), refusedJson},
                                       {QLatin1String("version"), r.stored.version}})
                .toJson(QJsonDocument::Compact))
              << "\n";
        return CommandLine::Ok;
    }
    for (const MailRefusal &x : r.refused)
        printRefusal(x);
    c.out << CommandLine::tr("%1: %n new mail(s) in the log", nullptr, r.added)
                 .arg(r.stored.onboarding.name)
          << ", " << CommandLine::tr("%n imported before", nullptr, r.already) << ", "
          << CommandLine::tr("%n refused", nullptr, int(r.refused.size())) << " ("
          << CommandLine::tr("version %1").arg(r.stored.version) << ")\n";
    if (r.undated > 0)
        c.out << CommandLine::tr("%n mail(s) without a valid date are in the log unclassified "
                                 "(a milestone needs the time it was reached); mark their "
                                 "stages with peering-wizard mark",
                                 nullptr, r.undated)
              << "\n";
    return CommandLine::Ok;
}

// --- PeeringDB

int runPeeringDb(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("peeringdb"));
    QCommandLineParser parser;
    const QCommandLineOption url(QStringLiteral("url"),
                                 CommandLine::tr("The API's base URL (default %1).")
                                     .arg(QLatin1String(PeeringDbOptions::DefaultBaseUrl)),
                                 QStringLiteral("BASE"));
    const QCommandLineOption fromDir(QStringLiteral("from-dir"),
                                     CommandLine::tr("Read DIR/<object>-0.json instead of the "
                                                     "network."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption keyEnv(QStringLiteral("api-key-env"),
                                    CommandLine::tr("The environment variable that holds the "
                                                    "PeeringDB API key."),
                                    QStringLiteral("VAR"));
    const QCommandLineOption store(QStringLiteral("store"), CommandLine::tr(kStoreHelp),
                                   QStringLiteral("URL"));
    const QCommandLineOption format = textOrJsonOption();
    parser.addOptions({url, fromDir, keyEnv, store, format});
    if (!parseOptions(parser, c, command, QStringLiteral("sync"),
                      CommandLine::tr("What to do: sync.")))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    auto usageError = [&c](const QString &text) {
        c.err << "peering-wizard peeringdb: " << text << Qt::endl;
        return int(CommandLine::BadInput);
    };
    const QString fmt = parser.value(format);
    if (const QString bad = textOrJsonError(fmt); !bad.isEmpty())
        return usageError(bad);
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList {QStringLiteral("sync")})
        return usageError(
            positional.isEmpty()
                ? CommandLine::tr("say what to do: peeringdb sync (see peering-wizard peeringdb "
                                  "--help)")
                : CommandLine::tr("unknown argument \"%1\"; the one action is sync")
                      .arg(positional.join(u' ')));
    if (parser.isSet(url) && parser.isSet(fromDir))
        return usageError(CommandLine::tr("give --url or --from-dir, not both"));
    // The settings' mirror, rate and timeouts (the window's Settings > PeeringDB); --url wins.
    PeeringDbOptions options = PeeringDbSettings::load();
    if (parser.isSet(url)) {
        const Result<QUrl> base = PeeringDbSettings::parseBaseUrl(parser.value(url));
        if (!base || base->isEmpty())
            return usageError(CommandLine::tr("--url must be an http or https URL without user "
                                              "or password, not \"%1\"")
                                  .arg(parser.value(url)));
        options.baseUrl = *base;
    }
    if (parser.isSet(keyEnv)) {
        const QString var = parser.value(keyEnv);
        options.apiKey = qEnvironmentVariable(qPrintable(var)).trimmed();
        if (var.isEmpty() || options.apiKey.isEmpty())
            return usageError(CommandLine::tr("the environment variable %1 (--api-key-env) is "
                                              "not set")
                                  .arg(var));
    } else if (!parser.isSet(fromDir)) {
        options.apiKey = PeeringDbSettings::loadWithKey().apiKey;
    }
    const std::optional<StoreLocation> location = resolveStore(c, command, parser.value(store));
    if (!location)
        return CommandLine::BadInput;

    auto failed = [&c](const QString &reason) {
        c.err << "peering-wizard peeringdb sync: " << reason << "; "
              << CommandLine::tr("the cache was left as it was") << Qt::endl;
        return int(CommandLine::Findings);
    };
    StoreOptions storeOptions;
    StorePasswords::supply(*location, storeOptions);
    auto opened = TrackedStore::open(*location, storeOptions);
    if (!opened)
        return failed(opened.error().message());
    OnboardingStore &onboardings = **opened;
    PeeringDbCache cache(onboardings);
    auto state = cache.state();
    if (!state)
        return failed(state.error().message());

    Result<PeeringDbFetch> fetched = parser.isSet(fromDir)
        ? PeeringDbDirectory::read(parser.value(fromDir))
        : PeeringDbSync::fetch(options,
                               PeeringDbSync::plan(*state, cache.storePeerAsns().valueOr({})));
    if (!fetched)
        return failed(fetched.error());
    const StoreStatus applied = cache.apply(*fetched, onboardings.userName());
    if (!applied)
        return failed(applied.error().message());
    auto after = cache.state();
    QHash<QString, qint64> cached;
    if (after)
        for (const PeeringDbCache::ObjectState &o : *after)
            cached.insert(o.object, o.rows);

    int requests = 0;
    for (const PeeringDbObjectFetch &o : fetched->objects)
        requests += o.requests;
    const QString syncedAt = QDateTime::fromSecsSinceEpoch(fetched->startedAt, Qt::UTC)
                                 .toString(Qt::ISODate);
    if (fmt == QLatin1String("json")) {
        QJsonArray objects;
        for (const PeeringDbObjectFetch &o : fetched->objects)
            objects.append(QJsonObject {{QLatin1String("object"), o.object},
                                        {QLatin1String("whole"), o.whole},
                                        {QLatin1String("rows"), qint64(o.rows.size())},
                                        {QLatin1String("deleted"), qint64(o.deleted.size())},
                                        {QLatin1String("cached"), cached.value(o.object)}});
        c.out << QJsonDocument(QJsonObject {{QLatin1String("source"), fetched->source},
                                            {QLatin1String("store"), location->displayString()},
                                            {QLatin1String("syncedAt"), syncedAt},
                                            {QLatin1String("requests"), requests},
                                            {QLatin1String("objects"), objects}})
                     .toJson(QJsonDocument::Indented);
    } else {
        c.out << CommandLine::tr("PeeringDB cache in %1 synced from %2 at %3 (%4 requests):")
                     .arg(location->displayString(), fetched->source, syncedAt)
                     .arg(requests)
              << "\n";
        for (const PeeringDbObjectFetch &o : fetched->objects)
            c.out << "  " << o.object.leftJustified(9) << " "
                  << (o.whole ? CommandLine::tr("%n row(s) (whole)", nullptr, int(o.rows.size()))
                              : CommandLine::tr("%1 changed, %2 deleted")
                                    .arg(o.rows.size())
                                    .arg(o.deleted.size()))
                  << ", " << CommandLine::tr("%1 cached").arg(cached.value(o.object)) << "\n";
    }
    c.out.flush();
    return CommandLine::Ok;
}

int runFacilities(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("facilities"));
    QCommandLineParser parser;
    const QCommandLineOption metro(QStringLiteral("metro"),
                                   CommandLine::tr("Only the facilities of this Azure metro."),
                                   QStringLiteral("M"));
    const QCommandLineOption common(QStringLiteral("common-with-ix"),
                                    CommandLine::tr("Only the facilities where this exchange "
                                                    "(PeeringDB ix id) is present too."),
                                    QStringLiteral("IXID"));
    const QCommandLineOption store(QStringLiteral("store"), CommandLine::tr(kStoreHelp),
                                   QStringLiteral("URL"));
    const QCommandLineOption format = textOrJsonOption();
    parser.addOptions({metro, common, store, format});
    if (!parseOptions(parser, c, command, QString(), QString()))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    auto usageError = [&c](const QString &text) {
        c.err << "peering-wizard facilities: " << text << Qt::endl;
        return int(CommandLine::BadInput);
    };
    const QString fmt = parser.value(format);
    if (const QString bad = textOrJsonError(fmt); !bad.isEmpty())
        return usageError(bad);
    if (!parser.positionalArguments().isEmpty())
        return usageError(CommandLine::tr("unexpected argument \"%1\" (see peering-wizard "
                                          "facilities --help)")
                              .arg(parser.positionalArguments().constFirst()));
    qint64 ixId = 0;
    if (parser.isSet(common)) {
        bool ok = false;
        ixId = parser.value(common).toLongLong(&ok);
        if (!ok || ixId < 1)
            return usageError(CommandLine::tr("--common-with-ix must be a PeeringDB exchange id "
                                              "(a positive integer), not \"%1\"")
                                  .arg(parser.value(common)));
    }
    if (parser.isSet(metro) && parser.value(metro).trimmed().isEmpty())
        return usageError(CommandLine::tr("--metro needs a metro name"));
    const std::optional<StoreLocation> location = resolveStore(c, command, parser.value(store));
    if (!location)
        return CommandLine::BadInput;
    const QString noCache = CommandLine::tr("no PeeringDB cache in %1; run peering-wizard "
                                            "peeringdb sync first")
                                .arg(location->displayString());
    if (isEmptyDefaultStore(*location)) {
        c.err << "peering-wizard facilities: " << noCache << Qt::endl;
        return CommandLine::Findings;
    }
    const std::unique_ptr<OnboardingStore> onboardings = openForReading(c, command, *location);
    if (!onboardings)
        return CommandLine::BadInput;
    PeeringDbCache cache(*onboardings);
    auto storeFailed = [&c](const StoreError &e) {
        c.err << "peering-wizard facilities: " << e.message() << Qt::endl;
        return int(CommandLine::BadInput);
    };
    const StoreResult<bool> available = cache.isAvailable();
    if (!available)
        return storeFailed(available.error());
    if (!*available) {
        c.err << "peering-wizard facilities: " << noCache << Qt::endl;
        return CommandLine::Findings;
    }
    if (ixId > 0) {
        const auto ix = cache.exchange(ixId);
        if (!ix)
            return storeFailed(ix.error());
        if (!*ix) {
            c.err << "peering-wizard facilities: "
                  << CommandLine::tr("no exchange %1 in the PeeringDB cache").arg(ixId)
                  << Qt::endl;
            return CommandLine::Findings;
        }
    }
    const auto facilities = cache.microsoftFacilities(parser.value(metro).trimmed(), ixId);
    if (!facilities)
        return storeFailed(facilities.error());
    if (fmt == QLatin1String("json")) {
        QJsonArray list;
        for (const PeeringDbCache::Facility &f : *facilities)
            list.append(QJsonObject {{QLatin1String("id"), f.id},
                                     {QLatin1String("name"), f.name},
                                     {QLatin1String("city"), f.city},
                                     {QLatin1String("country"), f.country},
                                     {QLatin1String("metro"), f.metro}});
        c.out << QJsonDocument(QJsonObject {{QLatin1String("facilities"), list}})
                     .toJson(QJsonDocument::Indented);
        c.out.flush();
        return CommandLine::Ok;
    }
    const QStringList header {CommandLine::tr("ID"), CommandLine::tr("NAME"),
                              CommandLine::tr("CITY"), CommandLine::tr("COUNTRY"),
                              CommandLine::tr("METRO")};
    QList<QStringList> rows;
    for (const PeeringDbCache::Facility &f : *facilities)
        rows.append({QString::number(f.id), f.name, f.city, f.country, f.metro});
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : QList<QStringList> {header} + rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    for (const QStringList &row : QList<QStringList> {header} + rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        c.out << line << "\n";
    }
    const StoreResult<QDateTime> last = cache.lastSync();
    c.out << "\n"
          << CommandLine::tr("Facilities where Microsoft is present: %1 (PeeringDB cache of %2)")
                 .arg(facilities->size())
                 .arg(last && last->isValid()
                          ? last->toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                          : QStringLiteral("-"))
          << "\n";
    c.out.flush();
    return CommandLine::Ok;
}

} // namespace

QString CommandLine::usage()
{
    QString text;
    QTextStream s(&text);
    s << tr("Peering Onboarding Wizard: onboard an IXP route-server service to Microsoft Peering "
            "Service (AS8075).")
      << "\n\n"
      << tr("Usage:") << "\n"
      << "  peering-wizard                    " << tr("open the window") << "\n";
    for (const Command &c : kCommands)
        s << "  peering-wizard " << c.synopsis << "\n";
    s << "\n" << tr("Run peering-wizard COMMAND --help for a command's options.") << "\n";
    return text;
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString first = arguments.value(1);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << "peering-wizard " << PEERING_VERSION << Qt::endl;
        return Ok;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        out << usage();
        out.flush();
        return Ok;
    }
    const Command *command = findCommand(first);
    if (!command) {
        err << "peering-wizard: " << tr("unknown command \"%1\"; run peering-wizard --help").arg(first)
            << Qt::endl;
        return BadInput;
    }
    Context c{arguments.mid(1), out, err};
    // QCommandLineParser expects the program name first.
    c.arguments.front() = QStringLiteral("peering-wizard");
    return command->run(c);
}

} // namespace Peering
