import { createServer, type AddressInfo, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { createMailer, type MailLog } from "./mailer.js";

function fakeLog(): MailLog & { entries: { obj: object; msg: string }[] } {
  const entries: { obj: object; msg: string }[] = [];
  const push = (obj: object, msg: string) => entries.push({ obj, msg });
  return { entries, info: push, warn: push, error: push };
}

/** The smallest SMTP server nodemailer will talk to: no TLS, no auth; keeps what it receives. */
async function fakeSmtp() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = "";
    let data: string | null = null;
    let envelope = { from: "", to: [] as string[] };
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === ".") {
            received.push({ ...envelope, data });
            data = null;
            envelope = { from: "", to: [] };
            socket.write("250 queued\r\n");
          } else {
            data += `${line}\n`;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 fake\r\n");
        else if (verb === "MAIL") {
          envelope.from = line;
          socket.write("250 ok\r\n");
        } else if (verb === "RCPT") {
          envelope.to.push(line);
          socket.write("250 ok\r\n");
        } else if (verb === "DATA") {
          data = "";
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
        } else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe("mailer", () => {
  it("without SMTP_URL writes the message to the log at info level", async () => {
    const log = fakeLog();
    const mailer = createMailer({ smtpUrl: "", from: "", log });
    await mailer.send({ to: "an@example.vn", subject: "Nhắc lịch", text: "Chi bộ họp lúc 14:00" });
    expect(log.entries).toEqual([
      {
        obj: { mail: { to: "an@example.vn", subject: "Nhắc lịch", text: "Chi bộ họp lúc 14:00" } },
        msg: "mail",
      },
    ]);
    mailer.close();
  });

  it("with SMTP_URL sends through that server, from MAIL_FROM", async () => {
    const smtp = await fakeSmtp();
    const log = fakeLog();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: "Chi bộ <chibo@example.vn>",
      log,
    });
    try {
      await mailer.send({
        to: "an@example.vn",
        subject: "Hoãn sinh hoạt chi bộ",
        text: "Lý do: Bí thư đi công tác.",
      });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail?.from).toContain("<chibo@example.vn>");
      expect(mail?.to).toEqual([expect.stringContaining("<an@example.vn>")]);
      expect(mail?.data).toMatch(/^From: =\?UTF-8\?.*<chibo@example\.vn>|^From: Chi bộ/mu);
      expect(mail?.data).toMatch(/^To: an@example\.vn/mu);
      expect(mail?.data).toMatch(/^Subject: /mu);
      expect(log.entries).toEqual([]);
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  it("rejects when the SMTP server cannot be reached", async () => {
    const smtp = await fakeSmtp();
    const port = smtp.port;
    await smtp.close();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "", log: fakeLog() });
    await expect(mailer.send({ to: "an@example.vn", subject: "x", text: "y" })).rejects.toThrow();
    mailer.close();
  });
});
