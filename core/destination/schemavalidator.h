#pragma once

#include "actionfield.h"
#include "settingfield.h"

#include "json/object.h"
#include "json/value.h"
#include "util/result.h"

#include <QList>
#include <QString>

namespace inkmapper::destination::Internal {

/**
 * What actions-core's validateSchema does with the JSON Schemas fieldsToJsonSchema makes for this
 * destination, under its ajv options (coerceTypes "array", allErrors, removeAdditional), with messages
 * worded by @segment/ajv-human-errors ("Data must be an object but it was a string."). All messages of
 * one validation are joined with "\n".
 */
class SchemaValidator
{
public:
    /** destination.validateSettings: required fields, strings coerced the way ajv does (numbers and
     *  booleans to text, null to "", a one-element array to its element); returns the settings object
     *  ajv leaves behind (declared keys only, coerced values). */
    static Result<json::Object> validateSettings(const json::Object &settings, const QList<SettingField> &fields);

    /** removeEmptyValues(payload, schema, true) followed by validateSchema(payload, schema): null and ""
     *  fields vanish, undeclared keys are removed, declared ones must have their type. */
    static Result<json::Object> validatePayload(const json::Value &payload, const QList<ActionField> &fields);

    /** ajv-human-errors' humanizeTypeOf: "undefined", "null", "an array", "an object", "a string", … */
    static QString humanizeTypeOf(const json::Value &v);
};

} // namespace inkmapper::destination::Internal
