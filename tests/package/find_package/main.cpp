// Proves that an installed ctgrad is found, its headers included and its dependencies resolved.
#include <ctgrad/ctgrad.hpp>

int main() { return 0; }
