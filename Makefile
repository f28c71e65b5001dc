# NewsQuery: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test asan eval bench bench-scale fuzz fuzz-ci clean

# libedit's headers (and pkg-config, which SwiftPM uses to find them) are installed when missing.
deps:
	@if [ ! -f /usr/include/histedit.h ] || ! command -v pkg-config >/dev/null; then \
		echo "installing libedit-dev and pkg-config"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release

# Build in release mode and start the REPL on the bundled example corpus.
run: build
	.build/release/newsq

# Every test: unit, golden (examples, errors, grammar) and end-to-end under a pseudo-terminal.
test: deps
	$(SWIFT) build
	$(SWIFT) test

# Every test under AddressSanitizer (issue 8), the end-to-end ones on the sanitized newsq: its own
# scratch folder, so the debug build is untouched.
# Swift's crash backtracer is off (its reads of the stack trip AddressSanitizer), and so is the leak
# check: the leaks it reports at exit are not newsq's (XCTest's runner's own objects, and 204 bytes
# libedit strdups in the REPL), and they turn every exit status into 1.
ASAN_BUILD := --sanitize=address --scratch-path .build/asan
asan: deps
	$(SWIFT) build $(ASAN_BUILD)
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 NEWSQ_TEST_TIME_SCALE=10 \
		NEWSQ_BINARY=$(CURDIR)/.build/asan/debug/newsq NEWSQ_PTY_BINARY=$(CURDIR)/.build/asan/debug/newsq \
		$(SWIFT) test $(ASAN_BUILD)

# Quotation attribution on the PolNeAR dev split, scored by ../shared/eval (last line = summary).
eval: build
	.build/release/newsq --format jsonl -e quotes ../shared/polnear/dev/text > .build/dev.jsonl
	python3 ../shared/eval/attribution_eval.py --gold ../shared/polnear/dev --pred .build/dev.jsonl

clean:
	rm -rf .build

