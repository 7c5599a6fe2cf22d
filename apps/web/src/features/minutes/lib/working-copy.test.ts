import type { AgendaItemDto, OpinionDto } from "@chibo/domain";
import { minutesSaveInput } from "@chibo/domain";
import { describe, expect, it } from "vitest";
import {
  emptyItem,
  itemsFromAgenda,
  moveInList,
  newId,
  newOpinion,
  opinionCount,
  removeAt,
  sameCopy,
  speakerValue,
  speakersOf,
  toSaveInput,
  withItem,
  withSpeaker,
  type Speaker,
  type WorkingCopy,
} from "./working-copy";

const copy = (over: Partial<WorkingCopy["content"]> = {}): WorkingCopy => ({
  chairMemberId: null,
  minuteTakerMemberId: null,
  content: { place: "Hội trường", opening: "Khai mạc", items: [], other: "", ...over },
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;

describe("newId", () => {
  it("makes v4 uuids the contract accepts, all different", () => {
    const ids = new Set(Array.from({ length: 200 }, newId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(uuid);
  });
});

describe("sameCopy", () => {
  it("ignores the spaces the server trims and the order of keys", () => {
    const a = copy({ opening: "Khai mạc  " });
    const b: WorkingCopy = {
      content: { other: "", items: [], opening: "Khai mạc", place: "Hội trường" },
      minuteTakerMemberId: null,
      chairMemberId: null,
    };
    expect(sameCopy(a, b)).toBe(true);
  });

  it("sees a changed word, opinion or picker", () => {
    expect(sameCopy(copy(), copy({ opening: "Khai mạc hội nghị" }))).toBe(false);
    expect(sameCopy(copy(), { ...copy(), chairMemberId: newId() })).toBe(false);
    const withItemA = copy({ items: [emptyItem("A")] });
    expect(sameCopy(withItemA, copy({ items: [emptyItem("B")] }))).toBe(false);
  });
});

describe("edits", () => {
  it("moves up and down, and leaves the list as is at its ends", () => {
    expect(moveInList(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveInList(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveInList(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveInList(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
    expect(removeAt(["a", "b", "c"], 1)).toEqual(["a", "c"]);
  });

  it("changes one item without touching the others", () => {
    const before = copy({ items: [emptyItem("A"), emptyItem("B")] });
    const after = withItem(before, 1, (i) => ({ ...i, summary: "Báo cáo" }));
    expect(after.content.items[1]?.summary).toBe("Báo cáo");
    expect(after.content.items[0]).toBe(before.content.items[0]);
    expect(before.content.items[1]?.summary).toBe("");
  });

  it("counts the opinions of every item", () => {
    const item = { ...emptyItem("A"), opinions: [newOpinion(), newOpinion()] };
    expect(opinionCount(copy({ items: [item, { ...item, opinions: [newOpinion()] }] }))).toBe(3);
  });
});

describe("itemsFromAgenda", () => {
  it("follows the agenda's order and keeps the link to each step", () => {
    const step = (position: number, title: string): AgendaItemDto => ({
      id: newId(),
      position,
      section: "proceedings",
      key: "other",
      title,
      presenter: position === 2 ? "Đồng chí Bí thư" : null,
      notes: null,
    });
    const steps = [step(2, "Thảo luận"), step(1, "Báo cáo")];
    const items = itemsFromAgenda(steps);
    expect(items.map((i) => i.title)).toEqual(["Báo cáo", "Thảo luận"]);
    expect(items[1]).toEqual({
      agendaItemId: steps[0]?.id,
      title: "Thảo luận",
      presenter: "Đồng chí Bí thư",
      summary: "",
      opinions: [],
      conclusion: "",
    });
  });
});

describe("speakers", () => {
  const memberId = newId();
  const guestId = newId();
  const speakers: Speaker[] = [
    { kind: "member", id: memberId, name: "Nguyễn Thị C" },
    { kind: "guest", id: guestId, name: "Trần Văn Khách" },
  ];

  it("picks a member or a guest, with the name written in the minutes", () => {
    const member = withSpeaker(newOpinion(), `member:${memberId}`, speakers);
    expect(member).toMatchObject({
      speakerMemberId: memberId,
      speakerGuestId: null,
      speakerName: "Nguyễn Thị C",
    });
    expect(speakerValue(member)).toBe(`member:${memberId}`);
    const guest = withSpeaker(member, `guest:${guestId}`, speakers);
    expect(guest).toMatchObject({ speakerMemberId: null, speakerGuestId: guestId });
    expect(speakerValue(guest)).toBe(`guest:${guestId}`);
  });

  it("a typed name keeps what was typed, and drops a name that came from the list", () => {
    const typed: OpinionDto = { ...newOpinion(), speakerName: "Bà Tổ trưởng" };
    expect(speakerValue(typed)).toBe("typed");
    expect(withSpeaker(typed, "typed", speakers).speakerName).toBe("Bà Tổ trưởng");
    const picked = withSpeaker(newOpinion(), `member:${memberId}`, speakers);
    expect(withSpeaker(picked, "typed", speakers)).toMatchObject({
      speakerMemberId: null,
      speakerName: "",
    });
    expect(speakerValue(newOpinion())).toBe("");
  });
});

describe("toSaveInput", () => {
  it("is what the contract's autosave accepts", () => {
    const opinion = { ...newOpinion(), speakerName: "Nguyễn Thị C", text: "Đồng ý" };
    const input = toSaveInput(
      copy({ items: [{ ...emptyItem("Báo cáo"), opinions: [opinion] }] }),
      3,
    );
    expect(minutesSaveInput.safeParse(input).success).toBe(true);
    expect(input.rev).toBe(3);
  });

  it("an opinion without its speaker is refused by the contract (kept on the device instead)", () => {
    const input = toSaveInput(
      copy({ items: [{ ...emptyItem("A"), opinions: [newOpinion()] }] }),
      0,
    );
    const parsed = minutesSaveInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([
      "content",
      "items",
      0,
      "opinions",
      0,
      "speakerName",
    ]);
  });
});

describe("speakersOf", () => {
  it("lists members present first, then the others, then guests", () => {
    const [a, b, c, g] = [newId(), newId(), newId(), newId()];
    const speakers = speakersOf({
      entries: [
        { memberId: a, fullName: "An", status: "absent_excused" },
        { memberId: b, fullName: "Bình", status: "present" },
        { memberId: c, fullName: "Chi", status: "late" },
      ],
      guests: [{ id: g, name: "Khách" }],
    });
    expect(speakers.map((s) => `${s.kind}:${s.name}`)).toEqual([
      "member:Bình",
      "member:Chi",
      "member:An",
      "guest:Khách",
    ]);
    expect(speakersOf(undefined)).toEqual([]);
  });
});
