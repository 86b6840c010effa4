#!/usr/bin/env bash
# macOS release step, run by a maintainer on a Mac after `python3.11 packaging/build.py
# --fresh-venv` (packaging/README.md, "macOS"). Signs Intake.app with the hardened
# runtime, builds and signs the .dmg, notarises and staples it, and rewrites SHA256SUMS.
#
#   INTAKE_CODESIGN_IDENTITY="Developer ID Application: <Org> (<TEAMID>)" \
#   INTAKE_NOTARY_PROFILE=<keychain profile from `xcrun notarytool store-credentials`> \
#   packaging/macos/sign_and_notarize.sh [dist]
#
# Nothing secret is read from the repository: the certificate lives in the keychain and
# the notary credentials in a keychain profile.
set -euo pipefail
dist="${1:-dist}"
: "${INTAKE_CODESIGN_IDENTITY:?set INTAKE_CODESIGN_IDENTITY to the Developer ID Application identity}"
: "${INTAKE_NOTARY_PROFILE:?set INTAKE_NOTARY_PROFILE to a notarytool keychain profile}"
app="$dist/Intake.app"
[ -d "$app" ] || { echo "no $app: run packaging/build.py first" >&2; exit 1; }
version="$(python3.11 -c 'import tomllib,sys; print(tomllib.load(open("pyproject.toml","rb"))["project"].get("version",""))' 2>/dev/null || true)"
[ -n "$version" ] || version="$(PYTHONPATH=src python3.11 -c 'import intake_app; print(intake_app.__version__)')"
arch="$(uname -m)"; [ "$arch" = "x86_64" ] || arch=arm64
dmg="$dist/intake_app-${version}-macos-${arch}.dmg"

# Inside out: nested code first (--deep is not enough for notarisation of every Mach-O).
find "$app/Contents" -type f \( -name '*.dylib' -o -name '*.so' -o -perm -u+x \) -print0 |
  while IFS= read -r -d '' f; do
    if file "$f" | grep -q 'Mach-O'; then
      codesign --force --options runtime --timestamp --sign "$INTAKE_CODESIGN_IDENTITY" "$f"
    fi
  done
codesign --force --options runtime --timestamp --sign "$INTAKE_CODESIGN_IDENTITY" "$app"
codesign --verify --strict --deep --verbose=2 "$app"

rm -f "$dmg"
hdiutil create -volname Intake -srcfolder "$app" -ov -format UDZO "$dmg"
codesign --sign "$INTAKE_CODESIGN_IDENTITY" --timestamp "$dmg"
xcrun notarytool submit "$dmg" --keychain-profile "$INTAKE_NOTARY_PROFILE" --wait
xcrun stapler staple "$dmg"
spctl --assess --type open --context context:primary-signature --verbose "$dmg"

(cd "$dist" && shasum -a 256 ./*.tar.gz ./*.whl ./*.dmg 2>/dev/null | sed 's| \./| |' > SHA256SUMS)
echo "signed, notarised and stapled: $dmg"
