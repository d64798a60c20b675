# Every target installs what it needs: `npm ci` runs when node_modules is missing
# or older than package.json / package-lock.json.
SHELL := bash
.DEFAULT_GOAL := test
NPM_STAMP := node_modules/.install-stamp
RUNTIMES_STAMP := test/runtimes/node_modules/.install-stamp

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: system-tools install runtimes test lint typecheck coverage demo generate check-generated update-spec contract-diff contract-check build pack bench docs clean

install: $(NPM_STAMP)

## Bun, Deno and workerd (Miniflare), pinned in test/runtimes/package.json, for test/runtimes/ and bench/runtimes.ts
$(RUNTIMES_STAMP): test/runtimes/package.json test/runtimes/package-lock.json
	npm ci --prefix test/runtimes --no-audit --no-fund --loglevel=error
	@touch $@

runtimes: $(RUNTIMES_STAMP)

## Real parts the tests drive: headless Chromium, redis-server, and openssl for TLS certificates (apt-get install when missing and allowed; otherwise the command to run)
system-tools:
	@scripts/ensure-system-tool.sh "chromium chromium-browser google-chrome" chromium
	@scripts/ensure-system-tool.sh redis-server redis-server
	@scripts/ensure-system-tool.sh openssl openssl

## make test: lint, typecheck and every test
test: $(NPM_STAMP) system-tools $(RUNTIMES_STAMP)
	npm test

lint: $(NPM_STAMP)
	npm run lint

typecheck: $(NPM_STAMP)
	npm run typecheck

## make coverage: every spec operation is exposed by the facade, and the facade calls nothing the spec lacks
coverage: $(NPM_STAMP)
	npx vitest run test/coverage.test.ts

## make demo: the main job against the embedded Okta-compatible server
demo: $(NPM_STAMP)
	npm run -s demo

## make generate: validate openapi/okta-sessions.yaml and rewrite generated/
generate: $(NPM_STAMP)
	npm run -s generate

check-generated: $(NPM_STAMP)
	npm run -s check-generated

## make update-spec ARGS="[path/to/management.yaml | --from <git URL or clone>] [--release X|latest] [--allow-breaking] [--report-file F]"
## (no file and no --from: the newest release in Okta's GitHub repository)
update-spec: $(NPM_STAMP)
	npm run -s update-spec -- $(ARGS)

## make contract-diff ARGS="base.yaml head.yaml [--json]"
contract-diff: $(NPM_STAMP)
	npm run -s contract-diff -- $(ARGS)

## make contract-check: the spec against its previous committed version (CI)
contract-check: $(NPM_STAMP)
	npm run -s contract-check

## make bench: the scenarios' quick run (bench/smoke.test.ts), then benchmarks side by side with raw fetch and @okta/okta-sdk-nodejs; writes bench/results.md and bench/chart.svg
bench: $(NPM_STAMP) $(RUNTIMES_STAMP)
	npx vitest run --project bench
	node --expose-gc --import tsx bench/run.ts

## make docs: rewrite what the docs render from the code: docs/reliability.md (fault suite, properties, bench/results.json), the tables in docs/, and the API reference in docs/api/ (TypeDoc)
docs: $(NPM_STAMP)
	UPDATE_DOCS=1 npx vitest run test/faults/reliability-doc.test.ts test/docs.test.ts
	rm -rf docs/api && npx tsx scripts/check-docs.ts --out docs/api

build: $(NPM_STAMP)
	npm run build

pack: $(NPM_STAMP)
	npm pack

clean:
	rm -rf dist coverage *.tgz .tmp
