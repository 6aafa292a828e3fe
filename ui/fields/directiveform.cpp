#include "directiveform.h"

#include "jsontextedit.h"
#include "valueinput.h"

#include "json/object.h"
#include "json/parser.h"
#include "json/writer.h"
#include "mapping/directives.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace inkmapper::ui {

/** The widgets of one option on a form page. */
struct DirectiveForm::OptionRow
{
    const DirectiveOption *option = nullptr;
    QLineEdit *line = nullptr;
    QPlainTextEdit *multiline = nullptr;
    QComboBox *choice = nullptr; ///< Choice, or the key menu of a Condition
    QCheckBox *check = nullptr;
    ValueInput *input = nullptr; ///< Value and Condition
    JsonTextEdit *json = nullptr;
    QLabel *error = nullptr;
};

/** One form: a directive's spec and its option rows. */
struct DirectiveForm::Page
{
    const DirectiveSpec *spec = nullptr;
    QWidget *widget = nullptr;
    std::vector<OptionRow> rows;
};

namespace {

/** The directive's name (its first @-key), or an empty string. */
QString nameOf(const json::Value &directive)
{
    if (!directive.isObject())
        return {};
    const QString *name = mapping::firstDirectiveKey(directive.toObject());
    return name ? *name : QString();
}

/** The option a directive's value holds under `key` (see DirectiveOption::key). */
json::Value optionOf(const DirectiveSpec &spec, const json::Value &options, const QString &key)
{
    switch (spec.shape) {
    case DirectiveSpec::Shape::Direct:
        return options;
    case DirectiveSpec::Shape::Object:
        return options.isObject() ? options.toObject().value(key) : json::Value();
    case DirectiveSpec::Shape::Array: {
        const size_t index = size_t(key.toInt());
        return options.isArray() && options.toArray().size() > index ? options.toArray()[index] : json::Value();
    }
    }
    return {};
}

/**
 * The value a function worked on, so that switching to another function keeps it: its "value" option,
 * an @arrayPath's path, an @if's condition, or the directive's own value for direct ones.
 */
json::Value seedOf(const json::Value &directive)
{
    const QString name = nameOf(directive);
    if (name.isEmpty())
        return directive.isUndefined() ? json::Value() : directive;
    const json::Value options = directive.toObject().value(name);
    if (options.isObject()) {
        for (const QString &key : {QStringLiteral("value"), QStringLiteral("exists"), QStringLiteral("blank")}) {
            if (options.toObject().contains(key))
                return options.toObject().value(key);
        }
        return {};
    }
    if (name == QLatin1String("@arrayPath") && options.isArray() && !options.toArray().empty()) {
        json::Object path;
        path.set(QStringLiteral("@path"), options.toArray().front());
        return json::Value(std::move(path));
    }
    if (name == QLatin1String("@path") || name == QLatin1String("@excludeWhenNull") || name == QLatin1String("@literal"))
        return name == QLatin1String("@path") ? directive : options;
    return {};
}

/** `object` with `from` renamed to `to` at the same position. */
json::Object renamed(const json::Object &object, const QString &from, const QString &to)
{
    json::Object out;
    for (const auto &[key, member] : object)
        out.set(key == from ? to : key, member);
    return out;
}

} // namespace

