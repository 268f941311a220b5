// Satisfaction surveys: SIPAS, and the SIPAS-style surveys provinces run of their departments
// and communes. Answers on a 1..scale_max scale are aggregated per unit into the share of
// satisfied answers per question, per element and overall, each with a confidence interval
// (the survey is a sample) and a flag when too few people answered.
//
// The Ministry of Home Affairs' formula (Decision 1001/QĐ-BNV of 11/12/2023) could not be
// established (docs/research/papi-sipas.md §5.3), so every way it might aggregate is an
// explicit option here, documented in docs/sipas.md, never a silent guess.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parindex {

struct SurveyQuestion {
  std::string id;       // "TC1"
  std::string element;  // one of SurveyDesign::elements
  std::string text;
  friend bool operator==(const SurveyQuestion&, const SurveyQuestion&) = default;
};

// A question's index. Only the share of satisfied answers is offered: the published SIPAS
// figures are shares ("82.66% satisfied"); the enum names the choice so documents state it.
enum class QuestionIndex { share_satisfied };
// An element's index: the mean of its questions' shares, or the share over all its answers
// together (questions with more answers weigh more).
enum class ElementIndex { mean_of_questions, pooled };
// The overall index: the mean of the elements' indices, or the share over all answers. The
// 2023 overall (82.66%) is not the plain mean of its five elements (82.89%), research §5.3.
enum class OverallIndex { mean_of_elements, pooled };

std::string to_string(QuestionIndex v);
std::string to_string(ElementIndex v);
std::string to_string(OverallIndex v);
std::optional<QuestionIndex> question_index_from_string(std::string_view s);
std::optional<ElementIndex> element_index_from_string(std::string_view s);
std::optional<OverallIndex> overall_index_from_string(std::string_view s);

struct SurveyOptions {
  QuestionIndex question_index = QuestionIndex::share_satisfied;
  ElementIndex element_index = ElementIndex::mean_of_questions;
  OverallIndex overall_index = OverallIndex::mean_of_elements;
  // Fewer respondents than this flag a result too_few; it is still given.
  int min_responses = 30;
  double confidence = 0.95;  // of the intervals, in (0, 1)
  friend bool operator==(const SurveyOptions&, const SurveyOptions&) = default;
};

struct SurveyDesign {
  std::string id, name;
  std::vector<std::string> elements;  // in order, e.g. SIPAS's five
  std::vector<SurveyQuestion> questions;
  int scale_max = 5;       // answers are 1..scale_max
  int satisfied_from = 4;  // answers >= this count as satisfied
  SurveyOptions options;
  std::string notes;  // provenance, and which choices are assumptions
  friend bool operator==(const SurveyDesign&, const SurveyDesign&) = default;
};

// Throws parindex::error (validation) naming the design and what is wrong: no elements, an
// element twice or without questions, a question twice or of an unknown element, a scale
// below 2 levels, satisfied_from outside 1..scale_max, min_responses < 1, confidence outside (0, 1).
void validate(const SurveyDesign& design);

// One answer of one respondent. Respondents are identified within their unit.
struct SurveyResponse {
  std::string unit;
  std::string respondent;
  std::string question;
  int answer = 0;  // 1..scale_max; 0: no answer (counted as read, not as a response)
  friend bool operator==(const SurveyResponse&, const SurveyResponse&) = default;
};

// One row of results: a unit's question, element (question empty) or overall (both empty).
struct SurveyRow {
  std::string unit;
  std::string element;
  std::string question;
  std::size_t respondents = 0;  // distinct respondents with an answer here; decides too_few
  std::size_t responses = 0;    // answers counted (no-answers excluded)
  std::size_t satisfied = 0;    // answers >= satisfied_from
  std::optional<double> index;  // %, empty when nobody answered (never NaN)
  std::optional<double> ci_low, ci_high;  // %, the interval at the options' confidence
  bool too_few = false;                   // respondents < min_responses
};

struct SurveyResults {
  std::string design_id;
  SurveyOptions options;
  std::vector<std::string> units;   // sorted
  std::vector<SurveyRow> questions;  // unit by unit, questions in design order
  std::vector<SurveyRow> elements;   // unit by unit, elements in design order
  std::vector<SurveyRow> overall;    // one per unit
  std::size_t rows_read = 0;         // = answers_used + no_answers
  std::size_t answers_used = 0;
  std::size_t no_answers = 0;

  const SurveyRow* find_overall(const std::string& unit) const;
  const SurveyRow* find_element(const std::string& unit, const std::string& element) const;
  const SurveyRow* find_question(const std::string& unit, const std::string& question) const;
};

// Aggregates strictly: the first response with an unknown question, an answer outside
// 0..scale_max, or a (unit, respondent, question) seen before throws parindex::error
// (validation) naming unit, respondent and question. The design is validated first.
SurveyResults aggregate(const SurveyDesign& design, std::span<const SurveyResponse> responses);

// A unit's overall index in %, to feed a criterion such as PAR INDEX's survey_index (Bắc Sơn's
// field 9: index × 20 / 100). Empty when nobody in the unit answered; too_few is not hidden
// here either, check the row. Throws parindex::error (argument) for a unit not in the results.
std::optional<double> overall_index(const SurveyResults& results, const std::string& unit);

// The two-sided normal quantile for a confidence level: 1.959963984540054 for 0.95.
double normal_quantile_two_sided(double confidence);

// Wilson's score interval for `satisfied` of `n`, as fractions in [0, 1]; n > 0.
std::pair<double, double> wilson_interval(std::size_t satisfied, std::size_t n, double z);

}  // namespace parindex
