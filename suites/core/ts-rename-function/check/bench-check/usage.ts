import { getUser } from '../src/api';
import { greeting } from '../src/page';
import { canDelete } from '../src/admin';

export const name: string | undefined = getUser('u1')?.name;
export const both: [string, boolean] = [greeting('u2'), canDelete('u1')];
