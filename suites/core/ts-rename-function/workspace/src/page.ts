import { getUsr } from './api';

export function greeting(id: string): string {
  const user = getUsr(id);
  return user ? `Hello, ${user.name}!` : 'Hello, stranger!';
}
