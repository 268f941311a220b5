// Dossier logs from Arrow record batches: each cell is read where the producer put it (no copy
// of the columns), turned into a DossierRecord and checked as the CSV reader checks a line.
#include "parindex/io/dossier_arrow.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <string_view>

#include "parindex/core/error.hpp"
#include "parindex/core/utf8.hpp"
#include "parindex/dossiers/dossier_tally.hpp"

namespace parindex {

namespace {

// How a column's values are laid out in its buffers.
enum class Storage { none, boolean, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64,
                     utf8, large_utf8, utf8_view, date32, date64, timestamp };
// What a column of the layout holds.
enum class Role { text, time, whole_number, flag };

bool is_integer(Storage s) {
  return s == Storage::int8 || s == Storage::uint8 || s == Storage::int16 || s == Storage::uint16 || s == Storage::int32 ||
         s == Storage::uint32 || s == Storage::int64 || s == Storage::uint64;
}
bool is_string(Storage s) { return s == Storage::utf8 || s == Storage::large_utf8 || s == Storage::utf8_view; }

// The storage a format string names (the C data interface's format strings); for timestamps,
// the ticks per second and whether a time zone follows.
Storage storage_of(std::string_view f, long long& per_second, bool& zoned) {
  if (f == "n") return Storage::none;
  if (f == "b") return Storage::boolean;
  if (f == "c") return Storage::int8;
  if (f == "C") return Storage::uint8;
  if (f == "s") return Storage::int16;
  if (f == "S") return Storage::uint16;
  if (f == "i") return Storage::int32;
  if (f == "I") return Storage::uint32;
  if (f == "l") return Storage::int64;
  if (f == "L") return Storage::uint64;
  if (f == "f") return Storage::float32;
  if (f == "g") return Storage::float64;
  if (f == "u") return Storage::utf8;
  if (f == "U") return Storage::large_utf8;
  if (f == "vu") return Storage::utf8_view;
  if (f == "tdD") return Storage::date32;
  if (f == "tdm") return Storage::date64;
  if (f.size() >= 4 && f.substr(0, 2) == "ts" && f[3] == ':') {
    static constexpr std::string_view units = "smun";
    static constexpr long long ticks[] = {1, 1000, 1000000, 1000000000};
    const auto unit = units.find(f[2]);
    if (unit == std::string_view::npos) return Storage::none;
    per_second = ticks[unit];
    zoned = f.size() > 4;
    return Storage::timestamp;
  }
  return Storage::none;
}

const char* expected_types(Role role) {
  switch (role) {
    case Role::text: return "strings (utf8, large_utf8, utf8_view, or dictionary-encoded)";
    case Role::time: return "dates (date32, date64), timestamps without a time zone, or strings YYYY-MM-DD[ HH:MM[:SS]]";
    case Role::whole_number: return "integers, whole floats, or strings";
    case Role::flag: return "booleans, integers 0 and 1, or strings 0, 1, false, true";
  }
  return "?";
}

bool fits(Role role, Storage s) {
  if (s == Storage::none || is_string(s)) return true;
  switch (role) {
    case Role::text: return false;
    case Role::time: return s == Storage::date32 || s == Storage::date64 || s == Storage::timestamp;
    case Role::whole_number: return is_integer(s) || s == Storage::float32 || s == Storage::float64;
    case Role::flag: return s == Storage::boolean || is_integer(s);
  }
  return false;
}

// The first day (since 1970-01-01) of the years dates may have, and the last.
const long long kFirstDay = (Date(1400, 1, 1) - Date(1970, 1, 1)).days();
const long long kLastDay = (Date(9999, 12, 31) - Date(1970, 1, 1)).days();

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// One column of the layout in the current batch: reads its cells in the producer's buffers.
class Column {
 public:
  Column(const char* name, Role role) : name_(name), role_(role) {}

