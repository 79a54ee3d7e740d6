/**
 * Text typed by people reaches the report files as it was typed, including characters that break
 * a format (issue #14): one U+FFFE in a card made the whole DOCX invalid XML, so Word refused to
 * open it; control characters in Markdown confuse renderers and terminals. Each renderer gets a
 * copy of the report model with every string cleaned for its format; the JSON backup keeps the
 * text exactly (JSON escapes everything, and an import must give back what was exported).
 */

/** Not a `Char` of XML 1.0 (§2.2): C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** C0 controls but tab and LF (a lone CR too: "\r\n" becomes "\n"), DEL and the C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's job.
const CONTROL_CHAR = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** For DOCX (and PDF): only what XML 1.0 allows. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** For Markdown: no control characters, and nothing XML would refuse either. */
export function withoutControls(text: string): string {
  return xmlSafe(text).replace(CONTROL_CHAR, '');
}

/** A copy of a plain data model (objects, arrays, primitives) with every string passed through `clean`. */
export function cleanStrings<T>(value: T, clean: (text: string) => string): T {
  // Iterative: the model is shallow today, but nothing here should recurse on input it did not shape.
  const root = { value } as { value: unknown };
  const stack: Array<Record<string, unknown> | unknown[]> = [root as Record<string, unknown>];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      const child = (node as Record<string | number, unknown>)[key];
      let copy: unknown = child;
      if (typeof child === 'string') copy = clean(child);
      else if (Array.isArray(child)) copy = [...child];
      else if (child !== null && typeof child === 'object' && Object.getPrototypeOf(child) === Object.prototype) {
        copy = { ...(child as Record<string, unknown>) };
      }
      (node as Record<string | number, unknown>)[key] = copy;
      if (copy !== child && typeof copy === 'object' && copy !== null) stack.push(copy as Record<string, unknown>);
    }
  }
  return root.value as T;
}
