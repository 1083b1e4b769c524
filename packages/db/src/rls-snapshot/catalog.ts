import { sql } from 'drizzle-orm';
import { type Orm, queryRows } from '../database.ts';

/**
 * What pg_catalog says about access to the `public` schema, in rows free of volatile names: no OIDs, and no
 * privileges or names of the role that ran the migrations (`postgres` on PGlite, the deploying role on a server).
 * Every list is ordered, so two databases migrated alike give equal catalogs.
 */
export interface AccessCatalog {
  roles: RoleRow[];
  memberships: MembershipRow[];
  schemaGrants: GrantRow[];
  defaultGrants: DefaultGrantRow[];
  tables: TableRow[];
  policies: PolicyRow[];
  tableGrants: RelationGrantRow[];
  columnGrants: ColumnGrantRow[];
  triggers: TriggerRow[];
  functions: FunctionRow[];
  functionGrants: FunctionGrantRow[];
}

export interface RoleRow {
  name: string;
  login: boolean;
  superuser: boolean;
  bypassRls: boolean;
  inherit: boolean;
}
export interface MembershipRow {
  role: string;
  member: string;
}
export interface GrantRow {
  grantee: string;
  privilege: string;
}
export interface DefaultGrantRow extends GrantRow {
  /** `r` tables, `S` sequences, `f` functions, `T` types, `n` schemas. */
  objectType: string;
}
export interface TableRow {
  name: string;
  kind: 'table' | 'sequence' | 'view';
  rlsEnabled: boolean;
  rlsForced: boolean;
  hasSchoolId: boolean;
}
export interface PolicyRow {
  table: string;
  name: string;
  permissive: string;
  command: string;
  roles: string[];
  using: string | null;
  withCheck: string | null;
}
export interface RelationGrantRow extends GrantRow {
  table: string;
}
export interface ColumnGrantRow extends RelationGrantRow {
  column: string;
}
export interface TriggerRow {
  table: string;
  name: string;
  definition: string;
}
export interface FunctionRow {
  name: string;
  arguments: string;
  result: string;
  language: string;
  volatility: string;
  securityDefiner: boolean;
  settings: string[];
  body: string;
}
export interface FunctionGrantRow extends GrantRow {
  name: string;
  arguments: string;
}

const grantee = sql.raw(`CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END`);
const inPublic = sql.raw(`n.nspname = 'public'`);

/**
 * Reads the access catalog of the `public` schema. Roles are those granted something here (cluster-wide roles of
 * other databases on the same server stay out).
 *
 * @example
 * const catalog = await readAccessCatalog(database.orm);
 * catalog.tables.filter((t) => t.hasSchoolId && !t.rlsForced); // tables a tenant could leak from
 */
export async function readAccessCatalog(orm: Orm): Promise<AccessCatalog> {
  const [tables, policies, tableGrants, columnGrants, triggers, functions, functionGrants] =
    await Promise.all([
      readTables(orm),
      readPolicies(orm),
      readTableGrants(orm),
      readColumnGrants(orm),
      readTriggers(orm),
      readFunctions(orm),
      readFunctionGrants(orm),
    ]);
  const schemaGrants = await queryRows<GrantRow>(
    orm,
    sql`SELECT ${grantee} AS grantee, a.privilege_type AS privilege
        FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
        WHERE ${inPublic} AND a.grantee <> n.nspowner ORDER BY 1, 2`,
  );
  const defaultGrants = await queryRows<DefaultGrantRow>(
    orm,
    sql`SELECT d.defaclobjtype::text AS "objectType", ${grantee} AS grantee, a.privilege_type AS privilege
        FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
        WHERE ${inPublic} AND a.grantee <> d.defaclrole ORDER BY 1, 2, 3`,
  );
  const granted = new Set(
    [...schemaGrants, ...defaultGrants, ...tableGrants, ...columnGrants, ...functionGrants]
      .map((g) => g.grantee)
      .concat(policies.flatMap((p) => p.roles))
      .filter((name) => name !== 'PUBLIC' && name !== 'public'),
  );
  const { roles, memberships } = await readRoles(orm, [...granted]);
  return {
    roles,
    memberships,
    schemaGrants,
    defaultGrants,
    tables,
    policies,
    tableGrants,
    columnGrants,
    triggers,
    functions,
    functionGrants,
  };
}

