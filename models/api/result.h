// SPDX-License-Identifier: MIT
#pragma once

#include "apierror.h"

#include <utility>
#include <variant>

// A value or the ApiError that prevented it.
template <class T>
class Result final {
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(ApiError error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    ApiError error() const { return ok() ? ApiError() : std::get<ApiError>(m_state); }

private:
    std::variant<T, ApiError> m_state;
};

// The value of requests that answer 204 No Content.
struct NoContent { };
