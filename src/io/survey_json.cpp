// Reading survey design documents (parindex.survey/1).
#include "parindex/io/json.hpp"
#include "parindex/io/survey_csv.hpp"
#include "strict_reader.hpp"

namespace parindex {

using namespace json_detail;

namespace {

template <class Enum, class Parse>
Enum option(const Object& o, std::string_view key, Parse parse, Enum fallback, const char* allowed) {
  const json* v = o.find(key);
  if (!v) return fallback;
  const std::string s = as_string(*v, o.pointer(key));
  auto e = parse(s);
  if (!e) fail(o.pointer(key), "unknown value \"" + s + "\"; expected one of " + allowed);
  return *e;
}

SurveyOptions options_of(const Object& doc) {
  SurveyOptions o;
  const json* j = doc.find("options");
  if (!j) return o;
  Object opts(*j, doc.pointer("options"), {"question_index", "element_index", "overall_index", "min_responses", "confidence"});
  o.question_index = option(opts, "question_index", question_index_from_string, o.question_index, "share_satisfied");
  o.element_index = option(opts, "element_index", element_index_from_string, o.element_index, "mean_of_questions, pooled");
  o.overall_index = option(opts, "overall_index", overall_index_from_string, o.overall_index, "mean_of_elements, pooled");
  o.min_responses = opts.optional_integer("min_responses").value_or(o.min_responses);
  o.confidence = opts.optional_number("confidence").value_or(o.confidence);
  return o;
}

// Elements hold their questions in the document, so a question cannot name a missing element.
void read_elements(const Object& doc, SurveyDesign& d) {
  const json& elements = doc.need("elements");
  if (!elements.is_array()) fail(doc.pointer("elements"), std::string("expected an array, got ") + type_name(elements));
  for (std::size_t i = 0; i < elements.size(); ++i) {
    Object e(elements[i], pointer_append(doc.pointer("elements"), i), {"name", "questions"});
    d.elements.push_back(e.string("name"));
    const json& questions = e.need("questions");
    if (!questions.is_array()) fail(e.pointer("questions"), std::string("expected an array, got ") + type_name(questions));
    for (std::size_t k = 0; k < questions.size(); ++k) {
      Object q(questions[k], pointer_append(e.pointer("questions"), k), {"id", "text"});
      d.questions.push_back({q.string("id"), d.elements.back(), q.string_or("text", "")});
    }
  }
}

}  // namespace

SurveyDesign survey_design_from_json(std::string_view text, const std::string& source) {
  return located(source, [&] {
    json root = parse_document(text, survey_schema);
    Object doc(root, "", {"schema", "id", "name", "scale_max", "satisfied_from", "options", "elements", "notes"});
    check_schema(doc, survey_schema);
    SurveyDesign d;
    d.id = doc.string("id");
    d.name = doc.string("name");
    d.scale_max = doc.optional_integer("scale_max").value_or(d.scale_max);
    d.satisfied_from = doc.optional_integer("satisfied_from").value_or(d.satisfied_from);
    d.options = options_of(doc);
    read_elements(doc, d);
    d.notes = doc.string_or("notes", "");
    validate(d);
    return d;
  });
}

SurveyDesign read_survey_design(const std::filesystem::path& path) {
  return survey_design_from_json(read_text_file(path), path.string());
}

}  // namespace parindex
