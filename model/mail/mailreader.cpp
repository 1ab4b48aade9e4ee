#include "mailreader.h"

#include <gmime/gmime.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTimeZone>

#include <fcntl.h>
#include <unistd.h>

#include <mutex>

namespace Peering {

namespace {

// The deepest MIME nesting searched for the text (GMime builds the tree; a 5,000-level message
// is read, its text looked for this deep only).
constexpr int MaxDepth = 64;
// A single message file larger than this is refused (an mbox is streamed instead).
constexpr qint64 MaxMessageFileBytes = qint64(256) << 20;

void initializeGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

// GMime's parser options, made once: default compliance (loose), no warning callback (its
// signature differs between 3.2.13 and the documentation).
GMimeParserOptions *parserOptions()
{
    initializeGMime();
    static GMimeParserOptions *options = [] {
        GMimeParserOptions *o = g_mime_parser_options_new();
        static const char *fallback[] = {"UTF-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(o, fallback);
        return o;
    }();
    return options;
}

// Owns one GObject reference.
template<typename T>
struct Ref
{
    T *p = nullptr;
    explicit Ref(T *ptr = nullptr) : p(ptr) {}
    ~Ref()
    {
        if (p)
            g_object_unref(p);
    }
    Ref(const Ref &) = delete;
    Ref &operator=(const Ref &) = delete;
    T *get() const { return p; }
    explicit operator bool() const { return p != nullptr; }
};

QString fromGChar(char *text)
{
    if (!text)
        return {};
    QString s = QString::fromUtf8(text);
    g_free(text);
    return s;
}

// Bytes of unknown charset as text: UTF-8 when they are valid UTF-8, else GMime's 8-bit decoding
// (the fallback charsets).
QString decode8bit(const QByteArray &bytes)
{
    // One pass: decoded as UTF-8, kept when it was valid UTF-8.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (!decoder.hasError())
        return text;
    return fromGChar(g_mime_utils_decode_8bit(parserOptions(), bytes.constData(), bytes.size()));
}

QString decodeCharset(const QByteArray &bytes, const QByteArray &charset)
{
    const QByteArray cs = charset.trimmed().toLower();
    if (cs.isEmpty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii")
        return decode8bit(bytes);
    iconv_t cd = g_mime_iconv_open("UTF-8", cs.constData());
    if (cd == iconv_t(-1))
        return decode8bit(bytes); // an unknown charset
    char *converted = g_mime_iconv_strndup(cd, bytes.constData(), size_t(bytes.size()));
    g_mime_iconv_close(cd);
    if (!converted)
        return decode8bit(bytes);
    return fromGChar(converted);
}

// The raw value of a header (folded lines and all), or a null array when there is none.
QByteArray rawHeader(GMimeObject *object, const char *name)
{
    GMimeHeaderList *list = g_mime_object_get_header_list(object);
    GMimeHeader *h = list ? g_mime_header_list_get_header(list, name) : nullptr;
    if (!h)
        return {};
    const char *raw = g_mime_header_get_raw_value(h);
    return raw ? QByteArray(raw) : QByteArray("");
}

// Reads at most limit + 1 bytes of a stream from its start.
QByteArray readStream(GMimeStream *stream, qint64 limit)
{
    QByteArray out;
    g_mime_stream_reset(stream);
    char buffer[65536];
    while (out.size() <= limit) {
        const ssize_t n = g_mime_stream_read(stream, buffer, sizeof buffer);
        if (n <= 0)
            break;
        out.append(buffer, qsizetype(n));
    }
    return out;
}

struct TextParts
{
    GMimePart *plain = nullptr;
    GMimePart *html = nullptr;
};

// Depth-first: the first text/plain and the first text/html that are not attachments. In a
// multipart/alternative the plain part is taken over the HTML, whatever the order.
void findText(GMimeObject *object, int depth, TextParts &found, bool &tooDeep)
{
    if (!object || found.plain)
        return;
    if (depth > MaxDepth) {
        tooDeep = true;
        return;
    }
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *mp = GMIME_MULTIPART(object);
        const int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n && !found.plain; ++i)
            findText(g_mime_multipart_get_part(mp, i), depth + 1, found, tooDeep);
        return;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
        // A forwarded message attached whole: its text, when the outer mail has none.
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (inner)
            findText(g_mime_message_get_mime_part(inner), depth + 1, found, tooDeep);
        return;
    }
    if (!GMIME_IS_PART(object))
        return;
    GMimePart *part = GMIME_PART(object);
    if (g_mime_part_is_attachment(part))
        return;
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (type && g_mime_content_type_is_type(type, "text", "plain"))
        found.plain = part;
    else if (type && g_mime_content_type_is_type(type, "text", "html") && !found.html)
        found.html = part;
}

// The decoded bytes of a part, or nothing (with the reason) when it is too large.
std::optional<QByteArray> partBytes(GMimePart *part, QString *problem)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return QByteArray();
    GMimeStream *raw = g_mime_data_wrapper_get_stream(content);
    const gint64 length = raw ? g_mime_stream_length(raw) : 0;
    // Base64 and quoted-printable are larger than what they encode: an encoded part over
    // twice the limit cannot fit it.
    if (length > 2 * MailReader::MaxTextBytes) {
        *problem = MailReader::tr("the text part is %1 KB, more than the %2 KB that are read")
                       .arg(length / 1024)
                       .arg(MailReader::MaxTextBytes / 1024);
        return std::nullopt;
    }
    QByteArray bytes;
    const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(content);
    if (encoding == GMIME_CONTENT_ENCODING_BASE64) {
        bytes = MailReader::decodeBase64(readStream(raw, 2 * MailReader::MaxTextBytes));
    } else if (raw && (encoding == GMIME_CONTENT_ENCODING_DEFAULT
                       || encoding == GMIME_CONTENT_ENCODING_7BIT
                       || encoding == GMIME_CONTENT_ENCODING_8BIT
                       || encoding == GMIME_CONTENT_ENCODING_BINARY)) {
        bytes = readStream(raw, MailReader::MaxTextBytes); // nothing to decode
    } else {
        Ref<GMimeStream> mem(g_mime_stream_mem_new());
        g_mime_data_wrapper_write_to_stream(content, mem.get());
        GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
        bytes = QByteArray(reinterpret_cast<const char *>(array->data), qsizetype(array->len));
    }
    if (bytes.size() > MailReader::MaxTextBytes) {
        *problem = MailReader::tr("the text is %1 KB, more than the %2 KB that are read")
                       .arg(bytes.size() / 1024)
                       .arg(MailReader::MaxTextBytes / 1024);
        return std::nullopt;
    }
    return bytes;
}

QString partText(GMimePart *part, QString *problem)
{
    const std::optional<QByteArray> bytes = partBytes(part, problem);
    if (!bytes)
        return {};
    const char *charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
    return decodeCharset(*bytes, charset ? QByteArray(charset) : QByteArray());
}

QDateTime toQDateTime(GDateTime *dt)
{
    if (!dt)
        return {};
    return QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(dt), Qt::UTC);
}

