#include "reviewreport.h"

#include "domain/asn.h"
#include "domain/requirementcheck.h"
#include "tracking/onboardingprogress.h"
#include "tracking/onboardingtracker.h"
#include "validation/onboardingvalidator.h"

#include <algorithm>

namespace Peering {

namespace {

QString asnText(const QString &written)
{
    const auto asn = Asn::parse(written);
    return asn ? QStringLiteral("AS") + asn->toString() : written;
}

QString yesNo(bool b)
{
    return b ? ReviewReport::tr("yes") : ReviewReport::tr("no");
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

} // namespace

void ReviewReport::heading(int level, const QString &text)
{
    ReportBlock b;
    b.kind = ReportBlock::Heading;
    b.level = level;
    b.text = text;
    m_blocks.append(b);
}

void ReviewReport::paragraph(const QString &text)
{
    ReportBlock b;
    b.kind = ReportBlock::Paragraph;
    b.text = text;
    m_blocks.append(b);
}

void ReviewReport::notice(const QString &text)
{
    ReportBlock b;
    b.kind = ReportBlock::Notice;
    b.text = text;
    m_blocks.append(b);
}

void ReviewReport::fields(const QList<QStringList> &rows)
{
    ReportBlock b;
    b.kind = ReportBlock::Fields;
    b.rows = rows;
    m_blocks.append(b);
}

void ReviewReport::table(const QStringList &headers,
                         const QList<QStringList> &rows,
                         const QList<int> &widths)
{
    ReportBlock b;
    b.widths = widths;
    b.kind = ReportBlock::Table;
    b.headers = headers;
    b.rows = rows.size() > MaxTableRows ? rows.first(MaxTableRows) : rows;
    m_blocks.append(b);
    // A summary is read by people: past this many rows, one line says what is not shown and
    // where it is, and the export stays fast and small whatever the document's size.
    if (rows.size() > MaxTableRows)
        paragraph(tr("The first %1 of %2 rows are shown; the document (export --format json) "
                     "holds all of them.")
                      .arg(QString::number(MaxTableRows), QString::number(rows.size())));
}

// The change board's sign-off: a row to fill in by hand for each of the three who sign.
void ReviewReport::signOff()
{
    heading(2, tr("Sign-off"));
    table({tr("Role"), tr("Name"), tr("Signature"), tr("Date")},
          {{tr("Prepared by"), {}, {}, {}},
           {tr("Reviewed by"), {}, {}, {}},
           {tr("Approved by"), {}, {}, {}}},
          {18, 32, 32, 18});
    m_blocks.last().signatures = true;
}

ReviewReport ReviewReport::build(const Onboarding &o, const ExportOptions &options,
                                 const ValidationContext &context)
{
    return build(o, options, OnboardingValidator::validate(o, context));
}

ReviewReport ReviewReport::build(const Onboarding &o, const ExportOptions &options,
                                 const Findings &findings)
{
    ReviewReport r;
    const int errors = countSeverity(findings, Severity::Error);
    const int warnings = countSeverity(findings, Severity::Warning);
    r.m_passes = errors == 0;

    QStringList peeringNames;
    for (const PeeringResource &p : o.peerings)
        peeringNames.append(p.name);
    // The onboarding is what the board approves: its name is the title.
    r.m_title = tr("Review summary: %1")
                    .arg(o.name.trimmed().isEmpty() ? peeringNames.join(QStringLiteral(", ")) : o.name);
    r.heading(1, r.m_title);

    // The checklist's open items: not ticked, or ticked met while a finding of the requirement's
    // own rule says otherwise (never "met" beside such a finding).
    struct RequirementRow
    {
        QString title;
        QString status;
        QString note;
        bool open;
    };
    QList<RequirementRow> requirementRows;
    for (const RequirementInfo &info : RequirementCheck::catalogue()) {
        QString status = QStringLiteral("open");
        QString note;
        for (const RequirementCheck &c : o.requirements)
            if (c.id == info.id) {
                status = c.status;
                note = c.note;
            }
        int against = 0;
        for (const Finding &f : findings)
            against += f.rule == info.rule ? 1 : 0;
        bool open = status != QLatin1String("met") && status != QLatin1String("waived");
        if (status == QLatin1String("met") && against > 0) {
            status = tr("NOT MET: %n finding(s) of %1 (see Findings)", nullptr, against).arg(info.rule);
            open = true;
        }
        requirementRows.append({info.title, status, note, open});
    }
    const int openItems = int(std::count_if(requirementRows.cbegin(), requirementRows.cend(),
                                            [](const RequirementRow &row) { return row.open; }));

    r.fields({{tr("Peerings"), peeringNames.join(QStringLiteral(", "))},
              {tr("Peer ASN"), asnText(o.peerAsn.asn)},
              {tr("Metro"), o.metros().join(QStringLiteral(", "))},
              {tr("Exported"),
               options.effectiveNow().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))},
              {tr("Open checklist items"),
               openItems == 0 ? tr("none: every requirement is met or waived")
                              : tr("%n of the checklist (listed under Requirements)", nullptr, openItems)}});
    // On the first page, before anything else: a reviewer must not mistake it for a clean plan.
    if (errors > 0)
        r.notice(tr("DOES NOT PASS VALIDATION: %n error(s) must be fixed before Review + create.",
                    nullptr, errors)
                 + QLatin1Char(' ') + tr("%n warning(s).", nullptr, warnings));
    else
        r.paragraph(tr("Passes validation with %n warning(s).", nullptr, warnings));
    const int secrets = [&o] {
        int n = 0;
        for (const PeeringResource &p : o.peerings)
            for (const Connection &c : p.connections)
                n += c.bgp.md5Key.isEmpty() ? 0 : 1;
        return n;
    }();
    if (secrets > 0)
        r.paragraph(
            options.includeSecrets
                ? tr("This export CONTAINS %n MD5 key(s): handle it as a secret.", nullptr, secrets)
                : tr("MD5 keys are left out of this export (%n set).", nullptr, secrets));

