# Every target installs what it needs: `npm ci` runs when node_modules is missing
# or older than package.json / package-lock.json.
SHELL := bash
.DEFAULT_GOAL := test
NPM_STAMP := node_modules/.install-stamp
SHARED_SPECS := ../shared/okta-spec

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: install test lint typecheck generate check-generated build pack demo bench update-spec contract-diff clean

install: $(NPM_STAMP)

test: $(NPM_STAMP)
	npm test

lint: $(NPM_STAMP)
	npm run lint

typecheck: $(NPM_STAMP)
	npm run typecheck

demo: $(NPM_STAMP)
	npm run -s demo

generate: $(NPM_STAMP)
	npm run generate

build: $(NPM_STAMP)
	npm run build

pack: $(NPM_STAMP)
	npm pack

clean:
	rm -rf dist coverage *.tgz .tmp
