// An assessment: what one unit reports and what the appraisal council decided, for one year.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parindex/core/criterion_code.hpp"
#include "parindex/core/scoring_rule.hpp"

namespace parindex {

struct UnitRef {
  std::string code;   // "bac-son"
  std::string name;   // "Huyện Bắc Sơn"
  std::string level;  // "province", "department", "district", "commune", ...
  friend bool operator==(const UnitRef&, const UnitRef&) = default;
};

// A criterion's input taken from a dossier log instead of written in: a dossier metric
// (on_time_rate, fully_online_share, paid_online_share, digitised_share, apology_coverage) over
// the log's units, optionally of one level or one unit, aggregated across them.
struct DossierBinding {
  enum class Aggregate {
    all,  // the metric over every matching dossier (7.2: the share of dossiers fully online)
    min,  // the lowest of the matching units (3.5.3: the commune with the worst on-time rate)
    max,  // the highest of the matching units
  };
  std::string metric;
  std::string level;  // "", "province", "district" or "commune"
  std::string unit;   // "" for every unit
  Aggregate aggregate = Aggregate::all;
  friend bool operator==(const DossierBinding&, const DossierBinding&) = default;
};

// What is known about one criterion. The score is decided by the first of: not applicable,
// the appraised score, the rule applied to `value`, the self-assessed score.
struct CriterionEntry {
  std::optional<InputValue> value;     // input to the criterion's scoring rule
  std::optional<DossierBinding> from_dossiers;  // or the input, taken from a dossier log
  std::optional<double> self_score;    // tự đánh giá
  std::optional<double> appraised_score;  // thẩm định
  std::vector<std::string> evidence;   // references to tài liệu kiểm chứng
  std::string cause;                   // nguyên nhân chưa đạt điểm
  bool not_applicable = false;         // leaves both the score and the maximum
  std::string note;
  // Where `value` came from when a layer above set it (a dossier log): shown before the
  // rule's reason, with the units whose data decided it. Not part of the document.
  std::string provenance;
  std::vector<std::string> provenance_units;
  friend bool operator==(const CriterionEntry&, const CriterionEntry&) = default;
};

struct Assessment {
  std::string framework_id;
  UnitRef unit;
  int year = 0;
  std::string notes;  // provenance: "published, Decision 102/QĐ-UBND" or "invented"
  std::map<CriterionCode, CriterionEntry> entries;
  std::map<std::string, double> adjustments;  // bonus/penalty id → points claimed
  friend bool operator==(const Assessment&, const Assessment&) = default;
};

}  // namespace parindex
