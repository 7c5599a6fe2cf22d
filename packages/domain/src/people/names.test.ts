import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareNames,
  foldAccents,
  nameSortKey,
  normalizeName,
  personSearchText,
  searchPatterns,
  searchTerms,
  splitName,
} from "./names.js";

// The Vietnamese alphabet in dictionary order, with f, j, w, z where the Latin alphabet has them.
const LETTERS = Array.from("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz");
const VOWELS = new Set(Array.from("aăâeêioôơuưy"));
/** Tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng. */
const TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];

// ---- A model of Vietnamese names, rendered to text in many equivalent spellings ----

interface Word {
  letters: string[];
  tone: number;
  toneAt: number;
}
interface Name {
  words: Word[];
}

const INITIALS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh"];
const INITIALS_2 = ["ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];
const NUCLEI = [
  "a",
  "ă",
  "â",
  "e",
  "ê",
  "i",
  "o",
  "ô",
  "ơ",
  "u",
  "ư",
  "y",
  "ia",
  "ua",
  "ưa",
  "oa",
  "uy",
  "ươ",
  "uô",
  "iê",
  "ai",
  "ao",
  "ôi",
  "ơi",
  "ưu",
  "ây",
];
const FINALS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

function vowelPositions(letters: readonly string[]): number[] {
  return letters.flatMap((l, i) => (VOWELS.has(l) ? [i] : []));
}

function withTone(letters: string[], tone: number, pick: number): Word {
  const vowels = vowelPositions(letters);
  if (vowels.length === 0) return { letters, tone: 0, toneAt: 0 };
  return { letters, tone, toneAt: vowels[pick % vowels.length] ?? 0 };
}

const syllableArb: fc.Arbitrary<Word> = fc
  .record({
    initial: fc.constantFrom(...INITIALS, ...INITIALS_2),
    nucleus: fc.constantFrom(...NUCLEI),
    final: fc.constantFrom(...FINALS),
    tone: fc.integer({ min: 0, max: 5 }),
    pick: fc.nat(),
  })
  .map(({ initial, nucleus, final, tone, pick }) =>
    withTone(Array.from(initial + nucleus + final), tone, pick),
  );

/** Any letters of the alphabet, so that every letter and many shared prefixes ("an"/"anh") appear. */
const freeWordArb: fc.Arbitrary<Word> = fc
  .record({
    letters: fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 4 }),
    tone: fc.integer({ min: 0, max: 5 }),
    pick: fc.nat(),
  })
  .map(({ letters, tone, pick }) => withTone(letters, tone, pick));

const wordArb = fc.oneof(
  { arbitrary: syllableArb, weight: 3 },
  { arbitrary: freeWordArb, weight: 1 },
);
const nameArb: fc.Arbitrary<Name> = fc
  .array(wordArb, { minLength: 1, maxLength: 4 })
  .map((words) => ({ words }));

/** Names built from few short words so that equal letters, equal given names and tone ties happen. */
const tightWordArb: fc.Arbitrary<Word> = fc
  .record({
    letters: fc.array(fc.constantFrom("a", "ă", "n"), { minLength: 1, maxLength: 2 }),
    tone: fc.integer({ min: 0, max: 5 }),
    pick: fc.nat(),
  })
  .map(({ letters, tone, pick }) => withTone(letters, tone, pick));
const tightNameArb: fc.Arbitrary<Name> = fc
  .array(tightWordArb, { minLength: 1, maxLength: 4 })
  .map((words) => ({ words }));
const anyNameArb = fc.oneof(nameArb, tightNameArb);

/** A name one small edit away from `name`: close pairs are where orderings go wrong. */
function neighbourArb(name: Name): fc.Arbitrary<Name> {
  const n = name.words.length;
  const at = fc.nat({ max: n - 1 });
  const edit = (k: number, f: (w: Word) => Word[]): Name => ({
    words: name.words.flatMap((w, i) => (i === k ? f(w) : [w])),
  });
  return fc.oneof(
    fc
      .tuple(at, fc.constantFrom(...LETTERS))
      .map(([k, l]) => edit(k, (w) => [{ ...w, letters: [...w.letters, l] }])),
    at.map((k) =>
      edit(k, (w) =>
        w.letters.length > 1 && w.toneAt < w.letters.length - 1
          ? [{ ...w, letters: w.letters.slice(0, -1) }]
          : [w],
      ),
    ),
    fc.tuple(at, wordArb).map(([k, extra]) => edit(k, (w) => [extra, w])),
    at.map((k) => (n > 1 ? edit(k, () => []) : name)),
    fc
      .tuple(at, fc.integer({ min: 0, max: 5 }))
      .map(([k, tone]) =>
        edit(k, (w) => [vowelPositions(w.letters).length > 0 ? { ...w, tone } : w]),
      ),
    fc.tuple(at, fc.nat(), fc.constantFrom(...LETTERS)).map(([k, i, l]) =>
      edit(k, (w) => {
        const letters = w.letters.map((x, j) => (j === i % w.letters.length ? l : x));
        return [withTone(letters, w.tone, i)];
      }),
    ),
  );
}

