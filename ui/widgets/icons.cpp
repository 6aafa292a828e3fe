#include "icons.h"

#include <QApplication>
#include <QStyle>

namespace inkmapper::ui {

namespace {

struct IconSpec
{
    const char *themeName;
    QStyle::StandardPixmap fallback;
};

IconSpec specFor(Icons::Id id)
{
    using Id = Icons::Id;
    switch (id) {
    case Id::New: return {"document-new", QStyle::SP_FileIcon};
    case Id::Open: return {"document-open", QStyle::SP_DialogOpenButton};
    case Id::Save: return {"document-save", QStyle::SP_DialogSaveButton};
    case Id::SaveAs: return {"document-save-as", QStyle::SP_DialogSaveButton};
    case Id::Quit: return {"application-exit", QStyle::SP_DialogCloseButton};
    case Id::Undo: return {"edit-undo", QStyle::SP_ArrowBack};
    case Id::Redo: return {"edit-redo", QStyle::SP_ArrowForward};
    case Id::Add: return {"list-add", QStyle::SP_FileDialogNewFolder};
    case Id::Remove: return {"list-remove", QStyle::SP_TrashIcon};
    case Id::Duplicate: return {"edit-copy", QStyle::SP_FileDialogDetailedView};
    case Id::MoveUp: return {"go-up", QStyle::SP_ArrowUp};
    case Id::MoveDown: return {"go-down", QStyle::SP_ArrowDown};
    case Id::Rename: return {"document-edit", QStyle::SP_FileDialogInfoView};
    case Id::Paste: return {"edit-paste", QStyle::SP_FileDialogContentsView};
    case Id::LoadFiles: return {"document-open", QStyle::SP_DirOpenIcon};
    case Id::Samples: return {"folder-templates", QStyle::SP_DirIcon};
    case Id::Refresh: return {"view-refresh", QStyle::SP_BrowserReload};
    case Id::About: return {"help-about", QStyle::SP_MessageBoxInformation};
    case Id::Reveal: return {"view-reveal", QStyle::SP_FileDialogContentsView};
    case Id::Warning: return {"dialog-warning", QStyle::SP_MessageBoxWarning};
    case Id::Error: return {"dialog-error", QStyle::SP_MessageBoxCritical};
    case Id::Info: return {"dialog-information", QStyle::SP_MessageBoxInformation};
    case Id::Close: return {"window-close", QStyle::SP_TitleBarCloseButton};
    case Id::Matrix: return {"view-grid", QStyle::SP_FileDialogListView};
    }
    return {"", QStyle::SP_FileIcon};
}

} // namespace

QIcon Icons::icon(Id id)
{
    const IconSpec spec = specFor(id);
    const QString name = QString::fromLatin1(spec.themeName);
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    const QString symbolic = name + QStringLiteral("-symbolic");
    if (QIcon::hasThemeIcon(symbolic))
        return QIcon::fromTheme(symbolic);
    return QApplication::style()->standardIcon(spec.fallback);
}

} // namespace inkmapper::ui
