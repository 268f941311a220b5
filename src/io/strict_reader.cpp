#include "strict_reader.hpp"

#include <cmath>
#include <optional>
#include <utility>
#include <fstream>
#include <sstream>
#include <vector>

namespace parindex::json_detail {

namespace {

std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return {line, column};
}

// Builds the document from nlohmann's SAX events, refusing duplicate keys (nlohmann would keep
// the last one silently). Its own DOM builder with a callback rescans every member of an
// object at each nested object's end, which is quadratic: 100,000 criteria took minutes.
class StrictBuilder {
 public:
  explicit StrictBuilder(json& root) : root_(root) {}

  bool null() { return value(nullptr); }
  bool boolean(bool v) { return value(v); }
  bool number_integer(json::number_integer_t v) { return value(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(v); }
  bool number_float(json::number_float_t v, const json::string_t&) { return value(v); }
  bool string(json::string_t& v) { return value(std::move(v)); }
  bool binary(json::binary_t& v) { return value(std::move(v)); }

  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(json::string_t& k) {
    json& object = *stack_.back().container;
    if (object.contains(k)) fail(pointer_append(pointer(), k), "the key \"" + k + "\" appears twice in one object");
    member_ = &object[k];
    stack_.back().key = std::move(k);
    return true;
  }

  // Stops the parse; parse_strict reports where and what.
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    failed_at_ = position;
    failure_ = ex.what();
    return false;
  }

  std::optional<std::pair<std::size_t, std::string>> failure() const {
    if (failure_.empty()) return std::nullopt;
    return std::make_pair(failed_at_, failure_);
  }

 private:
  // A container being filled, and the key its latest member was read under.
  struct Level {
    json* container;
    std::string key;
  };

  // Where the next value goes: the root, the end of an array, or the member just keyed.
  json* place(json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json& top = *stack_.back().container;
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    *member_ = std::move(v);
    return member_;
  }

  bool value(json&& v) {
    place(std::move(v));
    return true;
  }

