/** A saved page's bytes decoded as a browser would: by the charset its markup declares (real pages keep legacy encodings). */
export function decodePage(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  return new TextDecoder(declared && declared !== 'utf-8' && declared !== 'utf8' ? declared : 'utf-8').decode(bytes);
}
