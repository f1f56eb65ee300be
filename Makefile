# carcheck: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
AS_OF  := 2026-10-15

.PHONY: demo test lint bench samples clean bytecode

$(STAMP): pyproject.toml
	@tools/install-tesseract.sh
	@echo "setting up $(VENV) (once): installing carcheck and its dependencies"
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e '.[dev]'
	@$(MAKE) --no-print-directory bytecode
	@touch $(STAMP)

# The package's compiled bytecode, written even where PYTHONDONTWRITEBYTECODE is set
# (an editable install compiles nothing): each run would otherwise compile it again.
bytecode:
	@$(PY) -m compileall -q carcheck

demo: $(STAMP)
	@echo "== a complete packet (exit 0 expected) =="
	@$(VENV)/bin/carcheck check sample_packets/complete --as-of $(AS_OF)
	@echo
	@echo "== an incomplete packet (exit 1 expected: the letter is not signed) =="
	@$(VENV)/bin/carcheck check sample_packets/unsigned-letter --as-of $(AS_OF); \
	  rc=$$?; if [ $$rc -ne 1 ]; then echo "unexpected exit code $$rc"; exit 1; fi
	@echo
	@echo "== the complete packet as a fax: image-only pages read by OCR (exit 0 expected) =="
	@echo "(reading 15 scanned pages by OCR: up to a minute the first time, cached after)"
	@$(VENV)/bin/carcheck check sample_packets/fax-complete --as-of $(AS_OF); \
	  rc=$$?; if [ $$rc -ne 0 ] && command -v tesseract >/dev/null; then \
	    echo "unexpected exit code $$rc"; exit 1; fi

test: $(STAMP)
	tools/install-chromium.sh
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check carcheck tests tools
	$(VENV)/bin/ruff format --check carcheck tests tools
	$(VENV)/bin/mypy carcheck

bench: $(STAMP) bytecode
	$(PY) tools/bench.py

samples: $(STAMP)
	$(PY) tools/make_samples.py sample_packets --scanned

clean:
	rm -rf $(VENV) build *.egg-info