DirectiveForm::DirectiveForm(QWidget *parent)
    : QWidget(parent)
    , m_function(new QComboBox(this))
    , m_help(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_jsonPage(new QWidget(this))
    , m_json(new JsonTextEdit(m_jsonPage))
    , m_jsonNotice(new QLabel(m_jsonPage))
    , m_jsonError(new QLabel(m_jsonPage))
{
    setFocusProxy(m_function);
    m_function->setObjectName(QStringLiteral("functionCombo"));
    m_function->setAccessibleName(tr("Function"));
    m_function->setToolTip(tr("The mapping function that computes this value"));
    for (const DirectiveSpec &spec : DirectiveSpec::all())
        m_function->addItem(QStringLiteral("%1  (%2)").arg(spec.title, spec.name), spec.name);
    m_function->addItem(tr("Other (edit as JSON)"), QString());

    m_help->setObjectName(QStringLiteral("functionHelp"));
    m_help->setWordWrap(true);
    m_help->setForegroundRole(QPalette::PlaceholderText);

    buildPages();

    m_json->setObjectName(QStringLiteral("functionJson"));
    m_json->setAccessibleName(tr("Function as JSON"));
    m_json->setVisibleLines(6);
    m_jsonNotice->setWordWrap(true);
    m_jsonNotice->hide();
    m_jsonError->setObjectName(QStringLiteral("functionJsonError"));
    m_jsonError->setStyleSheet(QStringLiteral("color: #c62828"));
    m_jsonError->setWordWrap(true);
    m_jsonError->hide();
    auto *jsonLayout = new QVBoxLayout(m_jsonPage);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->addWidget(m_jsonNotice);
    jsonLayout->addWidget(m_json);
    jsonLayout->addWidget(m_jsonError);
    m_pages->addWidget(m_jsonPage);

    auto *top = new QFormLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addRow(tr("F&unction:"), m_function);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_help);
    layout->addWidget(m_pages);

    connect(m_function, &QComboBox::activated, this, &DirectiveForm::functionChosen);
    connect(m_json, &JsonTextEdit::textChanged, this, &DirectiveForm::jsonEdited);
}

DirectiveForm::~DirectiveForm() = default;

void DirectiveForm::buildPages()
{
    m_formPages.reserve(DirectiveSpec::all().size());
    for (const DirectiveSpec &spec : DirectiveSpec::all()) {
        Page &page = m_formPages.emplace_back();
        page.spec = &spec;
        page.widget = new QWidget(m_pages);
        page.widget->setObjectName(QStringLiteral("form") + spec.name.mid(1));
        auto *form = new QFormLayout(page.widget);
        form->setContentsMargins(0, 0, 0, 0);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        page.rows.resize(spec.options.size());
        for (size_t i = 0; i < spec.options.size(); ++i) {
            OptionRow &row = page.rows[i];
            row.option = &spec.options[i];
            QWidget *editor = buildEditor(page, row);
            editor->setToolTip(row.option->toolTip);
            if (row.option->kind == DirectiveOption::Kind::Boolean) {
                form->addRow(QString(), editor);
            } else {
                auto *label = new QLabel(row.option->label + u':', page.widget);
                label->setBuddy(editor);
                form->addRow(label, editor);
            }
            row.error = new QLabel(page.widget);
            row.error->setStyleSheet(QStringLiteral("color: #c62828"));
            row.error->setWordWrap(true);
            row.error->hide();
            form->addRow(QString(), row.error);
        }
        m_pages->addWidget(page.widget);
    }
}

