// Differential test: seeded random rule sets and deals, evaluated by the real pipeline (compile →
// plan → Evaluator, deals read by FactsReader from JSON text) and by the reference evaluator
// below, which walks the AST and the generated deal directly and is written straight from SPEC §6:
// every value carries the fact paths that made it unknown, and each operator says in one line how
// it treats unknown operands. Statuses, failed/unknown ids, milestones, warnings, missing/invalid
// paths and messages must agree.
//
// Where SPEC §6 is silent, the reference follows docs/language.md: `min`/`max` of an empty list and
// a date outside 0001-01-01..9999-12-31 are unknown; `count(x in l: p)` and `sum` are unknown when
// any element is; the unknown operands whose facts are reported are those that could have decided
// the result (both sides of an undecided `and`, every unknown element of an undecided `any`).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/compile/compiler.hpp"
#include "engine/eval/evaluator.hpp"
#include "engine/facts/json_facts.hpp"
#include "base/text.hpp"
#include "base/calendar.hpp"
#include "grammar/diagnostic_render.hpp"

namespace dealgate {
namespace {

// ---- The schema, as the generator and the reference see it ------------------------------------

struct TypeNode;
using TypePtr = std::shared_ptr<const TypeNode>;
struct TypeNode {
  enum Kind { Bool, Number, String, Date, List, Record } kind;
  TypePtr element;
  std::vector<std::pair<std::string, TypePtr>> fields;
};

TypePtr scalar(TypeNode::Kind k) { return std::make_shared<TypeNode>(TypeNode{k, nullptr, {}}); }
TypePtr list_of(TypePtr e) { return std::make_shared<TypeNode>(TypeNode{TypeNode::List, std::move(e), {}}); }
TypePtr record(std::vector<std::pair<std::string, TypePtr>> f) {
  return std::make_shared<TypeNode>(TypeNode{TypeNode::Record, nullptr, std::move(f)});
}

TypePtr deal_type() {
  static TypePtr t = [] {
    auto B = scalar(TypeNode::Bool), N = scalar(TypeNode::Number), S = scalar(TypeNode::String),
         D = scalar(TypeNode::Date);
    auto sub = record({{"w", N}, {"on", B}});
    auto item = record({{"ok", B}, {"v", N}, {"name", S}, {"when", D}, {"tags", list_of(S)},
                        {"subs", list_of(sub)}});
    return record({{"id", S},
                   {"b1", B},
                   {"b2", B},
                   {"n1", N},
                   {"n2", N},
                   {"s1", S},
                   {"s2", S},
                   {"d1", D},
                   {"d2", D},
                   {"ns", list_of(N)},
                   {"ss", list_of(S)},
                   {"ds", list_of(D)},
                   {"bs", list_of(B)},
                   {"r", record({{"f", B}, {"x", N}, {"t", S}, {"d", D},
                                 {"inner", record({{"y", N}, {"tags", list_of(S)}})}})},
                   {"items", list_of(item)}});
  }();
  return t;
}

std::string type_text(const TypeNode& t) {
  switch (t.kind) {
    case TypeNode::Bool: return "bool";
    case TypeNode::Number: return "number";
    case TypeNode::String: return "string";
    case TypeNode::Date: return "date";
    case TypeNode::List: return "list<" + type_text(*t.element) + ">";
    case TypeNode::Record: {
      std::string out = "{ ";
      for (std::size_t i = 0; i < t.fields.size(); ++i) {
        out += (i ? ", " : "") + t.fields[i].first + ": " + type_text(*t.fields[i].second);
      }
      return out + " }";
    }
  }
  return "?";
}

// ---- Deals: JSON trees, written out for FactsReader and read directly by the reference --------

// An object's fields are a struct of their own, not std::pair<std::string, Json>: clang 14 with
// libstdc++ 12 rejects a pair of the still-incomplete Json inside Json's own definition (it checks
// whether Json is default-constructible there), and the sanitizer build uses clang.
struct JsonField;
struct Json {
  enum Kind { Absent, Null, Bool, Number, String, Array, Object } kind = Absent;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::vector<Json> items;
  std::vector<JsonField> fields;
};
struct JsonField {
  std::string name;
  Json value;
};

std::string to_json(const Json& j) {
  switch (j.kind) {
    case Json::Absent: case Json::Null: return "null";
    case Json::Bool: return j.boolean ? "true" : "false";
    case Json::Number: return fmt::format("{}", j.number);
    case Json::String: {
      std::string out = "\"";
      for (char c : j.text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      return out + "\"";
    }
    case Json::Array: {
      std::string out = "[";
      for (std::size_t i = 0; i < j.items.size(); ++i) out += (i ? "," : "") + to_json(j.items[i]);
      return out + "]";
    }
    case Json::Object: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, v] : j.fields) {
        if (v.kind == Json::Absent) continue;
        out += (first ? "\"" : ",\"") + k + "\":" + to_json(v);
        first = false;
      }
      return out + "}";
    }
  }
  return "null";
}

const std::vector<double> kNumbers = {0, 1, 2, 2.5, -3, 10, 0.1, 100, 1.5e308, -7.25};
const std::vector<std::string> kStrings = {"alpha", "Beta", "ärger", "ÄRGER", "", "x y", "al"};
// Date strings the reader accepts, with their day, and strings it does not.
const std::vector<std::pair<std::string, DayNumber>> kDates = {
    {"2026-11-20", days_from_civil(2026, 11, 20)},
    {"2026-01-15", days_from_civil(2026, 1, 15)},
    {"2024-02-29", days_from_civil(2024, 2, 29)},
    {"2026-11-20T14:03:00Z", days_from_civil(2026, 11, 20)},
    {"0001-01-02", days_from_civil(1, 1, 2)},
    {"9999-12-30", days_from_civil(9999, 12, 30)}};
