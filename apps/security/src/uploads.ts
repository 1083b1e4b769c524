import { connect } from 'node:net';
import { blankRowsBomb, hiddenBytesAfterSheet, sharedStringsBomb } from '@xinqiao/tabular/testing';
import { authHeaders, call, expectJson, percentiles, type Session } from './client.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One bomb's outcome at one route. */
export interface BombOutcome {
  bomb: string;
  route: string;
  as: string;
  status: number;
  code: string;
  limit?: string;
  ms: number;
}

/** What the upload step measured. */
export interface UploadReport {
  bombs: BombOutcome[];
  slowUpload: { status: number; code: string; seconds: number };
  otherSchool: ReturnType<typeof percentiles>;
  serverPeakRssMiB: number;
  failures: string[];
}

interface Bomb {
  name: string;
  file: Uint8Array;
  /** The problem the student import answers: 413 naming this limit, or (none named) 413 or 400 unreadable. */
  expect: { status: number; limit?: string };
}

async function makeBombs(): Promise<Bomb[]> {
  return [
    {
      name: 'shared-strings-8x400MiB',
      file: await sharedStringsBomb(),
      expect: { status: 413, limit: 'unpacked-bytes' },
    },
    {
      name: 'blank-rows-1GiB',
      file: await blankRowsBomb(1024),
      expect: { status: 413, limit: 'unpacked-bytes' },
    },
    { name: 'blank-rows-8MiB', file: await blankRowsBomb(8), expect: { status: 413 } },
    { name: 'hidden-bytes', file: await hiddenBytesAfterSheet(), expect: { status: 400 } },
  ];
}

/**
 * A client that announces a 100 kB body, sends a few bytes and then one byte every 200 ms, never finishing: the API
 * must answer 408 (problem+json) when its body deadline passes, holding no database connection meanwhile.
 */
function slowUpload(
  base: string,
  session: Session,
  path: string,
): Promise<{ status: number; code: string; seconds: number }> {
  const url = new URL(base);
  const started = performance.now();
  const socket = connect(Number(url.port), url.hostname);
  const headers = authHeaders(base, session, { 'content-type': 'text/csv', host: url.host });
  socket.write(
    [
      `POST ${path} HTTP/1.1`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      'content-length: 100000',
      '',
      '学号,答案\n',
    ].join('\r\n'),
  );
  const trickle = setInterval(() => socket.writable && socket.write('1'), 200);
  let received = '';
  return new Promise((resolve) => {
    const done = () => {
      clearInterval(trickle);
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(received)?.[1] ?? 0);
      const code = /"code":"([^"]+)"/.exec(received)?.[1] ?? '';
      resolve({ status, code, seconds: Math.round((performance.now() - started) / 100) / 10 });
    };
    socket.on('data', (chunk) => {
      received += String(chunk);
      if (received.includes('\r\n\r\n') && received.includes('}')) done();
    });
    socket.on('close', done);
    socket.on('error', done);
    setTimeout(done, 30_000);
  });
}