QWidget *DirectiveForm::buildEditor(Page &page, OptionRow &row)
{
    using Kind = DirectiveOption::Kind;
    const DirectiveOption &option = *row.option;
    const QString objectName = page.spec->name.mid(1) + u'_' + (option.key.isEmpty() ? QStringLiteral("value") : option.key);
    const auto edited = [this, &page, &row] { optionEdited(page, row); };
    QWidget *editor = nullptr;
    switch (option.kind) {
    case Kind::Text:
        row.line = new QLineEdit(page.widget);
        row.line->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        connect(row.line, &QLineEdit::textEdited, this, edited);
        editor = row.line;
        break;
    case Kind::Multiline:
        row.multiline = new QPlainTextEdit(page.widget);
        row.multiline->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        row.multiline->setTabChangesFocus(true);
        row.multiline->setFixedHeight(row.multiline->fontMetrics().lineSpacing() * 4 + 12);
        connect(row.multiline, &QPlainTextEdit::textChanged, this, edited);
        editor = row.multiline;
        break;
    case Kind::Choice:
        row.choice = new QComboBox(page.widget);
        row.choice->addItems(option.choices);
        connect(row.choice, &QComboBox::activated, this, edited);
        editor = row.choice;
        break;
    case Kind::Boolean:
        row.check = new QCheckBox(option.label, page.widget);
        connect(row.check, &QCheckBox::clicked, this, edited);
        editor = row.check;
        break;
    case Kind::Value:
        row.input = new ValueInput(!option.required, page.widget);
        row.input->setAccessibleNames(option.label);
        connect(row.input, &ValueInput::valueEdited, this, edited);
        editor = row.input;
        break;
    case Kind::Json:
        row.json = new JsonTextEdit(page.widget);
        row.json->setVisibleLines(4);
        connect(row.json, &JsonTextEdit::textChanged, this, edited);
        editor = row.json;
        break;
    case Kind::Condition: {
        // "Value exists" or "value is not blank", then the value the condition looks at.
        auto *box = new QWidget(page.widget);
        auto *layout = new QHBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        row.choice = new QComboBox(box);
        row.choice->addItem(tr("exists"), QStringLiteral("exists"));
        row.choice->addItem(tr("is not blank"), QStringLiteral("blank"));
        row.choice->setAccessibleName(tr("Condition test"));
        row.choice->setObjectName(objectName + QStringLiteral("_test"));
        row.input = new ValueInput(false, box);
        row.input->setAccessibleNames(tr("Condition value"));
        layout->addWidget(row.input, 1);
        layout->addWidget(row.choice);
        box->setFocusProxy(row.input);
        connect(row.choice, &QComboBox::activated, this, edited);
        connect(row.input, &ValueInput::valueEdited, this, edited);
        editor = box;
        break;
    }
    }
    editor->setObjectName(objectName);
    if (option.kind != Kind::Condition && option.kind != Kind::Value)
        editor->setAccessibleName(option.label);
    return editor;
}

bool DirectiveForm::canShow(const DirectiveSpec &spec, const json::Value &directive) const
{
    using Kind = DirectiveOption::Kind;
    const json::Value options = directive.toObject().value(spec.name);
    if (spec.shape == DirectiveSpec::Shape::Object && !options.isObject())
        return false;
    if (spec.shape == DirectiveSpec::Shape::Array && (!options.isArray() || options.toArray().size() > 2))
        return false;
    for (const DirectiveOption &option : spec.options) {
        const json::Value value = optionOf(spec, options, option.key);
        switch (option.kind) {
        case Kind::Text:
        case Kind::Multiline:
            if (!value.isUndefined() && !value.isString())
                return false;
            break;
        case Kind::Choice:
            if (!value.isUndefined() && !(value.isString() && option.choices.contains(value.toString())))
                return false;
            break;
        case Kind::Boolean:
            if (!value.isUndefined() && !value.isBool())
                return false;
            break;
        case Kind::Condition:
            // exists and blank together cannot be shown as one condition.
            if (options.toObject().contains(u"exists") && options.toObject().contains(u"blank"))
                return false;
            break;
        case Kind::Value:
        case Kind::Json:
            break;
        }
    }
    return true;
}

QString DirectiveForm::directiveName() const
{
    return m_function->currentData().toString();
}

void DirectiveForm::setSeed(const json::Value &seed)
{
    m_seed = seed;
}

void DirectiveForm::setValue(const json::Value &directive)
{
    m_value = directive;
    if (const json::Value seed = seedOf(directive); !seed.isUndefined())
        m_seed = seed;
    const QString name = nameOf(directive);
    const DirectiveSpec *spec = DirectiveSpec::find(name);
    if (!spec || !canShow(*spec, directive)) {
        showJsonPage(spec ? tr("This %1 uses options its form cannot show; edit it as JSON.").arg(name)
                          : QString());
        return;
    }
    for (Page &page : m_formPages) {
        if (page.spec != spec)
            continue;
        m_function->setCurrentIndex(m_function->findData(spec->name));
        m_help->setText(spec->help);
        m_help->show();
        m_pages->setCurrentWidget(page.widget);
        fill(page);
    }
}

