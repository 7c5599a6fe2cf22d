import type { MemberDto, MemberSummaryDto, PositionTitle } from "@chibo/domain";
import type { MemberRow } from "./members.repository.js";

interface SummaryRow {
  id: string;
  unitId: string;
  unitName: string;
  fullName: string;
  gender: MemberRow["gender"];
  status: MemberRow["status"];
  birthDate: string | null;
  cardNumber: string | null;
  leftOn: string | null;
  leaveKind: MemberRow["leaveKind"];
  exempt: boolean;
  positions: string[] | null;
}

/** List rows; birth year and card number only for callers allowed to read private data. */
export function presentMemberSummary(r: SummaryRow, showPrivate: boolean): MemberSummaryDto {
  return {
    id: r.id,
    unitId: r.unitId,
    unitName: r.unitName,
    fullName: r.fullName,
    gender: r.gender,
    status: r.status,
    active: r.leftOn === null,
    exempt: r.exempt,
    leaveKind: r.leaveKind,
    birthYear: showPrivate && r.birthDate ? Number(r.birthDate.slice(0, 4)) : null,
    cardNumber: showPrivate ? r.cardNumber : null,
    positions: (r.positions ?? []) as PositionTitle[],
  };
}

export function presentMember(
  m: MemberRow,
  extra: {
    unitName: string;
    exemptions: { id: string; fromDate: string; toDate: string | null; reason: string }[];
    positions: {
      id: string;
      unitId: string;
      unitName: string;
      title: PositionTitle;
      fromDate: string;
      toDate: string | null;
    }[];
  },
  can: { write: boolean; readPrivate: boolean },
): MemberDto {
  const showPrivate = can.readPrivate;
  const priv = <T>(v: T): T | null => (showPrivate ? v : null);
  return {
    id: m.id,
    unitId: m.unitId,
    unitName: extra.unitName,
    fullName: m.fullName,
    birthName: m.birthName,
    gender: m.gender,
    birthDate: priv(m.birthDate),
    ethnicity: m.ethnicity,
    religion: m.religion,
    hometown: priv(m.hometown),
    education: m.education,
    politicalTheory: m.politicalTheory,
    qualification: m.qualification,
    occupation: m.occupation,
    phone: priv(m.phone),
    email: priv(m.email),
    joinDate: m.joinDate,
    officialDate: m.officialDate,
    cardNumber: priv(m.cardNumber),
    notes: priv(m.notes),
    status: m.status,
    active: m.leftOn === null,
    leftOn: m.leftOn,
    leaveKind: m.leaveKind,
    exemptions: showPrivate
      ? extra.exemptions.map((e) => ({
          id: e.id,
          from: e.fromDate,
          to: e.toDate,
          reason: e.reason,
        }))
      : [],
    positions: extra.positions.map((p) => ({
      id: p.id,
      unitId: p.unitId,
      unitName: p.unitName,
      title: p.title,
      from: p.fromDate,
      to: p.toDate,
    })),
    version: m.version,
    can,
  };
}
