// Internal: the one place where C++ meets C. Every exported function runs its body through
// guarded(), so no exception crosses the boundary and every failure leaves the thread's error.
#pragma once

#include <cstddef>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "parindex/core/error.hpp"
#include "parindex/parindex.h"

namespace parindex::capi {

// The thread's last error (errors.cpp).
void clear_error() noexcept;
parindex_status record_error(parindex_status status, const char* where, const char* detail) noexcept;
parindex_status record_error(const parindex::error& e) noexcept;

// The exported function running on this thread, for argument errors' where.
extern thread_local const char* current_function;

// An argument error naming the function and argument.
[[noreturn]] void bad_argument(const char* argument, const std::string& detail);

// A pointer argument that must not be NULL.
template <class T>
T* need(T* pointer, const char* argument) {
  if (!pointer) bad_argument(argument, "must not be NULL");
  return pointer;
}

// An out-parameter for a handle or string: must not be NULL, and is NULL until success.
template <class T>
T*& out_pointer(T** out) {
  need(out, "out");
  *out = nullptr;
  return *out;
}

// A copy the caller owns and releases with parindex_string_free (malloc'd, so free() matches).
char* caller_string(std::string_view text);

// Runs body; a parindex::error becomes its status, anything else MEMORY or INTERNAL.
template <class F>
parindex_status guarded(const char* function, F&& body) noexcept {
  clear_error();
  current_function = function;
  try {
    body();
    return PARINDEX_OK;
  } catch (const parindex::error& e) {
    return record_error(e);
  } catch (const std::bad_alloc&) {
    return record_error(PARINDEX_ERROR_MEMORY, function, "out of memory");
  } catch (const std::exception& e) {
    return record_error(PARINDEX_ERROR_INTERNAL, function, e.what());
  } catch (...) {
    return record_error(PARINDEX_ERROR_INTERNAL, function, "unknown exception");
  }
}

}  // namespace parindex::capi
