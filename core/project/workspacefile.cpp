#include "workspacefile.h"

#include "delivery/exchangecodec.h"
#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace inkmapper::project {

namespace {

const QString kFormat = QStringLiteral("format");
const QString kVersion = QStringLiteral("version");
const QString kProject = QStringLiteral("project");
const QString kHistory = QStringLiteral("history");
const QString kMapping = QStringLiteral("mapping");
const QString kExchange = QStringLiteral("exchange");
const QString formatName = QStringLiteral("inkmapper-workspace");

QString absolute(const QString &projectPath)
{
    const QFileInfo info(projectPath);
    const QString canonical = info.canonicalFilePath(); // empty when the file does not exist (yet)
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

Error damaged(const QString &path, const QString &message)
{
    return Error{message, Location{0, 0, path}};
}

} // namespace

QString WorkspaceFile::locationFor(const QString &projectPath)
{
    const QByteArray hash = QCryptographicHash::hash(absolute(projectPath).toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/workspaces/")
        + QString::fromLatin1(hash.left(32)) + QStringLiteral(".json");
}

Result<std::vector<delivery::SentTest>> WorkspaceFile::read(QByteArrayView utf8)
{
    const Result<json::Value> parsed = json::parse(utf8);
    if (!parsed)
        return parsed.error();
    const json::Value format = parsed->isObject() ? parsed->toObject().value(kFormat) : json::Value();
    if (!format.isString() || format.toString() != formatName)
        return damaged(kFormat, QStringLiteral("not an InkMapper workspace file"));
    const json::Object &root = parsed->toObject();
    const json::Value version = root.value(kVersion);
    if (!version.isNumber() || version.toNumber() < 1)
        return damaged(kVersion, QStringLiteral("expected a version number"));
    if (version.toNumber() > CurrentVersion)
        return damaged(kVersion, QStringLiteral("written by a newer InkMapper (version %1)").arg(version.toNumber()));
    const json::Value history = root.value(kHistory);
    if (!history.isArray())
        return damaged(kHistory, QStringLiteral("expected an array"));
    std::vector<delivery::SentTest> tests;
    tests.reserve(history.toArray().size());
    for (size_t i = 0; i < history.toArray().size(); ++i) {
        const QString at = QStringLiteral("history[%1]").arg(i);
        const json::Value &entry = history.toArray()[i];
        const json::Value mapping = entry.isObject() ? entry.toObject().value(kMapping) : json::Value();
        if (!mapping.isString())
            return damaged(at + u'.' + kMapping, QStringLiteral("expected a string"));
        Result<delivery::Exchange> exchange = delivery::ExchangeCodec::fromJson(entry.toObject().value(kExchange));
        if (!exchange)
            return damaged(at + u'.' + kExchange + u'.' + exchange.error().location.path, exchange.error().message);
        tests.push_back({mapping.toString(), std::move(exchange).value()});
    }
    return tests;
}

QByteArray WorkspaceFile::write(const std::vector<delivery::SentTest> &history, const QString &projectPath)
{
    // The newest tests that fit, written one a line so that the file stays readable.
    std::vector<QByteArray> lines;
    qsizetype bytes = 0;
    for (auto test = history.rbegin(); test != history.rend() && int(lines.size()) < MaxTests; ++test) {
        json::Object entry;
        entry.set(kMapping, json::Value(test->mapping));
        entry.set(kExchange, delivery::ExchangeCodec::toJson(test->exchange));
        QByteArray line = json::toJsonString(json::Value(std::move(entry))).toUtf8();
        bytes += line.size();
        if (bytes > MaxBytes && !lines.empty())
            break;
        lines.push_back(std::move(line));
    }
    QByteArray out = QByteArrayLiteral("{\"format\":\"") + formatName.toUtf8() + QByteArrayLiteral("\",\"version\":")
        + QByteArray::number(CurrentVersion) + QByteArrayLiteral(",\"project\":")
        + json::toJsonString(json::Value(absolute(projectPath))).toUtf8() + QByteArrayLiteral(",\"history\":[");
    for (auto line = lines.rbegin(); line != lines.rend(); ++line)
        out += (line == lines.rbegin() ? QByteArrayLiteral("\n") : QByteArrayLiteral(",\n")) + *line;
    out += QByteArrayLiteral("\n]}\n");
    return out;
}

Result<std::vector<delivery::SentTest>> WorkspaceFile::load(const QString &projectPath)
{
    QFile file(locationFor(projectPath));
    if (!file.exists())
        return std::vector<delivery::SentTest>();
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()), {}};
    Result<std::vector<delivery::SentTest>> history = read(file.readAll());
    if (!history)
        return Error{QStringLiteral("%1: %2").arg(file.fileName(), history.error().describe()), {}};
    return history;
}

Result<Ok> WorkspaceFile::save(const QString &projectPath, const std::vector<delivery::SentTest> &history)
{
    const QString path = locationFor(projectPath);
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Error{QStringLiteral("%1: the folder cannot be made").arg(QFileInfo(path).path()), {}};
    QSaveFile file(path);
    const QByteArray bytes = write(history, projectPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{QStringLiteral("%1: %2").arg(path, file.errorString()), {}};
    return Ok{};
}

} // namespace inkmapper::project
