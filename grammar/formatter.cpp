#include "grammar/formatter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace dealgate {
namespace {

// A string literal's escapes; in a message, braces are doubled so that they stay text.
std::string escape(std::string_view text, bool message) {
  std::string out;
  for (char c : text) {
    const auto code = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n' || c == '\t') {
      out += c == '\n' ? "\\n" : "\\t";
    } else if (message && (c == '{' || c == '}')) {
      out.append(2, c);
    } else if (code < 0x20) {
      out += fmt::format("\\u{{{:X}}}", unsigned{code});
    } else {
      out += c;
    }
  }
  return out;
}

class Formatter {
 public:
  Formatter(const ast::File& file, const SourceFile& source, const FormatOptions& options)
      : file_(file), source_(source), options_(options) {}

  std::string run() {
    const ast::Decl* previous = nullptr;
    for (const ast::Decl& decl : file_.decls) {
      Span span = std::visit([](const auto& d) { return d.span; }, decl);
      if (previous) {
        Span before = std::visit([](const auto& d) { return d.span; }, *previous);
        bool both_short = is_one_liner(*previous) && is_one_liner(decl);
        if (!both_short || blank_line_between(before.end, span.begin)) out_ += '\n';
      }
      comments_before(span.begin, 0);
      keep_blank_line(span.begin);
      if (is_one_liner(decl)) comments_before(span.end, 0, span);
      std::visit([&](const auto& d) { emit(d); }, decl);
      previous = &decl;
    }
    comments_before(static_cast<std::uint32_t>(source_.text().size()) + 1, 0);
    return out_;
  }

 private:
  static bool is_one_liner(const ast::Decl& d) {
    return std::holds_alternative<ast::ConstDecl>(d) || std::holds_alternative<ast::ParamDecl>(d) ||
           std::holds_alternative<ast::RulesetDecl>(d) ||
           std::holds_alternative<ast::PhasesDecl>(d);
  }

