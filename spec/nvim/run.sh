#!/bin/sh
# Headless Neovim specs for the shijian plugin.
# Last line of output: "nvim: N passed, M failed"; exit status non-zero on failures.
# Usage: sh spec/nvim/run.sh            (NVIM=/path/to/nvim to choose the editor)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NVIM=${NVIM:-nvim}
if ! command -v "$NVIM" >/dev/null 2>&1; then
  echo "spec/nvim: $NVIM not found (apt install neovim); skipping"
  echo "nvim: 0 passed, 0 failed"
  exit 0
fi
if [ ! -f "$ROOT/build/luajit/shijian/core.so" ]; then
  echo "spec/nvim: build/luajit/shijian/core.so is missing (run make); tests that need it are skipped"
fi
RESULT=$(mktemp)
trap 'rm -f "$RESULT"' EXIT
cd "$ROOT" || exit 1
SHIJIAN_ROOT="$ROOT" SHIJIAN_RESULT="$RESULT" timeout 600 "$NVIM" --headless -u NONE -i NONE -n \
  -c "luafile $ROOT/spec/nvim/test_plugin.lua" </dev/null 2>&1
status=$?
summary=$(cat "$RESULT" 2>/dev/null)
if [ -z "$summary" ]; then
  echo "spec/nvim: the test run did not finish (status $status)"
  echo "nvim: 0 passed, 1 failed"
  exit 1
fi
echo "$summary"
case "$summary" in
  *", 0 failed") [ "$status" -eq 0 ] && exit 0; exit 1 ;;
  *) exit 1 ;;
esac
