# First use on a fresh machine does all the set-up: `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv run test bench bundle translations clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run $(BENCH_ARGS)

# The one-folder desktop bundle in dist/ltc-desk/ (pyinstaller.spec); check it with
# `dist/ltc-desk/ltc-desk --self-test`.
BUNDLE_STAMP := $(VENV)/.bundle-installed

$(BUNDLE_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[dev,bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller pyinstaller.spec

# After changing user-visible text: new strings into resources/translations/ltc_zh_CN.ts
# (existing translations kept), then the compiled .qm. Translate what is "unfinished".
translations: $(STAMP)
	$(PY) -m ui.catalogue

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
