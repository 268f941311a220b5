#include "parindex/core/survey.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "parindex/core/error.hpp"

namespace parindex {

namespace {

[[noreturn]] void invalid(const std::string& where, const std::string& detail) {
  throw error(error_kind::validation, where, detail);
}

template <class Enum>
std::optional<Enum> enum_from(std::string_view s, std::initializer_list<Enum> values) {
  for (Enum v : values) {
    if (s == to_string(v)) return v;
  }
  return std::nullopt;
}

// One unit's answers, counted as they are read.
struct QuestionTally {
  std::size_t responses = 0, satisfied = 0;
};
struct UnitTally {
  std::vector<QuestionTally> questions;
  std::vector<std::set<std::string>> element_respondents;
  std::set<std::string> respondents;  // with at least one answer
  std::set<std::pair<std::string, std::size_t>> seen;  // (respondent, question), to refuse duplicates
};

// A share or a mean of shares as a fraction, with the variance of the estimate, so a mean
// over parts can combine the parts' variances.
struct Estimate {
  double share = 0;
  double variance = 0;
};

double clamp01(double x) { return std::min(1.0, std::max(0.0, x)); }

// The share of satisfied answers with Wilson's score interval: it stays inside [0, 1] and does
// not collapse to a point at 0% or 100%, unlike the normal (Wald) interval, which matters for
// the small samples of commune surveys.
Estimate share_row(SurveyRow& row, double z) {
  if (row.responses == 0) return {};
  const double n = static_cast<double>(row.responses);
  const double p = static_cast<double>(row.satisfied) / n;
  auto [low, high] = wilson_interval(row.satisfied, row.responses, z);
  row.index = 100 * p;
  row.ci_low = 100 * low;
  row.ci_high = 100 * high;
  return {p, p * (1 - p) / n};
}

// The mean of the parts' shares. Its interval is a normal approximation: the variance of a
// mean of k independent estimates is the sum of their variances over k². Answers of one
// respondent to several questions are correlated in practice, so this understates the width
// somewhat (docs/sipas.md); parts nobody answered are left out of the mean.
Estimate mean_row(SurveyRow& row, const std::vector<std::optional<Estimate>>& parts, double z) {
  double sum = 0, variance = 0;
  std::size_t k = 0;
  for (const auto& e : parts) {
    if (!e) continue;
    sum += e->share;
    variance += e->variance;
    ++k;
  }
  if (k == 0) return {};
  const double mean = sum / static_cast<double>(k);
  variance /= static_cast<double>(k * k);
  const double half = z * std::sqrt(variance);
  row.index = 100 * mean;
  row.ci_low = 100 * clamp01(mean - half);
  row.ci_high = 100 * clamp01(mean + half);
  return {mean, variance};
}

std::optional<Estimate> present(const SurveyRow& row, Estimate e) {
  return row.index ? std::optional<Estimate>(e) : std::nullopt;
}

class Aggregator {
 public:
  explicit Aggregator(const SurveyDesign& d) : design_(d) {
    for (std::size_t i = 0; i < d.elements.size(); ++i) element_of_name_[d.elements[i]] = i;
    for (std::size_t i = 0; i < d.questions.size(); ++i) {
      question_of_id_[d.questions[i].id] = i;
      element_of_question_.push_back(element_of_name_.at(d.questions[i].element));
    }
  }

  void add(const SurveyResponse& r) {
    const std::string where = "unit " + r.unit + ", respondent " + r.respondent + ", question " + r.question;
    if (r.unit.empty()) invalid(where, "the unit is empty");
    if (r.respondent.empty()) invalid(where, "the respondent is empty");
    auto q = question_of_id_.find(r.question);
    if (q == question_of_id_.end()) invalid(where, "not a question of survey " + design_.id);
    if (r.answer < 0 || r.answer > design_.scale_max) {
      invalid(where, "answer " + std::to_string(r.answer) + " is outside 1.." + std::to_string(design_.scale_max) +
                         " (0 for no answer)");
    }
    UnitTally& unit = tally(r.unit);
    if (!unit.seen.emplace(r.respondent, q->second).second) invalid(where, "answered twice");
    if (r.answer == 0) return;
    QuestionTally& t = unit.questions[q->second];
    ++t.responses;
    if (r.answer >= design_.satisfied_from) ++t.satisfied;
    unit.element_respondents[element_of_question_[q->second]].insert(r.respondent);
    unit.respondents.insert(r.respondent);
  }

