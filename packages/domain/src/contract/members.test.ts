import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits.js";
import {
  createMemberInput,
  exemptionInput,
  leaveInput,
  listMembersQuery,
  positionInput,
  transferInput,
  updateMemberInput,
} from "./members.js";
import { issuePaths, issuesOf } from "./test-helpers.js";

const UNIT = "0b6c5a0e-8a3c-4f5e-9d2a-1f2e3d4c5b6a";
const OTHER_UNIT = "7d1f0c2e-3b4a-4c5d-8e6f-a1b2c3d4e5f6";

const valid = {
  unitId: UNIT,
  fullName: "Nguyễn Văn An",
  gender: "male",
  birthDate: "1990-05-20",
  joinDate: "2020-03-15",
} as const;

const OPTIONAL_TEXTS = [
  "birthName",
  "ethnicity",
  "religion",
  "hometown",
  "education",
  "politicalTheory",
  "qualification",
  "occupation",
  "phone",
  "notes",
] as const;

describe("createMemberInput", () => {
  it("accepts the required fields alone", () => {
    expect(createMemberInput.parse(valid)).toEqual(valid);
  });

  it("accepts a full register entry", () => {
    const full = {
      ...valid,
      birthName: "Nguyễn Văn Ân",
      gender: "female",
      ethnicity: "Kinh",
      religion: "Không",
      hometown: "Quảng Bình",
      education: "12/12",
      politicalTheory: "Trung cấp",
      qualification: "Cử nhân",
      occupation: "Giáo viên",
      phone: "0912 345 678",
      email: "an@example.vn",
      officialDate: "2021-03-15",
      cardNumber: "79.012345",
      notes: "Chuyển đến từ chi bộ khác",
    };
    expect(createMemberInput.parse(full)).toEqual(full);
  });

  it("rejects an unknown field and names it", () => {
    const result = createMemberInput.safeParse({ ...valid, nickname: "Bé" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["nickname"], path: [] }),
    ]);
  });

  it("rejects a missing required field at its path", () => {
    const { fullName: _omitted, ...rest } = valid;
    expect(issuesOf(createMemberInput, rest)).toEqual([
      expect.objectContaining({ path: "fullName", code: "invalid_type" }),
    ]);
  });

  describe.each(["birthDate", "joinDate", "officialDate"] as const)("%s", (field) => {
    it.each(["2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31"])(
      "rejects the impossible date %s at the field, once",
      (date) => {
        expect(issuesOf(createMemberInput, { ...valid, [field]: date })).toEqual([
          { path: field, code: "custom", message: "Ngày không tồn tại" },
        ]);
      },
    );

    it("rejects a malformed date at the field, once", () => {
      expect(issuesOf(createMemberInput, { ...valid, [field]: "15/03/2020" })).toEqual([
        { path: field, code: "invalid_format", message: "Ngày phải có dạng YYYY-MM-DD" },
      ]);
    });
  });

  it("accepts 29/02 of a leap year", () => {
    const leap = {
      ...valid,
      birthDate: "2000-02-29",
      joinDate: "2024-02-29",
      officialDate: "2024-02-29",
    };
    expect(createMemberInput.parse(leap)).toEqual(leap);
  });

  it.each([
    ["before", "1989-12-31"],
    ["on", "1990-05-20"],
  ])("rejects a join date %s the birth date at joinDate", (_when, joinDate) => {
    expect(issuesOf(createMemberInput, { ...valid, joinDate })).toEqual([
      { path: "joinDate", code: "custom", message: "Ngày vào Đảng phải sau ngày sinh" },
    ]);
  });

  it("rejects an official date before the join date at officialDate", () => {
    expect(issuesOf(createMemberInput, { ...valid, officialDate: "2020-03-14" })).toEqual([
      {
        path: "officialDate",
        code: "custom",
        message: "Ngày chính thức không được trước ngày vào Đảng",
      },
    ]);
  });

  it("accepts an official date on the join date, and no official date", () => {
    expect(createMemberInput.safeParse({ ...valid, officialDate: valid.joinDate }).success).toBe(
      true,
    );
    expect(createMemberInput.parse({ ...valid, officialDate: null }).officialDate).toBeNull();
  });

  it("does not compare a date that is itself invalid", () => {
    expect(issuePaths(createMemberInput, { ...valid, birthDate: "2024-13-01" })).toEqual([
      "birthDate",
    ]);
    expect(
      issuePaths(createMemberInput, { ...valid, birthDate: "abc", joinDate: "2020-01-01" }),
    ).toEqual(["birthDate"]);
    expect(
      issuePaths(createMemberInput, {
        ...valid,
        joinDate: "2020-02-30",
        officialDate: "2020-01-01",
      }),
    ).toEqual(["joinDate"]);
  });

  it("limits the full name to LIMITS.name characters after trimming", () => {
    const longest = "A".repeat(LIMITS.name);
    expect(createMemberInput.parse({ ...valid, fullName: `  ${longest}  ` }).fullName).toBe(
      longest,
    );
    expect(issuesOf(createMemberInput, { ...valid, fullName: `${longest}A` })).toEqual([
      { path: "fullName", code: "too_big", message: `Tối đa ${LIMITS.name} ký tự` },
    ]);
  });

  it("rejects a blank full name", () => {
    expect(issuesOf(createMemberInput, { ...valid, fullName: " \t " })).toEqual([
      { path: "fullName", code: "too_small", message: "Không được để trống" },
    ]);
  });

  it("trims text", () => {
    const parsed = createMemberInput.parse({
      ...valid,
      fullName: "  Nguyễn Văn An ",
      hometown: "\tQuảng Trị  ",
      cardNumber: " 123456 ",
    });
    expect(parsed.fullName).toBe("Nguyễn Văn An");
    expect(parsed.hometown).toBe("Quảng Trị");
    expect(parsed.cardNumber).toBe("123456");
  });

  it("turns every empty optional text into null", () => {
    const blank = Object.fromEntries(OPTIONAL_TEXTS.map((k, i) => [k, i % 2 === 0 ? "" : "   "]));
    const parsed = createMemberInput.parse({ ...valid, ...blank, email: "", cardNumber: "" });
    for (const key of [...OPTIONAL_TEXTS, "email", "cardNumber"] as const) {
      expect(parsed[key], key).toBeNull();
    }
  });

  it.each([
    ["email", "not-an-email"],
    ["email", "an@"],
    ["cardNumber", "12 34"],
    ["cardNumber", "số-1"],
    ["cardNumber", "1".repeat(LIMITS.cardNumber + 1)],
    ["phone", "0".repeat(31)],
    ["hometown", "x".repeat(LIMITS.shortText + 1)],
    ["notes", "x".repeat(LIMITS.longText + 1)],
    ["gender", "other"],
    ["unitId", "not-a-uuid"],
  ])("rejects %s %j at its path", (field, value) => {
    expect(issuePaths(createMemberInput, { ...valid, [field]: value })).toEqual([field]);
  });

  it.each([
    ["cardNumber", "AB-12.3"],
    ["cardNumber", "1".repeat(LIMITS.cardNumber)],
    ["phone", "0".repeat(30)],
    ["notes", "x".repeat(LIMITS.longText)],
  ])("accepts %s %j", (field, value) => {
    expect(createMemberInput.safeParse({ ...valid, [field]: value }).success).toBe(true);
  });

  it("leaves card number uniqueness to the service: the same number parses for two members", () => {
    const a = createMemberInput.safeParse({ ...valid, cardNumber: "79.000001" });
    const b = createMemberInput.safeParse({
      ...valid,
      unitId: OTHER_UNIT,
      fullName: "Trần Thị Bình",
      cardNumber: "79.000001",
    });
    expect(a.success && b.success).toBe(true);
  });

  it("reports every issue at once", () => {
    expect(
      issuePaths(createMemberInput, { ...valid, fullName: "x".repeat(121), gender: "x" }),
    ).toEqual(["fullName", "gender"]);
    expect(
      issuesOf(createMemberInput, {
        ...valid,
        extra: true,
        phone: "0".repeat(31),
        joinDate: "1980-01-01",
        officialDate: "1979-12-31",
      }).map((i) => `${i.path}:${i.code}`),
    ).toEqual(["phone:too_big", ":unrecognized_keys", "joinDate:custom", "officialDate:custom"]);
  });

  it("does not let a bad date hide a date-order issue elsewhere", () => {
    expect(
      issuePaths(createMemberInput, { ...valid, birthDate: "abcd", officialDate: "2019-01-01" }),
    ).toEqual(["birthDate", "officialDate"]);
    expect(
      issuePaths(createMemberInput, {
        ...valid,
        officialDate: "2020-13-01",
        joinDate: "1980-01-01",
      }),
    ).toEqual(["officialDate", "joinDate"]);
  });

  it("does not let a field of the wrong type hide a date-order issue", () => {
    expect(
      issuePaths(createMemberInput, {
        ...valid,
        religion: 42,
        gender: null,
        joinDate: "1980-01-01",
      }),
    ).toEqual(["gender", "religion", "joinDate"]);
    expect(
      issuePaths(exemptionInput, { from: "2024-05-01", to: "2024-01-01", reason: ["x"] }),
    ).toEqual(["reason", "to"]);
  });

  it.each([null, "member", 42, []])("rejects %j as a whole, without crashing", (input) => {
    expect(issuesOf(createMemberInput, input)).toEqual([
      expect.objectContaining({ path: "", code: "invalid_type" }),
    ]);
  });

  /** Ways to break a field that is not a date, each reported at the path given. */
  const BREAKERS: Record<string, { path: string; value: unknown }> = {
    unitId: { path: "unitId", value: "123" },
    fullName: { path: "fullName", value: "x".repeat(LIMITS.name + 1) },
    birthName: { path: "birthName", value: "x".repeat(LIMITS.name + 1) },
    gender: { path: "gender", value: "unknown" },
    religion: { path: "religion", value: 42 },
    phone: { path: "phone", value: "0".repeat(31) },
    email: { path: "email", value: "an at example" },
    cardNumber: { path: "cardNumber", value: "12 34" },
    notes: { path: "notes", value: "x".repeat(LIMITS.longText + 1) },
    nickname: { path: "", value: "Bé" },
  };
  const BIRTH = { ok: "1990-05-20", bad: "2023-02-29" };
  const JOIN = { ok: "2020-03-15", bad: "2024-13-01", early: "1980-01-01" };
  const OFFICIAL = { ok: "2021-03-15", bad: "20240101", early: "1970-01-01" };

  it("reports each broken field once, and only those (property)", () => {
    fc.assert(
      fc.property(
        fc.subarray(Object.keys(BREAKERS)),
        fc.constantFrom("ok" as const, "bad" as const),
        fc.constantFrom("ok" as const, "bad" as const, "early" as const),
        fc.constantFrom("ok" as const, "bad" as const, "early" as const),
        (broken, birth, join, official) => {
          const input: Record<string, unknown> = {
            ...valid,
            birthDate: BIRTH[birth],
            joinDate: JOIN[join],
            officialDate: OFFICIAL[official],
          };
          for (const key of broken) input[key] = BREAKERS[key]?.value;
          // A date is reported when it is bad, or out of order with a date that is itself good.
          const expected = [
            ...broken.map((k) => BREAKERS[k]?.path),
            ...(birth === "bad" ? ["birthDate"] : []),
            ...(join === "bad" || (join === "early" && birth === "ok") ? ["joinDate"] : []),
            ...(official === "bad" || (official === "early" && join !== "bad")
              ? ["officialDate"]
              : []),
          ];
          const paths = issuePaths(createMemberInput, input);
          expect([...paths].sort()).toEqual([...expected].sort());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("updateMemberInput", () => {
  it("needs only the version", () => {
    expect(updateMemberInput.parse({ version: 3 })).toEqual({ version: 3 });
    expect(issuePaths(updateMemberInput, {})).toEqual(["version"]);
    expect(issuePaths(updateMemberInput, { version: 1.5 })).toEqual(["version"]);
  });

  it("checks the fields it is given like createMemberInput does", () => {
    expect(updateMemberInput.parse({ version: 1, fullName: " Lê Văn Ân ", notes: "" })).toEqual({
      version: 1,
      fullName: "Lê Văn Ân",
      notes: null,
    });
    expect(issuePaths(updateMemberInput, { version: 1, fullName: "" })).toEqual(["fullName"]);
    expect(issuePaths(updateMemberInput, { version: 1, birthDate: "2023-02-29" })).toEqual([
      "birthDate",
    ]);
    expect(issuePaths(updateMemberInput, { version: 1, unitId: UNIT })).toEqual([""]);
  });

  it("checks date order when both dates are given", () => {
    expect(
      issuePaths(updateMemberInput, {
        version: 1,
        birthDate: "2000-01-01",
        joinDate: "1999-01-01",
      }),
    ).toEqual(["joinDate"]);
    expect(
      issuePaths(updateMemberInput, {
        version: 1,
        joinDate: "2020-01-01",
        officialDate: "2019-01-01",
      }),
    ).toEqual(["officialDate"]);
    expect(updateMemberInput.safeParse({ version: 1, joinDate: "1999-01-01" }).success).toBe(true);
  });
});

describe("exemptionInput and positionInput", () => {
  const exemption = { from: "2024-01-01", to: "2024-06-30", reason: "Tuổi cao" };
  const position = { unitId: UNIT, title: "secretary", from: "2024-01-01", to: "2024-06-30" };

  it("accept a period, open-ended or of one day", () => {
    for (const to of ["2024-06-30", "2024-01-01", null, undefined]) {
      expect(exemptionInput.safeParse({ ...exemption, to }).success, String(to)).toBe(true);
      expect(positionInput.safeParse({ ...position, to }).success, String(to)).toBe(true);
    }
  });

  it("reject an end before the start at to", () => {
    const message = "Ngày kết thúc không được trước ngày bắt đầu";
    expect(issuesOf(exemptionInput, { ...exemption, to: "2023-12-31" })).toEqual([
      { path: "to", code: "custom", message },
    ]);
    expect(issuesOf(positionInput, { ...position, to: "2023-12-31" })).toEqual([
      { path: "to", code: "custom", message },
    ]);
  });

  it("report a bad start at from only, together with other issues", () => {
    expect(issuePaths(exemptionInput, { ...exemption, from: "2024-02-30", reason: " " })).toEqual([
      "from",
      "reason",
    ]);
    expect(issuePaths(positionInput, { ...position, from: "abc", title: "chair" })).toEqual([
      "title",
      "from",
    ]);
  });
});

describe("transferInput and leaveInput", () => {
  it("accept a move and a departure, with an empty note as null", () => {
    expect(transferInput.parse({ toUnitId: UNIT, date: "2024-05-01", note: " " })).toEqual({
      toUnitId: UNIT,
      date: "2024-05-01",
      note: null,
    });
    for (const kind of ["transferred_out", "deceased", "removed", "expelled"]) {
      expect(leaveInput.safeParse({ kind, date: "2024-05-01" }).success, kind).toBe(true);
    }
  });

  it("reject an unknown kind and a bad date together", () => {
    expect(issuePaths(leaveInput, { kind: "retired", date: "2024-02-30" })).toEqual([
      "kind",
      "date",
    ]);
  });
});

describe("listMembersQuery", () => {
  it("reads the query string", () => {
    expect(listMembersQuery.parse({ q: "  nguyễn ", status: "left", page: "2" })).toEqual({
      q: "nguyễn",
      status: "left",
      page: 2,
      pageSize: LIMITS.pageSizeDefault,
    });
  });

  it("rejects an unknown status and an over-long search together", () => {
    expect(
      issuePaths(listMembersQuery, {
        status: "dead",
        q: "x".repeat(LIMITS.name + 1),
        exempt: "maybe",
      }),
    ).toEqual(["q", "status", "exempt"]);
  });
});
