#include "fqlroundtrip.h"

#include "fql/condition.h"
#include "fql/generator.h"
#include "fql/parser.h"
#include "json/object.h"

namespace inkmapper::ui {

namespace {

const QString KeyType = QStringLiteral("type");
const QString KeyOperator = QStringLiteral("operator");
const QString KeyChildren = QStringLiteral("children");

bool isGroup(const json::Value &node)
{
    return node.isObject() && node.toObject().value(KeyType) == json::Value(QStringLiteral("group"));
}

json::Array childrenOf(const json::Value &group)
{
    const json::Value children = group.toObject().value(KeyChildren);
    return children.isArray() ? children.toArray() : json::Array();
}

} // namespace

json::Value FqlRoundTrip::canonical(const json::Value &tree)
{
    if (!isGroup(tree))
        return tree;
    json::Array children;
    for (const json::Value &child : childrenOf(tree)) {
        // `(a)` parses as `a`: a nested group of one condition loses its parentheses.
        if (isGroup(child) && childrenOf(child).size() == 1)
            children.push_back(childrenOf(child).front());
        else
            children.push_back(child);
    }
    // A root holding one group prints as that group's text, which parses as that group alone.
    if (children.size() == 1 && isGroup(children.front()))
        return children.front();
    // One condition parses as an "and" group around it, whatever the connective was.
    const bool isOr = children.size() > 1 && tree.toObject().value(KeyOperator) == json::Value(QStringLiteral("or"));
    return fql::makeGroup(isOr, std::move(children));
}

Result<QString> FqlRoundTrip::write(const json::Value &tree)
{
    if (isGroup(tree) && childrenOf(tree).empty())
        return QString();
    Result<QString> text = fql::generate(tree);
    if (!text)
        return text.error();
    const Result<json::Value> reread = fql::parse(*text);
    if (!reread)
        return Error{QStringLiteral("FQL cannot write this trigger: its text would not parse (%1)")
                         .arg(reread.error().message),
                     {}};
    if (*reread != canonical(tree))
        return Error{QStringLiteral("FQL cannot write this trigger exactly: its text would read back differently"), {}};
    return text;
}

} // namespace inkmapper::ui