  SurveyResults finish(std::size_t rows_read) const {
    SurveyResults out;
    out.design_id = design_.id;
    out.options = design_.options;
    out.rows_read = rows_read;
    const double z = normal_quantile_two_sided(design_.options.confidence);
    for (const auto& [unit, counts] : units_) {
      out.units.push_back(unit);
      add_unit(out, unit, counts, z);
    }
    for (const auto& row : out.questions) out.answers_used += row.responses;
    out.no_answers = rows_read - out.answers_used;
    return out;
  }

 private:
  UnitTally& tally(const std::string& unit) {
    auto [it, added] = units_.try_emplace(unit);
    if (added) {
      it->second.questions.resize(design_.questions.size());
      it->second.element_respondents.resize(design_.elements.size());
    }
    return it->second;
  }

  SurveyRow row(const std::string& unit, std::string element, std::string question, std::size_t respondents) const {
    SurveyRow r;
    r.unit = unit;
    r.element = std::move(element);
    r.question = std::move(question);
    r.respondents = respondents;
    r.too_few = respondents < static_cast<std::size_t>(design_.options.min_responses);
    return r;
  }

  void add_unit(SurveyResults& out, const std::string& unit, const UnitTally& t, double z) const {
    std::vector<std::optional<Estimate>> question_estimates;
    for (std::size_t q = 0; q < design_.questions.size(); ++q) {
      const SurveyQuestion& question = design_.questions[q];
      SurveyRow r = row(unit, question.element, question.id, t.questions[q].responses);
      r.responses = t.questions[q].responses;
      r.satisfied = t.questions[q].satisfied;
      question_estimates.push_back(present(r, share_row(r, z)));
      out.questions.push_back(std::move(r));
    }
    const std::size_t first_question = out.questions.size() - design_.questions.size();
    std::vector<std::optional<Estimate>> element_estimates;
    SurveyRow all = row(unit, "", "", t.respondents.size());
    for (std::size_t e = 0; e < design_.elements.size(); ++e) {
      SurveyRow r = row(unit, design_.elements[e], "", t.element_respondents[e].size());
      std::vector<std::optional<Estimate>> parts;
      for (std::size_t q = 0; q < design_.questions.size(); ++q) {
        if (element_of_question_[q] != e) continue;
        r.responses += out.questions[first_question + q].responses;
        r.satisfied += out.questions[first_question + q].satisfied;
        parts.push_back(question_estimates[q]);
      }
      all.responses += r.responses;
      all.satisfied += r.satisfied;
      const Estimate est = design_.options.element_index == ElementIndex::pooled ? share_row(r, z) : mean_row(r, parts, z);
      element_estimates.push_back(present(r, est));
      out.elements.push_back(std::move(r));
    }
    if (design_.options.overall_index == OverallIndex::pooled) share_row(all, z);
    else mean_row(all, element_estimates, z);
    out.overall.push_back(std::move(all));
  }

