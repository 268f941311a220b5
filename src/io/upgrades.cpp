// Document versions: each older version is brought forward one registered step at a time, so a
// file written by any earlier parindex still loads.
#include "strict_reader.hpp"

namespace parindex::json_detail {

namespace {

// Version 1 frameworks were all additive (PAR INDEX); version 2 names the aggregation.
void framework_1_to_2(json& doc) {
  if (doc.contains("aggregation")) fail("/aggregation", "version 1 frameworks have no aggregation; write \"parindex.framework/2\"");
  doc["aggregation"] = "sum";
}

struct Upgrade {
  std::string_view schema;
  int from;  // brings a document of this version to from + 1
  void (*apply)(json&);
};

constexpr Upgrade upgrades[] = {
    {"parindex.framework", 1, framework_1_to_2},
};

int version_of(const json& root, const DocumentSchema& schema) {
  const std::string expected = "expected \"" + schema.tag() + "\"";
  if (!root.is_object()) fail("", std::string("expected an object, got ") + type_name(root));
  auto it = root.find("schema");
  if (it == root.end()) fail("", "the required key \"schema\" is missing");
  if (!it->is_string()) fail("/schema", expected + ", got " + type_name(*it));
  const std::string tag = it->get<std::string>();
  const std::string prefix = std::string(schema.name) + "/";
  if (tag.rfind(prefix, 0) != 0) fail("/schema", expected + ", got \"" + tag + "\"");
  const std::string digits = tag.substr(prefix.size());
  int v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9' || v > 1000) fail("/schema", "the version after \"/\" must be a whole number");
    v = v * 10 + (c - '0');
  }
  if (digits.empty() || v < 1) fail("/schema", "the version after \"/\" must be a whole number from 1");
  if (v > schema.version) {
    fail("/schema", "version " + digits + " is newer than this parindex reads (up to " + std::to_string(schema.version) +
                        "); upgrade parindex");
  }
  return v;
}

}  // namespace

json parse_document(std::string_view text, const DocumentSchema& schema) {
  json root = parse_strict(text);
  for (int v = version_of(root, schema); v < schema.version; ++v) {
    bool found = false;
    for (const auto& u : upgrades) {
      if (u.schema != schema.name || u.from != v) continue;
      u.apply(root);
      found = true;
    }
    if (!found) fail("/schema", "no upgrade from version " + std::to_string(v) + " is known");
    root["schema"] = std::string(schema.name) + "/" + std::to_string(v + 1);
  }
  return root;
}

}  // namespace parindex::json_detail
