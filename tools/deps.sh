#!/bin/sh
# deps.sh [demo|test] — install what `make demo` / `make test` need on
# Debian 12 when it is missing: with apt-get when root, otherwise print the
# exact apt-get line and stop.
set -u
what=${1:-test}
pkgs="gcc make lua5.4 liblua5.4-dev"
case "$what" in
  test) pkgs="$pkgs lua5.3 liblua5.3-dev luajit libluajit-5.1-dev lua-busted lua-lpeg lua-cjson neovim pandoc python3-distributed valgrind clang libclang-rt-14-dev time opencc pkg-config lua-check luarocks" ;;
  bench) pkgs="$pkgs lua-cjson python3-jieba time hyperfine opencc pandoc" ;;
esac
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "deps: installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
    echo "deps: apt-get install failed for:$missing" >&2; exit 1; }
else
  echo "shijian needs these Debian packages:$missing" >&2
  echo "install them with:  sudo apt-get install -y$missing" >&2
  exit 1
fi