  // Checks the column's type once, from the stream's schema.
  void describe(const ArrowSchema& schema, const std::string& where) {
    const std::string at = where + ": column " + name_;
    bool zoned = false;
    const std::string_view format = schema.format ? schema.format : "";
    storage_ = storage_of(format, per_second_, zoned);
    if (schema.dictionary) {
      dictionary_ = std::make_unique<Column>(name_, Role::text);
      if (!is_integer(storage_) || !schema.dictionary->format || !is_string(storage_of(schema.dictionary->format, per_second_, zoned))) {
        throw error(error_kind::document, at, "a dictionary-encoded column must map integers to strings");
      }
      dictionary_->storage_ = storage_of(schema.dictionary->format, per_second_, zoned);
      return;
    }
    if (storage_ == Storage::none && format != "n") {
      throw error(error_kind::document, at, "the Arrow type \"" + std::string(format) + "\" is not one parindex reads; expected " +
                                                expected_types(role_));
    }
    if (zoned) {
      throw error(error_kind::document, at,
                  "a timestamp with a time zone; give local date-times (a timestamp without a time zone) or dates");
    }
    if (!fits(role_, storage_)) {
      throw error(error_kind::document, at, "the Arrow type \"" + std::string(format) + "\" does not fit; expected " +
                                                expected_types(role_));
    }
  }

  // Points at the column's array in a batch whose own offset is `parent_offset`.
  void bind(const ArrowArray& array, long long parent_offset, const std::string& where) {
    const std::string at = where + ": column " + name_;
    where_ = &where;
    array_ = &array;
    first_ = array.offset + parent_offset;
    // Buffers the type needs (validity first): views also end with their data buffers' sizes,
    // and have no data buffer at all when every string is inline (12 bytes or fewer).
    std::size_t buffers = 2, filled = 2;
    if (storage_ == Storage::none) buffers = filled = 0;
    if (is_string(storage_) && !dictionary_) buffers = filled = 3;
    if (storage_ == Storage::utf8_view && !dictionary_) filled = 2;
    if (array.n_buffers < static_cast<long long>(buffers) || (buffers > 0 && !array.buffers)) {
      throw error(error_kind::document, at, "the batch's array has too few buffers for its type");
    }
    for (std::size_t b = 1; b < filled; ++b) {
      if (!array.buffers[b] && array.length > 0) throw error(error_kind::document, at, "a data buffer of the batch's array is missing");
    }
    if (dictionary_) {
      if (!array.dictionary) throw error(error_kind::document, at, "a dictionary-encoded column without its dictionary");
      dictionary_->bind(*array.dictionary, 0, where);
    }
  }

  const char* name() const noexcept { return name_; }
  bool holds_strings() const noexcept { return dictionary_ || is_string(storage_); }

  bool null(long long i) const {
    if (storage_ == Storage::none) return true;
    const auto* validity = static_cast<const std::uint8_t*>(array_->buffers[0]);
    if (!validity) return false;
    const long long at = first_ + i;
    return !(validity[at >> 3] & (1u << (at & 7)));
  }

  // The string at row i (of a string or dictionary-encoded column), empty when null.
  std::string_view text(long long i) const {
    if (null(i)) return {};
    if (dictionary_) {
      const long long k = integer(i);
      if (k < 0 || k >= dictionary_->array_->length) malformed("a dictionary index out of range");
      return dictionary_->text(k);
    }
    const long long at = first_ + i;
    const char* data = static_cast<const char*>(array_->buffers[2]);
    long long start = 0, end = 0;
    switch (storage_) {
      case Storage::utf8: {
        const auto* offsets = static_cast<const std::int32_t*>(array_->buffers[1]);
        start = offsets[at], end = offsets[at + 1];
        break;
      }
      case Storage::large_utf8: {
        const auto* offsets = static_cast<const std::int64_t*>(array_->buffers[1]);
        start = offsets[at], end = offsets[at + 1];
        break;
      }
      case Storage::utf8_view: return view(at);
      default: return {};
    }
    if (start < 0 || end < start) malformed("string offsets that go backwards");
    return {data + start, static_cast<std::size_t>(end - start)};
  }

  // The integer at row i (of an integer or boolean column).
  long long integer(long long i) const {
    const long long at = first_ + i;
    const void* values = array_->buffers[1];
    switch (storage_) {
      case Storage::boolean: return (static_cast<const std::uint8_t*>(values)[at >> 3] >> (at & 7)) & 1;
      case Storage::int8: return static_cast<const std::int8_t*>(values)[at];
      case Storage::uint8: return static_cast<const std::uint8_t*>(values)[at];
      case Storage::int16: return static_cast<const std::int16_t*>(values)[at];
      case Storage::uint16: return static_cast<const std::uint16_t*>(values)[at];
      case Storage::int32:
      case Storage::date32: return static_cast<const std::int32_t*>(values)[at];
      case Storage::uint32: return static_cast<const std::uint32_t*>(values)[at];
      case Storage::int64:
      case Storage::date64:
      case Storage::timestamp: return static_cast<const std::int64_t*>(values)[at];
      case Storage::uint64: {
        const std::uint64_t v = static_cast<const std::uint64_t*>(values)[at];
        return v > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<long long>(v);
      }
      default: return 0;
    }
  }

