#include "tables.hpp"

#include <algorithm>

namespace parindex::cli {

std::vector<std::string> say(Language l, std::initializer_list<Words> headings) {
  std::vector<std::string> out;
  for (const auto& w : headings) out.push_back(say(l, w));
  return out;
}

std::size_t display_width(const std::string& s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    bool combining = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
                     (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
    if (!combining) ++width;
    i += len;
  }
  return width;
}

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string markdown_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else out += c;
  }
  return out;
}

}  // namespace

void Table::render(std::ostream& out, Format format) const {
  const std::size_t n = headers.size();
  auto right = [&](std::size_t i) { return i < right_aligned.size() && right_aligned[i]; };
  if (format == Format::csv) {
    for (std::size_t i = 0; i < n; ++i) out << (i ? "," : "") << csv_field(headers[i]);
    out << "\n";
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < n; ++i) out << (i ? "," : "") << csv_field(i < row.size() ? row[i] : "");
      out << "\n";
    }
    return;
  }
  if (format == Format::markdown) {
    out << "|";
    for (const auto& h : headers) out << " " << markdown_cell(h) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < n; ++i) out << (right(i) ? " ---: |" : " --- |");
    out << "\n";
    for (const auto& row : rows) {
      out << "|";
      for (std::size_t i = 0; i < n; ++i) out << " " << markdown_cell(i < row.size() ? row[i] : "") << " |";
      out << "\n";
    }
    return;
  }
  std::vector<std::size_t> width(n, 0);
  for (std::size_t i = 0; i < n; ++i) width[i] = display_width(headers[i]);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < n && i < row.size(); ++i) width[i] = std::max(width[i], display_width(row[i]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string cell = i < cells.size() ? cells[i] : "";
      std::string pad(width[i] - display_width(cell), ' ');
      text += (i ? "  " : "") + (right(i) ? pad + cell : cell + pad);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << "\n";
  };
  line(headers);
  std::vector<std::string> rule;
  for (std::size_t i = 0; i < n; ++i) rule.push_back(std::string(width[i], '-'));
  line(rule);
  for (const auto& row : rows) line(row);
}

}  // namespace parindex::cli
