# mk/hardening.mk — fuzzing, sanitizers, valgrind, threads, memory bounds.
# Included by the Makefile; uses its CORE_SRC, CORE_HDR, B, WARN, SAN, C_TESTS
# and LUA54_INC.
#
#   make fuzz [SECONDS=60] [RUNS=N] [FUZZ_TARGETS="analyze dict json"]
#                          each libFuzzer target in turn for SECONDS (or RUNS
#                          executions), resuming from the corpus kept in
#                          fuzz/corpus/TARGET/ and merging new finds back into
#                          it minimised (-merge=1); logs in $(B)/fuzz/logs/
#   make fuzz-cmin         re-minimise each kept corpus (merge into an empty
#                          directory, replace the kept one)
#   make check-sanitize    C tests (ASan+UBSan) + busted under an ASan core.so
#   make check-valgrind    the CLI under valgrind on the sample and bad inputs
#   make check-tsan        the 8-thread test under ThreadSanitizer, and the
#                          command with --jobs 4 (a TSan build of it)
#   make check-hardening   all of spec/hardening/run.sh (what `make test` runs)
#   make bench-memory      peak RSS of `shijian tag`/`cut` on 1, 10, 100 MB
#
# Needs clang with libFuzzer (Debian: clang, libclang-rt-14-dev), valgrind
# and GNU time (Debian: time).

FUZZ_CC   ?= clang
SECONDS   ?= 60
RUNS      ?=
FUZZ_TARGETS ?= analyze dict json
FUZZ_BINS = $(FUZZ_TARGETS:%=$(B)/fuzz/fuzz_%)
FUZZ_SAN  = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS = $(WARN) -O1 -g $(FUZZ_SAN) -D_POSIX_C_SOURCE=200809L
FUZZ_OBJ  = $(CORE_SRC:csrc/core/%.c=$(B)/fuzz/obj/%.o) $(B)/asan/embed.o

$(B)/fuzz/obj/%.o: csrc/core/%.c $(CORE_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
$(B)/fuzz/obj/json.o: csrc/cli/json.c csrc/cli/cli.h $(CORE_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Icsrc/core -c -o $@ $<
$(B)/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/doc_check.h fuzz/json_check.h $(FUZZ_OBJ) $(B)/fuzz/obj/json.o
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Icsrc/core -o $@ $< $(FUZZ_OBJ) \
	  $(if $(filter json,$*),$(B)/fuzz/obj/json.o) -lm

# ---- ThreadSanitizer build of the core and spec/c/test_hardening.c ----------
TSAN = -fsanitize=thread -fno-omit-frame-pointer
TSAN_OBJ = $(CORE_SRC:csrc/core/%.c=$(B)/tsan/%.o) $(B)/asan/embed.o
$(B)/tsan/%.o: csrc/core/%.c $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g $(TSAN) -D_POSIX_C_SOURCE=200809L -c -o $@ $<
$(B)/tsan/test_hardening: spec/c/test_hardening.c spec/c/check.h fuzz/doc_check.h fuzz/json_check.h \
    fuzz/fuzz_analyze.c fuzz/fuzz_dict.c fuzz/fuzz_json.c csrc/cli/json.c csrc/cli/cli.h $(TSAN_OBJ)
	$(CC) $(WARN) -O1 -g $(TSAN) -D_POSIX_C_SOURCE=200809L -Icsrc/core -o $@ $< $(TSAN_OBJ) -lm -lpthread

# the command, for --jobs under TSan
$(B)/tsan/shijian: $(CLI_SRC) csrc/cli/cli.h $(TSAN_OBJ)
	$(CC) $(WARN) -O1 -g $(TSAN) -D_POSIX_C_SOURCE=200809L -Icsrc/core -o $@ $(CLI_SRC) $(TSAN_OBJ) -lm -lpthread

# test_hardening replays the fuzz regressions through the targets' code
$(B)/asan/test_hardening: fuzz/doc_check.h fuzz/json_check.h fuzz/fuzz_analyze.c fuzz/fuzz_dict.c \
    fuzz/fuzz_json.c csrc/cli/json.c csrc/cli/cli.h

# ---- the Lua module built with ASan+UBSan (for busted under LD_PRELOAD) -----
ASAN_PIC_OBJ = $(CORE_SRC:csrc/core/%.c=$(B)/asan-pic/%.o) $(B)/asan-pic/embed.o
$(B)/asan-pic/embed.o: $(B)/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O1 -g -fPIC -c -o $@ $<
$(B)/asan-pic/%.o: csrc/core/%.c $(CORE_HDR)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g -fPIC $(SAN) -D_POSIX_C_SOURCE=200809L -c -o $@ $<
$(B)/asan-lua/build/lua5.4/shijian/core.so: csrc/lua/lshijian.c $(ASAN_PIC_OBJ)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g -fPIC $(SAN) -D_POSIX_C_SOURCE=200809L -I$(LUA54_INC) $(MODFLAGS) -o $@ $< $(ASAN_PIC_OBJ) -lm
$(B)/asan/shijian: $(CLI_SRC) csrc/cli/cli.h $(ASAN_OBJ)
	$(CC) $(WARN) -O1 -g $(SAN) -D_POSIX_C_SOURCE=200809L -Icsrc/core -o $@ $(CLI_SRC) $(ASAN_OBJ) -lm

HARDENING_BASE = all $(C_TESTS) $(B)/tsan/test_hardening $(B)/tsan/shijian \
  $(B)/asan-lua/build/lua5.4/shijian/core.so $(B)/asan/shijian

.PHONY: fuzz fuzz-cmin fuzz-build hardening-base hardening-build check-sanitize check-valgrind check-tsan check-hardening bench-memory
fuzz-build: $(FUZZ_BINS)
hardening-base: $(HARDENING_BASE)
hardening-build: hardening-base $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	@B=$(B) FUZZ_TARGETS="$(FUZZ_TARGETS)" sh spec/hardening/run.sh fuzz $(SECONDS) $(RUNS)

fuzz-cmin: $(FUZZ_BINS)
	@for t in $(FUZZ_TARGETS); do \
	  rm -rf $(B)/fuzz/cmin/$$t && mkdir -p $(B)/fuzz/cmin/$$t && \
	  $(B)/fuzz/fuzz_$$t -merge=1 -max_len=4096 -timeout=20 -rss_limit_mb=2048 \
	    $(B)/fuzz/cmin/$$t fuzz/corpus/$$t > $(B)/fuzz/cmin/$$t.log 2>&1 && \
	  echo "fuzz/corpus/$$t: $$(ls fuzz/corpus/$$t | wc -l) -> $$(ls $(B)/fuzz/cmin/$$t | wc -l) inputs" && \
	  rm -rf fuzz/corpus/$$t && cp -r $(B)/fuzz/cmin/$$t fuzz/corpus/$$t || exit 1; \
	done

check-sanitize: hardening-base
	@B=$(B) sh spec/hardening/run.sh sanitize
check-valgrind: all
	@B=$(B) sh spec/hardening/run.sh valgrind
check-tsan: $(B)/tsan/test_hardening $(B)/tsan/shijian all
	@B=$(B) sh spec/hardening/run.sh tsan
check-hardening: hardening-build
	@B=$(B) sh spec/hardening/run.sh
bench-memory: all
	@sh spec/hardening/bench_memory.sh
