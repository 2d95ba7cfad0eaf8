# Sourced by scripts/demo and scripts/test: installs what Bailing needs on a fresh machine, idempotently.
#   - Debian packages (CJK fonts for rendering evidence) when missing and we may install them;
#   - one Python 3.11 virtual environment per machine, outside the clone (BAILING_VENV), so heavy
#     wheels are installed once, not per clone; this clone is installed into it in editable mode;
#   - the Neo4j runtime from Maven Central, once per machine (BAILING_CACHE).
set -euo pipefail
BAILING_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BAILING_CACHE="${BAILING_CACHE:-$HOME/.cache/bailing}"
BAILING_VENV="${BAILING_VENV:-$BAILING_CACHE/venv}"
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3

say() { printf '\033[1m[bailing setup]\033[0m %s\n' "$*"; }

for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found; Bailing needs Java 17 and Maven (apt-get install openjdk-17-jdk-headless maven)" >&2; exit 1; }
done

# Debian packages: CJK fonts (rendering evidence, screenshots), Chromium (the web page's end-to-end test), wrk (load bench).
missing=()
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
command -v chromium >/dev/null || missing+=(chromium)
command -v wrk >/dev/null || missing+=(wrk)   # bench/api_load.py
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} from Debian"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "warning: ${missing[*]} missing and cannot install them (need root + apt-get): rendering Chinese evidence or the browser test will fail"
  fi
fi

if [ ! -x "$BAILING_VENV/bin/python" ]; then
  say "creating the virtual environment $BAILING_VENV"
  "$PYTHON" -m venv "$BAILING_VENV"
  "$BAILING_VENV/bin/pip" install -q --upgrade pip==25.3
fi
say "installing Bailing and its pinned dependencies into $BAILING_VENV"
"$BAILING_VENV/bin/pip" install -q --disable-pip-version-check -e "$BAILING_ROOT[test]"
export PATH="$BAILING_VENV/bin:$PATH"

say "assembling Neo4j from Maven Central (once per machine)"
bailing neo4j build >/dev/null
