// Administrative units over time: which units exist on a date, and which they merged into.
// Dates are ISO strings ("2025-06-30"), which order as the dates do.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace parindex {

struct AdministrativeUnit {
  std::string id;    // "02@pre2025": a code may name two territories over time
  std::string code;  // the official code ("02")
  std::string name;  // "Tỉnh Hà Giang"
  std::string name_en;
  std::vector<std::string> aliases;       // other spellings a published table may use
  std::optional<std::string> valid_from;  // empty: since before the registry's records
  std::optional<std::string> valid_to;    // empty: still in force
  std::vector<std::string> merged_from;   // codes of the units it was formed from
  std::string note;

  bool valid_on(const std::string& iso_date) const {
    return (!valid_from || *valid_from <= iso_date) && (!valid_to || iso_date <= *valid_to);
  }
};

class UnitRegistry {
 public:
  UnitRegistry() = default;
  explicit UnitRegistry(std::vector<AdministrativeUnit> units, std::vector<std::string> sources = {});

  const std::vector<AdministrativeUnit>& units() const noexcept { return units_; }
  const std::vector<std::string>& sources() const noexcept { return sources_; }
  // The unit with this code, or with this name or alias, in force on the date.
  const AdministrativeUnit* find(const std::string& code_or_name, const std::string& iso_date) const;
  // The unit in force on the date that was formed from this one (a merger), if any.
  const AdministrativeUnit* successor(const AdministrativeUnit& unit, const std::string& iso_date) const;

 private:
  std::vector<AdministrativeUnit> units_;
  std::vector<std::string> sources_;
};

}  // namespace parindex
