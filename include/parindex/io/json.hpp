// JSON documents: frameworks, assessments and results, each with a schema name and version.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "parindex/calendar/holidays.hpp"
#include "parindex/core/assessment.hpp"
#include "parindex/plans/commitment.hpp"
#include "parindex/core/framework.hpp"
#include "parindex/core/gaps.hpp"
#include "parindex/core/improvement.hpp"
#include "parindex/core/scenario.hpp"
#include "parindex/core/uncertainty.hpp"
#include "parindex/plans/plan.hpp"
#include "parindex/core/ranking.hpp"
#include "parindex/core/scorecard.hpp"
#include "parindex/core/units.hpp"
#include "parindex/dossiers/dossier_log.hpp"

namespace parindex {

// A document type: the name in its "schema" member and the version this library writes.
// Older versions are upgraded on load, one registered step at a time (src/io/upgrades.cpp);
// newer ones are refused with a message saying so.
struct DocumentSchema {
  std::string_view name;
  int version;
  std::string tag() const { return std::string(name) + "/" + std::to_string(version); }
};
inline constexpr DocumentSchema framework_schema{"parindex.framework", 2};
inline constexpr DocumentSchema assessment_schema{"parindex.assessment", 1};
inline constexpr DocumentSchema scorecard_schema{"parindex.scorecard", 1};
inline constexpr DocumentSchema ranking_schema{"parindex.ranking", 1};
inline constexpr DocumentSchema gaps_schema{"parindex.gaps", 1};
inline constexpr DocumentSchema plan_schema{"parindex.plan", 1};
inline constexpr DocumentSchema plan_review_schema{"parindex.plan_review", 1};
inline constexpr DocumentSchema commitment_schema{"parindex.commitment", 1};
inline constexpr DocumentSchema commitment_review_schema{"parindex.commitment_review", 1};
inline constexpr DocumentSchema holidays_schema{"parindex.holidays", 1};
inline constexpr DocumentSchema units_schema{"parindex.units", 1};
inline constexpr DocumentSchema survey_schema{"parindex.survey", 1};  // io/survey_csv.hpp
inline constexpr DocumentSchema improvement_schema{"parindex.improvement", 1};
inline constexpr DocumentSchema whatif_schema{"parindex.whatif", 1};
inline constexpr DocumentSchema uncertainty_schema{"parindex.uncertainty", 1};

// Parsing throws parindex::error naming the JSON pointer (and, for syntax errors, line and
// column) and what was expected. `source` names the document in messages, e.g. its path.
Framework framework_from_json(std::string_view text, const std::string& source = "");
Assessment assessment_from_json(std::string_view text, const std::string& source = "");

// One criterion's input as an assessment writes it: true, 84.59, "tốt", {"current": 3,
// "previous": 2}, {"actual": 1, "target": 6} or {"occurrences": {"minor": 2}}. `where` prefixes errors.
InputValue input_from_json(std::string_view text, const std::string& where = "");

Plan plan_from_json(std::string_view text, const std::string& source = "");
// A deadline specification alone, in the form plans use ({"kind": "quarterly", "day": 12}).
DeadlineSpec deadline_from_json(std::string_view text);
std::string to_json(const DeadlineSpec& spec);

Framework load_framework(const std::filesystem::path& path);
Plan load_plan(const std::filesystem::path& path);
Commitment commitment_from_json(std::string_view text, const std::string& source = "");
Commitment load_commitment(const std::filesystem::path& path);
Assessment load_assessment(const std::filesystem::path& path);
// A holiday schedule (data/calendars/vn/2024.json is one).
HolidaySchedule holidays_from_json(std::string_view text, const std::string& source = "");
HolidaySchedule load_holidays(const std::filesystem::path& path);
// A registry of administrative units valid by period (data/units/vn-provinces.json).
UnitRegistry units_from_json(std::string_view text, const std::string& source = "");
UnitRegistry load_units(const std::filesystem::path& path);

// Serialisation: pretty-printed JSON (indent 2), UTF-8 kept as is. Reading what is written
// gives an equal object back.
std::string to_json(const Framework& framework);
std::string to_json(const Assessment& assessment);
std::string to_json(const Scorecard& scorecard);
std::string to_json(const Ranking& ranking);
std::string to_json(const GapTable& gaps);
std::string to_json(const ImprovementPlan& plan);
std::string to_json(std::span<const ScenarioResult> scenarios);
std::string to_json(const UncertaintyResult& result);
std::string to_json(const Plan& plan);
std::string to_json(const PlanReview& review);
std::string to_json(const Commitment& commitment);
std::string to_json(const CommitmentReview& review);
// Dossier metrics as `parindex dossiers --format json` prints them: as_of, group_by, rows, groups, all.
std::string to_json(const DossierMetrics& metrics, const Date& as_of);

}  // namespace parindex
