#include "fieldeditor.h"

#include "dataeditor.h"
#include "headerseditor.h"
#include "headertablemodel.h"
#include "mappingjsonview.h"

#include "destination/destinationdefinition.h"
#include "json/object.h"
#include "mapping/validator.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace inkmapper::ui {

namespace {

const QString &headersKey()
{
    static const QString key = QStringLiteral("headers");
    return key;
}

const QString &dataKey()
{
    static const QString key = QStringLiteral("data");
    return key;
}

/** A group box titled and explained with Segment's own label and description of the action field. */
QGroupBox *fieldGroup(const QString &key, QWidget *editor, QWidget *parent)
{
    const destination::ActionDefinition &action = destination::DestinationDefinition::movableInk().actions().front();
    const destination::ActionField *field = action.field(key);
    auto *group = new QGroupBox(field ? field->label() : key, parent);
    group->setObjectName(key + QStringLiteral("Group"));
    auto *layout = new QVBoxLayout(group);
    if (field) {
        auto *description = new QLabel(field->description(), group);
        description->setWordWrap(true);
        description->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(description);
        group->setToolTip(field->description());
    }
    layout->addWidget(editor, 1);
    return group;
}

} // namespace

FieldEditor::FieldEditor(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_headers(new HeadersEditor(this))
    , m_data(new DataEditor(this))
    , m_json(new MappingJsonView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_problems(new QLabel(this))
    , m_mapping(json::Object())
{
    m_tabs->setObjectName(QStringLiteral("fieldTabs"));
    m_tabs->setDocumentMode(true);

    m_splitter->setObjectName(QStringLiteral("fieldSplitter"));
    m_splitter->addWidget(fieldGroup(headersKey(), m_headers, m_splitter));
    m_splitter->addWidget(fieldGroup(dataKey(), m_data, m_splitter));
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    m_problems->setObjectName(QStringLiteral("mappingProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->hide();

    auto *fieldsPage = new QWidget;
    auto *fieldsLayout = new QVBoxLayout(fieldsPage);
    fieldsLayout->addWidget(m_splitter, 1);
    fieldsLayout->addWidget(m_problems);
    // The page fills the tab and scrolls only when squeezed below its own minimum: otherwise the
    // headers table and the data editor together would dictate the main window's minimum height.
    auto *fieldsScroll = new QScrollArea(m_tabs);
    fieldsScroll->setObjectName(QStringLiteral("fieldsScroll"));
    fieldsScroll->setWidget(fieldsPage);
    fieldsScroll->setWidgetResizable(true);
    fieldsScroll->setFrameShape(QFrame::NoFrame);
    fieldsScroll->setFocusPolicy(Qt::NoFocus);
    m_tabs->addTab(fieldsScroll, tr("&Fields"));
    m_tabs->addTab(m_json, tr("Edit as &JSON"));
    m_tabs->setTabToolTip(0, tr("Headers and data, key by key"));
    m_tabs->setTabToolTip(1, tr("The whole mapping as JSON text"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_headers, &HeadersEditor::headersEdited, this, &FieldEditor::headersEdited);
    connect(m_headers, &HeadersEditor::editAsJsonRequested, this, [this] { m_tabs->setCurrentWidget(m_json); });
    connect(m_data, &DataEditor::dataEdited, this, &FieldEditor::dataEdited);
    connect(m_json, &MappingJsonView::mappingEdited, this, &FieldEditor::jsonEdited);

    setMapping(json::Value(json::Object()));
}

void FieldEditor::setMapping(const json::Value &mapping)
{
    // The owner echoes every edit back; an unchanged value must not disturb what the user is doing.
    if (mapping == m_mapping && m_json->mapping() == mapping)
        return;
    m_mapping = mapping;
    showInViews(true, true, true);
    revalidate();
}

void FieldEditor::setSampleEvent(const json::Value &event)
{
    m_data->setSampleEvent(event);
}

json::Value FieldEditor::withField(const QString &key, const json::Value &value) const
{
    const json::Object base = m_mapping.isObject() ? m_mapping.toObject() : json::Object();
    json::Object out;
    if (value.isUndefined()) {
        out = base;
        out.remove(key);
    } else if (!base.contains(key) && key == headersKey()) {
        // A new headers field goes first, where Segment's action lists it.
        out.set(key, value);
        for (const auto &[name, member] : base)
            out.set(name, member);
    } else {
        out = base;
        out.set(key, value);
    }
    return json::Value(std::move(out));
}

void FieldEditor::headersEdited()
{
    // An emptied table leaves the optional field out rather than sending {}.
    const bool empty = m_headers->isEditable() && m_headers->model()->rowCount() == 0;
    m_mapping = withField(headersKey(), empty ? json::Value() : m_headers->headers());
    showInViews(false, false, true);
    revalidate();
    Q_EMIT mappingEdited(m_mapping);
}

void FieldEditor::dataEdited()
{
    m_mapping = withField(dataKey(), m_data->data());
    showInViews(false, false, true);
    revalidate();
    Q_EMIT mappingEdited(m_mapping);
}

void FieldEditor::jsonEdited(const json::Value &mapping)
{
    m_mapping = mapping;
    showInViews(true, true, false);
    revalidate();
    Q_EMIT mappingEdited(m_mapping);
}

void FieldEditor::showInViews(bool headers, bool data, bool json)
{
    const json::Object object = m_mapping.isObject() ? m_mapping.toObject() : json::Object();
    if (headers) {
        const json::Value value = object.value(headersKey());
        const bool same = m_headers->isEditable() && value.isObject() && m_headers->headers() == value;
        if (!same)
            m_headers->setHeaders(value);
    }
    if (data)
        m_data->setData(object.value(dataKey()));
    if (json)
        m_json->setMapping(m_mapping);
}

void FieldEditor::revalidate()
{
    const std::vector<Error> errors = mapping::validationErrors(m_mapping);
    std::vector<Error> others = m_headers->setValidationErrors(errors);
    others = m_data->setValidationErrors(others);
    QStringList lines;
    for (const Error &error : others)
        lines.append(QStringLiteral("\u2716 ") + error.describe());
    m_problems->setText(lines.join(u'\n'));
    m_problems->setVisible(!lines.isEmpty());
    const bool hasErrors = !errors.empty() || !m_headers->model()->issueSummary().isEmpty();
    m_tabs->setTabIcon(0, hasErrors ? QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
}

FieldEditor::~FieldEditor()
{
    // Children still report edits while they are deleted (an open item editor commits); this object is
    // already half gone by then, so it stops listening first.
    disconnect(m_headers, nullptr, this, nullptr);
    disconnect(m_data, nullptr, this, nullptr);
    disconnect(m_json, nullptr, this, nullptr);
}

} // namespace inkmapper::ui
