// A Go module (go.mod): `go vet ./...` (cheap) and `go test ./...`.
import type { Check } from './check-types';
import { projectFileExists } from './project-file';

export function discoverGo(root: string): Check[] {
  if (!projectFileExists(root, 'go.mod')) return [];
  return [
    { name: 'go vet', command: 'go vet ./...', kind: 'typecheck', source: 'go.mod', configured: false },
    { name: 'go test', command: 'go test ./...', kind: 'test', source: 'go.mod', configured: false },
  ];
}
