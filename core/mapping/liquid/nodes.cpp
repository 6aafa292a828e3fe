#include "nodes.h"

#include "context.h"

#include "json/jsnumber.h"

namespace inkmapper::mapping::liquid::Internal {

void renderNodes(const NodeList &nodes, Context &context, QString &out)
{
    // break/continue set a flag that every enclosing block sees, so outside a loop they end the render.
    context.checkRenderLimit();
    for (const auto &node : nodes) {
        context.checkRenderLimit();
        node->render(context, out);
        if (context.breakCalled || context.continueCalled)
            break;
    }
}

void HtmlNode::render(Context &, QString &out) const
{
    out += m_text;
}

void OutputNode::render(Context &context, QString &out) const
{
    if (m_value)
        appendStringify(out, m_value->evaluate(context));
}

void AssignNode::render(Context &context, QString &) const
{
    context.bottom().insert(m_name, m_value.evaluate(context));
}

// capture renders into its own buffer and assigns the text to the bottom scope, like assign.
void CaptureNode::render(Context &context, QString &) const
{
    QString captured;
    renderNodes(m_body, context, captured);
    context.bottom().insert(m_name, LiquidValue(json::Value(captured)));
}

void ConditionalNode::render(Context &context, QString &out) const
{
    for (const Branch &branch : m_branches) {
        const bool falsy = isFalsy(branch.condition.evaluate(context));
        if (branch.negate ? falsy : !falsy) {
            renderNodes(branch.body, context, out);
            return;
        }
    }
    renderNodes(m_otherwise, context, out);
}

// Outside a layout a block renders its body once, with `block` (whose `super` is empty) in scope.
void SequenceNode::render(Context &context, QString &out) const
{
    if (!m_isBlock) {
        renderNodes(m_body, context, out);
        return;
    }
    Context::Scope scope;
    scope.insert(QStringLiteral("block"), LiquidValue::drop(LiquidValue::Drop::Block));
    context.push(std::move(scope));
    renderNodes(m_body, context, out);
    context.pop();
}

void RawNode::render(Context &, QString &out) const
{
    out += m_text;
}

void CounterNode::render(Context &context, QString &out) const
{
    // increment prints the value before adding one, decrement the value after subtracting one.
    out += json::numberToString(m_increment ? context.increment(m_name) : context.decrement(m_name));
}

void CycleNode::render(Context &context, QString &out) const
{
    // liquidjs fingerprints a cycle by its group and `candidates.join(',')`, and the candidates are
    // token objects, so every cycle with as many candidates in the same group shares one position.
    const LiquidValue group = evaluateToken(m_group.get(), context);
    QString fingerprint = QStringLiteral("cycle:") + toJsString(group) + u':';
    for (size_t i = 0; i < m_candidates.size(); ++i)
        fingerprint += (i > 0 ? QStringLiteral(",") : QString()) + QStringLiteral("[object Object]");
    int &index = context.cycleRegister()[fingerprint];
    const ValueTokenPtr candidate = m_candidates[size_t(index)];
    index = (index + 1) % int(m_candidates.size());
    const LiquidValue value = evaluateToken(candidate.get(), context);
    // A tag's return value is written only when it is truthy (`html && emitter.write(html)`).
    if (isJsTruthy(value))
        appendStringify(out, value);
}

void InterruptNode::render(Context &context, QString &) const
{
    if (m_isBreak)
        context.breakCalled = true;
    else
        context.continueCalled = true;
}

} // namespace inkmapper::mapping::liquid::Internal
