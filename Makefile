# NewsQuery: the two set-up commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test eval bench clean

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
