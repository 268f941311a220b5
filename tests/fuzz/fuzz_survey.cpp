// Survey responses (CSV) aggregated under a fixed design: every answer read is used or a no-answer.
#include "fuzz_support.hpp"
#include "parindex/io/survey_csv.hpp"

namespace {

const parindex::SurveyDesign& design() {
  static const parindex::SurveyDesign d = parindex::survey_design_from_json(R"json({"schema": "parindex.survey/1",
    "id": "s", "name": "s", "elements": [{"name": "a", "questions": [{"id": "q1", "text": "Q1"}, {"id": "q2", "text": "Q2"}]}]})json");
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_one(data, size, [](std::string_view text) {
    const auto responses = parindex::survey_responses_from_text(text);
    const auto results = parindex::aggregate(design(), responses);
    FUZZ_CHECK(results.rows_read == results.answers_used + results.no_answers);
  });
}
