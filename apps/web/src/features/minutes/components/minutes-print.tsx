import type { MinutesDto } from "@chibo/domain";
import { Button, Group } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import { IconArrowLeft, IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { NotFound } from "@/components/ui/not-found";
import { PageLoader } from "@/components/ui/page-loader";
import { isApiError } from "@/lib/api-client";
import { formatDate, formatDateTime, formatTime } from "@/lib/format";
import { useMinutes } from "../api/get-minutes";
import { periodOf, romanNumeral, speakerLine, vietnameseDateLine } from "../lib/document-format";
import { taskHolders } from "./labels";
import classes from "./minutes-print.module.css";

/**
 * The minutes as printed for the minutes book, in the Party layout (documents.md). The document is in
 * Vietnamese whatever the interface language, like the .docx export; only the buttons follow the user.
 */
export function MinutesPrint({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { data: minutes, isPending, error } = useMinutes(meetingId);
  useDocumentTitle(`${t("minutes.tabs.minutes")} · chibo`);
  if (isPending) return <PageLoader />;
  if (error) {
    if (isApiError(error) && error.status === 404) return <NotFound />;
    if (isApiError(error) && error.status === 403) {
      return <ErrorAlert error={null} message={t("minutes.view.unsigned_text")} />;
    }
    return <ErrorAlert error={error} />;
  }
  return (
    <>
      <Group justify="space-between" mb="md" data-print-hidden>
        <Button
          component={Link}
          to={`/meetings/${encodeURIComponent(meetingId)}?tab=minutes`}
          variant="subtle"
          leftSection={<IconArrowLeft size={16} />}
        >
          {t("minutes.print.back")}
        </Button>
        <Button
          size="md"
          leftSection={<IconPrinter size={18} />}
          onClick={() => {
            window.print();
          }}
        >
          {t("minutes.print.button")}
        </Button>
      </Group>
      <MinutesDocument minutes={minutes} />
    </>
  );
}

function MinutesDocument({ minutes }: { minutes: MinutesDto }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT("vi");
  const { content, attendance } = minutes;
  const { counts } = attendance;
  const period = periodOf(minutes.meetingDate);
  const dateLine = vietnameseDateLine(minutes.meetingDate);
  const names = (list: readonly string[]) => list.join(", ");
  const signed = minutes.state === "signed";
  const officialVoters = attendance.officialPresent;
  // Parts are numbered I, II, III… in the order they appear.
  const hasOpening = content.opening.trim() !== "";
  const itemPart = (i: number) => romanNumeral((hasOpening ? 1 : 0) + i + 1);
  const afterItems = (hasOpening ? 1 : 0) + content.items.length;
  const reviewPart = afterItems + 1;
  const resolutionsPart = afterItems + (minutes.reviews.length > 0 ? 1 : 0) + 1;
  const otherPart = resolutionsPart + (minutes.resolutions.length > 0 ? 1 : 0);

  return (
    <article className={classes.page} lang="vi" data-testid="minutes-print">
      {!signed && <p className={classes.draft}>{t("minutes.print.draft_notice")}</p>}
      <div className={classes.header}>
        <div>
          {minutes.superiorName && <p className={classes.superior}>{minutes.superiorName}</p>}
          <p className={classes.issuer}>{minutes.unitName}</p>
          <p>*</p>
        </div>
        <div>
          <p>
            <span className={classes.party}>{t("minutes.print.party")}</span>
          </p>
          <p className={classes.placeDate}>
            {minutes.locality
              ? `${minutes.locality}, ${dateLine}`
              : dateLine.charAt(0).toUpperCase() + dateLine.slice(1)}
          </p>
        </div>
      </div>

      <p className={classes.title}>{t("minutes.print.title")}</p>
      <p className={classes.subtitle}>{t(`minutes.print.subtitle.${minutes.meetingKind}`)}</p>
      <p className={classes.subtitle}>
        {minutes.meetingKind === "thematic"
          ? t("minutes.print.period_quarter", { quarter: period.quarter, year: period.year })
          : t("minutes.print.period_month", { month: period.month, year: period.year })}
      </p>
      {minutes.topic && minutes.meetingKind !== "regular" && (
        <p className={classes.subtitle}>{minutes.topic}</p>
      )}
      <hr className={classes.rule} />

      <p>
        {minutes.startedAt
          ? t("minutes.print.time", { time: formatTime(minutes.startedAt), date: dateLine })
          : t("minutes.print.time_unknown", { date: dateLine })}
      </p>
      {content.place && <p>{t("minutes.print.place", { place: content.place })}</p>}
      <p className={classes.heading}>{t("minutes.print.participants")}</p>
      <p>
        {attendance.guests.length > 0
          ? t("minutes.print.guests", {
              names: names(
                attendance.guests.map((g) => (g.title ? `${g.name} (${g.title})` : g.name)),
              ),
            })
          : t("minutes.print.no_guests")}
      </p>
      {minutes.chairName && <p>{t("minutes.print.chair", { name: minutes.chairName })}</p>}
      {minutes.minuteTakerName && (
        <p>{t("minutes.print.minute_taker", { name: minutes.minuteTakerName })}</p>
      )}
      <p>
        {t("minutes.print.members", {
          total: counts.total,
          official: counts.official,
          probationary: counts.probationary,
          exempt: counts.exempt,
          present: counts.present,
          presentOfficial: attendance.presentOfficial,
          presentProbationary: attendance.presentProbationary,
        })}
      </p>
      {attendance.absentExcused.length > 0 && (
        <p>
          {t("minutes.print.absent_excused", {
            count: attendance.absentExcused.length,
            names: names(
              attendance.absentExcused.map((a) =>
                a.reason ? `${a.fullName} (${a.reason})` : a.fullName,
              ),
            ),
          })}
        </p>
      )}
      {attendance.absentUnexcused.length > 0 && (
        <p>
          {t("minutes.print.absent_unexcused", {
            count: attendance.absentUnexcused.length,
            names: names(attendance.absentUnexcused.map((a) => a.fullName)),
          })}
        </p>
      )}

      {content.items.length > 0 && (
        <>
          <p className={classes.heading}>{t("minutes.print.agenda")}</p>
          <ol className={classes.list}>
            {content.items.map((item, i) => (
              <li key={item.agendaItemId ?? `agenda-${String(i)}`}>{item.title}</li>
            ))}
          </ol>
        </>
      )}

      {hasOpening && (
        <>
          <p className={classes.heading}>
            {romanNumeral(1)}. {t("minutes.print.opening")}
          </p>
          <p className={classes.pre}>{content.opening}</p>
        </>
      )}

      {content.items.map((item, i) => (
        <section key={item.agendaItemId ?? `item-${String(i)}`}>
          <p className={classes.heading}>
            {itemPart(i)}. {item.title}
          </p>
          {item.presenter && <p>{t("minutes.print.presenter", { name: item.presenter })}</p>}
          {item.summary.trim() !== "" && <p className={classes.pre}>{item.summary}</p>}
          {item.opinions.length > 0 && (
            <>
              <p>
                <em>{t("minutes.print.opinions")}</em>
              </p>
              <ul className={classes.list}>
                {item.opinions.map((o) => (
                  <li key={o.id} className={classes.pre}>
                    <strong>{speakerLine(o.speakerName)}:</strong> {o.text}
                  </li>
                ))}
              </ul>
            </>
          )}
          {item.conclusion.trim() !== "" && (
            <>
              <p>
                <em>{t("minutes.print.conclusion")}</em>
              </p>
              <p className={classes.pre}>{item.conclusion}</p>
            </>
          )}
        </section>
      ))}

      {minutes.reviews.length > 0 && (
        <>
          <p className={classes.heading}>
            {romanNumeral(reviewPart)}. {t("minutes.print.review")}
          </p>
          <ul className={classes.list}>
            {minutes.reviews.map((r) => (
              <li key={r.task.id}>
                {t("minutes.print.review_line", {
                  title: r.task.title,
                  who: taskHolders(r.task),
                  verdict: r.verdict
                    ? t(`minutes.review.verdict.${r.verdict}`) + (r.cause ? ` — ${r.cause}` : "")
                    : t("minutes.print.not_reviewed"),
                })}
              </li>
            ))}
          </ul>
        </>
      )}

      {minutes.resolutions.length > 0 && (
        <>
          <p className={classes.heading}>
            {romanNumeral(resolutionsPart)}. {t("minutes.print.resolutions")}
          </p>
          {minutes.resolutions.map((r) => (
            <section key={r.id}>
              <p>
                <strong>
                  {t(`minutes.resolution.kind.${r.kind}`)}
                  {r.number ? ` ${r.number}` : ""}: {r.title}
                </strong>
              </p>
              {r.content.trim() !== "" && <p className={classes.pre}>{r.content}</p>}
              {r.vote && (
                <p>
                  {t("minutes.print.vote", {
                    approve: r.vote.approve,
                    against: r.vote.against,
                    other: r.vote.other,
                    voters: officialVoters,
                    outcome: r.outcome ? t(`minutes.vote.outcome.${r.outcome}`) : "",
                  })}
                </p>
              )}
              {r.tasks.length > 0 && (
                <>
                  <p>
                    <em>{t("minutes.print.tasks")}</em>
                  </p>
                  <ul className={classes.list}>
                    {r.tasks.map((task) => (
                      <li key={task.id}>
                        {t("minutes.print.task_line", {
                          title: task.title,
                          who: taskHolders(task),
                          due: formatDate(task.dueDate),
                        })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </>
      )}

      {content.other.trim() !== "" && (
        <>
          <p className={classes.heading}>
            {romanNumeral(otherPart)}. {t("minutes.print.other")}
          </p>
          <p className={classes.pre}>{content.other}</p>
        </>
      )}

      <p style={{ marginTop: "1em" }}>
        {minutes.endedAt
          ? t("minutes.print.closing", { time: formatTime(minutes.endedAt) })
          : t("minutes.print.closing_unknown")}
      </p>

      <div className={classes.signatures}>
        <div>
          <p className={classes.signRole}>{t("minutes.print.minute_taker_sign")}</p>
          <p className={classes.signName}>{minutes.minuteTakerName ?? ""}</p>
        </div>
        <div>
          <p className={classes.signRole}>{t("minutes.print.chair_sign")}</p>
          <p className={classes.signName}>{minutes.chairName ?? ""}</p>
        </div>
      </div>

      {minutes.addenda.length > 0 && (
        <>
          <p className={classes.heading}>{t("minutes.print.addenda")}</p>
          <ol className={classes.list}>
            {minutes.addenda.map((a) => (
              <li key={a.id} className={classes.pre}>
                {t("minutes.print.addendum_line", {
                  date: formatDateTime(a.createdAt).slice(0, 10),
                  text: a.text,
                })}
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