void DirectiveForm::fill(Page &page)
{
    using Kind = DirectiveOption::Kind;
    m_updating = true;
    const json::Value options = m_value.toObject().value(page.spec->name);
    for (OptionRow &row : page.rows) {
        const DirectiveOption &option = *row.option;
        json::Value value = optionOf(*page.spec, options, option.key);
        switch (option.kind) {
        case Kind::Text: {
            const QString text = value.isString() ? value.toString() : QString();
            if (row.line->text() != text)
                row.line->setText(text);
            break;
        }
        case Kind::Multiline:
            if (row.multiline->toPlainText() != (value.isString() ? value.toString() : QString()))
                row.multiline->setPlainText(value.isString() ? value.toString() : QString());
            break;
        case Kind::Choice:
            row.choice->setCurrentIndex(value.isString() ? qMax(0, option.choices.indexOf(value.toString())) : 0);
            break;
        case Kind::Boolean:
            row.check->setChecked(value.isBool() ? value.toBool() : option.defaultOn);
            break;
        case Kind::Value:
            row.input->setValue(value);
            break;
        case Kind::Json: {
            const Result<json::Value> shown = json::parse(QStringView(row.json->toPlainText()));
            if (value.isUndefined())
                row.json->replaceText(QString());
            else if (!shown || !(*shown == value))
                row.json->replaceText(json::toJsonString(value, {2}));
            row.json->clearError();
            break;
        }
        case Kind::Condition: {
            const bool blank = options.isObject() && options.toObject().contains(u"blank");
            row.choice->setCurrentIndex(blank ? 1 : 0);
            row.input->setValue(options.isObject() ? options.toObject().value(blank ? u"blank" : u"exists")
                                                   : json::Value());
            break;
        }
        }
    }
    m_updating = false;
}

void DirectiveForm::showJsonPage(const QString &notice)
{
    m_updating = true;
    m_function->setCurrentIndex(m_function->count() - 1);
    m_help->setText(tr("Any mapping function, written as JSON: {\"@name\": options}."));
    m_pages->setCurrentWidget(m_jsonPage);
    const Result<json::Value> shown = json::parse(QStringView(m_json->toPlainText()));
    if (!shown || !(*shown == m_value))
        m_json->replaceText(m_value.isUndefined() ? QString() : json::toJsonString(m_value, {2}));
    m_json->clearError();
    m_jsonError->hide();
    m_jsonNotice->setText(notice);
    m_jsonNotice->setVisible(!notice.isEmpty());
    m_updating = false;
}

void DirectiveForm::setCompletionPaths(const QStringList &paths)
{
    m_paths = paths;
    for (Page &page : m_formPages) {
        for (OptionRow &row : page.rows) {
            if (row.input)
                row.input->setCompletionPaths(m_paths);
        }
    }
}

void DirectiveForm::setErrors(const std::vector<Error> &errors, const QString &keyPath)
{
    for (Page &page : m_formPages) {
        for (OptionRow &row : page.rows)
            row.error->hide();
    }
    const QString name = directiveName();
    const DirectiveSpec *spec = DirectiveSpec::find(name);
    if (!spec)
        return;
    for (Page &page : m_formPages) {
        if (page.spec != spec)
            continue;
        const QString base = keyPath + u'.' + name;
        for (const Error &error : errors) {
            const QString &path = error.location.path;
            if (path != base && !path.startsWith(base + u'.'))
                continue;
            const QString option = path.mid(base.size() + 1).section(u'.', 0, 0);
            // Errors about the directive as a whole go under its first option.
            OptionRow *target = &page.rows.front();
            for (OptionRow &row : page.rows) {
                if (!option.isEmpty() && row.option->key == option)
                    target = &row;
                if (row.option->kind == DirectiveOption::Kind::Condition && (option == QLatin1String("exists")
                                                                             || option == QLatin1String("blank")))
                    target = &row;
            }
            const QString shown = target->error->isVisible() ? target->error->text() + u'\n' : QString();
            target->error->setText(shown + error.message);
            target->error->setVisible(true);
        }
    }
}

