#!/usr/bin/env bash
# Installs the npm tools of scripts/node (pinned by package-lock.json) when missing.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/bpmnlint ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing BPMN tools (npm ci in scripts/node)..."
  npm ci --no-audit --no-fund --loglevel=error
fi