    r.heading(2, tr("Peer ASN association"));
    r.fields({{tr("Name"), o.peerAsn.name},
              {tr("Peer ASN"), asnText(o.peerAsn.asn)},
              {tr("Peer name"), o.peerAsn.peerName},
              {tr("Validation state"), o.peerAsn.validationState}});
    if (!o.peerAsn.contacts.isEmpty()) {
        QList<QStringList> rows;
        for (const Contact &c : o.peerAsn.contacts)
            rows.append({c.role, c.email, c.phone});
        r.table({tr("Role"), tr("E-mail"), tr("Phone")}, rows);
    }

    for (const PeeringResource &p : o.peerings) {
        r.heading(2, tr("Peering %1").arg(p.name));
        r.heading(3, tr("Basics"));
        r.fields({{tr("Subscription"), p.subscriptionId},
                  {tr("Resource group"), p.resourceGroup},
                  {tr("Name"), p.name},
                  {tr("Peer ASN"), asnText(o.peerAsn.asn)}});
        r.heading(3, tr("Configuration"));
        r.fields(
            {{tr("Peering type"), p.kind},
             {tr("Microsoft network"), p.microsoftNetwork},
             {tr("SKU"), p.sku},
             {tr("Metro"), p.metro},
             {tr("Azure region"), p.azureRegion},
             {tr("Max prefixes from Microsoft"), QString::number(p.maxPrefixesFromMicrosoft)}});
        r.heading(3, tr("Connections"));
        QList<QStringList> conns;
        QList<QStringList> sessions;
        for (qsizetype i = 0; i < p.connections.size(); ++i) {
            const Connection &c = p.connections[i];
            const QString n = QString::number(i + 1);
            conns.append({n,
                          QStringLiteral("%1 (%2)").arg(c.facilityName,
                                                        QString::number(c.peeringDbFacilityId)),
                          tr("%1 Mbps").arg(c.bandwidthMbps), c.role, c.state,
                          c.peerRouters.join(QStringLiteral(", ")),
                          QStringLiteral("%1 / %2").arg(c.sessionAddressProvider,
                                                        yesNo(c.useForPeeringService))});
            const BgpSession &b = c.bgp;
            // Where the key is, truthfully: in the keychain, in this document only, or nowhere.
            QString md5 = tr("not set");
            if (!b.md5Key.isEmpty())
                md5 = options.includeSecrets ? b.md5Key
                    : b.md5InKeychain        ? tr("set (in the keychain)")
                                             : tr("set (not shown)");
            // One row per address family: narrow enough for paper without breaking addresses.
            sessions.append({n, QStringLiteral("IPv4"), orDash(b.sessionPrefixV4),
                             orDash(b.peerIPv4), orDash(b.microsoftIPv4),
                             QString::number(b.maxPrefixesAdvertisedV4), md5});
            if (b.hasIpv6())
                sessions.append({n, QStringLiteral("IPv6"), orDash(b.sessionPrefixV6),
                                 orDash(b.peerIPv6), orDash(b.microsoftIPv6),
                                 QString::number(b.maxPrefixesAdvertisedV6), md5});
        }
        r.table({tr("#"), tr("Facility (PeeringDB id)"), tr("Bandwidth"), tr("Role"), tr("State"),
                 tr("Peer routers"), tr("Addresses / Peering Service")},
                conns, {4, 22, 13, 10, 13, 21, 17});
        r.heading(3, tr("BGP sessions"));
        r.table({tr("#"), tr("Family"), tr("Session prefix"), tr("Peer IP"), tr("Microsoft IP"),
                 tr("Max prefixes"), tr("MD5 key")},
                sessions);
    }

