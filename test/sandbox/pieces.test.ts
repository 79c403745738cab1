// The sandbox's pure pieces: the command environment, secret scrubbing, the bubblewrap command
// line and the macOS profile (which CI cannot run, so its text is checked here).
import { bwrapArgs } from '../../src/sandbox/bwrap-args';
import { commandEnv } from '../../src/sandbox/command-env';
import { findSecrets, scrubSecrets } from '../../src/sandbox/secrets';
import { seatbeltProfile } from '../../src/sandbox/seatbelt-profile';

describe('command environment', () => {
  const host = {
    PATH: '/usr/bin',
    HOME: '/h',
    LANG: 'C.UTF-8',
    OPENAI_API_KEY: 'sk-x',
    GITHUB_PAT: 'ghp_x',
    OPENAI_KEY: 'k',
    AWS_PRIVATE_KEY: 'p',
    DATABASE_URL: 'postgres://u:pw@h/db',
    NODE_OPTIONS: '--require ./x',
    GIT_SSH_COMMAND: 'evil',
    LD_PRELOAD: '/x.so',
    JAVA_HOME: '/jdk',
    CARGO_HOME: '/c',
  };

  it('is built from an allow-list, not by removing names that look secret', () => {
    expect(commandEnv(host)).toEqual({
      PATH: '/usr/bin',
      HOME: '/h',
      LANG: 'C.UTF-8',
      PAGER: 'cat',
      GIT_PAGER: 'cat',
      GIT_TERMINAL_PROMPT: '0',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      TERM: 'dumb',
    });
  });

  it('adds the user pass-through list (names and PREFIX_* patterns) and the sandbox overrides', () => {
    const env = commandEnv(host, ['JAVA_HOME', 'CARGO_*'], { TMPDIR: '/tmp' });
    expect(env).toMatchObject({ JAVA_HOME: '/jdk', CARGO_HOME: '/c', TMPDIR: '/tmp' });
    expect(env).not.toHaveProperty('NODE_OPTIONS');
  });
});

describe('secret scrubbing', () => {
  const secrets = findSecrets(
    {
      OPENAI_API_KEY: 'sk-proj-abcdefghijklmnop',
      GITHUB_PAT: 'github_pat_11ABCDEFGHIJKLMN',
      OPENAI_KEY: 'plain-looking-value-1',
      SSH_PRIVATE_KEY: '-----BEGIN KEY----- abc',
      MISC: 'ghp_abcdefghijklmnopqrstuv',
      DATABASE_URL: 'postgres://app:s3cr%40t!@db:5432/x',
      SHORT_TOKEN: 'abc',
      PATH: '/usr/bin:/bin',
    },
    { FROM_FILE_SECRET: 'file-secret-value' },
  );

  it('finds credential-named values, key-shaped values and URL passwords', () => {
    expect(secrets.map((s) => s.name).sort()).toEqual(
      ['DATABASE_URL', 'DATABASE_URL', 'FROM_FILE_SECRET', 'GITHUB_PAT', 'MISC', 'OPENAI_API_KEY', 'OPENAI_KEY', 'SSH_PRIVATE_KEY'].sort(),
    );
  });

  it('replaces every occurrence with the variable name', () => {
    const out = scrubSecrets('a sk-proj-abcdefghijklmnop b ghp_abcdefghijklmnopqrstuv c s3cr@t! d file-secret-value', secrets);
    expect(out).toBe('a [redacted OPENAI_API_KEY] b [redacted MISC] c [redacted DATABASE_URL] d [redacted FROM_FILE_SECRET]');
  });

  it('leaves short values and ordinary text alone', () => {
    expect(scrubSecrets('abc /usr/bin:/bin', secrets)).toBe('abc /usr/bin:/bin');
  });
});

describe('bubblewrap command line', () => {
  it('mounts /tmp before the workspace (a workspace under /tmp stays visible) and hides credentials last', () => {
    const args = bwrapArgs({
      root: '/tmp/ws',
      network: false,
      hidden: [
        { path: '/h/.ssh', dir: true },
        { path: '/h/.netrc', dir: false },
      ],
      readOnly: ['/tmp/ws/.git/hooks'],
    });
    const at = (...seq: string[]) => args.findIndex((_, i) => seq.every((s, j) => args[i + j] === s));
    expect(at('--unshare-all')).toBeGreaterThan(-1);
    expect(args).not.toContain('--share-net');
    expect(at('--ro-bind', '/', '/')).toBeLessThan(at('--tmpfs', '/tmp'));
    expect(at('--tmpfs', '/tmp')).toBeLessThan(at('--bind', '/tmp/ws', '/tmp/ws'));
    expect(at('--bind', '/tmp/ws', '/tmp/ws')).toBeLessThan(at('--ro-bind', '/tmp/ws/.git/hooks', '/tmp/ws/.git/hooks'));
    expect(at('--tmpfs', '/h/.ssh')).toBeGreaterThan(at('--bind', '/tmp/ws', '/tmp/ws'));
    expect(at('--ro-bind', '/dev/null', '/h/.netrc')).toBeGreaterThan(-1);
    expect(at('--proc', '/proc')).toBeGreaterThan(-1);
    expect(args.slice(-2)).toEqual(['--chdir', '/tmp/ws']);
  });

  it('shares the network only when allowed', () => {
    expect(bwrapArgs({ root: '/w', network: true, hidden: [], readOnly: [] })).toContain('--share-net');
  });
});

describe('macOS sandbox-exec profile', () => {
  const plan = { root: '/Users/u/proj', network: false, hidden: [{ path: '/Users/u/.ssh', dir: true }], readOnly: ['/Users/u/proj/.git/hooks'] };

  it('denies writes outside the workspace and temp folders, hidden paths and the network', () => {
    const p = seatbeltProfile(plan, ['/private/tmp']);
    expect(p).toContain('(deny file-write*)');
    expect(p).toContain('(allow file-write* (subpath "/Users/u/proj") (subpath "/private/tmp")');
    expect(p).toContain('(deny file-write* (subpath "/Users/u/proj/.git/hooks"))');
    expect(p).toContain('(deny file-read* file-write* (subpath "/Users/u/.ssh"))');
    expect(p).toContain('(deny network*)');
  });

  it('allows the network when asked', () => {
    expect(seatbeltProfile({ ...plan, network: true }, [])).not.toContain('(deny network*)');
  });
});
