#include "enginecommand.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <string>

#include "linereader.h"

namespace inkmapper::cli {

json::Value errorLine(const QString &message)
{
    json::Object o;
    o.set(QStringLiteral("ok"), false);
    o.set(QStringLiteral("error"), message);
    return json::Value(std::move(o));
}

int runJsonLines(std::FILE *in, std::FILE *out, const LineHandler &handler)
{
    LineReader reader(in);
    std::string_view line;
    std::string output;
    qint64 lineNumber = 0;
    // Events usually come as JSON.stringify wrote them, and mappings send much of them on unchanged.
    json::ParseOptions parseOptions;
    parseOptions.keepCanonicalText = true;
    while (reader.next(line)) {
        ++lineNumber;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue; // blank lines get no output
        json::Value result;
        const auto parsed = json::parse(QByteArrayView(line.data(), qsizetype(line.size())), parseOptions);
        if (!parsed.ok())
            result = errorLine(QStringLiteral("input line %1 is not valid JSON: %2")
                                   .arg(lineNumber)
                                   .arg(parsed.error().describe()));
        else if (!parsed.value().isObject())
            result = errorLine(QStringLiteral("input line %1 is not a JSON object").arg(lineNumber));
        else
            result = handler(parsed.value().toObject());
        json::appendJson(output, result);
        output += '\n';
        // Flush in large blocks: fast for files, and a pipe reader still sees complete lines.
        if (output.size() > (1 << 16)) {
            std::fwrite(output.data(), 1, output.size(), out);
            output.clear();
        }
    }
    std::fwrite(output.data(), 1, output.size(), out);
    std::fflush(out);
    return 0;
}

} // namespace inkmapper::cli
