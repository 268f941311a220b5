// Reading and writing remediation plans and their reviews.
#include "deadline_json.hpp"
#include "parindex/io/json.hpp"
#include "strict_reader.hpp"

namespace parindex {

using namespace json_detail;
using nlohmann::ordered_json;

namespace {

std::vector<std::string> read_strings(const Object& o, std::string_view key) { return o.strings(key); }

ActionStatus read_status(const Object& o) {
  std::string s = o.string_or("status", "planned");
  if (s == "planned") return ActionStatus::planned;
  if (s == "in_progress") return ActionStatus::in_progress;
  if (s == "done") return ActionStatus::done;
  if (s == "cancelled") return ActionStatus::cancelled;
  fail(o.pointer("status"), "expected planned, in_progress, done or cancelled, got \"" + s + "\"");
}

std::string dump(const ordered_json& j) { return j.dump(2, ' ', false, ordered_json::error_handler_t::strict) + "\n"; }

}  // namespace

Plan plan_from_json(std::string_view text, const std::string& source) {
  try {
    json root = parse_document(text, plan_schema);
    Object doc(root, "", {"schema", "issuer", "number", "issued_on", "title", "period", "framework", "notes", "events",
                          "actions"});
    check_schema(doc, plan_schema);
    Plan plan;
    plan.issuer = doc.string("issuer");
    plan.number = doc.string_or("number", "");
    if (const json* d = doc.find("issued_on")) plan.issued_on = read_date(*d, doc.pointer("issued_on"));
    plan.title = doc.string("title");
    {
      Object period(doc.need("period"), doc.pointer("period"), {"from", "to"});
      plan.period_first = read_date(period.need("from"), period.pointer("from"));
      plan.period_last = read_date(period.need("to"), period.pointer("to"));
      if (plan.period_last < plan.period_first) fail(period.pointer(), "\"to\" comes before \"from\"");
    }
    plan.framework_id = doc.string_or("framework", "");
    plan.notes = doc.string_or("notes", "");
    if (const json* events = doc.find("events")) {
      if (!events->is_object()) fail(doc.pointer("events"), std::string("expected an object of event dates, got ") + type_name(*events));
      for (const auto& [name, date] : events->items()) {
        plan.events[name] = read_date(date, pointer_append(doc.pointer("events"), name));
      }
    }
    const json& actions = doc.need("actions");
    if (!actions.is_array()) fail(doc.pointer("actions"), std::string("expected an array, got ") + type_name(actions));
    for (std::size_t i = 0; i < actions.size(); ++i) {
      const std::string p = pointer_append(doc.pointer("actions"), i);
      Object o(actions[i], p, {"id", "criteria", "lead_agency", "implementing", "coordinating", "tasks", "deadline",
                               "status", "evidence_required", "evidence", "completed_on", "reported", "note"});
      Action a;
      a.id = o.string("id");
      for (const auto& c : o.strings("criteria")) {
        auto code = CriterionCode::parse(c);
        if (!code) fail(o.pointer("criteria"), "\"" + c + "\" is not a criterion code");
        a.criteria.push_back(*code);
      }
      a.lead_agency = o.string("lead_agency");
      a.implementing = read_strings(o, "implementing");
      a.coordinating = read_strings(o, "coordinating");
      a.tasks = o.string_or("tasks", "");
      a.deadline = read_deadline(o.need("deadline"), o.pointer("deadline"));
      a.status = read_status(o);
      a.evidence_required = read_strings(o, "evidence_required");
      a.evidence = read_strings(o, "evidence");
      if (const json* d = o.find("completed_on")) a.completed_on = read_date(*d, o.pointer("completed_on"));
      if (const json* r = o.find("reported")) {
        if (!r->is_array()) fail(o.pointer("reported"), std::string("expected an array of dates, got ") + type_name(*r));
        for (std::size_t k = 0; k < r->size(); ++k) a.reported.push_back(read_date((*r)[k], pointer_append(o.pointer("reported"), k)));
      }
      a.note = o.string_or("note", "");
      plan.actions.push_back(std::move(a));
    }
    // Checks that need the whole plan name the action; add its pointer.
    try {
      validate(plan);
    } catch (const error& e) {
      // The last action with the id: for a duplicate, that is the second one.
      for (std::size_t i = plan.actions.size(); i-- > 0;) {
        if (e.where() == "action " + plan.actions[i].id) {
          throw error(e.kind(), pointer_append("/actions", i) + " (" + e.where() + ")", e.detail());
        }
      }
      throw;
    }
    return plan;
  } catch (const error& e) {
    if (source.empty()) throw;
    throw e.located_in(source + ": ");
  } catch (...) {
    rethrow_as_error(source);  // a dependency's exception, as a parindex::error at the document
  }
}

DeadlineSpec deadline_from_json(std::string_view text) {
  return located("", [&] { return read_deadline(parse_strict(text), ""); });
}

std::string to_json(const DeadlineSpec& spec) { return dump(write_deadline(spec)); }

Plan load_plan(const std::filesystem::path& path) {
  return plan_from_json(read_text_file(path), path.string());
}

std::string to_json(const Plan& plan) {
  ordered_json j;
  j["schema"] = plan_schema.tag();
  j["issuer"] = plan.issuer;
  if (!plan.number.empty()) j["number"] = plan.number;
  if (plan.issued_on) j["issued_on"] = to_iso(*plan.issued_on);
  j["title"] = plan.title;
  j["period"] = {{"from", to_iso(plan.period_first)}, {"to", to_iso(plan.period_last)}};
  if (!plan.framework_id.empty()) j["framework"] = plan.framework_id;
  if (!plan.notes.empty()) j["notes"] = plan.notes;
  if (!plan.events.empty()) {
    j["events"] = ordered_json::object();
    for (const auto& [name, date] : plan.events) j["events"][name] = to_iso(date);
  }
  j["actions"] = ordered_json::array();
  for (const auto& a : plan.actions) {
    ordered_json n;
    n["id"] = a.id;
    if (!a.criteria.empty()) {
      n["criteria"] = ordered_json::array();
      for (const auto& c : a.criteria) n["criteria"].push_back(c.str());
    }
    n["lead_agency"] = a.lead_agency;
    if (!a.implementing.empty()) n["implementing"] = a.implementing;
    if (!a.coordinating.empty()) n["coordinating"] = a.coordinating;
    if (!a.tasks.empty()) n["tasks"] = a.tasks;
    n["deadline"] = write_deadline(a.deadline);
    n["status"] = to_string(a.status);
    if (!a.evidence_required.empty()) n["evidence_required"] = a.evidence_required;
    if (!a.evidence.empty()) n["evidence"] = a.evidence;
    if (a.completed_on) n["completed_on"] = to_iso(*a.completed_on);
    if (!a.reported.empty()) {
      n["reported"] = ordered_json::array();
      for (const auto& d : a.reported) n["reported"].push_back(to_iso(d));
    }
    if (!a.note.empty()) n["note"] = a.note;
    j["actions"].push_back(std::move(n));
  }
  return dump(j);
}

std::string to_json(const PlanReview& r) {
  ordered_json j;
  j["schema"] = plan_review_schema.tag();
  j["as_of"] = to_iso(r.as_of);
  j["horizon_days"] = r.horizon_days;
  j["actions"] = ordered_json::array();
  for (const auto& a : r.actions) {
    ordered_json n;
    n["id"] = a.action->id;
    n["lead_agency"] = a.action->lead_agency;
    n["state"] = to_string(a.state);
    n["due_dates"] = ordered_json::array();
    for (const auto& d : a.due_dates) n["due_dates"].push_back(to_iso(d));
    if (a.next_due) n["next_due"] = to_iso(*a.next_due);
    if (a.days_overdue > 0) n["days_overdue"] = a.days_overdue;
    if (!a.missed.empty()) {
      n["missed"] = ordered_json::array();
      for (const auto& d : a.missed) n["missed"].push_back(to_iso(d));
    }
    if (!a.missing_event.empty()) n["missing_event"] = a.missing_event;
    j["actions"].push_back(std::move(n));
  }
  j["agencies"] = ordered_json::array();
  for (const auto& l : r.agencies) {
    j["agencies"].push_back({{"agency", l.agency}, {"actions", l.actions}, {"done", l.done}, {"overdue", l.overdue},
                             {"due_soon", l.due_soon}, {"upcoming", l.upcoming}, {"unresolved", l.unresolved}});
  }
  return dump(j);
}

}  // namespace parindex
