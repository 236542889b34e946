// ctgrad/io.hpp: printing (operator<<, to_string, to_latex, to_dot, nn::summary), save and load, and CSV input.
#pragma once

#include <ctgrad/io/csv.hpp>
#include <ctgrad/io/dot.hpp>
#include <ctgrad/io/latex.hpp>
#include <ctgrad/io/print.hpp>
#include <ctgrad/io/save.hpp>
#include <ctgrad/io/summary.hpp>
#include <ctgrad/io/values.hpp>
