import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The floors: what each screen would cost as plain static HTML with the same content and no
 * script at all — the join form with the same fields, the board with the same card texts, the
 * console with the same group columns, the projector with the same group counts. Written into
 * `dir` with brotli and gzip copies, and served by the server's own static stack (serveClient)
 * on a second port, so both sides travel the same way.
 */
export interface FloorContent {
  joinCode: string;
  cards: { section: string; text: string }[];
  groups: { name: string; members: string[]; counts: Record<string, number> }[];
  sections: { id: string; label: string }[];
}

const page = (title: string, body: string, ready: string) => `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem;line-height:1.4}
.cols{display:flex;flex-wrap:wrap;gap:1rem}.col{flex:1 1 16rem;border:1px solid #ccc;border-radius:.5rem;padding:.5rem}
textarea{display:block;width:100%;box-sizing:border-box;margin:.25rem 0}label{display:block;margin-top:.5rem}</style>
</head><body data-ready="${ready}">${body}</body></html>`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function writeFloors(dir: string, content: FloorContent): void {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'index.html': page('Warsztat', '<p>floor</p>', 'index'),
    'join.html': page(
      'Dołącz',
      `<h1>Dołącz do warsztatu</h1><form>
<label for="join-code">Kod</label><input id="join-code" value="${content.joinCode}">
<label for="join-name">Imię i nazwisko</label><input id="join-name" autocomplete="name">
<label for="join-organisation">Organizacja</label><input id="join-organisation">
<label for="join-orgtype">Typ</label><select id="join-orgtype"><option></option><option>ops</option><option>pes</option></select>
<fieldset><legend>Udział</legend><label><input type="radio" name="a" checked> na sali</label><label><input type="radio" name="a"> zdalnie</label></fieldset>
<label><input type="checkbox"> Zgoda na podanie imienia w raporcie</label>
<button type="submit">Dołącz</button></form>`,
      'join',
    ),
    'board.html': page(
      'Tablica',
      `<h1>Tablica grupy</h1><div class="cols">${content.sections
        .map(
          (s) =>
            `<section class="col"><h2>${esc(s.label)}</h2>${content.cards
              .filter((c) => c.section === s.id)
              .map((c) => `<textarea class="card-text">${esc(c.text)}</textarea>`)
              .join('')}</section>`,
        )
        .join('')}</div>`,
      'board',
    ),
    'console.html': page(
      'Konsola',
      `<h1>Konsola</h1><div class="cols">${content.groups
        .map(
          (g) =>
            `<article class="col group-column"><h3>${esc(g.name)}</h3><ul>${g.members.map((m) => `<li>${esc(m)}</li>`).join('')}</ul><button>Otwórz tablicę</button></article>`,
        )
        .join('')}</div>`,
      'console',
    ),
    'projector.html': page(
      'Rzutnik',
      `<h1>Praca w grupach</h1><ol class="cols">${content.groups
        .map(
          (g) =>
            `<li class="col projector-group"><h3>${esc(g.name)}</h3><dl>${Object.entries(g.counts)
              .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`)
              .join('')}</dl></li>`,
        )
        .join('')}</ol>`,
      'projector',
    ),
  };
  for (const [name, html] of Object.entries(files)) {
    const file = join(dir, name);
    writeFileSync(file, html);
    writeFileSync(`${file}.br`, brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(html, { level: 9 }));
  }
}

/** Readiness in the floor pages: the same markers as the app's, in plain HTML. */
export const FLOOR_READY: Record<string, string> = {
  join: `() => { const e = document.getElementById('join-name'); return !!e && !e.disabled; }`,
  board: `(total) => document.querySelectorAll('.card-text').length === total`,
  console: `(groups) => document.querySelectorAll('.group-column').length === groups`,
  projector: `(groups) => document.querySelectorAll('.projector-group').length === groups`,
};
