#pragma once

#include <QString>
#include <QUrl>

#include <expected>

namespace JobDeck {

// The outcome of an asynchronous call (Pending<T>, async/pending.h): a value or the error
// that kept it from one. It lives below the transport and the adapters, which both use it.

// Why a call to a backend did not give an answer. The kind decides what the caller does
// (retry, re-login, give up) and which exit code the CLI returns; the message is for people.
struct BackendError
{
    enum class Kind {
        Connection,     // refused, reset, host not found, dropped mid-answer
        Timeout,        // no answer within the request's time
        Tls,            // certificate or handshake failure
        Authentication, // not logged in, session expired, wrong credentials
        Protocol,       // an answer that is not the protocol (HTML, empty, truncated JSON)
        Refused,        // the server understood and said no: unknown job, no permission, bad input
        Unsupported,    // this backend cannot do that
        Cancelled,      // the caller gave up
    };

    Kind kind = Kind::Connection;
    QString message;
    QUrl url;
    int httpStatus = 0;
    QString serverCode; // the backend's own error code, when it sent one

    // Worth trying again later: the server may come back, the network may recover.
    bool isTransient() const;
    // The CLI's exit code for this error (cli-contract.md): 3 for talking, 4 for refusals.
    int exitCode() const;
    // The message, with the URL when it helps ("... (GET http://host/api/...)").
    QString describe() const;
};

template<typename T>
using Result = std::expected<T, BackendError>;

inline std::unexpected<BackendError> failure(BackendError::Kind kind,
                                             QString message,
                                             QUrl url = {},
                                             int httpStatus = 0)
{
    return std::unexpected(BackendError{kind, std::move(message), std::move(url), httpStatus, {}});
}

} // namespace JobDeck
