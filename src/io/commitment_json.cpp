// Reading and writing commitments and their reviews.
#include "deadline_json.hpp"
#include "parindex/io/json.hpp"
#include "strict_reader.hpp"

namespace parindex {

using namespace json_detail;
using nlohmann::ordered_json;

namespace {

std::string dump(const ordered_json& j) { return j.dump(2, ' ', false, ordered_json::error_handler_t::strict) + "\n"; }

Comparator read_comparator(const Object& o) {
  std::string s = o.string("comparator");
  if (s == ">=" || s == "≥") return Comparator::at_least;
  if (s == ">") return Comparator::more_than;
  if (s == "<=" || s == "≤") return Comparator::at_most;
  if (s == "<") return Comparator::less_than;
  if (s == "=") return Comparator::equal;
  fail(o.pointer("comparator"), "expected >=, >, <=, < or =, got \"" + s + "\"");
}

const char* ascii(Comparator c) {
  switch (c) {
    case Comparator::at_least: return ">=";
    case Comparator::more_than: return ">";
    case Comparator::at_most: return "<=";
    case Comparator::less_than: return "<";
    case Comparator::equal: return "=";
  }
  return "?";
}

std::vector<DeadlineSpec> read_schedule(const Object& o, std::string_view key) {
  std::vector<DeadlineSpec> out;
  const json* v = o.find(key);
  if (!v) return out;
  if (!v->is_array()) fail(o.pointer(key), std::string("expected an array of deadlines, got ") + type_name(*v));
  for (std::size_t i = 0; i < v->size(); ++i) out.push_back(read_deadline((*v)[i], pointer_append(o.pointer(key), i)));
  return out;
}

}  // namespace

Commitment commitment_from_json(std::string_view text, const std::string& source) {
  try {
    json root = parse_document(text, commitment_schema);
    Object doc(root, "", {"schema", "committed_by", "committed_to", "number", "date", "unit", "period", "reporting",
                          "notes", "targets"});
    check_schema(doc, commitment_schema);
    Commitment c;
    c.committed_by = doc.string("committed_by");
    c.committed_to = doc.string("committed_to");
    c.number = doc.string_or("number", "");
    if (const json* d = doc.find("date")) c.date = read_date(*d, doc.pointer("date"));
    {
      Object unit(doc.need("unit"), doc.pointer("unit"), {"code", "name", "level"});
      c.unit = {unit.string("code"), unit.string("name"), unit.string_or("level", "")};
    }
    {
      Object period(doc.need("period"), doc.pointer("period"), {"from", "to"});
      c.period_first = read_date(period.need("from"), period.pointer("from"));
      c.period_last = read_date(period.need("to"), period.pointer("to"));
    }
    c.reporting = read_schedule(doc, "reporting");
    c.notes = doc.string_or("notes", "");
    const json& targets = doc.need("targets");
    if (!targets.is_array()) fail(doc.pointer("targets"), std::string("expected an array, got ") + type_name(targets));
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const std::string p = pointer_append(doc.pointer("targets"), i);
      Object o(targets[i], p, {"id", "title", "metric", "comparator", "value", "unit", "kind", "responsible", "reporting", "actuals"});
      Target t;
      t.id = o.string("id");
      t.title = o.string("title");
      t.metric = o.string("metric");
      t.comparator = read_comparator(o);
      t.value = o.number("value");
      t.unit = o.string_or("unit", "");
      std::string kind = o.string_or("kind", "rate");
      if (kind == "rate") t.kind = TargetKind::rate;
      else if (kind == "cumulative") t.kind = TargetKind::cumulative;
      else fail(o.pointer("kind"), "expected \"rate\" or \"cumulative\", got \"" + kind + "\"");
      t.responsible = o.string("responsible");
      t.reporting = read_schedule(o, "reporting");
      if (const json* a = o.find("actuals")) {
        if (!a->is_array()) fail(o.pointer("actuals"), std::string("expected an array, got ") + type_name(*a));
        for (std::size_t k = 0; k < a->size(); ++k) {
          Object v((*a)[k], pointer_append(o.pointer("actuals"), k), {"period", "value", "reported_on", "source"});
          ReportedValue r;
          r.period = v.string("period");
          r.value = v.number("value");
          if (const json* d = v.find("reported_on")) r.reported_on = read_date(*d, v.pointer("reported_on"));
          r.source = v.string_or("source", "");
          t.actuals.push_back(std::move(r));
        }
      }
      c.targets.push_back(std::move(t));
    }
    try {
      validate(c);
    } catch (const error& e) {
      for (std::size_t i = c.targets.size(); i-- > 0;) {
        if (e.where() == "target " + c.targets[i].id) {
          throw error(e.kind(), pointer_append("/targets", i) + " (" + e.where() + ")", e.detail());
        }
      }
      throw;
    }
    return c;
  } catch (const error& e) {
    if (source.empty()) throw;
    throw e.located_in(source + ": ");
  } catch (...) {
    rethrow_as_error(source);  // a dependency's exception, as a parindex::error at the document
  }
}