const std::vector<std::string> kBadDates = {"2026-02-30", "soon", "2026-13-01"};

std::optional<DayNumber> date_of(const std::string& s) {
  for (const auto& [text, day] : kDates) {
    if (text == s) return day;
  }
  return std::nullopt;
}

class DealGenerator {
 public:
  explicit DealGenerator(std::mt19937& rng) : rng_(rng) {}

  Json value(const TypeNode& t, int depth) {
    unsigned roll = rng_() % 100;
    Json j;
    if (roll < 10) return j;  // absent
    if (roll < 18) {
      j.kind = Json::Null;
      return j;
    }
    if (roll < 28) return wrong(t);
    switch (t.kind) {
      case TypeNode::Bool: j.kind = Json::Bool; j.boolean = rng_() % 2; break;
      case TypeNode::Number: j.kind = Json::Number; j.number = pick(kNumbers); break;
      case TypeNode::String: j.kind = Json::String; j.text = pick(kStrings); break;
      case TypeNode::Date: j.kind = Json::String; j.text = pick(kDates).first; break;
      case TypeNode::List: {
        j.kind = Json::Array;
        std::size_t n = depth > 2 ? rng_() % 2 : rng_() % 5;
        for (std::size_t i = 0; i < n; ++i) {
          Json e = value(*t.element, depth + 1);
          if (e.kind == Json::Absent) e.kind = Json::Null;
          j.items.push_back(std::move(e));
        }
        break;
      }
      case TypeNode::Record:
        j.kind = Json::Object;
        for (const auto& [name, type] : t.fields) j.fields.push_back({name, value(*type, depth + 1)});
        break;
    }
    return j;
  }

 private:
  // A present value of the wrong JSON type (or a string that is no date).
  Json wrong(const TypeNode& t) {
    Json j;
    switch (rng_() % 4) {
      case 0: j.kind = Json::String; j.text = t.kind == TypeNode::Date ? pick(kBadDates) : "12"; break;
      case 1: j.kind = Json::Number; j.number = 4; break;
      case 2: j.kind = Json::Array; break;
      default: j.kind = Json::Object; j.fields.push_back({"f", Json{Json::Bool, true, 0, {}, {}, {}}}); break;
    }
    bool fits = (t.kind == TypeNode::Number && j.kind == Json::Number) ||
                (t.kind == TypeNode::String && j.kind == Json::String) ||
                (t.kind == TypeNode::List && j.kind == Json::Array) ||
                (t.kind == TypeNode::Record && j.kind == Json::Object);
    if (fits) {
      j.kind = Json::Bool;
      j.boolean = false;
      if (t.kind == TypeNode::Bool) j = Json{Json::Number, false, 1, {}, {}, {}};
    }
    return j;
  }

  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[rng_() % v.size()];
  }
  std::mt19937& rng_;
};

// ---- The reference evaluator --------------------------------------------------------------------

// A fact as the reference sees it: where it is, its declared type, and its JSON (null if absent).
struct FactRef {
  enum State { Missing, Invalid, Present } state = Missing;
  std::string path;
  const TypeNode* type = nullptr;
  const Json* json = nullptr;
};

// SPEC §6: absent or null is missing; a JSON type that does not fit is invalid.
FactRef fact(std::string path, const TypeNode& type, const Json* json) {
  FactRef f{FactRef::Missing, std::move(path), &type, json};
  if (!json || json->kind == Json::Absent || json->kind == Json::Null) return f;
  bool fits = false;
  switch (type.kind) {
    case TypeNode::Bool: fits = json->kind == Json::Bool; break;
    case TypeNode::Number: fits = json->kind == Json::Number; break;
    case TypeNode::String: fits = json->kind == Json::String; break;
    case TypeNode::Date: fits = json->kind == Json::String && date_of(json->text).has_value(); break;
    case TypeNode::List: fits = json->kind == Json::Array; break;
    case TypeNode::Record: fits = json->kind == Json::Object; break;
  }
  f.state = fits ? FactRef::Present : FactRef::Invalid;
  return f;
}

// A field of a record fact. Inside a record that is missing, everything is missing; inside one
// that is invalid (not an object), everything is invalid (engine/facts/facts_convert.hpp).
FactRef field(const FactRef& rec, const std::string& name) {
  const TypeNode* type = nullptr;
  for (const auto& [n, t] : rec.type->fields) {
    if (n == name) type = t.get();
  }
  EXPECT_NE(type, nullptr) << name;
  std::string path = rec.path + "." + name;
  if (rec.state != FactRef::Present) return FactRef{rec.state, path, type, nullptr};
  const Json* json = nullptr;
  for (const auto& [k, v] : rec.json->fields) {
    if (k == name) json = &v;
  }
  return fact(path, *type, json);
}

FactRef element(const FactRef& list, std::size_t i) {
  return fact(list.path + "[" + std::to_string(i) + "]", *list.type->element, &list.json->items[i]);
}

struct Val {
  enum Kind { Unknown, Bool, Number, String, Date, List } kind = Unknown;
  bool b = false;
  double n = 0;
  std::string s;
  DayNumber d = 0;
  std::vector<Val> items;          // a list written in the rules
  std::optional<FactRef> fact_list;  // a list fact
  std::set<std::string> missing, invalid;  // Unknown: the facts that made it so

  bool unknown() const { return kind == Unknown; }
  bool is_true() const { return kind == Bool && b; }
  bool is_false() const { return kind == Bool && !b; }
};

