// One render per tick: any number of store changes in the same tick become a single
// `render()` call (and so a single `screen.render()`).

export interface RenderScheduler {
  /** Asks for a render on the next tick; repeated requests in one tick coalesce. */
  request(): void;
  /** Renders now if a render is pending (tests, shutdown). */
  flush(): void;
  /** How many renders ran (tests, the benchmark). */
  count(): number;
  dispose(): void;
}

export function createRenderScheduler(
  render: () => void,
  defer: (fn: () => void) => void = (fn) => setImmediate(fn),
  onError: (err: unknown) => void = () => undefined,
): RenderScheduler {
  let pending = false;
  let disposed = false;
  let renders = 0;
  const run = () => {
    if (!pending || disposed) return;
    pending = false;
    renders++;
    try {
      render();
    } catch (err) {
      onError(err);
    }
  };
  return {
    request() {
      if (pending || disposed) return;
      pending = true;
      defer(run);
    },
    flush: run,
    count: () => renders,
    dispose() {
      disposed = true;
    },
  };
}
