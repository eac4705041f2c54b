/**
 * "Test key": one cheap call (`GET {base}/models`, no tokens spent) that says whether the key works
 * where the app is pointed. DashScope keys are region-specific and a key from another region gets
 * the same 401 as a wrong key, so after a 401 the other regions are asked too: a key that works in
 * one of them is reported as "wrong region", naming it.
 */
import type { KeyTestView } from '../contract';
import type { QwenClientFactory } from '../qwen/qwen-client';
import { mapQwenError } from '../qwen/errors';
import type { RegionId } from '../qwen/regions';

export type KeyTestOutcome = KeyTestView;

export interface KeyTestTarget {
  key: string;
  region: RegionId;
  baseURL: string;
  /** Other regions' endpoints to ask after a 401; empty for Custom or an overridden base URL. */
  otherRegions: Array<{ id: RegionId; baseURL: string }>;
  /** Set for an address that is not a region's own: results name it. */
  host?: string;
}

export interface KeyTesterOptions {
  createQwenClient: QwenClientFactory;
  /** Per request, ms. */
  timeoutMs?: number;
}

export async function testKey(target: KeyTestTarget, options: KeyTesterOptions): Promise<KeyTestOutcome> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const ask = async (baseURL: string) => {
    const client = options.createQwenClient({ apiKey: target.key, baseURL, timeoutMs });
    await client.listModels(AbortSignal.timeout(timeoutMs));
  };

  const where = target.host ? { region: target.region, host: target.host } : { region: target.region };
  try {
    await ask(target.baseURL);
    return { outcome: 'valid', ...where };
  } catch (err) {
    const error = mapQwenError(err, target.host ? { baseURL: target.baseURL } : {});
    const detail = error.detail ? { ...where, detail: error.detail } : where;
    if (error.code === 'network' || error.code === 'timeout') {
      return { outcome: 'network_error', ...detail };
    }
    if (error.code !== 'auth' && error.httpStatus !== 403) {
      return { outcome: 'error', error, ...detail };
    }
    const keyRegion = await firstAccepting(target.otherRegions, ask);
    return keyRegion ? { outcome: 'wrong_region', ...where, keyRegion } : { outcome: 'rejected', ...detail };
  }
}

/** Asks every region at once; the first that accepts the key, or null. */
async function firstAccepting(
  regions: KeyTestTarget['otherRegions'],
  ask: (baseURL: string) => Promise<void>,
): Promise<RegionId | null> {
  if (regions.length === 0) return null;
  return Promise.any(regions.map(async (r) => (await ask(r.baseURL), r.id))).catch(() => null);
}