Val of_bool(bool b) { Val v; v.kind = Val::Bool; v.b = b; return v; }
Val of_number(double n) { Val v; v.kind = Val::Number; v.n = n; return v; }
Val of_date(DayNumber d) { Val v; v.kind = Val::Date; v.d = d; return v; }
Val of_string(std::string s) { Val v; v.kind = Val::String; v.s = std::move(s); return v; }

// Unknown, because of the unknown ones among `from`.
Val unknown_from(std::initializer_list<const Val*> from) {
  Val v;
  for (const Val* f : from) {
    if (!f->unknown()) continue;
    v.missing.insert(f->missing.begin(), f->missing.end());
    v.invalid.insert(f->invalid.begin(), f->invalid.end());
  }
  return v;
}
void add_causes(Val& to, const Val& from) {
  to.missing.insert(from.missing.begin(), from.missing.end());
  to.invalid.insert(from.invalid.begin(), from.invalid.end());
}
// Unknown because of every unknown one among `values`; nothing when none is unknown.
std::optional<Val> unknown_among(const std::vector<Val>& values) {
  std::optional<Val> undecided;
  for (const Val& v : values) {
    if (!v.unknown()) continue;
    if (!undecided) undecided.emplace();
    add_causes(*undecided, v);
  }
  return undecided;
}

Val value_of(const FactRef& f) {
  Val v;
  if (f.state == FactRef::Missing) {
    v.missing.insert(f.path);
    return v;
  }
  if (f.state == FactRef::Invalid) {
    v.invalid.insert(f.path);
    return v;
  }
  switch (f.type->kind) {
    case TypeNode::Bool: return of_bool(f.json->boolean);
    case TypeNode::Number: return of_number(f.json->number);
    case TypeNode::String: return of_string(f.json->text);
    case TypeNode::Date: return of_date(*date_of(f.json->text));
    case TypeNode::List: v.kind = Val::List; v.fact_list = f; return v;
    case TypeNode::Record: return of_bool(true);  // only `exists` reads a record
  }
  return v;
}

struct Binding {
  std::string name;
  std::optional<FactRef> fact;  // an element of a list fact
  Val value;                    // an element of a list written in the rules
};

class Reference {
 public:
  Reference(const std::vector<ast::File>& files, const Json& deal, DayNumber today,
            const std::map<std::string, Val>& param_overrides)
      : deal_(fact("", *deal_type(), &deal)), today_(today) {
    for (const ast::File& file : files) {
      for (const ast::Decl& decl : file.decls) {
        if (auto* c = std::get_if<ast::ConstDecl>(&decl)) consts_[c->name.name] = c->value.get();
        if (auto* p = std::get_if<ast::ParamDecl>(&decl)) {
          auto o = param_overrides.find(p->name.name);
          params_[p->name.name] = o != param_overrides.end() ? o->second : eval(*p->value);
        }
        if (auto* b = std::get_if<ast::Block>(&decl)) blocks_.push_back(b);
      }
    }
  }

  Val eval(const ast::Expr& e) {
    using K = ast::Expr::Kind;
    switch (e.kind) {
      case K::Number: return of_number(e.number);
      case K::String: return of_string(e.text);
      case K::Bool: return of_bool(e.boolean);
      case K::Date: return of_date(days_from_civil(e.year, e.month, e.day));
      case K::Today: return of_date(today_);
      case K::List: {
        Val v;
        v.kind = Val::List;
        for (const auto& item : e.args) v.items.push_back(eval(*item));
        return v;
      }
      case K::Record: ADD_FAILURE() << "record in a condition"; return {};
      case K::Path: {
        std::optional<FactRef> f = path_fact(e);
        if (f) return value_of(*f);
        const std::string& name = e.path[0].name;
        for (std::size_t i = binders_.size(); i-- > 0;) {
          if (binders_[i].name == name) return binders_[i].value;
        }
        if (consts_.count(name)) {
          std::vector<Binding> saved;
          saved.swap(binders_);
          Val v = eval(*consts_.at(name));
          saved.swap(binders_);
          return v;
        }
        return params_.at(name);
      }
      case K::Unary: {
        Val v = eval(*e.args[0]);
        if (v.unknown()) return v;
        return e.unary_op == ast::UnaryOp::Not ? of_bool(!v.b) : of_number(-v.n);
      }
      case K::Binary: return binary(e);
      case K::Call: return call(e);
      case K::Quantifier: return quantifier(e);
    }
    return {};
  }

  // The fact a path names, if it names one (through quantifier variables too).
  std::optional<FactRef> path_fact(const ast::Expr& e) {
    const std::string& name = e.path[0].name;
    std::optional<FactRef> at;
    bool is_binder = false;
    for (std::size_t i = binders_.size(); i-- > 0;) {
      if (binders_[i].name == name) {
        at = binders_[i].fact;
        is_binder = true;
        break;
      }
    }
    if (!is_binder) {
      if (consts_.count(name) || params_.count(name)) return std::nullopt;
      at = field(deal_, name);
      at->path = name;
    }
    if (!at) return std::nullopt;
    for (std::size_t i = 1; i < e.path.size(); ++i) at = field(*at, e.path[i].name);
    return at;
  }

  std::size_t size(const Val& list) const {
    return list.fact_list ? list.fact_list->json->items.size() : list.items.size();
  }
  Val item(const Val& list, std::size_t i) const {
    return list.fact_list ? value_of(element(*list.fact_list, i)) : list.items[i];
  }

  static bool equal(const Val& a, const Val& b) {
    switch (a.kind) {
      case Val::Bool: return a.b == b.b;
      case Val::Number: return a.n == b.n;
      case Val::String: return a.s == b.s;
      case Val::Date: return a.d == b.d;
      default: return false;
    }
  }

