// The Arrow reader of dossier logs against the CSV reader: the input's lines of 12 plain
// fields become an Arrow stream of string columns, each column laid out as utf8, large_utf8,
// utf8_view or a dictionary (by the input's size), in batches of 1 to 7 rows whose columns
// start at an offset, some empty strings given as nulls. Both readers must agree on rows read,
// used and rejected, the kinds of rejections, the groups and the reasons (rows numbered from 1
// against lines from 2), and stopping at the first error must name the first rejected row.
#include <array>
#include <cstdio>
#include <cstring>
#include <memory>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/io/dossier_arrow.hpp"

namespace {

using namespace parindex;
using Row = std::array<std::string, 12>;

enum class Layout { utf8, large_utf8, view, dictionary };

// One column of one batch, owning its buffers.
struct ColumnData {
  std::vector<std::uint8_t> validity;
  std::vector<std::int32_t> offsets32;
  std::vector<std::int64_t> offsets64;
  std::vector<std::array<std::uint8_t, 16>> views;
  std::vector<std::int64_t> view_sizes;
  std::vector<std::int32_t> indices;
  std::string data;
  std::vector<const void*> buffers;
  ArrowArray array{};
  std::unique_ptr<ColumnData> dictionary;
};

void no_release(ArrowArray* a) { a->release = nullptr; }
void no_release_schema(ArrowSchema* s) { s->release = nullptr; }

// Lays out `values` (one leading dummy skipped by the offset); a null where `nulls` says so.
void lay_out(ColumnData& c, const std::vector<std::string>& values, const std::vector<bool>& nulls, Layout layout) {
  const std::size_t n = values.size() + 1;
  c.validity.assign((n + 7) / 8, 0);
  std::vector<std::string> all{"dummy"};
  all.insert(all.end(), values.begin(), values.end());
  for (std::size_t i = 0; i < n; ++i) {
    if (i == 0 || !nulls[i - 1]) c.validity[i / 8] |= static_cast<std::uint8_t>(1u << (i % 8));
  }
  if (layout == Layout::dictionary) {
    std::map<std::string, std::int32_t> codes;
    auto d = std::make_unique<ColumnData>();
    d->offsets32.assign(1, 0);
    for (const auto& v : all) {
      auto [it, added] = codes.emplace(v, static_cast<std::int32_t>(codes.size()));
      if (added) {
        d->data += v;
        d->offsets32.push_back(static_cast<std::int32_t>(d->data.size()));
      }
      c.indices.push_back(it->second);
    }
    d->buffers = {nullptr, d->offsets32.data(), d->data.data()};
    d->array.length = static_cast<std::int64_t>(codes.size());
    d->array.n_buffers = 3;
    d->array.buffers = d->buffers.data();
    d->array.release = no_release;
    c.dictionary = std::move(d);
    c.buffers = {c.validity.data(), c.indices.data()};
  } else if (layout == Layout::view) {
    for (const auto& v : all) {
      std::array<std::uint8_t, 16> view{};
      const auto length = static_cast<std::int32_t>(v.size());
      std::memcpy(view.data(), &length, 4);
      if (v.size() <= 12) {
        std::memcpy(view.data() + 4, v.data(), v.size());
      } else {
        const std::int32_t buffer = 0, offset = static_cast<std::int32_t>(c.data.size());
        std::memcpy(view.data() + 4, v.data(), 4);
        std::memcpy(view.data() + 8, &buffer, 4);
        std::memcpy(view.data() + 12, &offset, 4);
        c.data += v;
      }
      c.views.push_back(view);
    }
    c.view_sizes = {static_cast<std::int64_t>(c.data.size())};
    c.buffers = {c.validity.data(), c.views.data(), c.data.data(), c.view_sizes.data()};
  } else {
    c.offsets32.assign(1, 0);
    c.offsets64.assign(1, 0);
    for (const auto& v : all) {
      c.data += v;
      c.offsets32.push_back(static_cast<std::int32_t>(c.data.size()));
      c.offsets64.push_back(static_cast<std::int64_t>(c.data.size()));
    }
    c.buffers = {c.validity.data(), layout == Layout::utf8 ? static_cast<const void*>(c.offsets32.data()) : c.offsets64.data(),
                 c.data.data()};
  }
  c.array.length = static_cast<std::int64_t>(values.size());  // after the dummy the offset skips
  c.array.null_count = -1;
  c.array.offset = 1;
  c.array.n_buffers = static_cast<std::int64_t>(c.buffers.size());
  c.array.buffers = c.buffers.data();
  c.array.release = no_release;
  if (c.dictionary) c.array.dictionary = &c.dictionary->array;
}

// The stream: batches of rows, built on demand; the producer outlives the read.
struct Producer {
  std::vector<Row> rows;
  std::array<Layout, 12> layouts{};
  std::size_t batch_rows = 1, next = 0;
  bool empty_as_null = false;

