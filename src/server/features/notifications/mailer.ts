import nodemailer, { type NodemailerError } from "nodemailer";

export type OutgoingEmail = {
  to: { name: string | null; address: string };
  subject: string;
  text: string;
  /** Which notification this is: lets a mailbox (or a test) trace a message back to its row. */
  notificationId: string;
};

/** Sends one e-mail; rejects with a `MailDeliveryError` that tells whether trying again may help. */
export type Mailer = { send: (email: OutgoingEmail) => Promise<void>; close: () => void };

export class MailDeliveryError extends Error {
  /** The server refused the message for good (an SMTP 5xx reply): sending it again would be refused again. */
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean, options?: ErrorOptions) {
    super(message, options);
    this.permanent = permanent;
  }
}

function isNodemailerError(error: unknown): error is NodemailerError {
  return error instanceof Error && ("responseCode" in error || "code" in error);
}

function toDeliveryError(error: unknown): MailDeliveryError {
  if (!isNodemailerError(error)) return new MailDeliveryError(String(error), false, { cause: error });
  const reply = error.response ?? error.message;
  return new MailDeliveryError(reply, error.permanent === true, { cause: error });
}

// Bounded waits: delivery holds its claim on a batch while it talks to the server.
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/** A pooled SMTP transport for `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
export function createSmtpMailer(mail: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({ url: mail.smtpUrl, pool: true, maxConnections: 2, ...TIMEOUTS });
  return {
    async send(email) {
      try {
        await transport.sendMail({
          from: mail.from,
          to: email.to.name ? { name: email.to.name, address: email.to.address } : email.to.address,
          subject: email.subject,
          text: email.text,
          headers: { "X-IGC-Notification": email.notificationId },
        });
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    close: () => transport.close(),
  };
}

/** The mailer the configuration asks for: none without SMTP_URL (messages then stay in the in-app inbox). */
export function mailerFor(mail: { smtpUrl: string | null; from: string }): Mailer | null {
  return mail.smtpUrl === null ? null : createSmtpMailer({ smtpUrl: mail.smtpUrl, from: mail.from });
}
