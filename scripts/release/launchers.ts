// The launchers a release puts in bin/: they run the bundled Node on the bundled app, so no
// `node` is needed on PATH. The POSIX one follows symlinks, so bin/smallcode may be linked
// into ~/.local/bin; the .cmd one is for Windows (cmd and PowerShell).

export const POSIX_LAUNCHER = `#!/bin/sh
# SmallCode launcher: the bundled Node runs the bundled app; nothing else is needed on PATH.
self=$0
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=$(dirname "$self")/$link ;;
  esac
done
root=$(cd "$(dirname "$self")/.." && pwd -P)
node="$root/node/node"
[ -f "$node" ] || node="$root/node/node.exe"
exec "$node" "$root/app/bin/smallcode" "$@"
`;

export const WINDOWS_LAUNCHER = [
  '@echo off',
  'rem SmallCode launcher: the bundled Node runs the bundled app; nothing else is needed on PATH.',
  '"%~dp0..\\node\\node.exe" "%~dp0..\\app\\bin\\smallcode" %*',
  'exit /b %ERRORLEVEL%',
  '',
].join('\r\n');