/** Another school's student list, asked every 50 ms until `stop` resolves; the latencies. */
async function measureWhile(
  base: string,
  other: Session,
  stop: Promise<unknown>,
  failures: string[],
): Promise<number[]> {
  let stopped = false;
  void stop.finally(() => {
    stopped = true;
  });
  const latencies: number[] = [];
  while (!stopped) {
    const t0 = performance.now();
    const res = await call(base, other, '/api/students?pageSize=20', { timeoutMs: 30_000 }).catch(
      () => undefined,
    );
    if (res?.status !== 200)
      failures.push(`other school's student list answered ${res?.status ?? 'nothing'}`);
    await res?.arrayBuffer();
    latencies.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return latencies;
}

/**
 * The spreadsheet bombs of issue 16.1 at both upload routes (a dorm liaison first: refused before parsing), and a
 * slow upload, while another school's requests are timed (issue 16.2).
 */
export async function uploads(
  base: string,
  as: { liaison: Session; admin: Session; center: Session; other: Session },
  peakRssMiB: () => number,
): Promise<UploadReport> {
  const failures: string[] = [];
  const bombs = await makeBombs();
  const waveId = await openWave(base, as.center, '安全测试炸弹批次');
  const outcomes: BombOutcome[] = [];
  const send = async (bomb: Bomb, who: string, session: Session, route: string) => {
    const started = performance.now();
    const isStudents = route === '/api/students/import';
    let body: BodyInit;
    if (isStudents) {
      const form = new FormData();
      form.set('file', new File([bomb.file as Uint8Array<ArrayBuffer>], `${bomb.name}.xlsx`, { type: XLSX }));
      body = form;
    } else body = bomb.file as unknown as BodyInit;
    const res = await call(base, session, route, {
      method: 'POST',
      body: body as never,
      headers: isStudents ? {} : { 'content-type': XLSX },
      timeoutMs: 60_000,
    });
    const json = (await res.json().catch(() => ({}))) as { code?: string; limit?: string; id?: string };
    const outcome: BombOutcome = {
      bomb: bomb.name,
      route: route.split('?')[0]!.replace(/[0-9a-f-]{36}/, '{id}'),
      as: who,
      status: res.status,
      code: json.code ?? '',
      ...(json.limit ? { limit: json.limit } : {}),
      ms: Math.round(performance.now() - started),
    };
    return { outcome, json };
  };
  // The student import parses before its transaction: the bombs and the slow upload, another school timed.
  const work = (async () => {
    const slow = slowUpload(base, as.center, '/api/students/import');
    for (const bomb of bombs) {
      const refused = await send(bomb, 'dorm_liaison', as.liaison, '/api/students/import');
      if (refused.outcome.status !== 403)
        failures.push(`${bomb.name}: a dorm liaison got ${refused.outcome.status}, not 403`);
      const read = await send(bomb, 'school_admin', as.admin, '/api/students/import');
      const { status, limit } = read.outcome;
      const fits = bomb.expect.limit
        ? status === 413 && limit === bomb.expect.limit
        : status === 400 || status === 413;
      if (!fits)
        failures.push(
          `${bomb.name}: the student import answered ${status} ${read.outcome.code} ${limit ?? ''}`,
        );
      outcomes.push(refused.outcome, read.outcome);
    }
    return slow;
  })();
  const latencies = await measureWhile(base, as.other, work, failures);
  const slow = await work;
  if (slow.status !== 408 || slow.code !== 'http.request-timeout')
    failures.push(`the slow upload was answered ${slow.status} ${slow.code}, not 408 http.request-timeout`);
  // The screening import stores the upload with the import (in the request's transaction) and parses it in its
  // job: each bomb must end the import failed, naming the limit.
  for (const bomb of bombs) {
    const route = `/api/screening/waves/${waveId}/imports?fileName=bomb.xlsx`;
    const { outcome, json } = await send(bomb, 'center_staff', as.center, route);
    outcomes.push(await screeningOutcome(base, as.center, outcome, json.id, failures));
  }
  return {
    bombs: outcomes,
    slowUpload: slow,
    otherSchool: percentiles(latencies),
    serverPeakRssMiB: peakRssMiB(),
    failures,
  };
}

/** A screening import of a bomb is accepted (202) and must end `failed` with the limit in its row-0 error. */
async function screeningOutcome(
  base: string,
  center: Session,
  outcome: BombOutcome,
  importId: string | undefined,
  failures: string[],
): Promise<BombOutcome> {
  if (outcome.status !== 202 || !importId) {
    failures.push(`${outcome.bomb}: the screening import answered ${outcome.status}`);
    return outcome;
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    const row = await expectJson(
      await call(base, center, `/api/screening/imports/${importId}`),
      200,
      'import progress',
    );
    if (row.status !== 'running') {
      if (row.status !== 'failed') failures.push(`${outcome.bomb}: the screening import ended ${row.status}`);
      return { ...outcome, code: `import ${row.status}`, ms: outcome.ms };
    }
    if (Date.now() > deadline) {
      failures.push(`${outcome.bomb}: the screening import still running after 60 s`);
      return outcome;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates and opens a PHQ-9 wave as the center; answers its id. */
export async function openWave(base: string, center: Session, name: string): Promise<string> {
  const now = new Date();
  // The academic year (学年) now running: September to the next July.
  const year = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  const created = await expectJson(
    await call(base, center, '/api/screening/waves', {
      method: 'POST',
      body: {
        academicYear: year,
        name: `${name} ${Date.now().toString(36)}`,
        instrument: 'PHQ-9',
        cohort: 'all',
        opensOn: `${year}-09-01`,
        closesOn: `${year + 1}-07-31`,
      },
    }),
    201,
    'create a wave',
  );
  const id = created.wave.id as string;
  await expectJson(
    await call(base, center, `/api/screening/waves/${id}/status`, {
      method: 'POST',
      body: { status: 'open' },
    }),
    200,
    'open the wave',
  );
  return id;
}