    r.heading(2, tr("Prefixes"));
    r.paragraph(tr("%n advertised prefix(es).", nullptr, int(o.prefixes.size())));
    if (!o.prefixes.isEmpty()) {
        QList<QStringList> rows;
        for (const AdvertisedPrefix &a : o.prefixes)
            rows.append({a.prefix, asnText(a.originAsn), yesNo(a.registered),
                         a.communities.join(QStringLiteral(" ")), a.trafficClass});
        r.table({tr("Prefix"), tr("Origin"), tr("Registered"), tr("Communities"), tr("Traffic")},
                rows);
    }
    if (!o.registeredAsns.isEmpty()) {
        r.heading(2, tr("Registered customer ASNs"));
        QList<QStringList> rows;
        for (const RegisteredAsn &a : o.registeredAsns)
            rows.append(
                {a.name, asnText(a.asn), a.peering, orDash(a.prefixKey), orDash(a.keyDeliveredAt)});
        r.table({tr("Customer"), tr("ASN"), tr("Peering"), tr("Prefix key"), tr("Key delivered")},
                rows);
    }

    r.heading(2, tr("Requirements"));
    {
        QList<QStringList> rows;
        QList<QStringList> open;
        for (const RequirementRow &row : std::as_const(requirementRows)) {
            rows.append({row.title, row.status, row.note});
            if (row.open)
                open.append({QString::number(open.size() + 1), row.title, row.status});
        }
        r.table({tr("Requirement"), tr("Status"), tr("Waiver / note")}, rows, {50, 10, 40});
        r.heading(3, tr("Open items"));
        if (open.isEmpty())
            r.paragraph(tr("None: every requirement is met or waived."));
        else
            r.table({tr("#"), tr("Requirement"), tr("Why open")}, open, {5, 55, 40});
    }

    r.heading(2, tr("Findings"));
    if (findings.isEmpty()) {
        r.paragraph(tr("No findings: every check passed."));
    } else {
        QList<QStringList> rows;
        for (const Finding &f : findings)
            rows.append({severityId(f.severity), f.rule, f.path, f.message});
        r.table({tr("Severity"), tr("Rule"), tr("Field"), tr("Message")}, rows, {11, 23, 22, 44});
    }

