// A registry of administrative units as a JSON document (data/units/vn-provinces.json).
#include <algorithm>

#include "parindex/io/json.hpp"
#include "strict_reader.hpp"

namespace parindex {

namespace {

using namespace json_detail;

std::optional<std::string> iso_or_null(const Object& o, std::string_view key) {
  const json* v = o.find(key);
  if (!v || v->is_null()) return std::nullopt;
  std::string s = as_string(*v, o.pointer(key));
  auto digits = [&](std::size_t from, std::size_t n) {
    return std::all_of(s.begin() + static_cast<long>(from), s.begin() + static_cast<long>(from + n), ::isdigit);
  };
  const bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(0, 4) && digits(5, 2) && digits(8, 2);
  const bool iso = shaped && s.substr(5, 2) >= "01" && s.substr(5, 2) <= "12" && s.substr(8, 2) >= "01" && s.substr(8, 2) <= "31";
  if (!iso) fail(o.pointer(key), "expected a date YYYY-MM-DD or null, got \"" + s + "\"");
  return s;
}

AdministrativeUnit read_unit(const json& j, const std::string& pointer) {
  Object o(j, pointer, {"id", "code", "name", "names", "name_en", "kind", "aliases", "valid_from", "valid_to", "merged_from",
                        "merged_from_ids", "note", "sources"});
  AdministrativeUnit u;
  u.code = o.string("code");
  u.id = o.string_or("id", u.code);
  u.name = o.string("name");
  u.name_en = o.string_or("name_en", "");
  u.aliases = o.strings("aliases");
  u.valid_from = iso_or_null(o, "valid_from");
  u.valid_to = iso_or_null(o, "valid_to");
  if (u.valid_from && u.valid_to && *u.valid_to < *u.valid_from) fail(o.pointer("valid_to"), "a unit cannot end before it begins");
  u.merged_from = o.strings("merged_from");
  u.note = o.string_or("note", "");
  return u;
}

}  // namespace

UnitRegistry units_from_json(std::string_view text, const std::string& source) {
  return located(source, [&] {
    json root = parse_document(text, units_schema);
    Object doc(root, "", {"schema", "country", "level", "sources", "notes", "district_level", "units"});
    check_schema(doc, units_schema);
    const json& list = doc.need("units");
    if (!list.is_array()) fail(doc.pointer("units"), std::string("expected an array of units, got ") + type_name(list));
    std::vector<AdministrativeUnit> units;
    for (std::size_t i = 0; i < list.size(); ++i) units.push_back(read_unit(list[i], pointer_append(doc.pointer("units"), i)));
    return UnitRegistry(std::move(units), doc.strings("sources"));
  });
}

UnitRegistry load_units(const std::filesystem::path& path) { return units_from_json(read_text_file(path), path.string()); }

}  // namespace parindex
