/**
 * A fake of the GitHub Actions results service on 127.0.0.1: the cache service v2 and the artifact
 * service v2 (Twirp JSON APIs under ACTIONS_RESULTS_URL), the Azure-style blob storage their signed
 * URLs point to, and the REST routes that download another run's artifact. Tests run the real
 * `@actions/cache` and `@actions/artifact` against it; it stores the bytes it is given and returns
 * them, so what a test restores is exactly what the library uploaded.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateRawSync } from 'node:zlib';

const CACHE_SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';
const ARTIFACT_SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';
/** Blob URLs are IP-style Azure URLs (`/<account>/<container>/<blob>`), as the storage emulator uses. */
const BLOB_ACCOUNT = '/devstoreaccount1/';

export interface ZipEntry {
  name: string;
  content: Buffer;
  /** Deflated unless false. */
  deflate?: boolean;
  method?: number;
  flags?: number;
  /** Overrides of what the directory records, to build lying archives. */
  recordedSize?: number;
  recordedCrc?: number;
}

/**
 * A minimal zip writer, for artifacts to plant: archives no honest uploader would build, or
 * honest archives of content the action would never upload.
 */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const deflate = entry.deflate ?? true;
    const data = deflate ? deflateRawSync(entry.content) : entry.content;
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? (deflate ? 8 : 0);
    const crc = entry.recordedCrc ?? crc32(entry.content);
    const size = entry.recordedSize ?? entry.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

export interface FakeCacheEntry {
  key: string;
  version: string;
  /** Bytes of the archive as uploaded; undefined until the upload is finalised. */
  archive: Buffer | undefined;
}

export interface FakeArtifact {
  id: number;
  workflowRunId: number;
  name: string;
  /** The zip as uploaded (or as planted by a test); undefined until finalised. */
  zip: Buffer | undefined;
  /** `sha256:<hex>` as reported by the uploader. */
  digest: string | undefined;
}

export interface ActionsServices {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /**
   * The variables a runner gives a job for these services: set them in `process.env` (the
   * libraries read it) or in a child process's environment. `GITHUB_API_URL` points here too, so
   * the REST artifact routes work without another server.
   */
  env: Record<string, string>;
  /** The token the REST routes accept (what a workflow's `github-token` would be). */
  githubToken: string;
  /** The numeric id of the run the runtime token belongs to; its uploads land there. */
  workflowRunId: number;
  /** When true, every connection is reset before a response, as when the service is unreachable. */
  down: boolean;
  /** Every request as `METHOD /path` (query omitted), in arrival order. */
  requests: string[];
  /** Cache entries in creation order (the newest last). */
  cacheEntries: FakeCacheEntry[];
  artifacts: FakeArtifact[];
  /** Replaces a finalised cache entry's archive with other bytes, as a damaged entry would be. */
  corruptCacheEntry(key: string, bytes: Buffer): void;
  /**
   * Stores bytes as a finalised artifact of a run, bypassing the uploader (hostile artifacts).
   * `digest` is what the service reports; by default none, as for artifacts of older uploaders.
   */
  plantArtifact(workflowRunId: number, name: string, zip: Buffer, digest?: string): FakeArtifact;
  /**
   * Serves the REST routes that `@actions/artifact` uses with `findBy` (another run's artifacts):
   * `GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts[?name=]` and
   * `GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/zip` (302 to a signed blob URL).
   * Returns false, without touching `res`, for any other request, so a fake GitHub API server
   * can mount it in front of its own routes. Requires `authorization: token <token>`.
   */
  handleRestRoute(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  close(): Promise<void>;
}

export interface ActionsServicesOptions {
  /** `owner/name`; REST routes for any other repository answer 404. */
  repository?: string;
  workflowRunId?: number;
}

/** A JWT as the runner issues it: the artifact library reads the run's backend ids from `scp`. */
function runtimeToken(runBackendId: string, jobBackendId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'none', typ: 'JWT' });
  const payload = encode({
    scp: `Actions.GenericRead:x Actions.Results:${runBackendId}:${jobBackendId}`,
  });
  return `${header}.${payload}.${randomBytes(16).toString('base64url')}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function twirpError(res: ServerResponse, status: number, code: string, msg: string): void {
  sendJson(res, status, { code, msg });
}

function azureError(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code });
  res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code></Error>`);
}

