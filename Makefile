# Xietong developer commands. `make run` and `make test` do all the set-up themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# make dist and tests/packaging also need PyInstaller and the Debian packaging tools.
DIST_STAMP := $(VENV)/.dist-installed
DEMO := var/demo
DEMO_PORT ?= 8765
DEMO_PEOPLE ?= 1000
# Test workers: the suite mostly waits on server processes and PostgreSQL, so more workers than cores pay.
TEST_WORKERS ?= 3

.PHONY: run test bench soak screenshots translations demo dist packaging-test clean

run: $(STAMP) translations demo
	bash scripts/run-demo.sh $(DEMO) $(DEMO_PORT)

test: $(DIST_STAMP) translations
	bash scripts/system-deps.sh --with-postgres
	bash scripts/postgres-test.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

bench: $(STAMP) translations
	bash scripts/postgres-test.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.run

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

# Client bundle, .deb, MSI (Linux bundle as payload, for CI's checks) and server wheel in dist/,
# then the dist.* figures.
dist: $(DIST_STAMP) translations
	bash scripts/dist.sh

packaging-test: $(DIST_STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest tests/packaging $(PYTEST_ARGS)

translations: $(STAMP)
	$(BIN)/python scripts/compile_translations.py

demo: $(DEMO)/.ready

$(DEMO)/.ready: $(STAMP) sync/server/demo.py sync/server/demo_seals.py
	mkdir -p $(DEMO)
	$(BIN)/xietong-server init-demo --reset --people $(DEMO_PEOPLE) --tokens $(DEMO)/tokens --seal-tokens $(DEMO)/seal-tokens --pki $(DEMO)/pki --database-url sqlite:///$(DEMO)/server.db
	touch $@

$(STAMP): pyproject.toml scripts/system-deps.sh
	bash scripts/system-deps.sh
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed" if sys.version_info < (3, 11) else 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[server,test]"
	touch $@

$(DIST_STAMP): $(STAMP)
	bash scripts/system-deps.sh --with-packaging
	$(BIN)/python -m pip install -q -e ".[server,test,dist]"
	touch $@

clean:
	rm -rf $(VENV) var build dist screenshots

# Many more examples of the sync simulation (tests/simulation); failing examples are kept in
# var/hypothesis/ and replayed first by every later run. tests/soak: a 2 GB file end to end.
soak: $(STAMP)
	XIETONG_SIM_PROFILE=soak QT_QPA_PLATFORM=offscreen $(BIN)/pytest tests/simulation tests/soak $(wildcard tests/*/test_*_properties.py tests/*/*/test_*_properties.py) -q $(PYTEST_ARGS)
