// dealgate-parse-baseline FILE: the parse-only baseline of bench/run.sh. Reads a JSON Lines file of
// deals the way dealgate's reader does (1 MiB reads, one simdjson On-Demand document per line)
// and touches every fact that examples/enterprise.gate declares, with its declared type (dates
// parsed to a day number); undeclared keys are skipped. No evaluation, no output but a checksum,
// so that the work cannot be optimised away. This is the floor the reader must approach.
#include <fcntl.h>
#include <simdjson.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

namespace od = simdjson::ondemand;
using simdjson::SUCCESS;

namespace {

struct Totals {
  std::uint64_t records = 0;
  std::uint64_t errors = 0;
  std::uint64_t checksum = 0;
  void add(std::uint64_t x) { checksum = checksum * 31 + x; }
  void add(std::string_view s) {
    add(s.size() + (s.empty() ? 0 : static_cast<unsigned char>(s[0])));
  }
};

int day_number(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return -1;
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  return num(0, 4) * 372 + num(5, 2) * 31 + num(8, 2);
}

simdjson::error_code touch_record(od::object object, Totals& t,
                                  std::initializer_list<std::string_view> bools,
                                  std::string_view string_key = {},
                                  std::initializer_list<std::string_view> numbers = {},
                                  std::string_view list_key = {}) {
  for (auto field_result : object) {
    od::field field;
    simdjson::error_code e = std::move(field_result).get(field);
    if (e != SUCCESS) return e;
    const od::raw_json_string key = field.key();
    bool done = false;
    for (std::string_view b : bools) {
      if (key == b) {
        bool v = false;
        e = field.value().get_bool().get(v);
        t.add(v);
        done = true;
        break;
      }
    }
    if (done) continue;
    for (std::string_view n : numbers) {
      if (key == n) {
        double v = 0;
        e = field.value().get_double().get(v);
        t.add(static_cast<std::uint64_t>(v));
        done = true;
        break;
      }
    }
    if (done) continue;
    if (!string_key.empty() && key == string_key) {
      std::string_view s;
      e = field.value().get_string().get(s);
      t.add(s);
    } else if (!list_key.empty() && key == list_key) {
      od::array array;
      e = field.value().get_array().get(array);
      if (e != SUCCESS) return e;
      for (auto element : array) {
        std::string_view s;
        if (element.get_string().get(s) == SUCCESS) t.add(s);
      }
    }
    (void)e;  // a wrong type is an invalid fact, not a broken record
  }
  return SUCCESS;
}

void touch(od::document& doc, Totals& t) {
  od::object object;
  if (doc.get_object().get(object) != SUCCESS) {
    ++t.errors;
    return;
  }
  for (auto field_result : object) {
    od::field field;
    if (std::move(field_result).get(field) != SUCCESS) {
      ++t.errors;
      return;
    }
    const od::raw_json_string key = field.key();
    od::value value = field.value();
    od::object inner;
    if (key == "id" || key == "stage") {
      std::string_view s;
      if (value.get_string().get(s) == SUCCESS) t.add(s);
    } else if (key == "diagnosis") {
      if (value.get_object().get(inner) == SUCCESS) {
        touch_record(inner, t, {"causes_confirmed", "consequences_confirmed"}, "confirmed_by");
      }
    } else if (key == "solution") {
      if (value.get_object().get(inner) == SUCCESS) {
        touch_record(inner, t, {"parameters_agreed"}, {}, {}, "parameters");
      }
    } else if (key == "value") {
      if (value.get_object().get(inner) == SUCCESS) {
        touch_record(inner, t, {"confirmed"}, {}, {"annual_benefit", "price"});
      }
    } else if (key == "fit") {
      if (value.get_object().get(inner) == SUCCESS) {
        touch_record(inner, t, {"customer_believes_fit", "seller_believes_fit"});
      }
    } else if (key == "acid_test") {
      if (value.get_object().get(inner) == SUCCESS) {
        touch_record(inner, t, {"would_buy_ourselves"});
      }
    } else if (key == "stakeholders") {
      od::array array;
      if (value.get_array().get(array) != SUCCESS) continue;
      for (auto element : array) {
        od::object person;
        if (element.get_object().get(person) == SUCCESS)
          touch_record(person, t, {"engaged"}, "role");
      }
    } else if (key == "last_customer_contact") {
      std::string_view s;
      if (value.get_string().get(s) == SUCCESS) t.add(static_cast<std::uint64_t>(day_number(s)));
    }
  }
  ++t.records;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: dealgate-parse-baseline deals.jsonl\n");
    return 2;
  }
  const int fd = ::open(argv[1], O_RDONLY);
  if (fd < 0) {
    std::perror(argv[1]);
    return 2;
  }
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  std::vector<char> buffer(2 * kChunk + simdjson::SIMDJSON_PADDING);
  std::size_t begin = 0, end = 0;
  od::parser parser;
  Totals totals;
  auto line = [&](std::size_t from, std::size_t to) {
    if (to > from && buffer[to - 1] == '\r') --to;
    if (to == from) return;
    od::document doc;
    if (parser.iterate(buffer.data() + from, to - from, buffer.size() - from).get(doc) != SUCCESS) {
      ++totals.errors;
      return;
    }
    touch(doc, totals);
  };
  while (true) {
    if (begin > 0) {
      std::memmove(buffer.data(), buffer.data() + begin, end - begin);
      end -= begin;
      begin = 0;
    }
    if (buffer.size() - simdjson::SIMDJSON_PADDING - end < kChunk) {
      buffer.resize(buffer.size() * 2);
    }
    const ssize_t got = ::read(fd, buffer.data() + end, kChunk);
    if (got < 0) {
      std::perror("read");
      return 3;
    }
    if (got == 0) break;
    std::size_t scan = end;
    end += static_cast<std::size_t>(got);
    while (const void* found = std::memchr(buffer.data() + scan, '\n', end - scan)) {
      const auto nl = static_cast<std::size_t>(static_cast<const char*>(found) - buffer.data());
      line(begin, nl);
      begin = scan = nl + 1;
    }
  }
  if (begin < end) line(begin, end);
  ::close(fd);
  std::printf("%llu records, %llu errors, checksum %llx\n",
              static_cast<unsigned long long>(totals.records),
              static_cast<unsigned long long>(totals.errors),
              static_cast<unsigned long long>(totals.checksum));
  return 0;
}
