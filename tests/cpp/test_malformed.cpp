// The table of malformed documents and logs in tests/malformed/cases.tsv: each must fail with
// its expected error, naming where the problem is (or, for the "ok" kind, read with the counts
// given). The command-line cases in tests/malformed/cli.tsv run through ctest (tests/CMakeLists.txt).
#include <fstream>
#include <sstream>

#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/io/json.hpp"
#include "parindex/core/scorecard.hpp"
#include "test_support.hpp"

using namespace parindex;

namespace {

struct Case {
  std::string file;
  std::string kind;
  std::string expected;
};

std::vector<Case> cases() {
  std::ifstream in(source_path("tests/malformed/cases.tsv"));
  std::vector<Case> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Case c;
    std::getline(fields, c.file, '\t');
    std::getline(fields, c.kind, '\t');
    std::getline(fields, c.expected);
    out.push_back(c);
  }
  return out;
}

error_kind kind_from(const std::string& s) {
  if (s == "document") return error_kind::document;
  if (s == "validation") return error_kind::validation;
  if (s == "argument") return error_kind::argument;
  return error_kind::io;
}

bool has(const std::string& file, const char* part) { return file.find(part) != std::string::npos; }

const WorkCalendar& calendar() {
  static const WorkCalendar cal = vietnam_calendar(2013, 2199);
  return cal;
}

// The counts a log reads with, as the command line prints them.
std::string summary(const DossierMetrics& m) {
  return "read " + std::to_string(m.rows_read) + " = used " + std::to_string(m.rows_used) + " + rejected " +
         std::to_string(m.rows_rejected);
}

// Frameworks, holiday schedules and deadlines are loaded alone; plans and commitments loaded and
// reviewed on the 2013–2199 work calendar; dossier logs read with --strict; assessments
// evaluated against the Lạng Sơn framework. Returns a log's counts (empty for the others).
std::string load(const std::string& file) {
  const std::string path = source_path("tests/malformed/" + file);
  if (has(file, ".framework.")) {
    load_framework(path);
  } else if (has(file, ".holidays.")) {
    load_holidays(path);
  } else if (has(file, ".deadline.")) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const auto spec = deadline_from_json(text.str());
    resolve(spec, calendar(), {{"plan_issued", Date(2024, 3, 1)}}, Date(2024, 1, 1), Date(2025, 12, 31));
  } else if (has(file, ".plan.")) {
    const Plan plan = load_plan(path);
    try {
      validate(plan);
      review(plan, calendar(), plan.period_first);
    } catch (const error& e) {
      throw e.located_in(path + ": ");
    }
  } else if (has(file, ".commitment.")) {
    const Commitment c = load_commitment(path);
    try {
      validate(c);
      review(c, calendar(), Date(2024, 9, 30));
    } catch (const error& e) {
      throw e.located_in(path + ": ");
    }
  } else if (has(file, ".dossiers.")) {
    DossierOptions options;
    options.as_of = Date(2024, 12, 31);
    options.stop_at_first_error = true;
    return summary(read_dossiers(path, calendar(), options));
  } else {
    auto f = load_framework(source_path("data/frameworks/langson-district-2023.json"));
    auto a = load_assessment(path);
    try {
      evaluate(f, a);
    } catch (const error& e) {
      throw e.located_in(path + ": ");
    }
  }
  return {};
}

std::size_t cli_cases() {
  std::ifstream in(source_path("tests/malformed/cli.tsv"));
  std::size_t n = 0;
  std::string line;
  while (std::getline(in, line)) n += !line.empty() && line[0] != '#';
  return n;
}

}  // namespace

// Documents, logs and command lines together: at least 100 bad inputs, each with its message.
TEST(Malformed, CatalogueHasAtLeastAHundredCases) {
  EXPECT_GE(cases().size(), 90u);
  EXPECT_GE(cli_cases(), 20u);
  EXPECT_GE(cases().size() + cli_cases(), 100u);
}

TEST(Malformed, EachFailsWithItsError) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.file);
    if (c.kind == "ok") {
      EXPECT_EQ(load(c.file), c.expected);
    } else {
      EXPECT_PARINDEX_ERROR(load(c.file), kind_from(c.kind), c.expected);
    }
  }
}