const pairArb: fc.Arbitrary<[Name, Name]> = fc.oneof(
  fc.tuple(anyNameArb, anyNameArb),
  anyNameArb.chain((a) => neighbourArb(a).map((b): [Name, Name] => [a, b])),
  anyNameArb.chain((a) =>
    neighbourArb(a).chain((b) => neighbourArb(b).map((c): [Name, Name] => [a, c])),
  ),
);

interface Spelling {
  form: "NFC" | "NFD";
  upper: boolean[];
  gaps: string[];
}

const spellingArb: fc.Arbitrary<Spelling> = fc.record({
  form: fc.constantFrom("NFC" as const, "NFD" as const),
  upper: fc.array(fc.boolean(), { maxLength: 20 }),
  gaps: fc.array(fc.constantFrom(" ", "  ", "\t", " \u00a0 ", "\n"), {
    minLength: 6,
    maxLength: 6,
  }),
});

const PLAIN: Spelling = { form: "NFC", upper: [], gaps: [] };

function renderWord(w: Word, upper: readonly boolean[], offset: number): string {
  return w.letters
    .map((l, i) => {
      const cased = upper[offset + i] === true ? l.toUpperCase() : l;
      return i === w.toneAt ? cased + (TONE_MARKS[w.tone] ?? "") : cased;
    })
    .join("")
    .normalize("NFC");
}

/** Writes a name as text: capitalised and single-spaced by default, or in an equivalent odd spelling. */
function render(name: Name, s: Spelling = PLAIN): string {
  let offset = 0;
  const words = name.words.map((w) => {
    const upper = s.upper.length === 0 ? [true] : s.upper;
    const text = renderWord(w, upper, s.upper.length === 0 ? 0 : offset);
    offset += w.letters.length;
    return text;
  });
  const gap = (i: number) => s.gaps[i] ?? " ";
  const body = words.map((w, i) => (i === 0 ? w : gap(i) + w)).join("");
  const text = s.gaps.length === 0 ? body : gap(0) + body + gap(5);
  return text.normalize(s.form);
}

/** Lexicographic order, a proper prefix first. */
function lex<T>(a: readonly T[], b: readonly T[], cmp: (x: T, y: T) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i] as T, b[i] as T);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
const byLetter = (x: string, y: string) => LETTERS.indexOf(x) - LETTERS.indexOf(y);
const byWordLetters = (x: Word, y: Word) => lex(x.letters, y.letters, byLetter);

/**
 * The rule, written independently of the sort key: given name's letters; then family and middle
 * names' letters, word by word; only then tones, given name first.
 */
function referenceCompare(a: Name, b: Name): number {
  const ga = a.words.at(-1);
  const gb = b.words.at(-1);
  if (ga === undefined || gb === undefined) throw new Error("a name has at least one word");
  const byGiven = byWordLetters(ga, gb);
  if (byGiven !== 0) return byGiven;
  const byRest = lex(a.words.slice(0, -1), b.words.slice(0, -1), byWordLetters);
  if (byRest !== 0) return byRest;
  const tones = (n: Name, g: Word) => [g.tone, ...n.words.slice(0, -1).map((w) => w.tone)];
  return lex(tones(a, ga), tones(b, gb), (x, y) => x - y);
}

const sign = (n: number) => Math.sign(n);

function sortNames(names: readonly string[]): string[] {
  return [...names].sort(compareNames);
}

// ---- Examples ----

