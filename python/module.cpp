// The `dealgate._dealgate` extension: the public C++ API (<dealgate/dealgate.hpp>) as Python
// sees it, text in and text out. The friendly layer (dicts, exceptions, DataFrames, pickling) is
// python/dealgate/__init__.py; this file keeps to what needs C++: compiling, and evaluating with
// the GIL released so other Python threads run meanwhile.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <dealgate/dealgate.hpp>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace {

// A bytes or str argument seen as UTF-8 text. The Python object stays referenced by the caller's
// frame for the whole call, so the view stays valid while the GIL is released.
std::string_view text_of(const py::object& data) {
  if (PyBytes_Check(data.ptr())) {
    char* bytes = nullptr;
    Py_ssize_t size = 0;
    PyBytes_AsStringAndSize(data.ptr(), &bytes, &size);
    return {bytes, static_cast<std::size_t>(size)};
  }
  if (PyUnicode_Check(data.ptr())) {
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(data.ptr(), &size);
    if (!utf8) throw py::error_already_set();
    return {utf8, static_cast<std::size_t>(size)};
  }
  throw py::type_error("expected bytes or str, not " +
                       std::string(py::str(py::type::of(data).attr("__name__"))));
}

py::tuple summary_tuple(const dealgate::BatchSummary& s) {
  return py::make_tuple(s.records, s.not_passed, s.unreadable, s.error, s.code());
}

py::tuple compiled(dealgate::CompileResult result) {
  py::object rules = result.rules ? py::cast(std::move(*result.rules)) : py::none();
  return py::make_tuple(rules, std::move(result.diagnostics));
}

// An Evaluator belongs to one thread at a time; with the GIL released, two Python threads could
// enter one at once, so each call takes this lock (after letting go of the GIL, so a thread
// waiting here never blocks one that holds it).
struct LockedEvaluator {
  dealgate::Evaluator evaluator;
  std::mutex mutex;

  template <class Call>
  auto run(Call&& call) {
    py::gil_scoped_release released;
    std::lock_guard<std::mutex> lock(mutex);
    return call(evaluator);
  }
};

dealgate::Options make_options(std::string today, std::map<std::string, std::string> params,
                               std::vector<std::string> gates, std::string id_field) {
  dealgate::Options options;
  options.today = std::move(today);
  options.params = std::move(params);
  options.gates = std::move(gates);
  options.id_field = std::move(id_field);
  return options;
}

}  // namespace