export async function startActionsServices(
  options: ActionsServicesOptions = {},
): Promise<ActionsServices> {
  const repository = options.repository ?? 'octo-org/octo-repo';
  const workflowRunId = options.workflowRunId ?? 4242;
  const runBackendId = `run-${randomBytes(4).toString('hex')}`;
  const token = runtimeToken(runBackendId, `job-${randomBytes(4).toString('hex')}`);
  const restToken = `ghs_${randomBytes(12).toString('hex')}`;

  /** Blob path (after the account) → its signature, uploaded blocks and committed bytes. */
  const blobs = new Map<
    string,
    { sig: string; blocks: Map<string, Buffer>; bytes: Buffer | undefined }
  >();
  const cacheEntries: FakeCacheEntry[] = [];
  const artifacts: FakeArtifact[] = [];
  const requests: string[] = [];
  let nextArtifactId = 1000;
  let url = '';

  function blobAt(path: string) {
    let blob = blobs.get(path);
    if (!blob) {
      blob = { sig: randomBytes(8).toString('hex'), blocks: new Map(), bytes: undefined };
      blobs.set(path, blob);
    }
    return blob;
  }

  function signedBlobUrl(path: string): string {
    return `${url}${BLOB_ACCOUNT}${path}?sv=2024-11-04&sig=${blobAt(path).sig}`;
  }

  const cacheBlobPath = (entry: FakeCacheEntry) =>
    `cache/${encodeURIComponent(entry.key)}-${entry.version.slice(0, 12)}`;
  const artifactBlobPath = (artifact: { workflowRunId: number; name: string }) =>
    `artifacts/${artifact.workflowRunId}-${encodeURIComponent(artifact.name)}.zip`;

  /** Restore semantics of the service: each key in order, an exact match, else the newest entry with that prefix. */
  function findCacheEntry(keys: string[], version: string): FakeCacheEntry | undefined {
    const usable = cacheEntries.filter((e) => e.version === version && e.archive !== undefined);
    for (const key of keys) {
      const exact = usable.find((e) => e.key === key);
      if (exact) return exact;
      const newest = usable.filter((e) => e.key.startsWith(key)).at(-1);
      if (newest) return newest;
    }
    return undefined;
  }

  function handleCache(method: string, body: Record<string, unknown>, res: ServerResponse): void {
    const key = String(body.key ?? '');
    const version = String(body.version ?? '');
    switch (method) {
      case 'CreateCacheEntry': {
        if (cacheEntries.some((e) => e.key === key && e.version === version)) {
          twirpError(
            res,
            409,
            'already_exists',
            'cache entry with the same key and version exists',
          );
          return;
        }
        const entry: FakeCacheEntry = { key, version, archive: undefined };
        cacheEntries.push(entry);
        sendJson(res, 200, { ok: true, signed_upload_url: signedBlobUrl(cacheBlobPath(entry)) });
        return;
      }
      case 'FinalizeCacheEntryUpload': {
        const index = cacheEntries.findIndex((e) => e.key === key && e.version === version);
        const entry = cacheEntries[index];
        const bytes = entry && blobs.get(cacheBlobPath(entry))?.bytes;
        if (!entry || !bytes || String(body.size_bytes) !== String(bytes.length)) {
          sendJson(res, 200, { ok: false, message: `no uploaded archive of that size for ${key}` });
          return;
        }
        entry.archive = bytes;
        sendJson(res, 200, { ok: true, entry_id: String(index + 1) });
        return;
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : [];
        const entry = findCacheEntry([key, ...restoreKeys], version);
        if (!entry) {
          sendJson(res, 200, { ok: false });
          return;
        }
        sendJson(res, 200, {
          ok: true,
          signed_download_url: signedBlobUrl(cacheBlobPath(entry)),
          matched_key: entry.key,
        });
        return;
      }
      default:
        twirpError(res, 404, 'bad_route', `no such method: ${method}`);
    }
  }

  function handleArtifact(
    method: string,
    body: Record<string, unknown>,
    res: ServerResponse,
  ): void {
    if (body.workflow_run_backend_id !== runBackendId) {
      twirpError(res, 403, 'permission_denied', 'the token does not belong to this workflow run');
      return;
    }
    const name = String(body.name ?? '');
    switch (method) {
      case 'CreateArtifact': {
        if (artifacts.some((a) => a.workflowRunId === workflowRunId && a.name === name)) {
          twirpError(res, 409, 'already_exists', `an artifact named ${name} already exists`);
          return;
        }
        const artifact: FakeArtifact = {
          id: nextArtifactId++,
          workflowRunId,
          name,
          zip: undefined,
          digest: undefined,
        };
        artifacts.push(artifact);
        sendJson(res, 200, {
          ok: true,
          signed_upload_url: signedBlobUrl(artifactBlobPath(artifact)),
        });
        return;
      }
      case 'FinalizeArtifact': {
        const artifact = artifacts.find(
          (a) => a.workflowRunId === workflowRunId && a.name === name,
        );
        const bytes = artifact && blobs.get(artifactBlobPath(artifact))?.bytes;
        if (!artifact || !bytes || String(body.size) !== String(bytes.length)) {
          sendJson(res, 200, { ok: false });
          return;
        }
        artifact.zip = bytes;
        artifact.digest = typeof body.hash === 'string' ? body.hash : undefined;
        sendJson(res, 200, { ok: true, artifact_id: String(artifact.id) });
        return;
      }
      default:
        twirpError(res, 404, 'bad_route', `no such method: ${method}`);
    }
  }

  /** The subset of the Blob service REST API that `BlockBlobClient` uses to upload and a plain GET. */
  function handleBlob(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): void {
    const path = decodeURIComponent(url.pathname.slice(BLOB_ACCOUNT.length));
    const blob = blobs.get(path);
    if (!blob || url.searchParams.get('sig') !== blob.sig) {
      azureError(res, 403, 'AuthenticationFailed');
      return;
    }
    const headers = {
      etag: `"0x${randomBytes(8).toString('hex')}"`,
      'x-ms-request-server-encrypted': 'true',
    };
    if (req.method === 'GET') {
      if (!blob.bytes) {
        azureError(res, 404, 'BlobNotFound');
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': blob.bytes.length,
      });
      res.end(blob.bytes);
      return;
    }
    if (req.method !== 'PUT') {
      azureError(res, 405, 'UnsupportedHttpVerb');
      return;
    }
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (!blockId) {
        azureError(res, 400, 'InvalidQueryParameterValue');
        return;
      }
      blob.blocks.set(blockId, body);
    } else if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted)>([^<]*)</g)].map(
        (match) => match[1] ?? '',
      );
      const parts = ids.map((id) => blob.blocks.get(id));
      if (parts.some((part) => part === undefined)) {
        azureError(res, 400, 'InvalidBlockList');
        return;
      }
      blob.bytes = Buffer.concat(parts as Buffer[]);
      blob.blocks.clear();
    } else if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      blob.bytes = body;
    } else {
      azureError(res, 400, 'InvalidQueryParameterValue');
      return;
    }
    res.writeHead(201, headers);
    res.end();
  }

  function restArtifact(artifact: FakeArtifact) {
    const [owner, repo] = repository.split('/');
    const apiBase = `${url}/repos/${owner}/${repo}/actions/artifacts/${artifact.id}`;
    return {
      id: artifact.id,
      node_id: `MDg6QXJ0aWZhY3Q${artifact.id}`,
      name: artifact.name,
      size_in_bytes: artifact.zip?.length ?? 0,
      url: apiBase,
      archive_download_url: `${apiBase}/zip`,
      expired: false,
      digest: artifact.digest ?? null,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      expires_at: '2026-04-01T00:00:00Z',
      workflow_run: { id: artifact.workflowRunId },
    };
  }

  function handleRestRoute(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    const prefix = `/repos/${repository}/actions/`;
    const list = new RegExp(`^${prefix}runs/(\\d+)/artifacts$`).exec(url.pathname);
    const zip = new RegExp(`^${prefix}artifacts/(\\d+)/zip$`).exec(url.pathname);
    if (req.method !== 'GET' || (!list && !zip)) return false;
    if (req.headers.authorization !== `token ${restToken}`) {
      sendJson(res, 401, { message: 'Bad credentials' });
      return true;
    }
    const finalised = artifacts.filter((a) => a.zip !== undefined);
    if (list) {
      const runId = Number(list[1]);
      const name = url.searchParams.get('name');
      const found = finalised
        .filter((a) => a.workflowRunId === runId && (name === null || a.name === name))
        .map(restArtifact);
      sendJson(res, 200, { total_count: found.length, artifacts: found });
      return true;
    }
    const artifact = finalised.find((a) => a.id === Number(zip?.[1]));
    if (!artifact) {
      sendJson(res, 404, { message: 'Not Found' });
      return true;
    }
    res.writeHead(302, { location: signedBlobUrl(artifactBlobPath(artifact)) });
    res.end();
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', url);
    requests.push(`${req.method} ${requestUrl.pathname}`);
    if (services.down) {
      req.socket.destroy();
      return;
    }
    const body = await readBody(req);
    if (requestUrl.pathname.startsWith(BLOB_ACCOUNT)) {
      handleBlob(req, requestUrl, body, res);
      return;
    }
    if (handleRestRoute(req, res, requestUrl)) return;
    const twirp = requestUrl.pathname.startsWith(CACHE_SERVICE)
      ? handleCache
      : requestUrl.pathname.startsWith(ARTIFACT_SERVICE)
        ? handleArtifact
        : undefined;
    if (!twirp || req.method !== 'POST') {
      sendJson(res, 404, { message: 'Not Found' });
      return;
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      twirpError(res, 401, 'unauthenticated', 'invalid or missing runtime token');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      twirpError(res, 400, 'malformed', 'the request body is not JSON');
      return;
    }
    const method = requestUrl.pathname.slice(requestUrl.pathname.lastIndexOf('/') + 1);
    twirp(method, parsed as Record<string, unknown>, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const services: ActionsServices = {
    url,
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: `${url}/`,
      ACTIONS_RUNTIME_TOKEN: token,
      GITHUB_API_URL: url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: repository,
      GITHUB_RUN_ID: String(workflowRunId),
    },
    githubToken: restToken,
    workflowRunId,
    down: false,
    requests,
    cacheEntries,
    artifacts,
    corruptCacheEntry(key, bytes) {
      const entry = cacheEntries.find((e) => e.key === key && e.archive !== undefined);
      if (!entry) throw new Error(`no finalised cache entry with key ${key}`);
      entry.archive = bytes;
      blobAt(cacheBlobPath(entry)).bytes = bytes;
    },
    plantArtifact(runId, name, zip, digest) {
      const artifact: FakeArtifact = {
        id: nextArtifactId++,
        workflowRunId: runId,
        name,
        zip,
        digest,
      };
      artifacts.push(artifact);
      blobAt(artifactBlobPath(artifact)).bytes = zip;
      return artifact;
    },
    handleRestRoute,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return services;
}