# Whole-run timings of the release binary (hyperfine, installed with apt-get when missing):
# start-up on an empty corpus, then load + annotate + index of PolNeAR train (3.9 MB, 840 articles)
# on one core and on all cores, and the peak memory of the latter; then the stages alone on one core
# (newsq-bench: annotation throughput and store build, CPU time). Figures go in BENCHMARKS.md.
TRAIN := ../shared/polnear/train/text
bench: build
	@command -v hyperfine >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hyperfine >/dev/null; }
	@mkdir -p .build/empty
	hyperfine --warmup 2 --runs 10 -N \
		'.build/release/newsq -q --format csv -e sources .build/empty' \
		'taskset -c 0 .build/release/newsq -q --format csv -e sources $(TRAIN)' \
		'.build/release/newsq -q --format csv -e sources $(TRAIN)'
	@printf 'text bytes: '; cat $(TRAIN)/*.txt | wc -c
	@/usr/bin/time -f 'peak memory: %M KB' .build/release/newsq -q --format csv -e sources $(TRAIN) >/dev/null
	taskset -c 0 .build/release/newsq-bench annotate --runs 7 $(TRAIN)

# Scale (issue 7): seeded synthetic corpora of each size in SCALE_SIZES (regenerated every time, into
# .build/bench-corpus, not committed), then on each: annotation throughput on one core (newsq-bench
# annotate --annotate-only), a cold load that writes the annotation cache and SCALE_REOPENS cached
# reopens (newsq-bench reopen: each step's time, the cache's size, peak memory), per-statement p50/p99
# of Sources/newsq-bench/peer/scale-queries.tsv on the store read from that cache (newsq-bench queries,
# which also exports every quotation as `newsq --format jsonl -e quotes` does), those quotations queried
# through SQLite FTS5
# (Sources/newsq-bench/peer/sqlite_peer.py), and one table of both with the newsq/SQLite ratios and the
# answers' sizes. Wall-clock figures: take them on a quiet machine. Figures go in BENCHMARKS.md.
SCALE_SIZES ?= 1000 10000
SCALE_RUNS ?= 200
SCALE_REOPENS ?= 3
SCALE_SEED ?= 1
BENCH_CORPUS := .build/bench-corpus
bench-scale: deps
	$(SWIFT) build -c release --product newsq
	$(SWIFT) build -c release --product newsq-bench
	@date -u; uptime; nproc
	@set -e; for n in $(SCALE_SIZES); do \
		dir=$(BENCH_CORPUS)/$$n; rm -rf $$dir $$dir.cache; \
		echo; echo "== $$n articles (seed $(SCALE_SEED)) =="; \
		.build/release/newsq-bench generate --articles $$n --seed $(SCALE_SEED) --out $$dir; \
		taskset -c 0 .build/release/newsq-bench annotate --annotate-only --runs 1 $$dir; \
		.build/release/newsq-bench reopen --runs $(SCALE_REOPENS) --cache-dir $$dir.cache $$dir; \
		.build/release/newsq-bench queries --runs $(SCALE_RUNS) --cache-dir $$dir.cache --json $$dir.newsq.json \
			--export $$dir.quotes.jsonl $$dir; \
		python3 Sources/newsq-bench/peer/sqlite_peer.py --quotes $$dir.quotes.jsonl --runs $(SCALE_RUNS) --newsq $$dir.newsq.json; \
	done
	@uptime

# Fuzzing (issue 8) with libFuzzer, under AddressSanitizer: Sources/fuzz-query (any text as a statement, a
# script and an `explain`, on the bundled corpus) and Sources/fuzz-annotator (any text as an article,
# annotated, stored and queried). Built into their own scratch folder, so other builds are untouched.
# Each runs FUZZ_SECONDS on its corpus in .build/fuzz-corpus (kept between runs, seeded from the example
# statements and the bundled articles, whole and by paragraph); the full log goes to .build/fuzz-out,
# with any crash or hang as an input file there (re-run one: .build/fuzz/release/fuzz-query FILE).
# Release (-O keeps Swift's bounds and overflow checks) runs 3x as many inputs a second as debug; the
# leak check is off, after each input (-detect_leaks=0: it scans the heap, a quarter of the speed) and at
# exit (ASAN_OPTIONS): Swift's reference counting leaves little for it to find, and Swift keeps an enum's
# case in spare bits of a payload's pointer, which LeakSanitizer then reports as a leak of what a global
# still holds (it did, for the articles of the target's store). Swift's own crash backtracer is off: libFuzzer prints
# the stack of a trap itself, and the backtracer's reads of the stack trip AddressSanitizer.
# Each run first replays the whole saved corpus (every input found so far, a regression check), then
# fuzzes: when the corpus outgrows FUZZ_SECONDS (no `new_units_added`), raise it, or shrink the corpus
# with libFuzzer's -merge=1 into an empty folder. Not part of `make test`; CI (.ci/run) runs the short
# pass `make fuzz-ci` after it: FUZZ_SECONDS=20 per target on a fresh corpus seeded as above.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --scratch-path .build/fuzz
FUZZ_CORPUS := .build/fuzz-corpus
FUZZ_OUT := .build/fuzz-out
fuzz:
	$(SWIFT) build $(FUZZ_BUILD) --product fuzz-query
	$(SWIFT) build $(FUZZ_BUILD) --product fuzz-annotator
	@mkdir -p $(FUZZ_CORPUS)/query $(FUZZ_CORPUS)/annotator $(FUZZ_OUT)
	@grep -hv '^[[:space:]]*#' examples/*.nq | grep -v '^[[:space:]]*$$' | \
		awk '{ print > sprintf("$(FUZZ_CORPUS)/query/seed-%03d", NR) }'
	@# The query target's dictionary: the words and operators of the example statements (keywords,
	@# fields, values), which libFuzzer splices into inputs.
	@grep -hv '^[[:space:]]*#' examples/*.nq | grep -oE '[A-Za-z_][A-Za-z0-9_.]+|[<>=!~]+' | sort -u | \
		sed 's/.*/"&"/' > $(FUZZ_OUT)/query.dict
	@for f in examples/corpus/*.txt; do \
		n=$$(basename $$f .txt); cp $$f $(FUZZ_CORPUS)/annotator/seed-$$n; \
		awk -v RS= -v out=$(FUZZ_CORPUS)/annotator/seed-$$n-p '{ print > sprintf("%s%02d", out, NR) }' $$f; \
	done
	@set -e; for t in query:512 annotator:4096; do \
		name=$${t%%:*}; dict=; [ $$name = query ] && dict=-dict=$(FUZZ_OUT)/query.dict; \
		echo "== fuzz-$$name: $(FUZZ_SECONDS) s (log: $(FUZZ_OUT)/$$name.log)"; \
		if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 .build/fuzz/release/fuzz-$$name $(FUZZ_CORPUS)/$$name -max_total_time=$(FUZZ_SECONDS) \
			-max_len=$${t##*:} -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1 \
			$$dict -artifact_prefix=$(FUZZ_OUT)/$$name- > $(FUZZ_OUT)/$$name.log 2>&1; then \
			tail -n 40 $(FUZZ_OUT)/$$name.log; echo "fuzz-$$name found a problem (input saved in $(FUZZ_OUT))"; exit 1; \
		fi; \
		grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)' $(FUZZ_OUT)/$$name.log; \
		echo "corpus: $$(ls $(FUZZ_CORPUS)/$$name | wc -l) inputs"; \
	done

# The short bounded pass CI runs after `make test` (issue 8): 20 seconds per target.
fuzz-ci:
	$(MAKE) fuzz FUZZ_SECONDS=20
