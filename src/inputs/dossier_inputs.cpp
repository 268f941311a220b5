#include "parindex/inputs/dossier_inputs.hpp"

#include <algorithm>

#include "parindex/core/error.hpp"
#include "parindex/core/rounding.hpp"

namespace parindex {

namespace {

std::string scope_of(const DossierBinding& b) {
  if (!b.unit.empty()) return "unit " + b.unit;
  return b.level.empty() ? "all units" : b.level + " units";
}

DossierMetric metric_of(const DossierBinding& b, const std::string& where) {
  auto m = dossier_metric_from_string(b.metric);
  if (!m) {
    throw error(error_kind::validation, where,
                "\"" + b.metric + "\" is not a dossier metric; expected " + dossier_metric_names());
  }
  return *m;
}

}  // namespace

BoundInput resolve(const DossierBinding& b, const DossierMetrics& m, const std::string& where) {
  if (m.group_by != std::vector<GroupKey>{GroupKey::unit, GroupKey::level}) {
    throw error(error_kind::argument, where, "dossier metrics must be grouped by unit and level to bind criteria");
  }
  const DossierMetric metric = metric_of(b, where);
  const bool all = b.aggregate == DossierBinding::Aggregate::all;
  DossierCounts sum;
  std::optional<double> best;
  BoundInput out;
  std::size_t matched = 0;
  for (const auto& g : m.groups) {
    if ((!b.unit.empty() && g.key[0] != b.unit) || (!b.level.empty() && g.key[1] != b.level)) continue;
    ++matched;
    sum.add(g.counts);
    if (all) {
      out.units.push_back(g.key[0]);
      continue;
    }
    auto v = g.counts.metric(metric);
    if (!v) continue;
    bool better = !best || (b.aggregate == DossierBinding::Aggregate::min ? *v < *best : *v > *best);
    if (better) {
      best = v;
      out.units = {g.key[0]};
    } else if (*v == *best) {
      out.units.push_back(g.key[0]);
    }
  }
  const std::string scope = scope_of(b);
  if (matched == 0) throw error(error_kind::validation, where, "the dossier log has no dossiers of " + scope);
  if (all) {
    auto v = sum.metric(metric);
    if (!v) throw error(error_kind::validation, where, b.metric + " has no dossiers to count over " + scope);
    out.value = *v;
    out.explanation = b.metric + " over " + std::to_string(sum.total) + " dossiers of " + scope + " = " + format_fixed(*v, 2) + "%";
    return out;
  }
  if (!best) throw error(error_kind::validation, where, b.metric + " has no dossiers to count in any of " + scope);
  out.value = *best;
  std::string who;
  for (const auto& u : out.units) who += (who.empty() ? "" : ", ") + u;
  out.explanation = std::string(b.aggregate == DossierBinding::Aggregate::min ? "lowest" : "highest") + " " + b.metric +
                    " of " + std::to_string(matched) + " " + scope + ": " + who + " = " + format_fixed(*best, 2) + "%";
  return out;
}

Assessment with_dossier_inputs(const Assessment& assessment, const DossierMetrics& metrics) {
  Assessment out = assessment;
  const std::string unit_where = "assessment of " + (assessment.unit.code.empty() ? std::string("?") : assessment.unit.code);
  for (auto& [code, entry] : out.entries) {
    if (!entry.from_dossiers) continue;
    BoundInput bound = resolve(*entry.from_dossiers, metrics, unit_where + ", criterion " + code.str());
    entry.value = bound.value;
    entry.provenance = bound.explanation;
    entry.provenance_units = bound.units;
    entry.from_dossiers.reset();
  }
  return out;
}

Scorecard evaluate(const Framework& framework, const Assessment& assessment, const DossierMetrics& dossiers) {
  return evaluate(framework, with_dossier_inputs(assessment, dossiers));
}

void record_dossier_actuals(Commitment& c, const DossierCounts& counts, const Date& as_of) {
  const std::string period = std::to_string(as_of.year()) + "-Q" + std::to_string((as_of.month() - 1) / 3 + 1);
  for (auto& t : c.targets) {
    auto metric = dossier_metric_from_string(t.metric);
    if (!metric) continue;
    auto v = counts.metric(*metric);
    if (!v) continue;  // no dossiers of that kind: no figure rather than an invented one
    std::erase_if(t.actuals, [&](const ReportedValue& a) { return a.period == period; });
    t.actuals.push_back({period, *v, as_of, "computed from the dossier log as of " + to_iso(as_of)});
  }
}

}  // namespace parindex
