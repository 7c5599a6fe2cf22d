// Test support only (fflate is a devDependency): reads a .docx back into its XML parts and the visible
// text of its paragraphs, and checks that every XML part is well-formed. Shared by the docx tests and the
// minutes export route tests; never imported by server code.
import { strFromU8, unzipSync } from "fflate";

export interface DocxContent {
  /** Every XML part by its path in the package ("word/document.xml", "word/styles.xml" …). */
  parts: Record<string, string>;
  /** The document body's paragraphs (tables' cells included), each as its concatenated <w:t> texts. */
  paragraphs: string[];
}

export function readDocx(buffer: Uint8Array): DocxContent {
  const files = unzipSync(buffer);
  const parts: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(files)) {
    if (/\.(xml|rels)$/.test(path)) parts[path] = strFromU8(bytes);
  }
  return { parts, paragraphs: paragraphTexts(parts["word/document.xml"] ?? "") };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X"))
      return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

/** The XML of each paragraph (<w:p>…</w:p>), in document order. `<w:pPr>` is not a paragraph. */
export function paragraphXml(xml: string): string[] {
  return xml.match(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [];
}

export function paragraphText(pXml: string): string {
  const texts = [...pXml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((m) => m[1] ?? "");
  return decodeXml(texts.join(""));
}

function paragraphTexts(xml: string): string[] {
  return paragraphXml(xml).map(paragraphText);
}

// ---------------------------------------------------------------------------------------------------
// A small XML well-formedness check: enough to catch what makes Word refuse a file (unescaped "&" or
// "<", characters XML cannot hold, unbalanced or crossed tags, bad attributes), without a parser dependency.

const NAME = /^[A-Za-z_][\w.:-]*/;
// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const BAD_AMP = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

/** The first problem found in an XML text, or null when it is well-formed. */
export function xmlProblem(xml: string): string | null {
  if (BAD_CHAR.test(xml)) return "a character XML cannot hold";
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (BAD_AMP.test(text)) return `an unescaped "&" near ${JSON.stringify(text.slice(0, 40))}`;
    if (stack.length === 0 && text.trim() !== "") return "text outside the root element";
    if (lt === -1) break;
    const rest = xml.slice(lt);
    if (rest.startsWith("<?")) {
      const end = xml.indexOf("?>", lt);
      if (end === -1) return "an unclosed processing instruction";
      i = end + 2;
    } else if (rest.startsWith("<!--")) {
      const end = xml.indexOf("-->", lt);
      if (end === -1) return "an unclosed comment";
      i = end + 3;
    } else if (rest.startsWith("<![CDATA[")) {
      const end = xml.indexOf("]]>", lt);
      if (end === -1 || stack.length === 0) return "a misplaced CDATA section";
      i = end + 3;
    } else if (rest.startsWith("</")) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(rest);
      if (!m) return "a malformed end tag";
      if (stack.pop() !== m[1])
        return `an end tag </${m[1] ?? ""}> that does not close its element`;
      i = lt + m[0].length;
    } else {
      const tag = startTag(rest);
      if (typeof tag === "string") return tag;
      if (stack.length === 0) roots += 1;
      if (roots > 1) return "more than one root element";
      if (!tag.selfClosing) stack.push(tag.name);
      i = lt + tag.length;
    }
  }
  if (stack.length > 0) return `unclosed <${stack.join("><")}>`;
  return roots === 1 ? null : "no root element";
}

/** Reads "<name attr="v" …>" or "…/>"; a string is the problem found. */
function startTag(rest: string): { name: string; selfClosing: boolean; length: number } | string {
  const name = NAME.exec(rest.slice(1))?.[0];
  if (!name) return "a malformed start tag";
  let j = 1 + name.length;
  const seen = new Set<string>();
  for (;;) {
    const ws = /^\s*/.exec(rest.slice(j))?.[0].length ?? 0;
    j += ws;
    if (rest.startsWith("/>", j)) return { name, selfClosing: true, length: j + 2 };
    if (rest.startsWith(">", j)) return { name, selfClosing: false, length: j + 1 };
    if (ws === 0) return `attributes of <${name}> not separated by space`;
    const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest.slice(j));
    if (!attr?.[1]) return `a malformed attribute in <${name}>`;
    if (seen.has(attr[1])) return `a repeated attribute ${attr[1]} in <${name}>`;
    seen.add(attr[1]);
    if (BAD_AMP.test(attr[3] ?? attr[4] ?? ""))
      return `an unescaped "&" in an attribute of <${name}>`;
    j += attr[0].length;
  }
}
