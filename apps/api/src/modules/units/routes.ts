import { createRoute } from '@hono/zod-openapi';
import { callerOf } from '../../auth/caller.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import {
  CreateUnitBody,
  UnitDetailSchema,
  UnitIdParams,
  UnitListQuery,
  UnitPageSchema,
  UnitTreeQuery,
  UnitTreeSchema,
  UpdateUnitBody,
} from './schemas.ts';
import { createUnit, getUnit, listUnits, unitTree, updateUnit } from './service.ts';

const tags = ['units'];
/** Why units are read or changed, for the audit rows (unless the request states its own). */
const PURPOSE = '维护工作网络';
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const listRoute = createRoute({
  method: 'get',
  path: '/units',
  tags,
  summary: "The units of the caller's branch of the network, filtered by parent and level, searched by name",
  description:
    'Everyone signed in reads their branch of the school network: the subtrees of the units they hold a role on and ' +
    'the units above them. A role on the school root reads the whole network.',
  request: { query: UnitListQuery },
  responses: {
    200: { description: 'A page of units', ...json(UnitPageSchema) },
    ...problemResponses(400, 401),
  },
});

const treeRoute = createRoute({
  method: 'get',
  path: '/units/tree',
  tags,
  summary: 'A subtree of the network as nested units, pruned to the caller’s branch',
  request: { query: UnitTreeQuery },
  responses: {
    200: { description: 'The subtree', ...json(UnitTreeSchema) },
    ...problemResponses(400, 401, 404),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/units/{id}',
  tags,
  summary: 'One unit with the chain of units above it',
  request: { params: UnitIdParams },
  responses: {
    200: { description: 'The unit', ...json(UnitDetailSchema) },
    ...problemResponses(400, 401, 404),
  },
});

const createUnitRoute = createRoute({
  method: 'post',
  path: '/units',
  tags,
  summary: 'Add a unit one level below its parent (school admins; center directors under the center)',
  request: { body: { required: true, ...json(CreateUnitBody) } },
  responses: {
    201: { description: 'The new unit', ...json(UnitDetailSchema) },
    ...problemResponses(400, 401, 403, 409),
  },
});

const updateUnitRoute = createRoute({
  method: 'patch',
  path: '/units/{id}',
  tags,
  summary: 'Rename a unit (school admins; center directors below the center)',
  request: { params: UnitIdParams, body: { required: true, ...json(UpdateUnitBody) } },
  responses: {
    200: { description: 'The renamed unit', ...json(UnitDetailSchema) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** The work network: `GET/POST /api/units`, `GET /api/units/tree`, `GET/PATCH /api/units/{id}`. */
export const unitsRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listUnits(callerOf(c, PURPOSE), c.req.valid('query')), 200))
  .openapi(treeRoute, async (c) =>
    c.json(await unitTree(callerOf(c, PURPOSE), c.req.valid('query').rootId), 200),
  )
  .openapi(getRoute, async (c) => c.json(await getUnit(callerOf(c, PURPOSE), c.req.valid('param').id), 200))
  .openapi(createUnitRoute, async (c) =>
    c.json(await createUnit(callerOf(c, PURPOSE), c.req.valid('json')), 201),
  )
  .openapi(updateUnitRoute, async (c) =>
    c.json(await updateUnit(callerOf(c, PURPOSE), c.req.valid('param').id, c.req.valid('json')), 200),
  );
