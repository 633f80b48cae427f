#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace difusor::ui {

// Where remembered passwords and passphrases live: the system keychain (QtKeychain), never a file.
// Asynchronous, because the keychain may ask the user to unlock it.
class SecretStore
{
public:
    using ReadCallback = std::function<void(const std::optional<QString> &secret)>;
    using WriteCallback = std::function<void(const QString &error)>; // empty: written

    virtual ~SecretStore() = default;
    virtual bool available() const = 0;
    // `done` runs later on the GUI thread, with nothing when absent or on any keychain error.
    virtual void read(const QString &key, QObject *context, const ReadCallback &done) = 0;
    // `done` runs later on the GUI thread: an empty string once the keychain holds the secret, else
    // why it does not (translated), so the technician is not told it was remembered when it was not.
    virtual void write(const QString &key, const QString &secret, QObject *context, const WriteCallback &done) = 0;
    virtual void remove(const QString &key) = 0;
};

// The system keychain when built with QtKeychain, else a store that remembers nothing.
std::unique_ptr<SecretStore> createSystemSecretStore();

} // namespace difusor::ui
