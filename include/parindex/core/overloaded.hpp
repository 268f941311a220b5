// A visitor made of lambdas, one per alternative: std::visit(overloaded{...}, variant).
#pragma once

namespace parindex {

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
// Spelled out for compilers without aggregate deduction (clang before 17).
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

}  // namespace parindex
