#!/bin/sh
# spec/pandoc/recorded-cli.sh — a stand-in for the `shijian` command that
# answers with a recorded analysis, so the expected outputs of sample.md
# test the filter (text runs, spans, table, metadata, JSON export), not the
# tagger of the day.  spec/pandoc/regen.sh records, from the real command:
#   expected/sample.args           the arguments the filter gave it
#   expected/sample.text           the text it sent on standard input
#   expected/sample.analysis.json  what the command answered
# When the filter sends other arguments or text, this fails and says so.
E=$(cd "$(dirname "$0")" && pwd)/expected
tmp=$(mktemp "${TMPDIR:-/tmp}/shijian-recorded.XXXXXX") || exit 1
trap 'rm -f "$tmp"' EXIT
cat >"$tmp"
if [ "$*" != "$(cat "$E/sample.args")" ]; then
  echo "recorded-cli: arguments '$*' are not the recorded '$(cat "$E/sample.args")' (spec/pandoc/regen.sh)" >&2
  exit 1
fi
if ! cmp -s "$tmp" "$E/sample.text"; then
  echo "recorded-cli: the filter sent other text than expected/sample.text (spec/pandoc/regen.sh)" >&2
  exit 1
fi
cat "$E/sample.analysis.json"