  double real(long long i) const {
    const long long at = first_ + i;
    if (storage_ == Storage::float32) return static_cast<const float*>(array_->buffers[1])[at];
    return static_cast<const double*>(array_->buffers[1])[at];
  }

  Storage storage() const noexcept { return dictionary_ ? Storage::utf8 : storage_; }

  // A date or timestamp cell as a day and a minute of the day; false when out of 1400–9999.
  bool time(long long i, Date& date, int& minute) const {
    long long days = 0, second = 0;
    const long long v = integer(i);
    if (storage_ == Storage::date32) {
      days = v;
    } else {
      const long long per_second = storage_ == Storage::date64 ? 1000 : per_second_;
      const long long seconds = floor_div(v, per_second);
      days = floor_div(seconds, 86400);
      second = seconds - days * 86400;
    }
    if (days < kFirstDay || days > kLastDay) return false;
    date = Date(1970, 1, 1) + boost::gregorian::days(days);
    minute = static_cast<int>(second / 60);
    return true;
  }

 private:
  std::string_view view(long long at) const {
    const auto* views = static_cast<const std::uint8_t*>(array_->buffers[1]);
    const std::uint8_t* v = views + 16 * at;
    std::int32_t length, buffer, offset;
    std::memcpy(&length, v, 4);
    if (length < 0) malformed("a string view of negative length");
    if (length <= 12) return {reinterpret_cast<const char*>(v + 4), static_cast<std::size_t>(length)};
    std::memcpy(&buffer, v + 8, 4);
    std::memcpy(&offset, v + 12, 4);
    // Buffers: validity, views, the data buffers, then the data buffers' sizes.
    if (buffer < 0 || offset < 0 || 2 + static_cast<long long>(buffer) >= array_->n_buffers - 1) {
      malformed("a string view pointing outside its data buffers");
    }
    const auto* sizes = static_cast<const std::int64_t*>(array_->buffers[array_->n_buffers - 1]);
    const char* data = static_cast<const char*>(array_->buffers[2 + buffer]);
    if (!sizes || !data || static_cast<std::int64_t>(offset) + length > sizes[buffer]) {
      malformed("a string view pointing past the end of its data buffer");
    }
    return {data + offset, static_cast<std::size_t>(length)};
  }

  [[noreturn]] void malformed(const char* what) const {
    throw error(error_kind::document, *where_ + ": column " + name_, std::string("malformed Arrow data: ") + what);
  }

  const char* name_;
  Role role_;
  Storage storage_ = Storage::none;
  long long per_second_ = 1;
  std::unique_ptr<Column> dictionary_;
  const ArrowArray* array_ = nullptr;
  long long first_ = 0;
  const std::string* where_ = nullptr;
};

// Releases what a producer handed over, however reading ends.
struct OwnedStream {
  ArrowArrayStream stream{};
  ~OwnedStream() {
    if (stream.release) stream.release(&stream);
  }
};
struct OwnedSchema {
  ArrowSchema schema{};
  ~OwnedSchema() {
    if (schema.release) schema.release(&schema);
  }
};
struct OwnedArray {
  ArrowArray array{};
  ~OwnedArray() {
    if (array.release) array.release(&array);
  }
};

enum { kId, kUnit, kLevel, kProcedure, kField, kReceived, kDays, kResolved, kOnline, kPaid, kDigitised, kApology, kColumns };

class BatchReader {
 public:
  BatchReader(const WorkCalendar& calendar, const DossierOptions& options, const std::string& where)
      : tally_(calendar, options), where_(where) {}

