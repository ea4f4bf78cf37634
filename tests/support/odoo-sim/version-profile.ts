// What differs between Odoo 17, 18 and 19 as the real servers showed it
// (docs/odoo.md, Versions), in one place: every other file of the simulator asks
// this profile instead of comparing version numbers itself. The fidelity check
// (tests/contract/fidelity) holds the simulator to the real servers on each line.
import { createHash, randomBytes } from 'node:crypto';

export type SimVersion = 17 | 18 | 19;

export interface VersionProfile {
  version: SimVersion;
  /** 17: werkzeug's sha1 hex (40 characters); 18, 19: 84 url-safe base64 characters. */
  newSessionId(): string;
  /** `error.code` of a server exception: 200, and 0 from 19 (SessionExpired stays 100, NotFound 404). */
  serverErrorCode: number;
  /** A JSON route asked with GET or another content type: 400, and 415 from 19. */
  wrongRequestStatus: number;
  /** The reason phrase of that answer and the route type its message names. */
  wrongRequestReason: string;
  jsonRouteType: string;
  /** 19's authenticate saves the session twice: two identical Set-Cookie headers. */
  authenticateCookies: number;
  /** The web client: /web on 17 (no /odoo route), /odoo from 18. */
  entryRoute: '/web' | '/odoo';
  /** 18, 19 send the login page a `redirect` parameter; 17 does not. */
  loginRedirectParameter: boolean;
  /** 19 adds Cache-Control: no-store to the web client's page. */
  webClientNoStore: boolean;
  /** res.device and res.device.log: from 18 (17.2 in Odoo's own numbering). */
  deviceLog: boolean;
  /** 17's res.users.has_group is @api.model: it takes the xmlid only and answers for the caller. */
  hasGroupOnModel: boolean;
  /** 19's identity check reads the password from the context; 17, 18 from the written field. */
  identityPasswordInContext: boolean;
  /** The stored groups field: groups_id (with implied groups) up to 18, group_ids (direct only) on 19. */
  groupsField: 'groups_id' | 'group_ids';
  /** 19 has all_group_ids: the direct groups and everything they imply. */
  allGroupsField: 'groups_id' | 'all_group_ids';
  /** 19 rewrites datetime comparisons in domains to whole seconds; 17, 18 compare the literal with microseconds. */
  wholeSecondDomains: boolean;
  /** impersonate.log's date_start/date_end: microseconds on 17, 18 (datetime.now()), whole seconds on 19's port. */
  moduleDatesInSeconds: boolean;
  /** A body that is no envelope on call_kw: 18, 19 read `params` first (KeyError); 17 calls the endpoint (TypeError). */
  callKwReadsParamsFirst: boolean;
  /** An unknown model in call_kw: 17 answers KeyError, 18, 19 NotFound (code 404). */
  unknownModelNotFound: boolean;
  /** Where logout and the root send the browser. */
  homePath: string;
  /** The session info's keys beyond those every version shares, with an example value of the right type. */
  sessionInfoExtras: Record<string, unknown>;
  /** 17's web_tour gives administrators the tours to run. */
  adminTours: boolean;
  /** 19 accepts each two-factor code once: a step not newer than the last accepted one is refused. */
  totpSingleUse: boolean;
  /** auth_totp.device rows carry an expiration_date from 18 (17 deletes them by age, in its clean-up job). */
  trustedDeviceExpiry: boolean;
}

const base64url84 = () => randomBytes(63).toString('base64url');
const sha1Hex40 = () => createHash('sha1').update(randomBytes(30)).digest('hex');

export function versionProfile(version: SimVersion): VersionProfile {
  const from18 = version >= 18;
  const from19 = version >= 19;
  return {
    version,
    newSessionId: from18 ? base64url84 : sha1Hex40,
    serverErrorCode: from19 ? 0 : 200,
    wrongRequestStatus: from19 ? 415 : 400,
    wrongRequestReason: from19 ? 'Unsupported Media Type' : 'Bad Request',
    jsonRouteType: from19 ? 'jsonrpc' : 'json',
    authenticateCookies: from19 ? 2 : 1,
    entryRoute: from18 ? '/odoo' : '/web',
    loginRedirectParameter: from18,
    webClientNoStore: from19,
    deviceLog: from18,
    hasGroupOnModel: !from18,
    identityPasswordInContext: from19,
    groupsField: from19 ? 'group_ids' : 'groups_id',
    allGroupsField: from19 ? 'all_group_ids' : 'groups_id',
    wholeSecondDomains: from19,
    moduleDatesInSeconds: from19,
    callKwReadsParamsFirst: from18,
    unknownModelNotFound: from18,
    homePath: from18 ? '/odoo' : '/web',
    sessionInfoExtras: sessionInfoExtras(version),
    adminTours: !from18,
    totpSingleUse: from19,
    trustedDeviceExpiry: from18,
  };
}

/** Keys of get_session_info that only some versions have (observed on the real servers). */
function sessionInfoExtras(version: SimVersion): Record<string, unknown> {
  if (version === 17) {
    return { cache_hashes: {}, display_switch_company_menu: false, notification_type: 'email', odoobot_initialized: false };
  }
  const shared = {
    current_tour: null,
    is_public: false,
    partner_write_date: '2026-01-01 00:00:00',
    storeData: {},
    test_mode: false,
    tour_enabled: false,
    view_info: {},
    websocket_worker_version: '1',
  };
  if (version === 18) return { ...shared, cache_hashes: {}, display_switch_company_menu: false };
  return { ...shared, groups: {}, quick_login: true, registry_hash: 'x' };
}
