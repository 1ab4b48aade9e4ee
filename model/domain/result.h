// A value or the reason there is none: model functions that can fail return this, never throw.
#pragma once

#include <QString>

#include <optional>
#include <type_traits>
#include <utility>

namespace Peering {

// The one result type of the model: a value, or the error E that says why there is none. E is
// a text (QString) for most model functions, or a structured error such as the store's
// StoreError (StoreResult<T> is Result<T, StoreError>), so the GUI can show a conflict's author
// and time.
template<typename T, typename E = QString>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    // A structured error converts implicitly; a text error is made with failure(), since the
    // value may be a text too.
    template<typename F = E, std::enable_if_t<!std::is_same_v<F, QString>, int> = 0>
    Result(E error)
        : m_error(std::move(error))
    {}
    static Result failure(E error)
    {
        Result r;
        r.m_error = std::move(error);
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    T takeValue() { return std::move(*m_value); }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    const E &error() const { return m_error; }

private:
    Result() = default;
    std::optional<T> m_value;
    E m_error;
};

// For operations that produce nothing but can fail.
class Status
{
public:
    Status() = default;
    static Status failure(QString error)
    {
        Status s;
        s.m_error = std::move(error);
        s.m_failed = true;
        return s;
    }
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

} // namespace Peering
