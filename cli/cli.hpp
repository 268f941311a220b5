// Internal: the parts of the parindex command-line tool.
#pragma once

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
};

int run_scoring(const Options& o);   // score, rank, gaps
int run_calendar(const Options& o);  // calendar, lunar, solar, workdays
int run_plan(const Options& o);      // plan
int run_dossiers(const Options& o);  // dossiers
int run_commitments(const Options& o);  // commitments

// Vietnam's calendar over the given years, with the --calendar files composed on top.
WorkCalendar calendar_for(const Options& o, int first_year, int last_year);

Date date_argument(const std::string& text, const std::string& what);
long integer_argument(const std::string& text, const std::string& what);
void print_json_list(const std::vector<std::string>& docs);

}  // namespace parindex::cli
