// ctgrad/config.hpp: the library version; the only header that defines CTGRAD_ macros.
#pragma once

#define CTGRAD_VERSION_MAJOR 0
#define CTGRAD_VERSION_MINOR 1
#define CTGRAD_VERSION_PATCH 0
