// Satisfaction surveys on disk: responses as CSV, the design as a JSON document
// (parindex.survey/1, docs/schemas/survey.schema.json). See docs/sipas.md.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "parindex/core/survey.hpp"

namespace parindex {

// Columns `unit,respondent,question,answer` in any order, one row per respondent and question
// (tab-separated when the header holds a tab). An empty answer, or 0, is no answer. The answer
// must be a whole number; its range is checked by aggregate(), which knows the scale. Throws
// parindex::error (document) naming the file, line and column.
std::vector<SurveyResponse> survey_responses_from_text(std::string_view text, const std::string& source = "");
std::vector<SurveyResponse> read_survey_responses(const std::filesystem::path& path);

// A design document; validated as aggregate() would (validate(SurveyDesign)). Throws
// parindex::error naming the file and the JSON pointer.
SurveyDesign survey_design_from_json(std::string_view text, const std::string& source = "");
SurveyDesign read_survey_design(const std::filesystem::path& path);

}  // namespace parindex
