#!/bin/sh
# Copies a file to <name>.bak next to it, keeping an older backup as <name>.bak.1.
set -e

src=$1
if [ -z $src ]; then
  echo "usage: backup.sh FILE" >&2
  exit 2
fi
if [ -f $src.bak ]; then
  mv $src.bak $src.bak.1
fi
cp $src $src.bak
echo "backed up $src"
