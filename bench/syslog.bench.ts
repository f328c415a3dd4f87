// npm run bench:syslog: generates a syslog file of SYSLOG_BENCH_MB (default
// 1024) MB of CUCM traffic, about 1% of it unregistration events, in a temp
// folder; reads it with our reader and with `unreg syslog -f json`, each in a
// process of its own (so the figures are theirs alone), next to `grep -c
// EndPointUnregistered` on the same file; prints MB/s and peak RSS; deletes
// the folder.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../src/cli/build-cli.js';
import type { CliIo } from '../src/cli/command-line.js';
import { openSyslogFile, readSyslogInputs } from '../src/syslog/read-syslog.js';
import { buildSyslogReport, type SyslogReport } from '../src/syslog/syslog-report.js';
import { machineDescription } from './measure.js';

const MB = 1024 * 1024;

interface ChildFigures {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  lines: number;
  events: number;
  endPointUnregistered: number;
}

async function main(): Promise<void> {
  const sizeMb = Number(process.env.SYSLOG_BENCH_MB ?? 1024);
  const folder = mkdtempSync(join(tmpdir(), 'unreg-bench-syslog-'));
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    const file = join(folder, 'CiscoSyslog');
    for (const line of machineDescription()) console.log(line);
    const started = performance.now();
    const generated = generate(file, sizeMb * MB);
    const bytes = statSync(file).size;
    console.log(
      `generated ${(bytes / MB).toFixed(0)} MB, ${generated.lines} lines, ${generated.events} unregistration events ` +
        `(${((100 * generated.events) / generated.lines).toFixed(2)}%) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const grep = timeGrep(file);
    const reader = runChild('reader', file, '');
    const command = runChild('command', file, join(folder, 'report.json'));
    const rate = (ms: number) => `${((bytes / MB) * (1000 / ms)).toFixed(0)} MB/s`;
    console.log('');
    console.log(`grep -c EndPointUnregistered   ${rate(grep.wallMs).padStart(10)}  count ${grep.count}`);
    for (const [name, figures] of [
      ['reader (read + pair)', reader],
      ['unreg syslog -f json -o FILE', command],
    ] as const) {
      console.log(
        `${name.padEnd(29)} ${rate(figures.wallMs).padStart(10)}  (${rate(figures.cpuMs)} per CPU second)  ` +
          `peak RSS ${figures.maxRssMb.toFixed(0)} MB  ${figures.lines} lines, ${figures.events} events, ` +
          `EndPointUnregistered ${figures.endPointUnregistered}`,
      );
    }
    if (reader.endPointUnregistered !== grep.count) {
      console.log(
        `MISMATCH: grep counted ${grep.count} EndPointUnregistered lines, the reader ${reader.endPointUnregistered}`,
      );
      process.exitCode = 1;
    }
  } finally {
    cleanUp();
  }
}

function timeGrep(file: string): { wallMs: number; count: number } {
  const started = performance.now();
  const result = spawnSync('grep', ['-c', 'EndPointUnregistered', file], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`grep failed: ${result.stderr}`);
  return { wallMs, count: Number(result.stdout.trim()) };
}

function runChild(mode: string, file: string, output: string): ChildFigures {
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [script, '--child', mode, file, output], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildFigures;
}

/** In a process of its own: one read of the file, then its figures as JSON. */
async function child(mode: string, file: string, output: string): Promise<void> {
  const started = performance.now();
  const before = process.resourceUsage();
  let report: SyslogReport | undefined;
  if (mode === 'reader') {
    report = buildSyslogReport(await readSyslogInputs([await openSyslogFile(file)]), 600_000);
  } else {
    const io: CliIo = { stdin: process.stdin, stdout: discard(), stderr: process.stderr, env: {}, exitStatus: 0 };
    await (await buildCli(['syslog', file, '--format', 'json', '--output', output], io)).parseAsync();
    if (io.exitStatus !== 0) throw new Error(`unreg syslog exited ${io.exitStatus}`);
  }
  const wallMs = performance.now() - started;
  const usage = process.resourceUsage();
  // After timing: the counts, to check that it read what grep found.
  const figures = report === undefined ? await countsFromReport(output) : countsFromStore(report);
  const result: ChildFigures = {
    ...figures,
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime - before.userCPUTime - before.systemCPUTime) / 1000,
    maxRssMb: usage.maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(result));
}

function countsFromStore(report: SyslogReport): Pick<ChildFigures, 'lines' | 'events' | 'endPointUnregistered'> {
  let endPointUnregistered = 0;
  for (const event of report.store.events()) if (event.alarm === 'EndPointUnregistered') endPointUnregistered += 1;
  report.store.close();
  return { lines: report.read.lines, events: report.read.events, endPointUnregistered };
}

async function countsFromReport(
  path: string,
): Promise<Pick<ChildFigures, 'lines' | 'events' | 'endPointUnregistered'>> {
  const { readFile } = await import('node:fs/promises');
  const document = JSON.parse(await readFile(path, 'utf8')) as {
    read: { lines: number; events: number };
    events: Array<{ alarm: string }>;
  };
  return {
    lines: document.read.lines,
    events: document.read.events,
    endPointUnregistered: document.events.filter((event) => event.alarm === 'EndPointUnregistered').length,
  };
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

// ---- the generated file -------------------------------------------------

const DEVICES = 5000;
const NODES = ['cucm-pub', 'cucm-sub1', 'cucm-sub2'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * CUCM traffic as CiscoSyslog holds it: registrations, audit events, CTI,
 * transient connections, RTMT alerts; 1 line in 100 an unregistration
 * (EndPointUnregistered, then the phone's LastOutOfServiceInformation when
 * it is back, now and then the older DeviceUnregistered form).
 */
function generate(path: string, targetBytes: number): { lines: number; events: number } {
  const fd = openSync(path, 'w');
  let written = 0;
  let lines = 0;
  let events = 0;
  let clock = Date.parse('2024-03-01T00:00:00Z');
  let batch: string[] = [];
  let batchBytes = 0;
  try {
    while (written < targetBytes) {
      clock += 37;
      const device = lines % DEVICES;
      const unregistration = lines % 100 === 50;
      const line = unregistration ? unregistrationLine(lines, device, clock) : trafficLine(lines, device, clock);
      if (unregistration) events += 1;
      batch.push(line);
      batchBytes += line.length + 16;
      lines += 1;
      if (batchBytes >= 4 * MB) {
        written += writeBatch(fd, batch);
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length > 0) written += writeBatch(fd, batch);
  } finally {
    closeSync(fd);
  }
  return { lines, events };
}

function writeBatch(fd: number, lines: string[]): number {
  const bytes = Buffer.from(`${lines.join('\n')}\n`);
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
  return bytes.length;
}

function header(sequence: number, node: string, ms: number, severity: number): string {
  // One toISOString per line: generating must not take longer than reading.
  const iso = new Date(ms).toISOString();
  const month = MONTHS[Number(iso.slice(5, 7)) - 1];
  const day = iso.slice(8, 10);
  const cucmStamp = `${month} ${day} ${iso.slice(0, 4)} ${iso.slice(11, 23)} UTC`;
  return `${month} ${day[0] === '0' ? ` ${day[1]}` : day} ${iso.slice(11, 19)} ${node} local7 ${severity} : ${sequence}: ${node}.example.com: ${cucmStamp} :  `;
}

function deviceName(device: number): string {
  return `SEP00AABB${device.toString(16).toUpperCase().padStart(6, '0')}`;
}

function address(device: number): string {
  return `10.${20 + (device >> 16)}.${(device >> 8) & 255}.${device & 255}`;
}

function trafficLine(sequence: number, device: number, ms: number): string {
  const node = NODES[sequence % NODES.length] ?? 'cucm';
  const name = deviceName(device);
  switch (sequence % 7) {
    case 0:
    case 1:
      return `${header(sequence, node, ms, 6)}%UC_CALLMANAGER-6-EndPointRegistered: %[DeviceName=${name}][IPAddress=${address(device)}][Protocol=SIP][DeviceType=36670][Description=Desk ${device}][LoadID=sip88xx.14-2-1-0201-30][AssociatedDNs=${2000 + device}][MACAddress=${name.slice(3)}][IPAddrAttributes=0][LoginUserID=][ActiveLoadId=sip88xx.14-2-1-0201-30][InactiveLoadId=sip88xx.14-1-1-0001-125][TransportProtocol=TCP][ClusterID=BenchCluster][NodeID=${node}]: Endpoint registered`;
    case 2:
      return `${header(sequence, node, ms, 5)}%UC_AUDITLOG-5-AdministrativeEvent: %[UserID=admin][ClientAddress=10.1.1.${sequence % 250}][Severity=3][EventType=UserLogging][ResourceAccessed=Cisco CCM Administration][EventStatus=Success][CompulsoryEvent=No][AuditCategory=AdministrativeEvent][ComponentID=Cisco CCM Application][CorrelationID=][AuditDetails=Attempt to access data was successful.User is authorized to access the page][AppID=Cisco Tomcat][ClusterID=][NodeID=${node}]: Audit Event is generated by this application`;
    case 3:
      return `${header(sequence, node, ms, 6)}%UC_CTI-6-CtiProviderOpened: %[CTIconnectionId=${sequence}][Login User Id=jtapi_user][Version=14.0(1)][IPAddress=10.1.2.3][IPv6Address=][AppID=Cisco CTIManager][ClusterID=BenchCluster][NodeID=${node}]: CTI application opened provider`;
    case 4:
      return `${header(sequence, node, ms, 4)}%UC_CALLMANAGER-4-EndPointTransientConnection: %[DeviceName=${name}][IPAddress=${address(device)}][Protocol=SIP][DeviceType=36670][Description=受付 ${device}][Reason=10][IPAddrAttributes=0][AppID=Cisco CallManager][ClusterID=BenchCluster][NodeID=${node}]: Endpoint transient connection attempt`;
    case 5:
      return `${header(sequence, node, ms, 2)}%UC_RTMT-2-RTMT_ALERT: %[AlertName=CallProcessingNodeCpuPegging][AlertDetail= Processor load over configured threshold for configured duration of time . Configured high threshold is 90 % ][AppID=Cisco AMC Service][ClusterID=][NodeID=${node}]: RTMT Alert`;
    default:
      return `${header(sequence, node, ms, 6)}%UC_CALLMANAGER-6-DeviceApplyConfigInitiated: %[DeviceName=${name}][DeviceType=36670][ConfigChanged=true][AppID=Cisco CallManager][ClusterID=BenchCluster][NodeID=${node}]: Device apply config initiated`;
  }
}

function unregistrationLine(sequence: number, device: number, ms: number): string {
  const node = NODES[sequence % NODES.length] ?? 'cucm';
  const name = deviceName(device);
  const kind = Math.floor(sequence / 100) % 10;
  if (kind < 5) {
    const reason = [13, 13, 8, 6, 9][kind] ?? 13;
    return `${header(sequence, node, ms, reason === 8 || reason === 9 ? 6 : 3)}%UC_CALLMANAGER-3-EndPointUnregistered: %[DeviceName=${name}][IPAddress=${address(device)}][Protocol=SIP][DeviceType=36670][Description=会議室 ${device}][Reason=${reason}][IPAddrAttributes=0][LastSignalReceived=SIPStationDPrimaryLineTimeout][CallState=idle][AppID=Cisco CallManager][ClusterID=BenchCluster][NodeID=${node}]: An endpoint has unregistered.`;
  }
  if (kind < 9) {
    const reason = [10, 10, 16, 22][kind - 5] ?? 10;
    const stamp = Math.floor((ms - 40_000) / 1000);
    return `${header(sequence, node, ms, 6)}%UC_-6-LastOutOfServiceInformation: %[DeviceName=${name}][DeviceIPv4Address=${address(device)} / 0][IPv4DefaultGateway=10.20.0.1][DeviceIPv6Address=][IPv6DefaultGateway=][ModelNumber=CP-8861][NeighborIPv4Address=10.20.0.2][NeighborIPv6Address=][NeighborDeviceID=access-sw-1][NeighborPortID=GigabitEthernet1/0/${device % 48}][DHCPv4Status=1][DHCPv6Status=3][TFTPCfgStatus=1][DNSStatusUnifiedCM1=1][DNSStatusUnifiedCM2=1][DNSStatusUnifiedCM3=3][VoiceVLAN=0][UnifiedCMIPAddress=${node}][LocalPort=49786][TimeStamp=${stamp}][ReasonForOutOfService=${reason}][LastProtocolEventSent=Sent:REGISTER sip:${node} SIP/2.0 Cseq:118 REGISTER CallId:${sequence}@${address(device)}][LastProtocolEventReceived=][ClusterID=BenchCluster][NodeID=${node}]: Information related to the last out-of-service event`;
  }
  return `${header(sequence, node, ms, 3)}%CCM_CALLMANAGER-CALLMANAGER-3-DeviceUnregistered: Device unregistered. Device name.:${name} Device IP address.:${address(device)} Protocol.:SCCP Device type. [Optional]:7 Device description [Optional].:Lobby ${device} Reason Code [Optional].:13 App ID:Cisco CallManager Cluster ID:BenchCluster Node ID:${node}`;
}

// Last: the constants above must be initialised before anything runs.
const [mode, ...rest] = process.argv.slice(2);
if (mode === '--child') await child(rest[0] ?? '', rest[1] ?? '', rest[2] ?? '');
else if (mode === '--generate') generate(rest[0] ?? 'CiscoSyslog', Number(process.env.SYSLOG_BENCH_MB ?? 1024) * MB);
else await main();
