#include "jsonkeyscan.h"

#include <QSet>

#include <vector>

namespace Peering {

namespace {

struct Frame
{
    bool object = false;
    QString path;
    QSet<QString> keys;
    QString key; // objects: the key whose value comes next
    qsizetype index = -1; // arrays: the index of the current value
    bool expectKey = false;
};

// The string starting at bytes[at] == '"', decoded (escapes, \uXXXX pairs); at ends after it.
QString readString(const QByteArray &bytes, qsizetype &at)
{
    QByteArray raw;
    QString out;
    ++at;
    const auto flush = [&] {
        out += QString::fromUtf8(raw);
        raw.clear();
    };
    while (at < bytes.size()) {
        const char c = bytes[at++];
        if (c == '"')
            break;
        if (c != '\\') {
            raw += c;
            continue;
        }
        if (at >= bytes.size())
            break;
        const char e = bytes[at++];
        switch (e) {
        case 'n': raw += '\n'; break;
        case 't': raw += '\t'; break;
        case 'r': raw += '\r'; break;
        case 'b': raw += '\b'; break;
        case 'f': raw += '\f'; break;
        case 'u': {
            flush();
            bool ok = false;
            const char16_t unit = char16_t(bytes.mid(at, 4).toUInt(&ok, 16));
            at += 4;
            out += QChar(unit);
            break;
        }
        default: raw += e; // " \ /
        }
    }
    flush();
    return out;
}

QString childPath(const Frame &f)
{
    if (!f.object)
        return f.path + u'[' + QString::number(f.index) + u']';
    return f.path.isEmpty() ? f.key : f.path + u'.' + f.key;
}

} // namespace

std::optional<QString> JsonKeyScan::problem(const QByteArray &json)
{
    std::vector<Frame> stack;
    qsizetype at = 0;
    const qsizetype n = json.size();
    // A value begins: in an array it is the next element.
    const auto valueStarts = [&stack] {
        if (!stack.empty() && !stack.back().object)
            ++stack.back().index;
    };
    const auto pathHere = [&stack] {
        return stack.empty() ? QString() : childPath(stack.back());
    };
    while (at < n) {
        const char c = json[at];
        switch (c) {
        case '{':
        case '[': {
            valueStarts();
            Frame f;
            f.object = c == '{';
            f.path = pathHere();
            f.expectKey = f.object;
            stack.push_back(std::move(f));
            ++at;
            break;
        }
        case '}':
        case ']':
            if (!stack.empty())
                stack.pop_back();
            ++at;
            break;
        case ',':
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
            ++at;
            break;
        case '"': {
            Frame *top = stack.empty() ? nullptr : &stack.back();
            if (top && top->object && top->expectKey) {
                const QString key = readString(json, at);
                top->expectKey = false;
                top->key = key;
                const QString path = childPath(*top);
                if (top->keys.contains(key))
                    return tr("%1: the key appears twice in one object (a reader would take one "
                              "and drop the other); keep one")
                        .arg(path);
                top->keys.insert(key);
                const bool md5Like = key.contains(QLatin1String("md5"), Qt::CaseInsensitive);
                const bool theKey = key == QLatin1String("md5Key")
                    && (top->path == QLatin1String("bgp") || top->path.endsWith(QLatin1String(".bgp")));
                if (md5Like && !theKey)
                    return tr("%1: this looks like an MD5 key under another name; an MD5 key goes "
                              "in bgp.md5Key only, which is kept out of the store and of exports "
                              "(under any other key it would be kept and exported in clear)")
                        .arg(path);
            } else {
                valueStarts();
                readString(json, at);
            }
            break;
        }
        case ':':
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            ++at;
            break;
        default:
            // A number, true, false or null.
            valueStarts();
            while (at < n && !QByteArrayView(",}] \t\r\n").contains(json[at]))
                ++at;
        }
    }
    return std::nullopt;
}

} // namespace Peering
