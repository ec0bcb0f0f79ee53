/**
 * A saved page's bytes decoded as a browser would: by the charset its markup declares (real pages
 * keep legacy encodings). A label the browser does not know ("iso8859_1") counts as no label; a
 * page without one is read as UTF-8 where its bytes are UTF-8, else as Windows-1252, the default a
 * browser falls back to for Western pages.
 */
export function decodePage(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const label = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const declared = label === undefined ? null : encodingOf(label);
  if (declared !== null) return decodeAs(declared, bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeAs('windows-1252', bytes);
  }
}

/** The encoding a label names (TextDecoder knows the standard's labels), or null for one no browser knows. */
function encodingOf(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * Windows-1252's characters for bytes 0x80-0x9F (0 where it has none). Node's TextDecoder reads
 * those bytes as C1 controls, as ISO-8859-1 does, where the HTML standard and every browser read
 * curly quotes, dashes and the euro sign (also for pages labelled ISO-8859-1).
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178,
];

function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80] as number;
    return mapped === 0 ? c : String.fromCharCode(mapped);
  });
}
