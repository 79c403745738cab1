#!/bin/sh
# Runs the backup script on awkward file names in a scratch folder.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
script="$(pwd)/scripts/backup.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1

printf 'one\n' > 'my notes.txt'
sh "$script" 'my notes.txt' > out.txt 2> err.txt || fail "exit $? for 'my notes.txt': $(cat err.txt)"
[ -f 'my notes.txt.bak' ] || fail "no 'my notes.txt.bak'"
[ "$(cat 'my notes.txt.bak')" = one ] || fail 'backup content differs'
grep -q 'backed up my notes.txt' out.txt || fail "unexpected output: $(cat out.txt)"

printf 'two\n' > 'my notes.txt'
sh "$script" 'my notes.txt' > /dev/null 2>&1 || fail 'second backup failed'
[ "$(cat 'my notes.txt.bak.1')" = one ] || fail 'older backup not kept as .bak.1'
[ "$(cat 'my notes.txt.bak')" = two ] || fail 'new backup content differs'

sh "$script" > /dev/null 2>&1
[ $? -eq 2 ] || fail 'no file given should exit 2'
echo 'all checks passed'
