#pragma once

#include "json/value.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace inkmapper::ui {

/**
 * Makes the event Segment Engage sends for an audience or a computed trait (events::EngageEvents), so an
 * architect can map and trigger on it before Engage sends any: the audience's name (its key, snake_cased,
 * follows it until edited), membership or the trait's value, identify or track, and the profile. Shows the
 * event as it is made.
 */
class AudienceEventDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AudienceEventDialog(QWidget *parent = nullptr);

    /** The event as the fields make it now; undefined while they cannot make one (a value that is not JSON). */
    json::Value event() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *keyEdit() const { return m_key; }
    QRadioButton *computedTraitButton() const { return m_computedTrait; }
    QRadioButton *trackButton() const { return m_track; }
    QCheckBox *memberCheck() const { return m_member; }
    QLineEdit *valueEdit() const { return m_value; }
    QLineEdit *userIdEdit() const { return m_userId; }
    QPlainTextEdit *previewView() const { return m_preview; }

private:
    void update();

    QRadioButton *m_audience;
    QRadioButton *m_computedTrait;
    QLineEdit *m_name;
    QLineEdit *m_key;
    bool m_keyEdited = false;
    QCheckBox *m_member;
    QLineEdit *m_value;
    QRadioButton *m_identify;
    QRadioButton *m_track;
    QLineEdit *m_userId;
    QLineEdit *m_email;
    QLineEdit *m_anonymousId;
    QPlainTextEdit *m_preview;
    QPushButton *m_add = nullptr;
};

} // namespace inkmapper::ui
