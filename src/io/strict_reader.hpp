// Internal: reading JSON documents strictly, with JSON pointers in every error.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parindex/core/error.hpp"
#include "parindex/io/json.hpp"

namespace parindex::json_detail {

using nlohmann::json;

// Parses text, rejecting duplicate keys (nlohmann would keep the last one silently) and
// reporting syntax errors with line and column.
json parse_strict(std::string_view text);

std::string pointer_append(const std::string& pointer, std::string_view key);
std::string pointer_append(const std::string& pointer, std::size_t index);

[[noreturn]] void fail(const std::string& pointer, const std::string& detail);

const char* type_name(const json& j);

// A JSON object whose members must come from an allowed list.
class Object {
 public:
  Object(const json& j, std::string pointer, std::initializer_list<std::string_view> allowed);

  const std::string& pointer() const { return pointer_; }
  std::string pointer(std::string_view key) const { return pointer_append(pointer_, key); }
  const json* find(std::string_view key) const;
  const json& need(std::string_view key) const;

  std::string string(std::string_view key) const;  // required, non-empty
  std::string string_or(std::string_view key, std::string fallback) const;
  double number(std::string_view key) const;        // required, finite
  std::optional<double> optional_number(std::string_view key) const;
  double non_negative(std::string_view key) const;  // required, finite, >= 0
  int integer(std::string_view key) const;
  std::optional<int> optional_integer(std::string_view key) const;
  bool boolean_or(std::string_view key, bool fallback) const;
  std::vector<std::string> strings(std::string_view key) const;  // optional array of strings

 private:
  const json& j_;
  std::string pointer_;
};

double as_number(const json& j, const std::string& pointer);
std::string as_string(const json& j, const std::string& pointer);

// Prefixes errors with the document's name: "data/x.json: /criteria/3/max: ...".
// Any other exception (a dependency's) becomes a parindex::error at the document, too.
template <class F>
auto located(const std::string& source, F&& f) {
  try {
    try {
      return f();
    } catch (...) {
      rethrow_as_error("");
    }
  } catch (const error& e) {
    if (source.empty()) throw;
    throw e.located_in(source + ": ");
  }
}

// The largest document read from a file (a 100,000-criterion framework is about 20 MiB).
inline constexpr std::size_t max_document_bytes = std::size_t{64} << 20;

// The whole file as text; parindex::error (io) naming the path when it cannot be read, is a
// directory or exceeds max_document_bytes.
std::string read_text_file(const std::filesystem::path& path);

// Parses a document and brings it to the schema's current version with the registered
// upgrades (upgrades.cpp). Refuses another document type and newer versions.
json parse_document(std::string_view text, const DocumentSchema& schema);

// Checks "schema" names this document type at its current version (after parse_document).
void check_schema(const Object& doc, const DocumentSchema& schema);

}  // namespace parindex::json_detail
