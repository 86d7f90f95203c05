// The reader's explainer in Firefox (see suite.mjs and engines.mjs). Run: make test-engines
import { defineEngineSuite } from './suite.mjs';

defineEngineSuite('firefox');
