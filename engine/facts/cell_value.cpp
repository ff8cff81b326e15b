#include "engine/facts/cell_value.hpp"

#include <charconv>

#include "base/json_writer.hpp"

namespace dealgate {

namespace {

template <class T>
std::optional<CellValue> value_of(std::optional<T> parsed, CellValue::Kind kind,
                                  T CellValue::*field) {
  if (!parsed) return std::nullopt;
  CellValue value;
  value.kind = kind;
  value.*field = *parsed;
  return value;
}

}  // namespace

std::optional<CellValue> cell_value_of(std::optional<bool> b) {
  return value_of(b, CellValue::Kind::Bool, &CellValue::boolean);
}

std::optional<CellValue> cell_value_of(std::optional<double> number) {
  return value_of(number, CellValue::Kind::Number, &CellValue::number);
}

std::optional<CellValue> cell_value_of(std::optional<DayNumber> day) {
  return value_of(day, CellValue::Kind::Date, &CellValue::date);
}

std::optional<CellValue> read_plain_cell(ValueType type, std::string_view cell) {
  CellValue value;
  switch (type) {
    case ValueType::Bool:
      return cell_value_of(parse_csv_bool(cell));
    case ValueType::Number:
      return cell_value_of(parse_csv_number(cell));
    case ValueType::String:
      value.kind = CellValue::Kind::Text;
      value.text = cell;
      return value;
    case ValueType::Date: {
      const std::string_view text = trim_blanks(cell);
      std::optional<CellValue> date = cell_value_of(parse_date_or_timestamp(text));
      if (date) date->text = text;
      return date;
    }
    case ValueType::List:
    case ValueType::Record:
      value.kind = CellValue::Kind::Json;
      value.text = trim_blanks(cell);
      return value;
  }
  return std::nullopt;
}

void append_cell_json(const CellValue& value, std::string& json) {
  switch (value.kind) {
    case CellValue::Kind::Bool:
      json += value.boolean ? "true" : "false";
      return;
    case CellValue::Kind::Number: {
      char buffer[32];
      auto result = std::to_chars(buffer, buffer + sizeof buffer, value.number);
      json.append(buffer, result.ptr);
      return;
    }
    case CellValue::Kind::Date:
      append_json_string(json, value.text.empty() ? format_date(value.date) : value.text);
      return;
    case CellValue::Kind::Text:
      append_json_string(json, value.text);
      return;
    case CellValue::Kind::Json:
      json += value.text;
      return;
    case CellValue::Kind::Items: {
      json.push_back('[');
      bool first = true;
      for_each_item(value, [&](std::string_view item) {
        if (!first) json.push_back(',');
        append_json_string(json, item);
        first = false;
      });
      json.push_back(']');
      return;
    }
  }
}

}  // namespace dealgate
