// Loaded into the cockpit with NODE_OPTIONS=--import: once the file named by NOISY_TRIGGER
// appears, it does what a misbehaving library would while the cockpit runs: a real
// MaxListenersExceededWarning, an explicit process warning, console output and a raw stderr write.
// Then it writes NOISY_TRIGGER + ".done".
import {EventEmitter} from 'node:events';
import {existsSync, writeFileSync} from 'node:fs';

const trigger = process.env.NOISY_TRIGGER;
if (trigger) {
	const timer = setInterval(() => {
		if (!existsSync(trigger)) return;
		clearInterval(timer);
		const emitter = new EventEmitter();
		for (let i = 0; i < 11; i++) emitter.on('tick', () => {});
		process.emitWarning('a library says something odd', 'DeprecationWarning', 'DEP0999');
		console.log('stray console.log output');
		console.error('stray console.error output');
		process.stderr.write('stray stderr write\n');
		setTimeout(() => writeFileSync(`${trigger}.done`, 'ok'), 200);
	}, 50);
	timer.unref();
}
