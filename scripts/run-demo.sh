#!/usr/bin/env bash
# Start the demo exchange server on loopback, open the client against it, stop the server after.
set -euo pipefail
demo=$1
port=$2
url="https://127.0.0.1:$port"
bin=.venv/bin
db="sqlite:///$demo/server.db"
pki="$demo/pki"
mkdir -p "$demo"
# A CRL that has passed its next update refuses every login (fail closed): publish fresh ones.
for ca in root-ca user-ca; do
  "$bin/xietong-server" admin crl --ca "$pki/$ca" --days 30 --database-url "$db" >/dev/null
done
"$bin/xietong-server" serve --host 127.0.0.1 --port "$port" --database-url "$db" \
  --tls-cert-file "$pki/tls.pem" --tls-key-file "$pki/tls.key.pem" >"$demo/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  "$bin/python" -c "import ssl, urllib.request; urllib.request.urlopen('$url/health', timeout=1, context=ssl.create_default_context(cafile='$pki/root-ca/ca.pem'))" 2>/dev/null && break
  kill -0 $server 2>/dev/null || { echo "the exchange server did not start; see $demo/server.log" >&2; exit 1; }
  sleep 0.2
done
echo "Exchange server: $url (log: $demo/server.log). Demo users: see README.md (PIN 123456)."
# The city government office's seal key (用印) is on a SoftHSM2 token, as on a UKey.
export SOFTHSM2_CONF="$demo/seal-tokens/softhsm2.conf"
client=("$bin/xietong" --server "$url" --token-dir "$demo/tokens" --trust-anchors "$pki/root-ca/ca.pem"
        --pkcs11-module /usr/lib/softhsm/libsofthsm2.so)
if [ "$(uname)" = Linux ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    echo "No display found: running the client under Xvfb (use 'make screenshots' to see it)."
    xvfb-run -a "${client[@]}"
  else
    echo "No display found: running the client offscreen (use 'make screenshots' to see it; Ctrl+C stops)."
    QT_QPA_PLATFORM=offscreen "${client[@]}"
  fi
else
  "${client[@]}"
fi
