// parindex: scorecards, ranks, gaps, calendars and plans from the command line.
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli.hpp"

namespace parindex::cli {

namespace {

constexpr const char* usage_text = R"(usage: parindex <command> [options] ARGUMENTS

Scoring:
  score FRAMEWORK ASSESSMENT...     the scorecard of each assessment
  rank FRAMEWORK ASSESSMENT...      units ranked by index %, ties sharing a rank ("02/11")
  gaps FRAMEWORK ASSESSMENT...      criteria and fields below their max, most points lost first

Calendar (Vietnam's public bodies; announced schedules where shipped, else projected):
  calendar YEAR                     the days off of a year, and weekend days worked
  lunar DATE                        a Gregorian date (YYYY-MM-DD) as a lunar date
  solar LUNAR-DATE                  a lunar date (YYYY-MM-DD, YYYY-MML-DD for a leap month)
  workdays add DATE N               the N-th working day after DATE (before it for N < 0)
  workdays count FROM TO            working days from FROM (included) to TO (excluded)

Plans:
  plan PLAN --as-of DATE            overdue, due and done actions, and the load by agency

Commitments:
  commitments FILE --as-of DATE     each target met, on track, at risk or missed, and its reports
                                    due or overdue, as the appendix table

Indices:
  papi SCORES [--year Y]            PAPI dimensions, totals, ranks and groups from a table of
                                    sub-dimension scores (year, province_code, province, SC11 ...)

  compare SCORES --from Y1 --to Y2  every province's move between two years of a PAPI table
                                    (total, rank, group); with --units, refuses to compare
                                    across a merger unless --across-mergers
  compare FRAMEWORK BEFORE AFTER    two assessments (two years, two units, a scenario and its
                                    base): each criterion's change; --mapping CSV pairs codes

Decisions:
  whatif FRAMEWORK ASSESSMENT... --set UNIT:CODE=VALUE
                                    scenarios side by side: each unit's total, index %, rank
                                    and group before and after the changes
  improve FRAMEWORK ASSESSMENT... --unit CODE --target TARGET
                                    the cheapest criterion improvements that reach a rank,
                                    group, index % or pass a unit, the others held fixed
  uncertainty FRAMEWORK ASSESSMENT... [--survey-error PP] [--appraisal-range P]
                                    Monte Carlo of the ranks: median, 5-95% interval, chance
                                    of each group; --sensitivity: which factors move them

Dossiers:
  dossiers LOG.csv [--by KEYS]      one-stop dossier metrics per group (docs/dossiers.md);
                                    prints rows read = used + rejected

Options:
  --format FORMAT       table (default), csv, json or markdown; every command takes each
  --lang vi|en          score, rank, gaps, plan, commitments: headings of the table and
                        markdown reports in Vietnamese (default) or English; csv and json
                        columns are the same in both (docs/vocabulary.md)
  --explain             score: add the reason behind every figure
  --groups GROUPING     rank: none (default), national (A >= 90%, B 80% to under 90%)
                        or quartiles (PAPI style)
  --tie-decimals N      rank: index % equal at N decimals share a rank
  --calendar FILE       calendar, workdays, plan: add a parindex.holidays/1 schedule
                        (a province's extra day off, say); may be repeated
  --as-of DATE          plan, commitments, dossiers: the review date (dossiers: default today);
                        score with --dossiers: the log's review date (default 31 December
                        of the assessed year)
  --within N            plan, commitments: "due soon" means within N days (default 14)
  --event NAME=DATE     plan: the date of an event deadlines count from; may be repeated
  --by KEYS             dossiers: group by unit, level, procedure, field, year, quarter,
                        month, comma-separated (default: unit); papi: dimension (one row
                        per province and dimension)
  --year Y              papi: only that year (default: every year in the table)
                        whatif, improve, uncertainty: one year of a score table given
                        instead of assessments, alone (PAPI's) or after its framework
                        (FRAMEWORK TABLE.tsv, e.g. data/parindex/ministries-2023.tsv)
  --from Y, --to Y      compare: the two years of a table
  --units FILE          compare: a parindex.units/1 registry (data/units/vn-provinces.json)
  --across-mergers      compare: show a unit that merged beside the unit it merged into
  --mapping FILE        compare: a CSV with columns before,after pairing criterion codes
                        of two frameworks
  --late                dossiers: list the late and overdue dossiers instead
  --strict              dossiers: stop at the first bad row (default: skip and count)
  --receipt-day-counts  dossiers: the day of receipt is the first working day counted
  --cutoff HH:MM        dossiers: received at or after this time counts as the next working day
  --threads N           dossiers: read the file in N parts at once (default 2)
  --dossiers LOG.csv    score: take inputs bound to a dossier log ("from_dossiers") from it;
                        commitments: take dossier metrics for the current quarter from it
  --why CODE            score: with --dossiers, the dossiers behind a criterion's points
  --set UNIT:CODE=VALUE whatif: a criterion's input (a number, yes/no or a level name) for
                        a unit, units separated by commas, or * for every unit; repeatable
  --appraise UNIT:CODE=POINTS
                        whatif: an appraised score instead
  --not-applicable UNIT:CODE
                        whatif: the criterion leaves the unit's scale
  --scenario NAME       whatif: the changes after it form a scenario of that name
  --unit CODE           improve: the unit to improve
  --target TARGET       improve: rank=K, group=NAME, index=PERCENT or pass=UNIT
  --efforts FILE        improve: a CSV of costs and ceilings per criterion (code,
                        cost_per_point, cost_per_step, max_input, max_points, out_of_reach)
  --survey              improve: survey criteria count as within reach
  --hold UNIT=PERCENT   improve: hold another unit at this index % (say, the 95th percentile
                        of its uncertainty) instead of its own; repeatable
  --draws N             uncertainty: Monte Carlo draws (default 1000)
  --seed S              uncertainty: the random seed (default 1); same seed, same result
  --survey-error PP     uncertainty: the standard error of every survey index, in percentage
                        points
  --appraisal-range P   uncertainty: appraised scores lie anywhere within ± P points
  --versus UNIT         uncertainty: the chance of each unit ranking above UNIT; repeatable
  --sensitivity         uncertainty: first-order and total sensitivity of the ranks per factor
  -h, --help            this text
  --version             the version

Errors go to stderr as one line; the exit status is 1 for bad input, 2 for a bad command line.
)";

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
    } else if (a == "--lang") {
      std::string l = value();
      if (l == "vi") o.lang = Language::vi;
      else if (l == "en") o.lang = Language::en;
      else throw UsageError("unknown language \"" + l + "\"; expected vi or en");
      o.lang_given = true;
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
    } else if (a == "--calendar") {
      o.calendar_files.push_back(value());
    } else if (a == "--as-of") {
      o.as_of = date_argument(value(), "--as-of");
    } else if (a == "--within") {
      long n = integer_argument(value(), "--within");
      if (n < 0 || n > 3660) throw UsageError("--within takes a number of days from 0 to 3660");
      o.within_days = static_cast<int>(n);
    } else if (a == "--event") {
      std::string v = value();
      auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0) throw UsageError("--event takes NAME=YYYY-MM-DD, got \"" + v + "\"");
      o.events[v.substr(0, eq)] = date_argument(v.substr(eq + 1), "--event " + v.substr(0, eq));
    } else if (a == "--why") {
      o.why = value();
    } else if (a == "--from" || a == "--to") {
      long y = integer_argument(value(), a);
      if (y < 1900 || y > 2999) throw UsageError(a + " takes a year from 1900 to 2999");
      (a == "--from" ? o.from_year : o.to_year) = static_cast<int>(y);
    } else if (a == "--units") {
      o.units_file = value();
    } else if (a == "--across-mergers") {
      o.across_mergers = true;
    } else if (a == "--mapping") {
      o.mapping_file = value();
    } else if (a == "--year") {
      long y = integer_argument(value(), "--year");
      if (y < 1900 || y > 2999) throw UsageError("--year takes a year from 1900 to 2999");
      o.year = static_cast<int>(y);
    } else if (a == "--set" || a == "--appraise" || a == "--not-applicable") {
      o.changes.push_back({o.scenario, a.substr(2), value()});
    } else if (a == "--scenario") {
      o.scenario = value();
      if (o.scenario.empty()) throw UsageError("--scenario needs a name");
    } else if (a == "--unit") {
      o.unit = value();
    } else if (a == "--target") {
      o.target = value();
    } else if (a == "--efforts") {
      o.efforts_file = value();
    } else if (a == "--hold") {
      const std::string v = value();
      const auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0) throw UsageError("--hold takes UNIT=PERCENT, got \"" + v + "\"");
      o.hold[v.substr(0, eq)] = number_argument(v.substr(eq + 1), "--hold " + v.substr(0, eq));
    } else if (a == "--survey") {
      o.survey_criteria = true;
    } else if (a == "--draws") {
      o.draws = integer_argument(value(), "--draws");
      if (o.draws < 1 || o.draws > 10'000'000) throw UsageError("--draws takes 1 to 10000000");
    } else if (a == "--seed") {
      const long seed = integer_argument(value(), "--seed");
      if (seed < 0) throw UsageError("--seed takes a whole number of at least 0");
      o.seed = static_cast<unsigned long long>(seed);
    } else if (a == "--survey-error" || a == "--appraisal-range") {
      const double v = number_argument(value(), a);
      if (v < 0 || v > 100) throw UsageError(a + " takes a number from 0 to 100");
      (a == "--survey-error" ? o.survey_error : o.appraisal_range) = v;
    } else if (a == "--versus") {
      o.versus.push_back(value());
    } else if (a == "--sensitivity") {
      o.sensitivity = true;
    } else if (a == "--dossiers") {
      o.dossier_log = value();
    } else if (a == "--by") {
      o.by = value();
    } else if (a == "--late") {
      o.late = true;
    } else if (a == "--strict") {
      o.strict = true;
    } else if (a == "--receipt-day-counts") {
      o.receipt_day_counts = true;
    } else if (a == "--cutoff") {
      std::string v = value();
      if (v.size() != 5 || v[2] != ':' || !isdigit(static_cast<unsigned char>(v[0])) || !isdigit(static_cast<unsigned char>(v[1])) ||
          !isdigit(static_cast<unsigned char>(v[3])) || !isdigit(static_cast<unsigned char>(v[4])) ||
          std::stoi(v.substr(0, 2)) > 23 || std::stoi(v.substr(3)) > 59) {
        throw UsageError("--cutoff takes HH:MM, got \"" + v + "\"");
      }
      o.cutoff_minute = std::stoi(v.substr(0, 2)) * 60 + std::stoi(v.substr(3));
    } else if (a == "--threads") {
      long n = integer_argument(value(), "--threads");
      if (n < 1 || n > 16) throw UsageError("--threads takes 1 to 16");
      o.threads = static_cast<int>(n);
    } else if (a.size() > 1 && a[0] == '-' && !(a[1] >= '0' && a[1] <= '9')) {
      throw UsageError("unknown option " + a);
    } else if (o.command.empty()) {
      o.command = a;
    } else {
      o.args.push_back(a);
    }
  }
  if (o.command.empty()) throw UsageError("no command given");
  return o;
}