  static Val shift(DayNumber date, double days) {
    double shifted = date + std::floor(days);
    if (!(shifted >= days_from_civil(1, 1, 1) && shifted <= days_from_civil(9999, 12, 31))) return {};
    return of_date(static_cast<DayNumber>(shifted));
  }

  Val binary(const ast::Expr& e) {
    using Op = ast::BinaryOp;
    Val l = eval(*e.args[0]);
    Val r = eval(*e.args[1]);
    switch (e.binary_op) {
      case Op::And:  // Kleene: false wins, then unknown
        if (l.is_false() || r.is_false()) return of_bool(false);
        if (l.unknown() || r.unknown()) return unknown_from({&l, &r});
        return of_bool(true);
      case Op::Or:  // true wins, then unknown
        if (l.is_true() || r.is_true()) return of_bool(true);
        if (l.unknown() || r.unknown()) return unknown_from({&l, &r});
        return of_bool(false);
      case Op::Coalesce:
        if (!l.unknown()) return l;
        if (!r.unknown()) return r;
        return unknown_from({&l, &r});
      case Op::In: case Op::NotIn: {
        // Unknown when the value or the list is; else found, or unknown if an unknown element
        // might have been it.
        if (l.unknown() || r.unknown()) {
          Val v = unknown_from({&l, &r});
          if (!r.unknown()) {
            for (std::size_t i = 0; i < size(r); ++i) add_causes(v, item(r, i));
          }
          return v;
        }
        std::vector<Val> items;
        for (std::size_t i = 0; i < size(r); ++i) items.push_back(item(r, i));
        for (const Val& x : items) {
          if (!x.unknown() && equal(l, x)) return of_bool(e.binary_op == Op::In);
        }
        if (std::optional<Val> undecided = unknown_among(items)) return *undecided;
        return of_bool(e.binary_op == Op::NotIn);
      }
      default: break;
    }
    if (l.unknown() || r.unknown()) return unknown_from({&l, &r});
    switch (e.binary_op) {
      case Op::Equal: return of_bool(equal(l, r));
      case Op::NotEqual: return of_bool(!equal(l, r));
      case Op::Less: return of_bool(l.kind == Val::Date ? l.d < r.d : l.n < r.n);
      case Op::LessEqual: return of_bool(l.kind == Val::Date ? l.d <= r.d : l.n <= r.n);
      case Op::Greater: return of_bool(l.kind == Val::Date ? l.d > r.d : l.n > r.n);
      case Op::GreaterEqual: return of_bool(l.kind == Val::Date ? l.d >= r.d : l.n >= r.n);
      case Op::Add:
        if (l.kind == Val::Date) return shift(l.d, r.n);
        if (r.kind == Val::Date) return shift(r.d, l.n);
        return of_number(l.n + r.n);
      case Op::Subtract:
        if (l.kind == Val::Date && r.kind == Val::Date) return of_number(static_cast<double>(l.d) - r.d);
        if (l.kind == Val::Date) return shift(l.d, -r.n);
        return of_number(l.n - r.n);
      case Op::Multiply: return of_number(l.n * r.n);
      case Op::Divide:
        if (r.n == 0) return {};  // division by zero
        return of_number(l.n / r.n);
      default: return {};
    }
  }

  // sum, min, max over values; unknown when any value is.
  static Val fold(const std::string& f, const std::vector<Val>& values) {
    if (std::optional<Val> undecided = unknown_among(values)) return *undecided;
    if (f == "sum") {
      double total = 0;
      for (const Val& v : values) total += v.n;
      return of_number(total);
    }
    if (values.empty()) return {};  // min/max of nothing
    double best = values[0].n;
    for (const Val& v : values) {
      if (f == "min" ? v.n < best : v.n > best) best = v.n;
    }
    return of_number(best);
  }

  Val call(const ast::Expr& e) {
    const std::string& f = e.callee.name;
    if (f == "exists") {
      std::optional<FactRef> at = path_fact(*e.args[0]);
      EXPECT_TRUE(at.has_value());
      return of_bool(at && at->state == FactRef::Present);
    }
    std::vector<Val> args;
    for (const auto& a : e.args) args.push_back(eval(*a));
    for (const Val& a : args) {
      if (a.unknown()) {
        Val v;
        for (const Val& b : args) add_causes(v, b);
        return v;
      }
    }
    if (f == "count") return of_number(static_cast<double>(size(args[0])));
    if (f == "sum" || f == "min" || f == "max") {
      std::vector<Val> items;
      for (std::size_t i = 0; i < size(args[0]); ++i) items.push_back(item(args[0], i));
      return fold(f, items);
    }
    if (f == "lower") return of_string(utf8_lower(args[0].s));
    if (f == "len") return of_number(static_cast<double>(utf8_length(args[0].s)));
    if (f == "contains") return of_bool(args[0].s.find(args[1].s) != std::string::npos);
    if (f == "starts_with") return of_bool(args[0].s.compare(0, args[1].s.size(), args[1].s) == 0);
    ADD_FAILURE() << "no function " << f;
    return {};
  }

  Val quantifier(const ast::Expr& e) {
    const std::string& f = e.callee.name;
    Val list = eval(*e.args[0]);
    if (list.unknown()) return list;
    std::vector<Val> results;
    for (std::size_t i = 0; i < size(list); ++i) {
      Binding b;
      b.name = e.binder.name;
      if (list.fact_list) {
        b.fact = element(*list.fact_list, i);
        b.value = value_of(*b.fact);
      } else {
        b.value = list.items[i];
      }
      binders_.push_back(std::move(b));
      results.push_back(eval(*e.args[1]));
      binders_.pop_back();
    }
    if (f == "any" || f == "all") {
      bool decisive = f == "any";
      for (const Val& r : results) {
        if (!r.unknown() && r.b == decisive) return of_bool(decisive);
      }
      if (std::optional<Val> undecided = unknown_among(results)) return *undecided;
      return of_bool(!decisive);
    }
    if (f == "count") {
      if (std::optional<Val> undecided = unknown_among(results)) return *undecided;
      double n = 0;
      for (const Val& r : results) n += r.is_true();
      return of_number(n);
    }
    return fold(f, results);
  }

