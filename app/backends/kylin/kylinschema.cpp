// KylinBackend's data calls: statements through the query API, and the project's schema
// (tables, then the models and cubes on them) for the schema browser and completion. The
// job calls are in kylinbackend.cpp.
#include "backends/kylin/kylinbackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace JobDeck {

Pending<ResultPage> *KylinBackend::query(const QueryRequest &request)
{
    return afterDetection<ResultPage>([this, request](Pending<ResultPage> *pending) {
        const QString project = request.project.isEmpty() ? m_profile.project : request.project;
        if (project.isEmpty()) {
            pending->finish(failure(BackendError::Kind::Refused,
                                    tr("Name the Kylin project to query in the connection's settings")));
            return;
        }
        const Api api = jobApi();
        HttpRequest req = this->request("POST", QStringLiteral("query"), api);
        req.contentType = api == Api::V2 ? QByteArray(Kylin::MediaV2) : QByteArray(Kylin::MediaJson);
        req.timeoutMs = std::max(req.timeoutMs, 300000); // a query may scan for minutes
        req.body = QJsonDocument(QJsonObject{{QStringLiteral("sql"), request.sql},
                                             {QStringLiteral("project"), project},
                                             {QStringLiteral("offset"), request.offset},
                                             {QStringLiteral("limit"), request.limit},
                                             {QStringLiteral("acceptPartial"), false}})
                       .toJson(QJsonDocument::Compact);
        const int limit = request.limit;
        const qint64 offset = request.offset;
        chain(
            call(req), pending, [this, limit, offset, api](const HttpResponse &answer) -> Result<ResultPage> {
                Result<ResultPage> page = Kylin::decodeQueryResult(answer, api == Api::V2, limit);
                if (page && limit > 0)
                    page->page = int(offset / limit) + 1;
                if (!page && page.error().kind == BackendError::Kind::Refused)
                    page.error().message = tr("Kylin refused the query: %1").arg(page.error().message);
                return page;
            });
    });
}

Pending<QJsonArray> *KylinBackend::projectTables()
{
    return afterDetection<QJsonArray>([this](Pending<QJsonArray> *pending) {
        if (m_tablesRead) {
            pending->finish(m_tables);
            return;
        }
        if (m_profile.project.isEmpty()) {
            pending->finish(
                failure(BackendError::Kind::Refused,
                        tr("Name the Kylin project in the connection's settings to see its tables")));
            return;
        }
        const bool v5 = m_generation == Kylin::Generation::V5;
        HttpRequest req = request("GET", QStringLiteral("tables"), v5 ? Api::V4 : Api::V1);
        req.query.addQueryItem(QStringLiteral("project"), m_profile.project);
        if (v5)
            req.query.addQueryItem(QStringLiteral("page_size"), QStringLiteral("100000"));
        chain(call(req), pending, [this, v5](const HttpResponse &answer) -> Result<QJsonArray> {
            Result<QJsonArray> tables = Kylin::decodeTables(answer, v5);
            if (tables) {
                m_tables = *tables;
                m_tablesRead = true;
            }
            return tables;
        });
    });
}

Pending<QList<Kylin::ProjectModel>> *KylinBackend::projectModels()
{
    return afterDetection<QList<Kylin::ProjectModel>>([this](Pending<QList<Kylin::ProjectModel>> *pending) {
        if (m_modelsRead || m_profile.project.isEmpty()) {
            pending->finish(m_models);
            return;
        }
        const bool v5 = m_generation == Kylin::Generation::V5;
        // No model API where it answers 404: none to show, the tables still are.
        const auto listed = [](const HttpResponse &answer, const QString &what) -> Result<QJsonArray> {
            if (answer.status == 404)
                return QJsonArray();
            return Kylin::decodeList(answer, false, what);
        };
        if (v5) {
            HttpRequest req = request("GET", QStringLiteral("models"), Api::V4);
            req.query.addQueryItem(QStringLiteral("project"), m_profile.project);
            req.query.addQueryItem(QStringLiteral("page_size"), QStringLiteral("100000"));
            chain(
                call(req), pending, [this](const HttpResponse &answer) -> Result<QList<Kylin::ProjectModel>> {
                    if (answer.status == 404)
                        return QList<Kylin::ProjectModel>();
                    const Result<QJsonArray> models = Kylin::decodeList(answer, true, tr("model list"));
                    if (!models)
                        return std::unexpected(models.error());
                    m_models = Kylin::readModels(*models);
                    m_modelsRead = true;
                    return m_models;
                });
            return;
        }
        // 2.x-4.x: the models, then the cubes built on them (each under its model's database).
        HttpRequest req = request("GET", QStringLiteral("models"), Api::V1);
        req.query.addQueryItem(QStringLiteral("projectName"), m_profile.project);
        onFinished(call(req), pending, [this, pending, listed](const Result<HttpResponse> &answer) {
            if (!answer) {
                pending->finish(std::unexpected(answer.error()));
                return;
            }
            const Result<QJsonArray> models = listed(*answer, tr("model list"));
            if (!models) {
                pending->finish(std::unexpected(models.error()));
                return;
            }
            const QList<Kylin::ProjectModel> read = Kylin::readModels(*models);
            HttpRequest cubesReq = request("GET", QStringLiteral("cubes"), Api::V1);
            cubesReq.query.addQueryItem(QStringLiteral("projectName"), m_profile.project);
            chain(
                call(cubesReq),
                pending,
                [this, read, listed](const HttpResponse &cubesAnswer) -> Result<QList<Kylin::ProjectModel>> {
                    const Result<QJsonArray> cubes = listed(cubesAnswer, tr("cube list"));
                    if (!cubes)
                        return std::unexpected(cubes.error());
                    m_models = read + Kylin::readCubes(*cubes, read);
                    m_modelsRead = true;
                    return m_models;
                });
        });
    });
}

