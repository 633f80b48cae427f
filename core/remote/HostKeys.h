#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace difusor::remote {

// What ssh-keygen -l tells about a public key, computed from its wire blob (RFC 4253 format).
struct PublicKeyFacts
{
    QString algorithm;   // wire name: "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256" …
    QString keyType;     // as ssh-keygen prints it: "ED25519", "RSA", "ECDSA", "DSA", "ED25519-SK" …
    int bits = 0;        // as ssh-keygen prints it (RSA: modulus bits)
    QString fingerprint; // "SHA256:<base64 without padding>"
};

// Parses a public key blob; std::nullopt when it is malformed or of an unknown algorithm.
std::optional<PublicKeyFacts> describePublicKey(const QByteArray &blob);

// "256 SHA256:xxxx (ED25519)": ssh-keygen -lf's line without the comment.
QString fingerprintLine(const PublicKeyFacts &facts);

// "SHA256:" + unpadded base64 of SHA-256(blob).
QString sha256Fingerprint(const QByteArray &blob);

// True when a private key file (OpenSSH "openssh-key-v1" or PEM) is protected by a passphrase.
bool privateKeyIsEncrypted(const QByteArray &fileContent);

} // namespace difusor::remote
