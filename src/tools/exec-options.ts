// Programs that run other code from their arguments: launchers (env, xargs, sudo…), shells and
// interpreters with an inline-code option (sh -c, node -e, python -c), and the exec-style options
// of everyday tools (git -c, find -exec, npm exec, --script-shell). None is ever auto-approved.

/** Run the command given in their arguments, whatever options come first. */
const LAUNCHERS = new Set([
  ...['env', 'xargs', 'sudo', 'doas', 'su', 'runuser', 'setpriv', 'nohup', 'setsid', 'timeout', 'nice', 'ionice', 'chrt', 'taskset'],
  ...['prlimit', 'stdbuf', 'time', 'exec', 'eval', 'command', 'builtin', 'source', '.', 'strace', 'ltrace', 'gdb', 'chroot'],
  ...['unshare', 'nsenter', 'flock', 'watch', 'script', 'parallel', 'ssh', 'busybox', 'bwrap', 'sandbox-exec', 'firejail'],
  ...['systemd-run', 'at', 'batch', 'crontab', 'tmux', 'screen', 'expect', 'npx', 'pnpx', 'bunx', 'socat', 'nc', 'ncat'],
  ...['docker', 'podman', 'kubectl', 'open', 'xdg-open', 'osascript', 'awk', 'gawk', 'mawk', 'nawk', 'vim', 'vi', 'nvim', 'emacs'],
]);

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'rbash', 'fish', 'csh', 'tcsh', 'pwsh', 'powershell']);

interface OptionRule {
  /** Single-letter options, also found inside clusters such as `-ec`. */
  short?: string;
  /** Long options, also in the `--name=value` form. */
  long?: string[];
  /** Sub-commands that run arbitrary code. */
  subcommands?: string[];
  /** Arguments of the form `NAME=…` that change what runs (make's SHELL=…). */
  assignments?: string[];
}

const PYTHON: OptionRule = { short: 'c' };
const NODE: OptionRule = { short: 'epr', long: ['--eval', '--print', '--require', '--import', '--loader', '--experimental-loader'] };
const RULES: Record<string, OptionRule> = {
  node: NODE,
  nodejs: NODE,
  deno: { short: 'e', long: ['--eval'], subcommands: ['eval', 'repl', 'x'] },
  bun: { short: 'epr', long: ['--eval', '--print', '--preload'], subcommands: ['x', 'exec', 'create'] },
  perl: { short: 'eEx' },
  ruby: { short: 'e' },
  php: { short: 'r' },
  lua: { short: 'e' },
  luajit: { short: 'e' },
  Rscript: { short: 'e' },
  R: { short: 'e' },
  git: {
    long: [
      '--config-env',
      '--exec-path',
      '--git-dir',
      '--work-tree',
      '--exec',
      '--open-files-in-pager',
      '--extcmd',
      '--upload-pack',
      '--receive-pack',
      '--output',
    ],
    subcommands: ['submodule', 'bisect', 'filter-branch', 'difftool', 'mergetool', 'config', 'daemon', 'instaweb', 'web--browse', 'credential'],
  },
  find: { long: ['-exec', '-execdir', '-ok', '-okdir', '-delete', '-fprint', '-fprint0', '-fprintf', '-fls'] },
  npm: {
    short: 'c',
    long: ['--script-shell', '--node-options', '--userconfig', '--globalconfig', '--call'],
    subcommands: ['exec', 'x', 'explore', 'create', 'init', 'innit', 'dlx'],
  },
  pnpm: { short: 'c', long: ['--script-shell', '--node-options', '--shell-emulator'], subcommands: ['exec', 'dlx', 'create', 'x'] },
  yarn: { long: ['--script-shell'], subcommands: ['exec', 'dlx', 'create', 'node'] },
  make: { short: 'E', long: ['--eval'], assignments: ['SHELL', '.SHELLFLAGS', 'MAKESHELL'] },
  tar: { short: 'IF', long: ['--to-command', '--use-compress-program', '--checkpoint-action', '--info-script', '--new-volume-script', '--rsh-command'] },
  rsync: { short: 'e', long: ['--rsh', '--rsync-path'] },
  zip: { long: ['-TT', '--unzip-command'] },
  scp: { short: 'So' },
  sftp: { short: 'So' },
  go: { long: ['-exec', '-toolexec', '--exec', '--toolexec'], subcommands: ['generate'] },
  cargo: { long: ['--config'] },
  man: { short: 'PH', long: ['--pager', '--html'] },
};

/** git sub-commands whose own short options run commands (`rebase -x`, `grep -O`, `clone -u`). */
const GIT_SUB_SHORT: Record<string, string> = { rebase: 'x', grep: 'O', clone: 'uc', 'ls-remote': 'u' };

/** Commands named by path (/usr/bin/env) or with a version suffix (python3.12) count as their program. */
function programOf(word: string): string {
  const base = word.slice(word.lastIndexOf('/') + 1);
  if (/^(python|pypy)[0-9.]*$/.test(base)) return 'python';
  return base;
}

function shortHit(arg: string, letters: string): boolean {
  if (!/^-[^-]/.test(arg)) return false;
  return [...arg.slice(1)].some((c) => letters.includes(c));
}

function longHit(arg: string, names: string[]): string | undefined {
  return names.find((n) => arg === n || arg.startsWith(`${n}=`) || (n.startsWith('-') && !n.startsWith('--') && arg.startsWith(n)));
}

/**
 * Why `argv` runs code of its own choosing (a launcher, `sh -c`, `git -c`, `find -exec`…), or
 * undefined. Every argument is checked, `--` or not: a false alarm costs one question.
 */
export function execStyleReason(argv: string[]): string | undefined {
  const program = programOf(argv[0] ?? '');
  const args = argv.slice(1);
  if (LAUNCHERS.has(program)) return `${program} runs another command`;
  if (SHELLS.has(program)) {
    const opt = args.find((a) => /^[-+]/.test(a));
    return opt ? `${program} ${opt} can run any code` : undefined;
  }
  const rule = program === 'python' ? PYTHON : RULES[program];
  if (!rule) return undefined;
  for (const arg of args) {
    if (rule.short && shortHit(arg, rule.short)) return `${program} ${arg} can run any code`;
    const long = rule.long && longHit(arg, rule.long);
    if (long) return `${program} ${long} can run any code`;
    const assigned = rule.assignments?.find((name) => arg.startsWith(`${name}=`));
    if (assigned) return `${program} ${assigned}=… changes what runs`;
  }
  const sub = args.find((a) => !a.startsWith('-'));
  if (program === 'git') {
    const global = gitGlobalOption(args);
    if (global) return `git ${global} can run any code`;
    const letters = sub ? GIT_SUB_SHORT[sub] : undefined;
    const opt = letters ? args.find((a) => shortHit(a, letters)) : undefined;
    if (opt) return `git ${sub} ${opt} can run any code`;
    if (sub === 'clone' && args.some((a) => longHit(a, ['--template', '--config']))) return 'git clone --template/--config can run any code';
  }
  if (sub && rule.subcommands?.includes(sub)) return `${program} ${sub} runs other commands`;
  return undefined;
}

/** git's own options before the sub-command: only a few harmless ones are accepted. */
function gitGlobalOption(args: string[]): string | undefined {
  const harmless = new Set(['--no-pager', '-P', '--no-optional-locks', '--literal-pathspecs', '--no-replace-objects', '--version', '--help']);
  for (const arg of args) {
    if (!arg.startsWith('-')) return undefined;
    if (!harmless.has(arg)) return arg;
  }
  return undefined;
}