QList<SchemaTable> KylinBackend::tablesIn(const QJsonArray &tables, const QString &database)
{
    QList<SchemaTable> found;
    for (const QJsonValue &value : tables) {
        const QJsonObject table = value.toObject();
        if (table.value(QLatin1StringView("database")).toString().compare(database, Qt::CaseInsensitive) != 0)
            continue;
        SchemaTable t;
        t.database = table.value(QLatin1StringView("database")).toString();
        t.name = table.value(QLatin1StringView("name")).toString();
        t.kind = table.value(QLatin1StringView("table_type")).toString() == u"VIRTUAL_VIEW"
                     ? SchemaTable::Kind::View
                     : SchemaTable::Kind::Table;
        found.append(t);
    }
    return found;
}

Pending<QStringList> *KylinBackend::databases()
{
    auto *pending = new Pending<QStringList>(this);
    m_tablesRead = false; // a fresh read of the project's tables and models
    m_modelsRead = false;
    Pending<QJsonArray> *tables = projectTables();
    pending->cancelWith(tables);
    onFinished(tables, pending, [this, pending](const Result<QJsonArray> &read) {
        if (!read) {
            pending->finish(std::unexpected(read.error()));
            return;
        }
        QStringList names;
        for (const QJsonValue &table : *read) {
            const QString database = table.toObject().value(QLatin1StringView("database")).toString();
            if (!database.isEmpty() && !names.contains(database))
                names.append(database);
        }
        // A model's fact table names its database too (listed even if its tables are not).
        chain(projectModels(),
              pending,
              [names](const QList<Kylin::ProjectModel> &models) mutable -> Result<QStringList> {
                  for (const Kylin::ProjectModel &model : models) {
                      if (!model.database.isEmpty() && !names.contains(model.database, Qt::CaseInsensitive))
                          names.append(model.database);
                  }
                  return names;
              });
    });
    return pending;
}

Pending<QList<SchemaTable>> *KylinBackend::tables(const QString &database)
{
    auto *pending = new Pending<QList<SchemaTable>>(this);
    Pending<QJsonArray> *tables = projectTables();
    pending->cancelWith(tables);
    onFinished(tables, pending, [this, pending, database](const Result<QJsonArray> &read) {
        if (!read) {
            pending->finish(std::unexpected(read.error()));
            return;
        }
        QList<SchemaTable> found = tablesIn(*read, database);
        // The models and cubes on the database's fact tables, after its tables.
        chain(projectModels(),
              pending,
              [found,
               database](const QList<Kylin::ProjectModel> &models) mutable -> Result<QList<SchemaTable>> {
                  for (const Kylin::ProjectModel &model : models) {
                      if (model.database.compare(database, Qt::CaseInsensitive) != 0)
                          continue;
                      QString about = model.kind == SchemaTable::Kind::Cube
                                          ? tr("Cube of the model %1").arg(model.model)
                                          : tr("Model on %1").arg(model.factTable);
                      if (!model.status.isEmpty())
                          about += u", " + model.status;
                      found.append({model.database, model.name, model.kind, about});
                  }
                  return found;
              });
    });
    return pending;
}

Pending<QList<SchemaColumn>> *KylinBackend::columns(const QString &database, const QString &table)
{
    auto *pending = new Pending<QList<SchemaColumn>>(this);
    Pending<QJsonArray> *tables = projectTables();
    pending->cancelWith(tables);
    onFinished(tables, pending, [this, pending, database, table](const Result<QJsonArray> &read) {
        if (!read) {
            pending->finish(std::unexpected(read.error()));
            return;
        }
        for (const QJsonValue &value : *read) {
            const QJsonObject desc = value.toObject();
            if (desc.value(QLatin1StringView("database")).toString().compare(database, Qt::CaseInsensitive)
                    != 0
                || desc.value(QLatin1StringView("name")).toString().compare(table, Qt::CaseInsensitive) != 0)
                continue;
            QList<SchemaColumn> columns;
            for (const QJsonValue &c : desc.value(QLatin1StringView("columns")).toArray()) {
                const QJsonObject column = c.toObject();
                columns.append({column.value(QLatin1StringView("name")).toString(),
                                column.value(QLatin1StringView("datatype")).toString(),
                                column.value(QLatin1StringView("comment")).toString(),
                                false});
            }
            pending->finish(columns);
            return;
        }
        // Not a table: a model's members, or a cube's from its descriptor.
        onFinished(
            projectModels(),
            pending,
            [this, pending, database, table](const Result<QList<Kylin::ProjectModel>> &models) {
                if (!models) {
                    pending->finish(std::unexpected(models.error()));
                    return;
                }
                for (const Kylin::ProjectModel &model : *models) {
                    if (model.database.compare(database, Qt::CaseInsensitive) != 0
                        || model.name.compare(table, Qt::CaseInsensitive) != 0)
                        continue;
                    if (model.membersRead) {
                        pending->finish(model.members);
                        return;
                    }
                    HttpRequest req = request("GET", QStringLiteral("cube_desc/") + model.name, Api::V1);
                    chain(call(req), pending, [](const HttpResponse &answer) -> Result<QList<SchemaColumn>> {
                        const Result<QJsonArray> descriptors
                            = Kylin::decodeList(answer, false, tr("cube descriptor"));
                        if (!descriptors)
                            return std::unexpected(descriptors.error());
                        return Kylin::readCubeMembers(*descriptors);
                    });
                    return;
                }
                pending->finish(
                    failure(BackendError::Kind::Refused,
                            tr("The project has no table, model or cube %1.%2").arg(database, table)));
            });
    });
    return pending;
}

} // namespace JobDeck
