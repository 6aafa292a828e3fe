#pragma once

#include <QString>

namespace inkmapper::destination {

/** One destination setting as Segment's definition declares it (authentication.fields), for the UI to render. */
class SettingField
{
public:
    /** Segment's field types that settings use; both validate as JSON Schema strings. */
    enum class Type { String, Password };

    SettingField(QString key, QString label, QString description, Type type, bool required, QString hint = {});

    /** The settings key, e.g. "movable_ink_url". */
    const QString &key() const { return m_key; }
    /** Segment's label, which also names the field in validation messages. */
    const QString &label() const { return m_label; }
    /** Segment's description. */
    const QString &description() const { return m_description; }
    Type type() const { return m_type; }
    bool isRequired() const { return m_required; }
    /** True for the secret, which the UI masks, the SecretStore keeps and previews redact. */
    bool isSecret() const { return m_type == Type::Password; }
    /** Where to find the value, from the destination's documentation (empty when there is nothing to add). */
    const QString &hint() const { return m_hint; }

private:
    QString m_key;
    QString m_label;
    QString m_description;
    Type m_type;
    bool m_required;
    QString m_hint;
};

} // namespace inkmapper::destination
