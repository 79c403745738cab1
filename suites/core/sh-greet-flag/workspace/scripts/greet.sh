#!/bin/sh
# Greets someone: greet.sh NAME
set -e

if [ $# -lt 1 ]; then
  echo "usage: greet.sh NAME" >&2
  exit 2
fi
name="$1"
echo "Hello, $name"