    r.heading(2, tr("Progress"));
    // The tracker's view, as the tracker window and the list show it: every stage with its
    // status, planned and reached dates and how early or late, in UTC on the export's date.
    const OnboardingTracker tracker(o);
    const QDate today = options.effectiveNow().date();
    const QString current = tracker.currentStage();
    r.fields({{tr("Current stage"),
               current == QLatin1String(OnboardingProgress::Complete)
                   ? OnboardingTracker::inProgressTitle(current)
                   : tr("%1 (%2)").arg(OnboardingTracker::inProgressTitle(current), current)}});
    if (tracker.isRegressed())
        r.paragraph(tr("A connection is ProvisioningFailed: provisioning starts again at "
                       "port-configured, and the evidence of later stages is kept but no longer "
                       "counted."));
    {
        QList<QStringList> rows;
        for (const OnboardingTracker::Stage &stage : tracker.stages()) {
            QString timing = QStringLiteral("-");
            if (const auto late = tracker.daysLate(stage.id, QTimeZone::utc())) {
                if (*late > 0)
                    timing = tr("%n day(s) late", nullptr, int(*late));
                else if (*late < 0)
                    timing = tr("%n day(s) early", nullptr, int(-*late));
                else
                    timing = tr("on time");
            } else if (tracker.isOverdue(stage.id, today)) {
                timing = tr("OVERDUE by %n day(s)", nullptr, int(stage.expected.daysTo(today)));
            }
            // The counted evidence, first item in full (for a milestone: its source and note).
            QStringList evidence;
            for (const OnboardingTracker::Evidence &e : stage.evidence)
                if (!e.superseded && !e.logOnly)
                    evidence.append(e.text);
            QString evidenceText = evidence.value(0, QStringLiteral("-"));
            if (evidence.size() > 1)
                evidenceText += u' ' + tr("(and %n more)", nullptr, int(evidence.size() - 1));
            // Notes of planned milestones not reached yet ("cabling booked") are kept too.
            for (const Milestone &m : o.milestones)
                if (m.stage == stage.id && m.reached.trimmed().isEmpty() && !m.note.isEmpty())
                    evidenceText = (evidence.isEmpty() ? QString() : evidenceText + u' ')
                                   + tr("Planned: %1").arg(m.note);
            rows.append({OnboardingTracker::title(stage.id) + QStringLiteral(" (") + stage.id
                             + u')',
                         OnboardingTracker::statusName(stage.status),
                         stage.expected.isValid() ? stage.expected.toString(Qt::ISODate)
                                                  : QStringLiteral("-"),
                         stage.reached.isValid()
                             ? stage.reached.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                             : QStringLiteral("-"),
                         timing, evidenceText});
        }
        r.table({tr("Stage"), tr("Status"), tr("Expected"), tr("Reached (UTC)"),
                 tr("Early / late"), tr("Evidence")},
                rows, {24, 12, 11, 15, 12, 26});
    }
    r.signOff();
    return r;
}

