import { createRoute } from '@hono/zod-openapi';
import { callerOf } from '../../auth/caller.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import {
  CreatePersonBody,
  PersonIdParams,
  PersonListQuery,
  PersonPageSchema,
  PersonSchema,
  UpdatePersonBody,
} from './schemas.ts';
import { createPerson, getPerson, listPeople, updatePerson } from './service.ts';

const tags = ['people'];
/** Why accounts are read or changed, for the audit rows (unless the request states its own). */
const PURPOSE = '维护账号与角色';
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const listRoute = createRoute({
  method: 'get',
  path: '/people',
  tags,
  summary:
    'People of the caller’s branch of the network, filtered by unit subtree, searched by name or username',
  description:
    'A school-wide reader (a role on the school root) sees every account; anyone else sees themselves and the ' +
    'people holding a role on the units of their branch (their subtrees and the units above them).',
  request: { query: PersonListQuery },
  responses: {
    200: { description: 'A page of people', ...json(PersonPageSchema) },
    ...problemResponses(400, 401, 404),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/people/{id}',
  tags,
  summary: 'One person with their role assignments',
  request: { params: PersonIdParams },
  responses: {
    200: { description: 'The person', ...json(PersonSchema) },
    ...problemResponses(400, 401, 404),
  },
});

const createPersonRoute = createRoute({
  method: 'post',
  path: '/people',
  tags,
  summary: 'Create an account with roles (school administrators)',
  request: { body: { required: true, ...json(CreatePersonBody) } },
  responses: {
    201: { description: 'The new account', ...json(PersonSchema) },
    ...problemResponses(400, 401, 403, 409),
  },
});

const updatePersonRoute = createRoute({
  method: 'patch',
  path: '/people/{id}',
  tags,
  summary: 'Rename, disable (ending its sessions) or re-assign an account (school administrators)',
  request: { params: PersonIdParams, body: { required: true, ...json(UpdatePersonBody) } },
  responses: {
    200: { description: 'The account', ...json(PersonSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Accounts and role assignments: `GET/POST /api/people`, `GET/PATCH /api/people/{id}`. */
export const peopleRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listPeople(callerOf(c, PURPOSE), c.req.valid('query')), 200))
  .openapi(getRoute, async (c) => c.json(await getPerson(callerOf(c, PURPOSE), c.req.valid('param').id), 200))
  .openapi(createPersonRoute, async (c) =>
    c.json(await createPerson(callerOf(c, PURPOSE), c.req.valid('json')), 201),
  )
  .openapi(updatePersonRoute, async (c) =>
    c.json(await updatePerson(callerOf(c, PURPOSE), c.req.valid('param').id, c.req.valid('json')), 200),
  );
