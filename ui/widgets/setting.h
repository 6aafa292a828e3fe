#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace inkmapper::ui {

/**
 * A typed QSettings key with its default, declared where it is used:
 * `static const Setting<QByteArray> geometry{"mainWindow/geometry"};`. Reads and writes go through the
 * application's default QSettings (organisation and application names set in main()).
 */
template<typename T>
class Setting
{
public:
    explicit Setting(const char *key, T defaultValue = T())
        : m_key(QString::fromLatin1(key))
        , m_default(std::move(defaultValue))
    {
    }

    const QString &key() const { return m_key; }

    /** The stored value, or the default when there is none or it has another type. */
    T get() const
    {
        const QVariant value = QSettings().value(m_key);
        return value.isValid() && value.canConvert<T>() ? value.template value<T>() : m_default;
    }

    void set(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }

    void remove() const { QSettings().remove(m_key); }

private:
    QString m_key;
    T m_default;
};

} // namespace inkmapper::ui
