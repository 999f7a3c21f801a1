// Self-check of the Linkis simulator, driven by a plain QNetworkAccessManager the way any
// client would, so the fixture other tests rely on is itself checked against protocols.md §1.
#include "linkis/linkissimulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace JobDeck::Sim;
using namespace Qt::StringLiterals;

namespace {

struct Response
{
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int httpStatus = 0;
    QByteArray contentType;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QJsonObject json;

    int status() const { return json.value(u"status").toInt(-99); }
    QString message() const { return json.value(u"message").toString(); }
    QJsonObject data() const { return json.value(u"data").toObject(); }
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

using Headers = QList<std::pair<QByteArray, QByteArray>>;

// One user's connection: its own manager and cookie jar (protocols.md §6).
class Client
{
public:
    explicit Client(const QUrl &base)
        : m_base(base)
    {}

    QUrl url(const QString &path, const QUrlQuery &query = {}) const
    {
        QUrl url = m_base;
        url.setPath(u"/api/rest_j/v1/"_s + path, QUrl::DecodedMode);
        url.setQuery(query);
        return url;
    }

    Response get(const QUrl &url, const Headers &headers = {})
    {
        return finish(m_manager.get(request(url, headers)));
    }
    Response get(const QString &path, const QUrlQuery &query = {}, const Headers &headers = {})
    {
        return get(url(path, query), headers);
    }
    Response post(const QString &path, const QJsonObject &body, const Headers &headers = {})
    {
        QNetworkRequest req = request(url(path), headers);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        return finish(m_manager.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    Response login(const QString &user, const QString &password)
    {
        return post(u"user/login"_s, {{u"userName"_s, user}, {u"password"_s, password}});
    }

    // New (1.x) submit body; the code carries the --sim directives.
    Response submit(const QString &code, const QString &endpoint = u"entrance/submit"_s)
    {
        return post(
            endpoint,
            {{u"executionContent"_s, QJsonObject{{u"code"_s, code}, {u"runType"_s, u"sql"_s}}},
             {u"params"_s, QJsonObject{{u"variable"_s, QJsonObject()}, {u"configuration"_s, QJsonObject()}}},
             {u"labels"_s,
              QJsonObject{{u"engineType"_s, u"spark-3.2.1"_s}, {u"userCreator"_s, u"hadoop-IDE"_s}}}});
    }

    QString state(const QString &execId)
    {
        return get(u"entrance/%1/status"_s.arg(execId)).data().value(u"status").toString();
    }

private:
    static QNetworkRequest request(const QUrl &url, const Headers &headers)
    {
        QNetworkRequest req(url);
        for (const auto &[name, value] : headers)
            req.setRawHeader(name, value);
        return req;
    }

    static Response finish(QNetworkReply *reply)
    {
        const std::unique_ptr<QNetworkReply> owner(reply);
        Response response;
        QSignalSpy spy(reply, &QNetworkReply::finished);
        response.finished = reply->isFinished() || spy.wait(15000);
        response.error = reply->error();
        response.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        response.headers = reply->rawHeaderPairs();
        response.body = reply->readAll();
        response.json = QJsonDocument::fromJson(response.body).object();
        return response;
    }

    QUrl m_base;
    QNetworkAccessManager m_manager;
};

// The line numbers a page of the `all` log element holds; line 1 is the entrance's
// "Your job is accepted" line, whose embedded newline makes two text lines.
QList<int> lineNumbers(const QString &all)
{
    static const QRegularExpression numbered(u" line (\\d+) of \\d+$"_s);
    QList<int> numbers;
    for (const QString &text : all.split(u'\n', Qt::SkipEmptyParts)) {
        if (text.contains(u"Your job is accepted"))
            numbers.append(1);
        else if (const QRegularExpressionMatch match = numbered.match(text); match.hasMatch())
            numbers.append(match.captured(1).toInt());
    }
    return numbers;
}

QString runUntilEnd(Client &client, const QString &execId)
{
    QString state;
    for (int round = 0; round < 500; ++round) {
        state = client.state(execId);
        if (state == u"Succeed" || state == u"Failed" || state == u"Cancelled" || state == u"Timeout")
            break;
        QTest::qWait(10);
    }
    return state;
}

} // namespace

class TestLinkisSimulator final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LinkisSimulator> m_sim;
    std::unique_ptr<Client> m_client;

