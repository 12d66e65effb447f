/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) of the relay: where its busy time went,
 * by component and by function, measured as self time (time in the function's own code).
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds between consecutive samples; the first is from the profile's start. */
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  /** Share of the busy (not idle) time, 0..1. */
  share: number;
  ms: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  byComponent: ProfileEntry[];
  topFunctions: ProfileEntry[];
}

export async function summariseProfileFile(path: string, top = 12): Promise<ProfileSummary> {
  return summariseProfile(JSON.parse(await readFile(path, 'utf8')), top);
}

export function summariseProfile(raw: unknown, top = 12): ProfileSummary {
  const profile = validate(raw);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  // Each sample stands for the time until the next one.
  for (let index = 0; index < profile.samples.length; index += 1) {
    const id = profile.samples[index]!;
    const us = profile.timeDeltas[index + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(us, 0));
  }

  const components = new Map<string, number>();
  const functions = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined) throw new Error(`CPU profile sample names unknown node ${id}`);
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const component = componentOf(frame.url, frame.functionName);
    components.set(component, (components.get(component) ?? 0) + us);
    const where = frame.url === '' ? '' : ` ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    const name = `${frame.functionName || '(anonymous)'}${where}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }

  const busyUs = [...components.values()].reduce((sum, us) => sum + us, 0);
  const entries = (map: Map<string, number>): ProfileEntry[] =>
    [...map]
      .map(([name, us]) => ({ name, ms: us / 1000, share: busyUs === 0 ? 0 : us / busyUs }))
      .sort((a, b) => b.ms - a.ms);
  return {
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    byComponent: entries(components),
    topFunctions: entries(functions).slice(0, top),
  };
}

function componentOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)') return 'V8 and native (unattributed)';
  const dependency = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (dependency) return dependency[1]!;
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/dist/relay/shared/')) return 'shared/protocol';
  if (url.includes('/dist/relay/')) return 'relay';
  return url === '' ? 'native built-ins' : 'other';
}

function shortUrl(url: string): string {
  const dependency = url.lastIndexOf('/node_modules/');
  if (dependency !== -1) return url.slice(dependency + '/node_modules/'.length);
  const dist = url.lastIndexOf('/dist/relay/');
  return dist !== -1 ? url.slice(dist + '/dist/relay/'.length) : url;
}

function validate(raw: unknown): Profile {
  const problem = (what: string): Error => new Error(`not a V8 CPU profile: ${what}`);
  if (typeof raw !== 'object' || raw === null) throw problem('not an object');
  const { nodes, samples, timeDeltas } = raw as Record<string, unknown>;
  if (!Array.isArray(nodes)) throw problem('no nodes array');
  if (!isNumbers(samples) || !isNumbers(timeDeltas)) throw problem('no samples or timeDeltas');
  if (samples.length !== timeDeltas.length) {
    throw problem('samples and timeDeltas differ in length');
  }
  for (const node of nodes as unknown[]) {
    const { id, callFrame } = (node ?? {}) as Record<string, unknown>;
    const frame = (callFrame ?? {}) as Record<string, unknown>;
    if (typeof id !== 'number' || typeof frame.functionName !== 'string'
      || typeof frame.url !== 'string' || typeof frame.lineNumber !== 'number') {
      throw problem('a node without an id or a call frame');
    }
  }
  return { nodes: nodes as ProfileNode[], samples, timeDeltas };
}

function isNumbers(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}
