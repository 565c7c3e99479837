#!/usr/bin/env bash
# Runs the README's shell commands as written: every ```sh block of README.md, in order, in a fresh copy of this
# repository, stopping at the first command that fails.
#
#   docs/readme-check.sh                  a git clone of this repository's HEAD; runs everything, Maven included
#   docs/readme-check.sh --working-tree   a copy of the tracked files as they are now, uncommitted edits included
#   docs/readme-check.sh --skip-builds    leaves out the blocks' Maven commands and puts the jars this checkout
#                                         already built where they would have put them (ReadmeIT does this during
#                                         mvn verify, where running Maven again would recurse)
#
# The copy is made in a temporary folder (kept, and named, when a command fails). Exit code 0: every command ran.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
working_tree=false
skip_builds=false
for arg in "$@"; do
  case "$arg" in
    --working-tree) working_tree=true ;;
    --skip-builds) skip_builds=true ;;
    *) echo "readme-check: unknown option '$arg' (use --working-tree, --skip-builds)" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/rein-readme.XXXXXX")"
copy="$work/rein"
if $working_tree; then
  mkdir -p "$copy"
  (cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$copy")
else
  git clone -q "$repo" "$copy"
  git -C "$copy" checkout -q "$(git -C "$repo" rev-parse HEAD)"   # this checkout's commit, whatever HEAD is there
fi

# The commands: the lines of every ```sh block, a line ending in a backslash joined to the next.
script="$work/readme-commands.sh"
awk '
  /^```sh[[:space:]]*$/ { inside = 1; next }
  /^```/                { inside = 0; next }
  inside {
    if (sub(/\\$/, "")) { pending = pending $0; next }
    print pending $0; pending = ""
  }
' "$copy/README.md" > "$script"

if $skip_builds; then
  jar="$repo/samples/target/rein-cli.jar"
  plugin="${REIN_PLUGIN_JAR:-}"
  for candidate in "$repo/samples/external-plugin/target/cauchy-regularizer-1.0.0.jar" \
      "$repo/samples/target/it/external-plugin/target/cauchy-regularizer-1.0.0.jar"; do
    [ -z "$plugin" ] && [ -f "$candidate" ] && plugin="$candidate"
  done
  [ -f "$jar" ] || { echo "readme-check: --skip-builds needs $jar (mvn package)" >&2; exit 2; }
  [ -n "$plugin" ] || { echo "readme-check: --skip-builds needs the example plugin's jar (set REIN_PLUGIN_JAR)" >&2; exit 2; }
  mkdir -p "$copy/samples/target" "$copy/samples/external-plugin/target"
  cp "$jar" "$copy/samples/target/rein-cli.jar"
  cp "$plugin" "$copy/samples/external-plugin/target/cauchy-regularizer-1.0.0.jar"
  touch "$copy/samples/target/rein-cli.jar"   # newer than every source, so ./rein does not rebuild
fi

failed=0
cd "$copy"
while IFS= read -r command; do
  [ -z "${command// }" ] && continue
  if $skip_builds && [[ "$command" =~ (^|[\(\;\&\|[:space:]])mvn[[:space:]] ]]; then
    echo "readme-check: skipped (a build): $command"
    continue
  fi
  echo "readme-check: \$ $command"
  if ! bash -euo pipefail -c "$command" < /dev/null; then   # a command must not read the rest of the list
    echo "readme-check: FAILED: $command (in $copy)" >&2
    failed=1
    break
  fi
done < "$script"

if [ "$failed" -eq 0 ]; then
  echo "readme-check: every command of README.md ran ($(grep -c . "$script") lines)"
  rm -rf "$work"
fi
exit "$failed"
