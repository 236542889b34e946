// Proves that an installed ctgrad is found, its headers included and its dependencies resolved,
// and that the CMake package's version is the headers' (config.hpp).
#include <ctgrad/ctgrad.hpp>

static_assert(CTGRAD_VERSION_MAJOR == PACKAGE_VERSION_MAJOR && CTGRAD_VERSION_MINOR == PACKAGE_VERSION_MINOR &&
                  CTGRAD_VERSION_PATCH == PACKAGE_VERSION_PATCH,
              "the CMake package version differs from CTGRAD_VERSION_* in ctgrad/config.hpp");

int main() {
  constexpr ctgrad::var<"x"> x;
  return ctgrad::eval(ctgrad::d(x * x, x), ctgrad::at(x = 1.5)) == 3.0 ? 0 : 1;
}
