// A framework: the criteria tree of one index for one period, with its scoring rules.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parindex/core/criterion_code.hpp"
#include "parindex/core/rounding.hpp"
#include "parindex/core/scoring_rule.hpp"

namespace parindex {

enum class IndexKind { par_index, sipas, papi, pci, dti, custom };
const char* to_string(IndexKind kind) noexcept;
std::optional<IndexKind> index_kind_from_string(std::string_view text) noexcept;

// Where a criterion's points come from.
enum class PointSource { assessment, survey };
const char* to_string(PointSource source) noexcept;
std::optional<PointSource> point_source_from_string(std::string_view text) noexcept;

// How a parent's points come from its children's (and the total from the fields'). Children
// that are not applicable drop out of both the points and the maximum.
enum class Aggregation {
  sum,            // PAR INDEX: points add up, and so do maxima
  weighted_sum,   // Σ weight × points; the maximum is Σ weight × the children's maxima
  mean,           // the mean of the children's points (survey indices); the maximum, of their maxima
  weighted_mean,  // Σ weight × points ÷ Σ weight; the maximum likewise
};
const char* to_string(Aggregation aggregation) noexcept;
std::optional<Aggregation> aggregation_from_string(std::string_view text) noexcept;
// A parent's maximum from its children's (weights used only by the weighted methods).
double aggregate_max(Aggregation method, std::span<const double> maxima, std::span<const double> weights);

class EvaluationPlan;

// The most points any node, bonus or cap may carry: far above any published scale, and low
// enough that sums of many nodes stay exact at six decimals.
inline constexpr double max_points_limit = 1'000'000;

// The assessment years a framework applies to; last_year empty while it is in force.
struct YearRange {
  int first_year = 0;
  std::optional<int> last_year;

  bool ok() const noexcept {
    return first_year >= 1900 && first_year <= 2999 && (!last_year || *last_year >= first_year);
  }
  bool contains(int year) const noexcept {
    return year >= first_year && (!last_year || year <= *last_year);
  }
  friend bool operator==(const YearRange&, const YearRange&) = default;
};

// One node of the tree: a field (lĩnh vực), criterion (tiêu chí) or sub-criterion.
struct Criterion {
  CriterionCode code;
  std::string title;     // Vietnamese, as published
  std::string title_en;  // optional
  double max_points = 0;
  double weight = 1;  // under a weighted aggregation: the node's weight among its siblings
  PointSource source = PointSource::assessment;
  std::optional<ScoringRule> rule;  // leaves only; none: scored by the appraised/self score
  std::string evidence;             // what proves the score (tài liệu kiểm chứng)
  std::string lead_agency;          // default lead agency (cơ quan chủ trì tham mưu)
  // The node it hangs under. Empty: the code's own parent (6.1.4 → 6.1), or none for a
  // field. Set it only to hang a node under a further ancestor, as an excerpt must when the
  // source lists 1.6.2 without 1.6.
  std::optional<CriterionCode> parent;

  friend bool operator==(const Criterion&, const Criterion&) = default;
};

// Points outside the 100-point scale, each capped, with a cap on their total.
struct Adjustment {
  enum class Kind { bonus, penalty };
  std::string id;
  std::string title;
  Kind kind = Kind::bonus;
  double max_points = 0;
  friend bool operator==(const Adjustment&, const Adjustment&) = default;
};
const char* to_string(Adjustment::Kind kind) noexcept;

struct FrameworkInfo {
  std::string id;            // "langson-district-2023"
  std::string name;          // Vietnamese name
  IndexKind index = IndexKind::par_index;
  YearRange period;
  std::string legal_source;  // "Decision 1926/QĐ-UBND of 05/12/2022, Lạng Sơn"
  std::string notes;         // provenance, caveats
  RoundingPolicy rounding;
  Aggregation aggregation = Aggregation::sum;
  double bonus_cap = 0;      // the most bonus points counted in total
  double penalty_cap = 0;    // the most penalty points deducted in total
  friend bool operator==(const FrameworkInfo&, const FrameworkInfo&) = default;
};

// An immutable, validated criteria tree. Construction checks everything and throws
// parindex::error (validation) naming the criterion code and the problem.
class Framework {
 public:
  Framework(FrameworkInfo info, std::vector<Criterion> criteria,
            std::vector<Adjustment> adjustments = {});

  const FrameworkInfo& info() const noexcept { return info_; }
  const std::string& id() const noexcept { return info_.id; }

  // All nodes in tree order (each node before its children, siblings by code).
  std::span<const Criterion> criteria() const noexcept { return criteria_; }
  std::span<const Adjustment> adjustments() const noexcept { return adjustments_; }

  std::optional<std::size_t> find(const CriterionCode& code) const noexcept;
  const Criterion& at(const CriterionCode& code) const;  // throws when absent
  const Adjustment* find_adjustment(const std::string& id) const noexcept;

  std::optional<std::size_t> parent_of(std::size_t index) const noexcept { return parents_[index]; }
  std::span<const std::size_t> children_of(std::size_t index) const noexcept { return children_[index]; }
  std::span<const std::size_t> fields() const noexcept { return roots_; }
  bool is_leaf(std::size_t index) const noexcept { return children_[index].empty(); }
  std::size_t depth_of(std::size_t index) const noexcept;
  // The lead agency of a node, or of its nearest ancestor that names one.
  const std::string& lead_agency_of(std::size_t index) const noexcept;

  double total_max() const noexcept { return total_max_; }

  // The framework compiled for the evaluation kernel; shared by copies, never changed.
  const EvaluationPlan& plan() const noexcept { return *plan_; }

  friend bool operator==(const Framework& a, const Framework& b) {
    return a.info_ == b.info_ && a.criteria_ == b.criteria_ && a.adjustments_ == b.adjustments_;
  }

 private:
  FrameworkInfo info_;
  std::vector<Criterion> criteria_;
  std::vector<Adjustment> adjustments_;
  std::vector<std::optional<std::size_t>> parents_;
  std::vector<std::vector<std::size_t>> children_;
  std::vector<std::size_t> roots_;
  double total_max_ = 0;
  std::map<CriterionCode, std::size_t> index_;
  std::shared_ptr<const EvaluationPlan> plan_;
};

}  // namespace parindex
