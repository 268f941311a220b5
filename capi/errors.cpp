// The thread's last error, and the strings the library hands over.
#include <cstdlib>
#include <cstring>

#include "boundary.hpp"

namespace parindex::capi {

namespace {

struct LastError {
  parindex_status status = PARINDEX_OK;
  std::string where, detail, message;
  // Recording itself ran out of memory: the getters fall back to static text.
  bool lost = false;
};

thread_local LastError last;

const char* lost_or(const std::string& text) noexcept { return last.lost ? "out of memory" : text.c_str(); }

parindex_status from_kind(error_kind kind) noexcept {
  switch (kind) {
    case error_kind::document: return PARINDEX_ERROR_DOCUMENT;
    case error_kind::validation: return PARINDEX_ERROR_VALIDATION;
    case error_kind::argument: return PARINDEX_ERROR_ARGUMENT;
    case error_kind::io: return PARINDEX_ERROR_IO;
  }
  return PARINDEX_ERROR_INTERNAL;
}

}  // namespace

thread_local const char* current_function = "";

void clear_error() noexcept {
  last.status = PARINDEX_OK;
  last.where.clear();
  last.detail.clear();
  last.message.clear();
  last.lost = false;
}

parindex_status record_error(parindex_status status, const char* where, const char* detail) noexcept {
  last.status = status;
  try {
    last.where = where;
    last.detail = detail;
    last.message = last.where.empty() ? last.detail : last.where + ": " + last.detail;
  } catch (...) {
    last.lost = true;
  }
  return status;
}

parindex_status record_error(const parindex::error& e) noexcept {
  return record_error(from_kind(e.kind()), e.where().c_str(), e.detail().c_str());
}

void bad_argument(const char* argument, const std::string& detail) {
  throw parindex::error(error_kind::argument, std::string(current_function) + ": " + argument, detail);
}

char* caller_string(std::string_view text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (!out) throw std::bad_alloc();
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return out;
}

}  // namespace parindex::capi

using namespace parindex::capi;

extern "C" {

const char* parindex_status_name(parindex_status status) {
  switch (status) {
    case PARINDEX_OK: return "ok";
    case PARINDEX_ERROR_DOCUMENT: return "document";
    case PARINDEX_ERROR_VALIDATION: return "validation";
    case PARINDEX_ERROR_ARGUMENT: return "argument";
    case PARINDEX_ERROR_IO: return "io";
    case PARINDEX_ERROR_MEMORY: return "memory";
    case PARINDEX_ERROR_INTERNAL: return "internal";
    default: break;
  }
  return "unknown";
}

parindex_status parindex_last_error_status(void) { return last.status; }
const char* parindex_last_error_where(void) { return last.lost ? "" : last.where.c_str(); }
const char* parindex_last_error_detail(void) { return lost_or(last.detail); }
const char* parindex_last_error_message(void) { return lost_or(last.message); }

void parindex_string_free(char* text) { std::free(text); }

}  // extern "C"
