// The user's own config file: `$XDG_CONFIG_HOME/smallcode/config` (default `~/.config/smallcode/config`),
// KEY=VALUE lines like a .env. With flags and the environment, the only place settings that widen
// what runs unasked may come from.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDotenv } from './dotenv';

export function userConfigPath(env: Record<string, string | undefined>): string | undefined {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'smallcode', 'config');
  const home = env.HOME?.trim();
  return home ? path.join(home, '.config', 'smallcode', 'config') : undefined;
}

export interface UserConfig {
  path?: string;
  values: Record<string, string>;
  problems: string[];
}

export function readUserConfig(env: Record<string, string | undefined>): UserConfig {
  const file = userConfigPath(env);
  if (!file || !fs.existsSync(file)) return { path: file, values: {}, problems: [] };
  try {
    const parsed = parseDotenv(fs.readFileSync(file, 'utf8'), file);
    return { path: file, values: parsed.values, problems: parsed.problems };
  } catch (err) {
    return { path: file, values: {}, problems: [`${file}: cannot be read (${err instanceof Error ? err.message : String(err)})`] };
  }
}