// The values of one parsed message. digest: the raw message's SHA-256, computed only when the
// message has no Message-ID.
MailMessage fromGMime(GMimeMessage *message, const QString &file, int index,
                      const std::function<QByteArray()> &digest)
{
    MailMessage m;
    m.file = file;
    m.index = index;
    GMimeObject *object = GMIME_OBJECT(message);

    if (const char *id = g_mime_message_get_message_id(message); id && *id) {
        m.messageId = QStringLiteral("<%1>").arg(QString::fromUtf8(id));
        m.hasMessageId = true;
    } else {
        m.messageId = QStringLiteral("sha256:") + QString::fromLatin1(digest().toHex());
    }

    if (InternetAddressList *from = g_mime_message_get_from(message)) {
        const int n = internet_address_list_length(from);
        for (int i = 0; i < n && m.from.isEmpty(); ++i) {
            InternetAddress *a = internet_address_list_get_address(from, i);
            if (!INTERNET_ADDRESS_IS_MAILBOX(a))
                continue;
            m.from = QString::fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)));
            if (const char *name = internet_address_get_name(a))
                m.fromName = QString::fromUtf8(name);
        }
    }

    const QByteArray subject = rawHeader(object, "Subject");
    m.subject = MailReader::decodeHeaderText(subject);

    const QByteArray date = rawHeader(object, "Date");
    if (date.isNull()) {
        m.dateProblem = MailReader::tr("the mail has no Date header");
    } else {
        // The value belongs to the message.
        GDateTime *dt = g_mime_message_get_date(message);
        const QDateTime at = toQDateTime(dt);
        if (!at.isValid() || at.date().year() < 1971 || at.date().year() > 2200)
            m.dateProblem = MailReader::tr("the Date header \"%1\" is not a valid date")
                                .arg(QString::fromUtf8(date.trimmed().left(80)));
        else
            m.date = at;
    }

    TextParts parts;
    bool tooDeep = false;
    findText(g_mime_message_get_mime_part(message), 0, parts, tooDeep);
    if (parts.plain) {
        m.text = partText(parts.plain, &m.textProblem);
    } else if (parts.html) {
        m.text = MailReader::htmlToText(partText(parts.html, &m.textProblem));
    } else {
        m.textProblem = tooDeep ? MailReader::tr("the MIME parts are nested more than %1 deep")
                                      .arg(MaxDepth)
                                : MailReader::tr("the mail has no text part");
    }
    return m;
}

