import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseParties, Language, PersonChannel, PersonContacts, UnitContacts } from '../notification/notification.types';

interface PersonRow {
  person_id: string;
  email: string | null;
  phone: string | null;
  language: Language;
  channels: PersonChannel[];
}

interface UnitRow {
  unit_id: string;
  webhook_url: string | null;
  handler_id: string | null;
  backup_id: string | null;
  supervisor_id: string | null;
}

/**
 * The directory of people and units, and the parties of each case seen: the personal data that
 * stays in this service. Methods take the caller's transaction when there is one.
 */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async person(personId: string, manager: EntityManager = this.dataSource.manager): Promise<PersonContacts | undefined> {
    const [row] = (await manager.query(`SELECT * FROM people WHERE person_id = $1`, [personId])) as PersonRow[];
    return row && { personId: row.person_id, email: row.email ?? undefined, phone: row.phone ?? undefined, language: row.language, channels: row.channels };
  }

  async savePerson(contacts: PersonContacts, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO people (person_id, email, phone, language, channels, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (person_id) DO UPDATE SET email = $2, phone = $3, language = $4, channels = $5, updated_at = $6`,
      [contacts.personId, contacts.email ?? null, contacts.phone ?? null, contacts.language, contacts.channels, now],
    );
  }

  async unit(unitId: string, manager: EntityManager = this.dataSource.manager): Promise<UnitContacts | undefined> {
    const [row] = (await manager.query(`SELECT * FROM unit_contacts WHERE unit_id = $1`, [unitId])) as UnitRow[];
    return (
      row && {
        unitId: row.unit_id,
        webhookUrl: row.webhook_url ?? undefined,
        handlerId: row.handler_id ?? undefined,
        backupId: row.backup_id ?? undefined,
        supervisorId: row.supervisor_id ?? undefined,
      }
    );
  }

  async saveUnit(contacts: UnitContacts, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO unit_contacts (unit_id, webhook_url, handler_id, backup_id, supervisor_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (unit_id) DO UPDATE SET webhook_url = $2, handler_id = $3, backup_id = $4, supervisor_id = $5, updated_at = $6`,
      [contacts.unitId, contacts.webhookUrl ?? null, contacts.handlerId ?? null, contacts.backupId ?? null, contacts.supervisorId ?? null, now],
    );
  }

  async caseParties(caseId: string, manager: EntityManager): Promise<CaseParties | undefined> {
    const [row] = await manager.query(`SELECT * FROM case_parties WHERE case_id = $1`, [caseId]);
    return row && { caseId: row.case_id, applicantId: row.applicant_id, unitId: row.unit_id, receiptVoucherNumber: row.receipt_voucher_number };
  }

  async saveCaseParties(parties: CaseParties, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO case_parties (case_id, applicant_id, unit_id, receipt_voucher_number) VALUES ($1, $2, $3, $4) ON CONFLICT (case_id) DO NOTHING`,
      [parties.caseId, parties.applicantId, parties.unitId, parties.receiptVoucherNumber],
    );
  }
}