    // A listening simulator with user hadoop and a client logged in as that user.
    bool start(const LinkisSimulator::Options &options = {})
    {
        m_sim = std::make_unique<LinkisSimulator>(options);
        m_sim->addUser(u"hadoop"_s, u"secret"_s);
        if (!m_sim->listen())
            return false;
        m_client = std::make_unique<Client>(m_sim->baseUrl());
        return m_client->login(u"hadoop"_s, u"secret"_s).status() == 0;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
    }

    void loginAndAuthentication()
    {
        LinkisSimulator sim;
        sim.addUser(u"hadoop"_s, u"secret"_s);
        sim.setToken(u"t0ken"_s);
        QVERIFY2(sim.listen(), qPrintable(sim.errorString()));
        QVERIFY(sim.port() != 0);
        QCOMPARE(sim.baseUrl(), QUrl(u"http://127.0.0.1:%1"_s.arg(sim.port())));
        Client client(sim.baseUrl());

        // Not logged in: status -1 over HTTP 401, in an envelope the gateway wrote.
        Response r = client.get(u"jobhistory/list"_s);
        QCOMPARE(r.httpStatus, 401);
        QCOMPARE(r.status(), -1);
        QCOMPARE(r.message(), u"You are not logged in, please login first!(您尚未登录，请先登录!)"_s);
        QCOMPARE(r.json.value(u"method").toString(), u"/api/rest_j/v1/jobhistory/list"_s);

        r = client.login(u"hadoop"_s, u"wrong"_s);
        QCOMPARE(r.httpStatus, 400);
        QCOMPARE(r.status(), 1);
        QCOMPARE(sim.loginCount(), 0);

        r = client.login(u"hadoop"_s, u"secret"_s);
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.status(), 0);
        QCOMPARE(r.data().value(u"userName").toString(), u"hadoop"_s);
        QCOMPARE(r.data().value(u"sessionTimeOut").toInteger(), qint64(7200000));
        QVERIFY(r.header("Set-Cookie").startsWith("linkis_user_session_ticket_id_v1="));
        QCOMPARE(sim.loginCount(), 1);

        // Logging in again with the cookie keeps the old user, credentials unchecked.
        r = client.login(u"somebody"_s, u"else"_s);
        QCOMPARE(r.status(), 0);
        QVERIFY(r.message().contains(u"Already logged in"));
        QCOMPARE(r.data().value(u"userName").toString(), u"hadoop"_s);
        QCOMPARE(sim.loginCount(), 1);
        QCOMPARE(sim.requestCount(u"login"_s), 3);

        QCOMPARE(client.get(u"jobhistory/list"_s).status(), 0);

        // Sessions expire on demand, and after every N authenticated requests.
        sim.expireSessions();
        QCOMPARE(client.get(u"jobhistory/list"_s).status(), -1);
        QCOMPARE(client.login(u"hadoop"_s, u"secret"_s).status(), 0);
        sim.expireSessionsEvery(2);
        QCOMPARE(client.get(u"jobhistory/list"_s).status(), 0);
        QCOMPARE(client.get(u"jobhistory/list"_s).status(), 0);
        QCOMPARE(client.get(u"jobhistory/list"_s).status(), -1);

        // Token headers need no session and never expire; so do the seed's headers.
        Client tokenClient(sim.baseUrl());
        const Headers token{{"Token-Code", "t0ken"}, {"Token-User", "hadoop"}};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(tokenClient.get(tokenClient.url(u"jobhistory/list"_s), token).status(), 0);
        r = tokenClient.get(tokenClient.url(u"jobhistory/list"_s),
                            {{"Token-Code", "bad"}, {"Token-User", "hadoop"}});
        QCOMPARE(r.status(), -1);
        const Headers seed{{"Validation-Code", "t0ken"}, {"Proxy-User", "hadoop"}};
        QCOMPARE(tokenClient.get(tokenClient.url(u"jobhistory/list"_s), seed).status(), 0);
        LinkisSimulator::Options options = sim.options();
        options.acceptSeedTokenHeaders = false;
        sim.setOptions(options);
        QCOMPARE(tokenClient.get(tokenClient.url(u"jobhistory/list"_s), seed).status(), -1);