struct Command {
  const char* name;
  int (*run)(const Options&);
  bool report = false;  // prints headings for people, in the language --lang names
};

constexpr Command commands[] = {
    {"score", run_score, true},       {"rank", run_rank, true},       {"gaps", run_gaps, true},
    {"calendar", run_calendar},       {"lunar", run_lunar},           {"solar", run_solar},
    {"workdays", run_workdays},       {"plan", run_plan, true},       {"dossiers", run_dossiers},
    {"commitments", run_commitments, true}, {"papi", run_papi},       {"compare", run_compare},
    {"whatif", run_whatif},           {"improve", run_improve},       {"uncertainty", run_uncertainty},
};

int run(const Options& o) {
  for (const auto& c : commands) {
    if (o.command != c.name) continue;
    if (o.lang_given && !c.report) {
      throw UsageError("--lang: " + o.command + " prints the same column names in every language (docs/vocabulary.md); "
                       "--lang sets the headings of score, rank, gaps, plan and commitments");
    }
    return c.run(o);
  }
  throw UsageError("unknown command \"" + o.command + "\"");
}

}  // namespace

Date date_argument(const std::string& text, const std::string& what) {
  try {
    return parse_iso_date(text);
  } catch (const error& e) {
    throw UsageError(what + ": " + e.detail());
  }
}

