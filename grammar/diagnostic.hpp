// Diagnostics are data: what went wrong, where, and how to mend it. They are rendered in one place
// (diagnostic_render.hpp); nothing else prints them.
#pragma once

#include <string>
#include <vector>

#include "grammar/source.hpp"

namespace dealgate {

enum class Severity { Error, Warning };

// A secondary location, such as the first declaration of a duplicate name.
struct Note {
  Span span;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // stable kebab-case kind, e.g. "unknown-fact"; tests and editors key on it
  std::string message;  // lowercase, code quoted in backticks
  Span span;            // the primary location, underlined
  std::string help;     // how to mend it, or empty
  std::vector<Note> notes;
};

class Diagnostics {
 public:
  void error(std::string code, Span span, std::string message, std::string help = {}) {
    add({Severity::Error, std::move(code), std::move(message), span, std::move(help), {}});
  }
  void warning(std::string code, Span span, std::string message, std::string help = {}) {
    add({Severity::Warning, std::move(code), std::move(message), span, std::move(help), {}});
  }
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  // Orders by file, then position, so a reader meets them top to bottom.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace dealgate
