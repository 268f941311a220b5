// What score, rank and gaps share: loading the framework and scoring each assessment.
#include <iostream>
#include <string_view>

#include "cli.hpp"

namespace parindex::cli {

std::string unit_heading(const UnitRef& u, const std::string& framework, int year) {
  return u.name + " (" + u.code + ") · " + framework + " · " + std::to_string(year);
}

Scored score_arguments(const Options& o) {
  Scored out;
  if (o.args.size() < 2) throw UsageError(o.command + " needs a framework and at least one assessment");
  Framework framework = load_framework(o.args.front());
  auto& cards = out.cards;
  auto& dossiers = out.dossiers;
  for (std::size_t i = 1; i < o.args.size(); ++i) {
    Assessment a = load_assessment(o.args[i]);
    try {
      if (!o.dossier_log.empty() && !dossiers) {
        // Inputs bound to a log are figures as of the end of the assessed year, unless told otherwise.
        DossierOptions options;
        options.as_of = o.as_of ? *o.as_of : Date(a.year, 12, 31);
        options.group_by = {GroupKey::unit, GroupKey::level};
        options.keep_late = !o.why.empty();
        options.convention.receipt_day_counts = o.receipt_day_counts;
        options.convention.cutoff_minute = o.cutoff_minute;
        dossiers = read_dossiers(o.dossier_log, calendar_for(o, 2013, lunar_last_year), options);
        std::cerr << "dossier log: rows read " << dossiers->rows_read << " = used " << dossiers->rows_used
                  << " + rejected " << dossiers->rows_rejected << "\n";
      }
      cards.push_back(dossiers ? evaluate(framework, a, *dossiers) : evaluate(framework, a));
    } catch (const error& e) {
      throw e.located_in(o.args[i] + ": ");
    }
  }
  return out;
}

namespace {

// A score table is told from an assessment by its name: assessments are JSON.
bool is_score_table(const std::string& path) {
  auto ends_with = [&](std::string_view tail) { return path.size() >= tail.size() && path.compare(path.size() - tail.size(), tail.size(), tail) == 0; };
  return ends_with(".tsv") || ends_with(".csv");
}

}  // namespace

Assessed assessment_arguments(const Options& o) {
  // One year of a table of leaf scores: a PAPI table alone, or any table after its framework
  // (the ministries' PAR INDEX table after its two-column framework).
  if (o.year && (o.args.size() == 1 || (o.args.size() == 2 && is_score_table(o.args[1])))) {
    const std::string& path = o.args.back();
    const auto rows = read_score_table(path);
    Assessed out{o.args.size() == 1 ? papi_framework(*o.year) : load_framework(o.args.front()), {}};
    auto table = assessments_from_table(out.framework, *o.year, rows);
    if (table.assessments.empty()) throw error(error_kind::argument, path, "no unit has every figure in " + std::to_string(*o.year));
    if (!table.left_out.empty()) {
      std::cerr << path << ": " << table.left_out.size() << " units left out, lacking a figure in " << *o.year << "\n";
    }
    out.assessments = std::move(table.assessments);
    return out;
  }
  if (o.args.size() < 2) {
    throw UsageError(o.command + " needs a framework and at least one assessment, a PAPI table and --year, or a framework, its score table and --year");
  }
  Assessed out{load_framework(o.args.front()), {}};
  for (std::size_t i = 1; i < o.args.size(); ++i) out.assessments.push_back(load_assessment(o.args[i]));
  return out;
}

RankOptions rank_options(const Options& o) { return RankOptions{o.tie_decimals, o.grouping}; }

}  // namespace parindex::cli
