// Official criterion codes such as "6", "6.1", "6.1.4".
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parindex {

// A dotted code of numeric segments. The last segment may be "*": the remainder of a
// node that the source does not itemise (a published table that lists only the
// sub-criteria that lost points). Codes order naturally: 2 < 10, 6.1 < 6.1.4 < 6.2.
class CriterionCode {
 public:
  static constexpr std::uint32_t remainder_segment = 0xFFFFFFFFu;

  CriterionCode() = default;  // empty, !ok()
  // Throws parindex::error (document) when the text is not a valid code.
  explicit CriterionCode(std::string_view text);
  static std::optional<CriterionCode> parse(std::string_view text) noexcept;

  bool ok() const noexcept { return !segments_.empty(); }
  std::size_t depth() const noexcept { return segments_.size(); }
  const std::vector<std::uint32_t>& segments() const noexcept { return segments_; }
  bool is_remainder() const noexcept {
    return !segments_.empty() && segments_.back() == remainder_segment;
  }
  // The code with its last segment dropped; empty for a top-level code.
  CriterionCode parent() const;
  // The first segment: the field (lĩnh vực) this code belongs to.
  CriterionCode field() const;
  // True when this code is a proper prefix of other ("6" of "6.1.4").
  bool is_ancestor_of(const CriterionCode& other) const noexcept;

  std::string str() const;

  friend auto operator<=>(const CriterionCode&, const CriterionCode&) = default;
  friend bool operator==(const CriterionCode&, const CriterionCode&) = default;

 private:
  std::vector<std::uint32_t> segments_;
};

}  // namespace parindex
