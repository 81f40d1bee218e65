import { inlineRuns } from '../domain/markdown.js';
import { onePagerMarkdown } from '../domain/onepager.js';
import { getPartner } from '../store/partners.js';
import { getProfile } from '../store/workspaces.js';
import { showAgreement } from './agreements.js';
import type { Ctx, Deps } from './context.js';

export async function onePager(
  deps: Deps,
  ctx: Ctx,
  agreementId: string,
): Promise<{ markdown: string; partnerName: string }> {
  const agreement = await showAgreement(deps, ctx, agreementId);
  const [partner, profile] = await Promise.all([
    getPartner(deps.store.db, ctx.workspaceId, agreement.partnerId),
    getProfile(deps.store.db, ctx.workspaceId),
  ]);
  if (!partner || !profile) throw new Error('agreement without its partner or workspace');
  const currency = new Intl.NumberFormat('en', { style: 'currency', currency: profile.currency });
  const markdown = onePagerMarkdown({ agreement, partner, profile, formatMoney: (m) => currency.format(m / 100) });
  return { markdown, partnerName: partner.name };
}

export interface PdfOptions {
  /** pdfkit compresses page streams by default; tests turn it off to read the text. */
  compress?: boolean;
}

/** The one-pager as a PDF, typeset from the same Markdown (headings, bullets, bold runs). */
export async function onePagerPdf(
  deps: Deps,
  ctx: Ctx,
  agreementId: string,
  options: PdfOptions = {},
): Promise<Buffer> {
  const { markdown, partnerName } = await onePager(deps, ctx, agreementId);
  // Loaded on first use: pdfkit and its fonts are ~13 MB of the server's memory otherwise.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: options.compress ?? true,
    info: { Title: `Referral agreement with ${partnerName}`, Creator: 'Partnerloop' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // Only our own markup is read (escaped text typed by people is not: `\#` is not a heading);
  // every run is drawn as the literal text it holds.
  for (const line of markdown.split('\n')) {
    if (line.startsWith('# ')) {
      doc
        .font('Helvetica-Bold')
        .fontSize(17)
        .text(plain(line.slice(2)))
        .moveDown(0.4);
    } else if (line.startsWith('## ')) {
      doc
        .moveDown(0.4)
        .font('Helvetica-Bold')
        .fontSize(12.5)
        .text(plain(line.slice(3)));
    } else if (line === '') doc.moveDown(0.3);
    else {
      const bullet = line.startsWith('- ');
      const runs = inlineRuns(bullet ? line.slice(2) : line);
      if (bullet) runs.unshift({ text: '•  ', bold: false });
      doc.fontSize(10.5);
      runs.forEach((run, i) => {
        doc
          .font(run.bold ? 'Helvetica-Bold' : 'Helvetica')
          .text(run.text, { indent: bullet && i === 0 ? 8 : 0, continued: i < runs.length - 1 });
      });
    }
  }
  doc.end();
  return done;
}

function plain(markdown: string): string {
  return inlineRuns(markdown)
    .map((r) => r.text)
    .join('');
}
