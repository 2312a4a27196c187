import { Injectable } from '@nestjs/common';
import { hash } from 'bcryptjs';
import { DataSource } from 'typeorm';
import type { DirectoryUser } from './demo-users';

export interface StoredUser extends DirectoryUser {
  passwordHash: string;
  disabled: boolean;
}

interface UserRow {
  user_id: string;
  username: string;
  password_hash: string;
  display_name: string;
  roles: string[];
  unit_id: string | null;
  region_code: string | null;
  disabled: boolean;
}

/** bcrypt work factor: about 50–100 ms a check on a server core, slow enough against guessing offline. */
export const BCRYPT_ROUNDS = 10;

/** The local user directory (table gateway_users). */
@Injectable()
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<StoredUser | undefined> {
    const rows: UserRow[] = await this.dataSource.query(`SELECT * FROM gateway_users WHERE lower(username) = lower($1)`, [username]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      userId: row.user_id,
      username: row.username,
      passwordHash: row.password_hash,
      displayName: row.display_name,
      roles: row.roles as DirectoryUser['roles'],
      unitId: row.unit_id ?? undefined,
      regionCode: row.region_code ?? undefined,
      disabled: row.disabled,
    };
  }

  /** Adds the users that are missing (by id); existing ones, and their passwords, are left as they are. */
  async addMissing(users: readonly DirectoryUser[], password: string): Promise<number> {
    const passwordHash = await hash(password, BCRYPT_ROUNDS); // one hash for all: they share the password
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO gateway_users (user_id, username, password_hash, display_name, roles, unit_id, region_code)
       SELECT u.user_id, u.username, $2, u.display_name, u.roles, u.unit_id, u.region_code
         FROM jsonb_to_recordset($1::jsonb) AS u(user_id text, username text, display_name text, roles text[], unit_id text, region_code text)
       ON CONFLICT DO NOTHING
       RETURNING user_id`,
      [
        JSON.stringify(
          users.map((user) => ({ user_id: user.userId, username: user.username, display_name: user.displayName, roles: user.roles, unit_id: user.unitId ?? null, region_code: user.regionCode ?? null })),
        ),
        passwordHash,
      ],
    );
    return rows.length;
  }
}
