// The .docx exports parsed back: the Party format of documents.md (header, title, page, font, rule) and
// the minutes' substance (attendance, every opinion, votes, signatures), on a meeting of 40 opinions and
// 10 tasks. Pure: no database.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { MinutesDto, OpinionDto, ResolutionDto, TaskDto } from "@chibo/domain";
import { buildMinutesDocx, minutesTitle } from "./minutes-docx.js";
import { buildResolutionDocx } from "./resolution-docx.js";
import {
  capsWidthTwips,
  cleanText,
  DEFAULT_DOCX_LAYOUT,
  numberLine,
  viDate,
  viDateLine,
} from "./party-document.js";
import type { DocHeader } from "./party-document.js";
import { comrade } from "./meeting-phrases.js";
import { paragraphText, paragraphXml, readDocx, xmlProblem } from "./docx-reader.testing.js";

// ---------------------------------------------------------------------------------------------------
// Fixtures.

const header: DocHeader = {
  superiorName: "Đảng bộ phường An Phú",
  issuerName: "Chi bộ Khu phố 3",
  number: null,
  place: "An Phú",
  date: "2026-02-03",
};

const MEETING_ID = randomUUID();

function task(n: number, resolutionId: string): TaskDto {
  return {
    id: randomUUID(),
    meetingId: MEETING_ID,
    meetingDate: "2026-02-03",
    meetingKind: "regular",
    resolutionId,
    resolutionTitle: "Nghị quyết tháng 2",
    unitId: randomUUID(),
    unitName: "Chi bộ Khu phố 3",
    title: `Nhiệm vụ số ${n}: vận động hộ gia đình tham gia vệ sinh môi trường`,
    details: n === 1 ? "Chi tiết dòng một\nChi tiết dòng hai" : null,
    dueDate: `2026-03-${String(n + 5).padStart(2, "0")}`,
    assignees: [{ memberId: randomUUID(), fullName: `Phạm Văn Nhiệm ${n}` }],
    assigneeBody: n % 3 === 0 ? "Chi ủy" : null,
    state: "open",
    lastNote: null,
    lastReportedAt: null,
    overdue: false,
    can: { report: false, edit: false },
  };
}

function resolution(
  kind: "resolution" | "conclusion",
  tasks: number,
  first: number,
): ResolutionDto {
  const id = randomUUID();
  return {
    id,
    meetingId: MEETING_ID,
    kind,
    number: kind === "resolution" ? "05-NQ/CB" : "Số 02-KL/CB",
    title:
      kind === "resolution"
        ? "Nghị quyết sinh hoạt chi bộ tháng 2 năm 2026"
        : "Kết luận về công tác phát triển đảng viên",
    content:
      "Chi bộ thống nhất đánh giá kết quả tháng 1 & phương hướng tháng 2.\nTập trung 3 nhiệm vụ trọng tâm.",
    vote:
      kind === "resolution"
        ? { approve: 14, against: 1, other: 1 }
        : { approve: 12, against: 2, other: 2 },
    outcome: "adopted",
    votedAt: "2026-02-03T09:00:00Z",
    tasks: Array.from({ length: tasks }, (_, i) => task(first + i, id)),
  };
}

/** 40 opinions over four items: members, a guest, a name already titled, texts over several lines. */
function opinions(item: number): OpinionDto[] {
  return Array.from({ length: 10 }, (_, i) => {
    const n = item * 10 + i + 1;
    const speakerName =
      n === 7
        ? "Đồng chí Lê Văn Đã Ghi"
        : n === 8
          ? "đ/c Võ Thị Viết Tắt"
          : `Nguyễn Thị Phát Biểu ${n}`;
    return {
      id: randomUUID(),
      speakerMemberId: n === 9 ? null : randomUUID(),
      speakerGuestId: n === 9 ? randomUUID() : null,
      speakerName,
      text:
        n === 3
          ? `Ý kiến ${n} dòng đầu <quan trọng> & "cần" làm ngay\nÝ kiến ${n} dòng hai`
          : `Ý kiến số ${n}: đề nghị chi bộ quan tâm hơn đến đảng viên trẻ.`,
    };
  });
}

