#pragma once

// Turns a libFuzzer input into what a decoder reads: an HTTP answer whose status and
// content type come from the first two bytes and whose body is the rest. Statuses and
// types are the ones real servers send, so the fuzzer explores the decoders' branches
// for each (Linkis 400 with JSON, Kylin 401 with HTML, Dinky 200 with code 5, ...).

#include "net/httpclient.h"

#include <cstddef>
#include <cstdint>

namespace JobDeck::Fuzz {

inline HttpResponse responseFrom(const uint8_t *data, size_t size)
{
    static constexpr int Statuses[] = {200, 200, 200, 206, 400, 401, 403, 404, 405, 406, 412, 500, 502};
    static constexpr const char *Types[] = {"application/json",
                                            "application/json;charset=UTF-8",
                                            "application/vnd.apache.kylin-v2+json",
                                            "text/html",
                                            "text/plain",
                                            "application/octet-stream",
                                            ""};
    HttpResponse response;
    response.url = QUrl(QStringLiteral("http://127.0.0.1:1/fuzz"));
    response.method = "GET";
    response.status = size > 0 ? Statuses[data[0] % std::size(Statuses)] : 200;
    response.contentType = size > 1 ? Types[data[1] % std::size(Types)] : "application/json";
    const size_t skip = std::min<size_t>(size, 2);
    response.body = QByteArray(reinterpret_cast<const char *>(data + skip), qsizetype(size - skip));
    return response;
}

// The input as a whole, for decoders that read bytes (log pages, file bodies).
inline QByteArray bytesFrom(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace JobDeck::Fuzz