  const SurveyDesign& design_;
  std::map<std::string, std::size_t> element_of_name_, question_of_id_;
  std::vector<std::size_t> element_of_question_;
  std::map<std::string, UnitTally> units_;  // sorted by unit
};

const SurveyRow* find_row(const std::vector<SurveyRow>& rows, const std::string& unit, const std::string& element,
                          const std::string& question) {
  for (const auto& r : rows) {
    if (r.unit == unit && r.element == element && r.question == question) return &r;
  }
  return nullptr;
}

}  // namespace

std::string to_string(QuestionIndex) { return "share_satisfied"; }
std::string to_string(ElementIndex v) { return v == ElementIndex::pooled ? "pooled" : "mean_of_questions"; }
std::string to_string(OverallIndex v) { return v == OverallIndex::pooled ? "pooled" : "mean_of_elements"; }

std::optional<QuestionIndex> question_index_from_string(std::string_view s) {
  return enum_from(s, {QuestionIndex::share_satisfied});
}
std::optional<ElementIndex> element_index_from_string(std::string_view s) {
  return enum_from(s, {ElementIndex::mean_of_questions, ElementIndex::pooled});
}
std::optional<OverallIndex> overall_index_from_string(std::string_view s) {
  return enum_from(s, {OverallIndex::mean_of_elements, OverallIndex::pooled});
}

void validate(const SurveyDesign& d) {
  const std::string where = "survey " + d.id;
  if (d.elements.empty()) invalid(where, "has no elements");
  if (d.scale_max < 2) invalid(where, "scale_max must be at least 2, got " + std::to_string(d.scale_max));
  if (d.satisfied_from < 1 || d.satisfied_from > d.scale_max) {
    invalid(where, "satisfied_from must be in 1.." + std::to_string(d.scale_max) + ", got " + std::to_string(d.satisfied_from));
  }
  if (d.options.min_responses < 1) invalid(where, "min_responses must be at least 1");
  if (!(d.options.confidence > 0 && d.options.confidence < 1)) invalid(where, "confidence must be between 0 and 1, exclusive");
  std::map<std::string, std::size_t> questions_of;
  for (const auto& e : d.elements) {
    if (e.empty()) invalid(where, "an element has an empty name");
    if (!questions_of.emplace(e, 0).second) invalid(where + ", element " + e, "appears twice");
  }
  std::set<std::string> ids;
  for (const auto& q : d.questions) {
    if (q.id.empty()) invalid(where, "a question has an empty id");
    if (!ids.insert(q.id).second) invalid(where + ", question " + q.id, "appears twice");
    auto e = questions_of.find(q.element);
    if (e == questions_of.end()) invalid(where + ", question " + q.id, "its element \"" + q.element + "\" is not among the elements");
    ++e->second;
  }
  for (const auto& [element, count] : questions_of) {
    if (count == 0) invalid(where + ", element " + element, "has no questions");
  }
}

SurveyResults aggregate(const SurveyDesign& design, std::span<const SurveyResponse> responses) {
  validate(design);
  Aggregator a(design);
  for (const auto& r : responses) a.add(r);
  return a.finish(responses.size());
}

const SurveyRow* SurveyResults::find_overall(const std::string& unit) const { return find_row(overall, unit, "", ""); }

const SurveyRow* SurveyResults::find_element(const std::string& unit, const std::string& element) const {
  return find_row(elements, unit, element, "");
}

const SurveyRow* SurveyResults::find_question(const std::string& unit, const std::string& question) const {
  for (const auto& r : questions) {
    if (r.unit == unit && r.question == question) return &r;
  }
  return nullptr;
}

std::optional<double> overall_index(const SurveyResults& results, const std::string& unit) {
  const SurveyRow* row = results.find_overall(unit);
  if (!row) throw error(error_kind::argument, "unit " + unit, "has no responses in survey " + results.design_id);
  return row->index;
}

double normal_quantile_two_sided(double confidence) {
  if (!(confidence > 0 && confidence < 1)) throw error(error_kind::argument, "confidence", "must be between 0 and 1, exclusive");
  // Bisection on Φ(x) = erfc(−x/√2)/2: exact to the last bit in a few dozen steps, and no
  // dependency for core.
  const double target = 1 - (1 - confidence) / 2;
  double lo = 0, hi = 40;
  for (int i = 0; i < 200 && hi - lo > 0; ++i) {
    const double mid = (lo + hi) / 2;
    if (mid == lo || mid == hi) break;
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < target ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

std::pair<double, double> wilson_interval(std::size_t satisfied, std::size_t n, double z) {
  if (n == 0 || satisfied > n) throw error(error_kind::argument, "wilson_interval", "needs 0 <= satisfied <= n and n > 0");
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(satisfied) / nn;
  const double z2 = z * z;
  const double denominator = 1 + z2 / nn;
  const double centre = (p + z2 / (2 * nn)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  return {clamp01(centre - half), clamp01(centre + half)};
}

}  // namespace parindex
