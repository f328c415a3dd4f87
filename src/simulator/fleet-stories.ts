import { seededRandom } from './alarm-generator.js';
import { type NetworkPlace, networkPlace } from './fleet-network.js';

// A fleet's history: the incidents a voice engineer meets (a switch reload,
// a DHCP scope running dry, a CUCM node restart), each on the phones of one
// scope within seconds to a minute or two, and a flapping phone or two. The
// background (user resets, config pushes, power saving) is each phone's own:
// fleet-plan.ts draws it.

export type StoryName = 'switch-reload' | 'dhcp-scope-exhausted' | 'cucm-node-restart';

/** One phone's alarm in a story, and what a correct grouping names as the suspect. */
export interface StoryAlarm {
  readonly story: StoryName;
  readonly suspect: { readonly kind: 'switch' | 'subnet' | 'cucm'; readonly value: string };
  /** Epoch ms. */
  readonly time: number;
  readonly reasonCode: number;
}

export interface FleetStories {
  /** Story alarms by phone index. */
  readonly alarms: ReadonlyMap<number, readonly StoryAlarm[]>;
  /** Phones that drop again and again (their cable, their port, the phone itself). */
  readonly flappers: readonly number[];
}

const DAY_MS = 86_400_000;
// Stories need a fleet with a few phones per switch, subnet and node.
const MIN_STORY_FLEET = 20;
// The fewest phones that answer (and so report) each story: the report's default --incident-min-phones.
const MIN_REPORTED = 3;

interface StoryShape {
  readonly story: StoryName;
  readonly kind: 'switch' | 'subnet' | 'cucm';
  /** Days before the newest alarm. */
  readonly daysAgo: number;
  /** The burst's length: a link drop is seconds, a lease renewal or keepalive failure a minute or so. */
  readonly spreadMs: number;
  readonly codes: readonly number[];
  /** Which phones of the scope drop. */
  readonly takes: (rank: number) => boolean;
}

const STORIES: readonly StoryShape[] = [
  // The switch reloads: its phones lose link (115) within seconds.
  { story: 'switch-reload', kind: 'switch', daysAgo: 20, spreadMs: 8_000, codes: [115], takes: () => true },
  // The scope runs dry: every other phone renewing its lease loses its address (16), some time out asking (41).
  {
    story: 'dhcp-scope-exhausted',
    kind: 'subnet',
    daysAgo: 12,
    spreadMs: 90_000,
    codes: [16, 16, 16, 41],
    takes: (rank) => rank % 2 === 0,
  },
  // The node restarts: its phones see the connection aborted (13) or time out (10) within 40 seconds.
  {
    story: 'cucm-node-restart',
    kind: 'cucm',
    daysAgo: 5,
    spreadMs: 40_000,
    codes: [13, 13, 13, 10],
    takes: () => true,
  },
];

/**
 * The stories of a fleet: a pure function of its size, seed and which
 * phones answer. Each story picks a scope (seeded) whose answering phones
 * are enough to report it, on a site the earlier stories left alone where
 * the fleet allows; none for fleets under MIN_STORY_FLEET phones.
 */
export function planStories(
  phones: number,
  seed: number,
  latestMs: number,
  answers: (index: number) => boolean,
): FleetStories {
  const random = seededRandom(seed ^ 0x570e1e5);
  const alarms = new Map<number, StoryAlarm[]>();
  const flappers = flappingPhones(phones, random);
  if (phones < MIN_STORY_FLEET) return { alarms, flappers };
  const usedSites = new Set<string>();
  for (const shape of STORIES) {
    const scopes = scopeMembers(phones, shape.kind, new Set(flappers));
    const fits = [...scopes.entries()].filter(([, members]) => {
      const reported = members.filter((index, rank) => shape.takes(rank) && answers(index));
      return reported.length >= MIN_REPORTED && !narrowerScopeShared(reported, shape.kind);
    });
    const fresh = fits.filter(([, members]) => !members.some((index) => usedSites.has(networkPlace(index).site)));
    const choices = fresh.length > 0 ? fresh : fits;
    const chosen = choices[Math.floor(random() * choices.length)];
    if (chosen === undefined) continue;
    const [value, members] = chosen;
    const start = latestMs - shape.daysAgo * DAY_MS + Math.floor(random() * 6 * 3_600_000);
    members.forEach((index, rank) => {
      if (!shape.takes(rank)) return;
      usedSites.add(networkPlace(index).site);
      const alarm: StoryAlarm = {
        story: shape.story,
        suspect: { kind: shape.kind, value },
        time: start + Math.floor(random() * shape.spreadMs),
        reasonCode: shape.codes[Math.floor(random() * shape.codes.length)] ?? 10,
      };
      alarms.set(index, [...(alarms.get(index) ?? []), alarm]);
    });
  }
  return { alarms, flappers };
}

// The scopes below each story's own, as the grouping orders them.
const NARROWER: Readonly<Record<StoryAlarm['suspect']['kind'], readonly (keyof NetworkPlace)[]>> = {
  switch: [],
  subnet: ['switch'],
  cucm: ['switch', 'subnet', 'gateway', 'vlan', 'site'],
};

/**
 * Whether nearly all (80%) of the phones share a scope narrower than the
 * story's: a node whose phones all sit on one subnet tells a subnet story.
 */
function narrowerScopeShared(indices: readonly number[], kind: StoryAlarm['suspect']['kind']): boolean {
  return NARROWER[kind].some((field) => {
    const counts = new Map<string, number>();
    for (const index of indices) {
      const value = networkPlace(index)[field];
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return Math.max(...counts.values()) >= 0.8 * indices.length;
  });
}

/** The phones of each scope value, in index order (flappers left out: their own story is theirs). */
function scopeMembers(
  phones: number,
  kind: StoryAlarm['suspect']['kind'],
  leftOut: ReadonlySet<number>,
): Map<string, number[]> {
  const members = new Map<string, number[]>();
  for (let index = 0; index < phones; index++) {
    if (leftOut.has(index)) continue;
    const place = networkPlace(index);
    const value = kind === 'switch' ? place.switch : kind === 'subnet' ? place.subnet : place.node;
    const list = members.get(value);
    if (list === undefined) members.set(value, [index]);
    else list.push(index);
  }
  return members;
}

/** One flapping phone from 10 phones up, two from 100. */
function flappingPhones(phones: number, random: () => number): number[] {
  const count = phones >= 100 ? 2 : phones >= 10 ? 1 : 0;
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(random() * phones));
  return [...chosen];
}

/** A flapper's drops: five, hours apart over a day and a half, its cable or port going (115) or the path (10). */
export function flapTimes(index: number, seed: number, latestMs: number): { time: number; reasonCode: number }[] {
  const random = seededRandom((seed * 31 + index) ^ 0xf1a9);
  const start = latestMs - (2 + Math.floor(random() * 20)) * DAY_MS;
  return Array.from({ length: 5 }, (_, at) => ({
    time: start + at * 7 * 3_600_000 + Math.floor(random() * 3_600_000),
    reasonCode: random() < 0.6 ? 115 : 10,
  }));
}
