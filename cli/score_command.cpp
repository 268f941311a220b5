// parindex score: the scorecard of each assessment; with --why, the dossiers behind a criterion.
#include <algorithm>
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

std::string fixed(double v, int decimals) { return format_fixed(v, decimals); }

std::string percent(const std::optional<double>& p, int decimals) { return p ? fixed(*p, decimals) : "—"; }

void print_scorecards(const std::vector<Scorecard>& cards, const Options& o) {
  if (o.format == Format::json) {
    std::vector<std::string> docs;
    for (const auto& c : cards) docs.push_back(to_json(c));
    print_json_list(docs);
    return;
  }
  if (o.format == Format::csv) {
    Table t{{"unit", "code", "title", "depth", "max", "achieved", "lost", "percent", "decided_by", "explanation",
             "cause", "lead_agency"}, {}, {}};
    for (const auto& c : cards) {
      int d = c.rounding.decimals;
      for (const auto& l : c.lines) {
        t.add({c.unit.code, l.code.str(), l.title, std::to_string(l.depth), fixed(l.max_points, d), fixed(l.achieved, d),
               fixed(l.lost(), d), l.percent() ? fixed(*l.percent(), d) : "", to_string(l.decided_by), l.explanation,
               l.cause, l.lead_agency});
      }
      t.add({c.unit.code, "total", "", "0", fixed(c.scale_max, d), fixed(c.total(), d), fixed(c.lost(), d),
             fixed(c.index_percent(), d), "", "", "", ""});
    }
    t.render(std::cout, o.format);
    return;
  }
  bool first = true;
  for (const auto& c : cards) {
    int d = c.rounding.decimals;
    if (!first) std::cout << "\n";
    first = false;
    std::cout << (o.format == Format::markdown ? "### " : "") << unit_heading(c.unit, c.framework_id, c.year) << "\n\n";
    const Language l = o.lang;
    Table t{say(l, {{"Mã", "Code"}, {"Tiêu chí", "Criterion"}, {"Điểm tối đa", "Max"}, {"Điểm đạt", "Achieved"},
                    {"Điểm chưa đạt", "Lost"}, {"%", "%"}, {"Căn cứ", "Decided by"}}),
            {false, false, true, true, true, true, false}, {}};
    if (o.explain) t.headers.push_back(say(l, {"Giải thích", "Why"}));
    for (const auto& l : c.lines) {
      std::string indent = o.format == Format::table ? std::string(2 * (l.depth - 1), ' ') : "";
      std::vector<std::string> row{indent + l.code.str(), l.title, fixed(l.max_points, d), fixed(l.achieved, d),
                                   fixed(l.lost(), d), percent(l.percent(), d), to_string(l.decided_by)};
      if (o.explain) row.push_back(l.explanation);
      t.add(std::move(row));
    }
    t.add({"", say(l, {"TỔNG ĐIỂM", "TOTAL"}), fixed(c.scale_max, d), fixed(c.scale_achieved, d), fixed(c.lost(), d),
           fixed(c.scale_max > 0 ? c.scale_achieved / c.scale_max * 100 : 0, d), ""});
    t.render(std::cout, o.format);
    std::cout << "\n";
    if (c.bonus > 0 || c.penalty > 0) {
      std::cout << say(l, {"Điểm thưởng +", "Bonus +"}) << fixed(c.bonus, d) << say(l, {", điểm trừ −", ", penalty −"})
                << fixed(c.penalty, d) << "\n";
    }
    std::cout << say(l, {"Chỉ số: ", "Index: "}) << fixed(c.total(), d) << " / " << fixed(c.scale_max, d) << " = "
              << fixed(c.index_percent(), d) << "%\n";
  }
}

// The dossiers behind a criterion: the late and overdue ones of the units that decided it.
int print_why(const Scored& s, const Options& o) {
  const auto& cards = s.cards;
  const auto& dossiers = s.dossiers;
  if (!dossiers) throw UsageError("--why needs --dossiers LOG.csv");
  const ScoreLine* line = cards.front().find(CriterionCode(o.why));
  if (!line) throw UsageError("--why: criterion " + o.why + " is not on the scorecard");
  if (line->dossier_units.empty()) throw UsageError("--why: criterion " + o.why + " does not take its value from the dossier log");
  std::cout << o.why << "  " << line->title << "\n" << line->explanation << "\n"
            << format_fixed(line->achieved, 2) << " of " << format_fixed(line->max_points, 2) << " points\n\n";
  Table t{{"line", "dossier", "unit", "procedure", "received", "due", "resolved", "status", "working_days_late", "apology"},
          {true, false, false, false, false, false, false, false, true, false}, {}};
  for (const auto& l : dossiers->late) {
    if (std::find(line->dossier_units.begin(), line->dossier_units.end(), l.unit) == line->dossier_units.end()) continue;
    t.add({std::to_string(l.line), l.id, l.unit, l.procedure, to_iso(l.received), to_iso(l.due),
           l.resolved ? to_iso(*l.resolved) : "", to_string(l.status), std::to_string(l.working_days_late),
           l.apologised ? "yes" : "no"});
  }
  std::cout << "Late and overdue dossiers of " << line->dossier_units.size() << " unit(s): " << t.rows.size() << "\n\n";
  t.render(std::cout, o.format == Format::json ? Format::csv : o.format);
  return 0;
}

}  // namespace

int run_score(const Options& o) {
  Scored s = score_arguments(o);
  if (!o.why.empty()) return print_why(s, o);
  print_scorecards(s.cards, o);
  return 0;
}

}  // namespace parindex::cli