QByteArray hashFileRange(const QString &path, qint64 begin, qint64 end)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(begin))
        return hash.result();
    qint64 left = end < 0 ? f.size() - begin : end - begin;
    char buffer[65536];
    while (left > 0) {
        const qint64 n = f.read(buffer, std::min<qint64>(left, sizeof buffer));
        if (n <= 0)
            break;
        hash.addData(QByteArrayView(buffer, n));
        left -= n;
    }
    return hash.result();
}

enum class Kind { Message, Mbox };

// Parses every message of a stream; for an mbox many, otherwise one.
void parseStream(GMimeStream *stream, Kind kind, const QString &file,
                 const std::function<QByteArray(qint64, qint64)> &digest,
                 const MailReader::Visit &visit, const MailReader::Refuse &refuse)
{
    Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream));
    g_mime_parser_set_format(parser.get(),
                             kind == Kind::Mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
    g_mime_parser_set_persist_stream(parser.get(), TRUE); // parts stay in the file
    int index = 0;
    gint64 previous = -1;
    while (!g_mime_parser_eos(parser.get())) {
        Ref<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parserOptions()));
        const gint64 begin = kind == Kind::Mbox
            ? g_mime_parser_get_mbox_marker_offset(parser.get())
            : 0;
        const gint64 end = g_mime_parser_tell(parser.get());
        if (!message) {
            if (end <= previous || kind == Kind::Message) {
                refuse(MailRefusal {file, index,
                                    kind == Kind::Mbox
                                        ? MailReader::tr("the rest of the mbox cannot be read "
                                                         "as messages")
                                        : MailReader::tr("it cannot be read as a message")});
                return;
            }
            refuse(MailRefusal {file, index, MailReader::tr("it cannot be read as a message")});
        } else {
            visit(fromGMime(message.get(), file, kind == Kind::Mbox ? index : 0,
                            [&] { return digest(begin, end); }));
        }
        previous = end;
        ++index;
        if (kind == Kind::Message)
            return;
    }
}

// What bytes hold, by their start: an mbox, one message, or no mail (the reason).
std::optional<Kind> sniffBytes(const QByteArray &head, QString *reason)
{
    if (head.isEmpty()) {
        *reason = MailReader::tr("the file is empty");
        return std::nullopt;
    }
    if (head.contains('\0')) {
        *reason = MailReader::tr("it is a binary file, not mail");
        return std::nullopt;
    }
    if (head.startsWith("From "))
        return Kind::Mbox;
    // A message starts with a header field: a name of printable characters and a colon.
    static const QRegularExpression field(QStringLiteral("^[!-9;-~]+[ \\t]*:"));
    if (field.match(QString::fromLatin1(head.left(1024))).hasMatch())
        return Kind::Message;
    *reason = MailReader::tr("it does not start with a mail header or an mbox \"From \" line");
    return std::nullopt;
}

