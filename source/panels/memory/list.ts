// The Memory panel's engine list: the shared list keys move it, Enter opens an engine's figures.
import {engineList} from '../engines-common.js';
import {selectedEngineFields} from '../engine-fields.js';

export const memoryList = engineList('memory', selectedEngineFields);
