import type { User } from '../src/user';
import { formatUser } from '../src/format';

const withEmail: User = { id: 1, name: 'Ada', email: 'ada@example.com' };
const without: User = { id: 2, name: 'Grace' };
export const lines: string[] = [formatUser(withEmail), formatUser(without)];
