// Reads users from the in-memory directory (the HTTP version has the same signature).
export interface Account {
  id: string;
  name: string;
  admin: boolean;
}

const DIRECTORY: Account[] = [
  { id: 'u1', name: 'Ada', admin: true },
  { id: 'u2', name: 'Linus', admin: false },
];

export function getUsr(id: string): Account | undefined {
  return DIRECTORY.find((a) => a.id === id);
}
