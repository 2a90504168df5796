# zhenggai: `make report` builds the HTML report, `make test` runs the checks.
# Every target that needs the Python environment creates it first (.venv, pinned versions).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RAW    ?= data/raw
# A folder of notices other than the project's own builds into its own output folder.
ifeq ($(RAW),data/raw)
  DATA    := data/processed
  REPORTS := reports
else
  DATA    := build/$(notdir $(abspath $(RAW)))/processed
  REPORTS := build/$(notdir $(abspath $(RAW)))/reports
endif

.PHONY: setup data test lint lab report bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

data: $(STAMP)
	$(BIN)/zhenggai build --raw $(RAW) --out $(DATA)

lint: $(STAMP)
	$(BIN)/ruff check lib tests bench

test: $(STAMP) lint
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

bench: $(STAMP)
	$(BIN)/python bench/bench_build.py

clean:
	rm -rf $(VENV) reports build .pytest_cache .ruff_cache .hypothesis lib/*.egg-info