  bool blank_line_between(std::uint32_t from, std::uint32_t to) const {
    std::uint32_t newlines = 0;
    const std::string& text = source_.text();
    for (std::uint32_t i = from; i < to && i < text.size(); ++i) {
      if (text[i] == '\n') {
        if (++newlines >= 2) return true;
      } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
        newlines = 0;  // a comment line in between
      }
    }
    return false;
  }

  std::string comment_text(const ast::Comment& c) const {
    std::string text = source_.text().substr(c.span.begin, c.span.end - c.span.begin);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
      text.pop_back();
    return text;
  }

  // Emits, each on its own line, the comments that start before `limit`. Comments inside a
  // multi-line element come out before it, except one on its last line, which trails it
  // (see `line_end`): pass the element's span as `inside` for that.
  void comments_before(std::uint32_t limit, std::size_t indent, Span inside = {}) {
    while (next_comment_ < file_.comments.size()) {
      const ast::Comment& c = file_.comments[next_comment_];
      if (c.span.begin >= limit) break;
      if (inside.end > inside.begin && c.span.begin > inside.begin && trails_line_of(c, inside.end))
        break;
      bool after_open = out_.size() >= 2 && out_[out_.size() - 2] == '{';
      if (!out_.empty() && !after_open &&
          out_.substr(out_.size() - std::min<std::size_t>(2, out_.size())) != "\n\n" &&
          blank_line_between(last_end_, c.span.begin)) {
        out_ += '\n';
      }
      out_ += std::string(indent, ' ') + comment_text(c) + '\n';
      last_end_ = c.span.end;
      ++next_comment_;
    }
  }

  // A blank line the author put between two fields or statements stays (one at most).
  void keep_blank_line(std::uint32_t begin) {
    bool after_open = out_.size() >= 2 && out_[out_.size() - 2] == '{';
    bool after_blank = out_.size() >= 2 && out_[out_.size() - 2] == '\n';
    if (!out_.empty() && !after_open && !after_blank && blank_line_between(last_end_, begin))
      out_ += '\n';
  }

  // Before a line inside a block: the blank line and the comments the author put before it, and
  // those inside it, which move above it.
  void before_block_line(const Span& line) {
    keep_blank_line(line.begin);
    comments_before(line.begin, 2);
    keep_blank_line(line.begin);
    comments_before(line.end, 2, line);
  }

  // The closing brace of a block that ends at `end`, after the comments left before it.
  void close_block(std::uint32_t end) {
    comments_before(end, 2);
    out_ += "}";
    line_end(end);
  }

  std::size_t column() const {
    std::size_t newline = out_.rfind('\n');
    return newline == std::string::npos ? out_.size() : out_.size() - newline - 1;
  }

  bool trails_line_of(const ast::Comment& c, std::uint32_t element_end) const {
    return element_end > 0 &&
           source_.locate(c.span.begin).line == source_.locate(element_end - 1).line;
  }

  // Ends an output line for an element ending at `element_end`, with its trailing comment if any.
  void line_end(std::uint32_t element_end) {
    if (next_comment_ < file_.comments.size()) {
      const ast::Comment& c = file_.comments[next_comment_];
      bool trailing = trails_line_of(c, element_end) &&
                      (c.span.begin < element_end || !has_code_between(element_end, c.span.begin));
      if (trailing) {
        // Keep a trailing comment in its column when the code before it is unchanged, so aligned
        // comments (a commented facts block) stay aligned; else two spaces after the code.
        std::size_t line_start = out_.rfind('\n') == std::string::npos ? 0 : out_.rfind('\n') + 1;
        std::size_t used = out_.size() - line_start;
        std::size_t column = source_.locate(c.span.begin).column - 1;
        std::size_t code_end = column;
        const std::string& text = source_.text();
        while (code_end > 0 && (text[c.span.begin - (column - code_end) - 1] == ' ' ||
                                text[c.span.begin - (column - code_end) - 1] == '\t')) {
          --code_end;
        }
        bool code_unchanged = code_end == used;
        out_ +=
            std::string(code_unchanged && column > used ? column - used : 2, ' ') + comment_text(c);
        ++next_comment_;
      }
    }
    out_ += '\n';
    last_end_ = std::max(last_end_, element_end);
  }

  bool has_code_between(std::uint32_t from, std::uint32_t to) const {
    const std::string& text = source_.text();
    for (std::uint32_t i = from; i < to && i < text.size(); ++i) {
      char c = text[i];
      if (c != ' ' && c != '\t' && c != ',' && c != '{' && c != '}' && c != ')' && c != ']')
        return true;
    }
    return false;
  }

  // ---- expressions ----------------------------------------------------------------------------

  // The expression with the parentheses its author wrote, and no others: the tokens come out as
  // they went in, so the formatted text parses to the same tree.
  std::string expr(const ast::Expr& e) {
    std::string text;
    switch (e.kind) {
      case ast::Expr::Kind::Number:
        text = number_text(e);
        break;
      case ast::Expr::Kind::String:
        text = "\"" + escape(e.text, false) + "\"";
        break;
      case ast::Expr::Kind::Bool:
        text = e.boolean ? "true" : "false";
        break;
      case ast::Expr::Kind::Date:
        text = fmt::format("@{:04}-{:02}-{:02}", e.year, e.month, e.day);
        break;
      case ast::Expr::Kind::Today:
        text = "today";
        break;
      case ast::Expr::Kind::List: {
        text = "[";
        for (std::size_t i = 0; i < e.args.size(); ++i) text += (i ? ", " : "") + expr(*e.args[i]);
        text += "]";
        break;
      }
      case ast::Expr::Kind::Record:
        text = record_inline(e);
        break;
      case ast::Expr::Kind::Path:
        for (std::size_t i = 0; i < e.path.size(); ++i) text += (i ? "." : "") + e.path[i].name;
        break;
      case ast::Expr::Kind::Unary:
        text = (e.unary_op == ast::UnaryOp::Not ? "not " : "-") + expr(*e.args[0]);
        break;
      case ast::Expr::Kind::Binary:
        text = expr(*e.args[0]) + " " + ast::binary_op_text(e.binary_op) + " " + expr(*e.args[1]);
        break;
      case ast::Expr::Kind::Call: {
        text = e.callee.name + "(";
        for (std::size_t i = 0; i < e.args.size(); ++i) text += (i ? ", " : "") + expr(*e.args[i]);
        text += ")";
        break;
      }
      case ast::Expr::Kind::Quantifier:
        text = e.callee.name + "(" + e.binder.name + " in " + expr(*e.args[0]) + ": " +
               expr(*e.args[1]) + ")";
        break;
    }
    return std::string(e.parens, '(') + text + std::string(e.parens, ')');
  }

  // Numbers keep the digits they were written with (`1_000_000` stays readable).
  std::string number_text(const ast::Expr& e) const {
    std::string written = source_.text().substr(e.span.begin, e.span.end - e.span.begin);
    bool plain = !written.empty();
    for (char c : written) plain = plain && ((c >= '0' && c <= '9') || c == '.' || c == '_');
    return plain ? written : fmt::format("{}", e.number);
  }

  std::string record_inline(const ast::Expr& e) {
    if (e.fields.empty()) return "{}";
    std::string text = "{ ";
    for (std::size_t i = 0; i < e.fields.size(); ++i) {
      text += (i ? ", " : "") + e.fields[i].key.name + ": " + expr(*e.fields[i].value);
    }
    return text + " }";
  }

  std::string message(const ast::Message& m) {
    std::string text = "\"";
    for (const ast::MessagePart& part : m.parts) {
      text += part.expr ? "{" + expr(*part.expr) + "}" : escape(part.text, true);
    }
    return text + "\"";
  }

  // A condition too long for one line breaks before each `and` / `or` of its outermost chain.
  std::vector<std::string> wrapped(const ast::Expr& e, std::size_t first_line_room) {
    std::string flat = expr(e);
    if (flat.size() <= first_line_room || e.kind != ast::Expr::Kind::Binary || e.parens > 0 ||
        (e.binary_op != ast::BinaryOp::And && e.binary_op != ast::BinaryOp::Or)) {
      return {flat};
    }
    // The chain ends at parentheses: `(a or b) and c` breaks before `and` only.
    std::vector<const ast::Expr*> operands;
    std::function<void(const ast::Expr&)> flatten = [&](const ast::Expr& x) {
      if (x.kind == ast::Expr::Kind::Binary && x.binary_op == e.binary_op && x.parens == 0) {
        flatten(*x.args[0]);
        operands.push_back(x.args[1].get());
      } else {
        operands.push_back(&x);
      }
    };
    flatten(*e.args[0]);
    operands.push_back(e.args[1].get());
    std::vector<std::string> lines{expr(*operands[0])};
    for (std::size_t i = 1; i < operands.size(); ++i) {
      lines.push_back(std::string(ast::binary_op_text(e.binary_op)) + " " + expr(*operands[i]));
    }
    return lines;
  }

  // ---- types ----------------------------------------------------------------------------------

  std::string type_inline(const ast::TypeExpr& t) {
    if (t.kind == ast::TypeExpr::Kind::List) return "list<" + type_inline(*t.element) + ">";
    if (t.kind == ast::TypeExpr::Kind::Record) {
      std::string text = "{ ";
      for (std::size_t i = 0; i < t.fields.size(); ++i) {
        text += (i ? ", " : "") + t.fields[i].name.name + ": " + type_inline(*t.fields[i].type);
      }
      return text + " }";
    }
    return ast::type_word(t.kind);
  }

  bool has_comment_inside(const Span& span) const {
    for (std::size_t i = next_comment_; i < file_.comments.size(); ++i) {
      if (file_.comments[i].span.begin >= span.begin && file_.comments[i].span.begin < span.end)
        return true;
    }
    return false;
  }

  void fields(const std::vector<ast::FieldDecl>& list, std::size_t indent) {
    for (const ast::FieldDecl& f : list) {
      keep_blank_line(f.name.span.begin);
      comments_before(f.name.span.begin, indent);
      keep_blank_line(f.name.span.begin);
      std::string head = std::string(indent, ' ') + f.name.name + ": ";
      const ast::TypeExpr* record = f.type.get();
      std::string prefix, suffix;
      if (record->kind == ast::TypeExpr::Kind::List &&
          record->element->kind == ast::TypeExpr::Kind::Record) {
        record = record->element.get();
        prefix = "list<";
        suffix = ">";
      }
      std::string flat = head + type_inline(*f.type);
      bool breaks = record->kind == ast::TypeExpr::Kind::Record && !record->fields.empty() &&
                    (flat.size() > options_.width || has_comment_inside(record->span));
      if (!breaks) {
        out_ += flat;
        line_end(f.type->span.end);
        continue;
      }
      out_ += head + prefix + "{\n";
      fields(record->fields, indent + 2);
      comments_before(record->span.end, indent + 2);
      out_ += std::string(indent, ' ') + "}" + suffix;
      line_end(f.type->span.end);
    }
  }

  // ---- declarations ---------------------------------------------------------------------------

  void emit(const ast::RulesetDecl& d) {
    out_ += "ruleset \"" + escape(d.title, false) + "\"";
    line_end(d.span.end);
  }

  void emit(const ast::PhasesDecl& d) {
    out_ += "phases ";
    for (std::size_t i = 0; i < d.phases.size(); ++i) out_ += (i ? " -> " : "") + d.phases[i].name;
    line_end(d.span.end);
  }

  void emit(const ast::FactsDecl& d) {
    out_ += "facts {";
    line_end(d.span.begin + 5);
    fields(d.fields, 2);
    close_block(d.span.end);
  }

  void emit(const ast::ConstDecl& d) {
    out_ += "const " + d.name.name + " = " + expr(*d.value);
    line_end(d.span.end);
  }

  void emit(const ast::ParamDecl& d) {
    out_ += "param " + d.name.name + ": " + type_inline(*d.type) + " = " + expr(*d.value);
    line_end(d.span.end);
  }

  void emit(const ast::Block& b) {
    out_ += b.kind == ast::Block::Kind::Gate ? "gate " : "milestone ";
    out_ += b.name.name;
    if (b.label) out_ += " \"" + escape(*b.label, false) + "\"";
    if (b.enters) out_ += " enters " + b.enters->name;
    out_ += " {";
    line_end(b.name.span.end);
    // Statements in source order, `requires` and conditions interleaved as written.
    std::size_t r = 0, c = 0;
    while (r < b.requires_stmts.size() || c < b.conditions.size()) {
      bool take_requires =
          c == b.conditions.size() || (r < b.requires_stmts.size() &&
                                       b.requires_stmts[r].span.begin < b.conditions[c].span.begin);
      if (take_requires) {
        const ast::RequiresStmt& stmt = b.requires_stmts[r++];
        before_block_line(stmt.span);
        out_ += "  requires ";
        for (std::size_t i = 0; i < stmt.names.size(); ++i)
          out_ += (i ? ", " : "") + stmt.names[i].name;
        line_end(stmt.span.end);
      } else {
        condition(b.conditions[c++]);
      }
    }
    close_block(b.span.end);
  }

  void condition(const ast::Condition& c) {
    before_block_line(c.span);
    std::string head =
        std::string("  ") + (c.kind == ast::Condition::Kind::Require ? "require " : "warn ");
    if (c.label) head += c.label->name + ": ";
    std::string msg = c.message ? " else " + message(*c.message) : "";
    std::vector<std::string> lines = wrapped(*c.expr, options_.width - head.size());
    if (lines.size() == 1 && head.size() + lines[0].size() + msg.size() <= options_.width) {
      out_ += head + lines[0] + msg;
      line_end(c.span.end);
      return;
    }
    if (head.size() + lines[0].size() > options_.width) {
      // The first part does not fit after the label: the whole condition starts on its own line.
      head.pop_back();
      out_ += head + "\n      " + lines[0];
    } else {
      out_ += head + lines[0];
    }
    for (std::size_t i = 1; i < lines.size(); ++i) out_ += "\n      " + lines[i];
    if (c.message) out_ += "\n    else " + message(*c.message);
    line_end(c.span.end);
  }

  // A record or list that does not fit on the rest of the line gets one element per line; fields
  // that the author wrote on one line (`id: "T1", stage: "Design",`) stay together when they fit.
  void given_value(const ast::Expr& e, std::size_t indent) {
    std::string flat = expr(e);
    bool fits = column() + flat.size() <= options_.width && !has_comment_inside(e.span);
    if (fits || e.parens > 0 ||
        (e.kind != ast::Expr::Kind::Record && e.kind != ast::Expr::Kind::List)) {
      out_ += flat;
      return;
    }
    if (e.kind == ast::Expr::Kind::List) {
      out_ += "[\n";
      for (std::size_t i = 0; i < e.args.size(); ++i) {
        comments_before(e.args[i]->span.begin, indent + 2);
        out_ += std::string(indent + 2, ' ');
        given_value(*e.args[i], indent + 2);
        if (i + 1 < e.args.size()) out_ += ',';
        line_end(e.args[i]->span.end);
      }
      comments_before(e.span.end, indent + 2);
      out_ += std::string(indent, ' ') + "]";
      return;
    }
    out_ += "{\n";
    for (std::size_t i = 0; i < e.fields.size();) {
      const ast::RecordField& f = e.fields[i];
      keep_blank_line(f.key.span.begin);
      comments_before(f.key.span.begin, indent + 2);
      out_ += std::string(indent + 2, ' ');
      // As many of the fields written on this line as fit go on one output line.
      std::size_t run = same_line_run(e.fields, i);
      std::string line;
      std::size_t end = i;
      for (; end < run; ++end) {
        const ast::RecordField& field = e.fields[end];
        std::string piece = (end > i ? ", " : "") + field.key.name + ": " + expr(*field.value);
        bool fits =
            column() + line.size() + piece.size() + (comma_after(field) ? 1 : 0) <= options_.width;
        if (!fits || has_comment_inside(Span::join(field.key.span, field.value->span))) break;
        line += piece;
      }
      if (end - i > 1) {
        out_ += line;
        if (comma_after(e.fields[end - 1])) out_ += ',';
        line_end(e.fields[end - 1].value->span.end);
        i = end;
        continue;
      }
      out_ += f.key.name + ": ";
      given_value(*f.value, indent + 2);
      if (comma_after(f)) out_ += ',';
      line_end(f.value->span.end);
      ++i;
    }
    comments_before(e.span.end, indent + 2);
    out_ += std::string(indent, ' ') + "}";
  }

  // The fields from `first` on whose keys start on the line where the field before them ends.
  std::size_t same_line_run(const std::vector<ast::RecordField>& fields, std::size_t first) const {
    std::size_t end = first + 1;
    while (end < fields.size() && source_.locate(fields[end].key.span.begin).line ==
                                      source_.locate(fields[end - 1].value->span.end - 1).line) {
      ++end;
    }
    return end;
  }

  // Whether the author put a `,` after the field (optional at the end of a line): it stays.
  bool comma_after(const ast::RecordField& field) const {
    const std::string& text = source_.text();
    for (std::size_t i = field.value->span.end; i < text.size(); ++i) {
      if (text[i] == ',') return true;
      if (text[i] == '#') {
        while (i < text.size() && text[i] != '\n') ++i;
      } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') {
        return false;
      }
    }
    return false;
  }

  static std::string path_text(const std::vector<ast::Ident>& path) {
    std::string text;
    for (std::size_t i = 0; i < path.size(); ++i) text += (i ? "." : "") + path[i].name;
    return text;
  }

  void emit(const ast::StagesDecl& d) {
    out_ += "stages from " + path_text(d.fact);
    if (!d.owner.empty()) out_ += " by " + path_text(d.owner);
    out_ += " {";
    line_end(d.owner.empty() ? d.fact_span.end : d.owner_span.end);
    for (const ast::StageMapping& m : d.mappings) {
      before_block_line(m.span);
      out_ += "  ";
      for (std::size_t i = 0; i < m.values.size(); ++i) {
        out_ += (i ? ", \"" : "\"") + escape(m.values[i].text, false) + "\"";
      }
      out_ += " -> " + m.phase.name;
      line_end(m.span.end);
    }
    close_block(d.span.end);
  }

  void emit(const ast::ShowDecl& d) {
    out_ += "show {";
    line_end(d.span.begin + 4);  // after `show`: a comment there trails the opening line
    for (const ast::ShowField& f : d.fields) {
      before_block_line(f.span);
      out_ += "  " + path_text(f.fact);
      if (f.label) out_ += " \"" + escape(f.label->text, false) + "\"";
      if (f.money) {
        out_ += " as money in ";
        out_ += f.currency_code ? "\"" + escape(f.currency_code->text, false) + "\""
                                : path_text(f.currency_fact);
      }
      line_end(f.span.end);
    }
    close_block(d.span.end);
  }

  // One line a column, constant or footer, in the order written.
  void emit(const ast::SourceDecl& d) {
    auto quoted = [](const ast::StringLiteral& s) { return "\"" + escape(s.text, false) + "\""; };
    out_ += "source " + d.name.name;
    if (d.label) out_ += " " + quoted(*d.label);
    out_ += " {";
    line_end(d.label ? d.label->span.end : d.name.span.end);
    for (const ast::SourceLine& line : d.lines) {
      before_block_line(line.span);
      out_ += "  ";
      switch (line.kind) {
        case ast::SourceLine::Kind::Column:
          out_ += quoted(line.column) + " -> " + path_text(line.fact);
          out_ += format_text(line);
          break;
        case ast::SourceLine::Kind::Constant:
          out_ += path_text(line.fact) + " = " + quoted(line.value);
          break;
        case ast::SourceLine::Kind::Footer:
          out_ += "footer ";
          for (std::size_t i = 0; i < line.footer.size(); ++i)
            out_ += (i ? ", " : "") + quoted(line.footer[i]);
          break;
      }
      line_end(line.span.end);
    }
    close_block(d.span.end);
  }

  static std::string format_text(const ast::SourceLine& line) {
    if (line.format == ast::SourceLine::Format::Plain) return {};
    std::string out = std::string(" as ") + ast::format_word(line.format);
    if (line.pattern) out += " \"" + escape(line.pattern->text, false) + "\"";
    return out;
  }

  // The clauses in the order the author wrote them, one a line.
  void emit(const ast::WaiverDecl& w) {
    out_ += "waiver " + w.name.name;
    if (w.label) out_ += " \"" + escape(*w.label, false) + "\"";
    out_ += " {";
    line_end(w.name.span.end);
    auto quoted = [](const ast::StringLiteral& s) { return "\"" + escape(s.text, false) + "\""; };
    std::vector<std::pair<Span, std::function<void()>>> clauses;
    if (w.deal_span.end != 0) {
      clauses.emplace_back(w.deal_span, [&] {
        out_ += "  deal ";
        for (std::size_t i = 0; i < w.deals.size(); ++i)
          out_ += (i ? ", " : "") + quoted(w.deals[i]);
      });
    }
    if (w.when) {
      clauses.emplace_back(w.when_span, [&] {
        std::vector<std::string> lines = wrapped(*w.when, options_.width - 7);
        out_ += "  when " + lines[0];
        for (std::size_t i = 1; i < lines.size(); ++i) out_ += "\n      " + lines[i];
      });
    }
    if (w.waives_span.end != 0) {
      clauses.emplace_back(w.waives_span, [&] {
        out_ += "  waives ";
        for (std::size_t i = 0; i < w.targets.size(); ++i) {
          const ast::WaiverTarget& t = w.targets[i];
          out_ += (i ? ", " : "") + t.block.name + (t.condition ? "." + t.condition->name : "");
        }
      });
    }
    if (w.approver)
      clauses.emplace_back(w.approver_span,
                           [&] { out_ += "  approved by " + quoted(*w.approver); });
    if (w.reason)
      clauses.emplace_back(w.reason_span, [&] { out_ += "  reason " + quoted(*w.reason); });
    if (w.until) clauses.emplace_back(w.until_span, [&] { out_ += "  until " + expr(*w.until); });
    std::sort(clauses.begin(), clauses.end(),
              [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
    for (const auto& [span, write] : clauses) {
      before_block_line(span);
      write();
      line_end(span.end);
    }
    close_block(w.span.end);
  }

  // ` because a, b.label` after an expectation; nothing for an empty list.
  void references(const char* word, const std::vector<ast::Reference>& refs) {
    for (std::size_t i = 0; i < refs.size(); ++i) {
      const ast::Reference& ref = refs[i];
      out_ += (i ? ", " : word) + ref.block.name + (ref.condition ? "." + ref.condition->name : "");
    }
  }

  void emit(const ast::TestDecl& t) {
    out_ += "test \"" + escape(t.name, false) + "\" {";
    line_end(t.name_span.end);
    comments_before(t.given->span.begin, 2);
    out_ += "  given ";
    given_value(*t.given, 2);
    line_end(t.given->span.end);
    if (t.today) {
      comments_before(t.today->span.begin, 2);
      out_ += "  today " + expr(*t.today);
      line_end(t.today->span.end);
    }
    for (const ast::ParamOverride& p : t.params) {
      comments_before(p.span.begin, 2);
      out_ += "  param " + p.name.name + " = " + expr(*p.value);
      line_end(p.span.end);
    }
    for (const ast::Expectation& x : t.expectations) {
      comments_before(x.span.begin, 2);
      out_ += "  expect " + x.gate.name + " " + x.status.name;
      references(" because ", x.because);
      references(" waived ", x.waived);
      line_end(x.span.end);
    }
    close_block(t.span.end);
  }

  const ast::File& file_;
  const SourceFile& source_;
  const FormatOptions& options_;
  std::string out_;
  std::size_t next_comment_ = 0;
  std::uint32_t last_end_ = 0;  // source offset of the last thing emitted, for blank lines
};

}  // namespace

std::string format_rule_file(const ast::File& file, const SourceFile& source,
                             const FormatOptions& options) {
  return Formatter(file, source, options).run();
}

}  // namespace dealgate