async function readRoles(orm: Orm, names: string[]): Promise<Pick<AccessCatalog, 'roles' | 'memberships'>> {
  if (names.length === 0) return { roles: [], memberships: [] };
  const list = sql.join(
    names.map((name) => sql`${name}`),
    sql`, `,
  );
  const roles = await queryRows<RoleRow>(
    orm,
    sql`SELECT rolname AS name, rolcanlogin AS login, rolsuper AS superuser, rolbypassrls AS "bypassRls",
               rolinherit AS inherit
        FROM pg_roles WHERE rolname IN (${list}) ORDER BY 1`,
  );
  const memberships = await queryRows<MembershipRow>(
    orm,
    sql`SELECT pg_get_userbyid(m.roleid) AS role, pg_get_userbyid(m.member) AS member FROM pg_auth_members m
        WHERE pg_get_userbyid(m.roleid) IN (${list}) AND pg_get_userbyid(m.member) IN (${list}) ORDER BY 1, 2`,
  );
  return { roles, memberships };
}

function readTables(orm: Orm): Promise<TableRow[]> {
  return queryRows<TableRow>(
    orm,
    sql`SELECT c.relname AS name,
               CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' ELSE 'table' END AS kind,
               c.relrowsecurity AS "rlsEnabled", c.relforcerowsecurity AS "rlsForced",
               EXISTS (SELECT 1 FROM pg_attribute att WHERE att.attrelid = c.oid AND att.attname = 'school_id'
                       AND NOT att.attisdropped) AS "hasSchoolId"
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${inPublic} AND c.relkind IN ('r', 'p', 'S', 'v', 'm') ORDER BY 1`,
  );
}

function readPolicies(orm: Orm): Promise<PolicyRow[]> {
  return queryRows<PolicyRow>(
    orm,
    sql`SELECT tablename AS table, policyname AS name, permissive, cmd AS command,
               roles::text[] AS roles, qual AS using, with_check AS "withCheck"
        FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2`,
  );
}

function readTableGrants(orm: Orm): Promise<RelationGrantRow[]> {
  return queryRows<RelationGrantRow>(
    orm,
    sql`SELECT c.relname AS table, ${grantee} AS grantee, a.privilege_type AS privilege
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
             aclexplode(coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char",
                                                      c.relowner))) a
        WHERE ${inPublic} AND c.relkind IN ('r', 'p', 'S', 'v', 'm') AND a.grantee <> c.relowner
        ORDER BY 1, 2, 3`,
  );
}

function readColumnGrants(orm: Orm): Promise<ColumnGrantRow[]> {
  return queryRows<ColumnGrantRow>(
    orm,
    sql`SELECT c.relname AS table, att.attname AS column, ${grantee} AS grantee, a.privilege_type AS privilege
        FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
             aclexplode(att.attacl) a
        WHERE ${inPublic} AND att.attnum > 0 AND NOT att.attisdropped AND a.grantee <> c.relowner
        ORDER BY 1, 3, 4, 2`,
  );
}

async function readTriggers(orm: Orm): Promise<TriggerRow[]> {
  const rows = await queryRows<TriggerRow>(
    orm,
    sql`SELECT c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${inPublic} AND NOT t.tgisinternal ORDER BY 1, 2`,
  );
  // Some server versions qualify the table with its schema and some do not: drop it, everything is in public.
  return rows.map((row) => ({ ...row, definition: row.definition.replaceAll(' ON public.', ' ON ') }));
}

function readFunctions(orm: Orm): Promise<FunctionRow[]> {
  return queryRows<FunctionRow>(
    orm,
    sql`SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments,
               pg_get_function_result(p.oid) AS result, l.lanname AS language,
               CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' ELSE 'VOLATILE' END AS volatility,
               p.prosecdef AS "securityDefiner", coalesce(p.proconfig, '{}')::text[] AS settings, p.prosrc AS body
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
        WHERE ${inPublic} ORDER BY 1, 2`,
  );
}

function readFunctionGrants(orm: Orm): Promise<FunctionGrantRow[]> {
  return queryRows<FunctionGrantRow>(
    orm,
    sql`SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments,
               ${grantee} AS grantee, a.privilege_type AS privilege
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
             aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
        WHERE ${inPublic} AND a.grantee <> p.proowner ORDER BY 1, 2, 3, 4`,
  );
}
