import type { EmailConfig } from '../channels/config.ts';
import type { OutgoingMessage } from './compose.ts';

/**
 * The Message-ID of an outbox message: the same on every try, so a message sent again after a crash between the
 * send and its mark (SMTP cannot rule that out) is recognisable as the same message by its receiver.
 *
 * @example
 * messageIdOf('0b3c…', 'xinqiao@example.edu.cn'); // '<0b3c….outbox@example.edu.cn>'
 */
export function messageIdOf(outboxId: string, from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1) || 'xinqiao.invalid';
  return `<${outboxId}.outbox@${domain}>`;
}

/**
 * Sends one message through the school's SMTP server and resolves once the server accepted it; rejects with the
 * server's reason otherwise. Plain text only; the connection gives up after `timeoutMs` at any step.
 */
export async function sendEmail(
  config: EmailConfig,
  message: OutgoingMessage,
  timeoutMs: number,
): Promise<void> {
  // Imported on the first e-mail, not when the server starts (~80 ms of it).
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.username ? { auth: { user: config.username, pass: config.password } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: messageIdOf(message.id, config.from),
      headers: { 'X-Xinqiao-Outbox-Id': message.id },
    });
  } finally {
    transport.close();
  }
}
