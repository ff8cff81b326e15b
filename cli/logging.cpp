#include "cli/logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>

namespace dealgate::cli {

void setup_logging(spdlog::level::level_enum level, bool color) {
  auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_st>(
      color ? spdlog::color_mode::always : spdlog::color_mode::never);
  auto logger = std::make_shared<spdlog::logger>("dealgate", std::move(sink));
  logger->set_pattern("%n: %^%l%$: %v");
  logger->set_level(level);
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace dealgate::cli
