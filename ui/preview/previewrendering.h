#pragma once

#include "preview/previewer.h"
#include "preview/previewresult.h"

#include "destination/readinessfinding.h"

#include "json/value.h"

#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace inkmapper::ui {

/**
 * A preview ready to show: the result and the text forms that are costly for a large event (the payload
 * and the body as pretty JSON, the body's exact bytes as text), made off the GUI thread.
 */
struct PreviewRendering
{
    enum class Text { Payload, BodyPretty, BodyExact };
    /**
     * Beyond this body size only the text on display is made with the result: each of the three texts of a
     * 1 MB event costs milliseconds to write and more to show, and the user sees one at a time.
     */
    static constexpr qsizetype LargeBody = 64 * 1024;

    /** Computes the preview of `event` and makes its texts (only `shown` for a large body). Any thread. */
    static PreviewRendering render(const preview::Previewer &previewer, const json::Value &event, Text shown);
    /** The request body of `result` (which must have a request) re-indented with 2 spaces, or as is if not JSON. */
    static QString prettyBody(const preview::PreviewResult &result);

    /** Text `which`, made now if render() left it out. */
    const QString &text(Text which);
    /** Whether text `which` is made (render() leaves the texts not on display out for a large body). */
    bool hasText(Text which) const { return m_texts[size_t(which)].has_value(); }

    preview::PreviewResult result;
    QString fql; ///< the trigger the result is for (to point at a parse error's column)
    /** Whether Movable Ink can use what is sent (empty when nothing is sent): preview::Preview::readiness. */
    std::vector<destination::ReadinessFinding> readiness;

private:
    QString makeText(Text which) const;

    /// payload: JSON.stringify(payload, null, 2), empty when there is none; pretty body: re-indented when JSON,
    /// else the exact text; exact body: the bytes as UTF-8 text, exactly as sent
    std::array<std::optional<QString>, 3> m_texts;
};

} // namespace inkmapper::ui
