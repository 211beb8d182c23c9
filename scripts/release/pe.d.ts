/** Types of pe.js (plain JavaScript, like the rest of scripts/), for the tests that read executables with it. */
export class NotPeError extends Error {}
export const RT_RCDATA: number;
export interface PeHeaders {
  readonly machine: number;
  /** 0x20b for PE32+ (64-bit), 0x10b for PE32. */
  readonly magic: number;
  readonly sections: readonly { name: string; virtualSize: number; virtualAddress: number; rawSize: number; rawOffset: number }[];
  directory(index: number): { at: number; rva: number; size: number } | null;
}
export function peHeaders(buf: Buffer): PeHeaders;
export function findResource(buf: Buffer, name: string, type?: number): Buffer | null;
export function withoutSignature(buf: Buffer): Buffer;
export function isSigned(buf: Buffer): boolean;
