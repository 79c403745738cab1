// The bubblewrap command line for a plan: the whole disk read-only, the workspace writable, a
// private /tmp, new PID/IPC/UTS/user namespaces with their own /proc, no network unless allowed,
// credential paths hidden and the repository's hooks and config read-only.
import type { SandboxPlan } from './types';

export function bwrapArgs(plan: SandboxPlan): string[] {
  const args = ['--die-with-parent', '--new-session', '--unshare-all'];
  if (plan.network) args.push('--share-net');
  args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp');
  if (plan.root) args.push('--bind', plan.root, plan.root);
  for (const p of plan.readOnly) args.push('--ro-bind', p, p);
  for (const h of plan.hidden) {
    if (h.dir) args.push('--tmpfs', h.path, '--remount-ro', h.path);
    else args.push('--ro-bind', '/dev/null', h.path);
  }
  args.push('--chdir', plan.root ?? '/');
  return args;
}
