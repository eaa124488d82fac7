/* cmd-rules.c - placeholder, being written. */
#include "config.h"
typedef int cc_placeholder_cmd_rules;