  std::string render(const Val& v) {
    switch (v.kind) {
      case Val::Bool: return v.b ? "true" : "false";
      case Val::Number: return format_number(v.n);
      case Val::String: return v.s;
      case Val::Date: return format_date(v.d);
      case Val::List: {
        std::string out = "[";
        for (std::size_t i = 0; i < size(v); ++i) {
          Val x = item(v, i);
          out += (i ? ", " : "") + (x.unknown() ? std::string("<missing>") : render(x));
        }
        return out + "]";
      }
      case Val::Unknown:
        return !v.missing.empty() ? "<missing>" : !v.invalid.empty() ? "<invalid>" : "<unknown>";
    }
    return "";
  }

  // ---- Blocks and gates (SPEC §6 statuses, §7 record)

  struct ConditionResult {
    std::string id;
    bool warning = false;
    Val value;
    std::optional<std::string> message;
  };

  std::size_t block_index(const std::string& name) const {
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      if (blocks_[i]->name.name == name) return i;
    }
    ADD_FAILURE() << "no block " << name;
    return 0;
  }

  const std::vector<ConditionResult>& conditions(std::size_t b) {
    auto it = conditions_.find(b);
    if (it != conditions_.end()) return it->second;
    std::vector<ConditionResult> out;
    const ast::Block& block = *blocks_[b];
    for (std::size_t i = 0; i < block.conditions.size(); ++i) {
      const ast::Condition& c = block.conditions[i];
      ConditionResult r;
      r.id = block.name.name + "." + (c.label ? c.label->name : std::to_string(i + 1));
      r.warning = c.kind == ast::Condition::Kind::Warn;
      r.value = eval(*c.expr);
      bool reported = r.warning ? !r.value.is_true() : r.value.is_false();
      if (reported && c.message) {
        std::string text;
        for (const ast::MessagePart& part : c.message->parts) {
          text += part.expr ? render(eval(*part.expr)) : part.text;
        }
        r.message = text;
      }
      out.push_back(std::move(r));
    }
    return conditions_[b] = std::move(out);
  }

  Status status(std::size_t b) {
    bool failed = false, unknown = false;
    for (const auto& stmt : blocks_[b]->requires_stmts) {
      for (const auto& name : stmt.names) {
        Status s = status(block_index(name.name));
        failed = failed || s == Status::Fail;
        unknown = unknown || s == Status::Unknown;
      }
    }
    for (const ConditionResult& c : conditions(b)) {
      if (c.warning) continue;
      failed = failed || c.value.is_false();
      unknown = unknown || c.value.unknown();
    }
    return failed ? Status::Fail : unknown ? Status::Unknown : Status::Pass;
  }

  void reach(std::size_t b, std::vector<bool>& seen) {
    if (seen[b]) return;
    seen[b] = true;
    for (const auto& stmt : blocks_[b]->requires_stmts) {
      for (const auto& name : stmt.names) reach(block_index(name.name), seen);
    }
  }

  // The gate's JSON Lines record, as text.
  std::string gate(std::size_t g) {
    std::vector<bool> seen(blocks_.size(), false);
    reach(g, seen);
    std::vector<std::string> failed, unknown, warnings, messages, milestones;
    std::set<std::string> missing, invalid;
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      if (!seen[b]) continue;
      if (b != g) milestones.push_back(blocks_[b]->name.name + "=" + status_name(status(b)));
      for (const ConditionResult& c : conditions(b)) {
        if (c.warning ? !c.value.is_true() : false) warnings.push_back(c.id);
        if (!c.warning && c.value.is_false()) failed.push_back(c.id);
        if (!c.warning && c.value.unknown()) unknown.push_back(c.id);
        if (c.value.unknown()) {
          missing.insert(c.value.missing.begin(), c.value.missing.end());
          invalid.insert(c.value.invalid.begin(), c.value.invalid.end());
        }
        if (c.message) messages.push_back(*c.message);
      }
    }
    return describe(blocks_[g]->name.name, status(g), failed, unknown,
                    {missing.begin(), missing.end()}, {invalid.begin(), invalid.end()}, milestones,
                    warnings, messages);
  }

  static std::string describe(const std::string& name, Status status,
                              const std::vector<std::string>& failed,
                              const std::vector<std::string>& unknown,
                              const std::vector<std::string>& missing,
                              const std::vector<std::string>& invalid,
                              const std::vector<std::string>& milestones,
                              const std::vector<std::string>& warnings,
                              const std::vector<std::string>& messages) {
    auto list = [](const char* what, const std::vector<std::string>& v) {
      std::string out = std::string("\n  ") + what + ":";
      for (const std::string& s : v) out += " [" + s + "]";
      return out;
    };
    return name + ": " + status_name(status) + list("failed", failed) + list("unknown", unknown) +
           list("missing", missing) + list("invalid", invalid) + list("milestones", milestones) +
           list("warnings", warnings) + list("messages", messages);
  }

 private:
  FactRef deal_;
  DayNumber today_;
  std::map<std::string, const ast::Expr*> consts_;
  std::map<std::string, Val> params_;
  std::vector<const ast::Block*> blocks_;
  std::vector<Binding> binders_;
  std::map<std::size_t, std::vector<ConditionResult>> conditions_;
};

