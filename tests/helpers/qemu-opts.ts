/**
 * An independent reader for QEMU's legacy option syntax (QemuOpts): options
 * are split on single commas, ',,' is a literal comma, the first word may be
 * the value of an implied key, and a bare word is a flag.
 */
export function parseQemuOpts(text: string, impliedKey?: string): Array<[string, string]> {
  const words: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== ',') cur += ch;
    else if (text[i + 1] === ',') {
      cur += ',';
      i++;
    } else {
      words.push(cur);
      cur = '';
    }
  }
  words.push(cur);
  return words.map((w, i): [string, string] => {
    const eq = w.indexOf('=');
    if (eq >= 0) return [w.slice(0, eq), w.slice(eq + 1)];
    if (i === 0 && impliedKey !== undefined) return [impliedKey, w];
    return w.startsWith('no') ? [w.slice(2), 'off'] : [w, 'on'];
  });
}

/** Every string value in an argv word: JSON strings (recursively) or QemuOpts values. */
export function wordValues(word: string): string[] {
  if (word.startsWith('{')) {
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') out.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(word));
    return out;
  }
  return parseQemuOpts(word, 'type').map(([, v]) => v);
}

/** Escape a string for an XML attribute, line breaks included (the parser would fold them otherwise). */
export function xmlAttr(s: string): string {
  return s.replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
