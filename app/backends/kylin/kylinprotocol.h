#pragma once

// Decoding Apache Kylin answers (../shared/protocols.md section 4, seed 003). Pure functions
// over an HTTP answer, so they are unit-tested and fuzzed without a network.

#include "async/result.h"
#include "backends/backend.h"
#include "jobs/job.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <optional>

namespace JobDeck {
struct HttpResponse;
}

namespace JobDeck::Kylin {

// The job API a server speaks (protocols.md 4.1).
enum class Generation {
    Unknown,
    V2,       // 2.1.x: v2 API, {code:"000",data,msg} envelope (the seed)
    V1,       // 3.x-4.x: v1 API, bare bodies, row offsets, time filters shifted by CURRENT_DAY
    V1Legacy, // 2.0, 2.2-2.6: v1 API with 2.x time filter codes (only when pinned: "2")
    V5,       // 5.x: v2 compatibility for reading and resume, v4 for pause, discard and drop
};

// profile.serverVersion: "2.1" -> V2, "3"/"4" -> V1, "2"/"2.x" -> V1Legacy, "5" -> V5; empty
// or unknown -> nullopt (detect).
std::optional<Generation> generationFromVersion(QStringView version);
QString generationName(Generation generation);
// Bodies are wrapped in the {code,data,msg} envelope (everything but v1).
inline bool isEnveloped(Generation generation)
{
    return generation == Generation::V2 || generation == Generation::V5;
}
// Durations arrive in ms (5.x) rather than seconds (2.x-4.x).
inline bool durationsInMs(Generation generation)
{
    return generation == Generation::V5;
}

// The media types of the generations.
inline constexpr char MediaV2[] = "application/vnd.apache.kylin-v2+json";
inline constexpr char MediaV4Public[] = "application/vnd.apache.kylin-v4-public+json";
inline constexpr char MediaJson[] = "application/json";

// Reads an answer of any HTTP status. With `envelope`, a success is {code:"000",data,msg} and
// its data is returned; without, the bare JSON body is. Errors:
//  - a Kylin ErrorResponse ({code:"999",msg,stacktrace,...}, 400/500, 5.x also suggestion and
//    error_code): Refused with the message only, never the stack trace; Authentication on 401;
//  - 401 without JSON (2.x-4.x send the container's HTML page): Authentication;
//  - 404 without JSON: Refused "check the URL"; 502/503/504: Connection;
//  - anything else that is not the protocol (HTML, empty, truncated JSON, no code): Protocol,
//    naming what came back.
Result<QJsonValue> decodeBody(const HttpResponse &response, bool envelope);

// POST user/authentication. 5.x answers with the envelope, 2.x-4.x with the bare user details.
struct Authentication
{
    bool enveloped = false;
    QString userName;
};
Result<Authentication> decodeAuthentication(const HttpResponse &response);

// The v2 probe (GET jobs with the v2 Accept header) tells 2.1.x from 3.x-4.x: an envelope,
// even one with an error, means the v2 controller exists. Errors only for answers that rule
// out any Kylin (authentication, not found, gateway down).
Result<Generation> decodeV2Probe(const HttpResponse &response);

// JobInstance (2.x-4.x, 5.x v2-compat ExecutableResponse) as a job.
Job jobFromInstance(const QJsonObject &instance, Generation generation);
// A job answer (GET jobs/{id}, PUT resume/cancel/pause, DELETE drop).
Result<Job> decodeJob(const HttpResponse &response, Generation generation);

// A job list: {jobs,size} (v2, 5.x v2-compat), {value,total_size} (v4) or a bare array (v1;
// totalRows -1).
Result<JobPage> decodeJobList(const HttpResponse &response, Generation generation);

// The steps of GET jobs/{id}/detail (5.x v4): a list of ExecutableStepResponse. The message of
// a failed step (failed_msg), if any, goes to `failure`.
Result<QList<JobStep>> decodeStepDetail(const HttpResponse &response, QString *failure = nullptr);
JobStep stepFromInstance(const QJsonObject &step);

// A step's output: data.cmd_output (or the bare object's in v1). null output = empty.
Result<QString> decodeStepOutput(const HttpResponse &response, Generation generation);
// The 64 '=' separator 5.x puts between the first and the last 100 lines of an output.
bool isHeadTailSeparator(QStringView line);
// Splits an output into lines ("\r" dropped, a final newline not counted). With
// `headAndTail` (5.x), the separator becomes a note line saying the middle is left out.
QStringList outputLines(const QString &output, bool headAndTail);

// 5.x v4 PUT jobs/status and DELETE jobs: {code:"000",data:"",msg:""}.
Result<bool> decodeAcknowledgement(const HttpResponse &response);

// Status words and codes (protocols.md 4.5).
JobState stateFromJobStatus(QStringView status);
JobState stateFromStepStatus(QStringView status);
// The job status code of a word ("RUNNING" -> 2), or a number given as text; -1 if unknown.
// 5.x extras only for V5.
int jobStatusCode(QStringView word, Generation generation);
// The job status codes that stand for `state`.
QList<int> statusCodesFor(JobState state, Generation generation);
// The smallest timeFilter that covers `since` (invalid = all). v1 codes are shifted by one.
int timeFilterFor(const QDateTime &since, const QDateTime &now, Generation generation);

// The step's sequence number: "…-02" (2.x-4.x) or "…_02" (5.x) -> 2; -1 if none.
int stepSequence(QStringView stepId);

// What the job's state allows, from its raw status (ERROR is failed but resumable).
JobActions actionsFor(const Job &job);

// A step's raw status says it has ended (its output is whole), or, with `jobEnded`, that it
// never will run.
bool stepHasEnded(const JobStep &step, bool jobEnded);

// The answer of POST query (SQLResponse: columnMetas, results, isException,
// exceptionMessage); a failed statement is Refused with exceptionMessage. JSON null cells
// are SQL NULL. `limit` was asked for: a full page means there may be more.
Result<ResultPage> decodeQueryResult(const HttpResponse &response, bool envelope, int limit);
// GET tables: TableDesc objects, a bare array (2.x-4.x) or data.value (5.x).
Result<QJsonArray> decodeTables(const HttpResponse &response, bool envelope);
// GET models (DataModelDesc, 2.x-4.x; NDataModelResponse in data.value, 5.x), GET cubes
// (CubeInstance, 2.x-4.x) and GET cube_desc/{name} ([CubeDesc]): the same shapes of list.
Result<QJsonArray> decodeList(const HttpResponse &response, bool envelope, const QString &what);

// A model or a cube of the project as the schema tree shows it: under the database of its
// fact table, its dimensions and measures as its members.
struct ProjectModel
{
    QString name;
    SchemaTable::Kind kind = SchemaTable::Kind::Model;
    QString database;  // of the fact table
    QString factTable; // DATABASE.TABLE
    QString status;    // ONLINE, READY, DISABLED... as the server says
    QString model;     // a cube's model
    QList<SchemaColumn> members;
    bool membersRead = false; // a cube's come with its descriptor, read when asked for
};
// Models of either shape: 5.x's simplified_dimensions and simplified_measures, or 2.x-4.x's
// dimensions (per table) and metrics.
QList<ProjectModel> readModels(const QJsonArray &models);
// Cubes, placed under the database of their model's fact table (from `models`).
QList<ProjectModel> readCubes(const QJsonArray &cubes, const QList<ProjectModel> &models);
// A cube descriptor's dimensions and measures.
QList<SchemaColumn> readCubeMembers(const QJsonArray &descriptors);

} // namespace JobDeck::Kylin
