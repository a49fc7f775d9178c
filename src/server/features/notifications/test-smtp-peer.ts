import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = {
  /** The envelope's recipients, as the server was told them (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  notificationId: string | null;
};

/** The reply the peer gives a recipient: accept, or refuse with an SMTP code (550 for good, 451 for now). */
export type RecipientReply = "accept" | { code: number; message: string };

export type SmtpPeer = {
  /** SMTP_URL of the peer: `smtp://127.0.0.1:<port>`. */
  url: string;
  received: ReceivedEmail[];
  replyTo: Map<string, RecipientReply>;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 for tests (no TLS, no login needed) that keeps every message it accepts.
 * `replyTo` sets how it answers given recipients (lower-case addresses).
 */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const received: ReceivedEmail[] = [];
  const replyTo = new Map<string, RecipientReply>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const reply = replyTo.get(address.address.toLowerCase()) ?? "accept";
      if (reply === "accept") return callback();
      callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const header = mail.headers.get("x-igc-notification");
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            notificationId: typeof header === "string" ? header : null,
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  const address = await new Promise<AddressInfo>((resolve) => {
    const listening = server.listen(0, "127.0.0.1", () => resolve(listening.address() as AddressInfo));
  });
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    replyTo,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
