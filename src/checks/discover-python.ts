// A Python project that uses pytest: pytest.ini, a [tool.pytest…] table in pyproject.toml, or a
// [tool:pytest] section in setup.cfg.
import type { Check } from './check-types';
import { projectFileExists, readProjectFile } from './project-file';

function pytestSource(root: string): string | undefined {
  if (projectFileExists(root, 'pytest.ini')) return 'pytest.ini';
  if (/\[tool\.pytest|\bpytest\b/.test(readProjectFile(root, 'pyproject.toml') ?? '')) return 'pyproject.toml';
  if (/\[tool:pytest\]/.test(readProjectFile(root, 'setup.cfg') ?? '')) return 'setup.cfg';
  if (projectFileExists(root, 'conftest.py')) return 'conftest.py';
  return undefined;
}

export function discoverPython(root: string): Check[] {
  const source = pytestSource(root);
  if (!source) return [];
  return [{ name: 'pytest', command: 'python3 -m pytest -q', kind: 'test', source, configured: false }];
}
