#include "cli/app.hpp"

int main(int argc, char** argv) { return dealgate::cli::run(argc, argv); }