long integer_argument(const std::string& text, const std::string& what) {
  std::size_t used = 0;
  long v = 0;
  try {
    v = std::stol(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty()) throw UsageError(what + ": \"" + text + "\" is not a whole number");
  return v;
}

double number_argument(const std::string& text, const std::string& what) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v)) {
    throw UsageError(what + ": \"" + text + "\" is not a number");
  }
  return v;
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

WorkCalendar calendar_for(const Options& o, int first_year, int last_year) {
  WorkCalendar calendar = vietnam_calendar(std::max(first_year, 2013), std::min(last_year, lunar_last_year));
  for (const auto& file : o.calendar_files) {
    HolidaySchedule s = load_holidays(file);
    std::erase_if(s.days_off, [&](const DayOff& d) { return !calendar.covers(d.date); });
    std::erase_if(s.working_days, [&](const WorkingDay& w) { return !calendar.covers(w.date); });
    calendar = calendar.with_days_off(s.days_off, calendar.name() + " + " + file)
                   .with_working_days(s.working_days, calendar.name() + " + " + file);
  }
  return calendar;
}

}  // namespace parindex::cli

int main(int argc, char** argv) {
  using namespace parindex::cli;
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
  } catch (...) {
    // One boundary for every command: whatever escaped (a parindex::error, or a dependency's
    // exception such as std::bad_alloc or Boost's bad_year) is reported as a parindex::error,
    // one line, exit status 1. A dependency's is located at the command that met it.
    std::string command = "parindex";
    for (int i = 1; i < argc; ++i) {
      if (argv[i][0] != '-') {
        command = argv[i];
        break;
      }
    }
    try {
      parindex::rethrow_as_error(command);
    } catch (const parindex::error& e) {
      std::cerr << "parindex: error: " << e.what() << "\n";
    }
    return 1;
  }
}
