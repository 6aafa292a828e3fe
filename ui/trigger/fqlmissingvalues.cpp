#include "fqlmissingvalues.h"

#include "fql/lexer.h"
#include "fql/parser.h"
#include "json/object.h"

#include <algorithm>
#include <functional>

namespace inkmapper::ui {

namespace {

const QString KeyType = QStringLiteral("type");
const QString KeyChildren = QStringLiteral("children");
const QString KeyValue = QStringLiteral("value");

// A text no one types; it must not end with `*`, which would turn a match() into starts-with.
const QString ProbeText = QStringLiteral("~inkmapper-probe~");

void collectLeaves(const json::Value &node, QList<json::Value> &leaves)
{
    if (!node.isObject())
        return;
    const json::Object &object = node.toObject();
    if (object.value(KeyType) == json::Value(QStringLiteral("group"))) {
        const json::Value children = object.value(KeyChildren);
        if (children.isArray()) {
            for (const json::Value &child : children.toArray())
                collectLeaves(child, leaves);
        }
        return;
    }
    leaves.append(node);
}

QList<json::Value> leavesOf(const json::Value &tree)
{
    QList<json::Value> leaves;
    collectLeaves(tree, leaves);
    return leaves;
}

// The text with `value` (a quoted FQL string) placed wherever Segment's parser may meet an end-of-input
// token: at the end of the text, and before each `)` (a group's tokens get one there).
QString withValueAtEnds(const QString &fql, const QString &value)
{
    QList<qsizetype> closingParens;
    for (const fql::Token &token : fql::Lexer::lex(fql).tokens) {
        if (token.type == fql::TokenType::ParenRight)
            closingParens.append(token.offset);
    }
    QString text = fql + u' ' + value;
    // From the back, so the offsets before each insertion stay valid.
    std::sort(closingParens.begin(), closingParens.end(), std::greater<>());
    for (qsizetype offset : closingParens)
        text.insert(offset, u' ' + value + u' ');
    return text;
}

QList<json::Value> leavesWithValueAtEnds(const QString &fql, const QString &value)
{
    const QString quoted = u'"' + value + u'"';
    const Result<json::Value> parsed = fql::parse(withValueAtEnds(fql, quoted));
    return parsed ? leavesOf(*parsed) : QList<json::Value>();
}

} // namespace

QString FqlMissingValues::endOfInputText()
{
    return QStringLiteral("eos");
}

QList<FqlMissingValues::Missing> FqlMissingValues::find(const QString &fql, const json::Value &tree)
{
    const QList<json::Value> leaves = leavesOf(tree);
    if (leaves.isEmpty())
        return {};
    // A quoted "eos" reads exactly as the end-of-input token does (string tokens lose their quotes), so
    // the conditions built from that token stay the same with it, and only they change with the probe.
    const QList<json::Value> withEos = leavesWithValueAtEnds(fql, endOfInputText());
    const QList<json::Value> withProbe = leavesWithValueAtEnds(fql, ProbeText);
    if (withEos.size() != leaves.size() || withProbe.size() != leaves.size())
        return {};
    QList<Missing> found;
    for (qsizetype i = 0; i < leaves.size(); ++i) {
        if (leaves[i] != withEos[i] || leaves[i] == withProbe[i])
            continue;
        const json::Value value = leaves[i].toObject().value(KeyValue);
        found.append(Missing{int(i + 1), value.isString() ? value.toString() : endOfInputText()});
    }
    return found;
}

} // namespace inkmapper::ui
