#include "sourceeditor.h"

#include "directiveform.h"
#include "directivespec.h"
#include "eventtreemodel.h"
#include "pathpicker.h"
#include "staticvalueeditor.h"
#include "valuepreview.h"

#include "json/object.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

using Source = DataFieldModel::Source;

json::Value pathDirective(const QString &path)
{
    json::Object directive;
    directive.set(QStringLiteral("@path"), path);
    return json::Value(std::move(directive));
}

} // namespace

SourceEditor::SourceEditor(DataFieldModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_keyLabel(new QLabel(tr("&Key:"), this))
    , m_key(new QLineEdit(this))
    , m_keyError(new QLabel(this))
    , m_source(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_pathPicker(new PathPicker(this))
    , m_static(new StaticValueEditor(this))
    , m_function(new DirectiveForm(this))
    , m_objectSummary(new QLabel(this))
    , m_addKey(new QPushButton(tr("Add Key Inside"), this))
    , m_sample(new QLabel(this))
    , m_errors(new QLabel(this))
{
    m_title->setObjectName(QStringLiteral("sourceTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_key->setAccessibleName(tr("Key name"));
    m_key->setToolTip(tr("The key's name in the data Movable Ink receives; press Enter to rename"));
    m_keyLabel->setBuddy(m_key);
    m_keyError->setObjectName(QStringLiteral("keyError"));
    m_keyError->setStyleSheet(QStringLiteral("color: #c62828"));
    m_keyError->hide();

    m_source->setObjectName(QStringLiteral("sourceCombo"));
    m_source->setAccessibleName(tr("Source"));
    m_source->setToolTip(tr("Where the value comes from"));
    m_source->addItem(tr("Event variable"), int(Source::Path));
    m_source->addItem(tr("Static value"), int(Source::Static));
    m_source->addItem(tr("Function"), int(Source::Function));
    m_source->addItem(tr("Object (nested keys)"), int(Source::Object));

    auto *empty = new QLabel(tr("Select a key in the tree to edit it."), m_pages);
    empty->setAlignment(Qt::AlignCenter);
    empty->setForegroundRole(QPalette::PlaceholderText);
    auto *objectPage = new QWidget(m_pages);
    auto *objectLayout = new QVBoxLayout(objectPage);
    objectLayout->setContentsMargins(0, 0, 0, 0);
    m_objectSummary->setWordWrap(true);
    m_addKey->setObjectName(QStringLiteral("addKeyInsideButton"));
    m_addKey->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    objectLayout->addWidget(m_objectSummary);
    objectLayout->addWidget(m_addKey, 0, Qt::AlignLeft);
    objectLayout->addStretch();
    m_pages->addWidget(empty);
    m_pages->addWidget(m_pathPicker);
    m_pages->addWidget(m_static);
    m_pages->addWidget(m_function);
    m_pages->addWidget(objectPage);

    m_sample->setObjectName(QStringLiteral("samplePreview"));
    m_sample->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_sample->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // One clipped line whatever the value's size; the tooltip holds more. A wrapping label would widen the
    // panel to the longest unbreakable JSON token.
    m_sample->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_sample->setAccessibleName(tr("Value in the sample event"));
    m_errors->setObjectName(QStringLiteral("keyErrors"));
    m_errors->setStyleSheet(QStringLiteral("color: #c62828"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->hide();

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_keyLabel, m_key);
    form->addRow(QString(), m_keyError);
    auto *sourceLabel = new QLabel(tr("&Source:"), this);
    sourceLabel->setBuddy(m_source);
    form->addRow(sourceLabel, m_source);

    // What the value becomes and what is wrong with it sit right under the source, where the eye already is.
    form->addRow(tr("In sample event:"), m_sample);
    form->addRow(QString(), m_errors);
    m_layout = new QVBoxLayout(this);
    m_layout->addWidget(m_title);
    m_layout->addLayout(form);
    m_layout->addSpacing(4);
    m_layout->addWidget(m_pages, 1);
    m_layout->addStretch(0);

    connect(m_key, &QLineEdit::editingFinished, this, &SourceEditor::keyEdited);
    connect(m_source, &QComboBox::activated, this, &SourceEditor::sourceChosen);
    connect(m_pathPicker, &PathPicker::pathEdited, this,
            [this](const QString &path) { apply(pathDirective(path)); });
    connect(m_static, &StaticValueEditor::valueEdited, this, &SourceEditor::apply);
    connect(m_function, &DirectiveForm::valueEdited, this, &SourceEditor::apply);
    connect(m_addKey, &QPushButton::clicked, this, &SourceEditor::addKeyRequested);
    connect(m_model, &DataFieldModel::dataChanged, this, &SourceEditor::rowChanged);
    connect(m_model, &DataFieldModel::modelReset, this, [this] { setCurrentIndex({}); });
    connect(m_model, &DataFieldModel::rowsRemoved, this, [this] {
        if (!m_index.isValid())
            setCurrentIndex({});
    });
    setCurrentIndex({});
}

void SourceEditor::setCurrentIndex(const QModelIndex &index)
{
    const QModelIndex row = index.siblingAtColumn(DataFieldModel::KeyColumn);
    if (row != m_index) {
        m_memory.clear();
        m_function->setSeed(json::Value());
    }
    m_index = row;
    m_keyError->hide();
    refreshEditors();
}

void SourceEditor::setSampleEvent(const json::Value &event)
{
    if (m_pathPicker->setSampleEvent(event))
        m_function->setCompletionPaths(m_pathPicker->model()->paths());
    refreshStatus();
}

void SourceEditor::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
    // Only the path picker's tree uses spare height; the forms stay at the top at their own size.
    const bool fills = page == PathPage || page == EmptyPage;
    for (int i = 0; i < m_pages->count(); ++i) {
        const QSizePolicy::Policy vertical = i != page ? QSizePolicy::Ignored
                                             : fills   ? QSizePolicy::Expanding
                                                       : QSizePolicy::Maximum;
        m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred, vertical);
    }
    m_layout->setStretchFactor(m_pages, fills ? 1 : 0);
    m_layout->setStretch(m_layout->count() - 1, fills ? 0 : 1);
}

void SourceEditor::refreshEditors()
{
    const bool valid = m_index.isValid();
    const bool isField = valid && !m_index.parent().isValid();
    m_key->setVisible(valid && !isField);
    m_keyLabel->setVisible(valid && !isField);
    m_source->setEnabled(valid);
    if (!valid) {
        m_title->setText(tr("No key selected"));
        m_source->setCurrentIndex(-1);
        showPage(EmptyPage);
        refreshStatus();
        return;
    }
    const QString path = m_model->keyPath(m_index);
    m_title->setText(isField ? tr("The data field") : path.split(u'.').join(QStringLiteral(" \u203a ")));
    if (!m_key->hasFocus() || m_key->text() != m_model->key(m_index))
        m_key->setText(m_model->key(m_index));
    const Source source = m_model->source(m_index);
    const json::Value value = m_model->value(m_index);
    m_source->setCurrentIndex(m_source->findData(int(source)));
    switch (source) {
    case Source::Unset:
        m_source->setCurrentIndex(-1);
        showPage(EmptyPage);
        break;
    case Source::Path:
        m_pathPicker->setPath(value.toObject().at(0).second.toString());
        showPage(PathPage);
        break;
    case Source::Static:
        m_static->setValue(value);
        showPage(StaticPage);
        break;
    case Source::Function:
        m_function->setValue(value);
        showPage(FunctionPage);
        break;
    case Source::Object: {
        const int keys = m_model->rowCount(m_index);
        if (keys == 0)
            m_objectSummary->setText(tr("An object with no keys yet."));
        else if (keys == 1)
            m_objectSummary->setText(tr("An object with 1 key, listed under it in the tree."));
        else
            m_objectSummary->setText(tr("An object with %1 keys, listed under it in the tree.").arg(keys));
        showPage(ObjectPage);
        break;
    }
    }
    refreshStatus();
}

void SourceEditor::refreshStatus()
{
    if (!m_index.isValid()) {
        m_sample->setText(QString());
        m_errors->hide();
        return;
    }
    if (m_model->sampleEvent().isUndefined()) {
        m_sample->setText(tr("(select a sample event to see the value)"));
        m_sample->setStyleSheet(QString());
    } else {
        const Result<json::Value> resolved = m_model->resolved(m_index);
        if (!resolved && !m_model->errors(m_index).empty()) {
            m_sample->setText(tr("(not computed until the problem below is fixed)"));
            m_sample->setStyleSheet(QString());
        } else if (!resolved) {
            m_sample->setText(tr("Error: %1").arg(resolved.error().message));
            m_sample->setStyleSheet(QStringLiteral("color: #c62828"));
        } else {
            m_sample->setText(resolved->isUndefined() ? tr("(no value: the key is left out)")
                                                      : ValuePreview::oneLine(*resolved, 300));
            m_sample->setToolTip(resolved->isUndefined() ? QString() : ValuePreview::oneLine(*resolved, 2000));
            m_sample->setStyleSheet(QString());
        }
    }
    const std::vector<Error> errors = m_model->errors(m_index);
    QStringList lines;
    for (const Error &error : errors)
        lines.append(QStringLiteral("\u2716 ") + error.message);
    m_errors->setText(lines.join(u'\n'));
    m_errors->setVisible(!lines.isEmpty());
    m_function->setErrors(errors, m_model->keyPath(m_index));
}

void SourceEditor::rowChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!m_index.isValid() || topLeft.parent() != m_index.parent() || m_index.row() < topLeft.row()
        || m_index.row() > bottomRight.row())
        return;
    // Our own edits already show in the editors; re-filling them would move the cursor under the user. A new
    // sample (resolved in the background for a large event) changes the status line only.
    const bool sampleOnly = topLeft.column() == DataFieldModel::SampleColumn && bottomRight.column() == DataFieldModel::SampleColumn;
    if (m_applying || sampleOnly) {
        refreshStatus();
        return;
    }
    refreshEditors();
}

void SourceEditor::sourceChosen()
{
    if (!m_index.isValid())
        return;
    const Source current = m_model->source(m_index);
    const Source target = Source(m_source->currentData().toInt());
    if (target == current)
        return;
    const json::Value value = m_model->value(m_index);
    m_memory.insert(int(current), value);
    json::Value next;
    if (m_memory.contains(int(target))) {
        next = m_memory.value(int(target));
    } else {
        const bool isField = !m_index.parent().isValid();
        switch (target) {
        case Source::Path:
            next = pathDirective(value.isString() && value.toString().startsWith(u'$') ? value.toString()
                                 : isField                                            ? QStringLiteral("$.")
                                                                                      : QString());
            break;
        case Source::Static:
            next = QString();
            break;
        case Source::Function: {
            // The function works on the event variable the key had, even if another source was passed on the way.
            json::Value seed;
            if (current == Source::Path || (current == Source::Static && !m_memory.contains(int(Source::Path))))
                seed = value;
            else if (m_memory.contains(int(Source::Path)))
                seed = m_memory.value(int(Source::Path));
            next = DirectiveSpec::find(u"@template")->initialValue(seed);
            m_function->setSeed(seed);
            break;
        }
        case Source::Object:
            next = json::Object();
            break;
        case Source::Unset:
            return;
        }
    }
    m_model->setValue(m_index, next);
    refreshEditors();
    m_pages->currentWidget()->setFocus();
}

void SourceEditor::keyEdited()
{
    if (!m_index.isValid() || m_key->text() == m_model->key(m_index))
        return;
    QString why;
    if (!m_model->renameKey(m_index, m_key->text(), &why)) {
        m_keyError->setText(why);
        m_keyError->show();
        return;
    }
    m_keyError->hide();
}

void SourceEditor::apply(const json::Value &value)
{
    if (!m_index.isValid())
        return;
    m_applying = true;
    m_model->setValue(m_index, value);
    m_applying = false;
}

SourceEditor::~SourceEditor()
{
    // Children still report edits while they are deleted (an open item editor commits); this object is
    // already half gone by then, so it stops listening first.
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    disconnect(m_key, nullptr, this, nullptr);
    disconnect(m_pathPicker, nullptr, this, nullptr);
    disconnect(m_static, nullptr, this, nullptr);
    disconnect(m_function, nullptr, this, nullptr);
}

} // namespace inkmapper::ui