describe("compareNames: examples", () => {
  it("sorts by given name in Vietnamese letter order", () => {
    expect(
      sortNames([
        "Trần Thị Bình",
        "Nguyễn Văn An",
        "Lê Văn Ân",
        "Phạm Ăn",
        "Đỗ Văn Dũng",
        "Vũ Đức",
        "Hoàng Văn Anh",
      ]),
    ).toEqual([
      "Nguyễn Văn An",
      "Hoàng Văn Anh",
      "Phạm Ăn",
      "Lê Văn Ân",
      "Trần Thị Bình",
      "Đỗ Văn Dũng",
      "Vũ Đức",
    ]);
  });

  it.each([
    ["a before ă", "Phạm An", "Lê Ăn"],
    ["ă before â", "Phạm Ăn", "Lê Ân"],
    ["a word before a longer word it begins", "Vũ An", "Lê Anh"],
    ["a shorter given name first even with a tone", "Vũ Án", "Lê Anh"],
    ["d before đ", "Đỗ Văn Dũng", "Vũ Đức"],
    ["o before ô before ơ", "Lê Ong", "Lê Ông"],
    ["ô before ơ", "Lê Ông", "Lê Ơn"],
    ["u before ư", "Lê Uy", "Lê Ưng"],
    ["ư before v", "Lê Ưng", "Lê Vân"],
    ["e before ê", "Lê Em", "Lê Êm"],
    ["given name before family name", "Vũ Văn An", "An Văn Bình"],
    ["ties on the given name broken by the family name", "Lê Văn An", "Nguyễn Văn An"],
    ["then by the middle name", "Lê Thị An", "Lê Văn An"],
    ["a missing middle name first", "Lê An", "Lê Văn An"],
    ["a family name before a longer one it begins", "Hà Văn An", "Hàn Thị An"],
    ["a middle name before a longer one it begins", "Lê Ngọ Văn An", "Lê Ngọc Văn An"],
    ["a one-word name before a longer one with that given name", "An", "Nguyễn An"],
    ["letters of the family name before tones of the given name", "Nguyễn Văn Án", "Trần Văn An"],
    ["tone only after all letters", "Nguyễn Văn An", "Nguyễn Văn Án"],
    ["given name's tone before the family name's tone", "Lễ Văn An", "Lê Văn Án"],
  ])("%s: %s < %s", (_rule, first, second) => {
    expect(compareNames(first, second)).toBe(-1);
    expect(compareNames(second, first)).toBe(1);
    expect(nameSortKey(first) < nameSortKey(second)).toBe(true);
  });

  it("orders tones ngang, huyền, hỏi, ngã, sắc, nặng", () => {
    const tones = ["Lê Ma", "Lê Mà", "Lê Mả", "Lê Mã", "Lê Má", "Lê Mạ"];
    expect(sortNames([...tones].reverse())).toEqual(tones);
    expect(sortNames(["Lê Mai", "Lê Mạ", "Lê Mà"])).toEqual(["Lê Mà", "Lê Mạ", "Lê Mai"]);
  });

  it("follows the whole alphabet, letter after letter", () => {
    for (let i = 1; i < LETTERS.length; i++) {
      const before = `Lê ${LETTERS[i - 1] ?? ""}`;
      const after = `Lê ${LETTERS[i] ?? ""}`;
      expect(compareNames(before, after), `${before} < ${after}`).toBe(-1);
    }
  });

  it.each([
    ["Nguyễn Văn An", "nguyễn văn an"],
    ["Nguyễn Văn An", "NGUYỄN VĂN AN"],
    ["Nguyễn Văn An", "  Nguyễn   Văn\tAn  "],
    ["Nguyễn Văn An", "Nguyễn Văn An".normalize("NFD")],
    ["Đặng Thị Ngọc Ánh", "ĐẶNG THỊ NGỌC ÁNH".normalize("NFD")],
  ])("%j and %j are the same name", (a, b) => {
    expect(compareNames(a, b)).toBe(0);
    expect(nameSortKey(a)).toBe(nameSortKey(b));
  });

  it("tells apart names that differ only in a tone or a letter mark", () => {
    expect(compareNames("Lê An", "Lê Ân")).not.toBe(0);
    expect(compareNames("Lê An", "Lê Àn")).not.toBe(0);
    expect(compareNames("Lê Dung", "Lê Dũng")).not.toBe(0);
    expect(compareNames("Lê Dung", "Lê Đung")).not.toBe(0);
  });

  it("ignores marks that are not Vietnamese and characters that are not letters", () => {
    expect(compareNames("Lê Zoë", "Lê Zoe")).toBe(0);
    expect(compareNames("Lê Hoa-Mai", "Lê HoaMai")).toBe(0);
  });

  it("keeps digits, ordered below letters", () => {
    expect(compareNames("Lê An 2", "Lê An 10")).toBe(1);
    expect(compareNames("Lê 9", "Lê A")).toBe(-1);
  });

  it("copes with an empty name", () => {
    expect(compareNames("", "")).toBe(0);
    expect(compareNames("", "An")).toBe(-1);
    expect(compareNames("   ", "")).toBe(0);
  });
});

