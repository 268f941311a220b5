#include "parindex/io/survey_csv.hpp"

#include <array>
#include <optional>

#include "csv.hpp"
#include "strict_reader.hpp"

namespace parindex {

namespace {

[[noreturn]] void bad_cell(const std::string& where, const std::string& detail) {
  throw error(error_kind::document, where, detail);
}

constexpr std::array<std::string_view, 4> response_columns{"unit", "respondent", "question", "answer"};

// Where each of the four columns is, from the header.
std::array<std::size_t, 4> response_layout(const std::vector<std::string>& header, const std::string& where) {
  std::array<std::optional<std::size_t>, 4> found;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::size_t k = 0;
    while (k < response_columns.size() && header[i] != response_columns[k]) ++k;
    const std::string at = where + ", column " + std::to_string(i + 1);
    if (k == response_columns.size()) bad_cell(at, "\"" + header[i] + "\" is not one of unit, respondent, question, answer");
    if (found[k]) bad_cell(at, "\"" + header[i] + "\" appears twice in the header");
    found[k] = i;
  }
  std::array<std::size_t, 4> out{};
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (!found[k]) bad_cell(where, "the header needs a " + std::string(response_columns[k]) + " column");
    out[k] = *found[k];
  }
  return out;
}

// A whole number of at most four digits; empty is no answer (0). Range is aggregate()'s job.
int answer_in(const std::string& cell, const std::string& where) {
  if (cell.empty()) return 0;
  if (cell.size() > 4 || cell.find_first_not_of("0123456789") != std::string::npos) {
    bad_cell(where, "\"" + cell + "\" is not a whole number (leave it empty for no answer)");
  }
  return std::stoi(cell);
}

SurveyResponse response_of(const std::vector<std::string>& cells, const std::array<std::size_t, 4>& at, const std::string& where) {
  SurveyResponse r{cells[at[0]], cells[at[1]], cells[at[2]], 0};
  for (std::size_t k = 0; k < 3; ++k) {
    if (cells[at[k]].empty()) bad_cell(where + ", column " + std::string(response_columns[k]), "is empty");
  }
  r.answer = answer_in(cells[at[3]], where + ", column answer");
  return r;
}

}  // namespace

std::vector<SurveyResponse> survey_responses_from_text(std::string_view text, const std::string& source) {
  const std::string file = source.empty() ? "responses" : source;
  std::vector<SurveyResponse> out;
  std::optional<std::array<std::size_t, 4>> layout;
  std::size_t columns = 0;
  char delimiter = ',';
  csv_detail::Lines lines(text);
  for (std::string_view line; lines.next(line);) {
    if (line.empty()) continue;
    const std::string where = file + ":" + std::to_string(lines.number());
    if (!layout) {
      delimiter = line.find('\t') != std::string_view::npos ? '\t' : ',';
      const auto header = csv_detail::cells(line, delimiter, where);
      layout = response_layout(header, where);
      columns = header.size();
      continue;
    }
    const auto cells = csv_detail::cells(line, delimiter, where);
    if (cells.size() != columns) {
      bad_cell(where, std::to_string(cells.size()) + " cells where the header has " + std::to_string(columns));
    }
    out.push_back(response_of(cells, *layout, where));
  }
  if (!layout) bad_cell(file, "no header line");
  return out;
}

std::vector<SurveyResponse> read_survey_responses(const std::filesystem::path& path) {
  return survey_responses_from_text(json_detail::read_text_file(path), path.string());
}

}  // namespace parindex
