#!/bin/sh
# env.sh ROOT BUILD — print shell lines that let every Lua find this
# checkout's modules (`make env`; use: eval "$(make -s env)").
# Lua 5.4 and 5.3 read LUA_PATH_5_4 / LUA_PATH_5_3 first, LuaJIT (and Lua
# 5.1) only LUA_PATH; each gets the C module built for its ABI.  A value
# already set is kept after ours; ";;" stands for Lua's default path.
root=${1:?root} build=${2:?build dir}
lua="$root/lua/?.lua;$root/lua/?/init.lua"
cat <<SH
export LUA_PATH_5_4="$lua;\${LUA_PATH_5_4:-\${LUA_PATH:-;}}"
export LUA_CPATH_5_4="$build/lua5.4/?.so;\${LUA_CPATH_5_4:-\${LUA_CPATH:-;}}"
export LUA_PATH_5_3="$lua;\${LUA_PATH_5_3:-\${LUA_PATH:-;}}"
export LUA_CPATH_5_3="$build/lua5.3/?.so;\${LUA_CPATH_5_3:-\${LUA_CPATH:-;}}"
export LUA_PATH="$lua;\${LUA_PATH:-;}"
export LUA_CPATH="$build/luajit/?.so;\${LUA_CPATH:-;}"
SH
