/**
 * A real speech engine for the read-aloud tests: Debian's speech-dispatcher with espeak-ng,
 * playing into a PulseAudio null sink. The null sink consumes audio at the pace of a real sound
 * card, so a sentence takes as long to "play" as to hear, and pausing and pacing can be tested
 * (libao's and ALSA's null outputs finish a sentence in milliseconds).
 *
 * Both daemons run in a temporary HOME and XDG_RUNTIME_DIR, started here and stopped here by
 * their process ids: nothing of the machine's own audio or speech setup is touched or used.
 *
 * What each browser needs to reach this speech-dispatcher, found by experiment (Chromium 156,
 * Firefox ESR 153, libspeechd 0.11): both read the daemon's address from SPEECHD_ADDRESS
 * ("unix_socket:<path>"); Chromium also needs --enable-speech-dispatcher, without which it lists no
 * voices at all. Neither needs HOME or XDG_RUNTIME_DIR when the address is given. Both list the
 * ~13,000 espeak-ng voices (languages × variants) 4–5 s after first asked on this machine.
 *
 * `NO_SPEECH_ENV` is for every other test: libspeechd autospawns a speech-dispatcher of its own
 * (in ~/.cache, left running after the browser quits) when Firefox is asked for voices and no
 * address is set, and the reader asks for voices when it opens. An address where nothing listens
 * stops that: the browser then simply has no voices.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SpeechEnv {
  /** Environment for the browser. */
  env: Record<string, string>;
  /** Extra Chromium switches. */
  chromiumArgs: string[];
  stop(): Promise<void>;
}

export const CHROMIUM_SPEECH_ARGS = ['--enable-speech-dispatcher'];

/** For tests without a speech engine: nothing listens at this address, and nothing is spawned. */
export const NO_SPEECH_ENV = { SPEECHD_ADDRESS: `unix_socket:${path.join(os.tmpdir(), 'clearread-no-speech-dispatcher.sock')}` };

const waitFor = async (what: string, ok: () => boolean, child: ChildProcess, log: () => string, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited early:\n${log()}`);
    if (Date.now() > deadline) throw new Error(`${what} did not start within ${ms} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Stops a process we started: TERM, then KILL if it lingers. */
async function stopProcess(child: ChildProcess, ms = 4_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), ms));
  if ((await Promise.race([exited, timer])) === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** The ids of a process's children (speech-dispatcher's output modules), from /proc. */
function childrenOf(pid: number): number[] {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z');
  } catch {
    return false;
  }
};

export async function startSpeechEnv(): Promise<SpeechEnv> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-speech-'));
  const home = path.join(dir, 'home');
  const runtime = path.join(dir, 'run');
  const conf = path.join(dir, 'speechd');
  fs.mkdirSync(home);
  fs.mkdirSync(runtime, { mode: 0o700 });
  fs.mkdirSync(path.join(conf, 'modules'), { recursive: true });
  // Only espeak-ng, output to PulseAudio: the system's configuration may say otherwise.
  fs.copyFileSync('/etc/speech-dispatcher/modules/espeak-ng.conf', path.join(conf, 'modules', 'espeak-ng.conf'));
  fs.writeFileSync(path.join(conf, 'speechd.conf'), [
    'LogLevel 3', 'LogDir "default"', 'DefaultVolume 100', 'AudioOutputMethod "pulse"',
    'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"', 'DefaultModule espeak-ng', 'DefaultLanguage "en"', '',
  ].join('\n'));
  const pulseSocket = path.join(runtime, 'pulse', 'native');
  const speechSocket = path.join(runtime, 'speechd.sock');
  const base = { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime, PULSE_SERVER: `unix:${pulseSocket}` };
  let pulseLog = '';
  let speechLog = '';
  const started: ChildProcess[] = [];
  let moduleIds: number[] = [];

  const stop = async () => {
    const [pulse, speechd] = started;
    if (speechd?.pid) moduleIds = [...new Set([...moduleIds, ...childrenOf(speechd.pid)])];
    if (speechd) await stopProcess(speechd);
    // Output modules normally leave with the daemon; any that lingers was started by it, so by us.
    for (const id of moduleIds) if (alive(id)) try { process.kill(id, 'SIGKILL'); } catch { /* gone */ }
    if (pulse) await stopProcess(pulse);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const pulse = spawn('pulseaudio', [
      '--daemonize=no', '--exit-idle-time=-1', '--disallow-exit', '--use-pid-file=no', '--system=no',
      '--realtime=no', '--high-priority=no', '-n', '--log-target=stderr',
      '--load=module-native-protocol-unix', '--load=module-null-sink sink_name=clearread_null', '--load=module-always-sink',
    ], { env: base, stdio: ['ignore', 'ignore', 'pipe'] });
    started.push(pulse);
    pulse.stderr!.on('data', (d) => { pulseLog += d; });
    await waitFor('pulseaudio', () => fs.existsSync(pulseSocket), pulse, () => pulseLog);

    const speechd = spawn('speech-dispatcher', ['-s', '-t', '0', '-C', conf, '-S', speechSocket, '-L', path.join(dir, 'log')], {
      env: base, stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.push(speechd);
    speechd.stderr!.on('data', (d) => { speechLog += d; });
    await waitFor('speech-dispatcher', () => fs.existsSync(speechSocket), speechd, () => speechLog);
    moduleIds = childrenOf(speechd.pid!);
  } catch (error) {
    await stop();
    throw error;
  }
  return { env: { SPEECHD_ADDRESS: `unix_socket:${speechSocket}` }, chromiumArgs: CHROMIUM_SPEECH_ARGS, stop };
}
