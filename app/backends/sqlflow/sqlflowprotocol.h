#pragma once

// Decoding Gudu SQLFlow answers and encoding its forms (../shared/protocols.md section 3,
// seed 004). Pure functions over bytes and JSON, so they are unit-tested and fuzzed without
// a network.

#include "async/result.h"
#include "jobs/job.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTimeZone>

namespace JobDeck {
struct HttpResponse;
}

namespace JobDeck::Sqlflow {

// The user id of an on-premise server, which has no accounts (protocols.md 3.1).
inline constexpr QStringView OnPremUserId = u"gudu|0123456789";

// The job states SQLFlow documents: create, success, partial_success, fail, delete. Any
// other word is a job still being analysed (protocols.md 3.2).
JobState stateFromStatus(QStringView status);
// Export is allowed for these two only.
bool allowsLineage(QStringView status);

// The zone of the server's zone-less createTime: an IANA id, "UTC+08:00", "GMT+8" or
// "+08:00"; empty = UTC (the cloud's createTime matches the epoch in sessionId as UTC in every
// documented sample). An invalid zone also gives UTC, with `ok` false.
QTimeZone serverZone(const QString &spec, bool *ok = nullptr);
// "yyyy-MM-dd HH:mm:ss" in `zone`, as UTC; invalid when unreadable.
QDateTime parseTime(const QString &text, const QTimeZone &zone);
// "0min 1sec", "1h 2min 3sec": the aggregate summary's executeTime, in ms; -1 if unreadable.
qint64 parseExecuteTime(QStringView text);

// Reads a JSON answer of any HTTP status and returns its top-level object when `code` is
// 200 (the number, or the string "200" of generateToken). Otherwise:
// - {code != 200, error} is Refused with the server's text, or Authentication when it is
//   about the token or the secret key (or HTTP 401/403, code 401/403);
// - 404 without such a body: no SQLFlow here, Refused "check the URL";
// - 502/503/504: Connection;
// - anything else (HTML, empty, truncated or non-object JSON, no code): Protocol, naming
//   what came back.
Result<QJsonObject> decodeAnswer(const HttpResponse &response);

// generateToken: {"code":"200","token":"eyJ…"}. Every refusal is an Authentication error.
Result<QString> decodeToken(const HttpResponse &response);

// One job summary object (submit, displayUserJobSummary, deleteUserJob, jobDetails[]).
// Times are read in `zone`.
Job jobFromSummary(const QJsonObject &summary, const QTimeZone &zone);

// displayUserJobSummary and the submit calls. `data` is either the job itself (tutorial) or
// the aggregate {total, …, jobIds[], jobDetails[]} (API reference), in which the job is
// found by `jobId`. An empty `jobId` takes the single shape only (a submit answer).
Result<Job> decodeJob(const HttpResponse &response, const QString &jobId, const QTimeZone &zone);

struct JobList
{
    QList<Job> jobs; // newest first
    qint64 total = -1;
};
// displayUserJobsSummary: {total, success, partialSuccess, fail, jobIds[], jobDetails[]}.
Result<JobList> decodeJobList(const HttpResponse &response, const QTimeZone &zone);

// Whether the first bytes of a lineage export are the artefact (to be streamed to the user's
// file) rather than an error answer: HTTP >= 400, a small JSON {code != 200, error}, an HTML
// page, or an empty body (json and graphml) are not. `complete`: the probe holds the whole body.
bool isArtefact(const HttpResponse &head, bool complete, bool emptyIsValid);
// The error a refused export answer stands for.
BackendError artefactError(const HttpResponse &response);

// multipart/form-data, built by hand: text fields and file parts, in order.
struct FormPart
{
    QString name;
    QByteArray data;
    QString fileName;       // non-empty: a file part
    QByteArray contentType; // file parts; empty = application/octet-stream
};
// A boundary that occurs in no part.
QByteArray boundaryFor(const QList<FormPart> &parts);
QByteArray multipartBody(const QList<FormPart> &parts, const QByteArray &boundary);
// "multipart/form-data; boundary=…"
QByteArray multipartContentType(const QByteArray &boundary);
// application/x-www-form-urlencoded, every byte but the unreserved ones escaped ('|' and
// '+' included, which some decoders read as a space).
QByteArray urlEncodedForm(const QList<std::pair<QString, QString>> &fields);
// What a file part is sent as: application/zip for .zip, application/octet-stream otherwise
// (what the official Java client sends).
QByteArray fileContentType(const QString &fileName);

} // namespace JobDeck::Sqlflow
