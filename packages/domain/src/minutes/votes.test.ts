import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { voteOutcome, voteProblems } from "./votes.js";

const ctx = { votingBody: 18, officialPresent: 16, quorum: true };

describe("voteProblems", () => {
  it("accepts a tally within the official members present", () => {
    expect(voteProblems({ approve: 14, against: 1, other: 1 }, ctx)).toEqual([]);
  });

  it("refuses more ballots than official members present, naming the field", () => {
    const problems = voteProblems({ approve: 15, against: 1, other: 1 }, ctx);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("approve");
    expect(problems[0]?.message).toContain("17");
  });

  it("refuses negative and fractional counts, each at its field", () => {
    expect(voteProblems({ approve: -1, against: 0.5, other: 0 }, ctx).map((p) => p.path)).toEqual([
      "approve",
      "against",
    ]);
  });

  it("never accepts a tally above those present (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(50),
        fc.nat(50),
        fc.nat(50),
        fc.nat(60),
        (approve, against, other, officialPresent) => {
          const ok =
            voteProblems({ approve, against, other }, { ...ctx, officialPresent }).length === 0;
          expect(ok).toBe(approve + against + other <= officialPresent);
        },
      ),
    );
  });
});

describe("voteOutcome", () => {
  it("adopts with more than half of the voting body (Charter)", () => {
    expect(voteOutcome({ approve: 10, against: 0, other: 0 }, ctx)).toBe("adopted");
    expect(voteOutcome({ approve: 9, against: 0, other: 0 }, ctx)).toBe("rejected");
  });

  it("adopts nothing without quorum, whatever the tally", () => {
    expect(voteOutcome({ approve: 16, against: 0, other: 0 }, { ...ctx, quorum: false })).toBe(
      "no_quorum",
    );
  });

  it("is monotone in approvals (property)", () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.integer({ min: 1, max: 40 }), (a, extra, body) => {
        const c = { votingBody: body, officialPresent: 80, quorum: true };
        const before = voteOutcome({ approve: a, against: 0, other: 0 }, c);
        const after = voteOutcome({ approve: a + extra, against: 0, other: 0 }, c);
        if (before === "adopted") expect(after).toBe("adopted");
      }),
    );
  });
});
