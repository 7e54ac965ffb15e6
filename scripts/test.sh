#!/usr/bin/env bash
# Runs every test: installs what the tests need from Debian when it is missing, then the one build gate.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdffonts >/dev/null 2>&1 || need+=(poppler-utils)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
# the registry tests run against a real PostgreSQL server as well as the embedded H2
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
# the staff pages are tested end to end in headless Chromium, driven by Selenium
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
# personal keys on a PKCS#11 token are tested against SoftHSM2 (TokenSigningTest, io.sello.support.SoftHsm)
command -v softhsm2-util >/dev/null 2>&1 || need+=(softhsm2)
# spreadsheets saved by a real spreadsheet program import as they should (LibreOfficeRoundTripTest, issue 17)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

. scripts/postgres-for-tests.sh
# The suite runs on the java that runs the service: scripts/lib/cds.sh picks a JDK 25 when the machine has one (its
# AOT cache starts the service sooner, issue 19), else the default java. SELLO_JAVA chooses another.
. scripts/lib/cds.sh
JAVA_HOME=$(sello_java_home "$sello_java")
export JAVA_HOME
echo "tests on Java $sello_java_version ($JAVA_HOME)"
mvn -B verify "$@"
# Start-up (issue 19, point 2): the class data sharing archive is part of the build; --check proves that the CLI
# runs with it mapped and without it.
scripts/cds-archive.sh --check
