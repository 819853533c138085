import {describe, expect, it} from 'vitest';
import {readInvocation} from '../../source/cli/argv.js';

const commands = new Set(['status', 'config', 'demo', 'doctor']);
const read = (...argv: string[]) => readInvocation(argv, n => commands.has(n));

describe('the command line', () => {
	it('takes global flags before the command as well as after it', () => {
		expect(read('--config', '/x.toml', 'status', '--json')).toEqual({kind: 'run', name: 'status', argv: ['--config', '/x.toml', '--json']});
		expect(read('--read-only', '--theme', 'mono', 'doctor')).toEqual({kind: 'run', name: 'doctor', argv: ['--read-only', '--theme', 'mono']});
		expect(read('status', '--config', '/x.toml')).toEqual({kind: 'run', name: 'status', argv: ['--config', '/x.toml']});
	});
	it('runs the cockpit with flags and no command', () => {
		expect(read('--layout', 'phone')).toEqual({kind: 'run', name: null, argv: ['--layout', 'phone']});
		expect(read()).toEqual({kind: 'run', name: null, argv: []});
		// --panel's value is a panel name, not a command.
		expect(read('--panel', 'memory')).toEqual({kind: 'run', name: null, argv: ['--panel', 'memory']});
		expect(read('--panel', 'memory', 'demo')).toEqual({kind: 'run', name: 'demo', argv: ['--panel', 'memory']});
	});
	it('help TOPIC is that command\'s help; an unknown word is named', () => {
		expect(read('help', 'status')).toEqual({kind: 'run', name: 'status', argv: ['--help']});
		expect(read('help')).toEqual({kind: 'usage'});
		expect(read('help', 'nope')).toEqual({kind: 'unknown', name: 'nope'});
		expect(read('--config', '/x.toml', 'stauts')).toEqual({kind: 'unknown', name: 'stauts'});
		expect(read('--version')).toEqual({kind: 'version'});
	});
});
