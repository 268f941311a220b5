// Writing dossier metrics: what `parindex dossiers --format json` prints and the C interface returns.
#include <nlohmann/json.hpp>

#include "parindex/io/json.hpp"

namespace parindex {

namespace {

using nlohmann::ordered_json;

ordered_json counts_json(const DossierCounts& c) {
  ordered_json n{{"total", c.total},
                 {"early", c.early},
                 {"on_time", c.on_time},
                 {"late", c.late},
                 {"pending", c.pending},
                 {"pending_overdue", c.pending_overdue},
                 {"fully_online", c.fully_online},
                 {"paid_online", c.paid_online},
                 {"digitised", c.digitised},
                 {"apologised", c.apologised}};
  // A ratio with no denominator is null, never an invented 0.
  for (DossierMetric m : all_dossier_metrics) {
    if (auto v = c.metric(m)) n[to_string(m)] = *v;
    else n[to_string(m)] = nullptr;
  }
  return n;
}

}  // namespace

std::string to_json(const DossierMetrics& m, const Date& as_of) {
  ordered_json j;
  j["as_of"] = to_iso(as_of);
  j["group_by"] = ordered_json::array();
  for (auto k : m.group_by) j["group_by"].push_back(to_string(k));
  j["rows"] = {{"read", m.rows_read}, {"used", m.rows_used}, {"rejected", m.rows_rejected}, {"rejected_by", m.rejected_by}};
  j["groups"] = ordered_json::array();
  for (const auto& g : m.groups) {
    auto n = counts_json(g.counts);
    n["key"] = g.key;
    j["groups"].push_back(std::move(n));
  }
  j["all"] = counts_json(m.all);
  return j.dump(2) + "\n";
}

}  // namespace parindex
