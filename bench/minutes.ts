// Minutes: the minute-taker's autosave of a 20,000-character draft (target p99 < 30 ms on
// PostgreSQL), and the .docx export of a meeting with 40 opinions and 10 tasks (< 300 ms each; 100
// exports in a row keep the server under 300 MB). Both against GET /api/health measured in the same run.
import { fmt, percentile, rssMb, type Child } from "./lib.js";

type Line = (label: string, value: string, target: string) => void;

interface Entry {
  memberId: string;
  memberStatus: "official" | "probationary";
}

async function call(
  child: Child,
  cookie: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; serverMs: number | null }> {
  const res = await fetch(`${child.url}/api/v1${url}`, {
    method,
    headers: body === undefined ? { cookie } : { cookie, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const m = /dur=([\d.]+)/u.exec(res.headers.get("server-timing") ?? "");
  const json: unknown = text === "" ? null : JSON.parse(text);
  if (res.status >= 400)
    throw new Error(`${method} ${url} → ${String(res.status)} ${text.slice(0, 400)}`);
  return { status: res.status, json, serverMs: m?.[1] ? Number(m[1]) : null };
}

function vnToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** 40 opinions of 500 characters spread over the discussion items: 20,000 characters of text. */
function draftContent(
  items: { agendaItemId: string | null; title: string; presenter: string | null }[],
  speakers: readonly string[],
  round: number,
) {
  const sentence =
    "Đồng chí phát biểu thống nhất với báo cáo, đề nghị chi ủy làm rõ nguyên nhân chậm tiến độ, giao rõ người phụ trách và thời hạn. ";
  const text = (i: number) => `${String(round)}-${String(i)} ${sentence.repeat(5)}`.slice(0, 500);
  const body = items.map((it) => ({
    ...it,
    summary: "",
    opinions: [] as unknown[],
    conclusion: "",
  }));
  for (let i = 0; i < 40; i++) {
    const speaker = speakers[i % speakers.length] ?? null;
    body[i % body.length]?.opinions.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      speakerMemberId: speaker,
      speakerGuestId: null,
      speakerName: `Đồng chí số ${String(i % speakers.length)}`,
      text: text(i),
    });
  }
  return { place: "Hội trường", opening: "", items: body, other: "" };
}

export async function minutesScenario(
  child: Child,
  cookie: string,
  line: Line,
  label: string,
  /** The memory target applies to PostgreSQL; PGlite's process also holds the database. */
  targetMb: number | null,
): Promise<Record<string, unknown>> {
  const cells = await call(child, cookie, "GET", "/units/options?kind=cell");
  const unitId = (cells.json as { items: { id: string }[] }).items[0]?.id;
  if (unitId === undefined) throw new Error("no cell");
  const meeting = await call(child, cookie, "POST", "/meetings", {
    unitId,
    kind: "extraordinary",
    date: vnToday(),
    startTime: "07:30",
    topic: "Đo thời gian ghi biên bản",
  });
  const id = (meeting.json as { id: string }).id;
  await call(child, cookie, "POST", `/meetings/${id}/open`, {});
  await call(child, cookie, "POST", `/meetings/${id}/attendance/all-present`, {});
  const att = await call(child, cookie, "GET", `/meetings/${id}/attendance`);
  const entries = (att.json as { entries: Entry[] }).entries;
  const official = entries.filter((e) => e.memberStatus === "official").map((e) => e.memberId);
  const everyone = entries.map((e) => e.memberId);
  const minutes = (await call(child, cookie, "GET", `/meetings/${id}/minutes`)).json as {
    rev: number;
    content: { items: { agendaItemId: string | null; title: string; presenter: string | null }[] };
  };
  const items = minutes.content.items.map((i) => ({
    agendaItemId: i.agendaItemId,
    title: i.title,
    presenter: i.presenter,
  }));
  let rev = minutes.rev;
  const chairMemberId = official[0] ?? null;
  const minuteTakerMemberId = official[1] ?? everyone[1] ?? null;

  // Autosave: sequential, as one phone sends them, each a new revision of the whole 20,000 characters.
  const saves: number[] = [];
  const SAVES = 300;
  for (let i = 0; i < SAVES + 20; i++) {
    const res = await call(child, cookie, "PUT", `/meetings/${id}/minutes`, {
      rev,
      chairMemberId,
      minuteTakerMemberId,
      content: draftContent(items, everyone, i),
    });
    rev = (res.json as { rev: number }).rev;
    if (i >= 20 && res.serverMs !== null) saves.push(res.serverMs);
  }
  saves.sort((a, b) => a - b);
  const health: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const res = await fetch(`${child.url}/api/health`);
    await res.arrayBuffer();
    const m = /dur=([\d.]+)/u.exec(res.headers.get("server-timing") ?? "");
    if (m?.[1]) health.push(Number(m[1]));
  }
  health.sort((a, b) => a - b);
  const p99 = percentile(saves, 99);
  line(
    `[${label}] minutes autosave, 20,000 characters, p99 server (${String(SAVES)} saves)`,
    `${fmt(p99)} ms (p50 ${fmt(percentile(saves, 50))}; /api/health p99 ${fmt(percentile(health, 99), 2)} ms → ratio ${fmt(p99 / percentile(health, 99))}×)`,
    "< 30 ms",
  );

  // The meeting's substance: a resolution with its vote and 10 tasks, then close it.
  const resolution = await call(child, cookie, "POST", `/meetings/${id}/resolutions`, {
    kind: "resolution",
    title: "Nghị quyết phiên họp đo thời gian",
    content: "Chi bộ thống nhất các nhiệm vụ sau.",
  });
  const resolutionId = (resolution.json as { id: string }).id;
  await call(child, cookie, "PUT", `/resolutions/${resolutionId}/vote`, {
    approve: official.length,
    against: 0,
    other: 0,
  });
  const due = new Date(Date.now() + 20 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  for (let i = 0; i < 10; i++) {
    await call(child, cookie, "POST", `/resolutions/${resolutionId}/tasks`, {
      title: `Nhiệm vụ số ${String(i + 1)}: hoàn thành báo cáo chuyên đề và gửi chi ủy`,
      dueDate: due,
      assigneeMemberIds: [everyone[i % everyone.length]],
    });
  }
  await call(child, cookie, "POST", `/meetings/${id}/close`, {});

  const pid = child.proc.pid ?? 0;
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const exports: number[] = [];
  const client: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    const res = await fetch(`${child.url}/api/v1/meetings/${id}/minutes/export.docx`, {
      headers: { cookie },
    });
    const buf = await res.arrayBuffer();
    client.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`export → ${String(res.status)}`);
    bytes = buf.byteLength;
    const m = /dur=([\d.]+)/u.exec(res.headers.get("server-timing") ?? "");
    if (m?.[1]) exports.push(Number(m[1]));
  }
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(pid));
  exports.sort((a, b) => a - b);
  client.sort((a, b) => a - b);
  const e95 = percentile(exports, 95);
  const eMax = exports.at(-1) ?? 0;
  line(
    `[${label}] .docx export, 40 opinions + 10 tasks, p95 / max server (100 in a row)`,
    `${fmt(e95)} / ${fmt(eMax)} ms (client p95 ${fmt(percentile(client, 95))} ms; ${fmt(bytes / 1024, 0)} KB; ratio to /api/health ${fmt(e95 / percentile(health, 95))}×)`,
    "< 300 ms",
  );
  line(
    `[${label}]   server RSS before → peak during the exports`,
    `${fmt(before, 0)} → ${fmt(peak, 0)} MB`,
    targetMb === null ? "" : `< ${String(targetMb)} MB`,
  );
  return {
    autosave: {
      serverP50: percentile(saves, 50),
      serverP99: p99,
      baselineHealthP99: percentile(health, 99),
      targetMs: 30,
    },
    export: {
      serverP50: percentile(exports, 50),
      serverP95: e95,
      serverMax: eMax,
      clientP95: percentile(client, 95),
      bytes,
      rssBeforeMb: before,
      rssPeakMb: peak,
      targetMs: 300,
      targetMb,
    },
  };
}
