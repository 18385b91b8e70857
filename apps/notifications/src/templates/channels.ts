import { CRISIS_LINE, type RenderedMessage } from './render';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** The plain-text and HTML bodies of one rendered message: the same words, two shapes. */
export function toEmail(message: RenderedMessage): EmailContent {
  const text = [
    message.greeting,
    ...message.paragraphs,
    message.details.map(([label, value]) => `${label}: ${value}`).join('\n'),
    message.action ? `${message.action.label}: ${message.action.url}` : '',
    'The Haven team',
    message.crisisFooter ? `--\n${CRISIS_LINE}` : '',
  ]
    .filter((block) => block !== '')
    .join('\n\n');

  const rows = message.details
    .map(
      ([label, value]) =>
        `<tr><td style="padding:2px 12px 2px 0;color:#555">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const html = [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:15px;color:#222;max-width:600px">',
    `<p>${escapeHtml(message.greeting)}</p>`,
    ...message.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    rows ? `<table style="border-collapse:collapse;margin:12px 0">${rows}</table>` : '',
    message.action
      ? `<p><a href="${escapeHtml(message.action.url)}" style="background:#2f6f5e;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(message.action.label)}</a></p>`
      : '',
    '<p>The Haven team</p>',
    message.crisisFooter ? `<hr><p style="font-size:13px;color:#555">${escapeHtml(CRISIS_LINE)}</p>` : '',
    '</body></html>',
  ].join('');
  return { subject: message.subject, text, html };
}

/** The in-app message: its title and a body without greeting or sign-off. */
export function toInApp(message: RenderedMessage): { title: string; body: string } {
  return { title: message.subject, body: message.paragraphs.join('\n\n') };
}

/** A text message: short, with the link if there is one. */
export function toSms(message: RenderedMessage): string {
  return [`Haven: ${message.subject}.`, message.action?.url ?? ''].filter(Boolean).join(' ');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
