// The main() of ctgrad_tests: doctest runs every TEST_CASE linked into the binary.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
