// Documents of 100,000 criteria read, evaluate and write back in linear time (issue 12). The
// ctest TIMEOUT is the guard: a quadratic step (the JSON reader's once took 76 s on this size)
// fails it by minutes, while the linear path takes about a second even under sanitizers.
#include <gtest/gtest.h>

#include <string>

#include "parindex/core/error.hpp"
#include "parindex/core/scorecard.hpp"
#include "parindex/io/json.hpp"

using namespace parindex;

namespace {

constexpr int fields = 100;
constexpr int per_field = 1000;  // 100,000 leaves in all

std::string framework_text() {
  std::string s = R"({"schema": "parindex.framework/2", "id": "large", "name": "Large", "period": {"from": 2024},
    "legal_source": "generated", "aggregation": "sum", "rounding": {"mode": "round_leaves", "decimals": 2}, "criteria": [)";
  for (int f = 1; f <= fields; ++f) {
    const std::string field = std::to_string(f);
    s += (f > 1 ? "," : "") + std::string(R"({"code": ")") + field + R"(", "title": "Lĩnh vực )" + field +
         R"(", "max": )" + std::to_string(per_field) + "}";
    for (int k = 1; k <= per_field; ++k) {
      const std::string code = field + "." + std::to_string(k);
      s += R"(,{"code": ")" + code + R"(", "parent": ")" + field + R"(", "title": "Tiêu chí )" + code +
           R"(", "max": 1, "rule": {"kind": "yes_no"}})";
    }
  }
  return s + "]}";
}

// Every third criterion met: 333 of each field's 1000.
std::string assessment_text() {
  std::string s = R"({"schema": "parindex.assessment/1", "framework": "large", "unit": {"code": "u", "name": "U"},
    "year": 2024, "criteria": {)";
  for (int f = 1; f <= fields; ++f) {
    for (int k = 1; k <= per_field; ++k) {
      s += (f > 1 || k > 1 ? "," : "") + std::string("\"") + std::to_string(f) + "." + std::to_string(k) +
           R"(": {"value": )" + (k % 3 == 0 ? "true" : "false") + "}";
    }
  }
  return s + "}}";
}

}  // namespace

TEST(LargeDocuments, HundredThousandCriteria) {
  const Framework framework = framework_from_json(framework_text(), "large.json");
  const Assessment assessment = assessment_from_json(assessment_text(), "large-assessment.json");
  const Scorecard card = evaluate(framework, assessment);
  EXPECT_DOUBLE_EQ(card.total(), fields * 333.0);
  EXPECT_DOUBLE_EQ(card.scale_max, fields * per_field * 1.0);
  // Written and read back whole.
  EXPECT_EQ(framework_from_json(to_json(framework)), framework);
  EXPECT_EQ(assessment_from_json(to_json(assessment)), assessment);
}

TEST(LargeDocuments, DuplicateKeyFarIntoALargeObject) {
  std::string text = assessment_text();
  text.insert(text.size() - 2, R"(, "100.1000": {"value": true})");
  try {
    assessment_from_json(text, "large-assessment.json");
    FAIL() << "a duplicate key was accepted";
  } catch (const error& e) {
    EXPECT_NE(std::string(e.what()).find("/criteria/100.1000: the key \"100.1000\" appears twice"), std::string::npos) << e.what();
  }
}
