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

    virtual ~SecretStore() = default;
    virtual bool available() const = 0;
    // `done` runs later on the GUI thread, with nothing when absent or on any keychain error.
    virtual void read(const QString &key, QObject *context, const ReadCallback &done) = 0;
    virtual void write(const QString &key, const QString &secret) = 0;
    virtual void remove(const QString &key) = 0;
};

// The system keychain when built with QtKeychain, else a store that remembers nothing.
std::unique_ptr<SecretStore> createSystemSecretStore();

} // namespace difusor::ui
