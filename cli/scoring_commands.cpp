// parindex score, rank, gaps.
#include <algorithm>
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

std::string fixed(double v, int decimals) { return format_fixed(v, decimals); }

std::string percent(const std::optional<double>& p, int decimals) { return p ? fixed(*p, decimals) : "—"; }

std::string unit_heading(const UnitRef& u, const std::string& framework, int year) {
  return u.name + " (" + u.code + ") · " + framework + " · " + std::to_string(year);
}

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
    Table t{{"Code", "Criterion", "Max", "Achieved", "Lost", "%", "Decided by"},
            {false, false, true, true, true, true, false}, {}};
    if (o.explain) t.headers.push_back("Why");
    for (const auto& l : c.lines) {
      std::string indent = o.format == Format::table ? std::string(2 * (l.depth - 1), ' ') : "";
      std::vector<std::string> row{indent + l.code.str(), l.title, fixed(l.max_points, d), fixed(l.achieved, d),
                                   fixed(l.lost(), d), percent(l.percent(), d), to_string(l.decided_by)};
      if (o.explain) row.push_back(l.explanation);
      t.add(std::move(row));
    }
    t.add({"", "TỔNG ĐIỂM (total)", fixed(c.scale_max, d), fixed(c.scale_achieved, d), fixed(c.lost(), d),
           fixed(c.scale_max > 0 ? c.scale_achieved / c.scale_max * 100 : 0, d), ""});
    t.render(std::cout, o.format);
    std::cout << "\n";
    if (c.bonus > 0 || c.penalty > 0) {
      std::cout << "Bonus +" << fixed(c.bonus, d) << ", penalty −" << fixed(c.penalty, d) << "\n";
    }
    std::cout << "Index: " << fixed(c.total(), d) << " / " << fixed(c.scale_max, d) << " = "
              << fixed(c.index_percent(), d) << "%\n";
  }
}

void print_ranking(const Ranking& r, const Options& o) {
  if (o.format == Format::json) {
    std::cout << to_json(r);
    return;
  }
  bool grouped = !std::holds_alternative<std::monostate>(o.grouping);
  Table t{{"Rank", "Unit", "Name", "Max", "Total", "Index %"}, {true, false, false, true, true, true}, {}};
  if (grouped) t.headers.push_back("Group");
  for (const auto& u : r.units) {
    std::vector<std::string> row{u.rank_label(), u.unit.code, u.unit.name, fixed(u.max_points, 2), fixed(u.total, 2),
                                 fixed(u.index_percent, 2)};
    if (grouped) row.push_back(u.group);
    t.add(std::move(row));
  }
  if (o.format != Format::csv) {
    std::cout << (o.format == Format::markdown ? "### " : "") << r.framework_id << " · " << r.year << "\n\n";
  }
  t.render(std::cout, o.format);
}

void print_gaps(const std::vector<GapTable>& tables, const Options& o) {
  if (o.format == Format::json) {
    std::vector<std::string> docs;
    for (const auto& g : tables) docs.push_back(to_json(g));
    print_json_list(docs);
    return;
  }
  if (o.format == Format::csv) {
    Table t{{"unit", "code", "field", "title", "max", "achieved", "lost", "lead_agency", "cause"}, {}, {}};
    for (const auto& g : tables) {
      for (const auto& x : g.gaps) {
        t.add({g.unit.code, x.code.str(), x.field.str(), x.title, fixed(x.max_points, g.decimals),
               fixed(x.achieved, g.decimals), fixed(x.lost, g.decimals), x.lead_agency, x.cause});
      }
    }
    t.render(std::cout, o.format);
    return;
  }
  bool first = true;
  for (const auto& g : tables) {
    int d = g.decimals;
    if (!first) std::cout << "\n";
    first = false;
    const std::string h = o.format == Format::markdown ? "### " : "";
    std::cout << h << unit_heading(g.unit, g.framework_id, g.year) << ": " << fixed(g.total_lost, d)
              << " points lost\n\n";
    Table fields{{"Field", "Title", "Max", "Achieved", "Lost", "Criteria below max"},
                 {false, false, true, true, true, true}, {}};
    for (const auto& f : g.fields) {
      fields.add({f.field.str(), f.title, fixed(f.max_points, d), fixed(f.achieved, d), fixed(f.lost, d),
                  std::to_string(f.criteria_below_max)});
    }
    fields.render(std::cout, o.format);
    std::cout << "\n";
    Table t{{"Code", "Criterion", "Max", "Achieved", "Lost", "Lead agency", "Cause"},
            {false, false, true, true, true, false, false}, {}};
    for (const auto& x : g.gaps) {
      t.add({x.code.str(), x.title, fixed(x.max_points, d), fixed(x.achieved, d), fixed(x.lost, d), x.lead_agency, x.cause});
    }
    t.render(std::cout, o.format);
  }
}

}  // namespace

int run_scoring(const Options& o) {
  if (o.args.size() < 2) throw UsageError(o.command + " needs a framework and at least one assessment");
  Framework framework = load_framework(o.args.front());
  std::vector<Scorecard> cards;
  std::optional<DossierMetrics> dossiers;
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
  if (!o.why.empty()) {
    // The dossiers behind a criterion: the late and overdue ones of the units that decided it.
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
  if (o.command == "score") {
    print_scorecards(cards, o);
  } else if (o.command == "rank") {
    print_ranking(rank(cards, RankOptions{o.tie_decimals, o.grouping}), o);
  } else {
    std::vector<GapTable> tables;
    for (const auto& c : cards) tables.push_back(gaps(c));
    print_gaps(tables, o);
  }
  return 0;
}


}  // namespace parindex::cli
