#include "directivespec.h"

#include "json/object.h"

#include <QCoreApplication>

namespace inkmapper::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("inkmapper::ui::DirectiveSpec", text);
}

json::Value object(std::initializer_list<std::pair<QString, json::Value>> members)
{
    json::Object out;
    for (const auto &[key, value] : members)
        out.set(key, value);
    return json::Value(std::move(out));
}

json::Value pathTo(const QString &path)
{
    return object({{QStringLiteral("@path"), path}});
}

/** The text of a lone @path seed ("$.properties.sku"), or an empty string. */
QString seedPath(const json::Value &seed)
{
    if (seed.isObject() && seed.toObject().size() == 1 && seed.toObject().at(0).first == QLatin1String("@path")
        && seed.toObject().at(0).second.isString())
        return seed.toObject().at(0).second.toString();
    return {};
}

std::vector<DirectiveSpec> buildSpecs()
{
    using Kind = DirectiveOption::Kind;
    using Shape = DirectiveSpec::Shape;
    const QString valueTip = tr("The value to work on: usually an event variable such as $.properties.sku");
    return {
        {QStringLiteral("@template"), tr("Template"),
         tr("Text with {{placeholders}} replaced by event values, e.g. {{properties.first_name}}."), Shape::Direct,
         {{QString(), tr("Template"), tr("Placeholders name event paths without $.: {{userId}}, {{properties.sku}}"),
           Kind::Text, true, {}, false}}},
        {QStringLiteral("@if"), tr("If"),
         tr("Chooses between two values depending on whether a value exists (or is not blank) in the event."),
         Shape::Object,
         {{QStringLiteral("exists"), tr("Condition"),
           tr("\u201cexists\u201d: true unless the value is null or missing; \u201cblank\u201d: also false for an "
              "empty string"),
           Kind::Condition, true, {QStringLiteral("exists"), QStringLiteral("blank")}, false},
          {QStringLiteral("then"), tr("Then"), tr("The value when the condition holds"), Kind::Value, false, {}, false},
          {QStringLiteral("else"), tr("Else"), tr("The value otherwise (left out when not set)"), Kind::Value, false,
           {}, false}}},
        {QStringLiteral("@case"), tr("Change case"), tr("Converts text to lower or upper case."), Shape::Object,
         {{QStringLiteral("operator"), tr("Operator"), tr("lower or upper"), Kind::Choice, true,
           {QStringLiteral("lower"), QStringLiteral("upper")}, false},
          {QStringLiteral("value"), tr("Value"), valueTip, Kind::Value, false, {}, false}}},
        {QStringLiteral("@replace"), tr("Replace"),
         tr("Replaces a piece of text (up to 10 characters) with another, once or everywhere."), Shape::Object,
         {{QStringLiteral("pattern"), tr("Pattern"), tr("The text to find (1 to 10 characters, not a regular expression)"),
           Kind::Text, true, {}, false},
          {QStringLiteral("replacement"), tr("Replacement"), tr("The text to put instead (up to 10 characters)"),
           Kind::Text, false, {}, false},
          {QStringLiteral("value"), tr("Value"), valueTip, Kind::Value, true, {}, false},
          {QStringLiteral("global"), tr("Replace every occurrence"), tr("Off: only the first occurrence"),
           Kind::Boolean, false, {}, true},
          {QStringLiteral("ignorecase"), tr("Ignore case"), tr("Match the pattern regardless of case"), Kind::Boolean,
           false, {}, false},
          {QStringLiteral("pattern2"), tr("Second pattern"), tr("Optional: another text to replace afterwards"),
           Kind::Text, false, {}, false},
          {QStringLiteral("replacement2"), tr("Second replacement"), tr("What the second pattern becomes"),
           Kind::Text, false, {}, false}}},
        {QStringLiteral("@arrayPath"), tr("Array items"),
         tr("Takes an array from the event and reshapes each item; paths in the item shape are relative to the item "
            "($.sku)."),
         Shape::Array,
         {{QStringLiteral("0"), tr("Array path"), tr("Where the array is, e.g. $.properties.products"), Kind::Text,
           true, {}, false},
          {QStringLiteral("1"), tr("Item shape"),
           tr("An object mapping each item, e.g. {\"id\": {\"@path\": \"$.product_id\"}}; leave {} to keep items as "
              "they are"),
           Kind::Json, false, {}, false}}},
        {QStringLiteral("@json"), tr("JSON encode / decode"),
         tr("Turns a value into JSON text (encode) or JSON text back into a value (decode)."), Shape::Object,
         {{QStringLiteral("mode"), tr("Mode"), tr("encode or decode"), Kind::Choice, true,
           {QStringLiteral("encode"), QStringLiteral("decode")}, false},
          {QStringLiteral("value"), tr("Value"), valueTip, Kind::Value, true, {}, false}}},
        {QStringLiteral("@flatten"), tr("Flatten"),
         tr("Turns nested objects into one level with joined keys, e.g. {\"a\":{\"b\":1}} into {\"a.b\":1}."),
         Shape::Object,
         {{QStringLiteral("value"), tr("Value"), valueTip, Kind::Value, true, {}, false},
          {QStringLiteral("separator"), tr("Separator"), tr("Put between joined keys, e.g. ."), Kind::Text, true, {},
           false},
          {QStringLiteral("omitArrays"), tr("Keep arrays whole"), tr("Do not flatten the items of arrays"),
           Kind::Boolean, false, {}, false}}},
        {QStringLiteral("@merge"), tr("Merge objects"),
         tr("Combines several objects into one; with \u201cright\u201d later objects win, with \u201cleft\u201d "
            "earlier ones."),
         Shape::Object,
         {{QStringLiteral("direction"), tr("Direction"), tr("Which object wins when keys collide"), Kind::Choice, true,
           {QStringLiteral("right"), QStringLiteral("left")}, false},
          {QStringLiteral("objects"), tr("Objects"),
           tr("A JSON array of objects or functions, e.g. [{\"@path\": \"$.traits\"}, {\"@path\": \"$.properties\"}]"),
           Kind::Json, true, {}, false}}},
        {QStringLiteral("@excludeWhenNull"), tr("Leave out nulls"),
         tr("The value, with null members removed; a null value leaves the key out."), Shape::Direct,
         {{QString(), tr("Value"), valueTip, Kind::Value, true, {}, false}}},
        {QStringLiteral("@literal"), tr("Literal"), tr("A fixed JSON value, used exactly as written."), Shape::Direct,
         {{QString(), tr("Value"), tr("Any JSON value"), Kind::Json, true, {}, false}}},
        {QStringLiteral("@liquid"), tr("Liquid template"),
         tr("A Liquid template, e.g. {{ properties.name | upcase }}. Segment limits Liquid templates to 1000 "
            "characters."),
         Shape::Direct,
         {{QString(), tr("Template"), tr("Liquid markup with {{ }} outputs and {% %} tags"), Kind::Multiline, true, {},
           false}}},
        {QStringLiteral("@transform"), tr("Transform"),
         tr("Maps the event with \u201capply\u201d first, then maps that result with \u201cmapping\u201d."),
         Shape::Object,
         {{QStringLiteral("apply"), tr("Apply"), tr("A mapping (an object of keys) applied to the event first"),
           Kind::Json, true, {}, false},
          {QStringLiteral("mapping"), tr("Mapping"), tr("A mapping applied to the result of \u201capply\u201d"),
           Kind::Json, true, {}, false}}},
    };
}

} // namespace

