// dockerode and ssh2 are CommonJS packages with large dependency trees (@grpc/grpc-js and
// protobufjs come with dockerode): loaded at start-up they took about a fifth of the time to the
// first frame, before any Docker or SSH host was used. They are required on first use instead.
// So are Node's http and https clients: compiling them (with tls and crypto under https) took
// about 20 ms of start-up, and the first frame sends no request.

import {createRequire} from 'node:module';
import type DockerClass from 'dockerode';
import type * as Ssh2 from 'ssh2';
import type * as Http from 'node:http';
import type * as Https from 'node:https';

const requireHere = createRequire(import.meta.url);

/** The dockerode class, loaded on the first call. */
export function dockerode(): typeof DockerClass {
	return requireHere('dockerode') as typeof DockerClass;
}

/** The ssh2 module, loaded on the first call. */
export function ssh2(): typeof Ssh2 {
	return requireHere('ssh2') as typeof Ssh2;
}

/** Node's http module, loaded on the first call. */
export function nodeHttp(): typeof Http {
	return requireHere('node:http') as typeof Http;
}

/** Node's https module, loaded on the first call. */
export function nodeHttps(): typeof Https {
	return requireHere('node:https') as typeof Https;
}
