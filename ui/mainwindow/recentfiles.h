#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace inkmapper::ui {

/**
 * The most recently opened or saved projects, newest first, kept in QSettings ("recentFiles/paths") and
 * shown as the File ▸ Open Recent menu.
 */
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    /** How many paths are remembered. */
    static constexpr int MaxCount = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList paths() const;
    /** Puts `path` first (moving it up when already listed). */
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

    /** Fills `menu` with the paths ("&1 name", the full path as tooltip) and a Clear entry. */
    void fillMenu(QMenu *menu);

Q_SIGNALS:
    /** The user picked `path` in the menu. */
    void openRequested(const QString &path);
    void changed();

private:
    void store(const QStringList &paths);
};

} // namespace inkmapper::ui
