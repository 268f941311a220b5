#include <iostream>
#include <parindex/parindex.hpp>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  try {
    auto framework = parindex::load_framework(argv[1]);
    auto card = parindex::evaluate(framework, parindex::load_assessment(argv[2]));
    std::cout << card.unit.code << " " << parindex::format_fixed(card.total(), 2) << "/"
              << parindex::format_fixed(card.scale_max, 2) << "\n";
    return 0;
  } catch (const parindex::error& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
}
