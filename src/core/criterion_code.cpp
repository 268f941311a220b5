#include "parindex/core/criterion_code.hpp"

#include "parindex/core/error.hpp"

namespace parindex {

std::optional<CriterionCode> CriterionCode::parse(std::string_view text) noexcept {
  CriterionCode code;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = text.find('.', start);
    std::string_view part = text.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part == "*") {
      // "*" may only close a code with at least one numeric segment before it.
      if (dot != std::string_view::npos || code.segments_.empty()) return std::nullopt;
      code.segments_.push_back(remainder_segment);
      return code;
    }
    if (part.empty() || part.size() > 4) return std::nullopt;
    std::uint32_t value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    code.segments_.push_back(value);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return code;
}

CriterionCode::CriterionCode(std::string_view text) {
  auto parsed = parse(text);
  if (!parsed) {
    throw error(error_kind::document, "",
                "\"" + std::string(text) +
                    "\" is not a criterion code: expected numbers joined by dots, such as "
                    "\"6.1.4\", optionally ending in \".*\" for an unitemised remainder");
  }
  *this = std::move(*parsed);
}

CriterionCode CriterionCode::parent() const {
  CriterionCode p;
  if (segments_.size() > 1) p.segments_.assign(segments_.begin(), segments_.end() - 1);
  return p;
}

CriterionCode CriterionCode::field() const {
  CriterionCode f;
  if (!segments_.empty()) f.segments_.push_back(segments_.front());
  return f;
}

bool CriterionCode::is_ancestor_of(const CriterionCode& other) const noexcept {
  if (segments_.empty() || segments_.size() >= other.segments_.size()) return false;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (segments_[i] != other.segments_[i]) return false;
  }
  return true;
}

std::string CriterionCode::str() const {
  std::string out;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (i) out += '.';
    out += segments_[i] == remainder_segment ? std::string("*") : std::to_string(segments_[i]);
  }
  return out;
}

}  // namespace parindex
