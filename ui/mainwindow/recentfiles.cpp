#include "recentfiles.h"

#include "widgets/setting.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>

namespace inkmapper::ui {

namespace {

const Setting<QStringList> recentPaths{"recentFiles/paths"};

} // namespace

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
{
}

QStringList RecentFiles::paths() const
{
    return recentPaths.get();
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, MaxCount));
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = paths();
    if (list.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::fillMenu(QMenu *menu)
{
    menu->clear();
    const QStringList list = paths();
    for (int i = 0; i < list.size(); ++i) {
        const QString &path = list[i];
        // Numbered accelerators for the first nine, as desktop apps do.
        const QString label = i < 9 ? tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName())
                                    : QFileInfo(path).fileName();
        QAction *action = menu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
    }
    if (list.isEmpty())
        menu->addAction(tr("No Recent Projects"))->setEnabled(false);
    menu->addSeparator();
    QAction *clearAction = menu->addAction(tr("Clear Recent Projects"));
    clearAction->setEnabled(!list.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
    menu->setToolTipsVisible(true);
}

void RecentFiles::store(const QStringList &paths)
{
    recentPaths.set(paths);
    Q_EMIT changed();
}

} // namespace inkmapper::ui
