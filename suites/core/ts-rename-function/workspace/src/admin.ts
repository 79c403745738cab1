import { getUsr } from './api';

export function canDelete(id: string): boolean {
  return getUsr(id)?.admin === true;
}
