// Users as the console lists them: one web_search_read for the page and its total,
// plus one query per page for who is an administrator, computed by the server from
// base.group_system's id (AZ-2), never by a name match. Eligibility is decided by
// core/eligibility from those server facts.
import { z } from 'zod';
import type { UserPage, UserRow } from '../../src-preload/contract';
import { ineligibilityReasons, type TargetFacts } from '../core';
import { orNull, resultOf, type RpcChannel } from './rpc-channel';
import type { ServerFeatures } from './server-features';

const UserRecord = z.object({
  id: z.number().int().positive(),
  login: z.string(),
  name: z.string(),
  email: z.union([z.string(), z.literal(false)]).optional(),
  active: z.boolean(),
  share: z.boolean(),
});
type UserRecord = z.infer<typeof UserRecord>;

const WebSearchPage = z.object({ length: z.number().int().min(0), records: z.array(UserRecord) });
const IdRows = z.array(z.object({ id: z.number().int() }));

const USER_SPEC = { id: {}, login: {}, name: {}, email: {}, active: {}, share: {} };

export interface UserSearchOptions {
  includeArchived: boolean;
}

export interface TargetUser extends TargetFacts {
  login: string;
  name: string;
  /** The user's partner: impersonate.log names the partner, not the user (the tripwire's watch). */
  partnerId: number | null;
}

const TargetRecord = UserRecord.extend({
  partner_id: z.union([z.tuple([z.number().int(), z.union([z.string(), z.literal(false)])]), z.literal(false)]).optional(),
});

export class UserDirectory {
  constructor(
    private readonly rpc: RpcChannel,
    private readonly features: ServerFeatures,
  ) {}

  async search(query: string, page: number, pageSize: number, options: UserSearchOptions, adminUid: number): Promise<UserPage> {
    const q = query.trim();
    // Case-insensitive substring on name or login (docs/odoo.md, Users).
    const domain = q === '' ? [] : ['|', ['name', 'ilike', q], ['login', 'ilike', q]];
    const context = { active_test: !options.includeArchived };
    const answer = await this.rpc.callKw('res.users', 'web_search_read', [], {
      domain,
      specification: USER_SPEC,
      offset: page * pageSize,
      limit: pageSize,
      order: 'name asc, id asc',
      context,
    });
    const found = resultOf(answer, WebSearchPage, 'user-page');
    let total = found.length;
    if (found.records.length === 0 && page > 0) {
      // web_search_read says length 0 for a page past the end; the total is still wanted.
      total = resultOf(await this.rpc.callKw('res.users', 'search_count', [domain], { context }), z.number(), 'user-count');
    }
    const admins = await this.administratorsAmong(found.records.map((r) => r.id));
    return { total, page, pageSize, rows: found.records.map((r) => toRow(r, admins.has(r.id), adminUid)) };
  }

  /** The facts of one user, read fresh from the server (the re-check right before impersonating). */
  async target(id: number): Promise<TargetUser | null> {
    const [answer, admins] = await Promise.all([
      this.rpc.callKw('res.users', 'search_read', [[['id', '=', id]]], {
        fields: ['id', 'login', 'name', 'active', 'share', 'partner_id'],
        context: { active_test: false },
      }),
      this.administratorsAmong([id]),
    ]);
    const record = resultOf(answer, z.array(TargetRecord), 'user')[0];
    if (record === undefined) return null;
    const partnerId = record.partner_id ? record.partner_id[0] : null;
    return { id: record.id, login: record.login, name: record.name, active: record.active, share: record.share, isSystemAdmin: admins.has(id), partnerId };
  }

  /** Whether one user is in the group `module.name`, implied membership included (not has_group: 17 answers for the caller only). */
  async isMember(uid: number, xmlid: string): Promise<boolean> {
    const [module, name] = xmlid.split('.');
    const group = await this.rpc.callKw('ir.model.data', 'search_read', [[['module', '=', module], ['name', '=', name], ['model', '=', 'res.groups']]], {
      fields: ['res_id'],
    });
    const groupId = resultOf(group, z.array(z.object({ res_id: z.number().int() })), 'group')[0]?.res_id;
    if (groupId === undefined) return false;
    const count = await this.rpc.callKw('res.users', 'search_count', [[['id', '=', uid], [this.features.adminGroupsField, 'in', [groupId]]]], {
      context: { active_test: false },
    });
    return resultOf(count, z.number().int(), 'group-member') > 0;
  }

  /** Which of `ids` are members of base.group_system, implied membership included, in one query (AZ-2). */
  private async administratorsAmong(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const answer = await this.rpc.callKw(
      'res.users',
      'search_read',
      [[['id', 'in', ids], [this.features.adminGroupsField, 'in', [this.features.systemGroupId]]]],
      { fields: ['id'], context: { active_test: false } },
    );
    return new Set(resultOf(answer, IdRows, 'administrators').map((row) => row.id));
  }
}

function toRow(record: UserRecord, isSystemAdmin: boolean, adminUid: number): UserRow {
  const reasons = ineligibilityReasons({ id: record.id, active: record.active, share: record.share, isSystemAdmin }, adminUid);
  return {
    id: record.id,
    login: record.login,
    name: record.name,
    email: orNull(record.email),
    type: record.share ? 'portal' : 'internal',
    active: record.active,
    eligible: reasons.length === 0,
    reasons,
  };
}
