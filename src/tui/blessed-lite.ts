// The two blessed widgets the workbench uses, loaded on their own: `require('blessed')` loads all
// ~40 widget modules eagerly, which costs 10–20 ms of startup before the first frame.
import type blessed from 'blessed';

export const createScreen = require('blessed/lib/widgets/screen') as typeof blessed.screen;
export const createBox = require('blessed/lib/widgets/box') as typeof blessed.box;
