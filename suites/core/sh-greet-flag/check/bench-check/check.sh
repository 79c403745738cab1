#!/bin/sh
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$(sh scripts/greet.sh Ada) || fail "plain greeting exited $?"
[ "$out" = 'Hello, Ada' ] || fail "plain greeting printed '$out'"
out=$(sh scripts/greet.sh --shout Ada) || fail "--shout exited $?"
[ "$out" = 'HELLO, ADA!' ] || fail "--shout printed '$out'"
out=$(sh scripts/greet.sh 'Grace Hopper') || fail 'a name with a space failed'
[ "$out" = 'Hello, Grace Hopper' ] || fail "printed '$out'"
sh scripts/greet.sh > /dev/null 2>&1
[ $? -eq 2 ] || fail 'no name should exit 2'
echo 'all checks passed'
