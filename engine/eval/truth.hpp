// The three-valued rules of SPEC §6, written once: `not`, `and`/`or` and `any`/`all` (and `in`,
// which is `any` of equalities) on truth values. Both ways of evaluating a node call them, the
// general `Context::eval` over Values and the typed fast paths (`Context::eval_truth`); each says
// only how it gets an operand's truth. The operands come from callables, so that an operand the
// result no longer needs is never evaluated (it could spend work or read a long list) and so that
// the compiler inlines the whole rule into the caller's loop.
#pragma once

#include <cstdint>
#include <optional>

namespace dealgate::evaluation {

enum Truth : std::uint8_t { False = 0, True = 1, Unknown = 2, NotEvaluated = 3 };

constexpr Truth truth(bool b) {
  return b ? True : False;
}

// Kleene `not`: unknown stays unknown.
constexpr Truth truth_not(Truth t) {
  return t == Unknown ? Unknown : t == True ? False : True;
}

// The running result of `and`/`all` (Decisive = False) or `or`/`any` (Decisive = True): the
// decisive value wins over unknown, unknown over the other value; with no operand at all the
// result is the other value (`all` of nothing is true, `any` of nothing false).
template <Truth Decisive>
class Kleene {
 public:
  // Takes one more operand; true once the result is decided, so that the rest are not evaluated.
  constexpr bool take(Truth t) {
    if (result_ == Decisive) return true;
    if (t == Decisive || t == Unknown) result_ = t;
    return t == Decisive;
  }
  constexpr Truth result() const { return result_; }

 private:
  Truth result_ = truth_not(Decisive);
};

// `left and right`, `left or right`: `right()` is evaluated only when `left()` does not decide.
template <Truth Decisive, typename Left, typename Right>
constexpr Truth kleene_pair(Left&& left, Right&& right) {
  Kleene<Decisive> k;
  if (!k.take(left())) k.take(right());
  return k.result();
}
template <typename Left, typename Right>
constexpr Truth truth_and(Left&& left, Right&& right) {
  return kleene_pair<False>(left, right);
}
template <typename Left, typename Right>
constexpr Truth truth_or(Left&& left, Right&& right) {
  return kleene_pair<True>(left, right);
}

// What a quantifier's element gives: its truth, or nothing when evaluation has to stop (the work
// budget ran out), which makes the whole quantifier unknown at once.
using ElementTruth = std::optional<Truth>;

// The quantifier over `count` elements: `element(i)` is evaluated in order until one decides.
template <Truth Decisive, typename Element>
constexpr Truth kleene_fold(std::uint32_t count, Element&& element) {
  Kleene<Decisive> k;
  for (std::uint32_t i = 0; i < count; ++i) {
    const ElementTruth t = element(i);
    if (!t) return Unknown;
    if (k.take(*t)) break;
  }
  return k.result();
}
// `any(x in list: p)`, and `x in list` as any element equal to x.
template <typename Element>
constexpr Truth any_of(std::uint32_t count, Element&& element) {
  return kleene_fold<True>(count, element);
}
// `all(x in list: p)`.
template <typename Element>
constexpr Truth all_of(std::uint32_t count, Element&& element) {
  return kleene_fold<False>(count, element);
}

// `x in list` (found: whether some element equals x) or `x not in list`, its negation.
constexpr Truth membership(bool negated, Truth found) {
  return negated ? truth_not(found) : found;
}

}  // namespace dealgate::evaluation
