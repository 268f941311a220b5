// Reading and writing framework and assessment documents.
#include <map>

#include "parindex/dossiers/dossier_log.hpp"
#include "parindex/io/json.hpp"
#include "rule_json.hpp"
#include "strict_reader.hpp"

namespace parindex {

using namespace json_detail;
using nlohmann::ordered_json;

namespace {

CriterionCode read_code(const json& j, const std::string& pointer) {
  auto code = CriterionCode::parse(as_string(j, pointer));
  if (!code) {
    fail(pointer, "\"" + j.get<std::string>() +
                      "\" is not a criterion code: expected numbers joined by dots such as \"6.1.4\", "
                      "optionally ending in \".*\"");
  }
  return *code;
}

template <class Enum, class Parse>
Enum read_enum(const Object& o, std::string_view key, Parse parse, Enum fallback, const char* allowed) {
  const json* v = o.find(key);
  if (!v) return fallback;
  std::string s = as_string(*v, o.pointer(key));
  auto e = parse(s);
  if (!e) fail(o.pointer(key), "unknown value \"" + s + "\"; expected one of " + allowed);
  return *e;
}

std::string dump(const ordered_json& j) { return j.dump(2, ' ', false, ordered_json::error_handler_t::strict) + "\n"; }

}  // namespace

Framework framework_from_json(std::string_view text, const std::string& source) {
  return located(source, [&] {
    json root = parse_document(text, framework_schema);
    Object doc(root, "", {"schema", "id", "name", "index", "period", "legal_source", "notes", "rounding",
                          "aggregation", "bonus_cap", "penalty_cap", "criteria", "adjustments"});
    check_schema(doc, framework_schema);
    FrameworkInfo info;
    info.id = doc.string("id");
    info.name = doc.string("name");
    info.index = read_enum(doc, "index", index_kind_from_string, IndexKind::par_index,
                           "par_index, sipas, papi, pci, dti, custom");
    {
      Object period(doc.need("period"), doc.pointer("period"), {"from", "to"});
      info.period.first_year = period.integer("from");
      info.period.last_year = period.optional_integer("to");
      if (!info.period.ok()) fail(period.pointer(), "expected years from 1900 to 2999 with \"to\" not before \"from\"");
    }
    info.legal_source = doc.string("legal_source");
    info.notes = doc.string_or("notes", "");
    if (const json* r = doc.find("rounding")) {
      Object rounding(*r, doc.pointer("rounding"), {"mode", "decimals", "depth"});
      info.rounding.mode = read_enum(
          rounding, "mode",
          [](std::string_view s) -> std::optional<RoundingPolicy::Mode> {
            for (auto m : {RoundingPolicy::Mode::round_leaves, RoundingPolicy::Mode::exact, RoundingPolicy::Mode::round_at_depth}) {
              if (s == to_string(m)) return m;
            }
            return std::nullopt;
          },
          RoundingPolicy::Mode::round_leaves, "round_leaves, exact, round_at_depth");
      info.rounding.decimals = rounding.optional_integer("decimals").value_or(2);
      if (info.rounding.decimals < 0 || info.rounding.decimals > 6) fail(rounding.pointer("decimals"), "expected a whole number from 0 to 6");
      const bool at_depth = info.rounding.mode == RoundingPolicy::Mode::round_at_depth;
      if (at_depth != (rounding.find("depth") != nullptr)) {
        fail(rounding.pointer(), "\"depth\" goes with mode round_at_depth, and only with it");
      }
      if (at_depth) {
        info.rounding.depth = rounding.integer("depth");
        if (!info.rounding.ok()) fail(rounding.pointer("depth"), "expected a whole number from 1 (the fields) to 32");
      }
    }
    {
      std::string agg = doc.string("aggregation");
      auto a = aggregation_from_string(agg);
      if (!a) fail(doc.pointer("aggregation"), "unknown value \"" + agg + "\"; expected one of sum, weighted_sum, mean, weighted_mean");
      info.aggregation = *a;
    }
    info.bonus_cap = doc.find("bonus_cap") ? doc.non_negative("bonus_cap") : 0.0;
    info.penalty_cap = doc.find("penalty_cap") ? doc.non_negative("penalty_cap") : 0.0;

    const json& list = doc.need("criteria");
    const std::string list_ptr = doc.pointer("criteria");
    if (!list.is_array()) fail(list_ptr, std::string("expected an array of criteria, got ") + type_name(list));
    std::vector<Criterion> criteria;
    for (std::size_t i = 0; i < list.size(); ++i) {
      Object o(list[i], pointer_append(list_ptr, i),
               {"code", "parent", "title", "title_en", "max", "weight", "source", "rule", "evidence", "lead_agency"});
      Criterion c;
      c.code = read_code(o.need("code"), o.pointer("code"));
      if (const json* p = o.find("parent")) c.parent = read_code(*p, o.pointer("parent"));
      c.title = o.string("title");
      c.title_en = o.string_or("title_en", "");
      c.max_points = o.non_negative("max");
      if (o.find("weight")) {
        c.weight = o.number("weight");
        if (c.weight <= 0) fail(o.pointer("weight"), "expected a weight above 0");
      }
      c.source = read_enum(o, "source", point_source_from_string, PointSource::assessment, "assessment, survey");
      if (const json* r = o.find("rule")) c.rule = read_rule(*r, o.pointer("rule"));
      c.evidence = o.string_or("evidence", "");
      c.lead_agency = o.string_or("lead_agency", "");
      criteria.push_back(std::move(c));
    }

    std::vector<Adjustment> adjustments;
    if (const json* a = doc.find("adjustments")) {
      const std::string p = doc.pointer("adjustments");
      if (!a->is_array()) fail(p, std::string("expected an array, got ") + type_name(*a));
      for (std::size_t i = 0; i < a->size(); ++i) {
        Object o((*a)[i], pointer_append(p, i), {"id", "title", "kind", "max"});
        Adjustment adj;
        adj.id = o.string("id");
        adj.title = o.string("title");
        std::string kind = o.string("kind");
        if (kind != "bonus" && kind != "penalty") fail(o.pointer("kind"), "expected \"bonus\" or \"penalty\", got \"" + kind + "\"");
        adj.kind = kind == "bonus" ? Adjustment::Kind::bonus : Adjustment::Kind::penalty;
        adj.max_points = o.non_negative("max");
        adjustments.push_back(std::move(adj));
      }
    }

    // The tree's own checks name the criterion; add the pointer to the node in this document.
    std::vector<CriterionCode> codes;
    for (const auto& c : criteria) codes.push_back(c.code);
    try {
      return Framework(std::move(info), std::move(criteria), std::move(adjustments));
    } catch (const error& e) {
      const std::string prefix = "criterion ";
      if (e.where().rfind(prefix, 0) == 0) {
        auto code = CriterionCode::parse(e.where().substr(prefix.size()));
        // The last node with the code: for a duplicate, that is the second one.
        for (std::size_t i = codes.size(); code && i-- > 0;) {
          if (codes[i] == *code) {
            throw error(e.kind(), pointer_append(list_ptr, i) + " (" + e.where() + ")", e.detail());
          }
        }
      }
      throw;
    }
  });
}

InputValue input_from_json(std::string_view text, const std::string& where) {
  try {
    return read_input(parse_strict(text), "");
  } catch (const error& e) {
    if (where.empty()) throw;
    throw e.located_in(where + ", value ");
  }
}

Assessment assessment_from_json(std::string_view text, const std::string& source) {
  return located(source, [&] {
    json root = parse_document(text, assessment_schema);
    Object doc(root, "", {"schema", "framework", "unit", "year", "notes", "criteria", "adjustments"});
    check_schema(doc, assessment_schema);
    Assessment a;
    a.framework_id = doc.string("framework");
    {
      Object unit(doc.need("unit"), doc.pointer("unit"), {"code", "name", "level"});
      a.unit.code = unit.string("code");
      a.unit.name = unit.string("name");
      a.unit.level = unit.string_or("level", "");
    }
    a.year = doc.integer("year");
    if (a.year < 1900 || a.year > 2999) fail(doc.pointer("year"), "expected a year from 1900 to 2999");
    a.notes = doc.string_or("notes", "");

    const json& entries = doc.need("criteria");
    const std::string entries_ptr = doc.pointer("criteria");
    if (!entries.is_object()) fail(entries_ptr, std::string("expected an object keyed by criterion code, got ") + type_name(entries));
    std::map<CriterionCode, std::string> spelled;
    for (const auto& [key, value] : entries.items()) {
      const std::string p = pointer_append(entries_ptr, key);
      auto code = CriterionCode::parse(key);
      if (!code) fail(p, "\"" + key + "\" is not a criterion code");
      Object o(value, p, {"value", "from_dossiers", "self_score", "appraised_score", "evidence", "cause", "not_applicable", "note"});
      CriterionEntry e;
      if (const json* v = o.find("value")) e.value = read_input(*v, o.pointer("value"));
      if (const json* b = o.find("from_dossiers")) {
        Object bind(*b, o.pointer("from_dossiers"), {"metric", "level", "unit", "aggregate"});
        DossierBinding d;
        d.metric = bind.string("metric");
        if (!dossier_metric_from_string(d.metric)) {
          fail(bind.pointer("metric"), "unknown dossier metric \"" + d.metric + "\"; expected " + dossier_metric_names());
        }
        d.level = bind.string_or("level", "");
        if (!d.level.empty() && d.level != "province" && d.level != "district" && d.level != "commune") {
          fail(bind.pointer("level"), "expected province, district or commune, got \"" + d.level + "\"");
        }
        d.unit = bind.string_or("unit", "");
        std::string agg = bind.string_or("aggregate", "all");
        if (agg == "all") d.aggregate = DossierBinding::Aggregate::all;
        else if (agg == "min") d.aggregate = DossierBinding::Aggregate::min;
        else if (agg == "max") d.aggregate = DossierBinding::Aggregate::max;
        else fail(bind.pointer("aggregate"), "expected all, min or max, got \"" + agg + "\"");
        if (e.value) fail(p, "give either \"value\" or \"from_dossiers\", not both");
        e.from_dossiers = d;
      }
      if (o.find("self_score")) e.self_score = o.non_negative("self_score");
      if (o.find("appraised_score")) e.appraised_score = o.non_negative("appraised_score");
      e.evidence = o.strings("evidence");
      e.cause = o.string_or("cause", "");
      e.not_applicable = o.boolean_or("not_applicable", false);
      e.note = o.string_or("note", "");
      if (e.not_applicable && (e.value || e.from_dossiers || e.self_score || e.appraised_score)) {
        fail(p, "a criterion marked not applicable takes no value or score");
      }
      if (auto [it, fresh] = spelled.emplace(*code, key); !fresh) {
        fail(p, "criterion " + code->str() + " is given twice, as \"" + it->second + "\" and \"" + key + "\"");
      }
      a.entries.emplace(*code, std::move(e));
    }
    if (const json* adj = doc.find("adjustments")) {
      const std::string p = doc.pointer("adjustments");
      if (!adj->is_object()) fail(p, std::string("expected an object of points by id, got ") + type_name(*adj));
      for (const auto& [id, points] : adj->items()) {
        double v = as_number(points, pointer_append(p, id));
        if (v < 0) fail(pointer_append(p, id), "points cannot be negative; a penalty is defined as such in the framework");
        a.adjustments[id] = v;
      }
    }
    return a;
  });
}

Framework load_framework(const std::filesystem::path& path) {
  return framework_from_json(read_text_file(path), path.string());
}

Assessment load_assessment(const std::filesystem::path& path) {
  return assessment_from_json(read_text_file(path), path.string());
}

std::string to_json(const Framework& f) {
  const auto& info = f.info();
  ordered_json j;
  j["schema"] = framework_schema.tag();
  j["id"] = info.id;
  j["name"] = info.name;
  j["index"] = to_string(info.index);
  j["period"] = {{"from", info.period.first_year}};
  if (info.period.last_year) j["period"]["to"] = *info.period.last_year;
  j["legal_source"] = info.legal_source;
  if (!info.notes.empty()) j["notes"] = info.notes;
  j["rounding"] = {{"mode", to_string(info.rounding.mode)}, {"decimals", info.rounding.decimals}};
  if (info.rounding.mode == RoundingPolicy::Mode::round_at_depth) j["rounding"]["depth"] = info.rounding.depth;
  j["aggregation"] = to_string(info.aggregation);
  if (info.bonus_cap > 0) j["bonus_cap"] = info.bonus_cap;
  if (info.penalty_cap > 0) j["penalty_cap"] = info.penalty_cap;
  j["criteria"] = ordered_json::array();
  for (const auto& c : f.criteria()) {
    ordered_json n;
    n["code"] = c.code.str();
    if (c.parent) n["parent"] = c.parent->str();
    n["title"] = c.title;
    if (!c.title_en.empty()) n["title_en"] = c.title_en;
    n["max"] = c.max_points;
    if (c.weight != 1) n["weight"] = c.weight;
    if (c.source != PointSource::assessment) n["source"] = to_string(c.source);
    if (c.rule) n["rule"] = write_rule(*c.rule);
    if (!c.evidence.empty()) n["evidence"] = c.evidence;
    if (!c.lead_agency.empty()) n["lead_agency"] = c.lead_agency;
    j["criteria"].push_back(std::move(n));
  }
  if (!f.adjustments().empty()) {
    j["adjustments"] = ordered_json::array();
    for (const auto& a : f.adjustments()) {
      j["adjustments"].push_back({{"id", a.id}, {"title", a.title}, {"kind", to_string(a.kind)}, {"max", a.max_points}});
    }
  }
  return dump(j);
}

std::string to_json(const Assessment& a) {
  ordered_json j;
  j["schema"] = assessment_schema.tag();
  j["framework"] = a.framework_id;
  j["unit"] = {{"code", a.unit.code}, {"name", a.unit.name}};
  if (!a.unit.level.empty()) j["unit"]["level"] = a.unit.level;
  j["year"] = a.year;
  if (!a.notes.empty()) j["notes"] = a.notes;
  j["criteria"] = ordered_json::object();
  // Appended without ordered_json's search for an equal key (linear per member): the codes
  // come from a map, so they are distinct already.
  auto& criteria = j["criteria"].get_ref<ordered_json::object_t&>();
  for (const auto& [code, e] : a.entries) {
    ordered_json n = ordered_json::object();
    if (e.value) n["value"] = write_input(*e.value);
    if (e.from_dossiers) {
      const auto& d = *e.from_dossiers;
      ordered_json b{{"metric", d.metric}};
      if (!d.level.empty()) b["level"] = d.level;
      if (!d.unit.empty()) b["unit"] = d.unit;
      b["aggregate"] = d.aggregate == DossierBinding::Aggregate::all ? "all" : d.aggregate == DossierBinding::Aggregate::min ? "min" : "max";
      n["from_dossiers"] = b;
    }
    if (e.self_score) n["self_score"] = *e.self_score;
    if (e.appraised_score) n["appraised_score"] = *e.appraised_score;
    if (!e.evidence.empty()) n["evidence"] = e.evidence;
    if (!e.cause.empty()) n["cause"] = e.cause;
    if (e.not_applicable) n["not_applicable"] = true;
    if (!e.note.empty()) n["note"] = e.note;
    criteria.emplace_back(code.str(), std::move(n));
  }
  if (!a.adjustments.empty()) j["adjustments"] = a.adjustments;
  return dump(j);
}

}  // namespace parindex
