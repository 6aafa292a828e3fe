#pragma once

namespace inkmapper::ui {

/**
 * The ids of undo commands that merge with the one before them (QUndoCommand::id()), so that typing in a
 * field becomes one undo step. Commands that never merge keep the default id -1.
 */
enum class CommandId : int {
    ChangeSettings = 1,
    ChangeMappingTrigger,
    ChangeMappingFields,
    ChangeSampleEvent,
};

} // namespace inkmapper::ui
