import type { Transporter } from "nodemailer";

/** One plain-text e-mail to one recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Outgoing mail: SMTP when configured, otherwise the server log. */
export interface Mailer {
  /** Resolves once the message is handed over; rejects when the SMTP server refuses it. */
  send(message: MailMessage): Promise<void>;
  /** Closes the SMTP connections, if any. */
  close(): void;
}

/** The part of the server's logger (pino) that mail uses. */
export interface MailLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface MailSettings {
  /** smtp://user:pass@host:587 (or smtps://…); empty: messages are written to the log. */
  smtpUrl: string;
  from: string;
}

export const DEFAULT_MAIL_FROM = "chibo <no-reply@localhost>";

/** The line every automatic e-mail ends with. */
export const MAIL_SIGNATURE = "\n\n—\nThư tự động từ chibo, vui lòng không trả lời.";

/**
 * SMTP_URL set: sends with nodemailer (loaded on first use). Not set: each message goes to the log at
 * info level, so a fresh install shows what it would have sent.
 */
export function createMailer(settings: MailSettings & { log: MailLog }): Mailer {
  const { log } = settings;
  const from = settings.from === "" ? DEFAULT_MAIL_FROM : settings.from;
  if (settings.smtpUrl === "") {
    return {
      send(message) {
        log.info(
          { mail: { to: message.to, subject: message.subject, text: message.text } },
          "mail",
        );
        return Promise.resolve();
      },
      close() {
        // Nothing to close.
      },
    };
  }
  const smtpUrl = settings.smtpUrl;
  let transport: Promise<Transporter> | undefined;
  return {
    async send(message) {
      transport ??= import("nodemailer").then((m) => m.createTransport(smtpUrl));
      await (
        await transport
      ).sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      void transport?.then((t) => {
        t.close();
      });
    },
  };
}