std::string describe_real(const Plan& plan, const GateResult& g) {
  auto ids = [&](const std::vector<ConditionIndex>& v) {
    std::vector<std::string> out;
    for (ConditionIndex c : v) out.push_back(plan.conditions[c].id);
    return out;
  };
  std::vector<std::string> milestones;
  for (const auto& [b, s] : g.milestones) milestones.push_back(plan.blocks[b].name + "=" + status_name(s));
  return Reference::describe(plan.blocks[g.gate].name, g.status, ids(g.failed), ids(g.unknown),
                             g.missing, g.invalid, milestones, ids(g.warnings), g.messages);
}

// ---- Rule sets ----------------------------------------------------------------------------------

enum class T { Bool, Number, String, Date };

// A list the generator can quantify over or search: its text, its element type, and for a list
// of records, the record type (so the variable's fields can be read).
struct ListChoice {
  std::string text;
  T element;
  const TypeNode* record = nullptr;
};

class RuleGenerator {
 public:
  explicit RuleGenerator(std::mt19937& rng) : rng_(rng) {}

  std::string rule_set() {
    std::string out = "ruleset \"differential\"\nfacts " + type_text(*deal_type()) + "\n";
    out += fmt::format("const c_n = {} * 2\n", number_literal());
    out += "const c_b = c_n > 3\n";
    out += fmt::format("const c_s = \"{}\"\n", kStrings[rng_() % kStrings.size()]);
    out += "const c_ln = [1, c_n, 2.5]\n";
    out += "const c_ls = [\"alpha\", c_s, \"ÄRGER\"]\n";
    out += "const c_d = @2026-01-15\n";
    // Infinity and NaN, which arithmetic on large facts can reach too.
    out += "const c_inf = 1" + std::string(308, '0') + " * 10\n";
    out += "const c_nan = c_inf - c_inf\n";
    out += fmt::format("param p_n: number = {}\n", number_literal());
    out += "param p_s: string = \"Beta\"\n";
    out += "param p_d: date = @2026-11-20\n";
    out += "param p_b: bool = true\n";
    int blocks = 1 + static_cast<int>(rng_() % 6);
    for (int b = 0; b < blocks; ++b) {
      bool is_gate = b == blocks - 1 || rng_() % 3 == 0;
      out += fmt::format("{} k{} {{\n", is_gate ? "gate" : "milestone", b);
      std::string requires_list;
      for (int d = 0; d < b; ++d) {
        if (rng_() % 3 == 0) requires_list += (requires_list.empty() ? "" : ", ") + fmt::format("k{}", d);
      }
      if (!requires_list.empty()) out += "  requires " + requires_list + "\n";
      int conditions = static_cast<int>(rng_() % 4) + (requires_list.empty() ? 1 : 0);
      for (int c = 0; c < conditions; ++c) {
        out += rng_() % 4 == 0 ? "  warn " : "  require ";
        if (rng_() % 2) out += fmt::format("l{}: ", c);
        in_message_ = false;
        out += boolean(3);
        if (rng_() % 2) {
          in_message_ = true;
          out += " else \"m{{" + std::to_string(c) + "}} ";
          for (int p = 0; p < 1 + static_cast<int>(rng_() % 2); ++p) {
            out += "{" + any_value(2) + "} ";
          }
          out += "end\"";
          in_message_ = false;
        }
        out += "\n";
      }
      out += "}\n";
    }
    return out;
  }

 private:
  bool chance(unsigned percent) { return rng_() % 100 < percent; }

  std::string number_literal() {
    static const char* kLiterals[] = {"0", "1", "2", "2.5", "3", "10", "0.1", "1_000", "7.25",
                                      "100000000000000000000"};
    return kLiterals[rng_() % std::size(kLiterals)];
  }

  // Fact paths of one type, including the current quantifier variables' fields.
  std::vector<std::string> paths(T t) {
    std::vector<std::string> out;
    switch (t) {
      case T::Bool: out = {"b1", "b2", "r.f"}; break;
      case T::Number: out = {"n1", "n2", "r.x", "r.inner.y"}; break;
      case T::String: out = {"s1", "s2", "r.t", "id"}; break;
      case T::Date: out = {"d1", "d2", "r.d"}; break;
    }
    for (const auto& [name, choice] : binders_) {
      if (choice.record) {
        for (const auto& [f, type] : choice.record->fields) {
          if (kind_of(*type) == t) out.push_back(name + "." + f);
        }
      } else if (choice.element == t) {
        out.push_back(name);
      }
    }
    return out;
  }

  static std::optional<T> kind_of(const TypeNode& t) {
    switch (t.kind) {
      case TypeNode::Bool: return T::Bool;
      case TypeNode::Number: return T::Number;
      case TypeNode::String: return T::String;
      case TypeNode::Date: return T::Date;
      default: return std::nullopt;
    }
  }

  std::string pick(const std::vector<std::string>& v) { return v[rng_() % v.size()]; }

  std::string leaf(T t) {
    std::vector<std::string> p = paths(t);
    if (!p.empty() && chance(70)) return pick(p);
    switch (t) {
      case T::Bool: return pick({"true", "false", "p_b", "c_b"});
      case T::Number: return chance(70) ? number_literal() : pick({"p_n", "c_n", "c_inf", "c_nan"});
      case T::String:
        if (in_message_ || chance(30)) return pick({"p_s", "c_s"});
        return "\"" + kStrings[rng_() % kStrings.size()] + "\"";
      case T::Date: return pick({"@2026-11-20", "@2026-01-15", "@2024-02-29", "today", "p_d", "c_d"});
    }
    return "?";
  }

