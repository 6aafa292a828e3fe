#pragma once

#include "explanation.h"

#include "json/value.h"
#include "util/result.h"

#include <QString>

#include <vector>

namespace inkmapper::fql {

/**
 * A condition tree compiled for fast, repeated evaluation: the tree's strings, numbers, operators and
 * field paths are decoded once, so matching an event allocates nothing and never re-reads the
 * json::Value. It answers exactly as Segment's validate() (@segment/destination-subscriptions 3.37.0)
 * does on the original tree, including where validate() throws: those cases become an Error, only
 * when evaluation actually reaches them, as in JavaScript.
 */
class Trigger
{
public:
    /** A trigger that never matches (validate() of an error AST). */
    Trigger();

    /** Compiles any JSON value as a condition tree. This never fails: a malformed tree fails when evaluated. */
    static Trigger compile(const json::Value &ast);

    /** validate(ast, event): true/false, or an Error where Segment's evaluator throws. */
    Result<bool> matches(const json::Value &event) const;

    /** Every node's outcome for this event, with the overall answer (equal to matches()). */
    Explanation explain(const json::Value &event) const;

private:
    enum class Kind : unsigned char { False, Error, And, Or, Leaf };
    enum class Field : unsigned char { Type, Event, Name, UserId, Properties, Traits, Context };
    enum class Op : unsigned char {
        Unknown, Equals, NotEquals, Less, LessOrEqual, Greater, GreaterOrEqual, NumberEquals, NumberNotEquals,
        Contains, NotContains, StartsWith, NotStartsWith, EndsWith, NotEndsWith, Exists, NotExists, IsTrue, IsFalse
    };
    // How a properties/traits/context condition turns its `name` into a path (Segment's own get()).
    enum class PathKind : unsigned char { Keys, Undefined, Error };

    struct PathKey
    {
        QString key;
        bool maybeBuiltin = false; ///< a plain object without this own key still answers (e.g. `constructor`)
        bool throws = false;       ///< String(key) throws (an object with an own toString)
    };

    struct Node
    {
        Kind kind = Kind::False;
        Field field = Field::Type;
        Op op = Op::Unknown;
        PathKind pathKind = PathKind::Keys;
        bool stringThrows = false;
        bool numberThrows = false;
        int firstChild = 0; ///< into m_children (groups)
        int childCount = 0;
        int firstKey = 0;   ///< into m_keys (leaves)
        int keyCount = 0;
        double expectedNumber = 0;
        QString expectedString;
        QString error; ///< for Kind::Error and PathKind::Error
        json::Value source;
        json::Value expected;
    };

    int compileGroup(const json::Value &group);
    int compileCondition(const json::Value &condition);
    int addNode(Node node);

    int evaluateNode(int index, const json::Value &event, QString *error) const;
    int evaluateLeaf(const Node &node, const json::Value &event, QString *error, json::Value *actualOut) const;
    int explainNode(int index, const json::Value &event, std::vector<int> &path, bool reached,
                    Explanation &out) const;
    static Error evaluationError(const QString &message);

    std::vector<Node> m_nodes;
    std::vector<int> m_children;
    std::vector<PathKey> m_keys;
    int m_root = -1;
    bool m_alwaysFalse = true;   ///< validate() answers false before looking at the tree (an error AST)
    QString m_rootError;         ///< validate() throws before looking at the tree (a null AST)
    json::Value m_source;
};

} // namespace inkmapper::fql
