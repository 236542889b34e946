// ctgrad/optim.hpp: the optimizers (sgd, momentum, adam) and learning-rate schedules.
#pragma once

#include <ctgrad/optim/adam.hpp>
#include <ctgrad/optim/momentum.hpp>
#include <ctgrad/optim/schedule.hpp>
#include <ctgrad/optim/sgd.hpp>
