#pragma once

#include "json/value.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace inkmapper::ui {

/** One option a function's form edits. */
struct DirectiveOption
{
    /** The widget an option is edited with. */
    enum class Kind {
        Text,      ///< a one-line string
        Multiline, ///< a string over several lines
        Choice,    ///< one of `choices`
        Boolean,   ///< a check box; `defaultOn` when the option is absent
        Value,     ///< a ValueInput: event variable, text or JSON
        Json,      ///< a JSON sub-editor, for what a form cannot express (objects of keys, arrays)
        Condition, ///< @if's condition: the key is "exists" or "blank", the value a ValueInput
    };

    QString key;     ///< the option's key; empty when the directive's value is the option itself; "0"/"1" for arrays
    QString label;
    QString toolTip;
    Kind kind = Kind::Text;
    bool required = false;
    QStringList choices;    ///< for Choice
    bool defaultOn = false; ///< for Boolean: Segment's value when the option is absent
};

/**
 * What InkMapper knows about a mapping-kit directive for its form: a title, a sentence of help, the shape
 * of its value and its options, and the value it starts with. Knowledge of the UI only; what the directive
 * does stays in the engine.
 */
struct DirectiveSpec
{
    /** How the directive's value holds its options. */
    enum class Shape {
        Direct,  ///< the value is the single option (@template, @literal, …)
        Object,  ///< the value is an object of options (@case, @replace, …)
        Array,   ///< the value is an array of options (@arrayPath)
    };

    QString name;  ///< "@template"
    QString title; ///< "Template"
    QString help;
    Shape shape = Shape::Object;
    std::vector<DirectiveOption> options;

    /**
     * The directive object to start with when the user picks this function, built around `seed` (the
     * value the key had, e.g. an event variable the function now transforms).
     */
    json::Value initialValue(const json::Value &seed) const;

    /** Every directive with a form, in the order of the function menu. */
    static const std::vector<DirectiveSpec> &all();
    /** The spec for `name`, or nullptr. */
    static const DirectiveSpec *find(QStringView name);
};

} // namespace inkmapper::ui
