#!/bin/sh
# Command-line surface: help, version, usage errors and their exit codes.
. "$top_srcdir/tests/cli/setup"

check "--help lists the commands" sh -c '"$CLAIMCHECK" --help | grep -q "^  report"'
check "--version prints the version" sh -c '"$CLAIMCHECK" --version | grep -q "^claimcheck [0-9]"'
check "COMMAND --help shows its options" sh -c '"$CLAIMCHECK" report --help | grep -q -- "--out DIR"'
status 2 "no command is a usage error" "$CLAIMCHECK"
status 2 "an unknown command is a usage error" "$CLAIMCHECK" frobnicate
status 2 "an unknown option is a usage error" cc claims --colour
status 2 "a bad --format is a usage error" cc claims --format xml
status 2 "review without --note is a usage error" cc review accept f123
status 2 "a missing rules directory is reported" "$CLAIMCHECK" --db "$TMPD/x.db" --rules "$TMPD/nowhere" extract
done_testing
