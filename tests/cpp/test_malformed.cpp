// The table of malformed documents in tests/malformed/cases.tsv: each must fail with its
// expected error, naming where the problem is.
#include <fstream>
#include <sstream>

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

// Frameworks are loaded alone; assessments are evaluated against the Lạng Sơn framework.
void load(const std::string& file) {
  const std::string path = source_path("tests/malformed/" + file);
  if (file.find(".framework.") != std::string::npos) {
    load_framework(path);
  } else {
    auto f = load_framework(source_path("data/frameworks/langson-district-2023.json"));
    auto a = load_assessment(path);
    try {
      evaluate(f, a);
    } catch (const error& e) {
      throw e.located_in(path + ": ");
    }
  }
}

}  // namespace

TEST(Malformed, TableHasAtLeastThirtyCases) { EXPECT_GE(cases().size(), 30u); }

TEST(Malformed, EachFailsWithItsError) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.file);
    EXPECT_PARINDEX_ERROR(load(c.file), kind_from(c.kind), c.expected);
  }
}
