#pragma once

#include "filteredvalue.h"
#include "token.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace inkmapper::mapping::liquid::Internal {

class Context;

/** A parsed piece of template (liquidjs's Template): literal text, an output or a tag. */
class Node
{
public:
    virtual ~Node() = default;
    /** Appends what the node renders to `out` (liquidjs's emitter). */
    virtual void render(Context &context, QString &out) const = 0;
};

using NodeList = std::vector<std::unique_ptr<const Node>>;

/** liquidjs renderTemplates(): renders in order, stopping after `break`/`continue`, checking the time budget. */
void renderNodes(const NodeList &nodes, Context &context, QString &out);

/** Literal text between tags, after whitespace control. */
class HtmlNode : public Node
{
public:
    explicit HtmlNode(QString text) : m_text(std::move(text)) {}
    void render(Context &context, QString &out) const override;

private:
    QString m_text;
};

/** `{{ value | filters }}` and `{% echo value %}` (which may be empty). */
class OutputNode : public Node
{
public:
    explicit OutputNode(std::optional<FilteredValue> value) : m_value(std::move(value)) {}
    void render(Context &context, QString &out) const override;

private:
    std::optional<FilteredValue> m_value;
};

/** `{% assign name = value %}`. */
class AssignNode : public Node
{
public:
    AssignNode(QString name, FilteredValue value) : m_name(std::move(name)), m_value(std::move(value)) {}
    void render(Context &context, QString &out) const override;

private:
    QString m_name;
    FilteredValue m_value;
};

/** `{% capture name %}...{% endcapture %}`. */
class CaptureNode : public Node
{
public:
    CaptureNode(QString name, NodeList body) : m_name(std::move(name)), m_body(std::move(body)) {}
    void render(Context &context, QString &out) const override;

private:
    QString m_name;
    NodeList m_body;
};

/** `{% if %}`/`{% elsif %}`/`{% else %}` and `{% unless %}` (whose first test is negated). */
class ConditionalNode : public Node
{
public:
    struct Branch
    {
        FilteredValue condition;
        bool negate = false;
        NodeList body;
    };
    ConditionalNode(std::vector<Branch> branches, NodeList otherwise)
        : m_branches(std::move(branches)), m_otherwise(std::move(otherwise))
    {
    }
    void render(Context &context, QString &out) const override;

private:
    std::vector<Branch> m_branches;
    NodeList m_otherwise;
};

/** Tags that render their body as it is: `{% liquid %}` and `{% block %}` (with `block` in scope). */
class SequenceNode : public Node
{
public:
    SequenceNode(NodeList body, bool isBlock) : m_body(std::move(body)), m_isBlock(isBlock) {}
    void render(Context &context, QString &out) const override;

private:
    NodeList m_body;
    bool m_isBlock;
};

/** `{% raw %}`: the text of the tokens inside, unparsed. */
class RawNode : public Node
{
public:
    explicit RawNode(QString text) : m_text(std::move(text)) {}
    void render(Context &context, QString &out) const override;

private:
    QString m_text;
};

/** `{% increment %}` and `{% decrement %}`, counters kept in the environment. */
class CounterNode : public Node
{
public:
    CounterNode(QString name, bool increment) : m_name(std::move(name)), m_increment(increment) {}
    void render(Context &context, QString &out) const override;

private:
    QString m_name;
    bool m_increment;
};

/** `{% cycle [group:] a, b, c %}`. */
class CycleNode : public Node
{
public:
    CycleNode(ValueTokenPtr group, std::vector<ValueTokenPtr> candidates)
        : m_group(std::move(group)), m_candidates(std::move(candidates))
    {
    }
    void render(Context &context, QString &out) const override;

private:
    ValueTokenPtr m_group;
    std::vector<ValueTokenPtr> m_candidates;
};

/** `{% break %}` and `{% continue %}`: outside a loop they stop the rendering of every enclosing block. */
class InterruptNode : public Node
{
public:
    explicit InterruptNode(bool isBreak) : m_isBreak(isBreak) {}
    void render(Context &context, QString &out) const override;

private:
    bool m_isBreak;
};

/** Tags that render nothing: `{% comment %}` and `{% # ... %}`. */
class NothingNode : public Node
{
public:
    void render(Context &, QString &) const override {}
};

} // namespace inkmapper::mapping::liquid::Internal