  bool open(json&& container) {
    stack_.push_back(Level{place(std::move(container)), {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  // The JSON pointer of the innermost open container ("" for the root).
  std::string pointer() const {
    std::string p;
    for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
      const json& c = *stack_[i].container;
      p = c.is_object() ? pointer_append(p, stack_[i].key) : pointer_append(p, c.size() - 1);
    }
    return p;
  }

  json& root_;
  std::vector<Level> stack_;
  json* member_ = nullptr;
  std::size_t failed_at_ = 0;
  std::string failure_;
};

}  // namespace

std::string pointer_append(const std::string& pointer, std::string_view key) {
  std::string out = pointer + "/";
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

void fail(const std::string& pointer, const std::string& detail) {
  throw error(error_kind::document, pointer.empty() ? "/" : pointer, detail);
}

const char* type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

json parse_strict(std::string_view text) {
  json root;
  StrictBuilder builder(root);
  json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, /*strict=*/true,
                  /*ignore_comments=*/false);
  const auto failure = builder.failure();
  if (!failure) return root;
  const auto& [byte, what] = *failure;
  auto [line, column] = line_column(text, byte > 0 ? byte - 1 : 0);
  // nlohmann's messages: "[json.exception.parse_error.101] parse error at line 3, column 5: <detail>"
  // and "[json.exception.out_of_range.406] <detail>"; the position is ours, counted in characters.
  std::size_t from = what.find("parse error");
  from = from == std::string::npos ? what.find("] ") : what.find(": ", from);
  const std::string detail = from == std::string::npos ? what : what.substr(from + 2);
  throw error(error_kind::document, "line " + std::to_string(line) + ", column " + std::to_string(column),
              "invalid JSON: " + detail);
}

Object::Object(const json& j, std::string pointer, std::initializer_list<std::string_view> allowed)
    : j_(j), pointer_(std::move(pointer)) {
  if (!j.is_object()) fail(pointer_, std::string("expected an object, got ") + type_name(j));
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (auto a : allowed) known = known || a == key;
    if (!known) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      fail(pointer_append(pointer_, key), "unknown key \"" + key + "\"; allowed here: " + list);
    }
  }
}

const json* Object::find(std::string_view key) const {
  auto it = j_.find(std::string(key));
  return it == j_.end() ? nullptr : &*it;
}

const json& Object::need(std::string_view key) const {
  const json* v = find(key);
  if (!v) fail(pointer_, "the required key \"" + std::string(key) + "\" is missing");
  return *v;
}

std::string as_string(const json& j, const std::string& pointer) {
  if (!j.is_string()) fail(pointer, std::string("expected a string, got ") + type_name(j));
  return j.get<std::string>();
}

double as_number(const json& j, const std::string& pointer) {
  if (!j.is_number()) fail(pointer, std::string("expected a number, got ") + type_name(j));
  double v = j.get<double>();
  if (!std::isfinite(v)) fail(pointer, "expected a finite number");
  return v;
}

std::string Object::string(std::string_view key) const {
  std::string s = as_string(need(key), pointer(key));
  if (s.empty()) fail(pointer(key), "must not be empty");
  return s;
}

std::string Object::string_or(std::string_view key, std::string fallback) const {
  const json* v = find(key);
  return v ? as_string(*v, pointer(key)) : fallback;
}

double Object::number(std::string_view key) const { return as_number(need(key), pointer(key)); }

std::optional<double> Object::optional_number(std::string_view key) const {
  const json* v = find(key);
  if (!v) return std::nullopt;
  return as_number(*v, pointer(key));
}

double Object::non_negative(std::string_view key) const {
  double v = number(key);
  if (v < 0) fail(pointer(key), "expected a number of at least 0, got " + std::to_string(v));
  return v;
}

int Object::integer(std::string_view key) const {
  const json& v = need(key);
  if (!v.is_number_integer()) fail(pointer(key), std::string("expected a whole number, got ") + type_name(v));
  // 2^63 and above are unsigned in the parser; read as long long they would wrap to negatives.
  if (v.is_number_unsigned() && v.get<unsigned long long>() > 1000000000ULL) fail(pointer(key), "the number is out of range");
  long long n = v.get<long long>();
  if (n < -1000000000LL || n > 1000000000LL) fail(pointer(key), "the number is out of range");
  return static_cast<int>(n);
}

std::optional<int> Object::optional_integer(std::string_view key) const {
  if (!find(key)) return std::nullopt;
  return integer(key);
}

bool Object::boolean_or(std::string_view key, bool fallback) const {
  const json* v = find(key);
  if (!v) return fallback;
  if (!v->is_boolean()) fail(pointer(key), std::string("expected true or false, got ") + type_name(*v));
  return v->get<bool>();
}

std::vector<std::string> Object::strings(std::string_view key) const {
  std::vector<std::string> out;
  const json* v = find(key);
  if (!v) return out;
  if (!v->is_array()) fail(pointer(key), std::string("expected an array of strings, got ") + type_name(*v));
  for (std::size_t i = 0; i < v->size(); ++i) out.push_back(as_string((*v)[i], pointer_append(pointer(key), i)));
  return out;
}

std::string read_text_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw error(error_kind::io, path.string(), "is a directory, not a document file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(error_kind::io, path.string(), "cannot open the file for reading");
  // Read in blocks up to the limit, so a device or endless pipe (/dev/zero) stops with an error.
  std::string text;
  std::vector<char> block(1 << 20);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    text.append(block.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_document_bytes) {
      throw error(error_kind::io, path.string(),
                  "larger than " + std::to_string(max_document_bytes >> 20) + " MiB, the limit for one document");
    }
  }
  if (in.bad()) throw error(error_kind::io, path.string(), "reading the file failed");
  return text;
}

void check_schema(const Object& doc, const DocumentSchema& schema) {
  if (doc.string("schema") != schema.tag()) fail(doc.pointer("schema"), "expected \"" + schema.tag() + "\"");
}

}  // namespace parindex::json_detail