json::Value DirectiveSpec::initialValue(const json::Value &seed) const
{
    const QString path = seedPath(seed);
    const json::Value value = seed.isUndefined() ? pathTo(QString()) : seed;
    json::Value options;
    if (name == QLatin1String("@template")) {
        // A path becomes the same placeholder: $.properties.sku → {{properties.sku}}.
        options = path.isEmpty() ? QString() : QStringLiteral("{{%1}}").arg(path.startsWith(QLatin1String("$."))
                                                                                 ? path.mid(2)
                                                                                 : path);
    } else if (name == QLatin1String("@if")) {
        options = object({{QStringLiteral("exists"), value}, {QStringLiteral("then"), value}});
    } else if (name == QLatin1String("@case")) {
        options = object({{QStringLiteral("operator"), QStringLiteral("lower")}, {QStringLiteral("value"), value}});
    } else if (name == QLatin1String("@replace")) {
        options = object({{QStringLiteral("pattern"), QString()},
                          {QStringLiteral("replacement"), QString()},
                          {QStringLiteral("value"), value}});
    } else if (name == QLatin1String("@arrayPath")) {
        options = json::Array{path.isEmpty() ? QStringLiteral("$.properties.products") : path, json::Object()};
    } else if (name == QLatin1String("@json")) {
        options = object({{QStringLiteral("mode"), QStringLiteral("encode")}, {QStringLiteral("value"), value}});
    } else if (name == QLatin1String("@flatten")) {
        options = object({{QStringLiteral("value"), value}, {QStringLiteral("separator"), QStringLiteral(".")}});
    } else if (name == QLatin1String("@merge")) {
        json::Array objects;
        if (value.isObject())
            objects.push_back(value);
        options = object({{QStringLiteral("direction"), QStringLiteral("right")},
                          {QStringLiteral("objects"), json::Value(std::move(objects))}});
    } else if (name == QLatin1String("@excludeWhenNull")) {
        options = value;
    } else if (name == QLatin1String("@literal")) {
        options = seed.isUndefined() ? json::Value(QString()) : seed;
    } else if (name == QLatin1String("@liquid")) {
        options = path.isEmpty() ? QString()
                                 : QStringLiteral("{{ %1 }}").arg(path.startsWith(QLatin1String("$.")) ? path.mid(2) : path);
    } else if (name == QLatin1String("@transform")) {
        options = object({{QStringLiteral("apply"), json::Object()}, {QStringLiteral("mapping"), json::Object()}});
    }
    return object({{name, options}});
}

const std::vector<DirectiveSpec> &DirectiveSpec::all()
{
    static const std::vector<DirectiveSpec> specs = buildSpecs();
    return specs;
}

const DirectiveSpec *DirectiveSpec::find(QStringView name)
{
    for (const DirectiveSpec &spec : all()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

} // namespace inkmapper::ui
