// `unreg simulate --cucm`: the fleet's CUCM, its certificate and truth files.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PhonePlan } from '../fleet-plan.js';
import { selfSignedCertificate } from './cucm-certificate.js';
import { type CucmDirectoryOptions, cucmDirectory } from './cucm-directory.js';
import { CUCM_HOST, type CucmServerOptions, SimulatedCucm } from './cucm-server.js';
import { cucmTruth } from './cucm-truth.js';

export type StartCucmOptions = CucmDirectoryOptions & Omit<CucmServerOptions, 'devices' | 'certificate'>;

export interface RunningCucm {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly server: SimulatedCucm;
  /** Writes `cucm-cert.pem` (to trust with --cacert) and `cucm-truth.json`; returns their paths. */
  writeFiles(folder: string): Promise<{ cacert: string; truth: string }>;
}

export async function startSimulatedCucm(plans: readonly PhonePlan[], options: StartCucmOptions): Promise<RunningCucm> {
  const devices = cucmDirectory(plans, options);
  const certificate = await selfSignedCertificate();
  const server = new SimulatedCucm({ ...options, devices, certificate });
  const port = await server.listen();
  return {
    host: CUCM_HOST,
    port,
    username: options.username,
    server,
    async writeFiles(folder) {
      await mkdir(folder, { recursive: true });
      const files = { cacert: join(folder, 'cucm-cert.pem'), truth: join(folder, 'cucm-truth.json') };
      await writeFile(files.cacert, certificate.cert);
      await writeFile(files.truth, `${JSON.stringify(cucmTruth(plans, devices))}\n`);
      return files;
    },
  };
}