  std::array<ArrowSchema, 12> children{};
  std::array<ArrowSchema*, 12> child_pointers{};
  std::array<ArrowSchema, 12> dictionaries{};
  std::vector<std::unique_ptr<std::array<ColumnData, 12>>> batches;
  std::vector<std::unique_ptr<std::array<ArrowArray*, 12>>> batch_children;

  static int get_schema(ArrowArrayStream* s, ArrowSchema* out) {
    auto* p = static_cast<Producer*>(s->private_data);
    for (std::size_t c = 0; c < 12; ++c) {
      const Layout l = p->layouts[c];
      p->children[c] = ArrowSchema{};
      p->children[c].format = l == Layout::large_utf8 ? "U" : l == Layout::view ? "vu" : l == Layout::dictionary ? "i" : "u";
      p->children[c].name = dossier_columns()[c].c_str();
      p->children[c].release = no_release_schema;
      if (l == Layout::dictionary) {
        p->dictionaries[c] = ArrowSchema{};
        p->dictionaries[c].format = "u";
        p->dictionaries[c].release = no_release_schema;
        p->children[c].dictionary = &p->dictionaries[c];
      }
      p->child_pointers[c] = &p->children[c];
    }
    *out = ArrowSchema{};
    out->format = "+s";
    out->n_children = 12;
    out->children = p->child_pointers.data();
    out->release = no_release_schema;
    return 0;
  }

  static int get_next(ArrowArrayStream* s, ArrowArray* out) {
    auto* p = static_cast<Producer*>(s->private_data);
    *out = ArrowArray{};
    if (p->next >= p->rows.size()) return 0;  // released: the end
    const std::size_t n = std::min(p->batch_rows, p->rows.size() - p->next);
    auto columns = std::make_unique<std::array<ColumnData, 12>>();
    auto pointers = std::make_unique<std::array<ArrowArray*, 12>>();
    for (std::size_t c = 0; c < 12; ++c) {
      std::vector<std::string> values;
      std::vector<bool> nulls;
      for (std::size_t r = p->next; r < p->next + n; ++r) {
        values.push_back(p->rows[r][c]);
        // Nulls read as empty in the text columns and the resolution, as an empty field does.
        nulls.push_back(p->empty_as_null && p->rows[r][c].empty() && (c <= 4 || c == 7));
      }
      lay_out((*columns)[c], values, nulls, p->layouts[c]);
      (*pointers)[c] = &(*columns)[c].array;
    }
    out->length = static_cast<std::int64_t>(n);
    out->n_children = 12;
    out->children = pointers->data();
    out->release = no_release;
    p->next += n;
    p->batches.push_back(std::move(columns));
    p->batch_children.push_back(std::move(pointers));
    return 0;
  }

  static const char* last_error(ArrowArrayStream*) { return "no error"; }
  static void release(ArrowArrayStream* s) { s->release = nullptr; }

  ArrowArrayStream stream() {
    return ArrowArrayStream{get_schema, get_next, last_error, release, this};
  }
};

std::vector<Row> plain_rows(std::string_view text) {
  std::vector<Row> rows;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.find('"') != std::string_view::npos || line.find('\r') != std::string_view::npos) continue;
    Row row;
    std::size_t field = 0, at = 0;
    bool fits = true;
    while (true) {
      std::size_t comma = line.find(',', at);
      if (field == 12) {
        fits = false;
        break;
      }
      row[field++] = std::string(line.substr(at, comma == std::string_view::npos ? comma : comma - at));
      if (comma == std::string_view::npos) break;
      at = comma + 1;
    }
    if (fits && field == 12) rows.push_back(std::move(row));
  }
  return rows;
}

