# NewsQuery: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test eval bench bench-scale clean

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
# .build/bench-corpus, not committed), then on each: load time, memory and per-statement p50/p99 of
# Sources/newsq-bench/peer/scale-queries.tsv (newsq-bench queries), the same quotations exported as JSONL and queried
# through SQLite FTS5 (Sources/newsq-bench/peer/sqlite_peer.py), and one table of both with the newsq/SQLite ratios and
# the answers' sizes. Wall-clock figures: take them on a quiet machine. Figures go in BENCHMARKS.md.
SCALE_SIZES ?= 1000 10000
SCALE_RUNS ?= 200
SCALE_SEED ?= 1
BENCH_CORPUS := .build/bench-corpus
bench-scale: deps
	$(SWIFT) build -c release --product newsq
	$(SWIFT) build -c release --product newsq-bench
	@date -u; uptime; nproc
	@set -e; for n in $(SCALE_SIZES); do \
		dir=$(BENCH_CORPUS)/$$n; rm -rf $$dir; \
		echo; echo "== $$n articles (seed $(SCALE_SEED)) =="; \
		.build/release/newsq-bench generate --articles $$n --seed $(SCALE_SEED) --out $$dir; \
		.build/release/newsq-bench queries --runs $(SCALE_RUNS) --json $$dir.newsq.json $$dir; \
		.build/release/newsq -q --format jsonl -e quotes $$dir > $$dir.quotes.jsonl; \
		python3 Sources/newsq-bench/peer/sqlite_peer.py --quotes $$dir.quotes.jsonl --runs $(SCALE_RUNS) --newsq $$dir.newsq.json; \
	done
	@uptime
