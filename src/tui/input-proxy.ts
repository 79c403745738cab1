// Stands between the terminal and blessed: every read goes through the paste filter first, so a
// bracketed paste arrives as one text and blessed only ever sees key data — one read at a time, so
// the caller can tell keys typed one by one from keys that arrived together. Raw mode, pause and
// resume pass through to the real stream (blessed and $EDITOR hand-offs use them).
import { EventEmitter } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { createPasteFilter } from './paste-filter';
import { takeFocusReports } from './notify';

type TtyLike = NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?(mode: boolean): unknown; destroyed?: boolean };

export interface InputHandlers {
  /** Key data of one read is about to reach blessed (its keypresses follow synchronously). */
  readStart(): void;
  /** That read's keypresses have all been emitted. */
  readEnd(): void;
  paste(text: string): void;
  /** The terminal reported gaining (true) or losing focus (ESC[I / ESC[O, after ESC[?1004h). */
  focus?(focused: boolean): void;
}

export class InputProxy extends EventEmitter {
  private readonly decoder = new StringDecoder('utf8');
  private readonly filter = createPasteFilter();
  private readonly onData = (chunk: Buffer | string) => {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    for (const piece of this.filter.feed(text)) {
      if (piece.kind === 'paste') this.handlers.paste(piece.text);
      else {
        const { data, focus } = takeFocusReports(piece.data);
        for (const f of focus) this.handlers.focus?.(f);
        if (!data) continue;
        this.handlers.readStart();
        try {
          this.emit('data', Buffer.from(data, 'utf8'));
        } finally {
          this.handlers.readEnd();
        }
      }
    }
  };

  constructor(
    private readonly real: TtyLike,
    private readonly handlers: InputHandlers,
  ) {
    super();
    real.on('data', this.onData);
  }

  get isTTY(): boolean {
    return this.real.isTTY === true;
  }
  get isRaw(): boolean {
    return this.real.isRaw === true;
  }
  get destroyed(): boolean {
    return this.real.destroyed === true;
  }
  setRawMode(mode: boolean): this {
    this.real.setRawMode?.(mode);
    return this;
  }
  resume(): this {
    this.real.resume();
    return this;
  }
  pause(): this {
    this.real.pause();
    return this;
  }
  detach(): void {
    this.real.removeListener('data', this.onData);
  }
}
