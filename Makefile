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

NOTEBOOKS := $(wildcard notebooks/[0-9][0-9]_*.ipynb)
PAGES     := $(patsubst notebooks/%.ipynb,$(REPORTS)/%.html,$(NOTEBOOKS))
LIBRARY   := $(wildcard lib/zhenggai/*.py lib/zhenggai/*/*.py lib/zhenggai/resources/*)
TABLES    := $(DATA)/notices.csv

.PHONY: setup data test lint lab report check-report bench bench-scaling clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	$(BIN)/python -m compileall -q lib > /dev/null  # bytecode, as an installed package has it
	$(BIN)/python -m ipykernel install --sys-prefix --name zhenggai --display-name "zhenggai" > /dev/null
	touch $@

data: $(STAMP)
	$(BIN)/zhenggai build --raw $(RAW) --out $(DATA)

# The tables are rebuilt when a raw file or the library changed (or they are missing).
$(TABLES): $(wildcard $(RAW)/*) $(LIBRARY) | $(STAMP)
	$(BIN)/zhenggai build --raw $(RAW) --out $(DATA)

# A page is re-executed only when its notebook, the library or the tables changed.
$(REPORTS)/%.html: notebooks/%.ipynb $(LIBRARY) $(TABLES) | $(STAMP)
	$(BIN)/zhenggai report --data $(DATA) --out $(REPORTS) $<

report: $(PAGES)
	$(BIN)/zhenggai report --data $(DATA) --raw $(RAW) --out $(REPORTS) --index-only
	@echo "report: $(REPORTS)/index.html"

# Every page opened in headless Chromium: console errors, failed or outside requests and
# empty figures fail it; screenshots land in build/screenshots/.
check-report: report
	$(BIN)/python tools/check_report.py $(REPORTS) build/screenshots

lint: $(STAMP)
	$(BIN)/ruff check lib tests bench tools

# The tests read frozen fixtures; the data are rebuilt first when raw files or the library
# changed, so that the committed tables stay what the raw folder builds.
test: $(STAMP) lint $(TABLES)
	$(BIN)/python -m pytest

# --allow-root only where it is needed (as root, e.g. in Docker).
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

# Speed, the process tree's peak memory and disk use on 10,000 varied notices
# (bench/bench_build.py --notices N [--report]); bench-scaling checks that the peak at
# 20,000 notices is at most 1.25 times the peak at 5,000.
bench: $(STAMP)
	$(BIN)/python bench/bench_build.py --notices 10000

bench-scaling: $(STAMP)
	$(BIN)/python bench/bench_build.py --scaling

clean:
	rm -rf $(VENV) reports build .pytest_cache .ruff_cache .hypothesis lib/*.egg-info
