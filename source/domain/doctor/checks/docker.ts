// Docker: the Engine socket handed to containers (root on the host, read-only or not), log files
// without rotation, folders that grow, disks that fill; images that float or need emulation.

import {formatBytes} from '../../format.js';
import {ev, fail, ok, unknown, warn} from '../result.js';
import type {Check, Evidence} from '../types.js';
import type {DoctorFacts} from '../facts.js';

const SOCKET = /(^|\/)docker\.sock$/;

function noDocker(facts: DoctorFacts): string | null {
	if (!facts.docker) return 'Docker is disabled in the stackdeck config';
	if (facts.docker.error) return `Docker Engine at ${facts.docker.endpoint} did not answer: ${facts.docker.error}`;
	return null;
}

export const socketMount: Check = {
	id: 'docker.socket-mount',
	title: 'Containers holding the Docker socket',
	group: 'Docker',
	run(facts) {
		const missing = noDocker(facts);
		if (missing) return unknown(missing, 'start Docker or set [docker] in the stackdeck config');
		const holders = facts.docker!.containers.flatMap(c => c.mounts.filter(m => SOCKET.test(m.source) || SOCKET.test(m.destination)).map(m => ({c, m})));
		if (holders.length === 0) return ok(`none of ${facts.docker!.containers.length} containers mounts the Docker socket`);
		const evidence = holders.map(({c, m}) => ev(`container ${c.name}: mount`, `${m.source} -> ${m.destination}${m.readOnly ? ' (read-only)' : ''}`));
		const ro = holders.some(h => h.m.readOnly);
		return warn(
			`${holders.map(h => h.c.name).join(', ')} can control Docker, which is root on this host${ro ? '; ":ro" only stops writes to the socket file, not API calls through it' : ''}`,
			evidence,
			'mount the socket only into the container that starts sandboxes (openhands), never into code-server, Aider or anything reachable from outside; to limit it, put a Docker socket proxy in front that allows only the calls needed',
		);
	},
};

/** Docker's size strings ("10m", "1g") in bytes. */
export function dockerSize(text: string): number | null {
	const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(text.trim());
	if (!m) return null;
	const unit = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
	return Number(m[1]) * unit;
}

const FREE_SPACE = 'free space: docker system df, docker image prune, and remove old OpenHands logs and cache folders';

export const logRotation: Check = {
	id: 'docker.log-rotation',
	title: 'Logs rotated and disks with room',
	group: 'Docker',
	run(facts) {
		const problems: {level: 'warn' | 'fail'; text: string}[] = [];
		const evidence: Evidence[] = [];
		const fixes: string[] = [];
		if (facts.docker && !facts.docker.error) {
			const unrotated = facts.docker.containers.filter(c => c.logDriver === 'json-file' && !c.logOptions['max-size']);
			for (const c of unrotated) evidence.push(ev(`container ${c.name}: LogConfig`, `${c.logDriver}, no max-size`));
			if (unrotated.length > 0) {
				problems.push({level: 'warn', text: `${unrotated.length} container(s) log to json-file without max-size: their logs grow until the disk is full`});
				fixes.push('add `logging: {driver: json-file, options: {max-size: "10m", max-file: "3"}}` to each service (or "log-opts" in /etc/docker/daemon.json) and recreate the containers');
			}
		}
		for (const f of facts.folders) {
			if (f.error) continue;
			if (f.bytes >= facts.warnFolderBytes) {
				evidence.push(ev(f.path, `${formatBytes(f.bytes)}${f.partial ? ' or more' : ''}`));
				problems.push({level: 'warn', text: `${f.path} holds ${formatBytes(f.bytes)}${f.partial ? '+' : ''}`});
				fixes.push(`clean or rotate ${f.path} (OpenHands' logs folder is not rotated by Docker)`);
			}
		}
		for (const d of facts.disks) {
			if (d.error || d.totalBytes === 0) continue;
			const share = d.freeBytes / d.totalBytes;
			const text = `${formatBytes(d.freeBytes)} free of ${formatBytes(d.totalBytes)} (${Math.round(share * 100)}%)`;
			evidence.push(ev(`${d.label}: ${d.path}`, text));
			const level = share < 0.05 || d.freeBytes < 2 * 1024 ** 3 ? 'fail' : share < 0.15 ? 'warn' : null;
			if (level) problems.push({level, text: `${d.label} is ${level === 'fail' ? 'almost full' : 'filling'}: ${text}`});
			if (level && !fixes.includes(FREE_SPACE)) fixes.push(FREE_SPACE);
		}
		const measured = (facts.docker && !facts.docker.error) || facts.disks.some(d => !d.error);
		if (!measured) return unknown('neither Docker nor any disk could be read', 'start Docker, or check the folders named in [cache] dirs');
		if (problems.length === 0) return ok('logs are rotated and the disks have room', evidence);
		const summary = problems.map(p => p.text).join('; ');
		return problems.some(p => p.level === 'fail') ? fail(summary, evidence, fixes.join('; ')) : warn(summary, evidence, fixes.join('; '));
	},
};

function imageTag(image: string): string | null {
	if (image.includes('@sha256:')) return null; // pinned by digest
	const colon = image.lastIndexOf(':');
	return colon > image.lastIndexOf('/') ? image.slice(colon + 1) : 'latest';
}

export const imagesPinned: Check = {
	id: 'images.pinned',
	title: 'Images pinned to a version',
	group: 'Docker',
	run(facts) {
		const missing = noDocker(facts);
		if (missing) return unknown(missing, 'start Docker or set [docker] in the stackdeck config');
		const floating = facts.docker!.containers.filter(c => {
			const tag = imageTag(c.image);
			return tag !== null && ['latest', 'main', 'nightly', 'dev', 'stable'].includes(tag.toLowerCase());
		});
		if (floating.length === 0) return ok(`all ${facts.docker!.containers.length} containers use a version tag or digest`);
		return warn(
			`${floating.map(c => c.name).join(', ')} ${floating.length === 1 ? 'uses' : 'use'} a moving tag: a pull or a recreate silently changes the version`,
			floating.map(c => ev(`container ${c.name}: image`, c.image)),
			'pin each image to the version tag it runs now (docker image inspect shows it) or to a digest (image@sha256:...)',
		);
	},
};

export const imagesArch: Check = {
	id: 'images.arch',
	title: 'Images built for this host\'s architecture',
	group: 'Docker',
	run(facts) {
		const missing = noDocker(facts);
		if (missing) return unknown(missing, 'start Docker or set [docker] in the stackdeck config');
		const host = facts.docker!.arch;
		if (!host) return unknown('the daemon did not report its architecture');
		const known = facts.docker!.containers.filter(c => c.imageArch);
		const foreign = known.filter(c => c.imageArch !== host);
		if (known.length === 0) return unknown('no image reported its architecture');
		if (foreign.length === 0) return ok(`all ${known.length} images are ${host}`, [ev('docker info: Architecture', host)]);
		return fail(
			`${foreign.map(c => `${c.name} (${c.imageArch})`).join(', ')} run under emulation on this ${host} host: many times slower, and some crash`,
			[ev('docker info: Architecture', host), ...foreign.map(c => ev(`container ${c.name}: image ${c.image}`, c.imageArch!))],
			`pull the ${host} variant (docker pull --platform linux/${host} IMAGE, or platform: linux/${host} in compose) and recreate`,
		);
	},
};
