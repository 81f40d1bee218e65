import type { Kysely } from 'kysely';
import type { Agreement, AgreementForm, AgreementStatus, AgreementTerm, HandoffMethod } from '../domain/agreement.js';
import type { AgreementTable, DB } from './schema.js';

type AgreementRow = AgreementTable;

export async function insertAgreement(db: Kysely<DB>, workspaceId: string, a: Agreement): Promise<void> {
  await db
    .insertInto('agreements')
    .values({ ...toRow(a), workspaceId })
    .execute();
}

export async function saveAgreement(db: Kysely<DB>, workspaceId: string, a: Agreement): Promise<void> {
  const { id, ...row } = { ...toRow(a), workspaceId };
  await db.updateTable('agreements').set(row).where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
}

export async function getAgreement(db: Kysely<DB>, workspaceId: string, id: string): Promise<Agreement | undefined> {
  const row = await db
    .selectFrom('agreements')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && fromRow(row);
}

/** A partner's agreements, newest first. */
export async function listPartnerAgreements(
  db: Kysely<DB>,
  workspaceId: string,
  partnerId: string,
): Promise<Agreement[]> {
  const rows = await db
    .selectFrom('agreements')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('partnerId', '=', partnerId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(fromRow);
}

function toRow(a: Agreement): Omit<AgreementRow, 'workspaceId'> {
  return {
    ...a,
    feeToThem: JSON.stringify(a.feeToThem),
    feeToUs: JSON.stringify(a.feeToUs),
    disputedTerms: JSON.stringify(a.disputedTerms),
  };
}

function fromRow(row: AgreementRow): Agreement {
  const { workspaceId: _w, ...rest } = row;
  return {
    ...rest,
    status: row.status as AgreementStatus,
    form: row.form as AgreementForm,
    handoffMethod: row.handoffMethod as HandoffMethod | null,
    feeToThem: JSON.parse(row.feeToThem),
    feeToUs: JSON.parse(row.feeToUs),
    disputedTerms: JSON.parse(row.disputedTerms) as AgreementTerm[],
  };
}

/** Every agreement in the workspace with its partner's name, newest first (optionally one status). */
export async function listWorkspaceAgreements(
  db: Kysely<DB>,
  workspaceId: string,
  status?: AgreementStatus,
): Promise<(Agreement & { partnerName: string })[]> {
  let q = db
    .selectFrom('agreements')
    .innerJoin('partners', (j) =>
      j.onRef('partners.id', '=', 'agreements.partnerId').onRef('partners.workspaceId', '=', 'agreements.workspaceId'),
    )
    .selectAll('agreements')
    .select('partners.name as partnerName')
    .where('agreements.workspaceId', '=', workspaceId);
  if (status) q = q.where('agreements.status', '=', status);
  const rows = await q.orderBy('agreements.createdAt', 'desc').orderBy('agreements.id', 'desc').execute();
  return rows.map(({ partnerName, ...row }) => ({ ...fromRow(row), partnerName }));
}