        // Some proxies answer every envelope with HTTP 200.
        options.httpStatusMapping = false;
        sim.setOptions(options);
        r = Client(sim.baseUrl()).get(u"jobhistory/list"_s);
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(r.status(), -1);
    }

    void submitAndStatusSequence()
    {
        QVERIFY(start());
        Response r
            = m_client->submit(u"select 1;\n--sim states=Inited:300,Scheduled:300,Running:300,Succeed\n"_s);
        QCOMPARE(r.status(), 0);
        const QString execId = r.data().value(u"execID").toString();
        QVERIFY2(execId.startsWith(u"exec_id018014linkis-cg-entrance127.0.0.1:9104IDE_hadoop_"),
                 qPrintable(execId));
        QVERIFY(r.data().value(u"taskID").isDouble());

        QStringList seen;
        for (int round = 0; round < 500 && seen.value(seen.size() - 1) != u"Succeed"; ++round) {
            const QString state = m_client->state(execId);
            if (seen.isEmpty() || seen.constLast() != state)
                seen.append(state);
            QTest::qWait(20);
        }
        QCOMPARE(seen, QStringList({u"Inited"_s, u"Scheduled"_s, u"Running"_s, u"Succeed"_s}));

        // The execID's ':' may arrive raw or percent-encoded.
        QUrl encoded = m_sim->baseUrl();
        encoded.setPath(u"/api/rest_j/v1/entrance/%1/status"_s.arg(QString(execId).replace(u':', u"%3A"_s)),
                        QUrl::TolerantMode);
        QVERIFY(encoded.toString(QUrl::FullyEncoded).contains(u"%3A"));
        QCOMPARE(m_client->get(encoded).data().value(u"status").toString(), u"Succeed"_s);

        // Job history has it with the protocol's types.
        const qint64 taskId = r.data().value(u"taskID").toInteger();
        const QJsonObject task
            = m_client->get(u"jobhistory/%1/get"_s.arg(taskId)).data().value(u"task").toObject();
        QCOMPARE(task.value(u"strongerExecId").toString(), execId);
        QVERIFY(execId.endsWith(task.value(u"execId").toString()));
        QCOMPARE(task.value(u"progress").toString(), u"1.0"_s);
        QVERIFY(task.value(u"requestEndTime").isDouble());
        QVERIFY(task.value(u"paramsJson").isString());
        QVERIFY(task.value(u"labels").toArray().contains(u"engineType:spark-3.2.1"_s));
    }

    void submitFormatsAndValidation()
    {
        LinkisSimulator::Options options;
        options.taskIdAsString = true;
        QVERIFY(start(options));
        // The 0.x body of the seed documents, on execute.
        Response r = m_client->post(u"entrance/execute"_s,
                                    {{u"executeApplicationName"_s, u"hive"_s},
                                     {u"requestApplicationName"_s, u"dss"_s},
                                     {u"executionCode"_s, u"show tables"_s},
                                     {u"runType"_s, u"hql"_s}});
        QCOMPARE(r.status(), 0);
        QVERIFY(r.data().value(u"taskID").isString());
        QVERIFY(r.data().value(u"execID").toString().endsWith(u"dss_hadoop_0"));

        r = m_client->post(
            u"entrance/submit"_s,
            {{u"executionContent"_s, QJsonObject{{u"code"_s, u"select 1"_s}, {u"runType"_s, u"sql"_s}}},
             {u"labels"_s, QJsonObject{{u"userCreator"_s, u"hadoop-IDE"_s}}}});
        QCOMPARE(r.httpStatus, 400);
        QCOMPARE(r.status(), 1);
        QVERIFY2(r.message().contains(u"engineType"), qPrintable(r.message()));
        QCOMPARE(m_client->submit(u"   "_s).status(), 1);
        r = m_client->submit(u"--sim states=Running,Succeed"_s);
        QCOMPARE(r.status(), 1);
        QVERIFY2(r.message().contains(u"--sim"), qPrintable(r.message()));
        QCOMPARE(m_sim->jobCount(), 1);

        // Bodies over 10 MB are refused, not parsed.
        QNetworkAccessManager manager;
        QNetworkRequest big(m_client->url(u"entrance/submit"_s));
        big.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        std::unique_ptr<QNetworkReply> reply(manager.post(big, QByteArray(11 * 1024 * 1024, ' ')));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(15000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 413);
        QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(u"status").toInt(), 1);
    }

