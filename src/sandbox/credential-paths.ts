// Places that hold credentials: hidden inside the sandbox even though the rest of the disk stays
// readable, so a command cannot read a key and hand it to the model (or to a cloud escalation).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Relative to the user's home: key stores, tokens, shell histories, our own config. */
const IN_HOME = [
  ...['.ssh', '.gnupg', '.aws', '.azure', '.kube', '.docker', '.oci', '.password-store', '.netrc', '.git-credentials'],
  ...['.npmrc', '.yarnrc', '.yarnrc.yml', '.pypirc', '.gem/credentials', '.cargo/credentials', '.cargo/credentials.toml'],
  ...['.config/gcloud', '.config/gh', '.config/hub', '.config/smallcode', '.config/op', '.config/rclone', '.local/share/keyrings'],
  ...['.codex', '.claude', '.claude.json', '.anthropic', '.mozilla', '.config/google-chrome', '.config/chromium'],
  ...['.bash_history', '.zsh_history', '.python_history', '.node_repl_history', '.psql_history', '.mysql_history', '.lesshst'],
];

/** System secrets and sockets that reach services outside the sandbox (connect() works on read-only mounts). */
const SYSTEM = ['/etc/shadow', '/etc/gshadow', '/etc/ssh', '/run/user', '/run/dbus', '/run/docker.sock', '/run/containerd', '/run/podman', '/run/snapd.socket'];

export interface CredentialPath {
  path: string;
  dir: boolean;
}

/** The credential paths that exist on this machine (real paths, each once). */
export function credentialPaths(home: string | undefined, extra: readonly string[] = []): CredentialPath[] {
  const candidates = [...(home ? IN_HOME.map((p) => path.join(home, p)) : []), ...SYSTEM, '/var/run/docker.sock', ...extra];
  const seen = new Set<string>();
  const out: CredentialPath[] = [];
  for (const p of candidates) {
    try {
      const real = fs.realpathSync(p);
      if (seen.has(real)) continue;
      seen.add(real);
      out.push({ path: real, dir: fs.statSync(real).isDirectory() });
    } catch {
      // absent: nothing to hide
    }
  }
  return out;
}
