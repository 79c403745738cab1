// The user record as the API returns it.
export interface User {
  id: number;
  name: string;
}

export function isUser(value: unknown): value is User {
  const v = value as User;
  return typeof v === 'object' && v !== null && typeof v.id === 'number' && typeof v.name === 'string';
}