    void logPaging_data()
    {
        QTest::addColumn<int>("lineBase");
        QTest::newRow("1.5.x, 0-based") << 0;
        QTest::newRow("1.6+, 1-based") << 1;
    }

    void logPaging()
    {
        QFETCH(int, lineBase);
        LinkisSimulator::Options options;
        options.lineBase = lineBase;
        QVERIFY(start(options));
        const QString execId
            = m_client->submit(u"--sim states=Running:10,Succeed lines=25 blankEvery=7\nselect 1"_s)
                  .data()
                  .value(u"execID")
                  .toString();
        QCOMPARE(runUntilEnd(*m_client, execId), u"Succeed"_s);

        // Read the whole log in pages of 10, starting at fromLine 0 and echoing the reply.
        QList<int> read;
        int fromLine = 0;
        QStringList pages;
        for (int page = 0; page < 10; ++page) {
            const Response r
                = m_client->get(u"entrance/%1/log"_s.arg(execId),
                                QUrlQuery{{u"fromLine"_s, QString::number(fromLine)}, {u"size"_s, u"10"_s}});
            QCOMPARE(r.status(), 0);
            const QJsonArray log = r.data().value(u"log").toArray();
            QCOMPARE(log.size(), 4);
            const int next = r.data().value(u"fromLine").toInt();
            if (next == fromLine)
                break;
            pages.append(log.at(3).toString());
            read += lineNumbers(log.at(3).toString());
            fromLine = next;
        }
        QList<int> expected;
        for (int n = 1; n <= 25; ++n) {
            if (n == 1 || n % 7 != 0) // blank lines are counted, never returned
                expected.append(n);
        }
        if (lineBase == 0) {
            QCOMPARE(fromLine, 25); // every line consumed, blank ones included
        } else {
            // 0 and 1 both mean the first line, yet the reply is 0 + lines read: echoing it
            // re-reads the last line of the first page once, and the count ends one high
            // (protocols.md §1.7).
            expected.insert(expected.indexOf(10), 10);
            QCOMPARE(fromLine, 26);
        }
        QCOMPARE(read, expected);
        static const QRegularExpression stamp(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO "_s);
        QVERIFY(stamp.match(pages.constFirst()).hasMatch());
        QVERIFY(pages.constFirst().contains(u"Your job is accepted,  jobID is "_s + execId));
        QVERIFY(pages.constFirst().contains(u". \n Please wait it to be scheduled("));

        // Levels: every 10th line WARN; the 4th element holds them all.
        const Response first
            = m_client->get(u"entrance/%1/log"_s.arg(execId),
                            QUrlQuery{{u"fromLine"_s, QString::number(lineBase)}, {u"size"_s, u"-1"_s}});
        const QJsonArray levels = first.data().value(u"log").toArray();
        QCOMPARE(lineNumbers(levels.at(0).toString()), QList<int>());
        QCOMPARE(lineNumbers(levels.at(1).toString()), QList<int>({10, 20}));
        QCOMPARE(first.data().value(u"fromLine").toInt(), lineBase + 25);

        const Response plain = m_client->get(
            u"entrance/%1/log"_s.arg(execId),
            QUrlQuery{{u"fromLine"_s, u"1"_s}, {u"size"_s, u"10"_s}, {u"distinctLevel"_s, u"false"_s}});
        QVERIFY(plain.data().value(u"log").isString());
    }

    void logFollowsTheRunningJob()
    {
        QVERIFY(start());
        const QString execId
            = m_client->submit(u"--sim states=Running:600,Succeed lines=50 linesPerSecond=50"_s)
                  .data()
                  .value(u"execID")
                  .toString();
        // Line 1 at once; the rest at 50 per second while running.
        const auto produced = [&] {
            return m_client
                ->get(u"entrance/%1/log"_s.arg(execId),
                      QUrlQuery{{u"fromLine"_s, u"1"_s}, {u"size"_s, u"-1"_s}})
                .data()
                .value(u"fromLine")
                .toInt();
        };
        const int early = produced();
        QVERIFY2(early >= 2 && early < 51, qPrintable(QString::number(early)));
        QTRY_COMPARE(produced(), 51);
        QCOMPARE(m_client->state(execId), u"Succeed"_s);
    }

    void killNeedsTheRightMethod()
    {
        QVERIFY(start());
        const Response submitted = m_client->submit(u"--sim states=Running:60000,Succeed"_s);
        const QString execId = submitted.data().value(u"execID").toString();
        const qint64 taskId = submitted.data().value(u"taskID").toInteger();
        QTRY_COMPARE(m_client->state(execId), u"Running"_s);

        // Real servers map kill to GET only; POST meets Spring's own 405 page.
        Response r = m_client->post(u"entrance/%1/kill"_s.arg(execId), {});
        QCOMPARE(r.httpStatus, 405);
        QVERIFY(r.contentType.startsWith("text/html"));
        QCOMPARE(r.header("Allow"), "GET"_ba);
        QVERIFY(r.json.isEmpty());
        QCOMPARE(m_client->state(execId), u"Running"_s);

        r = m_client->get(u"entrance/%1/kill"_s.arg(execId),
                          QUrlQuery{{u"taskID"_s, QString::number(taskId)}});
        QCOMPARE(r.status(), 0);
        QCOMPARE(r.message(), u"Successfully killed the job(成功kill了job)"_s);
        QCOMPARE(m_client->state(execId), u"Cancelled"_s);
        QCOMPARE(m_sim->killMethods(), QStringList({u"POST"_s, u"GET"_s}));
        QCOMPARE(m_sim->requestCount(u"kill"_s), 2);
        const QJsonObject task
            = m_client->get(u"jobhistory/%1/get"_s.arg(taskId)).data().value(u"task").toObject();
        QCOMPARE(task.value(u"progress").toString(), u"1.0f"_s);

        LinkisSimulator::Options options = m_sim->options();
        options.killMethod = LinkisSimulator::KillMethod::PostOnly;
        m_sim->setOptions(options);
        QCOMPARE(m_client->get(u"entrance/%1/kill"_s.arg(execId)).httpStatus, 405);
        QCOMPARE(m_client->post(u"entrance/%1/kill"_s.arg(execId), {}).status(), 0);
    }

    void forgottenJobs()
    {
        QVERIFY(start());
        const Response submitted = m_client->submit(u"--sim states=Running:60000,Succeed"_s);
        const QString execId = submitted.data().value(u"execID").toString();
        const qint64 taskId = submitted.data().value(u"taskID").toInteger();
        QVERIFY(m_sim->forgetJob(execId));
        Response r = m_client->get(u"entrance/%1/status"_s.arg(execId));
        QCOMPARE(r.status(), 1);
        QVERIFY(r.message().startsWith(u"ID The corresponding job is empty"));
        QVERIFY(m_client->get(u"entrance/%1/log"_s.arg(execId))
                    .message()
                    .startsWith(u"The job you just executed has ended."));
        QCOMPARE(m_client->get(u"entrance/%1/kill"_s.arg(execId)).status(), 1);
        r = m_client->get(u"entrance/%1/kill"_s.arg(execId),
                          QUrlQuery{{u"taskID"_s, QString::number(taskId)}});
        QCOMPARE(r.message(), u"Forced Kill task (强制杀死任务)"_s);
        const QJsonObject task
            = m_client->get(u"jobhistory/%1/get"_s.arg(taskId)).data().value(u"task").toObject();
        QCOMPARE(task.value(u"status").toString(), u"Cancelled"_s);

        // The finished job's log comes from filesystem/openLog, whole.
        r = m_client->get(u"filesystem/openLog"_s, QUrlQuery{{u"path"_s, task.value(u"logPath").toString()}});
        QCOMPARE(r.status(), 0);
        QCOMPARE(lineNumbers(r.data().value(u"log").toArray().at(3).toString()).value(0), 1);
    }

    void historyPaging()
    {
        QVERIFY(start());
        const QList<qint64> seeded = m_sim->addHistoryJobs(45, u"Succeed"_s);
        QCOMPARE(seeded.size(), 45);
        const Response r = m_client->get(u"jobhistory/list"_s,
                                         QUrlQuery{{u"pageNow"_s, u"3"_s}, {u"pageSize"_s, u"20"_s}});
        // totalPage is the row count; newest first.
        QCOMPARE(r.data().value(u"totalPage").toInt(), 45);
        const QJsonArray tasks = r.data().value(u"tasks").toArray();
        QCOMPARE(tasks.size(), 5);
        QCOMPARE(tasks.at(0).toObject().value(u"taskID").toInteger(), seeded.at(4));
        QCOMPARE(tasks.at(4).toObject().value(u"taskID").toInteger(), seeded.at(0));
        QCOMPARE(m_client->get(u"jobhistory/list"_s, QUrlQuery{{u"status"_s, u"Failed,Running"_s}})
                     .data()
                     .value(u"totalPage")
                     .toInt(),
                 0);
        QCOMPARE(m_client->get(u"jobhistory/999999/get"_s).status(), 1);
    }

    void resultSets()
    {
        QVERIFY(start());
        const Response submitted = m_client->submit(u"--sim states=Running:10,Succeed results=12 rows=7"_s);
        const QString execId = submitted.data().value(u"execID").toString();
        QCOMPARE(runUntilEnd(*m_client, execId), u"Succeed"_s);
        const QString location
            = m_client->get(u"jobhistory/%1/get"_s.arg(submitted.data().value(u"taskID").toInteger()))
                  .data()
                  .value(u"task")
                  .toObject()
                  .value(u"resultLocation")
                  .toString();
        const QJsonArray children
            = m_client->get(u"filesystem/getDirFileTrees"_s, QUrlQuery{{u"path"_s, location}})
                  .data()
                  .value(u"dirFileTrees")
                  .toObject()
                  .value(u"children")
                  .toArray();
        QCOMPARE(children.size(), 12);
        QCOMPARE(children.at(2).toObject().value(u"name").toString(), u"_10.dolphin"_s); // string order
        const QString first = children.at(0).toObject().value(u"path").toString();
        Response r
            = m_client->get(u"filesystem/openFile"_s,
                            QUrlQuery{{u"path"_s, first}, {u"page"_s, u"1"_s}, {u"pageSize"_s, u"5"_s}});
        QCOMPARE(r.data().value(u"fileContent").toArray().size(), 5);
        QCOMPARE(r.data().value(u"totalLine").toInt(), 7);
        QCOMPARE(r.data().value(u"type").toString(), u"2"_s);
        r = m_client->get(u"filesystem/openFile"_s,
                          QUrlQuery{{u"path"_s, first}, {u"pageSize"_s, u"100001"_s}});
        QCOMPARE(r.status(), 1);
        QCOMPARE(r.data().value(u"errorMsg").toObject().value(u"errCode").toInt(), 80034);
    }

    void answerHtmlEmptyOrTruncated()
    {
        QVERIFY(start());
        m_sim->setAnswerHtml(true);
        Response r = m_client->submit(u"select 1"_s);
        QCOMPARE(r.httpStatus, 200);
        QVERIFY(r.contentType.startsWith("text/html"));
        QVERIFY(r.body.startsWith("<!DOCTYPE html><html><head><title>Login</title>"));
        QCOMPARE(m_sim->jobCount(), 0); // it never reached Linkis
        m_sim->setAnswerHtml(false);

        m_sim->setAnswerEmpty(true);
        r = m_client->get(u"jobhistory/list"_s);
        QCOMPARE(r.httpStatus, 200);
        QVERIFY(r.body.isEmpty());
        m_sim->setAnswerEmpty(false);

        m_sim->setTruncateJson(true);
        r = m_client->submit(u"select 1"_s);
        QCOMPARE(r.httpStatus, 200);
        QVERIFY(r.body.startsWith("{\"method\":"));
        QVERIFY(r.json.isEmpty());      // not parseable
        QCOMPARE(m_sim->jobCount(), 1); // but the job was submitted
        m_sim->setTruncateJson(false);
        QCOMPARE(m_client->get(u"jobhistory/list"_s).status(), 0);
    }

    void droppedRequests()
    {
        QVERIFY(start());
        m_sim->setToken(u"t0ken"_s);
        const Headers token{{"Token-Code", "t0ken"}, {"Token-User", "hadoop"}};
        const QJsonObject body{
            {u"executionContent"_s, QJsonObject{{u"code"_s, u"select 1"_s}, {u"runType"_s, u"sql"_s}}},
            {u"labels"_s, QJsonObject{{u"engineType"_s, u"spark-3.2.1"_s}}}};
        QSignalSpy received(m_sim.get(), &LinkisSimulator::requestReceived);

        // QNetworkAccessManager (6.8) resends a request once, POST included, when the server
        // closes the connection without a byte of answer: one drop goes unnoticed by the
        // client. The dropped attempt never reached the entrance, so there is one job.
        // (A fresh manager per case: how many resends a connection has left is its own state.)
        {
            Client fresh(m_sim->baseUrl());
            m_sim->dropNextRequests(1);
            const Response r = fresh.post(u"entrance/submit"_s, body, token);
            QCOMPARE(r.error, QNetworkReply::NoError);
            QCOMPARE(r.status(), 0);
            QCOMPARE(m_sim->requestCount(u"submit"_s), 2);
            QCOMPARE(received.size(), 2);
            QCOMPARE(m_sim->jobCount(), 1);
        }
        // Two drops in a row reach the client as a closed connection, without any HTTP status.
        {
            Client fresh(m_sim->baseUrl());
            m_sim->dropNextRequests(2);
            const Response r = fresh.post(u"entrance/submit"_s, body, token);
            QVERIFY(r.finished);
            QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
            QCOMPARE(r.httpStatus, 0);
            QCOMPARE(m_sim->requestCount(u"submit"_s), 4);
            QCOMPARE(m_sim->jobCount(), 1);
        }
        {
            Client fresh(m_sim->baseUrl());
            m_sim->dropNextRequests(2);
            QCOMPARE(fresh.get(fresh.url(u"jobhistory/list"_s), token).error,
                     QNetworkReply::RemoteHostClosedError);
            QCOMPARE(m_sim->requestCount(u"historyList"_s), 2);
            QCOMPARE(fresh.get(fresh.url(u"jobhistory/list"_s), token).status(), 0);
        }
    }

    void delayKeepsTheEventLoopRunning()
    {
        QVERIFY(start());
        m_sim->setDelayMs(300);
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(20);
        QElapsedTimer clock;
        clock.start();
        const Response r = m_client->get(u"jobhistory/list"_s);
        QCOMPARE(r.status(), 0);
        QVERIFY(clock.elapsed() >= 290);
        QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks)));
    }

    void pendingAnswersOutliveNothing()
    {
        QVERIFY(start());
        m_sim->setDelayMs(200);
        QNetworkAccessManager manager;
        // A client that gives up while its answer is delayed...
        QNetworkReply *abandoned = manager.get(QNetworkRequest(m_client->url(u"jobhistory/list"_s)));
        QTRY_COMPARE(m_sim->requestCount(u"historyList"_s), 1);
        abandoned->abort();
        delete abandoned;
        QTest::qWait(300);
        // ...and a simulator destroyed with answers still pending.
        QNetworkReply *orphan = manager.get(QNetworkRequest(m_client->url(u"jobhistory/list"_s)));
        QSignalSpy finished(orphan, &QNetworkReply::finished);
        QTRY_COMPARE(m_sim->requestCount(u"historyList"_s), 2);
        m_sim.reset();
        QVERIFY(finished.wait(5000));
        QVERIFY(orphan->error() != QNetworkReply::NoError);
        delete orphan;
    }

    void progressReports()
    {
        LinkisSimulator::Options options;
        options.progressAsString = true;
        QVERIFY(start(options));
        const QString execId = m_client->submit(u"--sim states=Scheduled:300,Running:60000,Succeed"_s)
                                   .data()
                                   .value(u"execID")
                                   .toString();
        // Not yet running: status 1, a normal transient answer.
        Response r = m_client->get(u"entrance/%1/progress"_s.arg(execId));
        QCOMPARE(r.status(), 1);
        QVERIFY(r.message().startsWith(u"Can not get the corresponding progress information"));
        QTRY_COMPARE(m_client->state(execId), u"Running"_s);
        r = m_client->get(u"entrance/%1/progress"_s.arg(execId));
        QCOMPARE(r.status(), 0);
        QVERIFY(r.data().value(u"progress").isString());
        QCOMPARE(r.data().value(u"progressInfo").toArray().size(), 2);
        QCOMPARE(m_client->get(u"entrance/%1/kill"_s.arg(execId)).status(), 0);
        QCOMPARE(m_client->get(u"entrance/%1/progress"_s.arg(execId)).data().value(u"progress").toString(),
                 u"1.0f"_s);
    }
};

QTEST_GUILESS_MAIN(TestLinkisSimulator)
#include "tst_linkissimulator.moc"
