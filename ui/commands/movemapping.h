#pragma once

#include <QUndoCommand>

namespace inkmapper::ui {

class ProjectDocument;

/** Moves a mapping to another index, the others keeping their order; undo moves it back. */
class MoveMapping : public QUndoCommand
{
public:
    MoveMapping(ProjectDocument *document, int from, int to);

    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_from;
    int m_to;
};

} // namespace inkmapper::ui