QString ReviewReport::escapeMarkdown(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        // Entities rather than backslashes: no renderer turns them back into tags.
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '|':
        case '#':
        case '!':
        case '~':
            out += u'\\';
            out += c;
            break;
        case '\n':
        case '\r':
            out += u' ';
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString ReviewReport::escapeHtml(const QString &text)
{
    QString out = text.toHtmlEscaped();
    out.replace(u'\'', QStringLiteral("&#39;"));
    return out;
}

QString ReviewReport::toMarkdown() const
{
    QString md;
    for (const ReportBlock &b : m_blocks) {
        switch (b.kind) {
        case ReportBlock::Heading:
            md += QString(b.level, u'#') + u' ' + escapeMarkdown(b.text) + QStringLiteral("\n\n");
            break;
        case ReportBlock::Paragraph:
            md += escapeMarkdown(b.text) + QStringLiteral("\n\n");
            break;
        case ReportBlock::Notice:
            md += QStringLiteral("> **") + escapeMarkdown(b.text) + QStringLiteral("**\n\n");
            break;
        case ReportBlock::Fields:
            for (const QStringList &row : b.rows)
                md += QStringLiteral("- **%1:** %2\n")
                          .arg(escapeMarkdown(row.value(0)), escapeMarkdown(row.value(1)));
            md += u'\n';
            break;
        case ReportBlock::Table: {
            QStringList h;
            for (const QString &s : b.headers)
                h.append(escapeMarkdown(s));
            md += QStringLiteral("| ") + h.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
            for (qsizetype i = 0; i < b.headers.size(); ++i)
                md += QStringLiteral(" --- |");
            md += u'\n';
            for (const QStringList &row : b.rows) {
                QStringList cells;
                for (const QString &s : row)
                    cells.append(escapeMarkdown(s));
                md += QStringLiteral("| ") + cells.join(QStringLiteral(" | "))
                    + QStringLiteral(" |\n");
            }
            md += u'\n';
            break;
        }
        }
    }
    return md;
}

QString ReviewReport::toHtml() const
{
    QString h;
    h += QStringLiteral(
             "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%1</title>\n")
             .arg(escapeHtml(m_title));
    // Black on white with rules and bold headings: readable when printed without colour.
    h += QStringLiteral(
        "<style>\nbody { font-family: sans-serif; font-size: 10pt; color: #000; background: #fff; "
        "}\n"
        "h1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #000; } h3 { "
        "font-size: 11pt; }\n"
        "table { border-collapse: collapse; margin-bottom: 8pt; }\n"
        "th, td { border: 1px solid #000; text-align: left; vertical-align: top; }\n"
        "th { background: #ddd; }\n"
        "td.key { font-weight: bold; border: none; }\ntd.value { border: none; }\n"
        "p.notice { border: 2px solid #000; padding: 4pt; font-weight: bold; "
        "}\n</style>\n</head><body>\n");
    for (const ReportBlock &b : m_blocks) {
        switch (b.kind) {
        case ReportBlock::Heading:
            h += QStringLiteral("<h%1>%2</h%1>\n").arg(b.level).arg(escapeHtml(b.text));
            break;
        case ReportBlock::Paragraph:
            h += QStringLiteral("<p>%1</p>\n").arg(escapeHtml(b.text));
            break;
        case ReportBlock::Notice:
            // A table cell gives QTextDocument a real box with a border around the notice.
            h += QStringLiteral("<table class=\"notice\" border=\"2\" cellpadding=\"6\" "
                                "cellspacing=\"0\" width=\"100%\">"
                                "<tr><td><p class=\"notice\"><b>%1</b></p></td></tr></table>\n")
                     .arg(escapeHtml(b.text));
            break;
        case ReportBlock::Fields:
            h += QStringLiteral("<table class=\"fields\" cellpadding=\"2\" cellspacing=\"0\">\n");
            for (const QStringList &row : b.rows)
                h += QStringLiteral("<tr><td class=\"key\"><b>%1</b>&nbsp;&nbsp;</td><td "
                                    "class=\"value\">%2</td></tr>\n")
                         .arg(escapeHtml(row.value(0)), escapeHtml(row.value(1)));
            h += QStringLiteral("</table>\n");
            break;
        case ReportBlock::Table: {
            h += QStringLiteral("<table border=\"1\" cellpadding=\"3\" cellspacing=\"0\" "
                                "width=\"100%\">\n<thead><tr>");
            for (qsizetype i = 0; i < b.headers.size(); ++i)
                h += (i < b.widths.size() ? QStringLiteral("<th width=\"%1%\">").arg(b.widths[i])
                                          : QStringLiteral("<th>"))
                    + escapeHtml(b.headers[i]) + QStringLiteral("</th>");
            h += QStringLiteral("</tr></thead>\n<tbody>\n");
            for (const QStringList &row : b.rows) {
                h += b.signatures ? QStringLiteral("<tr style=\"height: 3em\">") : QStringLiteral("<tr>");
                for (const QString &s : row) {
                    // Addresses, prefixes and numbers stay whole on paper: a one-word cell of up
                    // to 24 characters does not wrap (an IPv6 address broken after "::" misleads).
                    const bool word = s.size() <= 24 && !s.contains(u' ');
                    h += (word ? QStringLiteral("<td style=\"white-space: nowrap\">%1</td>")
                               : QStringLiteral("<td>%1</td>"))
                             .arg(escapeHtml(s));
                }
                h += QStringLiteral("</tr>\n");
            }
            h += QStringLiteral("</tbody></table>\n");
            break;
        }
        }
    }
    h += QStringLiteral("</body></html>\n");
    return h;
}

} // namespace Peering
