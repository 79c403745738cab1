// Works around a blessed 0.1.81 bug: while building its 8-colour reduction table it fills the
// colour-match cache with 8-colour answers, so every theme colour that is exactly an xterm-256
// palette entry (#ffaf00, #5fafff, …) is later drawn as one of 8 basic colours. Emptying the
// cache once, before the first screen, restores true 256-colour output.

interface BlessedColors {
  _cache: Record<number, number>;
}

export function fixBlessedColors(): void {
  const colors = require('blessed/lib/colors') as BlessedColors;
  colors._cache = {};
}
