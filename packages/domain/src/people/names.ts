// Vietnamese personal names: ordering and accent-insensitive search.
// Neither PGlite nor every PostgreSQL build has a Vietnamese collation, so chibo computes a sort key
// and a folded search text here and stores both in indexed columns: identical results on every engine.

/** Vietnamese alphabet order (with the Latin letters f, j, w, z placed as in the Latin alphabet). */
const ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/** Tone order used by Vietnamese dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng. */
const TONE_MARKS: Record<string, number> = {
  "\u0300": 1, // huyền
  "\u0309": 2, // hỏi
  "\u0303": 3, // ngã
  "\u0301": 4, // sắc
  "\u0323": 5, // nặng
};

/** Marks that make a distinct letter (ă, â, ê, ô, ơ, ư) rather than a tone. */
const LETTER_MARKS = new Set(["\u0306", "\u0302", "\u031b"]);

const WORD_SEP = "\u0021"; // lower than any letter code: "An" sorts before "Anh"
const FIELD_SEP = "\u0020";

function letterCode(ch: string): string | undefined {
  const i = ALPHABET.indexOf(ch);
  if (i >= 0) return String.fromCharCode(0x40 + i);
  if (ch >= "0" && ch <= "9") return String.fromCharCode(0x30 + Number(ch));
  return undefined;
}

/** Collapses runs of whitespace and trims: "  Nguyễn   Văn An " → "Nguyễn Văn An". */
export function normalizeName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/gu, " ");
}

/** The given name is the last word (tên); the rest is family and middle names (họ và tên đệm). */
export function splitName(fullName: string): { given: string; rest: string } {
  const words = normalizeName(fullName).split(" ");
  const given = words.pop() ?? "";
  return { given, rest: words.join(" ") };
}

interface WordKey {
  primary: string;
  tones: string;
}

function wordKey(word: string): WordKey {
  let primary = "";
  let tone = 0;
  // NFD separates base letters from tone marks; letter marks are recomposed with their base.
  const decomposed = word.toLowerCase().normalize("NFD");
  let base = "";
  const flush = () => {
    if (base === "") return;
    const code = letterCode(base.normalize("NFC"));
    if (code !== undefined) primary += code;
    base = "";
  };
  for (const ch of decomposed) {
    const t = TONE_MARKS[ch];
    if (t !== undefined) {
      tone = t;
    } else if (LETTER_MARKS.has(ch)) {
      base += ch;
    } else if (/\p{M}/u.test(ch)) {
      // Other combining marks carry no meaning in Vietnamese names.
    } else {
      flush();
      base = ch;
    }
  }
  flush();
  return { primary, tones: String(tone) };
}

function phraseKey(phrase: string): WordKey {
  const words = phrase === "" ? [] : phrase.split(" ").map(wordKey);
  return {
    primary: words.map((w) => w.primary).join(WORD_SEP),
    tones: words.map((w) => w.tones).join(""),
  };
}

/**
 * A key whose plain byte order (COLLATE "C") is the Vietnamese order of people: by given name, then
 * family and middle names; letters first (a < ă < â, d < đ, …), tones only to break ties.
 */
export function nameSortKey(fullName: string): string {
  const { given, rest } = splitName(fullName);
  const g = phraseKey(given);
  const r = phraseKey(rest);
  return [g.primary, r.primary, g.tones + r.tones].join(FIELD_SEP);
}

/** Compares two names in Vietnamese order (the same order as sorting by nameSortKey). */
export function compareNames(a: string, b: string): number {
  const ka = nameSortKey(a);
  const kb = nameSortKey(b);
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  return 0;
}

/** Lower case without diacritics (đ → d): "Nguyễn Văn An" → "nguyen van an". */
export function foldAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/gu, "d")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

/** Words of a search query, folded; empty words dropped. */
export function searchTerms(query: string): string[] {
  return foldAccents(query)
    .split(" ")
    .filter((w) => w !== "");
}

/**
 * The stored search text of a person: folded words with a leading space, so that a word-prefix
 * match is `LIKE '% term%'` ("an" finds "An" and "Anh", not "Lan" or "Hoàng").
 */
export function personSearchText(...parts: (string | null | undefined)[]): string {
  const words = parts.filter((p): p is string => Boolean(p)).map(foldAccents);
  return ` ${words.join(" ")}`;
}

/** LIKE patterns for a query: every word must start one of the stored words. */
export function searchPatterns(query: string): string[] {
  return searchTerms(query).map((t) => `% ${t.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`);
}
