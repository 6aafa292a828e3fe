#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDialog;
class QLabel;
class QPushButton;
class QUrl;

namespace inkmapper::inspector {
class Inspector;
}

namespace inkmapper::ui {

/**
 * The in-app local inspector, which stands in for Movable Ink so a test works without an account: it starts
 * when a test goes to its URL (http://127.0.0.1:8787/v1/segment/events, the demo project's), accepts the
 * project's credentials, answers as chosen here (to rehearse each failure), and lists what it received.
 */
class InspectorControls : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorControls(QWidget *parent = nullptr);

    /**
     * Before a test goes to `url`: starts the inspector when the URL names it (unless another program listens
     * there already: the test goes to that one) and gives it the credentials the test carries.
     */
    void prepareFor(const QUrl &url, const QString &username, const QString &secret);
    /** The inspector, or nullptr before it is started. */
    inspector::Inspector *inspector() const { return m_inspector; }

public Q_SLOTS:
    /** Opens the list of what the inspector received. */
    void showRequests();

private:
    void updateLine();

    inspector::Inspector *m_inspector = nullptr;
    QLabel *m_line;
    QLabel *m_answerLabel;
    QComboBox *m_answer;
    QPushButton *m_showRequests;
    QPointer<QDialog> m_dialog;
};

} // namespace inkmapper::ui
