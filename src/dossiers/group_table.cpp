// An open-addressing table of dossier groups.
#include "parindex/dossiers/group_table.hpp"

#include <cstring>

#include "parindex/core/error.hpp"

namespace parindex::detail {

void KeyHash::add(std::string_view bytes) noexcept {
  add(bytes.size());
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    add(word);
  }
  if (i < bytes.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, bytes.size() - i);
    add(word);
  }
}

std::uint64_t KeyHash::value() const noexcept {
  std::uint64_t h = h_ ^ (h_ >> 29);
  h *= 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 32);
}

void GroupTable::prefetch(std::uint64_t hash) const noexcept {
#if defined(__GNUC__) || defined(__clang__)
  if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<std::size_t>(hash) & (slots_.size() - 1)]);
#else
  (void)hash;
#endif
}

DossierCounts& GroupTable::find_or_add(std::string_view key, std::uint64_t h) {
  if (2 * (counts_.size() + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.group == empty) {
      if (counts_.size() >= empty || key.size() >= UINT32_MAX) {
        throw error(error_kind::argument, "dossier groups", "more groups or a longer key than a tally can hold");
      }
      const std::string& kept = keys_.emplace_back(key);
      slot = {h, static_cast<std::uint32_t>(counts_.size()), static_cast<std::uint32_t>(key.size()), kept.data()};
      return counts_.emplace_back();
    }
    if (slot.hash == h && slot.key_size == key.size() && std::memcmp(slot.key, key.data(), key.size()) == 0) {
      return counts_[slot.group];
    }
  }
}

void GroupTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.group == empty) continue;
    std::size_t i = static_cast<std::size_t>(s.hash) & mask;
    while (slots_[i].group != empty) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace parindex::detail