function minutes(overrides: Partial<MinutesDto> = {}): MinutesDto {
  const items = [0, 1, 2, 3].map((i) => ({
    agendaItemId: randomUUID(),
    title: `Nội dung ${i + 1} của chương trình`,
    presenter: i === 0 ? "Trần Văn Bí Thư" : null,
    summary: `Tóm tắt nội dung ${i + 1}.\nDòng thứ hai của tóm tắt.`,
    opinions: opinions(i),
    conclusion: `Kết luận nội dung ${i + 1}.`,
  }));
  return {
    meetingId: MEETING_ID,
    meetingKind: "regular",
    meetingStatus: "held",
    meetingDate: "2026-02-03",
    unitName: "Chi bộ Khu phố 3",
    superiorName: "Đảng bộ phường An Phú",
    locality: "An Phú",
    topic: null,
    state: "signed",
    rev: 12,
    chairMemberId: randomUUID(),
    chairName: "Trần Văn Bí Thư",
    minuteTakerMemberId: randomUUID(),
    minuteTakerName: "Hoàng Thị Thư Ký",
    startedAt: "2026-02-03T07:00:00.000Z",
    endedAt: "2026-02-03T09:30:00.000Z",
    content: {
      place: "Nhà văn hóa khu phố 3",
      opening: "Đồng chí chủ trì nêu lý do buổi sinh hoạt, giới thiệu đại biểu.",
      items,
      other: "Chi bộ xét công nhận đảng viên chính thức cho đồng chí Đỗ Văn Dự Bị.",
    },
    attendance: {
      counts: {
        total: 20,
        official: 18,
        probationary: 2,
        exempt: 1,
        counted: 19,
        present: 16,
        countedPresent: 16,
        late: 1,
        excused: 2,
        unexcused: 1,
        unmarked: 0,
      },
      presentOfficial: 14,
      presentProbationary: 2,
      rate: 16 / 19,
      quorumNeeded: 10,
      hasQuorum: true,
      votingBody: 16,
      officialPresent: 14,
      absentExcused: [
        { memberId: randomUUID(), fullName: "Bùi Văn Vắng", reason: "Đi công tác Hà Nội" },
        { memberId: randomUUID(), fullName: "Đặng Thị Ốm", reason: "Ốm nằm viện" },
      ],
      absentUnexcused: [{ memberId: randomUUID(), fullName: "Lý Văn Không Phép" }],
      guests: [{ name: "Đồng chí Mai Văn Cấp Trên", title: "Phó Bí thư Đảng ủy phường" }],
    },
    resolutions: [resolution("resolution", 7, 1), resolution("conclusion", 3, 8)],
    reviews: [
      { task: task(11, randomUUID()), verdict: "done", cause: null },
      { task: task(12, randomUUID()), verdict: "not_done", cause: "Thiếu kinh phí" },
    ],
    reviewCoverage: 1,
    signatures: {
      chair: { at: "2026-02-03T10:00:00Z", byName: "Trần Văn Bí Thư", onBehalf: false },
      minuteTaker: { at: "2026-02-03T10:00:00Z", byName: "Hoàng Thị Thư Ký", onBehalf: false },
    },
    lockedAt: "2026-02-03T10:00:00Z",
    addenda: [
      {
        id: randomUUID(),
        text: "Sửa tên đồng chí phát biểu thứ 5.\nBổ sung ý kiến của đại biểu.",
        createdAt: "2026-02-04T18:00:00Z", // 01:00 on 05/02 in Việt Nam
        createdBy: "Hoàng Thị Thư Ký",
      },
    ],
    updatedAt: "2026-02-03T10:00:00Z",
    can: { edit: false, signAsChair: false, signAsMinuteTaker: false, addendum: true },
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading helpers.

/** The paragraph whose text is exactly `text` (its XML), failing loudly when absent. */
function paragraphWith(xml: string, text: string): string {
  const found = paragraphXml(xml).find((p) => paragraphText(p) === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
}

function expectWellFormed(parts: Record<string, string>) {
  for (const [path, xml] of Object.entries(parts)) {
    expect({ path, problem: xmlProblem(xml) }).toEqual({ path, problem: null });
  }
}

// ---------------------------------------------------------------------------------------------------

describe("minutes .docx", () => {
  it("holds the header, title, attendance, every opinion, votes and signatures", async () => {
    const m = minutes();
    const doc = readDocx(
      await buildMinutesDocx({ header, minutes: m, score: { total: 87.5, level: "Tốt" } }),
    );
    const p = doc.paragraphs;

    // Header (documents.md): superior and issuer in caps, the star, the party's name, the date line.
    expect(p.slice(0, 4)).toEqual([
      "ĐẢNG BỘ PHƯỜNG AN PHÚ",
      "CHI BỘ KHU PHỐ 3",
      "*",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
    ]);
    expect(p).toContain("An Phú, ngày 03 tháng 02 năm 2026");
    expect(p.some((t) => t.startsWith("Số"))).toBe(false); // no number given: no number line

    // Title.
    const title = p.indexOf("BIÊN BẢN");
    expect(p.slice(title, title + 3)).toEqual([
      "BIÊN BẢN",
      "SINH HOẠT CHI BỘ ĐỊNH KỲ",
      "tháng 2 năm 2026",
    ]);
    expect(p.some((t) => t.includes("Dự thảo"))).toBe(false);

    // Time, place (14:00 and 16:30 in Asia/Ho_Chi_Minh) and attendance from minutes.attendance.
    expect(p).toContain("- Thời gian: bắt đầu lúc 14 giờ 00, ngày 03/02/2026.");
    expect(p).toContain("- Địa điểm: Nhà văn hóa khu phố 3.");
    expect(p).toContain("+ Đồng chí Mai Văn Cấp Trên, Phó Bí thư Đảng ủy phường.");
    expect(p).toContain("- Chủ trì: đồng chí Trần Văn Bí Thư; thư ký: đồng chí Hoàng Thị Thư Ký.");
    expect(p).toContain(
      "- Tổng số đảng viên của chi bộ: 20 đồng chí (chính thức 18, dự bị 2); miễn sinh hoạt: 1 đồng chí.",
    );
    expect(p).toContain("- Có mặt: 16 đồng chí (chính thức 14, dự bị 2, trong đó đến muộn 1).");
    expect(p).toContain("- Vắng có lý do: 2 đồng chí:");
    expect(p).toContain("+ Đồng chí Bùi Văn Vắng: Đi công tác Hà Nội.");
    expect(p).toContain("+ Đồng chí Đặng Thị Ốm: Ốm nằm viện.");
    expect(p).toContain("- Vắng không lý do: 1 đồng chí: Lý Văn Không Phép.");

    // Agenda, then each item: presenter, summary lines, every opinion in order, the conclusion.
    expect(p).toContain("Chương trình sinh hoạt:");
    expect(p).toContain("1. Nội dung 1 của chương trình");
    expect(p).toContain("Đồng chí Trần Văn Bí Thư trình bày.");
    expect(p).toContain("Dòng thứ hai của tóm tắt.");
    const all = m.content.items.flatMap((i) => i.opinions);
    expect(all).toHaveLength(40);
    let last = -1;
    for (const o of all) {
      const [first = "", ...more] = o.text.split("\n");
      const at = p.indexOf(`${comrade(o.speakerName)}: ${first}`);
      expect(at, o.speakerName).toBeGreaterThan(last);
      more.forEach((line, k) => {
        expect(p[at + 1 + k]).toBe(line);
      });
      last = at;
    }
    expect(p).toContain(
      'Đồng chí Nguyễn Thị Phát Biểu 3: Ý kiến 3 dòng đầu <quan trọng> & "cần" làm ngay',
    );
    expect(p).toContain(
      "Đồng chí Lê Văn Đã Ghi: Ý kiến số 7: đề nghị chi bộ quan tâm hơn đến đảng viên trẻ.",
    );
    expect(p).toContain(
      "đ/c Võ Thị Viết Tắt: Ý kiến số 8: đề nghị chi bộ quan tâm hơn đến đảng viên trẻ.",
    );
    expect(p.some((t) => /đồng chí\s+(đồng chí|đ\/c)/iu.test(t))).toBe(false);
    expect(p).toContain("Kết luận của chủ trì: Kết luận nội dung 4.");
    expect(p).toContain("Chi bộ xét công nhận đảng viên chính thức cho đồng chí Đỗ Văn Dự Bị.");

    // Resolutions: number, tasks (what, who, due), the vote over the voting body, the outcome.
    expect(p).toContain("1. Nghị quyết số 05-NQ/CB: Nghị quyết sinh hoạt chi bộ tháng 2 năm 2026");
    expect(p).toContain("2. Kết luận số 02-KL/CB: Kết luận về công tác phát triển đảng viên");
    const tasks = m.resolutions.flatMap((r) => r.tasks);
    expect(tasks).toHaveLength(10);
    for (const r of m.resolutions) {
      r.tasks.forEach((t, i) => {
        const who = [
          ...t.assignees.map((a) => a.fullName),
          ...(t.assigneeBody ? [t.assigneeBody] : []),
        ];
        expect(p).toContain(
          `${i + 1}) ${t.title}; phụ trách: ${who.join(", ")}; thời hạn: ${viDate(t.dueDate)}.`,
        );
      });
    }
    expect(p).toContain(
      "3) Nhiệm vụ số 3: vận động hộ gia đình tham gia vệ sinh môi trường; phụ trách: Phạm Văn Nhiệm 3, Chi ủy; thời hạn: 08/03/2026.",
    );
    expect(p).toContain("Chi tiết dòng hai");
    expect(p).toContain("Biểu quyết: tán thành 14/16 đồng chí, không tán thành 1, ý kiến khác 1.");
    expect(p).toContain("Biểu quyết: tán thành 12/16 đồng chí, không tán thành 2, ý kiến khác 2.");
    expect(p).toContain("Kết quả: nghị quyết được thông qua.");
    expect(p).toContain("Kết quả: kết luận được thông qua.");

    // Reviews, score, closing, signatures (THƯ KÝ left, CHỦ TRÌ right), then the dated addendum.
    expect(p.some((t) => t.startsWith("1) Nhiệm vụ số 11") && t.endsWith(": đã hoàn thành."))).toBe(
      true,
    );
    expect(p.some((t) => t.endsWith(": chưa hoàn thành; nguyên nhân: Thiếu kinh phí."))).toBe(true);
    expect(p).toContain("Chi bộ đánh giá buổi sinh hoạt đạt 87,5 điểm, xếp loại: Tốt.");
    expect(p).toContain(
      "Cuộc họp kết thúc lúc 16 giờ 30 cùng ngày; biên bản đã được đọc lại cho chi bộ nghe và thông qua.",
    );
    const signatures = p.indexOf("THƯ KÝ");
    expect(p.slice(signatures, signatures + 4)).toEqual([
      "THƯ KÝ",
      "Hoàng Thị Thư Ký",
      "CHỦ TRÌ",
      "Trần Văn Bí Thư",
    ]);
    expect(
      p.indexOf("Phụ lục đính chính ngày 05/02/2026: Sửa tên đồng chí phát biểu thứ 5."),
    ).toBeGreaterThan(signatures);
    expect(p).toContain("Bổ sung ý kiến của đại biểu.");

    // Parts numbered in order.
    const parts = p.filter((t) => /^[IVX]+\. /.test(t));
    expect(parts).toEqual([
      "I. THỜI GIAN, ĐỊA ĐIỂM",
      "II. THÀNH PHẦN",
      "III. NỘI DUNG",
      "IV. NGHỊ QUYẾT, KẾT LUẬN VÀ BIỂU QUYẾT",
      "V. KIỂM ĐIỂM VIỆC THỰC HIỆN NHIỆM VỤ KỲ TRƯỚC",
      "VI. ĐÁNH GIÁ CHẤT LƯỢNG BUỔI SINH HOẠT",
    ]);
  });

  it("uses the Party page and font: A4, the margins in twips, Times New Roman, page numbers from page 2", async () => {
    const doc = readDocx(await buildMinutesDocx({ header, minutes: minutes() }));
    const body = doc.parts["word/document.xml"] ?? "";
    const styles = doc.parts["word/styles.xml"] ?? "";

    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 20 / 20 / 30 / 15 mm → twips (1 mm = 1440 / 25.4 twips, rounded).
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);

    // Times New Roman: the document defaults and every run that names a font; no theme fonts.
    expect(styles).toMatch(
      /<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/,
    );
    for (const xml of [body, styles]) {
      const fonts = xml.match(/<w:rFonts [^>]*>/g) ?? [];
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f).not.toMatch(/Theme=/);
        for (const [, name] of f.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)) {
          expect(name).toBe("Times New Roman");
        }
      }
    }

    // A different first page, with an empty header; the default header holds the centred PAGE field.
    expect(body).toContain("<w:titlePg/>");
    const refs: Record<string, string | undefined> = Object.fromEntries(
      [...body.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const rels = doc.parts["word/_rels/document.xml.rels"] ?? "";
    const target = (id: string | undefined) =>
      new RegExp(`Id="${id ?? ""}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${id ?? ""}"`).exec(rels)?.[1];
    const first = doc.parts[`word/${target(refs.first) ?? ""}`] ?? "";
    const other = doc.parts[`word/${target(refs.default) ?? ""}`] ?? "";
    expect(first).toContain("<w:hdr");
    expect(first).not.toContain("PAGE");
    expect(other).toMatch(/<w:jc w:val="center"\/>/);
    expect(other).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it("rules 'ĐẢNG CỘNG SẢN VIỆT NAM' with a paragraph border as long as the text, not an underline", async () => {
    const doc = readDocx(await buildMinutesDocx({ header, minutes: minutes() }));
    const body = doc.parts["word/document.xml"] ?? "";
    const party = paragraphWith(body, "ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(party).toMatch(/<w:pBdr><w:bottom w:val="single"[^>]*\/><\/w:pBdr>/);
    expect(party).not.toContain("<w:u ");
    expect(party).toMatch(/<w:b\/>/);
    expect(party).toMatch(/<w:sz w:val="30"\/>/); // 15 pt
    // The paragraph is narrowed to about the text's width (15 pt bold caps ≈ 73 mm), within its column.
    const indent = /<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(party);
    const column = Number(/<w:gridCol w:w="\d+"\/><w:gridCol w:w="(\d+)"\/>/.exec(body)?.[1]);
    const ruled = column - Number(indent?.[1]) - Number(indent?.[2]);
    const text = capsWidthTwips("ĐẢNG CỘNG SẢN VIỆT NAM", 15, true);
    expect(ruled).toBeGreaterThanOrEqual(text);
    expect(ruled).toBeLessThan(text * 1.1);
    // The date line: 14 pt italic.
    expect(paragraphWith(body, "An Phú, ngày 03 tháng 02 năm 2026")).toMatch(
      /<w:i\/>[\s\S]*<w:sz w:val="28"\/>/,
    );
    // The issuer bold, the superior not.
    expect(paragraphWith(body, "CHI BỘ KHU PHỐ 3")).toContain("<w:b/>");
    expect(paragraphWith(body, "ĐẢNG BỘ PHƯỜNG AN PHÚ")).not.toContain("<w:b/>");
  });

  it("is a well-formed package, whatever the minute-taker typed", async () => {
    const m = minutes({ state: "draft", lockedAt: null, endedAt: null });
    const hostile = "A & B < C > D \"q\" 'a' \u0007bell\u000Bvt \uD800lone 😀 ]]> <![CDATA[ x";
    const first = m.content.items[0];
    const opinion = first?.opinions[0];
    if (first && opinion) first.opinions[0] = { ...opinion, text: hostile };
    m.content.place = "Hội trường <A&B>";
    const buffer = await buildMinutesDocx({
      header: { ...header, issuerName: "Chi bộ A&B" },
      minutes: m,
    });
    const doc = readDocx(buffer);
    for (const part of [
      "[Content_Types].xml",
      "_rels/.rels",
      "word/document.xml",
      "word/styles.xml",
    ]) {
      expect(doc.parts[part], part).toBeDefined();
    }
    expectWellFormed(doc.parts);
    const p = doc.paragraphs;
    expect(p).toContain(`Đồng chí Nguyễn Thị Phát Biểu 1: ${cleanText(hostile)}`);
    expect(cleanText(hostile)).toBe("A & B < C > D \"q\" 'a' bellvt lone 😀 ]]> <![CDATA[ x");
    expect(p).toContain("CHI BỘ A&B");
    expect(p).toContain("(Dự thảo — biên bản chưa được ký)");
    expect(p).toContain(
      "Cuộc họp kết thúc lúc … giờ … cùng ngày; biên bản đã được đọc lại cho chi bộ nghe và thông qua.",
    );

    // LibreOffice, where installed, must open and convert it (the issue: opens without warnings).
    const soffice = (process.env.PATH ?? "")
      .split(delimiter)
      .map((dir) => join(dir, "soffice"))
      .find((path) => existsSync(path));
    if (soffice) {
      const dir = mkdtempSync(join(tmpdir(), "chibo-docx-"));
      try {
        writeFileSync(join(dir, "minutes.docx"), buffer);
        execFileSync(
          soffice,
          ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "minutes.docx")],
          {
            timeout: 120_000,
          },
        );
        expect(readFileSync(join(dir, "minutes.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 180_000);

  it("names the thematic and other meetings in the title, and honours the layout settings", async () => {
    expect(
      minutesTitle("thematic", "2026-05-20", "Học tập và làm theo tư tưởng Hồ Chí Minh"),
    ).toEqual([
      "BIÊN BẢN",
      "SINH HOẠT CHI BỘ CHUYÊN ĐỀ",
      "Quý II năm 2026",
      "Chuyên đề: Học tập và làm theo tư tưởng Hồ Chí Minh",
    ]);
    expect(minutesTitle("committee", "2026-11-02")).toEqual([
      "BIÊN BẢN",
      "HỌP CHI ỦY",
      "ngày 02 tháng 11 năm 2026",
    ]);
    const m = minutes({
      meetingKind: "thematic",
      meetingDate: "2026-05-20",
      resolutions: [],
      reviews: [],
      addenda: [],
    });
    const doc = readDocx(
      await buildMinutesDocx({
        header: { ...header, number: "12-BB/CB" },
        minutes: m,
        topic: "Học tập và làm theo tư tưởng Hồ Chí Minh",
        layout: { marginTopMm: 25, marginBottomMm: 25, marginLeftMm: 35, numberColon: true },
      }),
    );
    const p = doc.paragraphs;
    expect(p).toContain("SINH HOẠT CHI BỘ CHUYÊN ĐỀ");
    expect(p).toContain("Chuyên đề: Học tập và làm theo tư tưởng Hồ Chí Minh");
    expect(p).toContain("Số: 12-BB/CB");
    expect(doc.parts["word/document.xml"]).toMatch(
      /<w:pgMar w:top="1417" w:right="850" w:bottom="1417" w:left="1984"/,
    );
    // Without resolutions, reviews or a score, those parts are left out and the numbering stays continuous.
    expect(p.filter((t) => /^[IVX]+\. /.test(t))).toEqual([
      "I. THỜI GIAN, ĐỊA ĐIỂM",
      "II. THÀNH PHẦN",
      "III. NỘI DUNG",
    ]);
    // The document still ends with a paragraph after the signatures' table.
    expect(doc.parts["word/document.xml"]).toMatch(
      /<\/w:tbl><w:p\b[^>]*(\/>|>[\s\S]*?<\/w:p>)<w:sectPr>/,
    );
  });
});

describe("resolution .docx", () => {
  it("holds the number, title, content, tasks, vote and the signature with recipients", async () => {
    const r = resolution("resolution", 2, 1);
    const buffer = await buildResolutionDocx({
      header,
      resolution: r,
      meetingDate: "2026-02-03",
      signer: { authority: "T/M CHI BỘ", title: "BÍ THƯ", name: "Trần Văn Bí Thư" },
      recipients: ["Đảng ủy phường (để b/c)", "Đảng viên trong chi bộ"],
      votingBody: 16,
    });
    const doc = readDocx(buffer);
    expectWellFormed(doc.parts);
    const p = doc.paragraphs;
    const body = doc.parts["word/document.xml"] ?? "";
    expect(p.slice(0, 6)).toEqual([
      "ĐẢNG BỘ PHƯỜNG AN PHÚ",
      "CHI BỘ KHU PHỐ 3",
      "*",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Số 05-NQ/CB",
      "An Phú, ngày 03 tháng 02 năm 2026",
    ]);
    const title = p.indexOf("NGHỊ QUYẾT");
    expect(p[title + 1]).toBe("Nghị quyết sinh hoạt chi bộ tháng 2 năm 2026");
    expect(paragraphWith(body, "NGHỊ QUYẾT")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="32"\/>/);
    expect(p).toContain("- Căn cứ kết quả sinh hoạt chi bộ ngày 03/02/2026,");
    expect(p).toContain("CHI BỘ QUYẾT NGHỊ:");
    expect(p).toContain("Chi bộ thống nhất đánh giá kết quả tháng 1 & phương hướng tháng 2.");
    expect(p).toContain("Tập trung 3 nhiệm vụ trọng tâm.");
    expect(p).toContain("Nhiệm vụ và phân công thực hiện");
    expect(p).toContain(
      "1. Nhiệm vụ số 1: vận động hộ gia đình tham gia vệ sinh môi trường; phụ trách: Phạm Văn Nhiệm 1; thời hạn: 06/03/2026.",
    );
    expect(p).toContain(
      "2. Nhiệm vụ số 2: vận động hộ gia đình tham gia vệ sinh môi trường; phụ trách: Phạm Văn Nhiệm 2; thời hạn: 07/03/2026.",
    );
    expect(p).toContain("Biểu quyết: tán thành 14/16 đồng chí, không tán thành 1, ý kiến khác 1.");
    expect(p).toContain("Kết quả: nghị quyết được thông qua.");

    const recipients = p.indexOf("Nơi nhận:");
    expect(p.slice(recipients, recipients + 7)).toEqual([
      "Nơi nhận:",
      "- Đảng ủy phường (để b/c)",
      "- Đảng viên trong chi bộ",
      "- Lưu hồ sơ chi bộ",
      "T/M CHI BỘ",
      "BÍ THƯ",
      "Trần Văn Bí Thư",
    ]);
    expect(paragraphWith(body, "Nơi nhận:")).toMatch(/<w:u w:val="single"\/>/);
    expect(paragraphWith(body, "- Đảng viên trong chi bộ")).toMatch(/<w:sz w:val="24"\/>/); // 12 pt
    expect(paragraphWith(body, "Trần Văn Bí Thư")).toContain("<w:b/>");
  });

  it("prints a conclusion as KẾT LUẬN with its KL number, and leaves room for an unnumbered one", async () => {
    const base = {
      header,
      meetingDate: "2026-02-03",
      signer: { authority: "T/M CHI BỘ", title: "BÍ THƯ", name: null },
      recipients: ["Đảng viên trong chi bộ", "Lưu VP"],
    };
    const c = resolution("conclusion", 0, 1);
    const numbered = readDocx(await buildResolutionDocx({ ...base, resolution: c }));
    expect(numbered.paragraphs).toContain("KẾT LUẬN");
    expect(numbered.paragraphs).toContain("Số 02-KL/CB");
    expect(numbered.paragraphs).toContain(
      "Ngày 03/02/2026, chi bộ đã họp, thảo luận và thống nhất kết luận như sau:",
    );
    // Without a voting body the base is the ballots cast; the archive line given is kept, not doubled.
    expect(numbered.paragraphs).toContain(
      "Biểu quyết: tán thành 12/16 đồng chí, không tán thành 2, ý kiến khác 2.",
    );
    expect(numbered.paragraphs.filter((t) => t.startsWith("- Lưu"))).toEqual(["- Lưu VP"]);
    expect(numbered.paragraphs).not.toContain("Nhiệm vụ và phân công thực hiện");

    const draft = readDocx(
      await buildResolutionDocx({
        ...base,
        resolution: { ...c, number: null, vote: null, outcome: null },
      }),
    );
    expect(draft.paragraphs.some((t) => /^Số\s+-KL\/CB$/.test(t))).toBe(true);
    expect(draft.paragraphs).toContain("Biểu quyết: chưa biểu quyết.");
    expectWellFormed(draft.parts);
  });
});

describe("Party format helpers", () => {
  it("writes dates with leading zeros and numbers with or without the colon", () => {
    expect(viDateLine("An Phú", "2026-02-03")).toBe("An Phú, ngày 03 tháng 02 năm 2026");
    expect(viDateLine(" Hà Nội ", "2025-12-31")).toBe("Hà Nội, ngày 31 tháng 12 năm 2025");
    expect(viDate("2026-03-05")).toBe("05/03/2026");
    expect(numberLine("05-NQ/CB", DEFAULT_DOCX_LAYOUT)).toBe("Số 05-NQ/CB");
    expect(numberLine("Số 05-NQ/CB", DEFAULT_DOCX_LAYOUT)).toBe("Số 05-NQ/CB");
    expect(numberLine("số: 05-NQ/CB", { ...DEFAULT_DOCX_LAYOUT, numberColon: true })).toBe(
      "Số: 05-NQ/CB",
    );
  });

  it("names a comrade once", () => {
    expect(comrade("Nguyễn Thị C")).toBe("Đồng chí Nguyễn Thị C");
    expect(comrade("Đồng chí Nguyễn Thị C")).toBe("Đồng chí Nguyễn Thị C");
    expect(comrade("đồng chí Nguyễn Thị C")).toBe("đồng chí Nguyễn Thị C");
    expect(comrade("Nguyễn Thị C", { lower: true })).toBe("đồng chí Nguyễn Thị C");
  });

  it("finds XML that is not well-formed", () => {
    expect(xmlProblem('<a x="1"><b/>t &amp; u</a>')).toBeNull();
    expect(xmlProblem("<a>t & u</a>")).toMatch(/&/);
    expect(xmlProblem("<a><b></a></b>")).not.toBeNull();
    expect(xmlProblem('<a x="1" x="2"/>')).toMatch(/repeated/);
    expect(xmlProblem("<a>\u0001</a>")).not.toBeNull();
    expect(xmlProblem("<a/><b/>")).toMatch(/root/);
  });
});
