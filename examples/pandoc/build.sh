#!/bin/sh
# examples/pandoc/build.sh — news.md through the shijian Pandoc filter:
# HTML (standalone, styled), Word (.docx with character styles), the event
# list as JSON, and the events as a tab-separated timeline from a template.
# Output goes to $OUT (default: /tmp/shijian-pandoc-example).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
OUT=${OUT:-/tmp/shijian-pandoc-example}
mkdir -p "$OUT"
cd "$here"
F="$root/filters/shijian.lua"

# HTML: marks + event table + the stylesheet (inlined by the filter with -s)
pandoc -s -L "$F" news.md -o "$OUT/news.html"

# Word: every mark becomes a character style ("Shijian Time", "Shijian Event" …)
pandoc -L "$F" news.md -o "$OUT/news.docx"

# JSON event list (and mentions); -o /dev/null: only the export is wanted
SHIJIAN_JSON="$OUT/events.json" pandoc -L "$F" news.md -t plain -o /dev/null

# the events through a template (metadata field shijian-events)
pandoc -L "$F" --wrap=none --template "$here/timeline.tpl" news.md -t plain -o "$OUT/timeline.tsv"

# only times and events, no table, as Markdown with attributes
SHIJIAN_KINDS=time,event SHIJIAN_TABLE=false pandoc -L "$F" news.md -t markdown -o "$OUT/news.marked.md"

ls -l "$OUT"
