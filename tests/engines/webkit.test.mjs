// The reader's explainer in Webkit (see suite.mjs and engines.mjs). Run: make test-engines
import { defineEngineSuite } from './suite.mjs';

defineEngineSuite('webkit');
