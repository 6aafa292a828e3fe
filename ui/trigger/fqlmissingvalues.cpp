#include "fqlmissingvalues.h"

#include "fql/lexer.h"
#include "json/object.h"

namespace inkmapper::ui {

namespace {

const QString KeyType = QStringLiteral("type");
const QString KeyChildren = QStringLiteral("children");
const QString KeyValue = QStringLiteral("value");

void collect(const json::Value &node, const json::Value &endOfInput, int &ordinal, QList<int> &found)
{
    if (!node.isObject())
        return;
    const json::Object &object = node.toObject();
    if (object.value(KeyType) == json::Value(QStringLiteral("group"))) {
        const json::Value children = object.value(KeyChildren);
        if (children.isArray()) {
            for (const json::Value &child : children.toArray())
                collect(child, endOfInput, ordinal, found);
        }
        return;
    }
    ++ordinal;
    if (object.value(KeyValue) == endOfInput)
        found.append(ordinal);
}

} // namespace

QString FqlMissingValues::endOfInputText()
{
    return QStringLiteral("eos");
}

QList<int> FqlMissingValues::find(const QString &fql, const json::Value &tree)
{
    // A value "eos" that no token of the text spells out can only be the end-of-input token. When the
    // user did type eos somewhere, every "eos" value is taken as theirs: never a hint that is wrong.
    for (const fql::Token &token : fql::Lexer::lex(fql).tokens) {
        if (token.type != fql::TokenType::Eos && token.value.contains(endOfInputText()))
            return {};
    }
    QList<int> found;
    int ordinal = 0;
    collect(tree, json::Value(endOfInputText()), ordinal, found);
    return found;
}

} // namespace inkmapper::ui
