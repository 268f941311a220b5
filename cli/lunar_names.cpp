// Lunar dates as the lunar and solar commands read and write them.
#include "cli.hpp"

namespace parindex::cli {

namespace {

// The sexagenary name of a lunar year: "Giáp Thìn" for 2024.
std::string year_name(int year) {
  static const char* stems[] = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
  static const char* branches[] = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};
  return std::string(stems[(year + 6) % 10]) + " " + branches[(year + 8) % 12];
}

}  // namespace

LunarDate lunar_argument(const std::string& text) {
  // YYYY-MM-DD or YYYY-MML-DD
  auto fail = [&]() -> LunarDate {
    throw UsageError("\"" + text + "\" is not a lunar date: expected YYYY-MM-DD, or YYYY-MML-DD for a leap month");
  };
  bool leap = text.size() == 11 && text[7] == 'L';
  std::string plain = leap ? text.substr(0, 7) + text.substr(8) : text;
  if (plain.size() != 10 || plain[4] != '-' || plain[7] != '-') return fail();
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (plain[i] < '0' || plain[i] > '9') return fail();
  }
  return LunarDate{std::stoi(plain.substr(0, 4)), static_cast<unsigned>(std::stoi(plain.substr(5, 2))),
                   static_cast<unsigned>(std::stoi(plain.substr(8, 2))), leap};
}

std::string describe_lunar(const LunarDate& l) {
  return "ngày " + std::to_string(l.day) + " tháng " + std::to_string(l.month) + (l.leap ? " nhuận" : "") + " năm " +
         year_name(l.year);
}

}  // namespace parindex::cli
