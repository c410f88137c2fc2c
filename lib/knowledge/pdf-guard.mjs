// The backstop behind ./bounded-pdf.mjs, for what its scan can't decode ahead of pdf.js: streams of
// an encrypted PDF (pdf.js opens one whose user password is empty), LZW, a filter named inside an
// object stream, deflate damage zlib refuses and pdf.js reads on. pdf.js keeps every decoded
// stream in a Uint8Array it grows by doubling (DecodeStream.ensureBuffer), so in this child, which
// reads one file and exits, Uint8Array is wrapped to refuse any one array past the part budget and
// large arrays past twice the total budget (doubling allocates about twice what it keeps).

// Arrays from this size on count against the total; pdf.js makes countless small ones.
const COUNTED_FROM = 1024 * 1024;

/** Installs the guard; `exceeded()` says afterwards whether pdf.js was stopped by it. */
export function guardAllocations(partMax, totalMax) {
  const Native = globalThis.Uint8Array;
  let allocated = 0;
  let exceeded = false;
  globalThis.Uint8Array = new Proxy(Native, {
    construct(target, args, newTarget) {
      const length = args[0];
      if (typeof length === "number" && length >= COUNTED_FROM) {
        allocated += length;
        if (length > partMax || allocated > 2 * totalMax) {
          exceeded = true;
          throw new RangeError("The file decodes to more than its budget.");
        }
      }
      return Reflect.construct(target, args, newTarget);
    },
  });
  return { exceeded: () => exceeded };
}
