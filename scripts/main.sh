#!/usr/bin/env bash
# The main job: build php-ipc and run the user's example scripts on it,
# comparing each with what the native extensions print.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "main: setup failed"; exit 1; }
bash scripts/run-seeds.sh
