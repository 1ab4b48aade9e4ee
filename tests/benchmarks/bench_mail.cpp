// Mail import speed and memory: `peering-wizard import-mail --dry-run --format json` on a
// generated mbox of 10,000 messages (~100 MB: milestone mails of a few KB, one in ten with an
// 80 KB attachment), against a floor measured in the same run: GMime parsing the same file with
// no classification (each message built, its Message-ID, subject, date and body text read with
// GMime's own calls; a lower floor reads the headers only). Both run as
// child processes, so that each one's peak RSS is its own. Then the import again on an mbox of
// twice the size: the peak RSS must not grow with it (the mbox is streamed). Reports messages/s,
// the ratio to the floor (goal <= 1.5x) and the peak RSS (goal under 100 MB); never fails on speed.
#include <gmime/gmime.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

constexpr int Messages = 10000;

// Writes an mbox of that many messages; returns its size in bytes.
qint64 writeMbox(const QString &path, int messages)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    const QByteArray filler = QByteArray("The connection exampleix-ams-ixrs of your direct peering "
                                         "with Microsoft has been updated. ").repeated(24)
        + '\n';
    QByteArray attachment;
    for (int i = 0; i < 80 * 1024 / 77; ++i)
        attachment += QByteArray(76, char('A' + i % 26)) + '\n';
    const char *stages[] = {"The ports have been configured and the IP addresses allocated.",
                            "The LAG is up on both links.",
                            "The BGP sessions have been established.",
                            "Connection state: Active.",
                            "Your peering request has been approved and provisioning has started.",
                            "Nothing of note this week."};
    for (int i = 0; i < messages; ++i) {
        QByteArray m;
        m += "From peeringservice@microsoft.com Mon Nov 23 22:30:00 2026\n";
        m += "From: Microsoft Peering <peeringservice@microsoft.com>\n";
        m += "To: noc@example-ix.net\n";
        m += "Subject: =?UTF-8?B?UGVlcmluZyB1cGRhdGU=?= =?UTF-8?B?IG5v?= " + QByteArray::number(i) + "\n";
        m += "Date: Mon, 23 Nov 2026 23:30:" + QByteArray::number(10 + i % 50) + " +0100\n";
        m += "Message-ID: <bench-" + QByteArray::number(i) + "@peering.microsoft.com>\n";
        m += "MIME-Version: 1.0\n";
        const QByteArray text = QByteArray("Hello Example-IX,\n\n") + stages[i % 6] + "\n\n"
            + "  Microsoft IPv4 address: 192.0.2." + QByteArray::number((i % 127) * 2) + "/31\n"
            + "  Peer IPv4 address:      192.0.2." + QByteArray::number((i % 127) * 2 + 1) + "\n\n"
            + filler + "-- \nMicrosoft Peering team\n";
        if (i % 10 == 0) {
            m += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\n\n";
            m += "--b" + QByteArray::number(i) + "\nContent-Type: text/plain; charset=utf-8\n\n";
            m += text;
            m += "--b" + QByteArray::number(i) + "\nContent-Type: application/pdf\n"
                 "Content-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=r.pdf\n\n";
            m += attachment;
            m += "--b" + QByteArray::number(i) + "--\n";
        } else {
            m += "Content-Type: text/plain; charset=utf-8\n\n";
            m += text;
        }
        m += "\n";
        if (f.write(m) != m.size())
            return -1;
    }
    f.close();
    return QFileInfo(path).size();
}

// The floor, run in a child: GMime parses the mbox, message by message, reading the headers an
// import needs (and with withText, the body text through GMime's own g_mime_message_get_body and
// g_mime_text_part_get_text), with no classification and no output.
int floorParse(const char *path, bool withText)
{
    g_mime_init();
    const int fd = ::open(path, O_RDONLY);
    if (fd < 0)
        return 1;
    GMimeStream *stream = g_mime_stream_fs_new(fd);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX);
    g_mime_parser_set_persist_stream(parser, TRUE);
    int count = 0;
    qsizetype touched = 0;
    while (!g_mime_parser_eos(parser)) {
        GMimeMessage *m = g_mime_parser_construct_message(parser, nullptr);
        if (!m)
            break;
        const char *id = g_mime_message_get_message_id(m);
        const char *subject = g_mime_message_get_subject(m);
        touched += (id ? 1 : 0) + (subject ? 1 : 0) + (g_mime_message_get_date(m) ? 1 : 0);
        if (withText) {
            GMimeObject *body = g_mime_message_get_body(m);
            if (body && GMIME_IS_TEXT_PART(body)) {
                char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(body));
                touched += text ? qsizetype(strlen(text)) : 0;
                g_free(text);
            }
        }
        g_object_unref(m);
        ++count;
    }
    g_object_unref(parser);
    g_object_unref(stream);
    std::printf("%d %lld\n", count, qlonglong(touched));
    return count > 0 ? 0 : 1;
}