void DirectiveForm::functionChosen()
{
    const QString name = m_function->currentData().toString();
    if (name.isEmpty()) {
        showJsonPage(QString());
        m_json->setFocus();
        return;
    }
    if (name == nameOf(m_value) && m_pages->currentWidget() != m_jsonPage)
        return;
    const DirectiveSpec *spec = DirectiveSpec::find(name);
    json::Value seed = seedOf(m_value);
    if (seed.isUndefined())
        seed = m_seed;
    json::Value next = name == nameOf(m_value) ? m_value : spec->initialValue(seed);
    // Keys beside the directive (Segment's _metadata) stay with the value.
    if (m_value.isObject() && next.isObject()) {
        json::Object merged = next.toObject();
        for (const auto &[key, member] : m_value.toObject()) {
            if (!key.startsWith(u'@'))
                merged.set(key, member);
        }
        next = json::Value(std::move(merged));
    }
    setValue(next);
    Q_EMIT valueEdited(m_value);
}

json::Value DirectiveForm::optionValue(const OptionRow &row, bool *ok) const
{
    using Kind = DirectiveOption::Kind;
    *ok = true;
    const DirectiveOption &option = *row.option;
    switch (option.kind) {
    case Kind::Text:
        if (row.line->text().isEmpty() && !option.required)
            return {};
        return row.line->text();
    case Kind::Multiline:
        return row.multiline->toPlainText();
    case Kind::Choice:
        return row.choice->currentText();
    case Kind::Boolean:
        return row.check->isChecked();
    case Kind::Value:
    case Kind::Condition:
        return row.input->value();
    case Kind::Json: {
        const QString text = row.json->toPlainText();
        if (text.trimmed().isEmpty() && !option.required)
            return {};
        const Result<json::Value> parsed = json::parse(QStringView(text));
        if (!parsed) {
            row.json->setError(parsed.error().location.line, parsed.error().location.column, parsed.error().message);
            row.error->setText(tr("Not applied: %1").arg(parsed.error().describe()));
            row.error->show();
            *ok = false;
            return {};
        }
        row.json->clearError();
        return *parsed;
    }
    }
    return {};
}

void DirectiveForm::optionEdited(Page &page, OptionRow &row)
{
    if (m_updating)
        return;
    bool ok = false;
    const json::Value value = optionValue(row, &ok);
    if (!ok)
        return;
    const DirectiveSpec &spec = *page.spec;
    json::Object top = m_value.isObject() ? m_value.toObject() : json::Object();
    json::Value options = top.value(spec.name);
    switch (spec.shape) {
    case DirectiveSpec::Shape::Direct:
        options = value.isUndefined() ? json::Value(QString()) : value;
        break;
    case DirectiveSpec::Shape::Object: {
        json::Object object = options.isObject() ? options.toObject() : json::Object();
        QString key = row.option->key;
        if (row.option->kind == DirectiveOption::Kind::Condition) {
            key = row.choice->currentData().toString();
            const QString other = key == QLatin1String("exists") ? QStringLiteral("blank") : QStringLiteral("exists");
            if (object.contains(other))
                object = renamed(object, other, key);
        }
        if (value.isUndefined())
            object.remove(key);
        else
            object.set(key, value);
        options = json::Value(std::move(object));
        break;
    }
    case DirectiveSpec::Shape::Array: {
        json::Array array = options.isArray() ? options.toArray() : json::Array();
        const size_t index = size_t(row.option->key.toInt());
        if (value.isUndefined()) {
            if (array.size() > index)
                array.resize(index);
        } else {
            while (array.size() <= index)
                array.push_back(json::Object());
            array[index] = value;
        }
        options = json::Value(std::move(array));
        break;
    }
    }
    top.set(spec.name, options);
    row.error->hide();
    commit(json::Value(std::move(top)));
}

void DirectiveForm::jsonEdited()
{
    if (m_updating)
        return;
    const Result<json::Value> parsed = json::parse(QStringView(m_json->toPlainText()));
    if (!parsed) {
        m_json->setError(parsed.error().location.line, parsed.error().location.column, parsed.error().message);
        m_jsonError->setText(tr("Not applied: %1").arg(parsed.error().describe()));
        m_jsonError->show();
        return;
    }
    m_json->clearError();
    m_jsonError->hide();
    commit(*parsed);
}

void DirectiveForm::commit(json::Value directive)
{
    if (directive == m_value && !m_value.isUndefined())
        return;
    m_value = std::move(directive);
    Q_EMIT valueEdited(m_value);
}

} // namespace inkmapper::ui