  // Lists of scalars (or records, when `records` is set) that the generator may use.
  std::vector<ListChoice> lists(bool records) {
    const TypeNode& deal = *deal_type();
    const TypeNode* item = nullptr;
    const TypeNode* sub = nullptr;
    for (const auto& [n, t] : deal.fields) {
      if (n == "items") item = t->element.get();
    }
    for (const auto& [n, t] : item->fields) {
      if (n == "subs") sub = t->element.get();
    }
    std::vector<ListChoice> out = {
        {"ns", T::Number}, {"ss", T::String}, {"ds", T::Date}, {"bs", T::Bool}, {"r.inner.tags", T::String},
        {"c_ln", T::Number}, {"c_ls", T::String}};
    if (records) out.push_back({"items", T::Bool, item});
    for (const auto& [name, choice] : binders_) {
      if (choice.record == item) {
        out.push_back({name + ".tags", T::String});
        if (records) out.push_back({name + ".subs", T::Bool, sub});
      }
    }
    return out;
  }

  ListChoice list(std::optional<T> element, int depth, bool records) {
    if (element && chance(25)) {
      // A list written in the rules, with any expressions as elements.
      int n = static_cast<int>(rng_() % 4);
      std::string text = "[";
      for (int i = 0; i < n; ++i) text += (i ? ", " : "") + value(*element, depth - 1);
      return {text + "]", *element, nullptr};
    }
    std::vector<ListChoice> all = lists(records);
    std::vector<ListChoice> fit;
    for (const ListChoice& c : all) {
      if (!element ? true : (!c.record && c.element == *element)) fit.push_back(c);
    }
    if (fit.empty()) return {"[" + leaf(*element) + "]", *element};
    ListChoice c = fit[rng_() % fit.size()];
    if (!c.record && chance(15)) {
      // A list may be coalesced with a fallback list.
      c.text = "(" + c.text + " ?? [" + leaf(c.element) + "])";
    }
    return c;
  }

  // `f(x in list: body)` with the variable in scope for the body.
  std::string quantified(const std::string& f, int depth, std::optional<T> body) {
    ListChoice over;
    if (chance(20)) {
      // Over a list written in the rules: its elements may be facts, and so unknown.
      over.element = static_cast<T>(rng_() % 4);
      over.text = "[" + leaf(over.element);
      for (int n = static_cast<int>(rng_() % 3); n > 0; --n) over.text += ", " + leaf(over.element);
      over.text += "]";
    } else {
      over = list(std::nullopt, depth, true);
    }
    std::string name = "q" + std::to_string(binders_.size());
    std::string head = f + "(" + name + " in " + over.text + ": ";
    binders_.emplace_back(name, over);
    std::string inside = body ? value(*body, depth - 1) : boolean(depth - 1);
    binders_.pop_back();
    return head + inside + ")";
  }

  // A variable over a list fact reads facts; one over a list written in the rules (or over
  // `list ?? fallback`) does not.
  static bool over_facts(const ListChoice& c) {
    return !c.text.empty() && c.text[0] != '[' && c.text[0] != '(' && c.text.rfind("c_", 0) != 0;
  }

  std::string fact_path_any() {
    std::vector<std::string> p = {"b1", "n1", "s2", "d1", "ns", "ss", "r", "r.inner", "r.inner.tags", "items", "id"};
    for (const auto& [name, choice] : binders_) {
      if (!over_facts(choice)) continue;
      p.push_back(name);
      if (choice.record) {
        for (const auto& [f, type] : choice.record->fields) p.push_back(name + "." + f);
      }
    }
    return pick(p);
  }

  std::string boolean(int depth) {
    if (depth <= 0) return leaf(T::Bool);
    switch (rng_() % 14) {
      case 0: return leaf(T::Bool);
      case 1: return "(not " + boolean(depth - 1) + ")";
      case 2: return "(" + boolean(depth - 1) + " and " + boolean(depth - 1) + ")";
      case 3: return "(" + boolean(depth - 1) + " or " + boolean(depth - 1) + ")";
      case 4: {
        T t = static_cast<T>(rng_() % 4);
        return "(" + value(t, depth - 1) + pick({" == ", " != "}) + value(t, depth - 1) + ")";
      }
      case 5: {
        T t = chance(50) ? T::Number : T::Date;
        return "(" + value(t, depth - 1) + pick({" < ", " <= ", " > ", " >= "}) + value(t, depth - 1) + ")";
      }
      case 6: {
        T t = static_cast<T>(rng_() % 4);
        return "(" + value(t, depth - 1) + pick({" in ", " not in "}) + list(t, depth, false).text + ")";
      }
      case 7: return "exists(" + fact_path_any() + ")";
      case 8: return quantified(pick({"any", "all"}), depth, std::nullopt);
      case 9:
        return pick({"contains(", "starts_with("}) + value(T::String, depth - 1) + ", " +
               value(T::String, depth - 1) + ")";
      case 10: return "(" + boolean(depth - 1) + " ?? " + boolean(depth - 1) + ")";
      case 11: return "(" + value(T::Number, depth - 1) + pick({" < ", " >= "}) + value(T::Number, depth - 1) + ")";
      default: return leaf(T::Bool);
    }
  }

