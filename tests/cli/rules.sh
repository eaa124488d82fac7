#!/bin/sh
# Rule packs: the bundled packs pass their own examples; broken packs are
# reported as FILE:LINE:COL and all errors are listed.
. "$top_srcdir/tests/cli/setup"

status 0 "bundled rule packs pass their examples" cc rules check
check "the summary counts examples" grep -q "0 failed" "$TMPD/out"

cp -r "$RULES" rules
cat > rules/bad.yaml <<'YAML'
rules:
  - id: broken.pattern
    type: casualty
    pattern: '(?<value>[0-9]+ killed'
  - id: broken.type
    type: rumour
    pattern: 'x'
  - id: broken.pattern
    type: casualty
    pattern: 'y'
    fields:
      colour: red
YAML
status 2 "a broken pack fails rules check" "$CLAIMCHECK" --rules rules rules check
check "the bad pattern is located" grep -q "rules/bad.yaml:4:.*: error: invalid pattern" "$TMPD/err"
check "the unknown type is located" grep -q "rules/bad.yaml:6:11: error: unknown claim type 'rumour'" "$TMPD/err"
check "the duplicate id is reported" grep -q "rules/bad.yaml:8:.*duplicate rule id 'broken.pattern'" "$TMPD/err"
check "the unknown field is reported" grep -q "rules/bad.yaml:12:.*unknown field 'colour'" "$TMPD/err"
printf 'rules: [\n' > rules/bad.yaml
status 2 "invalid YAML fails with its position" "$CLAIMCHECK" --rules rules rules check
check "the YAML error names file:line:col" grep -q "rules/bad.yaml:2:1: error:" "$TMPD/err"
rm rules/bad.yaml
cat > rules/wrong-example.yaml <<'YAML'
rules:
  - id: example.wrong
    type: casualty
    pattern: '(?<value>%{NUMBER}) killed'
    fields: {subject: people, measure: killed, value: $value}
    examples:
      - text: '5 killed'
        expect: {min: 6}
YAML
status 2 "a failing example fails rules check" "$CLAIMCHECK" --rules rules rules check
check "the failing example is located" grep -q "wrong-example.yaml:7:9: error: rule example.wrong: expected min '6', got '5'" "$TMPD/err"
rm rules/wrong-example.yaml
cat > rules/bad-timeline.yaml <<'YAML'
timeline:
  - id: summit
    date: 2022-06-28
    before: [summit will open]
    before_days: soon
YAML
status 2 "a timeline event with a bad before_days fails rules check" "$CLAIMCHECK" --rules rules rules check
check "the bad before_days is located" grep -q "rules/bad-timeline.yaml:5:18: error: timeline: before_days: expected a number of days" "$TMPD/err"
rm rules/bad-timeline.yaml
cat > rules/bad-after.yaml <<'YAML'
rules:
  - id: after.unclosed
    type: casualty
    pattern: '(?<value>[0-9]+) killed'
    after: ',\s+(?<sp>[A-Z]\w+'
    fields: {value: $value, speaker: $sp}
YAML
status 2 "a rule whose after: pattern PCRE2 rejects fails rules check" "$CLAIMCHECK" --rules rules rules check
check "the bad after: pattern is located" grep -q "rules/bad-after.yaml:5:31: error: invalid pattern: missing closing parenthesis" "$TMPD/err"
rm rules/bad-after.yaml
done_testing
