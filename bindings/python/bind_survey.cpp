// Satisfaction surveys (SIPAS-style): designs, responses and their aggregation.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

namespace py = pybind11;

namespace parindex::python {

namespace {

template <class Enum, class Parse>
Enum option_from(const std::string& name, const std::string& value, Parse parse, const char* allowed) {
  auto e = parse(value);
  if (!e) throw error(error_kind::argument, name, "unknown value \"" + value + "\"; expected one of " + allowed);
  return *e;
}

// The design's own options, with any given here put in their place: trying another choice
// must not need another document.
SurveyDesign with_options(SurveyDesign d, const std::optional<std::string>& element_index,
                          const std::optional<std::string>& overall_index, std::optional<int> min_responses,
                          std::optional<double> confidence) {
  if (element_index) {
    d.options.element_index = option_from<ElementIndex>("element_index", *element_index, element_index_from_string,
                                                        "mean_of_questions, pooled");
  }
  if (overall_index) {
    d.options.overall_index = option_from<OverallIndex>("overall_index", *overall_index, overall_index_from_string,
                                                        "mean_of_elements, pooled");
  }
  if (min_responses) d.options.min_responses = *min_responses;
  if (confidence) d.options.confidence = *confidence;
  return d;
}

void bind_survey_design(py::module_& m) {
  py::class_<SurveyQuestion>(m, "SurveyQuestion")
      .def_readonly("id", &SurveyQuestion::id)
      .def_readonly("element", &SurveyQuestion::element)
      .def_readonly("text", &SurveyQuestion::text);
  py::class_<SurveyDesign>(m, "SurveyDesign", "A satisfaction survey: elements, questions, scale and aggregation options.")
      .def_static("load", [](const std::filesystem::path& path) { return read_survey_design(path); }, py::arg("path"), "Loads the document from a file (a str or any path-like); errors name the file and where in it.")
      .def_static("from_json", [](const std::string& text, const std::string& source) { return survey_design_from_json(text, source); },
                  py::arg("text"), py::arg("source") = "",
                  "Reads a survey design from JSON text; source names it in errors.")
      .def_readonly("id", &SurveyDesign::id)
      .def_readonly("name", &SurveyDesign::name)
      .def_readonly("elements", &SurveyDesign::elements)
      .def_readonly("questions", &SurveyDesign::questions)
      .def_readonly("scale_max", &SurveyDesign::scale_max)
      .def_readonly("satisfied_from", &SurveyDesign::satisfied_from)
      .def_readonly("notes", &SurveyDesign::notes)
      .def_property_readonly("question_index", [](const SurveyDesign& d) { return to_string(d.options.question_index); })
      .def_property_readonly("element_index", [](const SurveyDesign& d) { return to_string(d.options.element_index); })
      .def_property_readonly("overall_index", [](const SurveyDesign& d) { return to_string(d.options.overall_index); })
      .def_property_readonly("min_responses", [](const SurveyDesign& d) { return d.options.min_responses; })
      .def_property_readonly("confidence", [](const SurveyDesign& d) { return d.options.confidence; });
}

void bind_survey_results(py::module_& m) {
  py::class_<SurveyResponse>(m, "SurveyResponse")
      .def_readonly("unit", &SurveyResponse::unit)
      .def_readonly("respondent", &SurveyResponse::respondent)
      .def_readonly("question", &SurveyResponse::question)
      .def_readonly("answer", &SurveyResponse::answer);
  py::class_<SurveyRow>(m, "SurveyRow", "A unit's result for a question, an element (question empty) or overall (both empty).")
      .def_readonly("unit", &SurveyRow::unit)
      .def_readonly("element", &SurveyRow::element)
      .def_readonly("question", &SurveyRow::question)
      .def_readonly("respondents", &SurveyRow::respondents)
      .def_readonly("responses", &SurveyRow::responses)
      .def_readonly("satisfied", &SurveyRow::satisfied)
      .def_readonly("index", &SurveyRow::index)
      .def_readonly("ci_low", &SurveyRow::ci_low)
      .def_readonly("ci_high", &SurveyRow::ci_high)
      .def_readonly("too_few", &SurveyRow::too_few);
  py::class_<SurveyResults>(m, "SurveyResults", "A survey aggregated per unit: questions, elements and overall.")
      .def_readonly("design_id", &SurveyResults::design_id)
      .def_readonly("units", &SurveyResults::units)
      .def_readonly("questions", &SurveyResults::questions)
      .def_readonly("elements", &SurveyResults::elements)
      .def_readonly("overall", &SurveyResults::overall)
      .def_readonly("rows_read", &SurveyResults::rows_read)
      .def_readonly("answers_used", &SurveyResults::answers_used)
      .def_readonly("no_answers", &SurveyResults::no_answers)
      .def_property_readonly("element_index", [](const SurveyResults& r) { return to_string(r.options.element_index); })
      .def_property_readonly("overall_index", [](const SurveyResults& r) { return to_string(r.options.overall_index); })
      .def_property_readonly("min_responses", [](const SurveyResults& r) { return r.options.min_responses; })
      .def_property_readonly("confidence", [](const SurveyResults& r) { return r.options.confidence; })
      .def("overall_index_of", [](const SurveyResults& r, const std::string& unit) { return overall_index(r, unit); },
           py::arg("unit"), "A unit's overall index in %, to feed a criterion such as survey_index; None when nobody answered.");
}

}  // namespace

void bind_survey(py::module_& m) {
  bind_survey_design(m);
  bind_survey_results(m);
  m.def("read_survey_design", [](const std::filesystem::path& path) { return read_survey_design(path); }, py::arg("path"),
        "Reads a survey design document (parindex.survey/1).");
  m.def("read_survey_responses", [](const std::filesystem::path& path) { return read_survey_responses(path); }, py::arg("path"),
        "Reads responses from CSV: unit,respondent,question,answer (empty answer: no answer).");
  m.def("survey_responses_from_text", [](const std::string& text, const std::string& source) {
    return survey_responses_from_text(text, source);
  }, py::arg("text"), py::arg("source") = "");
  m.def("aggregate_survey", [](const SurveyDesign& design, const std::vector<SurveyResponse>& responses,
                               std::optional<std::string> element_index, std::optional<std::string> overall_index,
                               std::optional<int> min_responses, std::optional<double> confidence) {
    return aggregate(with_options(design, element_index, overall_index, min_responses, confidence), responses);
  }, py::arg("design"), py::arg("responses"), py::kw_only(), py::arg("element_index") = py::none(),
        py::arg("overall_index") = py::none(), py::arg("min_responses") = py::none(), py::arg("confidence") = py::none(),
        "Shares satisfied per unit × question, element and overall, with intervals; options override the design's.");
}

}  // namespace parindex::python
