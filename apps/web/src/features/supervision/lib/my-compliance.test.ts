import type { VisitDto } from "@chibo/domain";
import { describe, expect, it } from "vitest";
import { myCompliance, visitDay } from "./my-compliance";

const CELL_A = "00000000-0000-4000-8000-00000000000a";
const CELL_B = "00000000-0000-4000-8000-00000000000b";

function visit(over: Partial<VisitDto>): VisitDto {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    state: "planned",
    visitorUserId: "00000000-0000-4000-8000-000000000002",
    visitorName: "Lê Đức Tài",
    unitId: CELL_A,
    unitName: "Chi bộ A",
    meetingDay: 3,
    meetingTime: "14:00",
    meetingPlace: null,
    plannedOn: "2026-11-03",
    meeting: null,
    attendedAt: null,
    cancelledReason: null,
    reportDueOn: "2026-11-06",
    overdue: false,
    reportedOn: null,
    report: null,
    ...over,
  };
}

const assigned = (unitId: string, unitName: string, startsOn = "2026-01-01") => ({
  unitId,
  unitName,
  startsOn,
  endsOn: null,
  visitsPerQuarter: 1,
});

describe("myCompliance", () => {
  it("counts attended and reported visits of the quarter against each assignment", () => {
    const rows = myCompliance(
      [assigned(CELL_A, "Chi bộ A"), assigned(CELL_B, "Chi bộ B")],
      [
        visit({ state: "reported", reportedOn: "2026-11-05" }),
        visit({ state: "attended", plannedOn: "2026-10-03" }),
        visit({ state: "reported", reportedOn: "2026-11-09" }),
        visit({ state: "planned", unitId: CELL_B, unitName: "Chi bộ B" }),
        visit({ state: "cancelled", unitId: CELL_B, unitName: "Chi bộ B" }),
        // Another quarter does not count.
        visit({ state: "reported", plannedOn: "2026-09-03", reportedOn: "2026-09-04" }),
      ],
      2026,
      4,
    );
    expect(rows).toEqual([
      {
        unitId: CELL_A,
        unitName: "Chi bộ A",
        required: 1,
        attended: 3,
        reported: 2,
        reportedOnTime: 1,
        met: true,
      },
      {
        unitId: CELL_B,
        unitName: "Chi bộ B",
        required: 1,
        attended: 0,
        reported: 0,
        reportedOnTime: 0,
        met: false,
      },
    ]);
  });

  it("requires nothing of an assignment that starts after the quarter", () => {
    expect(myCompliance([assigned(CELL_A, "Chi bộ A", "2027-01-01")], [], 2026, 4)).toEqual([]);
  });

  it("counts a visit by its meeting's date, else the planned date", () => {
    const meeting = {
      id: "00000000-0000-4000-8000-000000000003",
      kind: "regular" as const,
      status: "held" as const,
      date: "2026-12-03",
      startTime: null,
      place: null,
    };
    expect(visitDay(visit({ meeting }))).toBe("2026-12-03");
    expect(visitDay(visit({}))).toBe("2026-11-03");
  });
});
