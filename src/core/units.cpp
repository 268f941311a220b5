#include "parindex/core/units.hpp"

#include <algorithm>

namespace parindex {

UnitRegistry::UnitRegistry(std::vector<AdministrativeUnit> units, std::vector<std::string> sources)
    : units_(std::move(units)), sources_(std::move(sources)) {}

const AdministrativeUnit* UnitRegistry::find(const std::string& key, const std::string& date) const {
  for (const auto& u : units_) {
    if (!u.valid_on(date)) continue;
    const bool named = u.code == key || u.name == key || u.name_en == key ||
                       std::find(u.aliases.begin(), u.aliases.end(), key) != u.aliases.end();
    if (named) return &u;
  }
  return nullptr;
}

const AdministrativeUnit* UnitRegistry::successor(const AdministrativeUnit& unit, const std::string& date) const {
  for (const auto& u : units_) {
    if (!u.valid_on(date) || &u == &unit) continue;
    if (std::find(u.merged_from.begin(), u.merged_from.end(), unit.code) != u.merged_from.end()) return &u;
  }
  return nullptr;
}

}  // namespace parindex