// What a file holds, by its first bytes.
std::optional<Kind> sniff(const QString &path, QString *reason)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *reason = MailReader::tr("it cannot be opened (%1)").arg(f.errorString());
        return std::nullopt;
    }
    const std::optional<Kind> kind = sniffBytes(f.read(4096), reason);
    if (kind == Kind::Message && f.size() > MaxMessageFileBytes) {
        *reason = MailReader::tr("it is %1 MB, more than the %2 MB a single message may be")
                      .arg(f.size() >> 20)
                      .arg(MaxMessageFileBytes >> 20);
        return std::nullopt;
    }
    return kind;
}

void readFile(const QString &path, const MailReader::Visit &visit,
              const MailReader::Refuse &refuse)
{
    QString reason;
    const std::optional<Kind> kind = sniff(path, &reason);
    if (!kind) {
        refuse(MailRefusal {path, 0, reason});
        return;
    }
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        refuse(MailRefusal {path, 0, MailReader::tr("it cannot be opened")});
        return;
    }
    Ref<GMimeStream> stream(g_mime_stream_fs_new(fd)); // owns fd
    parseStream(stream.get(), *kind, path,
                [&](qint64 begin, qint64 end) { return hashFileRange(path, begin, end); }, visit,
                refuse);
}

} // namespace

bool MailReader::read(const QString &path, const Visit &visit, const Refuse &refuse,
                      QString *error)
{
    initializeGMime();
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = tr("%1: no such file or folder").arg(path);
        return false;
    }
    if (!info.isReadable()) {
        *error = tr("%1: cannot be read (permission denied)").arg(path);
        return false;
    }
    if (info.isFile()) {
        readFile(path, visit, refuse);
        return true;
    }
    if (!info.isDir()) {
        *error = tr("%1: not a file or a folder").arg(path);
        return false;
    }
    const std::optional<QStringList> files = maildirFiles(path, error);
    if (!files)
        return false;
    for (const QString &file : *files)
        readFile(file, visit, refuse);
    return true;
}

std::optional<QStringList> MailReader::maildirFiles(const QString &path, QString *error)
{
    const QDir dir(path);
    if (!dir.exists(QStringLiteral("cur")) && !dir.exists(QStringLiteral("new"))) {
        *error = tr("%1: a folder, but not a Maildir (it has no cur/ or new/ folder)").arg(path);
        return std::nullopt;
    }
    QStringList files;
    for (const char *sub : {"cur", "new"}) {
        QDir d(dir.filePath(QLatin1String(sub)));
        if (!d.exists())
            continue;
        const QStringList names = d.entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &name : names) {
            if (files.size() >= MaxFolderFiles) {
                *error = tr("%1: more than %2 messages in one Maildir; import its cur/ and new/ "
                            "in parts")
                             .arg(path)
                             .arg(MaxFolderFiles);
                return std::nullopt;
            }
            files.append(d.filePath(name));
        }
    }
    return files;
}

bool MailReader::readData(const QByteArray &raw, const QString &file, const Visit &visit,
                          const Refuse &refuse)
{
    initializeGMime();
    QString reason;
    const std::optional<Kind> kind = sniffBytes(raw.left(4096), &reason);
    if (!kind) {
        refuse(MailRefusal {file, 0, reason});
        return false;
    }
    Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    parseStream(
        stream.get(), *kind, file,
        [&](qint64 begin, qint64 end) {
            return QCryptographicHash::hash(
                raw.mid(begin, end < 0 ? -1 : end - begin), QCryptographicHash::Sha256);
        },
        visit, refuse);
    return true;
}

