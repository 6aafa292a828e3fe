#pragma once

#include <QIcon>

namespace inkmapper::ui {

/**
 * The icons of the app's actions: the desktop's icon theme where it has one (freedesktop names, also
 * their "-symbolic" variants), Qt's standard pixmaps otherwise, so every action has an icon on every
 * platform and the app looks native where a theme exists.
 */
class Icons
{
public:
    enum class Id {
        New, Open, Save, SaveAs, Quit, Undo, Redo, Add, Remove, Duplicate, MoveUp, MoveDown, Rename,
        Paste, LoadFiles, Samples, Refresh, About, Reveal, Warning, Error, Info, Close, Matrix,
    };

    static QIcon icon(Id id);
};

} // namespace inkmapper::ui