Commitment load_commitment(const std::filesystem::path& path) {
  return commitment_from_json(read_text_file(path), path.string());
}

std::string to_json(const Commitment& c) {
  ordered_json j;
  j["schema"] = commitment_schema.tag();
  j["committed_by"] = c.committed_by;
  j["committed_to"] = c.committed_to;
  if (!c.number.empty()) j["number"] = c.number;
  if (c.date) j["date"] = to_iso(*c.date);
  j["unit"] = {{"code", c.unit.code}, {"name", c.unit.name}};
  if (!c.unit.level.empty()) j["unit"]["level"] = c.unit.level;
  j["period"] = {{"from", to_iso(c.period_first)}, {"to", to_iso(c.period_last)}};
  auto schedule = [](const std::vector<DeadlineSpec>& s) {
    ordered_json a = ordered_json::array();
    for (const auto& d : s) a.push_back(write_deadline(d));
    return a;
  };
  if (!c.reporting.empty()) j["reporting"] = schedule(c.reporting);
  if (!c.notes.empty()) j["notes"] = c.notes;
  j["targets"] = ordered_json::array();
  for (const auto& t : c.targets) {
    ordered_json n;
    n["id"] = t.id;
    n["title"] = t.title;
    n["metric"] = t.metric;
    n["comparator"] = ascii(t.comparator);
    n["value"] = t.value;
    if (!t.unit.empty()) n["unit"] = t.unit;
    n["kind"] = t.kind == TargetKind::rate ? "rate" : "cumulative";
    n["responsible"] = t.responsible;
    if (!t.reporting.empty()) n["reporting"] = schedule(t.reporting);
    if (!t.actuals.empty()) {
      n["actuals"] = ordered_json::array();
      for (const auto& a : t.actuals) {
        ordered_json v{{"period", a.period}, {"value", a.value}};
        if (a.reported_on) v["reported_on"] = to_iso(*a.reported_on);
        if (!a.source.empty()) v["source"] = a.source;
        n["actuals"].push_back(std::move(v));
      }
    }
    j["targets"].push_back(std::move(n));
  }
  return dump(j);
}

std::string to_json(const CommitmentReview& r) {
  ordered_json j;
  j["schema"] = commitment_review_schema.tag();
  j["as_of"] = to_iso(r.as_of);
  j["targets"] = ordered_json::array();
  for (const auto& t : r.targets) {
    ordered_json n;
    n["id"] = t.target->id;
    n["status"] = to_string(t.status);
    if (t.latest) n["latest"] = {{"period", t.latest->period}, {"value", t.latest->value}};
    if (t.projection) n["projection"] = *t.projection;
    n["report"] = to_string(t.report);
    if (t.next_report) n["next_report"] = to_iso(*t.next_report);
    if (!t.missed_reports.empty()) {
      n["missed_reports"] = ordered_json::array();
      for (const auto& d : t.missed_reports) n["missed_reports"].push_back(to_iso(d));
    }
    n["explanation"] = t.explanation;
    j["targets"].push_back(std::move(n));
  }
  return dump(j);
}

}  // namespace parindex
