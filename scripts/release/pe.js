/**
 * Just enough of the Windows PE format for the standalone zsledger.exe: find a named resource (the
 * single-executable blob Node looks up as RCDATA "NODE_SEA_BLOB") and drop the Authenticode
 * signature of node.exe before the blob goes in (the injected file no longer matches it, and a
 * corrupt signature looks worse to Windows and to virus scanners than none).
 *
 * Layout (Microsoft's PE/COFF specification): the DOS header points at "PE\0\0"; after it the COFF
 * header, the optional header with its data directories (2 = resources, 4 = certificates), and the
 * section table, which maps the resource directory's virtual addresses to file offsets.
 */
const RT_RCDATA = 10;
const DIR_RESOURCE = 2;
const DIR_SECURITY = 4;

class NotPeError extends Error {}

/** The headers of a PE image, or a NotPeError saying what is missing. */
function peHeaders(buf) {
  if (buf.length < 0x40 || buf.toString("latin1", 0, 2) !== "MZ") throw new NotPeError("no MZ header");
  const pe = buf.readUInt32LE(0x3c);
  if (pe + 24 > buf.length || buf.toString("latin1", pe, pe + 4) !== "PE\0\0") throw new NotPeError("no PE signature");
  const machine = buf.readUInt16LE(pe + 4);
  const sectionCount = buf.readUInt16LE(pe + 6);
  const optionalSize = buf.readUInt16LE(pe + 20);
  const optional = pe + 24;
  const magic = buf.readUInt16LE(optional);
  // PE32+ (64-bit) keeps its data directories 16 bytes further than PE32.
  const directories = optional + (magic === 0x20b ? 112 : magic === 0x10b ? 96 : NaN);
  if (Number.isNaN(directories)) throw new NotPeError(`unknown optional header magic 0x${magic.toString(16)}`);
  const directoryCount = buf.readUInt32LE(directories - 4);
  const sections = [];
  for (let i = 0, at = optional + optionalSize; i < sectionCount; i++, at += 40) {
    sections.push({
      name: buf.toString("latin1", at, at + 8).replace(/\0+$/, ""),
      virtualSize: buf.readUInt32LE(at + 8),
      virtualAddress: buf.readUInt32LE(at + 12),
      rawSize: buf.readUInt32LE(at + 16),
      rawOffset: buf.readUInt32LE(at + 20),
    });
  }
  const directory = (index) =>
    index < directoryCount
      ? { at: directories + index * 8, rva: buf.readUInt32LE(directories + index * 8), size: buf.readUInt32LE(directories + index * 8 + 4) }
      : null;
  return { machine, magic, sections, directory };
}

/** A virtual address as a file offset, through the section that holds it. */
function fileOffset(headers, rva) {
  const s = headers.sections.find((x) => rva >= x.virtualAddress && rva < x.virtualAddress + Math.max(x.virtualSize, x.rawSize));
  if (!s) throw new NotPeError(`address 0x${rva.toString(16)} is in no section`);
  return s.rawOffset + (rva - s.virtualAddress);
}

/** The entries of one resource directory: by name (a string) or by number. */
function resourceEntries(buf, base, at) {
  const named = buf.readUInt16LE(at + 12);
  const ids = buf.readUInt16LE(at + 14);
  const entries = [];
  for (let i = 0; i < named + ids; i++) {
    const e = at + 16 + i * 8;
    const name = buf.readUInt32LE(e);
    const target = buf.readUInt32LE(e + 4);
    let key = name;
    if (name & 0x80000000) {
      const s = base + (name & 0x7fffffff);
      key = buf.toString("utf16le", s + 2, s + 2 + buf.readUInt16LE(s) * 2);
    }
    entries.push({ key, directory: (target & 0x80000000) !== 0, offset: base + (target & 0x7fffffff) });
  }
  return entries;
}

/**
 * The data of the resource of `type` (a number, e.g. 10 RCDATA) named `name` (any language), or
 * null when the image has no such resource. Throws NotPeError for a file that is no PE image.
 */
function findResource(buf, name, type = RT_RCDATA) {
  const headers = peHeaders(buf);
  const dir = headers.directory(DIR_RESOURCE);
  if (!dir || dir.rva === 0 || dir.size === 0) return null;
  const base = fileOffset(headers, dir.rva);
  const typeEntry = resourceEntries(buf, base, base).find((e) => e.key === type && e.directory);
  if (!typeEntry) return null;
  const nameEntry = resourceEntries(buf, base, typeEntry.offset).find(
    (e) => typeof e.key === "string" && e.key.toUpperCase() === name.toUpperCase() && e.directory,
  );
  if (!nameEntry) return null;
  const language = resourceEntries(buf, base, nameEntry.offset).find((e) => !e.directory);
  if (!language) return null;
  const dataRva = buf.readUInt32LE(language.offset);
  const size = buf.readUInt32LE(language.offset + 4);
  const start = fileOffset(headers, dataRva);
  return buf.subarray(start, start + size);
}

/**
 * The image without its Authenticode signature: the certificate table (which Windows keeps at the
 * end of the file, outside every section) cut off and its directory entry zeroed. An unsigned
 * image is returned as it is.
 */
function withoutSignature(buf) {
  const headers = peHeaders(buf);
  const dir = headers.directory(DIR_SECURITY);
  if (!dir || dir.size === 0) return buf;
  // For this one directory the address is a file offset, not a virtual address.
  if (dir.rva + dir.size > buf.length) throw new NotPeError("the certificate table runs past the end of the file");
  const out = Buffer.from(buf.subarray(0, dir.rva));
  out.writeUInt32LE(0, dir.at);
  out.writeUInt32LE(0, dir.at + 4);
  return out;
}

/** Whether the image carries an Authenticode signature (a certificate table). */
function isSigned(buf) {
  const dir = peHeaders(buf).directory(DIR_SECURITY);
  return dir !== null && dir.size > 0;
}

module.exports = { NotPeError, RT_RCDATA, peHeaders, findResource, withoutSignature, isSigned };
