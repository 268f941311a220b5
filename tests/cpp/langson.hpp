// The Lạng Sơn example shared by the decision tests: the district framework and the eleven
// units' assessments (Bắc Sơn published, ten invented), in file-name order.
#pragma once

#include <algorithm>
#include <filesystem>
#include <vector>

#include "parindex/io/json.hpp"
#include "test_support.hpp"

inline parindex::Framework langson() {
  return parindex::load_framework(source_path("data/frameworks/langson-district-2023.json"));
}

inline std::vector<parindex::Assessment> langson_units() {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(source_path("examples/langson-2023"))) {
    if (f.path().extension() == ".json") files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<parindex::Assessment> out;
  for (const auto& f : files) out.push_back(parindex::load_assessment(f));
  return out;
}