  // Finds the layout's columns among the schema's children.
  void describe(const ArrowSchema& schema) {
    if (!schema.format || std::string_view(schema.format) != "+s") {
      throw error(error_kind::document, where_, "expected a stream of record batches (a struct schema), got the Arrow type \"" +
                                                    std::string(schema.format ? schema.format : "") + "\"");
    }
    if (schema.n_children > 0 && !schema.children) throw error(error_kind::document, where_, "a struct schema without its fields");
    for (std::size_t c = 0; c < kColumns; ++c) {
      const std::string& name = dossier_columns()[c];
      for (long long k = 0; k < schema.n_children; ++k) {
        const ArrowSchema* child = schema.children[k];
        if (child && child->name && name == child->name) {
          if (child_[c] >= 0) throw error(error_kind::document, where_, "two columns are named " + name);
          child_[c] = k;
          columns_[c].describe(*child, where_);
        }
      }
      if (child_[c] < 0) {
        std::string all;
        for (const auto& n : dossier_columns()) all += (all.empty() ? "" : ", ") + n;
        throw error(error_kind::document, where_, "no column " + name + "; a dossier log has the columns " + all);
      }
    }
    n_children_ = schema.n_children;
  }

  // Reads one batch; false when stop_at_first_error stopped.
  bool read(const ArrowArray& batch) {
    if (batch.n_children != n_children_ || batch.length < 0 || batch.offset < 0 || (n_children_ > 0 && !batch.children)) {
      throw error(error_kind::document, where_, "a batch does not have the schema's columns");
    }
    if (batch.length > std::numeric_limits<std::int64_t>::max() - batch.offset) {
      throw error(error_kind::document, where_, "a batch's offset and length overflow");
    }
    // A row that is null as a whole has no values to read (record batches never have one).
    if (batch.null_count != 0 && batch.n_buffers > 0 && batch.buffers && batch.buffers[0]) {
      throw error(error_kind::document, where_, "a batch has rows that are null as a whole; a dossier log's rows are records");
    }
    for (std::size_t c = 0; c < kColumns; ++c) {
      const ArrowArray* child = batch.children[child_[c]];
      if (!child || child->length < batch.offset + batch.length) {
        throw error(error_kind::document, where_ + ": column " + columns_[c].name(), "a batch's column is shorter than the batch");
      }
      columns_[c].bind(*child, batch.offset, where_);
    }
    for (long long i = 0; i < batch.length; ++i) {
      ++row_;
      RowProblem p = parse(i);
      if (!(p ? tally_.reject(row_, std::move(p)) : tally_.add(record_, row_))) return false;
    }
    return true;
  }

  DossierTally& tally() { return tally_; }

 private:
  RowProblem parse(long long i) {
    // Checked first, so no reason below ever quotes bytes a JSON or CSV writer cannot carry.
    for (const Column& c : columns_) {
      if (!c.holds_strings()) continue;
      if (const std::size_t bad = invalid_utf8_at(c.text(i)); bad != std::string_view::npos) {
        return {"invalid UTF-8", std::string(c.name()) + ": byte " + std::to_string(bad + 1) + " is not valid UTF-8"};
      }
    }
    DossierRecord& r = record_;
    r.id = columns_[kId].text(i), r.unit = columns_[kUnit].text(i), r.level = columns_[kLevel].text(i);
    r.procedure = columns_[kProcedure].text(i), r.field = columns_[kField].text(i);
    if (RowProblem p = check_names(r.id, r.unit, r.level, r.procedure)) return p;
    if (RowProblem p = time(columns_[kReceived], i, r.received, r.received_minute)) return p;
    if (RowProblem p = whole_number(columns_[kDays], i, r.processing_days)) return p;
    r.resolved.reset();
    const Column& resolved = columns_[kResolved];
    if (!resolved.null(i) && !(resolved.holds_strings() && resolved.text(i).empty())) {
      Date day;
      if (RowProblem p = time(resolved, i, day, r.resolved_minute)) return p;
      r.resolved = day;
    }
    const Column& received = columns_[kReceived];
    if (RowProblem p = check_resolution_order(r, received.holds_strings() ? received.text(i) : std::string_view{},
                                              resolved.holds_strings() ? resolved.text(i) : std::string_view{})) {
      return p;
    }
    bool* flags[4] = {&r.fully_online, &r.paid_online, &r.digitised, &r.apology_issued};
    for (int f = 0; f < 4; ++f) {
      if (RowProblem p = flag(columns_[kOnline + f], i, *flags[f])) return p;
    }
    return {};
  }

