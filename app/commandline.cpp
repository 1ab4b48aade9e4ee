#include "commandline.h"

#include "document/onboardingdocument.h"
#include "validation/onboardingvalidator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    // QCommandLineParser names the program as it was started; name the command too.
    const qsizetype eol = text.indexOf(u'\n');
    text.replace(0, eol, QStringLiteral("Usage: peering-wizard %1 [options] FILE")
                             .arg(QLatin1String(command.name)));
    c.out << text;
    c.out.flush();
}

// Reads one onboarding document; on failure prints the reason and returns nothing.
std::optional<Onboarding> readDocument(Context &c, const QString &file)
{
    Result<Onboarding> r = file == QLatin1String("-")
                               ? [&]() {
                                     QFile in;
                                     if (!in.open(stdin, QIODevice::ReadOnly))
                                         return Result<Onboarding>::failure(
                                             CommandLine::tr("standard input cannot be read"));
                                     return OnboardingDocument::parse(
                                         in.read(OnboardingDocument::MaxBytes + 1));
                                 }()
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

const Command kCommands[] = {
    {"validate", "validate FILE [--format text|json]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Checks an onboarding document against every rule Microsoft applies.\n"
                       "Exit status: 0 no errors (warnings allowed), 1 errors, 2 unreadable input."),
     runValidate},
    {"export", "export FILE --format json [--output OUT] [--include-secrets]",
     QT_TRANSLATE_NOOP("Peering::CommandLine",
                       "Writes an onboarding in another format. MD5 keys are left out unless "
                       "--include-secrets is given."),
     runExport},
};

const Command *findCommand(const QString &name)
{
    for (const Command &c : kCommands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

int runValidate(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("validate"));
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"),
                                    CommandLine::tr("Output format: text (for people) or json."),
                                    QStringLiteral("text|json"), QStringLiteral("text"));
    parser.addOption(format);
    if (!parseOptions(parser, c, command, QStringLiteral("FILE"),
                      CommandLine::tr("The onboarding document (peering-onboarding/1), or - for standard input.")))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json")) {
        c.err << "peering-wizard validate: " << CommandLine::tr("--format must be text or json, not \"%1\"").arg(fmt)
              << Qt::endl;
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

int runExport(Context &c)
{
    const Command &command = *findCommand(QStringLiteral("export"));
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), CommandLine::tr("Output format: json."),
                                    QStringLiteral("json"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    CommandLine::tr("Write to OUT instead of standard output."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption secrets(QStringLiteral("include-secrets"),
                                     CommandLine::tr("Include BGP MD5 keys in the export."));
    parser.addOptions({format, output, secrets});
    if (!parseOptions(parser, c, command, QStringLiteral("FILE"),
                      CommandLine::tr("The onboarding document (peering-onboarding/1), or - for standard input.")))
        return CommandLine::BadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printCommandHelp(c, command, parser);
        return CommandLine::Ok;
    }
    if (!parser.isSet(format)) {
        c.err << "peering-wizard export: " << CommandLine::tr("--format is required (json)") << Qt::endl;
        return CommandLine::BadInput;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("json")) {
        c.err << "peering-wizard export: "
              << CommandLine::tr("format \"%1\" is not supported by this version; supported: json").arg(fmt)
              << Qt::endl;
        return CommandLine::BadInput;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        c.err << "peering-wizard export: "
              << CommandLine::tr("give exactly one document to export (see peering-wizard export --help)")
              << Qt::endl;
        return CommandLine::BadInput;
    }
    const auto onboarding = readDocument(c, files.front());
    if (!onboarding)
        return CommandLine::BadInput;

    const bool includeSecrets = parser.isSet(secrets);
    int omitted = 0;
    if (!includeSecrets)
        for (const PeeringResource &p : onboarding->peerings)
            for (const Connection &conn : p.connections)
                omitted += conn.bgp.md5Key.isEmpty() ? 0 : 1;

    if (parser.isSet(output)) {
        const Status s = OnboardingDocument::writeFile(*onboarding, parser.value(output), includeSecrets);
        if (!s) {
            c.err << "peering-wizard export: " << s.error() << Qt::endl;
            return CommandLine::BadInput;
        }
    } else {
        c.out << QString::fromUtf8(OnboardingDocument::serialize(*onboarding, includeSecrets));
        c.out.flush();
    }
    if (omitted > 0)
        c.err << "peering-wizard export: "
              << CommandLine::tr("%n MD5 key(s) left out; add --include-secrets to export them", nullptr, omitted)
              << Qt::endl;
    return CommandLine::Ok;
}

} // namespace

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
