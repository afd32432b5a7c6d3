# voicecart — every target sets up what it needs, and is fast when nothing changed.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_BOOT ?= $(shell command -v python3.10 2>/dev/null || ls -d $$HOME/.pyenv/versions/3.10.*/bin/python3.10 2>/dev/null | tail -n 1)
VENV        := .venv
PY          := $(VENV)/bin/python
VC          := $(VENV)/bin/voicecart
STAMP       := $(VENV)/.installed
LOCK        := requirements.lock
EXTRAS      := voice,ko,ja,bench,dev
SYSDEPS     := espeak-ng libportaudio2 libsndfile1 postgresql chromium chromium-driver
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help setup sysdeps models test lint unit run bench clean lock seeds shop-corpus shop-bench pg-start pg-stop

help:
	@echo "make run    set everything up and start the assistant"
	@echo "make test   set everything up, lint, and run the tests"
	@echo "make models train the NLU model of each language (skipped when nothing changed)"
	@echo "make bench  performance and speech benchmarks"
	@echo "make seeds  train with several seeds; NLU and journey tests and scores for each"
	@echo "make shop-corpus  speak the grocery benchmark's requests with every offline voice"
	@echo "make shop-bench   the grocery benchmark, typed and spoken (clean, 12 and 6 dB)"
	@echo "make pg-start  a local PostgreSQL cluster in models/pg (port 5433); make pg-stop"
	@echo "make lock   update requirements.lock after a dependency change (UPGRADE=1: refresh all)"

sysdeps:
	@missing=""; for p in $(SYSDEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# The installer is uv at the version the lock pins; everything else comes from the lock.
UV_PIN       = $(shell grep -m1 '^uv==' $(LOCK))
UV          := $(VENV)/bin/uv

$(PY):
	@test -n "$(PYTHON_BOOT)" || { echo "Python 3.10 is needed (pyenv install 3.10)"; exit 1; }
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install -q '$(UV_PIN)'

# Exactly the locked set (uv pip sync removes what the lock does not list), then the project.
$(STAMP): $(LOCK) pyproject.toml | $(PY)
	$(UV) pip sync -q --python $(PY) $(LOCK)
	$(UV) pip install -q --python $(PY) --no-deps -e .
	@touch $@

# After a change to pyproject.toml's dependencies: add and drop what changed, keep other pins.
# `make lock UPGRADE=1` refreshes every pin to the newest version pyproject.toml allows.
lock: | $(PY)
	$(UV) pip compile -q pyproject.toml --all-extras --python-version 3.10 \
	  --no-emit-package voicecart $(if $(UPGRADE),--upgrade) -o $(LOCK)

setup: sysdeps $(STAMP)

# One model per language pack (data/lang/<code>/), each skipped when its pack's data is unchanged.
LANGS       := en ko ja
models: setup
	@for lang in $(LANGS); do $(VC) --lang $$lang nlu train || exit 1; done

lint: setup
	$(VENV)/bin/ruff check voice nlu commerce assistant storedata tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: setup lint models
	$(VENV)/bin/pytest -q tests

unit: setup
	$(VENV)/bin/pytest -q tests/unit

# Any model trained from the committed data must pass: train one per seed (each hash-skipped
# when unchanged, in models/nlu/seed-N/), then run the NLU and journey tests and score it.
SEEDS       ?= 1 2 3
seeds: setup
	$(VC) bench seeds $(SEEDS) --out $(BENCH_DIR)

# A development PostgreSQL cluster (initdb + pg_ctl in models/pg; the tests start their own).
pg-start: setup
	$(VC) db server start

pg-stop: setup
	$(VC) db server stop

run: setup models
	@$(VC) db init --seed --if-missing
	@$(PY) -m assistant.start

BENCH_DIR   := models/bench
CORPUS      ?= ../shared/speech/coffee-orders
SNRS        := 24 21 18 15 12 9 6
SPEECH      = $(VC) bench speech --corpus $(CORPUS) --noise $(CORPUS)/noise-kitchen.wav --snr $(SNRS)

# Every figure is printed and saved under models/bench/ (see docs/BENCHMARKS.md).
bench: setup models
	@mkdir -p $(BENCH_DIR)
	$(VC) bench startup --runs 3 --out $(BENCH_DIR)/startup.json
	$(VC) bench nlu --out $(BENCH_DIR)/nlu.json
	$(VC) bench nlu-http --kiosks 8 --requests 100 --out $(BENCH_DIR)/nlu-http.json
	VOICECART_DB_URL=sqlite:///$(BENCH_DIR)/shop.sqlite $(VC) db init --seed --if-missing
	$(VC) --db sqlite:///$(BENCH_DIR)/shop.sqlite bench search --seeded --repeat 20 --out $(BENCH_DIR)/search-seeded.json
	$(VC) bench search --products 100000 --repeat 10 --out $(BENCH_DIR)/search-100k.json
	$(VC) bench grounding --out $(BENCH_DIR)/grounding.json
	$(VC) bench grounding --products 100000 --out $(BENCH_DIR)/grounding-100k.json
	$(VC) bench load --kiosks 8 --orders 2000 --backend sqlite --plot $(BENCH_DIR)/load-sqlite.png --out $(BENCH_DIR)/load-sqlite.json
	$(VC) bench load --kiosks 8 --orders 2000 --backend postgresql --plot $(BENCH_DIR)/load-postgresql.png --out $(BENCH_DIR)/load-postgresql.json
	$(VC) bench pipeline --limit 50 --out $(BENCH_DIR)/pipeline.json
	$(VC) bench wer --out $(BENCH_DIR)/wer.json
	$(SPEECH) --engine whisper --report $(BENCH_DIR)/speech-whisper --predictions $(BENCH_DIR)/predictions.json
	$(SPEECH) --engine whisper --open-vocabulary --report $(BENCH_DIR)/speech-whisper-open
	$(SPEECH) --engine pocketsphinx --report $(BENCH_DIR)/speech-pocketsphinx
	@# pocketsphinx without adaptation decodes at about real time in noise: a 30-file sample
	$(SPEECH) --engine pocketsphinx --open-vocabulary --limit 30 --report $(BENCH_DIR)/speech-pocketsphinx-open

# The grocery benchmark's audio: data/bench/shop/requests.yml spoken by every offline voice
# (assistant/bench/voices.py; espeak-ng comes with sysdeps), cached by text in models/bench/
# shop-corpus/ so that a rebuild only speaks what changed.
shop-corpus: setup
	$(VC) bench synth

# The grocery benchmark: typed, then each voice clean and in kitchen noise at 12 and 6 dB.
shop-bench: shop-corpus models
	@mkdir -p $(BENCH_DIR)
	$(VC) bench shop --noise $(CORPUS)/noise-kitchen.wav --snr 12 --snr 6 --out $(BENCH_DIR)/shop.json

clean:
	rm -rf $(VENV) models/nlu .pytest_cache .mypy_cache .ruff_cache
