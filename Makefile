# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
INDEX ?= .youthqa-index
TORCH := torch==2.13.0

.PHONY: run test install install-test index serve ask bench bench-query clean nearmiss train cv

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# torch first and pinned: it is the CPU build on this disk; unpinned, sentence-transformers pulls CUDA.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q $(TORCH)
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Re-ingest is cheap when nothing changed (content hashes), so `index` always runs it.
index: install
	$(BIN)/youthqa ingest corpus --index $(INDEX) --prune

run: index
	$(BIN)/youthqa serve --index $(INDEX)

ask: index
	$(BIN)/youthqa ask "铜川的志愿汇平台注册了多少志愿者?" --index $(INDEX)

test: install-test
	$(BIN)/python -m pytest -q --durations=12

bench: install-test
	$(BIN)/python benchmarks/bench_ingest.py --wait-idle 120

bench-query: install-test
	$(BIN)/python benchmarks/bench_query.py $(if $(SIZES),--sizes $(SIZES))

clean:
	rm -rf $(INDEX) $(VENV)

# The answer model: every gold question asked through the real pipeline (features cached in .youthqa-train/,
# asked again when the code, the gold or the reports change), two logistic regressions fitted, the refusal
# threshold calibrated leave-reports-out; written to app/engine/data/answer_model.json (same data, same bytes).
train: install
	YOUTHQA_EMBED_THREADS=1 $(BIN)/python -m app.evaluation.train

# Leave-reports-out cross-validated figures over all gold sets, beside the in-sample ones.
cv: install
	YOUTHQA_EMBED_THREADS=1 $(BIN)/python -m app.evaluation.train --cv

# Unanswerable variants (place / year swapped) of every answerable gold question; seeded, output committed.
nearmiss: install
	$(BIN)/python -m app.evaluation.nearmiss --out tests/data/gold/nearmiss.jsonl

# Server mode: one Chroma server that every youthqa process shares (YOUTHQA_CHROMA_HOST=127.0.0.1).
CHROMA_PATH ?= .youthqa-chroma
CHROMA_PORT ?= 8000
.PHONY: chroma bench-load bench-scale
chroma: install
	$(BIN)/chroma run --path $(CHROMA_PATH) --host 127.0.0.1 --port $(CHROMA_PORT)

# Throughput of 1 vs 2 app workers over one Chroma server (~3 min; BENCH_SECONDS=20 for a quick run).
bench-load: install-test
	$(BIN)/python benchmarks/bench_load.py $(if $(BENCH_SECONDS),--seconds $(BENCH_SECONDS))

# Issue 13: 10k and 100k chunk knowledge bases, 2 server-mode workers, new lexical index against the old design
# (SIZES=10000,30000 for a quicker run; 100k takes long on 2 cores).
bench-scale: install-test
	$(BIN)/python benchmarks/bench_scale.py $(if $(SIZES),--sizes $(SIZES))
