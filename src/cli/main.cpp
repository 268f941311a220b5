// parindex: scorecards, ranks and gap tables from the command line.
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "parindex/parindex.hpp"
#include "tables.hpp"

namespace {

using namespace parindex;
using cli::Format;
using cli::Table;

constexpr const char* usage_text = R"(usage: parindex <command> [options] FRAMEWORK ASSESSMENT...

Commands:
  score   the scorecard of each assessment: every criterion's max, achieved, lost and %
  rank    the units ranked by index %, ties sharing a rank ("02/11")
  gaps    the criteria and fields below their max, most points lost first

Options:
  --format FORMAT       table (default), csv, json or markdown
  --explain             score: add the reason behind every figure
  --groups GROUPING     rank: none (default), national (A >= 90%, B 80% to under 90%)
                        or quartiles (PAPI style)
  --tie-decimals N      rank: index % equal at N decimals share a rank (default: the
                        framework's rounding decimals)
  -h, --help            this text
  --version             the version

FRAMEWORK is a parindex.framework/1 document, each ASSESSMENT a parindex.assessment/1
document (see docs/). With --format json, one assessment gives one document and several
give an array. Errors go to stderr as one line; the exit status is 1 for bad input and 2
for a bad command line.
)";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Options {
  std::string command;
  Format format = Format::table;
  bool explain = false;
  Grouping grouping;
  std::optional<int> tie_decimals;
  std::vector<std::string> files;
};

Options parse_args(int argc, char** argv) {
  Options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      return args[++i];
    };
    if (a == "--format") {
      std::string f = value();
      if (f == "table") o.format = Format::table;
      else if (f == "csv") o.format = Format::csv;
      else if (f == "json") o.format = Format::json;
      else if (f == "markdown") o.format = Format::markdown;
      else throw UsageError("unknown format \"" + f + "\"; expected table, csv, json or markdown");
    } else if (a == "--explain") {
      o.explain = true;
    } else if (a == "--groups") {
      std::string g = value();
      if (g == "none") o.grouping = std::monostate{};
      else if (g == "national") o.grouping = ThresholdGroups::national_par_index();
      else if (g == "quartiles") o.grouping = QuartileGroups{};
      else throw UsageError("unknown grouping \"" + g + "\"; expected none, national or quartiles");
    } else if (a == "--tie-decimals") {
      std::string v = value();
      if (v.size() != 1 || v[0] < '0' || v[0] > '6') throw UsageError("--tie-decimals takes a whole number from 0 to 6");
      o.tie_decimals = v[0] - '0';
    } else if (a.size() > 1 && a[0] == '-') {
      throw UsageError("unknown option " + a);
    } else if (o.command.empty()) {
      o.command = a;
    } else {
      o.files.push_back(a);
    }
  }
  if (o.command != "score" && o.command != "rank" && o.command != "gaps") {
    throw UsageError(o.command.empty() ? "no command given" : "unknown command \"" + o.command + "\"");
  }
  if (o.files.size() < 2) throw UsageError(o.command + " needs a framework and at least one assessment");
  return o;
}

std::string fixed(double v, int decimals) { return format_fixed(v, decimals); }

std::string percent(const std::optional<double>& p, int decimals) { return p ? fixed(*p, decimals) : "—"; }

std::string unit_heading(const UnitRef& u, const std::string& framework, int year) {
  return u.name + " (" + u.code + ") · " + framework + " · " + std::to_string(year);
}

void print_json_list(const std::vector<std::string>& docs) {
  if (docs.size() == 1) {
    std::cout << docs.front();
    return;
  }
  std::cout << "[\n";
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string d = docs[i];
    while (!d.empty() && d.back() == '\n') d.pop_back();
    std::cout << d << (i + 1 < docs.size() ? ",\n" : "\n");
  }
  std::cout << "]\n";
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

int run(const Options& o) {
  Framework framework = load_framework(o.files.front());
  std::vector<Scorecard> cards;
  for (std::size_t i = 1; i < o.files.size(); ++i) {
    Assessment a = load_assessment(o.files[i]);
    try {
      cards.push_back(evaluate(framework, a));
    } catch (const error& e) {
      throw e.located_in(o.files[i] + ": ");
    }
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

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "-h") || !std::strcmp(argv[i], "--help")) {
      std::cout << usage_text;
      return 0;
    }
    if (!std::strcmp(argv[i], "--version")) {
      std::cout << "parindex " << parindex::version << "\n";
      return 0;
    }
  }
  try {
    return run(parse_args(argc, argv));
  } catch (const UsageError& e) {
    std::cerr << "parindex: " << e.what() << " (see parindex --help)\n";
    return 2;
  } catch (const parindex::error& e) {
    std::cerr << "parindex: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "parindex: internal error: " << e.what() << "\n";
    return 1;
  }
}
