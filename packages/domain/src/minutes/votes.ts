// Votes on a resolution or conclusion (Charter; 24-QĐ/TW §9.3.2), checked against the attendance record.

import type { ErrorDetail } from "../errors.js";

export interface VoteTally {
  /** tán thành */
  approve: number;
  /** không tán thành */
  against: number;
  /** ý kiến khác */
  other: number;
}

export interface VoteContext {
  /** The voting body of the meeting (attendance.ts votingBody): official members counted for votes. */
  votingBody: number;
  /** Official members present: the most ballots there can be (probationary members do not vote). */
  officialPresent: number;
  /** Whether the meeting had its quorum (attendance.ts hasQuorum). */
  quorum: boolean;
}

/**
 * Charter: only official members vote, so the tally cannot exceed the official members present; every
 * count is a whole number ≥ 0. Paths name the tally's fields.
 */
export function voteProblems(tally: VoteTally, ctx: VoteContext): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const key of ["approve", "against", "other"] as const) {
    const n = tally[key];
    if (!Number.isInteger(n) || n < 0) {
      problems.push({ path: key, message: "Số phiếu phải là số nguyên không âm" });
    }
  }
  if (problems.length > 0) return problems;
  const total = tally.approve + tally.against + tally.other;
  if (total > ctx.officialPresent) {
    problems.push({
      path: "approve",
      message: `Tổng số phiếu (${String(total)}) vượt số đảng viên chính thức có mặt (${String(ctx.officialPresent)})`,
    });
  }
  return problems;
}

export const VOTE_OUTCOMES = ["adopted", "rejected", "no_quorum"] as const;
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];

/**
 * Charter: a resolution is valid only when more than half of the voting body approves; without the
 * meeting's quorum nothing is adopted, whatever the tally.
 */
export function voteOutcome(tally: VoteTally, ctx: VoteContext): VoteOutcome {
  if (!ctx.quorum) return "no_quorum";
  return ctx.votingBody > 0 && 2 * tally.approve > ctx.votingBody ? "adopted" : "rejected";
}
