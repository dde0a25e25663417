#!/bin/sh
# make bench-nvim: editor-thread cost of the shijian Neovim plugin.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NVIM=${NVIM:-nvim}
cd "$ROOT" || exit 1
SHIJIAN_ROOT="$ROOT" "$NVIM" --headless -u NONE -i NONE -n -c "luafile $ROOT/bench/nvim/bench.lua" </dev/null 2>&1