struct Run
{
    double ms = 0;
    long maxRssKb = 0;
    int exit = -1;
};

// One child, its output thrown away; wall time and peak RSS from wait4.
Run spawn(const QByteArray &program, const QList<QByteArray> &args)
{
    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(program.constData()));
    for (const QByteArray &a : args)
        argv.push_back(const_cast<char *>(a.constData()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    QElapsedTimer t;
    t.start();
    pid_t pid = 0;
    Run r;
    if (posix_spawn(&pid, program.constData(), &actions, nullptr, argv.data(), environ) != 0)
        return r;
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    r.ms = double(t.nsecsElapsed()) / 1e6;
    r.maxRssKb = usage.ru_maxrss;
    r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&actions);
    return r;
}

constexpr int Runs = 7;

Run median(std::vector<Run> all)
{
    std::sort(all.begin(), all.end(), [](const Run &a, const Run &b) { return a.ms < b.ms; });
    Run m = all[all.size() / 2];
    for (const Run &r : all)
        m.maxRssKb = std::max(m.maxRssKb, r.maxRssKb);
    for (const Run &r : all)
        if (r.exit != 0)
            m.exit = r.exit;
    return m;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--floor") == 0)
        return floorParse(argv[2], false);
    if (argc == 3 && qstrcmp(argv[1], "--floor-text") == 0)
        return floorParse(argv[2], true);
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_mail: no temporary folder\n");
        return 1;
    }
    const QString one = dir.filePath(QStringLiteral("inbox.mbox"));
    const QString two = dir.filePath(QStringLiteral("inbox2.mbox"));
    const qint64 size = writeMbox(one, Messages);
    const qint64 size2 = writeMbox(two, 2 * Messages);
    if (size < 0 || size2 < 0) {
        std::fprintf(stderr, "bench_mail: cannot write the mbox\n");
        return 1;
    }
    const QByteArray self = QCoreApplication::applicationFilePath().toLocal8Bit();
    const QByteArray wizard = QByteArrayLiteral(PEERING_WIZARD_BIN);
    const QList<QByteArray> importArgs {"import-mail", one.toLocal8Bit(), "--dry-run", "--format",
                                        "json"};
    // Warm the page cache, then measure.
    spawn(self, {"--floor", one.toLocal8Bit()});
    // Interleaved, so that the machine's ups and downs fall on both sides of each ratio alike.
    std::vector<Run> floors, floorTexts, imports;
    for (int i = 0; i < Runs; ++i) {
        floorTexts.push_back(spawn(self, {"--floor-text", one.toLocal8Bit()}));
        imports.push_back(spawn(wizard, importArgs));
        floors.push_back(spawn(self, {"--floor", one.toLocal8Bit()}));
    }
    const Run floor = median(floors);
    const Run floorText = median(floorTexts);
    const Run import = median(imports);
    const Run twice = spawn(wizard, {"import-mail", two.toLocal8Bit(), "--dry-run", "--format", "json"});
    if (floor.exit != 0 || floorText.exit != 0 || import.exit != 0 || twice.exit != 0) {
        std::fprintf(stderr, "bench_mail: a run failed (floor %d, import %d, twice %d)\n",
                     floor.exit, import.exit, twice.exit);
        return 1;
    }
    std::printf("bench_mail: mbox of %d messages, %.1f MB\n", Messages, double(size) / 1e6);
    std::printf("bench_mail: import-mail --dry-run --format json: median %.0f ms (%d runs, "
                "interleaved with the floors), "
                "%.0f messages/s, peak RSS %.1f MB\n",
                import.ms, Runs, Messages / (import.ms / 1000), double(import.maxRssKb) / 1024);
    std::printf("bench_mail: floor, GMime parsing the same mbox, headers and body text (its own "
                "g_mime_message_get_body and g_mime_text_part_get_text), no classification: median "
                "%.0f ms, %.0f messages/s, peak RSS %.1f MB; import / floor = %.2f (goal <= 1.5)\n",
                floorText.ms, Messages / (floorText.ms / 1000), double(floorText.maxRssKb) / 1024,
                import.ms / floorText.ms);
    std::printf("bench_mail: a lower floor, GMime parsing the headers only: median %.0f ms, "
                "%.0f messages/s; import / that floor = %.2f\n",
                floor.ms, Messages / (floor.ms / 1000), import.ms / floor.ms);
    std::printf("bench_mail: twice the mbox (%d messages, %.1f MB): %.0f ms, %.0f messages/s, "
                "peak RSS %.1f MB (%.2fx the RSS at %d messages; goal: under 100 MB, not growing "
                "with the mbox)\n",
                2 * Messages, double(size2) / 1e6, twice.ms, 2 * Messages / (twice.ms / 1000),
                double(twice.maxRssKb) / 1024, double(twice.maxRssKb) / double(import.maxRssKb),
                Messages);
    return 0;
}