QString MailReader::decodeHeaderText(const QByteArray &raw)
{
    if (raw.isNull())
        return {};
    initializeGMime();
    // Unfold: a line break followed by white space is that white space.
    QByteArray text = raw;
    text.replace("\r\n", "\n");
    static const QRegularExpression fold(QStringLiteral("\\n(?=[ \\t])"));
    QString unfolded = QString::fromLatin1(text); // bytes kept one to one for the word scan
    unfolded.remove(fold);
    unfolded.replace(u'\n', u' ');
    if (!unfolded.contains(QLatin1String("=?")))
        return decode8bit(unfolded.toLatin1()).simplified(); // no encoded word: the common case
    static const QRegularExpression word(
        QStringLiteral("=\\?[^?\\s]+\\?[BbQq]\\?[^?\\s]*\\?="));
    QString out;
    qsizetype at = 0;
    bool lastWasWord = false;
    auto it = word.globalMatch(unfolded);
    const auto plain = [](const QString &latin) {
        return decode8bit(latin.toLatin1());
    };
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString between = unfolded.mid(at, m.capturedStart() - at);
        // White space between two encoded words is not part of the text (RFC 2047 6.2).
        if (!(lastWasWord && between.trimmed().isEmpty()))
            out += plain(between);
        const QByteArray encoded = m.captured().toLatin1();
        char *decoded = g_mime_utils_header_decode_text(parserOptions(), encoded.constData());
        out += decoded ? fromGChar(decoded) : m.captured();
        at = m.capturedEnd();
        lastWasWord = true;
    }
    out += plain(unfolded.mid(at));
    return out.simplified();
}

QByteArray MailReader::decodeBase64(const QByteArray &encoded)
{
    QByteArray clean;
    clean.reserve(encoded.size());
    for (char c : encoded)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
            || c == '/' || c == '=')
            clean.append(c);
    // Chunks end at their padding: "SGVsbG8=IHdvcmxk" is two chunks, decoded one after another.
    QByteArray out;
    qsizetype start = 0;
    while (start < clean.size()) {
        qsizetype pad = clean.indexOf('=', start);
        if (pad < 0) {
            out += QByteArray::fromBase64(clean.mid(start));
            break;
        }
        qsizetype end = pad;
        while (end < clean.size() && clean.at(end) == '=')
            ++end;
        out += QByteArray::fromBase64(clean.mid(start, end - start));
        start = end;
    }
    return out;
}

QString MailReader::htmlToText(const QString &html)
{
    QString t = html;
    static const QRegularExpression dropped(
        QStringLiteral("<(script|style|head)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    t.remove(dropped);
    static const QRegularExpression breaks(
        QStringLiteral("<\\s*(br|/p|/div|/tr|/li|/h[1-6]|p|div|tr|li|h[1-6])\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    t.replace(breaks, QStringLiteral("\n"));
    static const QRegularExpression cells(QStringLiteral("<\\s*/?t[dh]\\b[^>]*>"),
                                          QRegularExpression::CaseInsensitiveOption);
    t.replace(cells, QStringLiteral(" "));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    t.remove(tags);
    static const QRegularExpression entity(QStringLiteral("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);"));
    static const QHash<QString, QString> named {
        {QStringLiteral("amp"), QStringLiteral("&")},   {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},    {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},  {QStringLiteral("nbsp"), QStringLiteral(" ")},
    };
    QString out;
    qsizetype at = 0;
    auto it = entity.globalMatch(t);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += t.mid(at, m.capturedStart() - at);
        const QString e = m.captured(1);
        QString replacement = m.captured();
        if (e.startsWith(u'#')) {
            bool ok = false;
            const uint code = e.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                ? e.mid(2).toUInt(&ok, 16)
                : e.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
                const char32_t c = code;
                replacement = QString::fromUcs4(&c, 1);
            }
        } else if (named.contains(e.toLower())) {
            replacement = named.value(e.toLower());
        }
        out += replacement;
        at = m.capturedEnd();
    }
    out += t.mid(at);
    // Lines trimmed, runs of empty lines kept to one.
    QStringList lines;
    bool lastEmpty = true;
    for (const QString &line : out.split(u'\n')) {
        const QString s = line.simplified();
        if (s.isEmpty() && lastEmpty)
            continue;
        lines.append(s);
        lastEmpty = s.isEmpty();
    }
    return lines.join(u'\n').trimmed();
}

} // namespace Peering
