/* entity.c - placeholder, being written. */
#include "config.h"
typedef int cc_placeholder_entity;