  std::string value(T t, int depth) {
    if (t == T::Bool) return boolean(depth);
    if (depth <= 0 || chance(30)) return leaf(t);
    switch (t) {
      case T::Number:
        switch (rng_() % 11) {
          case 0: return "(" + value(T::Number, depth - 1) + pick({" + ", " - ", " * ", " / "}) + value(T::Number, depth - 1) + ")";
          case 1: return "-" + leaf(T::Number);
          case 2: return "count(" + list(std::nullopt, depth, true).text + ")";
          case 3: return quantified("count", depth, std::nullopt);
          case 4: return pick({"sum(", "min(", "max("}) + list(T::Number, depth, false).text + ")";
          case 5: return quantified(pick({"sum", "min", "max"}), depth, T::Number);
          case 6: return "len(" + value(T::String, depth - 1) + ")";
          case 7: return "(" + value(T::Date, depth - 1) + " - " + value(T::Date, depth - 1) + ")";
          case 8: return "(" + value(T::Number, depth - 1) + " ?? " + value(T::Number, depth - 1) + ")";
          case 9: return "(" + value(T::Number, depth - 1) + " / 0)";
          default: return leaf(T::Number);
        }
      case T::String:
        switch (rng_() % 3) {
          case 0: return "lower(" + value(T::String, depth - 1) + ")";
          case 1: return "(" + value(T::String, depth - 1) + " ?? " + value(T::String, depth - 1) + ")";
          default: return leaf(T::String);
        }
      case T::Date:
        switch (rng_() % 5) {
          case 0: return "(" + value(T::Date, depth - 1) + " + " + value(T::Number, depth - 1) + ")";
          case 1: return "(" + value(T::Number, depth - 1) + " + " + value(T::Date, depth - 1) + ")";
          case 2: return "(" + value(T::Date, depth - 1) + " - " + value(T::Number, depth - 1) + ")";
          case 3: return "(" + value(T::Date, depth - 1) + " ?? " + value(T::Date, depth - 1) + ")";
          default: return leaf(T::Date);
        }
      default: return leaf(t);
    }
  }

  // Anything a message can show: a scalar, or a list of scalars.
  std::string any_value(int depth) {
    if (chance(15)) return list(static_cast<T>(rng_() % 4), depth, false).text;
    return value(static_cast<T>(rng_() % 4), depth);
  }

  std::mt19937& rng_;
  std::vector<std::pair<std::string, ListChoice>> binders_;
  bool in_message_ = false;
};

// ---- The test -----------------------------------------------------------------------------------

std::string rendered(const Compilation& c) {
  std::string out;
  for (const Diagnostic& d : c.diagnostics.items()) {
    if (d.severity == Severity::Error) out += render_text(d, c.sources);
  }
  return out;
}

TEST(Differential, PlanAndReferenceAgree) {
  const DayNumber today = days_from_civil(2026, 11, 26);
  std::size_t rule_sets = 0, deals = 0, gates = 0, unknown_gates = 0, with_missing = 0,
              with_invalid = 0, with_messages = 0;
  // DEALGATE_DIFFERENTIAL_SEEDS=100000 for a longer hunt.
  const char* env = std::getenv("DEALGATE_DIFFERENTIAL_SEEDS");
  const unsigned seeds = env ? static_cast<unsigned>(std::strtoul(env, nullptr, 10)) : 1000;
  for (unsigned seed = 1; seed <= seeds; ++seed) {
    std::mt19937 rng(seed);
    RuleGenerator rules(rng);
    std::string text = rules.rule_set();
    Compilation c = compile({{"diff.gate", text}});
    ASSERT_TRUE(c.ok()) << "seed " << seed << ": the generated rules do not compile\n"
                        << rendered(c) << "\n" << text;
    ++rule_sets;
    const Plan& plan = *c.plan;
    FactsReader reader(plan.schema);
    Evaluator evaluator(plan);
    DealGenerator generator(rng);
    for (int d = 0; d < 10; ++d) {
      Json deal = generator.value(*deal_type(), 0);
      deal.kind = Json::Object;
      std::string json = to_json(deal);

      std::vector<std::pair<std::string, std::string>> overrides;
      std::map<std::string, Val> reference_overrides;
      if (rng() % 3 == 0) {
        overrides = {{"p_n", "7.5"}, {"p_s", "ärger"}, {"p_d", "2025-12-31"}, {"p_b", "false"}};
        reference_overrides = {{"p_n", of_number(7.5)},
                               {"p_s", of_string("ärger")},
                               {"p_d", of_date(days_from_civil(2025, 12, 31))},
                               {"p_b", of_bool(false)}};
      }
      std::string error;
      EvalOptions options;
      options.today = today;
      options.params = bind_params(plan, overrides, error);
      ASSERT_TRUE(options.params) << error;

      ReadRecord record;
      ASSERT_TRUE(reader.read_object(json, record)) << record.error << "\n" << json;
      DealResult result;
      evaluator.evaluate(record.facts, options, result);

      Reference reference(c.files, deal, today, reference_overrides);
      ASSERT_EQ(result.gates.size(), plan.gates.size());
      for (const GateResult& g : result.gates) {
        std::string real = describe_real(plan, g);
        std::string expected = reference.gate(reference.block_index(plan.blocks[g.gate].name));
        ASSERT_EQ(real, expected) << "seed " << seed << ", deal " << d << "\nrules:\n"
                                  << text << "\ndeal: " << json;
        ++gates;
        unknown_gates += g.status == Status::Unknown;
        with_missing += !g.missing.empty();
        with_invalid += !g.invalid.empty();
        with_messages += !g.messages.empty();
      }
      ++deals;
    }
  }
  // The generators reach every outcome, not only the easy ones.
  EXPECT_EQ(rule_sets, seeds);
  EXPECT_GT(gates, seeds * 10);
  EXPECT_GT(unknown_gates, gates / 10);
  EXPECT_GT(with_missing, gates / 10);
  EXPECT_GT(with_invalid, gates / 10);
  EXPECT_GT(with_messages, gates / 10);
}

}  // namespace
}  // namespace dealgate