  static RowProblem time(const Column& c, long long i, Date& date, int& minute) {
    if (c.null(i)) return {"unparsable date", std::string(c.name()) + " is empty (null)"};
    if (c.holds_strings()) {
      if (parse_dossier_time(c.text(i), date, minute)) return {};
      return {"unparsable date", std::string(c.name()) + " \"" + std::string(c.text(i)) + "\" is not YYYY-MM-DD[ HH:MM[:SS]]"};
    }
    if (c.time(i, date, minute)) return {};
    return {"unparsable date", std::string(c.name()) + " " + std::to_string(c.integer(i)) +
                                   " (in the column's unit since 1970-01-01) lies outside the years 1400–9999"};
  }

  static RowProblem whole_number(const Column& c, long long i, int& value) {
    const std::string name = c.name();
    if (c.null(i)) return {"bad processing time", name + " is empty (null); expected a whole number from 0 to 3650"};
    long long v = 0;
    if (c.holds_strings()) {
      const std::string_view s = c.text(i);
      int parsed = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), parsed);
      if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
        return {"bad processing time", name + " \"" + std::string(s) + "\" is not a whole number from 0 to 3650"};
      }
      v = parsed;
    } else if (c.storage() == Storage::float32 || c.storage() == Storage::float64) {
      const double d = c.real(i);
      if (!(std::floor(d) == d) || std::fabs(d) > 1e15) {
        char shown[32];
        std::snprintf(shown, sizeof shown, "%.17g", d);
        return {"bad processing time", name + " " + shown + " is not a whole number from 0 to 3650"};
      }
      v = static_cast<long long>(d);
    } else {
      v = c.integer(i);
    }
    if (RowProblem p = check_processing_days(v)) return p;
    value = static_cast<int>(v);
    return {};
  }

  static RowProblem flag(const Column& c, long long i, bool& value) {
    const std::string name = c.name();
    if (c.null(i)) return {"bad flag", name + " is empty (null), not 0 or 1"};
    if (c.holds_strings()) {
      if (parse_dossier_flag(c.text(i), value)) return {};
      return {"bad flag", name + " \"" + std::string(c.text(i)) + "\" is not 0 or 1"};
    }
    const long long v = c.integer(i);
    if (v != 0 && v != 1) return {"bad flag", name + " " + std::to_string(v) + " is not 0 or 1"};
    value = v == 1;
    return {};
  }

  DossierTally tally_;
  const std::string& where_;
  std::array<Column, kColumns> columns_{Column("dossier_id", Role::text),   Column("unit_code", Role::text),
                                        Column("level", Role::text),        Column("procedure_code", Role::text),
                                        Column("field", Role::text),        Column("received_at", Role::time),
                                        Column("processing_days", Role::whole_number), Column("resolved_at", Role::time),
                                        Column("fully_online", Role::flag), Column("paid_online", Role::flag),
                                        Column("digitised", Role::flag),    Column("apology_issued", Role::flag)};
  std::array<long long, kColumns> child_{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
  long long n_children_ = 0;
  long long row_ = 0;
  DossierRecord record_;
};

std::string stream_error(ArrowArrayStream& s, int code) {
  const char* message = s.get_last_error ? s.get_last_error(&s) : nullptr;
  return message ? std::string(message) : "error " + std::to_string(code);
}

}  // namespace

DossierMetrics read_dossiers_arrow(ArrowArrayStream* stream, const WorkCalendar& calendar, const DossierOptions& options,
                                   const std::string& where) {
  if (!stream || !stream->release) throw error(error_kind::argument, where, "no stream (or one already released)");
  OwnedStream owned;
  owned.stream = *stream;
  stream->release = nullptr;  // taken over
  check_dossier_options(options);
  ArrowArrayStream& s = owned.stream;
  OwnedSchema schema;
  if (int code = s.get_schema(&s, &schema.schema)) {
    throw error(error_kind::io, where, "the stream gave no schema: " + stream_error(s, code));
  }
  BatchReader reader(calendar, options, where);
  reader.describe(schema.schema);
  while (true) {
    OwnedArray batch;
    if (int code = s.get_next(&s, &batch.array)) {
      throw error(error_kind::io, where, "reading a batch failed: " + stream_error(s, code));
    }
    if (!batch.array.release) break;  // the end of the stream
    if (!reader.read(batch.array)) {
      const RejectedRow& first = *reader.tally().first_error();
      throw error(error_kind::document, where + ": row " + std::to_string(first.line), first.reason);
    }
  }
  return std::move(reader.tally()).metrics();
}

}  // namespace parindex
