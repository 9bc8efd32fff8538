import { Postings } from "./postings.js";

/**
 * Postings as one file (postings.bin): "JBX1", the header's length (uint32 LE), a JSON header
 * (build id, terms, fields, where each array sits), then the arrays, 8-byte aligned. Loading is
 * a read and a few typed-array views, not a parse of every posting.
 */

const MAGIC = "JBX1";
/** 2: adds listMax, the per-list score bound. */
const FORMAT = 2;

interface Header {
  format: number;
  buildId: string;
  size: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
  terms: string[];
  arrays: Record<string, [offset: number, length: number]>;
}

function align(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}

export function encodePostings(postings: Postings, buildId: string): Buffer {
  const arrays = {
    fieldLengths: postings.fieldLengths,
    offsets: postings.offsets,
    docs: postings.docs,
    freqs: postings.freqs,
    listMax: postings.listMax,
  };
  const header: Header = {
    format: FORMAT,
    buildId,
    size: postings.size,
    fieldIds: { ...postings.fieldIds },
    avgFieldLength: [...postings.avgFieldLength],
    terms: [...postings.termList],
    arrays: {},
  };
  // Positions are relative to the start of the array section, which follows the header.
  let at = 0;
  for (const [name, array] of Object.entries(arrays)) {
    header.arrays[name] = [at, array.length];
    at += align(array.byteLength);
  }
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const start = align(8 + json.length);
  const out = Buffer.alloc(start + at);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  for (const [name, array] of Object.entries(arrays)) {
    const [offset] = header.arrays[name]!;
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, start + offset);
  }
  return out;
}

/** Reads `encodePostings`' output; null when it is another format, another build, or another corpus size. */
export function decodePostings(data: Buffer, size: number, buildId: string): Postings | null {
  if (data.length < 8 || data.toString("latin1", 0, 4) !== MAGIC) return null;
  const length = data.readUInt32LE(4);
  const header = JSON.parse(data.toString("utf8", 8, 8 + length)) as Header;
  if (header.format !== FORMAT || header.buildId !== buildId || header.size !== size) return null;
  const start = align(8 + length);
  // Views need aligned offsets; a Buffer from readFile normally is, else copy once.
  const bytes = (data.byteOffset + start) % 4 === 0 ? data : Buffer.from(data);
  const view = <T>(name: string, Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T }): T => {
    const [offset, count] = header.arrays[name]!;
    return new Type(bytes.buffer, bytes.byteOffset + start + offset, count);
  };
  return new Postings({
    size: header.size,
    fieldIds: header.fieldIds,
    avgFieldLength: header.avgFieldLength,
    fieldLengths: view("fieldLengths", Float32Array),
    terms: header.terms,
    offsets: view("offsets", Int32Array),
    docs: view("docs", Int32Array),
    freqs: view("freqs", Uint16Array),
    listMax: view("listMax", Float32Array),
  });
}
