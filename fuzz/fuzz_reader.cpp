// SPDX-License-Identifier: MIT
// One JSON reader under libFuzzer: KITEDECK_FUZZ_TYPE::fromJson from KITEDECK_FUZZ_HEADER (see
// targets.cmake). The bytes are a response body: an object is read as one value, an array as a
// page of them, as the request types do. Beyond not crashing (ASan, UBSan), reading is checked to
// be deterministic and a value to survive a copy.
#include KITEDECK_FUZZ_HEADER
#include "api/requests/parsing.h"
#include "domain/json.h"

#include <QJsonDocument>

#include <concepts>
#include <cstdint>
#include <cstdlib>

using Value = KITEDECK_FUZZ_TYPE;

namespace {

void check(bool condition, const char* what)
{
    if (!condition) {
        fprintf(stderr, "fuzz check failed: %s\n", what);
        abort();
    }
}

template <class T>
void compare(const T& a, const T& b)
{
    if constexpr (std::equality_comparable<T>)
        check(a == b, "reading the same JSON twice gave different values");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes
        = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isObject()) {
        JsonReader first(doc.object(), QStringLiteral("value"));
        const Value a = Value::fromJson(first);
        JsonReader second(doc.object(), QStringLiteral("value"));
        const Value b = Value::fromJson(second);
        compare(a, b);
        check(first.ok() == second.ok() && first.error() == second.error(),
            "reading the same JSON twice gave different errors");
        check(first.ok() || !first.error().isEmpty(), "a failed read without an error");
        const Value copy = a;
        compare(copy, a);
    } else if (doc.isArray()) {
        const auto page = Parsing::list<Value>(doc, QStringLiteral("values"), Parsing::nothing);
        if (!page)
            check(!page.error().message().isEmpty(), "a failed list without a message");
        else
            check(page.value().size() == doc.array().size(), "a list read short");
    }
    return 0;
}
