#!/usr/bin/env bash
# Rewrites every golden file from the current output: the tests tagged "golden" (io.sello.support.GoldenTest, the
# annotation every test that calls io.sello.support.Golden carries) run with -Dgolden.update=true. That covers the
# layout goldens of each document type under src/test/resources/golden/ and docs/reconciliation-seed-003.md.
# A file whose content did not change is rewritten with the same bytes, so a second run leaves `git status` clean.
# Review the diff (git diff src/test/resources/golden docs) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B test -Dgolden.update=true -Dgroups=golden -Dsurefire.failIfNoSpecifiedTests=false "$@"
