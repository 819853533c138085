// Keeps a pure function's last answer: asked again with the same arguments (each Object.is the
// last), it answers without working it out again. For counts the layout asks for on every store
// change while their inputs rarely change.

export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
	let last: {args: A; result: R} | null = null;
	return (...args: A): R => {
		if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result;
		const result = fn(...args);
		last = {args, result};
		return result;
	};
}
