#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace inkmapper::ui {

/** A one-line message strip with an icon and an optional action button, like KMessageWidget. */
class NoticeBar : public QFrame
{
    Q_OBJECT

public:
    /** How serious the message is; sets the icon and colours. */
    enum class Kind { Information, Warning, Error };

    /** A hidden bar; show it with showMessage(). */
    explicit NoticeBar(QWidget *parent = nullptr);

    /** Shows `text` (plain text); `actionText` adds a button that emits actionTriggered(). */
    void showMessage(Kind kind, const QString &text, const QString &actionText = {});
    /** The message shown (empty when hidden). */
    QString text() const;

Q_SIGNALS:
    /** The action button was pressed. */
    void actionTriggered();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
};

} // namespace inkmapper::ui