PYBIND11_MODULE(_dealgate, m) {
  m.doc() = "dealgate's C++ API; use the `dealgate` package, not this module";
  m.def("version", [] { return std::string(dealgate::version()); });

  py::class_<dealgate::Diagnostic>(m, "Diagnostic")
      .def_property_readonly("severity",
                             [](const dealgate::Diagnostic& d) { return to_string(d.severity); })
      .def_readonly("code", &dealgate::Diagnostic::code)
      .def_readonly("message", &dealgate::Diagnostic::message)
      .def_readonly("file", &dealgate::Diagnostic::file)
      .def_readonly("line", &dealgate::Diagnostic::line)
      .def_readonly("column", &dealgate::Diagnostic::column)
      .def_readonly("help", &dealgate::Diagnostic::help)
      .def_readonly("rendered", &dealgate::Diagnostic::rendered)
      .def("__repr__", [](const dealgate::Diagnostic& d) {
        return "<Diagnostic " + std::string(to_string(d.severity)) + " " + d.code + " " + d.file +
               ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ">";
      });

  py::class_<dealgate::BlockInfo>(m, "BlockInfo")
      .def_readonly("name", &dealgate::BlockInfo::name)
      .def_readonly("label", &dealgate::BlockInfo::label)
      .def_readonly("enters", &dealgate::BlockInfo::enters)
      .def_readonly("dependencies", &dealgate::BlockInfo::dependencies)
      .def_readonly("conditions", &dealgate::BlockInfo::conditions);

  py::class_<dealgate::RuleSet>(m, "RuleSet")
      .def_static(
          "compile_files",
          [](std::vector<std::string> paths, bool strict) {
            dealgate::CompileOptions options;
            options.strict = strict;
            return compiled(dealgate::RuleSet::compile_files(paths, options));
          },
          py::arg("paths"), py::arg("strict") = false)
      .def_static(
          "compile_sources",
          [](std::vector<std::pair<std::string, std::string>> named_texts, bool strict) {
            std::vector<dealgate::RuleSource> sources;
            for (auto& [name, text] : named_texts) sources.push_back({name, text});
            dealgate::CompileOptions options;
            options.strict = strict;
            return compiled(dealgate::RuleSet::compile_sources(std::move(sources), options));
          },
          py::arg("sources"), py::arg("strict") = false)
      .def_property_readonly("title", &dealgate::RuleSet::title)
      .def("phases", &dealgate::RuleSet::phases)
      .def("gates", &dealgate::RuleSet::gates)
      .def("milestones", &dealgate::RuleSet::milestones)
      .def("params",
           [](const dealgate::RuleSet& r) {
             std::vector<std::tuple<std::string, std::string, std::string>> out;
             for (const auto& p : r.params()) out.emplace_back(p.name, p.type, p.default_value);
             return out;
           })
      .def("facts",
           [](const dealgate::RuleSet& r) {
             std::vector<std::pair<std::string, std::string>> out;
             for (const auto& f : r.facts()) out.emplace_back(f.path, f.type);
             return out;
           })
      .def("files", &dealgate::RuleSet::files);

  py::class_<LockedEvaluator>(m, "Evaluator")
      .def(py::init([](const dealgate::RuleSet& rules, std::string today,
                       std::map<std::string, std::string> params, std::vector<std::string> gates,
                       std::string id_field) {
             return new LockedEvaluator{
                 dealgate::Evaluator(rules, make_options(std::move(today), std::move(params),
                                                         std::move(gates), std::move(id_field))),
                 {}};
           }),
           py::arg("rules"), py::arg("today"), py::arg("params"), py::arg("gates"),
           py::arg("id_field"))
      .def_property_readonly("ok", [](const LockedEvaluator& e) { return e.evaluator.ok(); })
      .def_property_readonly("error", [](const LockedEvaluator& e) { return e.evaluator.error(); })
      .def_property_readonly("today", [](const LockedEvaluator& e) { return e.evaluator.today(); })
      // One JSON object → (exit code, its record and '\n').
      .def("evaluate_jsonl",
           [](LockedEvaluator& e, const py::object& json) {
             const std::string_view text = text_of(json);
             std::string out;
             const int code =
                 e.run([&](dealgate::Evaluator& ev) { return ev.evaluate_jsonl(text, out); });
             return py::make_tuple(code, py::bytes(out));
           })
      // JSON Lines or a JSON array → ((records, not_passed, unreadable, error, code), records).
      .def("evaluate_lines_jsonl",
           [](LockedEvaluator& e, const py::object& buffer) {
             const std::string_view text = text_of(buffer);
             std::string out;
             const dealgate::BatchSummary summary =
                 e.run([&](dealgate::Evaluator& ev) { return ev.evaluate_lines_jsonl(text, out); });
             return py::make_tuple(summary_tuple(summary), py::bytes(out));
           })
      // A CSV export → (summary, records, header warnings).
      .def("evaluate_csv_jsonl", [](LockedEvaluator& e, const py::object& csv) {
        const std::string_view text = text_of(csv);
        std::string out;
        std::vector<std::string> warnings;
        const dealgate::BatchSummary summary = e.run(
            [&](dealgate::Evaluator& ev) { return ev.evaluate_csv_jsonl(text, out, &warnings); });
        return py::make_tuple(summary_tuple(summary), py::bytes(out), warnings);
      });
}
