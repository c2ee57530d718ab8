# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
export QT_API := pyside6

.PHONY: run test lint bench fuzz examples clean doctor screenshot screenshots translations

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-install only when the dependency lists change (stamp files), so repeated runs are quick.
$(VENV)/.stamp-run: pyproject.toml constraints.txt | $(PY)
	$(PIP) install -q -c constraints.txt -e .
	@touch $@

$(VENV)/.stamp-test: pyproject.toml constraints.txt | $(PY)
	$(PIP) install -q -c constraints.txt -e '.[test]'
	@touch $@ $(VENV)/.stamp-run

run: $(VENV)/.stamp-run
	$(PY) -m explorer --doctor
	$(PY) -m explorer $(ARGS)

doctor: $(VENV)/.stamp-run
	$(PY) -m explorer --doctor

lint: $(VENV)/.stamp-test
	$(VENV)/bin/ruff check explorer tests benchmarks tools
	$(VENV)/bin/lint-imports

# One pytest worker per core (pytest-xdist); `$(PY) -m pytest` alone runs the suite serially.
test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow" -n auto

# Thousands of hostile project files and archives through summary, export-code, init and
# train, plus the slow cases (a 1.5 GiB zip bomb). Takes tens of minutes on 2 cores.
fuzz: $(VENV)/.stamp-test
	QT_QPA_PLATFORM=offscreen NN_EXPLORER_FUZZ=1 $(PY) -m pytest tests/test_fuzz_files.py \
		tests/io/test_archive_limits.py tests/test_cli_hostile.py tests/test_cli_outputs.py

bench: $(VENV)/.stamp-test
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

examples: $(VENV)/.stamp-run
	$(PY) tools/make_examples.py

screenshot: $(VENV)/.stamp-run
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshot.py

# The window and each bottom tab at 1280x800, 1400x900 and 1920x1080, English and Chinese,
# into screenshots/ (git-ignored), with a report of every control that is clipped.
screenshots: $(VENV)/.stamp-run
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py screenshots

# Extract every tr() string from the UI into the Chinese .ts file, keeping existing translations.
translations: $(VENV)/.stamp-run
	$(VENV)/bin/pyside6-lupdate $$(find explorer/ui explorer/workers -name '*.py' | sort) \
		-no-obsolete -source-language en -target-language zh_CN -ts resources/i18n/nn_explorer_zh_CN.ts

clean:
	rm -rf $(VENV) .bench build *.egg-info
