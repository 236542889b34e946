// Proves that ctgrad works as a subdirectory of another project.
#include <ctgrad/ctgrad.hpp>

int main() { return 0; }
