// Internal: the parts of the parindex command-line tool.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "parindex/parindex.hpp"
#include "tables.hpp"

namespace parindex::cli {

// A bad command line: exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Options {
  std::string command;
  std::vector<std::string> args;  // positional arguments after the command
  Format format = Format::table;
  Language lang = Language::vi;  // --lang: headings of the reports (score, rank, gaps, plan, commitments)
  bool lang_given = false;
  bool explain = false;
  Grouping grouping;
  std::optional<int> tie_decimals;
  std::optional<Date> as_of;
  int within_days = 14;
  std::vector<std::string> calendar_files;
  EventDates events;
  // dossiers
  std::string by;
  bool late = false;
  bool strict = false;
  bool receipt_day_counts = false;
  std::optional<int> cutoff_minute;
  int threads = 2;
  std::string dossier_log;  // score, commitments: --dossiers
  std::string why;          // score: --why CODE
  std::optional<int> year;  // papi: --year
  std::optional<int> from_year, to_year;  // compare: --from, --to
  std::string units_file;   // compare: --units
  bool across_mergers = false;
  std::string mapping_file;  // compare: --mapping
  // improve, whatif, uncertainty
  std::string unit;             // --unit
  std::string target;           // --target
  std::string efforts_file;     // --efforts
  bool survey_criteria = false; // --survey
  std::map<std::string, double> hold;  // --hold UNIT=PERCENT
  struct Change {
    std::string scenario;  // --scenario in force, or "" for the first
    std::string kind;      // --set, --appraise, --not-applicable
    std::string text;
  };
  std::vector<Change> changes;
  std::string scenario;         // the scenario the next changes belong to
  long draws = 1000;            // --draws
  unsigned long long seed = 1;  // --seed
  double survey_error = 0;      // --survey-error: standard error of survey indices, in points of %
  double appraisal_range = 0;   // --appraisal-range: ± points of appraised scores
  std::vector<std::string> versus;  // --versus
  bool sensitivity = false;     // --sensitivity
};

// The commands, one file each (name_command.cpp); main.cpp holds the table of them.
int run_score(const Options& o);
int run_rank(const Options& o);
int run_gaps(const Options& o);
int run_calendar(const Options& o);
int run_lunar(const Options& o);
int run_solar(const Options& o);
int run_workdays(const Options& o);
int run_plan(const Options& o);
int run_dossiers(const Options& o);
int run_commitments(const Options& o);
int run_papi(const Options& o);
int run_compare(const Options& o);
int run_whatif(const Options& o);
int run_improve(const Options& o);
int run_uncertainty(const Options& o);

// PAPI's structure for the year: the shipped framework whose period holds it.
Framework papi_framework(int year);

// score, rank and gaps: the framework's scorecard of each assessment argument, with the
// dossier log's metrics when --dossiers is given.
struct Scored {
  std::vector<Scorecard> cards;
  std::optional<DossierMetrics> dossiers;
};
Scored score_arguments(const Options& o);
// improve, whatif and uncertainty: the framework and the assessments, in argument order.
struct Assessed {
  Framework framework;
  std::vector<Assessment> assessments;
};
Assessed assessment_arguments(const Options& o);
RankOptions rank_options(const Options& o);
std::string unit_heading(const UnitRef& unit, const std::string& framework, int year);

// lunar and solar
LunarDate lunar_argument(const std::string& text);
std::string describe_lunar(const LunarDate& date);
// Both, in the format asked for: date, lunar, year, month, day, leap, description.
void print_lunar(const Options& o, const Date& date, const LunarDate& lunar);

// Vietnam's calendar over the given years, with the --calendar files composed on top.
WorkCalendar calendar_for(const Options& o, int first_year, int last_year);

Date date_argument(const std::string& text, const std::string& what);
long integer_argument(const std::string& text, const std::string& what);
double number_argument(const std::string& text, const std::string& what);
void print_json_list(const std::vector<std::string>& docs);

}  // namespace parindex::cli
