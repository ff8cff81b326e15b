// Planted for layers_test: the facts stage reaching up into evaluation must be caught.
#include "engine/eval/evaluator.hpp"
