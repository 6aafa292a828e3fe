#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace inkmapper::ui {

/**
 * A slim inline message above a list or editor (as KDE's KMessageWidget): an icon, a word-wrapped text
 * and a close button. For what the user must read but need not confirm: a refused action, load errors.
 */
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    /** Shows `text` (plain text) at `level`. */
    void showMessage(const QString &text, Level level);
    /** The text shown, empty when hidden. */
    QString text() const;
    Level level() const { return m_level; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    Level m_level = Level::Information;
};

} // namespace inkmapper::ui
