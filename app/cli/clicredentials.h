#pragma once

#include <QObject>

#include <functional>
#include <optional>

namespace JobDeck {

class CliContext;

// Where jobdeck-cli connects and with which secret: a saved profile (the console's profile
// store, its secret in the system keychain) or --backend/--url/--user; the secret from the
// environment or standard input, never from the command line.
class CliCredentials final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliCredentials)

public:
    explicit CliCredentials(CliContext &cli, QObject *parent = nullptr);

    // Fill the context's profile; an exit code when the command line is wrong.
    std::optional<int> readProfile();
    std::optional<int> readSecret();

    // --backend local without --url: the local jobdeck-server, found or started later.
    bool launchLocal() const { return m_launchLocal; }
    // A saved profile whose secret is still to be read from the keychain.
    bool secretFromKeychain() const { return m_secretFromKeychain; }
    // Reads that secret into the profile, then calls `then`; ends the run when it cannot.
    void readKeychainSecret(std::function<void()> then);

private:
    CliContext &m_cli;
    bool m_launchLocal = false;
    bool m_secretFromKeychain = false;
};

} // namespace JobDeck
