// A minimal GGUF v3 writer: typed key/value metadata plus F32 tensors, laid out as llama.cpp's
// loader expects (little-endian, tensor data aligned to `general.alignment`, default 32).
import * as fs from 'node:fs';

export type GgufValue =
  | { type: 'u32'; value: number }
  | { type: 'i32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'string[]'; value: string[] }
  | { type: 'f32[]'; value: ArrayLike<number> }
  | { type: 'i32[]'; value: ArrayLike<number> };

export interface GgufTensor {
  name: string;
  /** ggml order: dims[0] is the contiguous (row) length, e.g. [n_embd, n_vocab] for token_embd. */
  dims: number[];
  data: Float32Array;
}

const ALIGNMENT = 32;
const T = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;
const GGML_TYPE_F32 = 0;

/** Collects little-endian bytes in growing chunks. */
class Bytes {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    this.parts.push(b);
    this.length += b.length;
  }
  u32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  i32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.push(b);
  }
  u64(n: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  f32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  pad(): void {
    const rest = this.length % ALIGNMENT;
    if (rest) this.push(Buffer.alloc(ALIGNMENT - rest));
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

function writeValue(out: Bytes, v: GgufValue): void {
  switch (v.type) {
    case 'u32':
      out.u32(T.u32);
      return out.u32(v.value);
    case 'i32':
      out.u32(T.i32);
      return out.i32(v.value);
    case 'f32':
      out.u32(T.f32);
      return out.f32(v.value);
    case 'bool':
      out.u32(T.bool);
      return out.push(Buffer.from([v.value ? 1 : 0]));
    case 'string':
      out.u32(T.string);
      return out.str(v.value);
    case 'string[]':
      out.u32(T.array);
      out.u32(T.string);
      out.u64(v.value.length);
      for (const s of v.value) out.str(s);
      return;
    case 'f32[]':
    case 'i32[]': {
      out.u32(T.array);
      out.u32(v.type === 'f32[]' ? T.f32 : T.i32);
      out.u64(v.value.length);
      const b = Buffer.alloc(v.value.length * 4);
      for (let i = 0; i < v.value.length; i++) v.type === 'f32[]' ? b.writeFloatLE(v.value[i], i * 4) : b.writeInt32LE(v.value[i], i * 4);
      return out.push(b);
    }
  }
}

/** Serialises the file in memory (models here are small) and writes it in one go. */
export function writeGguf(file: string, kv: Record<string, GgufValue>, tensors: GgufTensor[]): void {
  const out = new Bytes();
  out.push(Buffer.from('GGUF', 'latin1'));
  out.u32(3);
  out.u64(tensors.length);
  out.u64(Object.keys(kv).length);
  for (const [key, value] of Object.entries(kv)) {
    out.str(key);
    writeValue(out, value);
  }
  let offset = 0;
  for (const t of tensors) {
    const count = t.dims.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) throw new Error(`tensor ${t.name}: dims ${t.dims.join('x')} need ${count} values, got ${t.data.length}`);
    out.str(t.name);
    out.u32(t.dims.length);
    for (const d of t.dims) out.u64(d);
    out.u32(GGML_TYPE_F32);
    out.u64(offset);
    offset += Math.ceil((count * 4) / ALIGNMENT) * ALIGNMENT;
  }
  out.pad();
  for (const t of tensors) {
    out.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    out.pad();
  }
  fs.writeFileSync(file, out.toBuffer());
}
