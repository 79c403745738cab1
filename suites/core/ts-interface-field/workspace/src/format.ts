import type { User } from './user';

export function formatUser(user: User): string {
  return `${user.name} (#${user.id})`;
}
