// Published score tables (PAPI's layout): read, then every year evaluated against a PAPI-shaped
// framework, ranked and grouped; rows in = rows out.
#include "fuzz_support.hpp"
#include "parindex/core/index_table.hpp"
#include "parindex/io/json.hpp"
#include "parindex/io/score_table.hpp"

namespace {

const parindex::Framework& framework() {
  static const parindex::Framework fw = parindex::framework_from_json(R"json({"schema": "parindex.framework/2",
    "id": "f", "name": "f", "period": {"from": 1900, "to": 2999}, "legal_source": "fuzz", "aggregation": "sum",
    "rounding": {"mode": "exact", "decimals": 4},
    "criteria": [{"code": "1", "title": "A", "max": 10}, {"code": "1.1", "title": "B", "max": 5, "rule": {"kind": "manual"}},
                 {"code": "1.2", "title": "C", "max": 5, "rule": {"kind": "manual"}}]})json");
  return fw;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    const auto rows = parindex::score_table_from_text(text);
    std::size_t seen = 0;
    for (int year = 1900; year <= 2999 && seen < rows.size(); ++year) {
      std::size_t in_year = 0;
      for (const auto& r : rows) in_year += r.year == year;
      if (!in_year) continue;
      seen += in_year;
      const auto y = parindex::evaluate_year(framework(), year, rows);
      FUZZ_CHECK(y.rows.size() == in_year);
    }
  });
}