describe("nameSortKey: examples", () => {
  it('is printable ASCII, so that COLLATE "C" byte order is JavaScript string order', () => {
    for (const name of ["Nguyễn Văn An", "Đỗ Thị Ưng", "Phạm Ngọc Ẩn 2", "Zoë Ơn"]) {
      expect(nameSortKey(name)).toMatch(/^[\x20-\x7e]*$/u);
    }
  });

  it("gives the same key to the same letters and tones only", () => {
    expect(nameSortKey("Lê Văn An")).not.toBe(nameSortKey("Lê Vân An"));
    expect(nameSortKey("Lê Văn An")).not.toBe(nameSortKey("Lê Văn Án"));
    expect(nameSortKey("Lê Văn An")).not.toBe(nameSortKey("Lê An Văn"));
  });
});

// ---- Properties ----

describe("compareNames: properties", () => {
  it("agrees with the rule written independently", () => {
    fc.assert(
      fc.property(pairArb, spellingArb, spellingArb, ([a, b], sa, sb) => {
        expect(sign(compareNames(render(a, sa), render(b, sb)))).toBe(sign(referenceCompare(a, b)));
      }),
      { numRuns: 200 },
    );
  });

  it("is antisymmetric and reflexive", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const x = render(a);
        const y = render(b);
        expect(compareNames(x, x)).toBe(0);
        expect(compareNames(x, y) + compareNames(y, x)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("is transitive", () => {
    fc.assert(
      fc.property(anyNameArb, anyNameArb, anyNameArb, (a, b, c) => {
        const [x, y, z] = sortNames([render(a), render(b), render(c)]) as [string, string, string];
        expect(compareNames(x, y)).toBeLessThanOrEqual(0);
        expect(compareNames(y, z)).toBeLessThanOrEqual(0);
        expect(compareNames(x, z)).toBeLessThanOrEqual(0);
        if (compareNames(x, y) === 0 && compareNames(y, z) === 0)
          expect(compareNames(x, z)).toBe(0);
        if (compareNames(x, y) < 0 || compareNames(y, z) < 0) expect(compareNames(x, z)).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });

  it("equals plain string order of the sort keys", () => {
    fc.assert(
      fc.property(pairArb, spellingArb, spellingArb, ([a, b], sa, sb) => {
        const x = render(a, sa);
        const y = render(b, sb);
        const kx = nameSortKey(x);
        const ky = nameSortKey(y);
        const byKey = kx < ky ? -1 : kx > ky ? 1 : 0;
        expect(compareNames(x, y)).toBe(byKey);
        expect(kx).toMatch(/^[\x20-\x7e]*$/u);
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on Unicode form, letter case or spacing", () => {
    fc.assert(
      fc.property(anyNameArb, spellingArb, spellingArb, (name, s1, s2) => {
        expect(nameSortKey(render(name, s1))).toBe(nameSortKey(render(name, s2)));
        expect(nameSortKey(render(name, s1))).toBe(nameSortKey(render(name)));
      }),
      { numRuns: 200 },
    );
  });

  it("compares letters first: tones matter only between names with the same letters", () => {
    const toneless = (n: Name): Name => ({ words: n.words.map((w) => ({ ...w, tone: 0 })) });
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const byLetters = compareNames(render(toneless(a)), render(toneless(b)));
        const full = compareNames(render(a), render(b));
        if (byLetters !== 0) expect(full).toBe(byLetters);
      }),
      { numRuns: 200 },
    );
  });

  it("orders names with the same letters by their tones, given name first", () => {
    fc.assert(
      fc.property(
        anyNameArb,
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
        (name, t1, t2) => {
          const retone = (tones: number[]): Name => ({
            words: name.words.map((w, i) =>
              vowelPositions(w.letters).length === 0 ? w : { ...w, tone: tones[i] ?? 0 },
            ),
          });
          const a = retone(t1);
          const b = retone(t2);
          expect(sign(compareNames(render(a), render(b)))).toBe(sign(referenceCompare(a, b)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("splitName", () => {
  it.each([
    ["Nguyễn Văn An", { given: "An", rest: "Nguyễn Văn" }],
    ["Tôn Nữ Thị Ngọc Lan", { given: "Lan", rest: "Tôn Nữ Thị Ngọc" }],
    ["  Trần   Thị\tBình ", { given: "Bình", rest: "Trần Thị" }],
    ["An", { given: "An", rest: "" }],
    ["", { given: "", rest: "" }],
  ])("%j → %j", (name, parts) => {
    expect(splitName(name)).toEqual(parts);
  });

  it("returns NFC text", () => {
    expect(splitName("Nguyễn Văn Ánh".normalize("NFD"))).toEqual({
      given: "Ánh",
      rest: "Nguyễn Văn",
    });
  });

  it("puts back the name it split", () => {
    fc.assert(
      fc.property(anyNameArb, spellingArb, (name, s) => {
        const text = render(name, s);
        const { given, rest } = splitName(text);
        expect(given).not.toContain(" ");
        expect(rest === "" ? given : `${rest} ${given}`).toBe(normalizeName(text));
      }),
    );
  });
});

describe("normalizeName", () => {
  it.each([
    ["  Nguyễn   Văn An ", "Nguyễn Văn An"],
    ["Nguyễn\tVăn\n\u00a0An", "Nguyễn Văn An"],
    ["", ""],
    ["   ", ""],
  ])("%j → %j", (input, output) => {
    expect(normalizeName(input)).toBe(output);
  });

  it("composes to NFC and keeps letter case", () => {
    const nfd = "ĐẶNG Thị Ánh".normalize("NFD");
    expect(normalizeName(nfd)).toBe("ĐẶNG Thị Ánh".normalize("NFC"));
    expect(normalizeName(nfd)).not.toBe(nfd);
  });

  it("is idempotent and leaves single inner spaces only", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyNameArb.chain((n) => spellingArb.map((s) => render(n, s))),
          fc.string(),
        ),
        (text) => {
          const once = normalizeName(text);
          expect(normalizeName(once)).toBe(once);
          expect(once).toBe(once.trim());
          expect(once).not.toMatch(/\s\s|[^\S ]/u);
          expect(once).toBe(once.normalize("NFC"));
        },
      ),
    );
  });
});

describe("foldAccents", () => {
  it.each([
    ["Nguyễn Văn An", "nguyen van an"],
    ["ĐẶNG", "dang"],
    ["đặng", "dang"],
    ["Đỗ Thị Ngọc Ánh", "do thi ngoc anh"],
    ["Phạm Ưng Ơn Ẩn", "pham ung on an"],
    ["  TRẦN\tThị   Bình  ", "tran thi binh"],
    ["Nguyễn Văn An".normalize("NFD"), "nguyen van an"],
    ["", ""],
  ])("%j → %j", (input, output) => {
    expect(foldAccents(input)).toBe(output);
  });

  const textArb = fc.oneof(
    anyNameArb.chain((n) => spellingArb.map((s) => render(n, s))),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
  );

  it("is idempotent", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const once = foldAccents(text);
        expect(foldAccents(once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it("leaves no combining mark, no đ, no upper-case Vietnamese letter, no outer space", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const folded = foldAccents(text);
        expect(folded).not.toMatch(/\p{M}|[đĐ]/u);
        expect(folded).toBe(folded.trim());
        expect(folded).not.toMatch(/\s\s/u);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(anyNameArb, spellingArb, (name, s) => {
        expect(foldAccents(render(name, s))).toMatch(/^[a-z]+( [a-z]+)*$/u);
      }),
    );
  });

  it("finds every piece of a name in the folded name", () => {
    fc.assert(
      fc.property(
        anyNameArb,
        spellingArb,
        spellingArb,
        fc.nat(),
        fc.nat(),
        (name, stored, typed, i, j) => {
          const text = render(name, stored);
          const start = i % (text.length + 1);
          const end = start + (j % (text.length - start + 1));
          // The user types the piece in a spelling of their own: case and Unicode form may differ.
          const piece = text.slice(start, end);
          const typedPiece = (typed.upper[0] === true ? piece.toUpperCase() : piece).normalize(
            typed.form,
          );
          expect(foldAccents(text).includes(foldAccents(typedPiece))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("folds a name spelled any way to the same text", () => {
    fc.assert(
      fc.property(anyNameArb, spellingArb, (name, s) => {
        expect(foldAccents(render(name, s))).toBe(foldAccents(render(name)));
      }),
    );
  });
});

describe("searchTerms", () => {
  it.each([
    ["  Nguyễn   văn ", ["nguyen", "van"]],
    ["ĐẶNG thị", ["dang", "thi"]],
    ["an", ["an"]],
    ["", []],
    [" \t ", []],
  ])("%j → %j", (query, terms) => {
    expect(searchTerms(query)).toEqual(terms);
  });

  it("splits the folded query into non-empty words", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          anyNameArb.chain((n) => spellingArb.map((s) => render(n, s))),
        ),
        (q) => {
          const terms = searchTerms(q);
          for (const t of terms) expect(t).toMatch(/^\S+$/u);
          expect(terms.join(" ")).toBe(foldAccents(q));
        },
      ),
    );
  });

  it("finds each word of a name in its folded search text", () => {
    fc.assert(
      fc.property(anyNameArb, spellingArb, spellingArb, (name, stored, typed) => {
        const haystack = foldAccents(render(name, stored));
        for (const term of searchTerms(render(name, typed))) expect(haystack).toContain(term);
      }),
    );
  });
});

/** SQL LIKE with backslash escapes, as PostgreSQL evaluates it: % any run, _ one character. */
function like(text: string, pattern: string): boolean {
  const escape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/gu, "\\$&");
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") re += escape(pattern.charAt(++i));
    else if (c === "%") re += "[\\s\\S]*";
    else if (c === "_") re += "[\\s\\S]";
    else re += escape(c);
  }
  return new RegExp(`^${re}$`, "u").test(text);
}

const matches = (stored: string, query: string) =>
  searchPatterns(query).every((p) => like(stored, p));

describe("personSearchText and searchPatterns", () => {
  it("stores folded words after a leading space, skipping missing parts", () => {
    expect(personSearchText("Nguyễn Văn An", null, "  ĐẶNG Thị  Bé ", undefined, "")).toBe(
      " nguyen van an dang thi be",
    );
    expect(personSearchText()).toBe(" ");
  });

  it("makes one LIKE pattern per query word", () => {
    expect(searchPatterns("  Văn   AN ")).toEqual(["% van%", "% an%"]);
    expect(searchPatterns("")).toEqual([]);
  });

  it("escapes LIKE wildcards and the escape character", () => {
    expect(searchPatterns("50%_a\\b")).toEqual(["% 50\\%\\_a\\\\b%"]);
    expect(matches(personSearchText("x 50%_a\\b"), "50%_a\\b")).toBe(true);
    expect(matches(personSearchText("x 50xya\\b"), "50%_a\\b")).toBe(false);
  });

  it.each([
    ["an", "Nguyễn Văn An", true],
    ["an", "Hoàng Anh", true],
    ["an", "Trần Thị Lan", false],
    ["an", "Lê Hoàng", false],
    ["AN", "Phạm Ân", true],
    ["van an", "Nguyễn Văn An", true],
    ["an van", "Nguyễn Văn An", true],
    ["van binh", "Nguyễn Văn An", false],
    ["đức", "Vũ Đức", true],
    ["duc", "Vũ Đức", true],
    ["", "Vũ Đức", true],
  ])("%j finds %j: %s", (query, name, found) => {
    expect(matches(personSearchText(name), query)).toBe(found);
  });

  it("finds a name by the start of any of its words, typed any way", () => {
    fc.assert(
      fc.property(
        anyNameArb,
        spellingArb,
        spellingArb,
        fc.nat(),
        fc.nat(),
        (name, stored, typed, w, n) => {
          const word = name.words[w % name.words.length];
          if (word === undefined) return;
          const prefix: Word = {
            letters: word.letters.slice(0, 1 + (n % word.letters.length)),
            tone: 0,
            toneAt: 0,
          };
          expect(
            matches(personSearchText(render(name, stored)), render({ words: [prefix] }, typed)),
          ).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("finds a name only when each query word starts one of its words", () => {
    fc.assert(
      fc.property(anyNameArb, anyNameArb, (name, query) => {
        const words = foldAccents(render(name)).split(" ");
        const expected = searchTerms(render(query)).every((t) =>
          words.some((w) => w.startsWith(t)),
        );
        expect(matches(personSearchText(render(name)), render(query))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
