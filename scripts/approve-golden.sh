#!/usr/bin/env bash
# Rewrites every golden file from the current output. Review the diff (git diff src/test/resources/golden) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B test -Dgolden.update=true -Dtest='*Golden*' -Dsurefire.failIfNoSpecifiedTests=false "$@"
