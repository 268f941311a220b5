// JSON documents: frameworks, assessments and results, each with a schema name and version.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "parindex/calendar/holidays.hpp"
#include "parindex/core/assessment.hpp"
#include "parindex/plans/commitment.hpp"
#include "parindex/core/framework.hpp"
#include "parindex/core/gaps.hpp"
#include "parindex/plans/plan.hpp"
#include "parindex/core/ranking.hpp"
#include "parindex/core/scorecard.hpp"

namespace parindex {

// Schema names written in every document's "schema" member, as "<name>/<version>".
inline constexpr std::string_view framework_schema = "parindex.framework";
inline constexpr std::string_view assessment_schema = "parindex.assessment";
inline constexpr std::string_view scorecard_schema = "parindex.scorecard";
inline constexpr std::string_view ranking_schema = "parindex.ranking";
inline constexpr std::string_view gaps_schema = "parindex.gaps";
inline constexpr std::string_view plan_schema = "parindex.plan";
inline constexpr std::string_view plan_review_schema = "parindex.plan_review";
inline constexpr std::string_view commitment_schema = "parindex.commitment";
inline constexpr std::string_view commitment_review_schema = "parindex.commitment_review";
inline constexpr int current_schema_version = 1;

// Parsing throws parindex::error naming the JSON pointer (and, for syntax errors, line and
// column) and what was expected. `source` names the document in messages, e.g. its path.
Framework framework_from_json(std::string_view text, const std::string& source = "");
Assessment assessment_from_json(std::string_view text, const std::string& source = "");

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

// Serialisation: pretty-printed JSON (indent 2), UTF-8 kept as is. Reading what is written
// gives an equal object back.
std::string to_json(const Framework& framework);
std::string to_json(const Assessment& assessment);
std::string to_json(const Scorecard& scorecard);
std::string to_json(const Ranking& ranking);
std::string to_json(const GapTable& gaps);
std::string to_json(const Plan& plan);
std::string to_json(const PlanReview& review);
std::string to_json(const Commitment& commitment);
std::string to_json(const CommitmentReview& review);

}  // namespace parindex
