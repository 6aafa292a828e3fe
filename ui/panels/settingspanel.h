#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace inkmapper::destination {
class SettingField;
}

namespace inkmapper::ui {

class ProjectDocument;
class SecretKeeper;

/**
 * The destination's settings, as Segment's settings page has them: Movable Ink URL, Username (the Access
 * Key ID) and Access Secret (masked, with a Show toggle), with Segment's labels and descriptions from the
 * destination definition. Each field is validated as the user types; a problem shows under the field.
 * URL and username are undoable project edits; the secret belongs to the session and is never saved.
 */
class SettingsPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Field { Url, Username, Secret };
    enum class Severity { None, Warning, Error };

    /** What validating a value found. */
    struct Validation
    {
        Severity severity = Severity::None;
        QString message;
    };

    /** With a `keeper`, a Remember toggle beside the secret turns keeping it in the system keychain on and off. */
    explicit SettingsPanel(ProjectDocument *document, SecretKeeper *keeper = nullptr, QWidget *parent = nullptr);

    QLineEdit *lineEdit(Field field) const;
    /** The Show/Hide toggle of the Access Secret. */
    QToolButton *revealButton() const { return m_reveal; }
    /** The Remember toggle (keep the secret in the system keychain), or nullptr without a SecretKeeper. */
    QToolButton *rememberButton() const { return m_remember; }
    /** The message under `field`: the validation problem, or Segment's description when there is none. */
    QString message(Field field) const;
    Severity severity(Field field) const;

    /** Checks a Movable Ink URL: required, URL syntax, http/https, a warning for http:// beyond loopback. */
    static Validation validateUrl(const QString &url);
    /** Checks a required value: empty (after trimming) is an error naming `label`. */
    static Validation validateRequired(const QString &value, const QString &label);

private:
    /** The widgets of one field. */
    struct Row
    {
        const destination::SettingField *definition = nullptr;
        QLabel *label = nullptr;
        QLineEdit *edit = nullptr;
        QLabel *message = nullptr;
        Severity severity = Severity::None;
    };

    Row &row(Field field);
    const Row &row(Field field) const;
    void addField(Field field, const QString &key, int column);
    void refresh();
    void revalidate();
    void showValidation(Row &row, const Validation &validation);

    void showKeeperState();

    ProjectDocument *m_document;
    SecretKeeper *m_keeper;
    Row m_rows[3];
    QToolButton *m_reveal;
    QToolButton *m_remember = nullptr;
};

} // namespace inkmapper::ui
