import { chunk, unique } from '../src/array';

export const numbers: number[][] = chunk([1, 2, 3], 2);
export const words: string[][] = chunk(unique(['a', 'b', 'a']), 1);
