// A Rust crate or workspace (Cargo.toml): `cargo check` (cheap) and `cargo test`.
import type { Check } from './check-types';
import { projectFileExists } from './project-file';

export function discoverCargo(root: string): Check[] {
  if (!projectFileExists(root, 'Cargo.toml')) return [];
  return [
    { name: 'cargo check', command: 'cargo check', kind: 'typecheck', source: 'Cargo.toml', configured: false },
    { name: 'cargo test', command: 'cargo test', kind: 'test', source: 'Cargo.toml', configured: false },
  ];
}