void run(std::string_view text, std::size_t seed) {
  static const WorkCalendar calendar = vietnam_calendar(2013, 2199);
  Producer producer;
  producer.rows = plain_rows(text);
  if (producer.rows.empty()) return;
  for (std::size_t c = 0; c < 12; ++c) producer.layouts[c] = static_cast<Layout>((seed >> (c % 6)) % 4);
  producer.batch_rows = 1 + seed % 7;
  producer.empty_as_null = seed % 2 == 1;
  std::string csv;
  for (const auto& c : dossier_columns()) csv += (csv.empty() ? "" : ",") + c;
  for (const auto& row : producer.rows) {
    csv += '\n';
    for (std::size_t c = 0; c < 12; ++c) csv += (c ? "," : "") + row[c];
  }
  DossierOptions options;
  options.as_of = boost::gregorian::date(2024, 12, 31);
  options.group_by = seed % 3 == 0 ? std::vector<GroupKey>{GroupKey::unit, GroupKey::month}
                                   : std::vector<GroupKey>{GroupKey::level, GroupKey::field};
  options.keep_late = seed % 2 == 0;
  const DossierMetrics text_figures = read_dossiers_text(csv, calendar, options);

  ArrowArrayStream stream = producer.stream();
  DossierMetrics m;
  try {
    m = read_dossiers_arrow(&stream, calendar, options);
  } catch (const error& e) {
    std::fprintf(stderr, "a well-formed stream failed: %s\n", e.what());
    FUZZ_CHECK(false);
  }
  FUZZ_CHECK(stream.release == nullptr);  // taken over and released
  FUZZ_CHECK(m.rows_read == producer.rows.size() && m.rows_read == m.rows_used + m.rows_rejected);
  FUZZ_CHECK(m.rows_read == text_figures.rows_read && m.rows_used == text_figures.rows_used);
  FUZZ_CHECK(m.rejected_by == text_figures.rejected_by);
  FUZZ_CHECK(m.groups.size() == text_figures.groups.size());
  for (std::size_t i = 0; i < m.groups.size(); ++i) {
    const auto &a = m.groups[i].counts, &b = text_figures.groups[i].counts;
    FUZZ_CHECK(m.groups[i].key == text_figures.groups[i].key);
    FUZZ_CHECK(a.total == b.total && a.early == b.early && a.on_time == b.on_time && a.late == b.late &&
               a.pending_overdue == b.pending_overdue && a.digitised == b.digitised && a.apologised == b.apologised &&
               a.fully_online == b.fully_online && a.paid_online == b.paid_online);
  }
  FUZZ_CHECK(m.rejections.size() == text_figures.rejections.size());
  for (std::size_t i = 0; i < m.rejections.size(); ++i) {
    FUZZ_CHECK(m.rejections[i].line + 1 == text_figures.rejections[i].line);
    // UTF-8 reasons name the byte of the field here, of the line there.
    if (m.rejections[i].reason.find("UTF-8") == std::string::npos) {
      FUZZ_CHECK(m.rejections[i].reason == text_figures.rejections[i].reason);
    }
  }
  FUZZ_CHECK(m.late.size() == text_figures.late.size());
  for (std::size_t i = 0; i < m.late.size(); ++i) {
    FUZZ_CHECK(m.late[i].id == text_figures.late[i].id && m.late[i].line + 1 == text_figures.late[i].line);
  }

  if (m.rows_rejected == 0) return;
  options.stop_at_first_error = true;
  producer.next = 0;
  ArrowArrayStream again = producer.stream();
  try {
    read_dossiers_arrow(&again, calendar, options);
    FUZZ_CHECK(false);
  } catch (const error& e) {
    const std::string expected = "arrow stream: row " + std::to_string(m.rejections[0].line) + ": ";
    FUZZ_CHECK(std::string(e.what()).rfind(expected, 0) == 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [size](std::string_view text) { run(text, size); });
}
