// A value or the StoreError that says why there is none (Result<T> with a structured error, so
// the GUI can show a conflict's author and time).
#pragma once

#include "storeerror.h"

#include <optional>
#include <utility>

namespace Peering {

template<typename T> class StoreResult
{
public:
    StoreResult(T value)
        : m_value(std::move(value))
    { }
    StoreResult(StoreError error)
        : m_error(std::move(error))
    { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    T takeValue() { return std::move(*m_value); }
    const StoreError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    StoreError m_error;
};

// For operations that produce nothing but can fail.
struct StoreDone
{
};
using StoreStatus = StoreResult<StoreDone>;

} // namespace Peering
