# shijian — build, test, install.  `make help` lists the targets.
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ALLCFLAGS = $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -D_POSIX_C_SOURCE=200809L
PREFIX  ?= /usr/local
DESTDIR ?=
LUA_VERSIONS = 5.4 5.3 jit
B = build
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
# the shared library: libshijian.so.VERSION (SJ_VERSION of shijian.h), its
# SONAME libshijian.so.MAJOR, and the link name libshijian.so
VERSION := $(shell sed -n '/define SJ_VERSION/s/[^"]*"\([^"]*\)".*/\1/p' csrc/core/shijian.h)
SONAME   = libshijian.so.$(firstword $(subst ., ,$(VERSION)))
SHLIB    = libshijian.so.$(VERSION)

CORE_SRC = $(sort $(wildcard csrc/core/*.c))
CORE_HDR = $(wildcard csrc/core/*.h)
CORE_OBJ = $(CORE_SRC:csrc/core/%.c=$(B)/obj/%.o) $(B)/obj/embed.o
CLI_SRC  = $(wildcard csrc/cli/*.c)
DICT_SRC = dict/jieba/dict.txt $(sort $(wildcard dict/extra/*.txt))
GAZ_SRC  = $(sort $(wildcard dict/gaz/*.tsv dict/seg/*.tsv))

# Lua headers per ABI (Debian paths under LUA_INC_ROOT; override LUA54_INC=
# etc.).  They are looked for when make reads this file, so whatever installs
# them (tools/deps.sh) runs before a sub-make that decides: see `test`, `demo`.
LUA_INC_ROOT ?= /usr/include
LUA54_INC ?= $(firstword $(wildcard $(LUA_INC_ROOT)/lua5.4))
LUA53_INC ?= $(firstword $(wildcard $(LUA_INC_ROOT)/lua5.3))
LUAJIT_INC ?= $(firstword $(wildcard $(LUA_INC_ROOT)/luajit-2.1))
LUA_MODS = $(if $(LUA54_INC),$(B)/lua5.4/shijian/core.so) \
           $(if $(LUA53_INC),$(B)/lua5.3/shijian/core.so) \
           $(if $(LUAJIT_INC),$(B)/luajit/shijian/core.so)
ifeq ($(shell uname),Darwin)
MODFLAGS = -bundle -undefined dynamic_lookup
else
# the core linked in stays private to the module (only luaopen_* exported)
MODFLAGS = -shared -Wl,--exclude-libs,ALL
endif

.PHONY: all lib cli lua test check demo eval bench bench-nvim nvim install uninstall clean help deps rock env lint rock-build rock-install
.SECONDARY:
all: lib cli lua

help:
	@echo "make            build the library, the CLI and the Lua modules ($(LUA_VERSIONS))"
	@echo "make demo       analyse the sample text in examples/ (installs what is missing)"
	@echo "make test       every test suite; ends with 'N passed, N failed'"
	@echo "make eval       segmentation (SIGHAN PKU) and tagger (gold) scores"
	@echo "make bench      throughput, start-up and memory against jieba"
	@echo "make bench-nvim editor-thread time of the Neovim plugin's updates"
	@echo "make install    PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)"
	@echo "make env        LUA_PATH/LUA_CPATH for this checkout: eval \"\$$(make -s env)\""
	@echo "make lint       luacheck and the C compiler's strict warnings (part of make test)"

lib: $(B)/libshijian.a $(B)/$(SHLIB)
cli: $(B)/shijian
lua: $(LUA_MODS)

$(B)/sjdictc: csrc/tools/sjdictc.c csrc/core/utf8.c $(CORE_HDR)
	@mkdir -p $(B)
	$(CC) $(WARN) $(CFLAGS) -D_POSIX_C_SOURCE=200809L -o $@ csrc/tools/sjdictc.c csrc/core/utf8.c -lm

T2S_SRC  = dict/opencc/t2s.tsv dict/opencc/script.tsv
$(B)/embed.c: $(B)/sjdictc $(DICT_SRC) dict/jieba/hmm.txt $(GAZ_SRC) $(T2S_SRC)
	$(B)/sjdictc -c -o $@ $(addprefix --lex ,$(DICT_SRC)) --hmm dict/jieba/hmm.txt $(addprefix --gaz ,$(GAZ_SRC)) \
	  --t2s dict/opencc/t2s.tsv --script dict/opencc/script.tsv

# (Makefile: its flags decide what the shared library exports; 3 s to redo)
$(B)/obj/embed.o: $(B)/embed.c Makefile
	@mkdir -p $(B)/obj
	$(CC) -std=c11 $(CFLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

$(B)/obj/%.o: csrc/core/%.c $(CORE_HDR)
	@mkdir -p $(B)/obj
	$(CC) $(ALLCFLAGS) -c -o $@ $<

$(B)/libshijian.a: $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $^

# only the public functions (SJ_API) are exported; -z defs: nothing left
# undefined
$(B)/$(SHLIB): $(CORE_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,-z,defs -o $@ $^ -lm
	ln -sf $(SHLIB) $(B)/$(SONAME)
	ln -sf $(SONAME) $(B)/libshijian.so

# the command uses the public header only (csrc/core/shijian.h), as a
# program built against an installed libshijian would
$(B)/shijian: $(CLI_SRC) csrc/cli/cli.h csrc/core/shijian.h $(B)/libshijian.a
	$(CC) $(ALLCFLAGS) -Icsrc/core -o $@ $(CLI_SRC) $(B)/libshijian.a -lm

$(B)/lua5.4/shijian/core.so: csrc/lua/lshijian.c $(B)/libshijian.a
	@mkdir -p $(@D)
	$(CC) $(ALLCFLAGS) -I$(LUA54_INC) $(MODFLAGS) -o $@ $< $(B)/libshijian.a -lm
$(B)/lua5.3/shijian/core.so: csrc/lua/lshijian.c $(B)/libshijian.a
	@mkdir -p $(@D)
	$(CC) $(ALLCFLAGS) -I$(LUA53_INC) $(MODFLAGS) -o $@ $< $(B)/libshijian.a -lm
$(B)/luajit/shijian/core.so: csrc/lua/lshijian.c $(B)/libshijian.a
	@mkdir -p $(@D)
	$(CC) $(ALLCFLAGS) -I$(LUAJIT_INC) $(MODFLAGS) -o $@ $< $(B)/libshijian.a -lm

# ---- sanitizer build of the core and the C tests --------------------------
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ASAN_OBJ = $(CORE_SRC:csrc/core/%.c=$(B)/asan/%.o) $(B)/asan/embed.o
$(B)/asan/embed.o: $(B)/embed.c
	@mkdir -p $(B)/asan
	$(CC) -std=c11 -O1 -g -c -o $@ $<
$(B)/asan/%.o: csrc/core/%.c $(CORE_HDR)
	@mkdir -p $(B)/asan
	$(CC) $(WARN) -O1 -g $(SAN) -D_POSIX_C_SOURCE=200809L -c -o $@ $<
$(B)/asan/test_%: spec/c/test_%.c $(ASAN_OBJ) spec/c/check.h
	$(CC) $(WARN) -O1 -g $(SAN) -D_POSIX_C_SOURCE=200809L -Icsrc/core -o $@ $< $(ASAN_OBJ) -lm -lpthread
C_TESTS = $(patsubst spec/c/test_%.c,$(B)/asan/test_%,$(wildcard spec/c/test_*.c))

# `make test` and `make demo` first install what is missing ($(DEPS)), then
# a sub-make reads this file again and decides what to build: the Lua
# headers a fresh machine gets from deps are seen (SJ_DEPS_DONE marks the
# sub-make).  SPEC is the test runner (spec/checkout/run.sh replaces it).
DEPS ?= sh tools/deps.sh
SPEC ?= sh spec/run.sh
deps:
	@$(DEPS) test

ifeq ($(SJ_DEPS_DONE),)
test demo:
	@$(DEPS) $@
	@$(MAKE) --no-print-directory SJ_DEPS_DONE=1 $@
else
test: all $(C_TESTS)
	@$(SPEC)

demo: all
	@B=$(B) sh examples/demo.sh
endif

check: test

lint:
	@sh spec/lint/run.sh

# LUA_PATH / LUA_CPATH (per Lua version) for using this checkout's modules:
#   eval "$$(make -s env)"     then  lua5.4 -e 'require "shijian"'
env:
	@sh tools/env.sh "$(CURDIR)" "$(abspath $(B))"

eval: all
	@sh tools/deps.sh bench
	@sh bench/eval_seg.sh
	@sh bench/eval_tag.sh
	@lua5.4 bench/eval_cec.lua
	@lua5.4 bench/eval_dev.lua

bench: all $(B)/analyze-bench
	@sh tools/deps.sh bench
	@sh bench/bench.sh

$(B)/analyze-bench: bench/analyze_bench.c $(B)/libshijian.a
	$(CC) $(ALLCFLAGS) -Icsrc/core -o $@ $< $(B)/libshijian.a -lm

bench-nvim: all
	@sh bench/nvim/bench.sh

# only the LuaJIT module (a light build step for Neovim plugin managers)
nvim: $(if $(LUAJIT_INC),$(B)/luajit/shijian/core.so)

rock:
	luarocks make --local rockspec/shijian-scm-1.rockspec

# LuaRocks' side (rockspec: build type make).  luarocks passes the Lua
# headers (ROCK_LUA_INC) and, to install, the tree's LUADIR and LIBDIR; the
# image and the core are built here like any build, so `luarocks make` works
# from a clean clone.  The module is linked again each time: one tree may
# hold it for several Luas.
ROCK_LUA_INC ?= $(LUA54_INC)
rock-build: $(B)/libshijian.a
	@mkdir -p $(B)/rock/shijian
	$(CC) $(ALLCFLAGS) -I$(ROCK_LUA_INC) $(MODFLAGS) -o $(B)/rock/shijian/core.so csrc/lua/lshijian.c $(B)/libshijian.a -lm
rock-install:
	test -n "$(ROCK_LUADIR)" && test -n "$(ROCK_LIBDIR)"
	install -d $(ROCK_LIBDIR)/shijian $(ROCK_LUADIR)/shijian
	install -m 755 $(B)/rock/shijian/core.so $(ROCK_LIBDIR)/shijian/core.so
	cp -R lua/shijian/. $(ROCK_LUADIR)/shijian/

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR)
	install -m 755 $(B)/shijian $(DESTDIR)$(PREFIX)/bin/shijian
	install -m 644 $(B)/libshijian.a $(DESTDIR)$(LIBDIR)/libshijian.a
	install -m 755 $(B)/$(SHLIB) $(DESTDIR)$(LIBDIR)/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libshijian.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCDIR@|$(INCDIR)|' \
	  -e 's|@VERSION@|$(VERSION)|' csrc/shijian.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/shijian.pc
	install -m 644 csrc/core/shijian.h $(DESTDIR)$(INCDIR)/shijian.h
	install -d $(DESTDIR)$(PREFIX)/share/shijian
	install -m 644 filters/shijian.lua share/shijian.css $(DESTDIR)$(PREFIX)/share/shijian/
	for v in 5.4 5.3; do \
	  if [ -f $(B)/lua$$v/shijian/core.so ]; then \
	    install -d $(DESTDIR)$(PREFIX)/lib/lua/$$v/shijian $(DESTDIR)$(PREFIX)/share/lua/$$v/shijian; \
	    install -m 755 $(B)/lua$$v/shijian/core.so $(DESTDIR)$(PREFIX)/lib/lua/$$v/shijian/core.so; \
	    cp -R lua/shijian/. $(DESTDIR)$(PREFIX)/share/lua/$$v/shijian/; \
	  fi; \
	done
	if [ -f $(B)/luajit/shijian/core.so ]; then \
	  install -d $(DESTDIR)$(PREFIX)/lib/lua/5.1/shijian $(DESTDIR)$(PREFIX)/share/lua/5.1/shijian; \
	  install -m 755 $(B)/luajit/shijian/core.so $(DESTDIR)$(PREFIX)/lib/lua/5.1/shijian/core.so; \
	  cp -R lua/shijian/. $(DESTDIR)$(PREFIX)/share/lua/5.1/shijian/; \
	fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/shijian $(DESTDIR)$(LIBDIR)/libshijian.a $(DESTDIR)$(INCDIR)/shijian.h
	rm -f $(DESTDIR)$(LIBDIR)/$(SHLIB) $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libshijian.so
	rm -f $(DESTDIR)$(LIBDIR)/pkgconfig/shijian.pc
	rm -rf $(DESTDIR)$(PREFIX)/lib/lua/*/shijian $(DESTDIR)$(PREFIX)/share/lua/*/shijian $(DESTDIR)$(PREFIX)/share/shijian

clean:
	rm -rf $(B)

-include mk/hardening.mk
