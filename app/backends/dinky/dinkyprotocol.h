#pragma once

// Decoding Dinky answers (../shared/protocols.md section 2), both generations: 0.7 ("dlink",
// envelope {code,msg,datas,time}) and 1.x ({code,msg,data,success,time}). Pure functions over
// HTTP answers and JSON, so they are unit-tested and fuzzed without a network.

#include "backends/backend.h"
#include "async/result.h"
#include "jobs/job.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QTimeZone>

namespace JobDeck {
struct HttpResponse;
}

namespace JobDeck::Dinky {

enum class Generation {
    Unknown,
    V07, // 0.6/0.7: packages com.dlink, GET submitTask, token header "satoken"
    V1,  // 1.x: packages org.dinky, POST submitTask, token header "dinky-token"
};

// CodeEnum: 0 success, 1 error, 5 exception (stack trace in data), 6 parameter error,
// 7 not authorised; 0.7 puts 401 in the body for "not logged in".
struct Envelope
{
    int code = 0;
    QString message;
    QJsonValue data; // "data" (1.x) or "datas" (0.7); a stack trace string with code 5
    QString time;    // the server's local wall clock, "yyyy-MM-dd HH:mm:ss"
    Generation generation = Generation::Unknown; // from the shape: "datas" = 0.7, "success" = 1.x
    bool ok() const { return code == 0; }
};

// Reads the envelope from an answer of any HTTP status. Not the protocol (HTML, empty,
// truncated or non-object JSON, no code) is a Protocol error naming what came back; 404 of
// the whole API is Refused ("check the URL"); 502/503/504 are Connection errors; a 401 that
// is not an envelope is an Authentication error.
Result<Envelope> decodeEnvelope(const HttpResponse &response);

// The error a non-zero code stands for: 7 (or 0.7's 401, or HTTP 401) Authentication; 1, 5,
// 6 Refused with the server's message only (never code 5's stack trace).
BackendError envelopeError(const Envelope &envelope, const HttpResponse &response);

// The answer to GET /openapi/version: 1.x answers a Result<String>; 0.7 has no such endpoint
// (404, an error page, or code 5 "not supported"). Errors only for answers that are not
// Dinky's at all (HTML with 200) or that say the server is unreachable (502/503/504).
struct ServerVersion
{
    Generation generation = Generation::Unknown;
    QString version; // "1.1.0"; empty for 0.7
};
Result<ServerVersion> decodeVersion(const HttpResponse &response);
// "0.7", "0.6", "1", "1.1" ... (profile.serverVersion); Unknown for empty or unreadable.
Generation generationFromSetting(QStringView setting);

// The zone of the server's zone-less times: an IANA id ("Asia/Shanghai"), "UTC+08:00",
// "GMT+8", "UTC"; empty = Dinky's default GMT+8. Invalid settings give GMT+8 too, and
// `valid` (if given) tells.
QTimeZone zoneFromSetting(QStringView setting, bool *valid = nullptr);
// "yyyy-MM-dd HH:mm:ss", ISO "2023-09-15T10:30:00[.fff]" (zone-less: read in `zone`; with a
// zone or Z: honoured), or epoch milliseconds; -1, 0, null or anything else = invalid.
QDateTime parseServerTime(const QJsonValue &value, const QTimeZone &zone);

// Login (POST /api/login): the Sa-Token name and value of the session.
struct LoginToken
{
    QString name; // "dinky-token" (1.x), "satoken" (0.7)
    QString value;
};
// Whether a not-logged-in message says another login took the session over (Sa-Token
// BE_REPLACED "token has been pushed offline", KICK_OUT "kicked offline", 0.7 Chinese
// "顶下线"/"踢下线") rather than that it expired.
bool isReplacedSession(QStringView message);

// A refused login (code 7 with HTTP 200, or any non-zero code) is an Authentication error;
// no tokenInfo is not an error (0.7 may rely on its Set-Cookie): the value is then empty.
Result<LoginToken> decodeLogin(const Envelope &envelope, const HttpResponse &response);

// Flink's job state (Dinky JobStatus) as JobDeck's. FAILED is Failed here; see jobFromInstance
// for when it is only a transition. Unknown words map like UNKNOWN (Dinky does the same).
JobState stateFromFlinkStatus(QStringView status);
// Dinky's submit state (Job.JobStatus: INITIALIZE, RUNNING, SUCCESS, FAILED, CANCEL).
JobState stateFromSubmitStatus(QStringView status);

// How long Dinky keeps refreshing a FAILED job after its end, because Flink may restart it
// (JobRefreshHandler: "transition" for < 1 minute after finishTime).
constexpr qint64 FailedTransitionMs = 60000;

// A JobInstance (getJobInstance, list rows) as a job. `serverNow` is the envelope's time
// (same zone); a FAILED job that ended less than FailedTransitionMs before it is reported
// as Retrying (raw status still FAILED), because the server may bring it back to RUNNING.
// duration is seconds in 0.7, ms in 1.x. Protocol error when the object has no id.
Result<Job> jobFromInstance(const QJsonObject &instance,
                            Generation generation,
                            const QTimeZone &zone,
                            const QDateTime &serverNow = {});

// The JobResult of submitTask/restartTask as a job: id = jobInstanceId (the id users type),
// ids.dinkyTaskId / dinkyInstanceId / flinkJobId; state from Dinky's submit state.
// `taskId` is the task that was run, used when the JobResult does not name it.
Job jobFromJobResult(const QJsonObject &result, qint64 taskId, const QTimeZone &zone);

// POST /api/jobInstance: ProTableResult {total, success, current, pageSize, data[]}, no
// code. A Result envelope with a non-zero code instead (not logged in) is its error.
Result<JobPage> decodeJobList(const HttpResponse &response, Generation generation, const QTimeZone &zone);

// GET /api/process/getProcess: the whole accumulated console text and whether the process
// has ended. data null (no such process) = empty and not ended.
struct ProcessLog
{
    QString text;
    QString status; // INITIALIZING, RUNNING, FAILED, CANCELED, FINISHED, UNKNOWN
    bool ended = false;
};
Result<ProcessLog> decodeProcess(const Envelope &envelope);

// The part of a cumulative log not delivered yet: whole lines after `from.position` lines;
// a last line without its newline waits until it is finished or the process has ended.
// A log shorter than what was delivered (a new process under the same name) delivers
// nothing and re-syncs the cursor.
LogPage logDelta(const QString &whole, const LogCursor &from, bool ended);

// savepoint answers: 1.x SavePointResult {jobInfos:[{jobId, savePoint}], ...}, 0.7 the same
// or a plain string/bool. The savepoint's path, or empty if the answer names none.
QString savepointPathFrom(const QJsonValue &data);

// Flink's job detail (getJobInfoDetail's jobDataDto.job): vertices' task counts.
ProgressReport progressFromJobDetail(const QJsonObject &jobInfoDetail);

} // namespace JobDeck::Dinky
